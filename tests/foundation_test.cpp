// The foundation the modules build on: screen kinds declared once, the outbox of events, the
// inactivity rule per place and mode, the reading order and the transcript that comes from it.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/bidi.hpp"
#include "core/reading.hpp"
#include "core/transcript.hpp"
#include "core/translations.hpp"
#include "support/headless.hpp"
#include "support/run.hpp"
#include "ui/screens.hpp"

namespace anteroom {
namespace {

using testing::Headless;

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

const char* const kIvOnly = "clinic_name = \"Lakeside\"\nclinic_phone = \"503-281-4401\"\ncrisis_line = \"988\"\nemergency_number = \"911\"\nroutes_offered = [\"iv\"]\n";

// ---- Screen kinds ---------------------------------------------------------------------------

TEST(ScreenKinds, EveryKindHasADrawFunctionAndEveryDrawFunctionAKind) {
    std::set<std::string> declared, drawn;
    for (const KindSpec& k : screen_kinds()) declared.insert(std::string(k.name));
    for (const auto& [name, draw] : ui::kind_drawers()) drawn.insert(std::string(name));
    EXPECT_EQ(declared, drawn);
}

TEST(ScreenKinds, EveryKindStartsWithItsTitleAndNamesItsFieldsOnce) {
    for (const KindSpec& k : screen_kinds()) {
        ASSERT_FALSE(k.fields.empty()) << k.name;
        EXPECT_EQ(k.fields.front().key, "title") << k.name;
        EXPECT_TRUE(k.fields.front().faces & kTitleFace) << k.name;
        std::set<std::string_view> keys;
        for (const FieldSpec& f : k.fields) EXPECT_TRUE(keys.insert(f.key).second) << k.name << ": " << f.key;
        keys.clear();
        for (const FieldSpec& f : k.list.fields) EXPECT_TRUE(keys.insert(f.key).second) << k.name << ": " << f.key;
        EXPECT_EQ(k.has_list(), !k.list.fields.empty()) << k.name;
    }
}

// Every text a module holds is reached through its kind's declaration: the translation
// template, coverage and presentation all see the same texts, and none is left behind.
TEST(ScreenKinds, EveryTextOfEveryScreenReachesTranslatorsAndTheScreen) {
    Loaded l = testing::load_bundled();
    const ContentSource& content = l.content.content;
    for (const ModuleSource& m : content.modules) {
        std::set<std::string> keys;
        for (const Text* t : module_texts(m)) keys.insert(t->key);
        size_t texts = 2;  // title and summary
        for (const ScreenSource& s : m.screens) {
            for (size_t i = 0; i < s.texts.size(); ++i) {
                texts += !s.texts[i].empty();
                if (!s.texts[i].empty()) {
                    EXPECT_TRUE(keys.contains(s.texts[i].key)) << s.texts[i].key;
                }
                EXPECT_EQ(s.texts[i].key, m.id + "/" + s.id + ":" + std::string(s.kind->fields[i].key));
            }
            for (const ItemSource& item : s.items)
                for (const Text& t : item.texts) {
                    texts += !t.empty();
                    EXPECT_TRUE(keys.contains(t.key)) << t.key;
                }
        }
        EXPECT_EQ(texts, keys.size()) << m.id;
    }
}

// ---- The outbox -----------------------------------------------------------------------------

std::vector<std::string> names(const std::vector<Event>& events) {
    std::vector<std::string> out;
    for (const Event& e : events) {
        std::string n = event_name(e.kind);
        if (!e.module.empty()) n += " " + e.module;
        if (!e.screen.empty()) n += " " + e.screen;
        if (e.kind == Event::LanguageChosen) n += " " + e.locale;
        out.push_back(n);
    }
    return out;
}

TEST(Outbox, AWalkThroughTheModuleRecordsEachStepInOrder) {
    Headless h;
    ASSERT_TRUE(h.tap(h.text("attract.touch")));
    ASSERT_TRUE(h.tap("Español"));
    ASSERT_TRUE(h.tap(h.kiosk().shown().modules.at(0).title));
    const ShownModule& m = *h.kiosk().current_module();
    std::vector<std::string> expected = {"session started", "language chosen es", "module started education"};
    for (size_t i = 0; i < m.screens.size(); ++i) {
        expected.push_back("screen reached education " + m.screens[i].id);
        ASSERT_TRUE(h.tap(h.text(i + 1 == m.screens.size() ? "nav.finish" : "nav.next")));
    }
    expected.push_back("module completed education");
    ASSERT_EQ(h.session().place, Place::End);
    ASSERT_TRUE(h.tap(h.text("end.restart")));
    expected.push_back("session restarted");
    const std::vector<Event> events = h.take_events();
    EXPECT_EQ(names(events), expected);
    // The time in the module is the simulated time the walk took, and every event is in Spanish.
    const auto completed = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.kind == Event::ModuleCompleted; });
    ASSERT_NE(completed, events.end());
    EXPECT_GT(completed->seconds, 0.1);
    EXPECT_LT(completed->seconds, 120.0);
    for (size_t i = 1; i + 1 < events.size(); ++i) EXPECT_EQ(events[i].locale, "es") << names({events[i]})[0];
}

