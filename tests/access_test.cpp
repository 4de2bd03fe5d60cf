// Every patient can use it: contrast computed from the themes, the keyboard focus order of
// every screen, the whole flow with keys alone, and the display settings applied and reset.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "support/headless.hpp"
#include "ui/theme.hpp"

namespace anteroom {
namespace {

using testing::Headless;

TEST(Contrast, TheDefaultThemeHasAtLeast4point5To1ForEveryTextAnd3To1ForEveryEdge) {
    for (const ui::ColourPair& pair : ui::colour_pairs(ui::Palette{}))
        EXPECT_GE(ui::contrast_ratio(pair.fore, pair.back), pair.text ? 4.5f : 3.f) << pair.what;
}

TEST(Contrast, TheHighContrastThemeHasAtLeast7To1ForEveryTextAnd3To1ForEveryEdge) {
    const ui::Palette p = ui::high_contrast_palette();
    for (const ui::ColourPair& pair : ui::colour_pairs(p)) EXPECT_GE(ui::contrast_ratio(pair.fore, pair.back), pair.text ? 7.f : 3.f) << pair.what;
    EXPECT_NE(p.card_border, 0u) << "cards have an edge in high contrast";
}

TEST(Contrast, TheRatioIsWcags) {
    EXPECT_NEAR(ui::contrast_ratio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)), 21.f, 1e-3f);
    EXPECT_NEAR(ui::contrast_ratio(IM_COL32(118, 118, 118, 255), IM_COL32(255, 255, 255, 255)), 4.54f, 0.01f);  // the grey at the 4.5 limit
    EXPECT_NEAR(ui::contrast_ratio(IM_COL32(90, 90, 90, 255), IM_COL32(90, 90, 90, 255)), 1.f, 1e-6f);
}

// Tab from nothing in focus until it comes round again: the targets in focus order.
struct InFocus {
    ImGuiID id;
    std::string label;
    bool operator==(const InFocus&) const = default;
};
InFocus in_focus(Headless& h) { return {h.ui().focus().id, h.focused()}; }

std::vector<InFocus> focus_order(Headless& h) {
    std::vector<InFocus> order;
    for (int i = 0; i < 200; ++i) {
        h.press_key(ImGuiKey_Tab);
        const InFocus now = in_focus(h);
        EXPECT_FALSE(now.label.empty()) << "Tab left nothing in focus";
        if (!order.empty() && now == order.front()) break;
        order.push_back(now);
        // Never on something hidden: what is in focus is in view (scrolled there if need be).
        const ui::ProbeItem* item = h.probe().find(now.label);
        EXPECT_NE(item, nullptr) << now.label << " is in focus but not on screen";
        const auto it = std::find_if(h.ui().focus().targets.begin(), h.ui().focus().targets.end(),
                                     [&](const ui::FocusTarget& t) { return t.id == now.id; });
        if (it == h.ui().focus().targets.end()) {
            ADD_FAILURE() << now.label << " is in focus but no target";
            break;
        }
        ImRect visible = it->rect;
        visible.ClipWithFull(it->clip);
        EXPECT_GE(visible.GetHeight(), std::min(it->rect.GetHeight(), 40.f) - 1) << now.label << " is in focus, out of view";
    }
    return order;
}

// Where each target is on screen, as the focus ring went: within the bar at the top, then the
// page (in its own scrolled order), then the bar at the bottom, each a row at a time in the
// reading direction.
void expect_reading_order(Headless& h, const std::vector<InFocus>& order, bool rtl, const std::string& where) {
    const ui::Focus& f = h.ui().focus();
    std::vector<const ui::FocusTarget*> targets;
    for (const InFocus& target : order) {
        auto it = std::find_if(f.targets.begin(), f.targets.end(), [&](const ui::FocusTarget& t) { return t.id == target.id; });
        ASSERT_NE(it, f.targets.end()) << where << ": " << target.label;
        targets.push_back(&*it);
    }
    for (size_t i = 1; i < targets.size(); ++i) {
        const ui::FocusTarget& a = *targets[i - 1];
        const ui::FocusTarget& b = *targets[i];
        if ((a.scroll != nullptr) != (b.scroll != nullptr)) continue;  // into or out of the page
        if (a.scroll) continue;  // the page scrolls as focus moves: its order is the order it is drawn in
        const bool same_row = b.rect.Min.y < a.rect.Max.y - 1 && a.rect.Min.y < b.rect.Max.y - 1;
        if (same_row) {
            EXPECT_TRUE(rtl ? b.rect.Max.x <= a.rect.Min.x + 1 : b.rect.Min.x >= a.rect.Max.x - 1)
                << where << ": " << a.label << " then " << b.label << " go against the reading direction";
        } else {
            EXPECT_GE(b.rect.Min.y, a.rect.Max.y - 1) << where << ": " << a.label << " then " << b.label << " go up";
        }
    }
}

