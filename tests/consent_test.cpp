// Consent preparation as a patient goes through it, headless through the real screens: pages
// read to their end, points confirmed, questions answered (and asked again when wrong), the
// patient's own list of questions, "I'd like to stop", keys alone, and what the outbox says.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/reading.hpp"
#include "support/headless.hpp"

namespace anteroom {
namespace {

using testing::Headless;

const ShownModule& consent_module(const Kiosk& k) {
    for (const ShownModule& m : k.shown().modules)
        if (std::any_of(m.screens.begin(), m.screens.end(), [](const ShownScreen& s) { return s.kind->consent; })) return m;
    throw std::runtime_error("no consent module");
}

void open_consent(Headless& h, const std::string& locale = "en") {
    ASSERT_TRUE(h.tap(h.text("attract.touch")));
    ASSERT_TRUE(h.tap(locale_native_name(locale)));
    ASSERT_TRUE(h.tap(consent_module(h.kiosk()).title));
    ASSERT_EQ(h.session().place, Place::Module);
    h.frames(3);
}

bool next_enabled(Headless& h) {
    const ui::ProbeItem* next = h.probe().find_any(h.text("nav.next"));
    return next && next->enabled;
}

void read_to_end(Headless& h) {
    h.ui().scroll_to(1e6f);
    h.frames(3);
}

// Goes to the next screen of this kind, doing what each screen on the way asks.
void pass(Headless& h) {
    const ShownScreen& s = *h.kiosk().current_screen();
    read_to_end(h);
    // Each tap confirms the first point not yet confirmed (some may be from an earlier visit).
    for (size_t point = 0; point < s.items.size() && h.probe().find_any(h.text("consent.understand")); ++point) {
        ASSERT_TRUE(h.tap(h.text("consent.understand"))) << s.id << " point " << point;
    }
    if (s.kind->name == "quiz") {
        const auto right = std::find_if(s.items.begin(), s.items.end(), [](const ShownItem& o) { return o.flag; });
        ASSERT_TRUE(h.tap(right->text("text").line));
    }
    ASSERT_TRUE(h.tap(h.text(h.session().screen + 1 == static_cast<int>(h.kiosk().current_module()->screens.size()) ? "nav.finish" : "nav.next")))
        << s.id;
}

void go_to(Headless& h, const std::string& id) {
    for (int i = 0; i < 40 && h.kiosk().current_screen()->id != id; ++i) pass(h);
    ASSERT_EQ(h.kiosk().current_screen()->id, id);
}

TEST(Consent, NextWaitsUntilALongTopicIsReadToItsEndAndSaysWhy) {
    Headless h;
    open_consent(h);
    ASSERT_EQ(h.kiosk().current_screen()->kind->name, "topic");
    ASSERT_GT(h.ui().scroll().max_y, 100.f) << "the first topic is longer than the screen";
    EXPECT_EQ(h.kiosk().blocked(), Kiosk::Blocked::ReadToEnd);
    EXPECT_FALSE(next_enabled(h)) << "Next waits";
    EXPECT_TRUE(h.probe().has_text("Slide up to read to the end")) << "and says why, in words";
    h.tap(h.text("nav.next"));
    EXPECT_EQ(h.session().screen, 0) << "a tap on it does nothing";
    h.ui().scroll_to(h.ui().scroll().max_y / 2);
    h.frames(3);
    EXPECT_EQ(h.kiosk().blocked(), Kiosk::Blocked::ReadToEnd) << "half way is not the end";
    read_to_end(h);
    EXPECT_EQ(h.kiosk().blocked(), Kiosk::Blocked::No);
    EXPECT_TRUE(next_enabled(h));
    ASSERT_TRUE(h.tap(h.text("nav.next")));
    EXPECT_EQ(h.session().screen, 1);
}

TEST(Consent, AShortTopicIsReadWhenItIsShown) {
    Headless h({1080, 12000});  // a screen tall enough for the whole first topic
    open_consent(h);
    EXPECT_LT(h.ui().scroll().max_y, 0.5f);
    EXPECT_EQ(h.kiosk().blocked(), Kiosk::Blocked::No);
    EXPECT_TRUE(next_enabled(h));
}

TEST(Consent, SafetyPointsAreConfirmedOneByOneBeforeGoingOn) {
    Headless h;
    open_consent(h);
    const ShownScreen* safety = nullptr;
    for (const ShownScreen& s : consent_module(h.kiosk()).screens)
        if (s.kind->name == "topic" && s.items.size() >= 2) safety = &s;
    ASSERT_NE(safety, nullptr);
    go_to(h, safety->id);
    read_to_end(h);
    EXPECT_EQ(h.kiosk().blocked(), Kiosk::Blocked::Confirm);
    EXPECT_FALSE(next_enabled(h));
    EXPECT_TRUE(h.probe().has_text(h.text("consent.acknowledge_first").substr(0, 10)));
    for (size_t i = 0; i < safety->items.size(); ++i) {
        EXPECT_EQ(h.kiosk().blocked(), Kiosk::Blocked::Confirm) << i << " of " << safety->items.size();
        ASSERT_TRUE(h.tap(h.text("consent.understand")));
    }
    EXPECT_EQ(h.kiosk().blocked(), Kiosk::Blocked::No);
    EXPECT_TRUE(next_enabled(h));
}

TEST(Consent, AWrongAnswerExplainsAndAsksAgainAndCanBeAnsweredAfterReadingAgain) {
    Headless h;
    open_consent(h);
    go_to(h, consent_module(h.kiosk()).screens.at(1).id);
    const ShownScreen& quiz = *h.kiosk().current_screen();
    ASSERT_EQ(quiz.kind->name, "quiz");
    EXPECT_FALSE(next_enabled(h)) << "the question first";
    const auto wrong = std::find_if(quiz.items.begin(), quiz.items.end(), [](const ShownItem& o) { return !o.flag; });
    const auto right = std::find_if(quiz.items.begin(), quiz.items.end(), [](const ShownItem& o) { return o.flag; });
    ASSERT_TRUE(h.tap(wrong->text("text").line));
    EXPECT_TRUE(h.probe().has_text(h.text("quiz.wrong")));
    const std::string& explanation = quiz.text("explanation").rich.blocks.at(0).spans.at(0).text;
    EXPECT_TRUE(h.probe().has_text(explanation.substr(0, explanation.find(' ', 12)))) << "the right answer, explained";
    EXPECT_FALSE(next_enabled(h)) << "nobody goes on with a wrong answer, and nobody fails out";
    ASSERT_TRUE(h.tap(h.text("quiz.try_again")));
    EXPECT_FALSE(h.probe().has_text(h.text("quiz.wrong"))) << "asked again";
    ASSERT_TRUE(h.tap(wrong->text("text").line));
    ASSERT_TRUE(h.tap(h.text("quiz.read_again")));
    EXPECT_EQ(h.kiosk().current_screen()->id, quiz.ref) << "back to the topic";
    ASSERT_TRUE(h.tap(h.text("nav.next")));  // read already: free to go on
    EXPECT_EQ(h.kiosk().current_screen()->id, quiz.id);
    EXPECT_FALSE(h.probe().has_text(h.text("quiz.wrong"))) << "the question is asked again";
    h.take_events();
    ASSERT_TRUE(h.tap(right->text("text").line));
    EXPECT_TRUE(h.probe().has_text(h.text("quiz.right")));
    EXPECT_TRUE(next_enabled(h));
    const std::vector<Event> events = h.take_events();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].kind, Event::QuestionAnswered);
    EXPECT_EQ(events[0].screen, quiz.id);
    EXPECT_FALSE(events[0].right_first_time);
}

