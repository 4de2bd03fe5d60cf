// The real screens, headless, driven by simulated touches on the words a patient sees.
#include <gtest/gtest.h>

#include <stb_truetype.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include "support/headless.hpp"
#include "ui/fonts.hpp"

namespace anteroom {
namespace {

using testing::Headless;

// From the attract screen to the first screen of the education module.
void open_education(Headless& h) {
    ASSERT_TRUE(h.tap(h.text("attract.touch")));
    ASSERT_EQ(h.session().place, Place::Language);
    ASSERT_TRUE(h.tap("English"));
    ASSERT_EQ(h.session().place, Place::Home);
    ASSERT_TRUE(h.tap(h.kiosk().shown().modules.at(0).title));
    ASSERT_EQ(h.session().place, Place::Module);
}

void go_to_kind(Headless& h, std::string_view kind) {
    while (h.kiosk().current_screen()->kind->name != kind) ASSERT_TRUE(h.tap(h.text("nav.next")));
}

// Visits every place and screen in a language, calling check on each.
void visit_everything(Headless& h, const std::function<void(const std::string&)>& check, const std::string& locale = "en") {
    check("attract");
    ASSERT_TRUE(h.tap(h.text("attract.touch")));
    check("language");
    ASSERT_TRUE(h.tap(locale_native_name(locale)));
    ASSERT_EQ(h.session().locale, locale);
    check("home");
    ASSERT_TRUE(h.tap(h.text("settings.open")));
    check("display settings");
    ASSERT_TRUE(h.tap(h.text("settings.done")));
    ASSERT_TRUE(h.tap(h.kiosk().shown().modules.at(0).title));
    ASSERT_TRUE(h.tap(h.text("speech.read")));
    check("reading aloud");
    ASSERT_TRUE(h.tap(h.text("speech.stop")));
    h.ui().set_speech({false, "no sound card"});
    ASSERT_TRUE(h.tap(h.text("speech.read")));
    check("reading aloud, with no sound");
    ASSERT_TRUE(h.tap(h.text("settings.done")));  // closes what it says
    EXPECT_EQ(h.session().speech, Speech::Off);
    h.ui().set_speech({});
    const ShownModule& module = *h.kiosk().current_module();
    for (size_t i = 0; i < module.screens.size(); ++i) {
        const ShownScreen& screen = *h.kiosk().current_screen();
        check(screen.id);
        for (const ShownItem& route : screen.items) {
            if (screen.kind->list.action != ItemAction::OpenPage) break;
            ASSERT_TRUE(h.tap(route.text("title").line));
            check(screen.id + "/" + route.id);
            ASSERT_TRUE(h.tap(h.text("nav.back")));
        }
        const bool opens = screen.kind->list.action == ItemAction::Toggle;
        for (size_t q = 0; opens && q < screen.items.size(); ++q) h.kiosk().apply({Intent::ToggleItem, static_cast<int>(q)}, h.now());
        if (opens) {
            h.frames(2);
            check(screen.id + " (answers open)");
        }
        ASSERT_TRUE(h.tap(h.text(i + 1 == module.screens.size() ? "nav.finish" : "nav.next")));
    }
    check("end");
    h.wait(h.kiosk().config().idle_warning_s + 1);
    check("idle warning");
}

TEST(Ui, WalksTheEducationModuleFromAttractToEndAndBackToStart) {
    Headless h;
    EXPECT_EQ(h.session().place, Place::Attract);
    open_education(h);
    const int screens = static_cast<int>(h.kiosk().current_module()->screens.size());
    for (int i = 0; i < screens; ++i) {
        EXPECT_EQ(h.session().screen, i);
        EXPECT_TRUE(h.probe().has_text(h.kiosk().current_screen()->text("title").line));
        EXPECT_TRUE(h.probe().has_text(std::to_string(i + 1) + " of " + std::to_string(screens)));
        ASSERT_TRUE(h.tap(h.text(i + 1 == screens ? "nav.finish" : "nav.next")));
    }
    EXPECT_EQ(h.session().place, Place::End);
    ASSERT_TRUE(h.tap(h.text("end.restart")));
    EXPECT_EQ(h.session().place, Place::Attract);
}

// Scrolled to its end, the page's last words are the "Questions?" card, in view above the
// bottom bar: its title, then its body with the clinic's phone number, and nothing after.
void expect_ends_with_ask_card(Headless& h, const std::string& where) {
    h.ui().scroll_to(1e6f);  // the screen holds it at its end
    h.frames(2);
    const ui::ProbeItem* back = h.probe().find(h.text("nav.back"));
    ASSERT_NE(back, nullptr) << where;
    const std::string title = h.text("ask.title"), body = h.text("ask.body");
    ASSERT_NE(body.find(h.kiosk().config().clinic_phone), std::string::npos);
    const ui::ProbeText* ask = nullptr;
    for (const ui::ProbeText& t : h.probe().texts)
        if (t.text == title) ask = &t;
    ASSERT_NE(ask, nullptr) << where;
    EXPECT_LE(ask->box.Max.y, back->rect.Min.y) << where << ": in view at the end of the page";
    std::string after;  // everything between the card's title and the bottom bar
    for (const ui::ProbeText& t : h.probe().texts)
        if (t.box.Min.y > ask->box.Min.y && t.box.Max.y <= back->rect.Min.y) after += t.text;
    auto words = [](std::string text) {  // lines wrap at spaces
        std::erase(text, ' ');
        return text;
    };
    EXPECT_EQ(words(after), words(body)) << where;
}

TEST(Ui, EveryModuleScreenEndsWithAWayToAskTheCareTeam) {
    Headless h;
    open_education(h);
    const int screens = static_cast<int>(h.kiosk().current_module()->screens.size());
    for (int i = 0; i < screens; ++i) {
        ASSERT_EQ(h.session().screen, i);
        const ShownScreen& screen = *h.kiosk().current_screen();
        expect_ends_with_ask_card(h, screen.id);
        for (const ShownItem& route : screen.items) {  // a route's own page too
            if (screen.kind->list.action != ItemAction::OpenPage) break;
            ASSERT_TRUE(h.tap(route.text("title").line));
            expect_ends_with_ask_card(h, screen.id + "/" + route.id);
            ASSERT_TRUE(h.tap(h.text("routes.all")));
        }
        ASSERT_TRUE(h.tap(h.text(i + 1 == screens ? "nav.finish" : "nav.next")));
    }
    EXPECT_EQ(h.session().place, Place::End);
}

// The session but for when it was last touched: everything an intent can change.
Session without_time(Session s) {
    s.last_touch = 0;
    return s;
}

TEST(Ui, ATapFiresOnReleaseNotOnPress) {
    Headless h;
    // The finger goes down on the item and stays there, resting and wobbling a little as a
    // finger does; nothing happens until it lifts, and then the item fires.
    auto press_hold_release = [&](const std::string& label) {
        const ui::ProbeItem* item = h.probe().find(label);
        if (!item) {
            ADD_FAILURE() << "no " << label;
            return;
        }
        const ImVec2 at = item->visible.GetCenter();
        const Session before = h.session();
        h.press_at(at);
        h.frames(20);
        h.move_to({at.x + 3, at.y - 2});
        h.frames(20);
        h.move_to(at);
        h.frames(20);
        EXPECT_GT(h.session().last_touch, before.last_touch) << label << ": the press was felt";
        EXPECT_EQ(without_time(h.session()), without_time(before)) << label << ": nothing fired while the finger was down";
        h.release();
        EXPECT_NE(without_time(h.session()), without_time(before)) << label << ": it fired when the finger lifted";
    };
    press_hold_release(h.text("attract.touch"));
    EXPECT_EQ(h.session().place, Place::Language);
    press_hold_release("English");
    EXPECT_EQ(h.session().place, Place::Home);
    press_hold_release(h.kiosk().shown().modules.at(0).title);
    ASSERT_EQ(h.session().place, Place::Module);
    EXPECT_EQ(h.session().screen, 0);
    press_hold_release(h.text("nav.next"));
    EXPECT_EQ(h.session().screen, 1);
    go_to_kind(h, "faq");
    press_hold_release(h.kiosk().current_screen()->items.at(0).text("q").line);  // opens in place: no screen change
    EXPECT_EQ(h.session().open_items, (std::set<int>{0}));
}

TEST(Ui, DraggingScrollsAndNeverPressesAButton) {
    Headless h;
    open_education(h);
    go_to_kind(h, "faq");
    const ShownScreen& faq = *h.kiosk().current_screen();
    // Start the drag on a question (itself a button) and pull the page up, then lift there.
    const ui::ProbeItem* question = h.probe().find(faq.items.at(1).text("q").line);
    ASSERT_NE(question, nullptr);
    const ImVec2 from = question->visible.GetCenter();
    EXPECT_EQ(h.ui().scroll().y, 0);
    h.drag(from, {from.x, from.y - 400}, 20);
    h.frames(120);  // let any fling run out
    EXPECT_TRUE(h.session().open_items.empty());
    EXPECT_GT(h.ui().scroll().y, 350);
    const ui::ProbeItem* moved = h.probe().find_any(faq.items.at(1).text("q").line);
    ASSERT_NE(moved, nullptr);
    EXPECT_NEAR(moved->rect.GetCenter().y, from.y - h.ui().scroll().y, 1.f) << "the content moved with the finger";
    EXPECT_EQ(h.kiosk().current_screen(), &faq);

    // Dragging back down a little and releasing on the question it started on: still no press.
    const ui::ProbeItem* other = h.probe().find(faq.items.at(4).text("q").line);
    ASSERT_NE(other, nullptr);
    h.drag(other->visible.GetCenter(), {other->visible.GetCenter().x + 200, other->visible.GetCenter().y + 30}, 10);
    h.frames(60);
    EXPECT_TRUE(h.session().open_items.empty());

    // A finger that goes down on a button, wanders off and comes back to lift there has
    // dragged, not tapped: the forward button in the bottom bar, and a question in the page
    // (which scrolls away with the finger and back).
    const bool last = h.session().screen + 1 == static_cast<int>(h.kiosk().current_module()->screens.size());
    for (const std::string& label : {h.text(last ? "nav.finish" : "nav.next"), faq.items.at(4).text("q").line}) {
        const ui::ProbeItem* item = h.probe().find(label);
        ASSERT_NE(item, nullptr) << label;
        const ImVec2 at = item->visible.GetCenter();
        h.press_at(at);
        for (int i = 1; i <= 10; ++i) h.move_to({at.x, at.y - 15.f * i});
        for (int i = 9; i >= 0; --i) h.move_to({at.x, at.y - 15.f * i});
        h.frames(15);  // at rest where it began, so the page does not fling
        ASSERT_NE(h.probe().find(label), nullptr);
        EXPECT_TRUE(h.probe().find(label)->visible.Contains(at)) << label << ": back under the finger";
        h.release();
        h.frames(30);
        EXPECT_EQ(h.kiosk().current_screen(), &faq) << label;
        EXPECT_TRUE(h.session().open_items.empty()) << label;
    }
}

TEST(Ui, AFingerThatWobblesALittleStillTaps) {
    Headless h;
    open_education(h);
    go_to_kind(h, "faq");
    const ui::ProbeItem* question = h.probe().find(h.kiosk().current_screen()->items.at(0).text("q").line);
    ASSERT_NE(question, nullptr);
    const ImVec2 at = question->visible.GetCenter();
    h.drag(at, {at.x + 4, at.y + 5}, 3);  // under the tap threshold
    EXPECT_EQ(h.session().open_items, (std::set<int>{0}));
}

TEST(Ui, DraggingOnAModuleCardDoesNotOpenIt) {
    Headless h;
    ASSERT_TRUE(h.tap(h.text("attract.touch")));
    ASSERT_TRUE(h.tap("English"));
    const ui::ProbeItem* card = h.probe().find(h.kiosk().shown().modules.at(0).title);
    ASSERT_NE(card, nullptr);
    const ImVec2 at = card->visible.GetCenter();
    h.drag(at, {at.x, at.y + 80}, 8);
    h.frames(30);
    EXPECT_EQ(h.session().place, Place::Home);
}

TEST(Ui, AFlingKeepsScrollingAfterTheFingerLifts) {
    Headless h;
    open_education(h);
    go_to_kind(h, "faq");
    h.kiosk().apply({Intent::ToggleItem, 0}, h.now());  // make the page long
    h.kiosk().apply({Intent::ToggleItem, 1}, h.now());
    h.frames(3);
    const ImVec2 from{960, 700};
    h.drag(from, {from.x, from.y - 300}, 6);  // fast: 300 px in 0.1 s
    const float at_release = h.ui().scroll().y;
    EXPECT_TRUE(h.ui().wants_frame());
    h.frames(10);
    const float later = h.ui().scroll().y;
    EXPECT_GT(later, at_release + 50);
    h.frames(300);
    EXPECT_FALSE(h.ui().wants_frame());  // it comes to rest and stops asking for frames
}

// The warning answers on release, like every other button: pressing "I'm still here" does
// not dismiss it under the finger, and the tap that answers it presses nothing else.
TEST(Ui, InactivityWarnsThenStillHereKeepsTheSession) {
    Headless h;
    open_education(h);
    ASSERT_TRUE(h.tap(h.text("nav.next")));
    h.wait(h.kiosk().config().idle_warning_s + 1);
    EXPECT_TRUE(h.probe().has_text(h.text("idle.title")));
    const int seconds = h.kiosk().config().idle_reset_s - h.kiosk().config().idle_warning_s - 1;
    EXPECT_TRUE(h.probe().has_text(h.kiosk().shown().number(seconds))) << "countdown shows the seconds left";
    EXPECT_GE(seconds, kMinIdleCountdown - 1);
    EXPECT_EQ(h.probe().find(h.text("nav.next")), nullptr) << "the screen below does not take touches";

    const ui::ProbeItem* stay = h.probe().find(h.text("idle.stay"));
    ASSERT_NE(stay, nullptr);
    h.press_at(stay->visible.GetCenter());
    h.frames(10);
    EXPECT_TRUE(h.kiosk().idle(h.now()).warning) << "a finger resting on the button has not answered yet";
    ASSERT_NE(h.probe().find(h.text("idle.stay")), nullptr) << "the button stays under the finger";
    h.release();
    EXPECT_FALSE(h.kiosk().idle(h.now()).warning);
    EXPECT_FALSE(h.probe().has_text(h.text("idle.title")));
    EXPECT_EQ(h.session().place, Place::Module);
    EXPECT_EQ(h.session().screen, 1);
    h.wait(h.kiosk().config().idle_warning_s - 5);  // the timer started again at the tap
    EXPECT_EQ(h.session().place, Place::Module);
    EXPECT_FALSE(h.kiosk().idle(h.now()).warning);
}

TEST(Ui, TouchingTheWarningDoesNotPressWhatIsUnderIt) {
    Headless h;
    open_education(h);
    const ImVec2 next = h.probe().find(h.text("nav.next"))->visible.GetCenter();
    h.wait(h.kiosk().config().idle_warning_s + 1);
    h.tap_at(next);  // on the warning's shade, where Next lies beneath
    EXPECT_EQ(h.session().screen, 0);
    EXPECT_EQ(h.session().place, Place::Module);
    EXPECT_FALSE(h.probe().has_text(h.text("idle.title"))) << "a tap anywhere on the warning answers it";
}

// Only a tap answers: a finger left resting on the glass (a bag, a sleeve) does not keep a
// session alive for ever.
TEST(Ui, AFingerRestingOnTheWarningDoesNotHoldOffTheReset) {
    Headless h;
    open_education(h);
    h.wait(h.kiosk().config().idle_warning_s + 1);
    h.press_at({100, 100});
    const int countdown = h.kiosk().config().idle_reset_s - h.kiosk().config().idle_warning_s;
    for (int s = 0; s < countdown; ++s) h.wait(1);
    EXPECT_EQ(h.session().place, Place::Attract);
    h.release();
    EXPECT_EQ(h.session().place, Place::Attract) << "lifting that finger must not begin a session";
}

TEST(Ui, InactivityResetWipesTheSession) {
    Headless h;
    const Session fresh = h.session();
    // A patient who chose Spanish, read into the module, opened an answer, scrolled, and left
    // the language picker open.
    ASSERT_TRUE(h.tap(h.text("attract.touch")));
    ASSERT_TRUE(h.tap("Español"));
    ASSERT_TRUE(h.tap(h.kiosk().shown().modules.at(0).title));
    go_to_kind(h, "faq");
    ASSERT_TRUE(h.tap(h.kiosk().current_screen()->items.at(2).text("q").line));
    h.slow_drag({960, 700}, {960, 400});
    ASSERT_GT(h.ui().scroll().y, 0);
    ASSERT_TRUE(h.tap(h.text("nav.language")));
    for (bool differs : {h.session().locale != fresh.locale, h.session().place != fresh.place, h.session().module != fresh.module,
                         h.session().screen != fresh.screen, h.session().open_items != fresh.open_items,
                         h.session().choosing_language != fresh.choosing_language})
        ASSERT_TRUE(differs) << "the patient left a mark on every part of the session";
    h.wait(h.kiosk().config().idle_warning_s + 1);
    h.wait(h.kiosk().config().idle_reset_s - h.kiosk().config().idle_warning_s);
    EXPECT_EQ(without_time(h.session()), without_time(fresh)) << "the whole session is new";
    EXPECT_EQ(h.ui().scroll().y, 0);
    EXPECT_EQ(h.kiosk().shown().locale, "en");
    EXPECT_TRUE(h.probe().has_text(h.text("attract.touch")));
    EXPECT_EQ(h.probe().find_any("Español"), nullptr) << "the picker is gone";
}

// Every route the content describes, by id, with its English title: what a card would say.
std::map<std::string, std::string> content_routes() {
    ContentLoad content = load_content(testing::source_path("content"));
    std::map<std::string, std::string> routes;
    for (const auto& screen : content.content.modules.at(0).screens)
        if (screen.kind->list.by_route)
            for (const ItemSource& r : screen.items) routes[r.id] = format_message(r.text("title").source, {}, "en");
    return routes;
}

// On a clinic's routes chooser: the cards there, whether in view or scrolled out of it, are
// exactly the routes it offers, and each opens its own page.
void check_routes_chooser(ImVec2 size, const std::string& offered_toml, const std::set<std::string>& offered,
                          bool some_below_the_fold) {
    SCOPED_TRACE(std::to_string(static_cast<int>(size.x)) + "x" + std::to_string(static_cast<int>(size.y)) + ", offering " + offered_toml);
    Headless h(size, "clinic_name = \"Oak\"\nclinic_phone = \"555\"\ncrisis_line = \"988\"\nemergency_number = \"911\"\nroutes_offered = " + offered_toml + "\n");
    open_education(h);
    go_to_kind(h, "routes");
    const std::map<std::string, std::string> routes = content_routes();
    ASSERT_EQ(routes.size(), 4u) << "the content describes all four routes";
    std::set<std::string> cards, out_of_view;
    for (const auto& [id, title] : routes) {
        if (!h.probe().find_any(title)) continue;
        cards.insert(id);
        if (!h.probe().find(title)) out_of_view.insert(id);
    }
    EXPECT_EQ(cards, offered);
    if (some_below_the_fold) {
        EXPECT_FALSE(out_of_view.empty()) << "this size should leave a card below the fold";
    }
    for (const std::string& id : offered) {
        ASSERT_TRUE(h.tap(routes.at(id))) << id;
        EXPECT_EQ(h.session().page, id);
        ASSERT_TRUE(h.tap(h.text("routes.all")));
        EXPECT_TRUE(h.session().page.empty());
    }
}

TEST(Ui, RoutesChooserShowsOnlyWhatTheClinicOffers) {
    check_routes_chooser({1920, 1080}, "[\"lozenge\", \"iv\"]", {"iv", "lozenge"}, false);
    check_routes_chooser({1920, 1080}, "[\"nasal\"]", {"nasal"}, false);
    // All four on a small portrait screen, where the last cards start out below the fold.
    check_routes_chooser({480, 640}, "[\"iv\", \"im\", \"lozenge\", \"nasal\"]", {"iv", "im", "lozenge", "nasal"}, true);
}

TEST(Ui, LanguageScreenNamesEachLanguageInItself) {
    // Written out here rather than asked of ICU as the kiosk does, so that a wrong name fails.
    const std::map<std::string, std::string> names{{"en", "English"},     {"es", "Español"}, {"zh-Hans", "中文（简体）"},
                                                   {"vi", "Tiếng Việt"}, {"ko", "한국어"},  {"ar", "العربية"}};
    Headless h;
    std::set<std::string> offered(h.kiosk().locales().begin(), h.kiosk().locales().end()), expected_locales;
    std::multiset<std::string> expected_buttons;
    for (const auto& [locale, name] : names) expected_locales.insert(locale), expected_buttons.insert(name);
    ASSERT_EQ(offered, expected_locales) << "a language offered here needs its name in this test";
    ASSERT_TRUE(h.tap(h.text("attract.touch")));
    // Whichever language the screen is in, the buttons are the same: each language in itself,
    // once, and each chooses its own language.
    for (const auto& [locale, name] : names) {
        ASSERT_EQ(h.session().place, Place::Language);
        std::multiset<std::string> buttons;
        for (const ui::ProbeItem& item : h.probe().items)
            if (item.label != h.text("nav.back") && item.label != h.text("speech.read") && item.label != h.text("settings.open"))
                buttons.insert(item.label);
        EXPECT_EQ(buttons, expected_buttons) << "with the screen in " << h.session().locale;
        ASSERT_TRUE(h.tap(name)) << name;
        EXPECT_EQ(h.session().locale, locale) << name;
        ASSERT_EQ(h.session().place, Place::Home);
        ASSERT_TRUE(h.tap(h.text("nav.back")));
    }
}

// Every enabled touch target on screen now, at least 60 px each way; returns how many.
int expect_targets_at_least_60_px(const Headless& h, const std::string& where) {
    int targets = 0;
    for (const ui::ProbeItem& item : h.probe().items) {
        if (!item.enabled) continue;
        ++targets;
        EXPECT_GE(item.rect.GetWidth(), 60) << where << ": " << item.label;
        EXPECT_GE(item.rect.GetHeight(), 60) << where << ": " << item.label;
    }
    return targets;
}

TEST(Ui, EveryTouchTargetIsAtLeast60PixelsAt1080p) {
    for (const ImVec2 size : {ImVec2{1920, 1080}, ImVec2{1080, 1920}}) {
        const std::string at = std::to_string(static_cast<int>(size.x)) + "x" + std::to_string(static_cast<int>(size.y)) + " ";
        Headless h(size);
        int targets = 0;
        visit_everything(h, [&](const std::string& where) { targets += expect_targets_at_least_60_px(h, at + where); });
        EXPECT_GT(targets, 50) << at << "the check saw the screens' buttons";
        // The language picker, open over a screen.
        Headless picker(size);
        open_education(picker);
        ASSERT_TRUE(picker.tap(picker.text("nav.language")));
        ASSERT_TRUE(picker.session().choosing_language);
        EXPECT_GE(expect_targets_at_least_60_px(picker, at + "language picker"), static_cast<int>(picker.kiosk().locales().size()));
    }
}

const std::string kWithPseudoLocales = "sample = true\nclinic_name = \"Riverside Clinic\"\nclinic_phone = \"555-0100\"\ncrisis_line = \"988\"\nemergency_number = \"911\"\npseudo_locales = true\n";

// Every screen, in every language and pseudo-language, at every size: no text outside its
// container and no character missing from its font.
class UiLayout : public ::testing::TestWithParam<std::tuple<ImVec2, std::string, TextSize>> {};

// At every text size (the largest in high contrast), every screen of every language.
TEST_P(UiLayout, NoTextLeavesItsContainerAndNoGlyphIsMissing) {
    const auto& [size, locale, text_size] = GetParam();
    Headless h(size, kWithPseudoLocales);
    h.kiosk().apply({Intent::SetTextSize, static_cast<int>(text_size)}, h.now());
    h.kiosk().apply({Intent::SetHighContrast, text_size == TextSize::Largest}, h.now());
    h.frames(2);
    ASSERT_FLOAT_EQ(h.ui().fonts().em, ui::em_for_display(size, 0, text_scale(text_size)));
    visit_everything(
        h,
        [&](const std::string& where) {
            for (const std::string& overflow : h.probe().overflows()) ADD_FAILURE() << where << ": " << overflow;
            EXPECT_FALSE(h.probe().texts.empty()) << where;
        },
        locale);
}

INSTANTIATE_TEST_SUITE_P(All, UiLayout,
                         ::testing::Combine(::testing::Values(ImVec2{1920, 1080}, ImVec2{1080, 1920}, ImVec2{1280, 800}),
                                            ::testing::Values("en", "es", "zh-Hans", "vi", "ko", "ar", "en-XA", "ar-XB"),
                                            ::testing::Values(TextSize::Standard, TextSize::Largest)),
                         [](const auto& info) {
                             const ImVec2 size = std::get<0>(info.param);
                             std::string locale = std::get<1>(info.param);
                             std::replace(locale.begin(), locale.end(), '-', '_');
                             return std::to_string(static_cast<int>(size.x)) + "x" + std::to_string(static_cast<int>(size.y)) + "_" + locale +
                                    (std::get<2>(info.param) == TextSize::Largest ? "_largest" : "");
                         });

TEST(Ui, LanguageChangesFromAnyScreenAndKeepsThePlace) {
    Headless h;
    open_education(h);
    go_to_kind(h, "faq");
    ASSERT_TRUE(h.tap(h.kiosk().current_screen()->items.at(1).text("q").line));
    const Session before = h.session();
    ASSERT_TRUE(h.tap(h.text("nav.language")));
    EXPECT_TRUE(h.session().choosing_language);
    EXPECT_EQ(h.probe().find(h.text("nav.home")), nullptr) << "the screen below waits while the picker is open";
    ASSERT_TRUE(h.tap(locale_native_name("es")));
    EXPECT_EQ(h.session().locale, "es");
    EXPECT_FALSE(h.session().choosing_language);
    EXPECT_EQ(h.session().module, before.module);
    EXPECT_EQ(h.session().screen, before.screen);
    EXPECT_EQ(h.session().open_items, before.open_items);
    EXPECT_EQ(h.kiosk().current_module()->locale, "es");
    EXPECT_NE(h.text("nav.back"), "Back");
    EXPECT_NE(h.probe().find(h.text("nav.back")), nullptr) << "the same screen, now in Spanish";
    EXPECT_TRUE(h.probe().has_text(h.kiosk().current_screen()->items.at(1).text("q").line));
    EXPECT_TRUE(h.probe().overflows().empty());

    // Every other place with a Language button: the patient stays just where they were.
    auto change_language = [&](const std::string& locale, const std::string& where) {
        Session expected = h.session();
        expected.locale = locale;
        ASSERT_TRUE(h.tap(h.text("nav.language"))) << where;
        ASSERT_TRUE(h.tap(locale_native_name(locale))) << where;
        EXPECT_EQ(without_time(h.session()), without_time(expected)) << where;
    };
    ASSERT_TRUE(h.tap(h.text("nav.home")));
    ASSERT_EQ(h.session().place, Place::Home);
    change_language("vi", "home");
    ASSERT_TRUE(h.tap(h.kiosk().shown().modules.at(0).title));
    go_to_kind(h, "routes");
    ASSERT_TRUE(h.tap(h.kiosk().current_screen()->items.at(0).text("title").line));
    ASSERT_FALSE(h.session().page.empty());
    change_language("ko", "a route's page");
    while (h.session().place == Place::Module) {
        const bool last = h.session().screen + 1 == static_cast<int>(h.kiosk().current_module()->screens.size());
        ASSERT_TRUE(h.tap(h.text(last ? "nav.finish" : "nav.next")));
    }
    ASSERT_EQ(h.session().place, Place::End);
    change_language("ar", "the end");
}

TEST(Ui, ThePickerClosesWithoutChangingAnything) {
    Headless h;
    open_education(h);
    ASSERT_TRUE(h.tap(h.text("nav.next")));
    const Session before = h.session();
    const ImVec2 next = h.probe().find(h.text("nav.next"))->visible.GetCenter();
    // A tap outside the card closes it, even on a button of the screen beneath; so does its Back.
    for (const ImVec2 outside : {ImVec2{5, 5}, next}) {
        ASSERT_TRUE(h.tap(h.text("nav.language")));
        ASSERT_TRUE(h.session().choosing_language);
        h.tap_at(outside);
        EXPECT_EQ(without_time(h.session()), without_time(before)) << "a tap at " << outside.x << "," << outside.y;
    }
    ASSERT_TRUE(h.tap(h.text("nav.language")));
    ASSERT_TRUE(h.tap(h.text("nav.back")));
    EXPECT_EQ(without_time(h.session()), without_time(before)) << "its Back";
}

TEST(Ui, ArabicScreensAreMirrored) {
    Headless h({1920, 1080});
    ASSERT_TRUE(h.tap(h.text("attract.touch")));
    ASSERT_TRUE(h.tap(locale_native_name("ar")));
    ASSERT_TRUE(h.kiosk().shown().rtl);
    ASSERT_TRUE(h.tap(h.kiosk().shown().modules.at(0).title));
    const float middle = 1920 / 2.f;
    const int screens = static_cast<int>(h.kiosk().current_module()->screens.size());
    for (int i = 0; i < screens; ++i) {
        const std::string forward = h.text(i + 1 == screens ? "nav.finish" : "nav.next");
        const ui::ProbeItem* next = h.probe().find(forward);
        const ui::ProbeItem* back = h.probe().find(h.text("nav.back"));
        const ui::ProbeItem* home = h.probe().find(h.text("nav.home"));
        ASSERT_TRUE(next && back && home) << "screen " << i;
        EXPECT_LT(next->rect.GetCenter().x, middle) << "forward is on the left in Arabic";
        EXPECT_GT(back->rect.GetCenter().x, middle) << "back is on the right";
        EXPECT_GT(home->rect.GetCenter().x, middle) << "home is at the top right";
        // Lines start at the right: no line in the reading column hugs its left edge alone.
        int right_aligned = 0;
        for (const ui::ProbeText& t : h.probe().texts) {
            if (t.container.GetWidth() < 600) continue;  // buttons and labels: centred
            if (t.box.Min.x <= t.container.Min.x + 1 && t.box.Max.x < t.container.Max.x - 1)
                ADD_FAILURE() << "left-aligned text in Arabic: " << t.text;
            right_aligned += t.box.Max.x >= t.container.Max.x - 1;
        }
        EXPECT_GT(right_aligned, 0) << "screen " << i;
        ASSERT_TRUE(h.tap(forward));
    }
    EXPECT_EQ(h.session().place, Place::End);
}

// We draw the glyphs into rects ImGui packs, on every core: each must come out as ImGui's own
// builder draws it, in its metrics and in every pixel.
TEST(Fonts, GlyphsDrawnOnEveryCoreMatchImGuisOwnToThePixel) {
    const Kiosk kiosk = testing::bundled_kiosk(0);
    for (const char* locale : {"zh-Hans", "ko", "ar", "vi"}) {
        const ui::FontText text = ui::font_text(kiosk, locale);
        ui::FontFiles files;
        ImFontAtlas imgui, ours;
        ui::FontSet a, b;
        std::string error;
        ASSERT_TRUE(ui::build_fonts(imgui, files, 34, locale, text, &a, &error, ui::GlyphDrawing::ByImGui)) << error;
        ASSERT_TRUE(ui::build_fonts(ours, files, 34, locale, text, &b, &error)) << error;
        unsigned char *pixels_a = nullptr, *pixels_b = nullptr;
        int wa = 0, ha = 0, wb = 0, hb = 0;
        imgui.GetTexDataAsAlpha8(&pixels_a, &wa, &ha);
        ours.GetTexDataAsAlpha8(&pixels_b, &wb, &hb);
        EXPECT_EQ(imgui.Fonts.Size, ours.Fonts.Size);
        // The texel ImGui fills shapes with is solid.
        const int white_x = static_cast<int>(ours.TexUvWhitePixel.x * wb), white_y = static_cast<int>(ours.TexUvWhitePixel.y * hb);
        EXPECT_EQ(pixels_b[white_y * wb + white_x], 0xFF) << locale;
        const std::pair<ImFont*, ImFont*> roles[] = {{a.body[0], b.body[0]}, {a.body[1], b.body[1]}, {a.body[2], b.body[2]},
                                                     {a.small, b.small},     {a.heading, b.heading}, {a.title, b.title},
                                                     {a.display, b.display}};
        for (const auto& [fa, fb] : roles) {
            ASSERT_EQ(fa->Glyphs.Size, fb->Glyphs.Size) << locale << " " << fa->FontSize;
            EXPECT_GT(fa->Glyphs.Size, 20);
            for (const ImFontGlyph& ga : fa->Glyphs) {
                const ImFontGlyph* gb = fb->FindGlyphNoFallback(static_cast<ImWchar>(ga.Codepoint));
                ASSERT_NE(gb, nullptr) << locale << " U+" << std::hex << ga.Codepoint;
                ASSERT_EQ(std::tie(ga.X0, ga.Y0, ga.X1, ga.Y1, ga.AdvanceX), std::tie(gb->X0, gb->Y0, gb->X1, gb->Y1, gb->AdvanceX))
                    << locale << " U+" << std::hex << ga.Codepoint;
                ASSERT_EQ(ga.Visible, gb->Visible) << locale << " U+" << std::hex << ga.Codepoint;
                const int w = static_cast<int>(std::lround((ga.U1 - ga.U0) * wa)), h = static_cast<int>(std::lround((ga.V1 - ga.V0) * ha));
                ASSERT_EQ(w, std::lround((gb->U1 - gb->U0) * wb));
                ASSERT_EQ(h, std::lround((gb->V1 - gb->V0) * hb));
                const long xa = std::lround(ga.U0 * wa), ya = std::lround(ga.V0 * ha), xb = std::lround(gb->U0 * wb), yb = std::lround(gb->V0 * hb);
                for (int y = 0; y < h; ++y)
                    ASSERT_EQ(0, memcmp(pixels_a + (ya + y) * wa + xa, pixels_b + (yb + y) * wb + xb, static_cast<size_t>(w)))
                        << locale << " U+" << std::hex << ga.Codepoint << " row " << std::dec << y;
            }
        }
    }
}


// A font file's own metrics, read with stb_truetype, apart from fonts.cpp.
struct FontFile {
    std::vector<unsigned char> bytes;
    stbtt_fontinfo info{};
    explicit FontFile(const std::string& relative, int index = 0) {
        std::ifstream in(std::string(ANTEROOM_FONT_DIR) + "/" + relative, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
        if (bytes.empty() || !stbtt_InitFont(&info, bytes.data(), stbtt_GetFontOffsetForIndex(bytes.data(), index)))
            ADD_FAILURE() << relative << " cannot be read";
    }
    float units_per_em() const { return 1 / stbtt_ScaleForMappingEmToPixels(&info, 1); }
    // ImGui sizes a font by ascent plus descent: the em, in pixels, of a font of this size.
    float em_of(float size) const {
        int ascent = 0, descent = 0, gap = 0;
        stbtt_GetFontVMetrics(&info, &ascent, &descent, &gap);
        return size * units_per_em() / static_cast<float>(ascent - descent);
    }
    // How far the letters of these ranges reach above and below the baseline, in ems.
    std::pair<float, float> reach(std::initializer_list<std::pair<int, int>> ranges) const {
        int top = 0, bottom = 0;
        for (const auto& [lo, hi] : ranges)
            for (int c = lo; c <= hi; ++c) {
                int x0, y0, x1, y1;
                if (const int g = stbtt_FindGlyphIndex(&info, c); g && stbtt_GetGlyphBox(&info, g, &x0, &y0, &x1, &y1))
                    top = std::max(top, y1), bottom = std::min(bottom, y0);
            }
        return {top / units_per_em(), -bottom / units_per_em()};
    }
};

// ImGui sizes a font by its ascent plus descent (1.36 em for Noto Sans, 1.45 for CJK, 2.11 for
// Arabic): sized alike, Arabic would be drawn at 0.65 of the Latin em beside it. Arabic and
// Chinese readers get text at least as big as Latin readers, in every role.
TEST(Fonts, ArabicAndCjkEmsAreAtLeastTheLatinEmBesideThem) {
    const Kiosk kiosk = testing::bundled_kiosk(0);
    const FontFile latin("truetype/noto/NotoSans-Regular.ttf"), arabic("truetype/noto/NotoSansArabic-Regular.ttf"),
        cjk("opentype/noto/NotoSansCJK-Regular.ttc", 2);
    for (const char* locale : {"ar", "zh-Hans"}) {
        ui::FontFiles files;
        const ui::DrawnFonts drawn = ui::draw_fonts(files, 34, locale, ui::font_text(kiosk, locale));
        ASSERT_EQ(drawn.error, "");
        for (const ui::DrawnFonts::Font& f : drawn.fonts) {
            EXPECT_EQ(f.script_sizes[0], f.size);
            const float latin_em = latin.em_of(f.size);
            const float cjk_em = cjk.em_of(f.script_sizes[2]) / latin_em;
            EXPECT_GE(cjk_em, 1.f) << locale << " at " << f.size << " px";
            EXPECT_LT(cjk_em, 1.07f) << locale << " at " << f.size << " px: no bigger than it needs";
            if (f.script_sizes[1] == 0) continue;  // no Arabic in this role
            const float arabic_em = arabic.em_of(f.script_sizes[1]) / latin_em;
            EXPECT_GE(arabic_em, 1.1f) << locale << " at " << f.size << " px";
            EXPECT_LT(arabic_em, 1.15f) << locale << " at " << f.size << " px";
        }
        EXPECT_NE(drawn.fonts[0].script_sizes[1] == 0, std::string(locale) == "ar") << "Arabic body text in ar only";
    }
}

// Merged fonts take the Latin face's line metrics, so Arabic, drawn bigger, gets taller lines:
// as much taller as its em is bigger, and the letters reaching highest (alef with hamza) stay
// as clear of those reaching lowest (yeh) on the line above as Latin accented capitals stay of
// Latin descenders where Latin lines are tightest (in headings).
TEST(Fonts, ArabicLinesAreTallEnoughForItsLetters) {
    const Kiosk kiosk = testing::bundled_kiosk(0);
    const FontFile latin("truetype/noto/NotoSans-Bold.ttf"), arabic("truetype/noto/NotoSansArabic-Bold.ttf");
    const auto [latin_up, latin_down] = latin.reach({{'A', 'Z'}, {'a', 'z'}, {0xC0, 0x17F}});
    const auto [arabic_up, arabic_down] = arabic.reach({{0x0621, 0x064A}, {0xFE70, 0xFEFC}});  // letters and their joined forms, no vowel marks
    ui::FontFiles files;
    const ui::DrawnFonts en = ui::draw_fonts(files, 34, "en", ui::font_text(kiosk, "en"));
    const ui::DrawnFonts ar = ui::draw_fonts(files, 34, "ar", ui::font_text(kiosk, "ar"));
    EXPECT_EQ(en.line_spacing, ui::kLatinLineSpacing);
    EXPECT_EQ(en.heading_line_spacing, ui::kLatinHeadingLineSpacing);
    EXPECT_GT(ar.line_spacing, en.line_spacing);
    EXPECT_GT(ar.heading_line_spacing, en.heading_line_spacing);
    EXPECT_GE(ar.line_spacing, ui::kArabicEm * en.line_spacing);
    EXPECT_GE(ar.heading_line_spacing, ui::kArabicEm * en.heading_line_spacing);
    float least_latin_clear = 1e9f;  // in Latin ems, over every role
    for (const ui::DrawnFonts::Font& f : en.fonts) {
        const float line = std::round(f.size * (f.size > 34 * 1.2f ? en.heading_line_spacing : en.line_spacing));
        least_latin_clear = std::min(least_latin_clear, (line - (latin_up + latin_down) * latin.em_of(f.size)) / latin.em_of(f.size));
    }
    for (const ui::DrawnFonts::Font& f : ar.fonts) {
        const bool heading = f.size > 34 * 1.2f;  // as font_style() chooses
        const float latin_em = latin.em_of(f.size), arabic_em = arabic.em_of(f.script_sizes[1]);
        const float en_line = std::round(f.size * (heading ? en.heading_line_spacing : en.line_spacing));
        const float ar_line = std::round(f.size * (heading ? ar.heading_line_spacing : ar.line_spacing));
        const float latin_clear = en_line - (latin_up + latin_down) * latin_em;
        const float arabic_clear = ar_line - (arabic_up + arabic_down) * arabic_em;
        EXPECT_GT(latin_clear, 0) << f.size << " px";
        EXPECT_GE(arabic_clear + 1, least_latin_clear * latin_em) << f.size << " px: Arabic letters come closer to the next line's than Latin's do";
        EXPECT_GE(arabic_clear, 0.25f * latin_em) << f.size << " px";
        // The glyphs sit mid-line (rich_text.cpp): the highest and lowest letters stay inside their line.
        const float baseline = std::round((ar_line - f.size) / 2) + f.ascent;
        EXPECT_GE(baseline - arabic_up * arabic_em, 0) << f.size << " px";
        EXPECT_LE(baseline + arabic_down * arabic_em, ar_line + 1) << f.size << " px";
    }
}


// Every character on screen at least 3/16 inch (4.8 mm) high on the clinic's real screen,
// measured as the capital H of the smallest role, at the standard text size.
TEST(TextSize, SmallestCapitalsAreAtLeastFourPointEightMillimetres) {
    const FontFile latin("truetype/noto/NotoSans-Regular.ttf");
    int x0, y0, x1, y1;
    ASSERT_TRUE(stbtt_GetCodepointBox(&latin.info, 'H', &x0, &y0, &x1, &y1));
    const float cap_per_size = static_cast<float>(y1) * stbtt_ScaleForPixelHeight(&latin.info, 1);
    EXPECT_FLOAT_EQ(ui::latin_cap_height(), cap_per_size);
    const ImVec2 hd{1920, 1080};
    struct Screen {
        ImVec2 pixels;
        float diagonal_in, em;
    };
    for (const Screen& s : {Screen{hd, 21.5f, 39}, Screen{hd, 24, 36}, Screen{hd, 32, 34}, Screen{{1080, 1920}, 24, 36}}) {
        const float em = ui::em_for_display(s.pixels, s.diagonal_in);
        EXPECT_EQ(em, s.em) << s.diagonal_in << " in";
        const float mm_per_px = s.diagonal_in * 25.4f / std::hypot(s.pixels.x, s.pixels.y);
        const float cap_mm = cap_per_size * std::round(ui::kSmallRole * em) * mm_per_px;
        EXPECT_GE(cap_mm, ui::kMinCapHeightMm) << s.diagonal_in << " in";
        if (em > std::round(std::min(s.pixels.x, s.pixels.y) / 32)) {  // raised above the pixel rule: no more than it needs
            EXPECT_LT(cap_mm, ui::kMinCapHeightMm + 0.4f) << s.diagonal_in << " in";
        }
        EXPECT_FLOAT_EQ(ui::smallest_cap_height_mm(s.pixels, s.diagonal_in), cap_mm) << s.diagonal_in << " in";
        // Larger and largest on top of the physical minimum; the check is made at the standard size.
        EXPECT_EQ(ui::em_for_display(s.pixels, s.diagonal_in, text_scale(TextSize::Larger)), std::round(1.25f * em));
        EXPECT_EQ(ui::em_for_display(s.pixels, s.diagonal_in, text_scale(TextSize::Largest)), std::round(1.5f * em));
    }
    // The pixel rule alone (a 32nd of the shorter side) where the screen is big: 32 inches.
    EXPECT_EQ(ui::em_for_display(hd, 32), 34);
    // Unknown: a 24-inch screen is assumed.
    EXPECT_EQ(ui::em_for_display(hd, 0), ui::em_for_display(hd, 24));
    // A screen too small for the minimum: the text grows only as far as the layout holds.
    EXPECT_EQ(ui::em_for_display(hd, 12), 45);
    EXPECT_LT(ui::smallest_cap_height_mm(hd, 12), ui::kMinCapHeightMm);
    EXPECT_EQ(ui::em_for_display({1280, 800}, 15.6f), 33);
    EXPECT_LT(ui::smallest_cap_height_mm({1280, 800}, 15.6f), ui::kMinCapHeightMm);
}

}  // namespace
}  // namespace anteroom