void check_focus(Headless& h, const std::string& where, bool rtl) {
    const std::vector<InFocus> order = focus_order(h);
    ASSERT_FALSE(order.empty()) << where;
    if (getenv("DEBUG_FOCUS")) for (auto& o : order) fprintf(stderr, "%s %08x %s\n", where.c_str(), o.id, o.label.c_str());
    // Every target that can be tapped can be reached.
    std::set<std::string> reachable;
    for (const InFocus& target : order) reachable.insert(target.label);
    for (const ui::ProbeItem& item : h.probe().items)
        if (item.enabled) {
            EXPECT_TRUE(reachable.contains(item.label)) << where << ": " << item.label << " cannot be reached by keys";
        }
    expect_reading_order(h, order, rtl, where);
    // Shift+Tab goes back the same way.
    std::vector<InFocus> back;
    for (size_t i = 0; i < order.size(); ++i) {
        h.press_key(ImGuiKey_Tab, true);
        back.push_back(in_focus(h));
    }
    EXPECT_TRUE(back == std::vector<InFocus>(order.rbegin(), order.rend())) << where;
    // The arrows: forward is the reading direction.
    const InFocus start = in_focus(h);
    h.press_key(rtl ? ImGuiKey_LeftArrow : ImGuiKey_RightArrow);
    const InFocus after_forward = in_focus(h);
    EXPECT_TRUE(after_forward == order.at(1 % order.size())) << where << ": forward is " << (rtl ? "left" : "right");
    h.press_key(rtl ? ImGuiKey_RightArrow : ImGuiKey_LeftArrow);
    EXPECT_TRUE(in_focus(h) == start) << where;
    h.press_key(ImGuiKey_DownArrow);
    EXPECT_TRUE(in_focus(h) == after_forward) << where;
    h.press_key(ImGuiKey_UpArrow);
    EXPECT_TRUE(in_focus(h) == start) << where;
}

// Presses Tab until the label is in focus, then Enter.
void activate(Headless& h, const std::string& label, ImGuiKey key = ImGuiKey_Enter) {
    for (int i = 0; i < 200 && h.focused() != label; ++i) h.press_key(ImGuiKey_Tab);
    ASSERT_EQ(h.focused(), label);
    h.press_key(key);
}

class FocusOrder : public ::testing::TestWithParam<std::string> {};

TEST_P(FocusOrder, EveryScreenInReadingOrder) {
    const std::string locale = GetParam();
    Headless h;
    const bool rtl = locale == "ar";
    h.press_key(ImGuiKey_A);  // any key begins
    ASSERT_EQ(h.session().place, Place::Language);
    check_focus(h, "language", false);  // the language screen reads in the kiosk's own language
    activate(h, locale_native_name(locale));
    ASSERT_EQ(h.session().locale, locale);
    check_focus(h, "home", rtl);
    activate(h, h.kiosk().shown().modules.at(0).title);
    ASSERT_EQ(h.session().place, Place::Module);
    const size_t screens = h.kiosk().current_module()->screens.size();
    for (size_t i = 0; i < screens; ++i) {
        check_focus(h, h.kiosk().current_screen()->id, rtl);
        activate(h, h.text(i + 1 == screens ? "nav.finish" : "nav.next"));
    }
    ASSERT_EQ(h.session().place, Place::End);
    check_focus(h, "end", rtl);
    activate(h, h.text("nav.language"));
    check_focus(h, "language picker", rtl);
    h.press_key(ImGuiKey_Escape);
    EXPECT_FALSE(h.session().choosing_language);
    activate(h, h.text("settings.open"));
    ASSERT_TRUE(h.session().settings_open);
    check_focus(h, "display settings", rtl);
}

INSTANTIATE_TEST_SUITE_P(Ltr, FocusOrder, ::testing::Values("en"));
INSTANTIATE_TEST_SUITE_P(Rtl, FocusOrder, ::testing::Values("ar"));

// A tactile keypad has arrows and Enter: the whole education module, every answer and every
// route page, with them alone.
TEST(Keys, TheEducationModuleWalksEndToEndWithArrowsAndEnterAlone) {
    for (const char* locale : {"en", "ar"}) {
        Headless h;
        h.press_key(ImGuiKey_Enter);
        ASSERT_EQ(h.session().place, Place::Language) << locale;
        auto go = [&](const std::string& label) {
            for (int i = 0; i < 200 && h.focused() != label; ++i) h.press_key(ImGuiKey_DownArrow);
            ASSERT_EQ(h.focused(), label) << locale;
            h.press_key(ImGuiKey_Enter);
        };
        go(locale_native_name(locale));
        ASSERT_EQ(h.session().place, Place::Home) << locale;
        go(h.kiosk().shown().modules.at(0).title);
        ASSERT_EQ(h.session().place, Place::Module) << locale;
        const size_t screens = h.kiosk().current_module()->screens.size();
        for (size_t i = 0; i < screens; ++i) {
            const ShownScreen& screen = *h.kiosk().current_screen();
            if (screen.kind->list.action == ItemAction::Toggle) {
                go(screen.items.at(0).text("q").line);
                EXPECT_TRUE(h.session().open_items.contains(0)) << locale << ": Enter opens an answer";
                const size_t lines_before = h.probe().texts.size();
                go(screen.items.at(0).text("q").line);  // closes it again
                EXPECT_FALSE(h.session().open_items.contains(0)) << locale;
                EXPECT_LT(h.probe().texts.size(), lines_before) << locale << ": the answer showed, and has gone";
            }
            if (screen.kind->list.action == ItemAction::OpenPage) {
                for (const ShownItem& route : screen.items) {
                    go(route.text("title").line);
                    EXPECT_EQ(h.session().page, route.id) << locale;
                    go(h.text("routes.all"));
                    EXPECT_TRUE(h.session().page.empty()) << locale;
                }
            }
            go(h.text(i + 1 == screens ? "nav.finish" : "nav.next"));
        }
        EXPECT_EQ(h.session().place, Place::End) << locale;
        go(h.text("end.restart"));
        EXPECT_EQ(h.session().place, Place::Attract) << locale;
    }
}