TEST(Consent, TheEndListsThePagesThePatientAddedAndNothingOfThemOutlivesTheSession) {
    Headless h;
    open_consent(h);
    std::vector<std::string> added;
    const size_t screens = h.kiosk().current_module()->screens.size();
    for (size_t i = 0; i < screens; ++i) {
        const ShownScreen& s = *h.kiosk().current_screen();
        if (s.kind->name == "topic" && added.size() < 2 && i > 0) {
            ASSERT_TRUE(h.scroll_into_view(h.text("consent.question")));
            ASSERT_TRUE(h.tap(h.text("consent.question")));
            EXPECT_NE(h.probe().find_any(h.text("consent.question_marked")), nullptr);
            added.push_back(s.text("title").line);
        }
        pass(h);
    }
    ASSERT_EQ(h.session().place, Place::End);
    EXPECT_TRUE(h.probe().has_text(h.text("consent.questions_title")));
    for (const std::string& title : added) EXPECT_TRUE(h.probe().has_text(title)) << title;
    ASSERT_TRUE(h.tap(h.text("end.restart")));
    EXPECT_TRUE(h.session().questions.empty());
    EXPECT_TRUE(h.session().reviewed.empty());
    EXPECT_FALSE(h.ui().remembers(added.at(0))) << "its words are wiped from the UI too";
}