TEST(Outbox, LeavingEarlyAndTimingOutSayWhereThePatientWas) {
    Headless h;
    ASSERT_TRUE(h.tap(h.text("attract.touch")));
    ASSERT_TRUE(h.tap("English"));
    ASSERT_TRUE(h.tap(h.kiosk().shown().modules.at(0).title));
    ASSERT_TRUE(h.tap(h.text("nav.next")));
    const std::string second = h.kiosk().current_screen()->id;
    ASSERT_TRUE(h.tap(h.text("nav.home")));
    ASSERT_TRUE(h.tap(h.kiosk().shown().modules.at(0).title));
    h.wait(h.kiosk().config().idle_reset_s + 1.0);
    EXPECT_EQ(h.session().place, Place::Attract);
    const std::string first = h.kiosk().shown().modules.at(0).screens.at(0).id;
    EXPECT_EQ(names(h.take_events()),
              (std::vector<std::string>{"session started", "language chosen en", "module started education", "screen reached education " + first,
                                        "screen reached education " + second, "module left early education " + second,
                                        "module started education", "screen reached education " + first,
                                        "session timed out education " + first}));
}

TEST(Outbox, NothingHappensWithoutAPatient) {
    Headless h;
    h.frames(10);
    h.wait(10000);
    EXPECT_TRUE(h.take_events().empty());
}

// ---- Inactivity per place and mode ----------------------------------------------------------

TEST(Inactivity, TheAttractScreenNeverTimesOutAndModulesUseTheClinicsTimes) {
    Kiosk k = testing::bundled_kiosk(0);
    EXPECT_EQ(k.idle_policy().reset_s, kNever);
    k.apply({Intent::Begin}, 0);
    EXPECT_EQ(k.idle_policy().warning_s, k.config().idle_warning_s);
    EXPECT_EQ(k.idle_policy().reset_s, k.config().idle_reset_s);
}

TEST(Inactivity, AGuidedSessionWaitsLongerWithTheSameCountdown) {
    Kiosk k = testing::bundled_kiosk(0);
    k.apply({Intent::Begin}, 0);
    k.set_mode(Mode::Guided, 0);
    const IdlePolicy p = k.idle_policy();
    EXPECT_EQ(p.reset_s, k.config().guided_idle_reset_s);
    EXPECT_EQ(p.reset_s - p.warning_s, k.config().idle_reset_s - k.config().idle_warning_s);
    k.tick(k.config().idle_reset_s + 1.0);
    EXPECT_EQ(k.session().place, Place::Language) << "the waiting-room limit must not apply";
    k.tick(p.reset_s + 1);
    EXPECT_EQ(k.session().place, Place::Attract);
    EXPECT_EQ(k.session().mode, Mode::WaitingRoom) << "the next patient starts in the waiting-room mode";
}

TEST(Inactivity, APlayingActivityHoldsTheResetOffUntilItStops) {
    Kiosk k = testing::bundled_kiosk(0);
    k.apply({Intent::Begin}, 0);
    k.apply({Intent::ChooseLanguage, -1, "en"}, 0);
    k.apply({Intent::OpenModule, 0}, 0);
    k.apply({Intent::ActivityStarted}, 0);
    EXPECT_EQ(k.next_wakeup(1), kNever);
    k.tick(10000);
    EXPECT_FALSE(k.idle(10000).warning);
    EXPECT_EQ(k.session().place, Place::Module);
    k.apply({Intent::ActivityStopped}, 10000);
    k.tick(10000 + k.config().idle_reset_s);
    EXPECT_EQ(k.session().place, Place::Attract);
}

