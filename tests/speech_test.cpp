// Speech output: what each screen says and in what order (core/speech).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "core/reading.hpp"
#include "core/speech.hpp"
#include "support/headless.hpp"

namespace anteroom {
namespace {

using testing::bundled_kiosk;

bool blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

// ---- What a page says -----------------------------------------------------------------------

// The pauses as a reader takes them: a new topic longest, a button's name shortest.
int expected_pause(Reading::Kind kind) {
    switch (kind) {
    case Reading::Heading: return 600;
    case Reading::Paragraph: return 450;
    case Reading::Note: return 400;
    case Reading::ListItem: return 350;
    case Reading::Button: return 300;
    }
    return -1;
}

// One utterance per line of read_current with words in it, in order, with its exact text.
std::vector<Utterance> expect_follows(const ReadingPage& page) {
    const std::vector<Utterance> u = utterances(page);
    size_t k = 0;
    for (size_t i = 0; i < page.lines.size(); ++i) {
        if (blank(page.lines[i].text())) continue;
        if (k >= u.size()) {
            ADD_FAILURE() << page.name << ": no utterance for line " << i;
            return u;
        }
        EXPECT_EQ(u[k].line, static_cast<int>(i)) << page.name;
        EXPECT_EQ(u[k].text, page.lines[i].text()) << page.name << " line " << i;
        EXPECT_EQ(u[k].pause_after_ms, expected_pause(page.lines[i].kind)) << page.name << " line " << i;
        ++k;
    }
    EXPECT_EQ(k, u.size()) << page.name;
    return u;
}

Reading::Kind kind_of(const ReadingPage& page, const Utterance& u) { return page.lines[static_cast<size_t>(u.line)].kind; }

// Every module screen begins with the module's name and the progress, then the title, and
// ends with the "Questions?" card and the four buttons.
void expect_module_frame(const Kiosk& k, const ReadingPage& page, const std::vector<Utterance>& u, bool own_page) {
    ASSERT_GE(u.size(), 9u) << page.name;
    const Presentation& p = k.shown();
    EXPECT_EQ(u[0].text, k.current_module()->title);
    EXPECT_EQ(kind_of(page, u[0]), Reading::Note);
    EXPECT_EQ(kind_of(page, u[1]), Reading::Note);
    const size_t title = own_page ? 3 : 2;
    if (own_page) {
        EXPECT_EQ(u[2].text, p.text("routes.all"));
        EXPECT_EQ(kind_of(page, u[2]), Reading::Button);
    }
    EXPECT_EQ(kind_of(page, u[title]), Reading::Heading);
    EXPECT_EQ(page.lines[static_cast<size_t>(u[title].line)].level, 1);
    EXPECT_EQ(u[title].pause_after_ms, 600);
    const size_t n = u.size();
    EXPECT_EQ(u[n - 6].text, p.text("ask.title"));
    EXPECT_EQ(u[n - 5].text, p.text("ask.body"));
    EXPECT_EQ(u[n - 4].text, p.text("nav.home"));
    EXPECT_EQ(u[n - 3].text, p.text("nav.language"));
    EXPECT_EQ(u[n - 2].text, p.text("nav.back"));
    for (size_t i = n - 4; i < n; ++i) EXPECT_EQ(u[i].pause_after_ms, 300) << u[i].text;
}

size_t index_of(const std::vector<Utterance>& u, const std::string& text) {
    for (size_t i = 0; i < u.size(); ++i)
        if (u[i].text == text) return i;
    return u.size();
}

TEST(Speech, EachScreenKindIsReadInTheOrderOfItsReading) {
    Kiosk k = bundled_kiosk(0);
    k.apply({Intent::Begin}, 0);
    k.apply({Intent::ChooseLanguage, -1, "en"}, 0);
    k.apply({Intent::OpenModule, 0}, 0);
    std::set<std::string> kinds;
    while (k.session().place == Place::Module) {
        const ShownScreen& s = *k.current_screen();
        const std::string kind(s.kind->name);
        if (kinds.insert(kind).second) {
            SCOPED_TRACE(kind + " screen " + s.id);
            const ReadingPage closed = read_current(k, 0);
            const std::vector<Utterance> u = expect_follows(closed);
            expect_module_frame(k, closed, u, false);
            EXPECT_EQ(u[2].text, s.text("title").line);
            if (kind == "faq") {
                // An answer is read only when open, right after its question.
                const std::string q = s.items.at(1).text("q").line;
                const size_t at = index_of(u, q);
                ASSERT_LT(at, u.size());
                k.apply({Intent::ToggleItem, 1}, 0);
                const ReadingPage open = read_current(k, 0);
                const std::vector<Utterance> v = expect_follows(open);
                ASSERT_GT(v.size(), u.size());
                const size_t answer = v.size() - u.size();  // its paragraphs and list items
                EXPECT_EQ(v[at].text, q);
                for (size_t i = at + 1; i <= at + answer; ++i) {
                    const Reading::Kind kind = kind_of(open, v[i]);
                    EXPECT_TRUE(kind == Reading::Paragraph || kind == Reading::ListItem) << v[i].text;
                }
                EXPECT_EQ(v[at + answer + 1].text, u[at + 1].text);  // then the next question, as before
                k.apply({Intent::ToggleItem, 1}, 0);
            }
            if (kind == "timeline") {
                // Each step's title as a heading, then its body.
                for (const ShownItem& step : s.items) {
                    const size_t at = index_of(u, step.text("title").line);
                    ASSERT_LT(at, u.size()) << step.text("title").line;
                    EXPECT_EQ(kind_of(closed, u[at]), Reading::Heading);
                    EXPECT_LT(at + 1, u.size() - 6);
                }
            }
            if (kind == "compare") {
                const size_t left = index_of(u, s.text("left_heading").line);
                const size_t right = index_of(u, s.text("right_heading").line);
                ASSERT_LT(left, u.size());
                ASSERT_LT(right, u.size());
                EXPECT_LT(left, right);
                EXPECT_EQ(kind_of(closed, u[left]), Reading::Heading);
                size_t items = 0;
                for (size_t i = left; i < right; ++i) items += kind_of(closed, u[i]) == Reading::ListItem;
                EXPECT_GT(items, 0u) << "the left side's list";
            }
            if (kind == "routes") {
                // Each offered route: its title, its summary, and the button that opens it.
                const std::string open = k.shown().text("routes.open");
                size_t buttons = 0;
                for (const Utterance& x : u) buttons += x.text == open;
                EXPECT_EQ(buttons, s.items.size());
                for (const ShownItem& r : s.items) {
                    const size_t at = index_of(u, r.text("title").line);
                    ASSERT_LT(at + 2, u.size());
                    EXPECT_EQ(u[at + 1].text, r.text("summary").line);
                    EXPECT_EQ(u[at + 2].text, open);
                    EXPECT_EQ(u[at + 2].pause_after_ms, 300);
                }
                // A route's own page: Back to all routes, then the route.
                k.apply({Intent::OpenItem, -1, s.items.at(0).id}, 0);
                const ReadingPage route = read_current(k, 0);
                const std::vector<Utterance> r = expect_follows(route);
                expect_module_frame(k, route, r, true);
                EXPECT_EQ(r[3].text, s.items.at(0).text("title").line);
                k.apply({Intent::Back}, 0);
            }
        }
        k.apply({Intent::Next}, 0);
    }
    EXPECT_EQ(kinds, (std::set<std::string>{"text", "faq", "timeline", "compare", "routes"}));
}

TEST(Speech, EveryPlaceAndLanguageIsReadLineByLine) {
    Kiosk k = bundled_kiosk(0);
    for (const std::string& locale : k.locales())
        for (const ReadingPage& page : read_everything(k, locale)) {
            const std::vector<Utterance> u = expect_follows(page);
            EXPECT_FALSE(u.empty()) << locale << ": " << page.name;
        }
}

TEST(Speech, LinesWithoutWordsAreNotSaid) {
    ReadingPage page{"p", "en", {}};
    page.lines.push_back({Reading::Heading, 1, {{"Title", Style::Regular}}});
    page.lines.push_back({Reading::Paragraph, 0, {{"  ", Style::Regular}}});
    page.lines.push_back({Reading::Paragraph, 0, {}});
    page.lines.push_back({Reading::ListItem, 2, {{"Two ", Style::Regular}, {"words", Style::Bold}}});
    const std::vector<Utterance> u = utterances(page);
    ASSERT_EQ(u.size(), 2u);
    EXPECT_EQ(u[0].text, "Title");
    EXPECT_EQ(u[1].text, "Two words");  // spans joined as on screen, emphasis and all
    EXPECT_EQ(u[1].line, 3);
    EXPECT_EQ(u[1].pause_after_ms, 350);
}

TEST(Speech, VoicesForEveryShippedLanguage) {
    EXPECT_EQ(voice_for("en"), "en-us");
    EXPECT_EQ(voice_for("es"), "es");
    EXPECT_EQ(voice_for("zh-Hans"), "cmn");
    EXPECT_EQ(voice_for("vi"), "vi");
    EXPECT_EQ(voice_for("ko"), "ko");
    EXPECT_EQ(voice_for("ar"), "ar");
    EXPECT_EQ(voice_for("es-MX"), "es");  // the language when the region has no voice of its own
    EXPECT_EQ(voice_for("zh-Hant"), "cmn");
    EXPECT_EQ(voice_for("en-XA"), "en-us");  // the pseudo-locales are English text
    EXPECT_EQ(voice_for("ar-XB"), "en-us");
    EXPECT_EQ(voice_for("tlh"), "");
    EXPECT_EQ(voice_for(""), "");
    Kiosk k = bundled_kiosk(0);
    for (const std::string& locale : k.locales()) EXPECT_FALSE(voice_for(locale).empty()) << locale;
}

}  // namespace
}  // namespace anteroom