TEST(Consent, IdLikeToStopWorksFromEveryConsentScreenAndForgetsTheList) {
    Headless h;
    open_consent(h);
    const size_t screens = h.kiosk().current_module()->screens.size();
    for (size_t stop_at = 0; stop_at < screens; ++stop_at) {
        if (stop_at > 0) {  // from the last stop, back in from Home
            ASSERT_TRUE(h.tap(h.text("nav.home")));
            ASSERT_TRUE(h.tap(consent_module(h.kiosk()).title));
            h.frames(3);
        }
        for (size_t i = 0; i < stop_at; ++i) pass(h);
        const ShownScreen& s = *h.kiosk().current_screen();
        if (s.kind->name == "topic") {
            ASSERT_TRUE(h.scroll_into_view(h.text("consent.question")));
            ASSERT_TRUE(h.tap(h.text("consent.question")));
        }
        h.take_events();
        ASSERT_TRUE(h.tap(h.text("consent.stop"))) << s.id;
        EXPECT_EQ(h.session().place, Place::End) << s.id;
        EXPECT_TRUE(h.session().questions.empty()) << s.id;
        EXPECT_TRUE(h.probe().has_text(h.text("consent.stop_title"))) << s.id;
        EXPECT_FALSE(h.probe().has_text(h.text("consent.questions_title"))) << s.id;
        const std::vector<Event> events = h.take_events();
        ASSERT_EQ(events.size(), 1u) << s.id;
        EXPECT_EQ(events[0].kind, Event::ModuleStopped);
        EXPECT_EQ(events[0].screen, s.id);
        EXPECT_EQ(events[0].hash, module_fingerprint(h.kiosk(), "en", 1).hash);
    }
}

TEST(Consent, AFullWalkRecordsEachStepWithItsVersionAndHash) {
    Headless h;
    open_consent(h, "es");
    const ShownModule& m = consent_module(h.kiosk());
    for (size_t i = 0; i < m.screens.size(); ++i) pass(h);
    ASSERT_EQ(h.session().place, Place::End);
    const ModuleFingerprint f = module_fingerprint(h.kiosk(), "es", 1);
    int quizzes = 0, answered = 0;
    for (const ShownScreen& s : m.screens) quizzes += s.kind->name == "quiz";
    for (const Event& e : h.take_events()) {
        if (e.module.empty()) continue;
        EXPECT_EQ(e.version, "2");
        EXPECT_EQ(e.hash, f.hash);
        EXPECT_EQ(e.locale, "es");
        if (e.kind == Event::QuestionAnswered) {
            ++answered;
            EXPECT_TRUE(e.right_first_time);
        }
        EXPECT_NE(e.kind, Event::ModuleStopped);
    }
    EXPECT_EQ(answered, quizzes);
    EXPECT_GE(quizzes, 8) << "at least 8 questions";
}