TEST(Inactivity, AnActivityEndsWithItsScreen) {
    Kiosk k = testing::bundled_kiosk(0);
    k.apply({Intent::Begin}, 0);
    k.apply({Intent::ChooseLanguage, -1, "en"}, 0);
    k.apply({Intent::OpenModule, 0}, 0);
    k.apply({Intent::ActivityStarted}, 0);
    k.apply({Intent::Next}, 0);
    EXPECT_FALSE(k.session().activity_running);
    EXPECT_NE(k.next_wakeup(0), kNever);
}

// ---- The session's traces in the UI ---------------------------------------------------------

TEST(Reset, WipesTheWordsTheUiLaidOut) {
    Headless h;
    ASSERT_TRUE(h.tap(h.text("attract.touch")));
    ASSERT_TRUE(h.tap("English"));
    ASSERT_TRUE(h.tap(h.kiosk().shown().modules.at(0).title));
    const std::string title = h.kiosk().current_screen()->text("title").line;
    ASSERT_TRUE(h.ui().remembers(title)) << "the screen's title was laid out";
    h.wait(h.kiosk().config().idle_reset_s + 1.0);
    ASSERT_EQ(h.session().place, Place::Attract);
    EXPECT_FALSE(h.ui().remembers(title));
}

// ---- Reading order and the transcript --------------------------------------------------------

TEST(Reading, TheCurrentScreenReadsAsTheTranscriptPrintsIt) {
    Headless h;
    ASSERT_TRUE(h.tap(h.text("attract.touch")));
    ASSERT_TRUE(h.tap("English"));
    ASSERT_TRUE(h.tap(h.kiosk().shown().modules.at(0).title));
    const std::vector<ReadingPage> all = read_everything(h.kiosk(), "en");
    for (int i = 0; i < 3; ++i) {
        const ReadingPage now = read_current(h.kiosk(), h.now());
        auto same = std::find_if(all.begin(), all.end(), [&](const ReadingPage& p) { return p.name == now.name; });
        ASSERT_NE(same, all.end()) << now.name;
        ASSERT_EQ(same->lines.size(), now.lines.size()) << now.name;
        for (size_t l = 0; l < now.lines.size(); ++l) EXPECT_EQ(same->lines[l].text(), now.lines[l].text()) << now.name;
        ASSERT_TRUE(h.tap(h.text("nav.next")));
    }
}

TEST(Reading, AnOpenAnswerIsReadOnlyWhenOpen) {
    Kiosk k = testing::bundled_kiosk(0);
    k.apply({Intent::Begin}, 0);
    k.apply({Intent::ChooseLanguage, -1, "en"}, 0);
    k.apply({Intent::OpenModule, 0}, 0);
    while (k.current_screen()->kind->list.action != ItemAction::Toggle) k.apply({Intent::Next}, 0);
    const std::string answer = k.current_screen()->items.at(1).text("a").rich.blocks.at(0).plain();
    auto read = [&] {
        std::string all;
        for (const Reading& r : read_current(k, 0).lines) all += r.text() + "\n";
        return all;
    };
    EXPECT_TRUE(contains(read(), k.current_screen()->items.at(1).text("q").line));
    EXPECT_FALSE(contains(read(), answer));
    k.apply({Intent::ToggleItem, 1}, 0);
    EXPECT_TRUE(contains(read(), answer));
}