TEST(Keys, FocusHoldsOnToTheSameButtonFromScreenToScreenAndTouchHidesTheRing) {
    Headless h;
    h.press_key(ImGuiKey_Space);
    activate(h, "English", ImGuiKey_Space);
    activate(h, h.kiosk().shown().modules.at(0).title);
    activate(h, h.text("nav.next"));
    EXPECT_EQ(h.session().screen, 1);
    EXPECT_EQ(h.focused(), h.text("nav.next")) << "Enter again goes on again";
    EXPECT_EQ(h.announced(), h.text("nav.next") + ", button");
    h.press_key(ImGuiKey_KeyPadEnter);
    EXPECT_EQ(h.session().screen, 2);
    h.tap_at({5, 500});  // a finger
    EXPECT_EQ(h.focused(), "") << "a touch hides the ring";
    h.press_key(ImGuiKey_Enter);
    EXPECT_EQ(h.session().screen, 2) << "Enter does nothing while the ring is hidden";
}

TEST(Keys, AKeyAnswersTheInactivityWarning) {
    Headless h;
    h.press_key(ImGuiKey_A);
    activate(h, "English");
    h.wait(h.kiosk().config().idle_warning_s + 1);
    ASSERT_TRUE(h.kiosk().idle(h.now()).warning);
    h.press_key(ImGuiKey_RightArrow);
    EXPECT_FALSE(h.kiosk().idle(h.now()).warning);
    EXPECT_EQ(h.session().place, Place::Home);
}

TEST(Settings, ApplyAtOnceAndGoBackToTheClinicsDefaultsOnReset) {
    Headless h;
    h.press_key(ImGuiKey_A);
    const float standard_em = h.ui().fonts().em;
    ASSERT_TRUE(h.tap(h.text("settings.open")));
    ASSERT_TRUE(h.session().settings_open);
    ASSERT_TRUE(h.tap(h.text("settings.largest")));
    EXPECT_EQ(h.session().settings.text_size, TextSize::Largest);
    EXPECT_FLOAT_EQ(h.ui().fonts().em, std::round(standard_em * 1.5f)) << "at once, with the panel still open";
    ASSERT_TRUE(h.tap(h.text("settings.on")));  // high contrast: the first "On"
    EXPECT_TRUE(h.session().settings.high_contrast);
    EXPECT_TRUE(h.probe().overflows().empty());
    ASSERT_TRUE(h.tap(h.text("settings.done")));
    EXPECT_FALSE(h.session().settings_open);
    EXPECT_EQ(h.session().settings.text_size, TextSize::Largest) << "kept for the rest of the session";
    ASSERT_TRUE(h.tap("English"));
    EXPECT_FLOAT_EQ(h.ui().fonts().em, std::round(standard_em * 1.5f));

    h.wait(h.kiosk().config().idle_reset_s + 1);  // the patient walked away
    ASSERT_EQ(h.session().place, Place::Attract);
    EXPECT_EQ(h.session().settings, h.kiosk().config().defaults);
    h.frames(2);
    EXPECT_FLOAT_EQ(h.ui().fonts().em, standard_em) << "the next patient starts at the clinic's size";
}

TEST(Settings, ReducedMotionStopsAFlingWithTheFinger) {
    for (bool reduced : {false, true}) {
        Headless h;
        h.kiosk().apply({Intent::SetReducedMotion, reduced}, h.now());
        h.press_key(ImGuiKey_A);
        activate(h, "English");
        activate(h, h.kiosk().shown().modules.at(0).title);
        while (h.kiosk().current_screen()->kind->name != "faq") activate(h, h.text("nav.next"));
        for (int q = 0; q < 4; ++q) h.kiosk().apply({Intent::ToggleItem, q}, h.now());
        h.frames(3);
        h.drag({960, 800}, {960, 500}, 4);  // a quick flick
        const float released = h.ui().scroll().y;
        h.frames(20);
        if (reduced) EXPECT_EQ(h.ui().scroll().y, released) << "the page stops where the finger left it";
        else EXPECT_GT(h.ui().scroll().y, released + 20) << "without the setting the page flings on";
    }
}

}  // namespace
}  // namespace anteroom