TEST(Consent, KeysAloneGoThroughTheWholeModule) {
    Headless h;
    h.press_key(ImGuiKey_Enter);
    for (int i = 0; i < 50 && h.focused() != "English"; ++i) h.press_key(ImGuiKey_Tab);
    h.press_key(ImGuiKey_Enter);
    const std::string title = consent_module(h.kiosk()).title;
    for (int i = 0; i < 50 && h.focused() != title; ++i) h.press_key(ImGuiKey_Tab);
    h.press_key(ImGuiKey_Enter);
    ASSERT_EQ(h.session().place, Place::Module);
    auto focus_on = [&](const std::string& label) {
        for (int i = 0; i < 200 && h.focused() != label; ++i) h.press_key(ImGuiKey_Tab);
        return h.focused() == label;
    };
    const size_t screens = h.kiosk().current_module()->screens.size();
    for (size_t i = 0; i < screens; ++i) {
        const ShownScreen& s = *h.kiosk().current_screen();
        if (s.kind->name == "quiz") {
            const auto right = std::find_if(s.items.begin(), s.items.end(), [](const ShownItem& o) { return o.flag; });
            ASSERT_TRUE(focus_on(right->text("text").line)) << s.id;
            h.press_key(ImGuiKey_Enter);
        } else {
            // Tabbing through the page reaches its last button, which takes the page to its end.
            ASSERT_TRUE(focus_on(h.text("consent.question"))) << s.id;
            for (size_t p = 0; p < s.items.size(); ++p) {
                ASSERT_TRUE(focus_on(h.text("consent.understand"))) << s.id;
                h.press_key(ImGuiKey_Space);
            }
            ASSERT_TRUE(focus_on(h.text("consent.question"))) << s.id;
        }
        EXPECT_EQ(h.kiosk().blocked(), Kiosk::Blocked::No) << s.id;
        ASSERT_TRUE(focus_on(h.text(i + 1 == screens ? "nav.finish" : "nav.next"))) << s.id;
        h.press_key(ImGuiKey_Enter);
    }
    EXPECT_EQ(h.session().place, Place::End);
    EXPECT_TRUE(h.probe().has_text(h.text("consent.end_title").substr(0, 8)));
}

// Every consent screen, in each of its states, in every language and size, at the standard
// and the largest text size: no text outside its container, no missing glyph.
class ConsentLayout : public ::testing::TestWithParam<std::tuple<ImVec2, std::string, TextSize>> {};

TEST_P(ConsentLayout, NoTextLeavesItsContainer) {
    const auto& [size, locale, text_size] = GetParam();
    Headless h(size);
    h.kiosk().apply({Intent::SetTextSize, static_cast<int>(text_size)}, h.now());
    open_consent(h, locale);
    auto check = [&](const std::string& where) {
        for (int page = 0; page < 60; ++page) {
            for (const std::string& o : h.probe().overflows()) ADD_FAILURE() << where << ": " << o;
            if (h.ui().scroll().y >= h.ui().scroll().max_y - 1) break;
            h.ui().scroll_to(h.ui().scroll().y + h.ui().scroll().view * 0.8f);
            h.frames(2);
        }
    };
    const size_t screens = h.kiosk().current_module()->screens.size();
    for (size_t i = 0; i < screens; ++i) {
        const ShownScreen& s = *h.kiosk().current_screen();
        check(s.id);
        if (s.kind->name == "quiz") {
            const auto wrong = std::find_if(s.items.begin(), s.items.end(), [](const ShownItem& o) { return !o.flag; });
            h.kiosk().apply({Intent::Answer, static_cast<int>(wrong - s.items.begin())}, h.now());
            h.frames(2);
            h.ui().scroll_to(0);
            h.frames(2);
            check(s.id + " (wrong answer)");
            h.kiosk().apply({Intent::TryAgain}, h.now());
        }
        pass(h);
    }
    check("end");
}

INSTANTIATE_TEST_SUITE_P(All, ConsentLayout,
                         ::testing::Combine(::testing::Values(ImVec2{1920, 1080}, ImVec2{1080, 1920}, ImVec2{1280, 800}),
                                            ::testing::Values("en", "es", "zh-Hans", "vi", "ko", "ar"),
                                            ::testing::Values(TextSize::Standard, TextSize::Largest)),
                         [](const auto& info) {
                             const ImVec2 size = std::get<0>(info.param);
                             std::string locale = std::get<1>(info.param);
                             std::replace(locale.begin(), locale.end(), '-', '_');
                             return std::to_string(static_cast<int>(size.x)) + "x" + std::to_string(static_cast<int>(size.y)) + "_" + locale +
                                    (std::get<2>(info.param) == TextSize::Largest ? "_largest" : "");
                         });

}  // namespace
}  // namespace anteroom