// Everything the screens show is in the transcript: every laid-out line of every screen of a
// walk appears in it, word for word.
TEST(Transcript, HoldsEveryTextTheScreensDraw) {
    Headless h;
    const std::string transcript = write_transcript(h.kiosk(), "en", TranscriptFormat::Html, "source");
    std::set<std::string> missing;
    auto check = [&] {
        for (const ui::ProbeText& t : h.probe().texts) {
            std::string words = t.text;
            while (!words.empty() && words.back() == ' ') words.pop_back();
            if (words.empty() || std::all_of(words.begin(), words.end(), [](char c) { return std::isdigit(c) || c == '.'; })) continue;  // list numbers
            if (needs_bidi(words) || words.find("\xEF\xBA") != std::string::npos || words.find("\xEF\xBB") != std::string::npos)
                continue;  // drawn shaped and in visual order (a language's own name): not the logical text
            std::string escaped;
            for (char c : words) escaped += c == '&' ? std::string("&amp;") : c == '"' ? std::string("&quot;") : std::string(1, c);
            if (!contains(transcript, escaped)) missing.insert(words);
        }
    };
    check();
    ASSERT_TRUE(h.tap(h.text("attract.touch")));
    check();
    ASSERT_TRUE(h.tap("English"));
    check();
    ASSERT_TRUE(h.tap(h.kiosk().shown().modules.at(0).title));
    const ShownModule& m = *h.kiosk().current_module();
    for (size_t i = 0; i < m.screens.size(); ++i) {
        const ShownScreen& s = *h.kiosk().current_screen();
        for (size_t item = 0; item < s.items.size() && s.kind->list.action == ItemAction::Toggle; ++item)
            h.kiosk().apply({Intent::ToggleItem, static_cast<int>(item)}, h.now());
        // Every part of a long screen, a finger-scroll at a time.
        for (int page = 0; page < 40; ++page) {
            h.frames(2);
            check();
            const ui::ScrollState& scroll = h.ui().scroll();
            if (scroll.y >= scroll.max_y - 1) break;
            h.ui().scroll_to(scroll.y + scroll.view * 0.8f);
        }
        ASSERT_TRUE(h.tap(h.text(i + 1 == m.screens.size() ? "nav.finish" : "nav.next")));
    }
    check();
    EXPECT_TRUE(missing.empty()) << [&] {
        std::string s;
        for (const std::string& w : missing) s += "\n  " + w;
        return "drawn but not in the transcript:" + s;
    }();
}

TEST(Transcript, ShowsOnlyTheRoutesTheClinicOffers) {
    Kiosk all = testing::bundled_kiosk(0);
    Kiosk iv = testing::bundled_kiosk(0, kIvOnly);
    const std::string every = write_transcript(all, "en", TranscriptFormat::Markdown, "source");
    const std::string only_iv = write_transcript(iv, "en", TranscriptFormat::Markdown, "source");
    EXPECT_TRUE(contains(every, "Spravato"));
    EXPECT_FALSE(contains(only_iv, "(nasal)"));
    EXPECT_FALSE(contains(only_iv, "(im)"));
    EXPECT_TRUE(contains(only_iv, "(iv)"));
    EXPECT_TRUE(contains(only_iv, "Lakeside"));
    EXPECT_TRUE(contains(only_iv, "503-281-4401"));
    EXPECT_FALSE(contains(only_iv, "{clinic_phone}"));
}

TEST(Transcript, ArabicIsRightToLeftAndInArabic) {
    Kiosk k = testing::bundled_kiosk(0);
    const std::string html = write_transcript(k, "ar", TranscriptFormat::Html, "draft");
    EXPECT_TRUE(contains(html, "<section lang=\"ar\" dir=\"rtl\">"));
    EXPECT_FALSE(contains(html, "dir=\"ltr\">\n<h2 dir=\"ltr\">attract"));
    EXPECT_TRUE(contains(html, k.presentation("ar").text("attract.touch")));
    EXPECT_TRUE(contains(html, k.presentation("ar").modules.at(0).screens.at(0).text("title").line));
    EXPECT_TRUE(contains(html, "draft"));
}

TEST(Transcript, TheCommandWritesAFileAndRefusesAnUnknownLanguage) {
    const std::string out = ::testing::TempDir() + "transcript-test.html";
    testing::ProgramRun r = testing::run_program({ANTEROOM_BINARY, "transcript", "--locale", "zh-Hans", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.both();
    FILE* f = std::fopen(out.c_str(), "rb");
    ASSERT_NE(f, nullptr);
    std::string text(1 << 20, '\0');
    text.resize(std::fread(text.data(), 1, text.size(), f));
    std::fclose(f);
    EXPECT_TRUE(contains(text, "<!DOCTYPE html>"));
    EXPECT_TRUE(contains(text, "lang=\"zh-Hans\""));
    r = testing::run_program({ANTEROOM_BINARY, "transcript", "--locale", "xx"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "'xx' is not an available language")) << r.both();
}

}  // namespace
}  // namespace anteroom
