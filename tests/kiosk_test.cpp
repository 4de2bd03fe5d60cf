// The flow and the session, driven directly through intents (no UI).
#include <gtest/gtest.h>

#include "core/kiosk.hpp"
#include "support/headless.hpp"

namespace anteroom {
namespace {

using testing::bundled_kiosk;

TEST(Kiosk, WalksFromAttractThroughEveryScreenToTheEnd) {
    Kiosk k = bundled_kiosk(0);
    EXPECT_EQ(k.session().place, Place::Attract);
    k.apply({Intent::Begin}, 1);
    EXPECT_EQ(k.session().place, Place::Language);
    k.apply({Intent::ChooseLanguage, -1, "en"}, 2);
    EXPECT_EQ(k.session().place, Place::Home);
    k.apply({Intent::OpenModule, 0}, 3);
    ASSERT_EQ(k.session().place, Place::Module);
    const int screens = static_cast<int>(k.current_module()->screens.size());
    for (int i = 0; i < screens; ++i) {
        EXPECT_EQ(k.session().screen, i);
        k.apply({Intent::Next}, 4 + i);
    }
    EXPECT_EQ(k.session().place, Place::End);
}

TEST(Kiosk, BackReturnsStepByStepToHome) {
    Kiosk k = bundled_kiosk(0);
    k.apply({Intent::Begin}, 1);
    k.apply({Intent::ChooseLanguage, -1, "en"}, 1);
    k.apply({Intent::OpenModule, 0}, 1);
    const int last = static_cast<int>(k.current_module()->screens.size()) - 1;
    ASSERT_GE(last, 2);
    for (int i = 0; i < last; ++i) k.apply({Intent::Next}, 1);
    ASSERT_EQ(k.session().screen, last);
    for (int i = last - 1; i >= 0; --i) {  // one screen back at a time, never skipping
        k.apply({Intent::Back}, 1);
        ASSERT_EQ(k.session().place, Place::Module);
        EXPECT_EQ(k.session().screen, i);
    }
    k.apply({Intent::Back}, 1);
    EXPECT_EQ(k.session().place, Place::Home);
    k.apply({Intent::Back}, 1);
    EXPECT_EQ(k.session().place, Place::Language);
    k.apply({Intent::Back}, 1);
    EXPECT_EQ(k.session().place, Place::Attract);
}

TEST(Kiosk, IgnoresIntentsThatDoNotFitThePlace) {
    Kiosk k = bundled_kiosk(0);
    auto ignored = [&](const Intent& intent, const char* what) {
        const Session before = k.session();
        k.apply(intent, 0);
        EXPECT_EQ(k.session(), before) << what;
    };
    // The attract screen: only Begin (and a language, which any screen may choose) fits.
    ignored({Intent::Next}, "Next on attract");
    ignored({Intent::Back}, "Back on attract");
    ignored({Intent::Home}, "Home on attract");
    ignored({Intent::OpenLanguages}, "the picker on attract");
    ignored({Intent::OpenModule, 0}, "a module on attract");
    ignored({Intent::ToggleItem, 3}, "a question on attract");
    ignored({Intent::OpenItem, -1, "iv"}, "a route on attract");
    ignored({Intent::ChooseLanguage, -1, "xx"}, "a language not offered");
    k.apply({Intent::Begin}, 0);
    ASSERT_EQ(k.session().place, Place::Language);
    ignored({Intent::OpenModule, 0}, "a module on the language screen");
    ignored({Intent::Next}, "Next on the language screen");
    k.apply({Intent::ChooseLanguage, -1, "en"}, 0);
    ASSERT_EQ(k.session().place, Place::Home);
    ignored({Intent::OpenModule, 99}, "a module that does not exist");
    ignored({Intent::OpenModule, -1}, "a module before the first");
    ignored({Intent::Begin}, "Begin at home");
    ignored({Intent::Next}, "Next at home");
    k.apply({Intent::OpenModule, 0}, 0);
    ASSERT_EQ(k.current_screen()->kind->name, "text");
    ignored({Intent::ToggleItem, 0}, "a question on a text screen");
    ignored({Intent::OpenItem, -1, "iv"}, "a route on a text screen");
    ignored({Intent::OpenModule, 0}, "a module inside a module");
    ignored({Intent::Begin}, "Begin inside a module");
}

TEST(Kiosk, RoutePagesOpenOnlyForOfferedRoutesAndBackCloses) {
    Kiosk k = bundled_kiosk(0, "clinic_name = \"C\"\nclinic_phone = \"1\"\ncrisis_line = \"988\"\nemergency_number = \"911\"\nroutes_offered = [\"iv\", \"nasal\"]\n");
    k.apply({Intent::Begin}, 0);
    k.apply({Intent::ChooseLanguage, -1, "en"}, 0);
    k.apply({Intent::OpenModule, 0}, 0);
    while (k.current_screen()->kind->name != "routes") k.apply({Intent::Next}, 0);
    const int routes_screen = k.session().screen;
    ASSERT_EQ(k.current_screen()->items.size(), 2u);
    k.apply({Intent::OpenItem, -1, "im"}, 0);  // not offered here
    EXPECT_TRUE(k.session().page.empty());
    k.apply({Intent::OpenItem, -1, "nasal"}, 0);
    EXPECT_EQ(k.session().page, "nasal");
    k.apply({Intent::Back}, 0);
    EXPECT_TRUE(k.session().page.empty());
    EXPECT_EQ(k.session().screen, routes_screen);
}

TEST(Kiosk, FaqAnswersToggleAndCloseWhenLeavingTheScreen) {
    Kiosk k = bundled_kiosk(0);
    k.apply({Intent::Begin}, 0);
    k.apply({Intent::ChooseLanguage, -1, "en"}, 0);
    k.apply({Intent::OpenModule, 0}, 0);
    while (k.current_screen()->kind->name != "faq") k.apply({Intent::Next}, 0);
    k.apply({Intent::ToggleItem, 2}, 0);
    k.apply({Intent::ToggleItem, 4}, 0);
    EXPECT_EQ(k.session().open_items, (std::set<int>{2, 4}));
    k.apply({Intent::ToggleItem, 2}, 0);
    EXPECT_EQ(k.session().open_items, (std::set<int>{4}));
    k.apply({Intent::Back}, 0);
    EXPECT_TRUE(k.session().open_items.empty());
}

TEST(Kiosk, WarnsAfterIdleWarningAndResetsAfterIdleReset) {
    Kiosk k = bundled_kiosk(0, "clinic_name = \"C\"\nclinic_phone = \"1\"\ncrisis_line = \"988\"\nemergency_number = \"911\"\nidle_warning_s = 60\nidle_reset_s = 90\n");
    k.apply({Intent::Begin}, 10);
    k.apply({Intent::ChooseLanguage, -1, "en"}, 10);
    k.apply({Intent::OpenModule, 0}, 10);
    k.apply({Intent::Next}, 10);
    EXPECT_FALSE(k.idle(69.9).warning);
    EXPECT_DOUBLE_EQ(k.next_wakeup(20), 70);
    IdleState idle = k.idle(70);
    EXPECT_TRUE(idle.warning);
    EXPECT_EQ(idle.seconds_left, 30);
    EXPECT_EQ(k.idle(99.5).seconds_left, 1);
    k.tick(99.9);
    EXPECT_EQ(k.session().place, Place::Module);
    k.tick(100);
    EXPECT_EQ(k.session().place, Place::Attract);
    EXPECT_EQ(k.session().module, -1);
    EXPECT_FALSE(k.idle(1000).warning);            // the attract screen never times out
    EXPECT_EQ(k.next_wakeup(1000), kNever);        // and needs no timer at all
}

TEST(Kiosk, CountdownWakesOncePerSecond) {
    Kiosk k = bundled_kiosk(0);  // 90 s warning, 120 s reset
    k.apply({Intent::Begin}, 0);
    const double t = 95.25;  // 24.75 s left: shows 25
    EXPECT_EQ(k.idle(t).seconds_left, 25);
    const double wake = k.next_wakeup(t);
    EXPECT_NEAR(wake, 96.0, 0.01);
    EXPECT_EQ(k.idle(wake).seconds_left, 24);
}

TEST(Kiosk, StillHereKeepsTheSession) {
    Kiosk k = bundled_kiosk(0);
    k.apply({Intent::Begin}, 0);
    k.apply({Intent::ChooseLanguage, -1, "en"}, 0);
    k.apply({Intent::OpenModule, 0}, 0);
    k.apply({Intent::Next}, 0);
    ASSERT_TRUE(k.idle(100).warning);
    k.apply({Intent::StillHere}, 100);
    EXPECT_FALSE(k.idle(100).warning);
    k.tick(130);
    EXPECT_EQ(k.session().place, Place::Module);
    EXPECT_EQ(k.session().screen, 1);
}

TEST(Kiosk, ResetWipesEverythingAboutThePatient) {
    Kiosk k = bundled_kiosk(0);
    const Session fresh = k.session();
    k.apply({Intent::Begin}, 5);
    k.apply({Intent::ChooseLanguage, -1, "es"}, 5);  // not the default language
    k.apply({Intent::OpenModule, 0}, 5);
    while (k.current_screen()->kind->name != "faq") k.apply({Intent::Next}, 5);
    k.apply({Intent::ToggleItem, 1}, 5);
    k.apply({Intent::OpenLanguages}, 5);
    for (bool differs : {k.session().locale != fresh.locale, k.session().place != fresh.place, k.session().module != fresh.module,
                         k.session().screen != fresh.screen, k.session().open_items != fresh.open_items,
                         k.session().choosing_language != fresh.choosing_language})
        ASSERT_TRUE(differs) << "the patient left a mark on every part of the session";
    k.tick(5 + k.config().idle_reset_s);
    Session expected = fresh;
    expected.last_touch = 5 + k.config().idle_reset_s;
    EXPECT_EQ(k.session(), expected);
}

TEST(Kiosk, BrokenContentOnlyEverShowsPreparing) {
    ContentSource empty;
    Kiosk k(empty, ClinicConfig{}, false, 0);
    EXPECT_EQ(k.session().place, Place::Preparing);
    k.apply({Intent::Begin}, 1);
    k.apply({Intent::OpenModule, 0}, 1);
    EXPECT_EQ(k.session().place, Place::Preparing);
    EXPECT_EQ(k.next_wakeup(1), kNever);
}

}  // namespace
}  // namespace anteroom
