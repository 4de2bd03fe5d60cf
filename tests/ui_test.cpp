// The real screens, headless, driven by simulated touches on the words a patient sees.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <tuple>

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

void go_to_kind(Headless& h, ScreenKind kind) {
    while (h.kiosk().current_screen()->kind != kind) ASSERT_TRUE(h.tap(h.text("nav.next")));
}

// Visits every place and screen in a language, calling check on each.
void visit_everything(Headless& h, const std::function<void(const std::string&)>& check, const std::string& locale = "en") {
    check("attract");
    ASSERT_TRUE(h.tap(h.text("attract.touch")));
    check("language");
    ASSERT_TRUE(h.tap(locale_native_name(locale)));
    ASSERT_EQ(h.session().locale, locale);
    check("home");
    ASSERT_TRUE(h.tap(h.kiosk().shown().modules.at(0).title));
    const ShownModule& module = *h.kiosk().current_module();
    for (size_t i = 0; i < module.screens.size(); ++i) {
        const ShownScreen& screen = *h.kiosk().current_screen();
        check(screen.id);
        for (const ShownRoute& route : screen.routes) {
            ASSERT_TRUE(h.tap(route.title));
            check(screen.id + "/" + route.id);
            ASSERT_TRUE(h.tap(h.text("nav.back")));
        }
        for (const ShownQuestion& q : screen.questions) h.kiosk().apply({Intent::ToggleQuestion, static_cast<int>(&q - &screen.questions[0])}, h.now());
        if (!screen.questions.empty()) {
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
        EXPECT_TRUE(h.probe().has_text(h.kiosk().current_screen()->title));
        EXPECT_TRUE(h.probe().has_text(std::to_string(i + 1) + " of " + std::to_string(screens)));
        ASSERT_TRUE(h.tap(h.text(i + 1 == screens ? "nav.finish" : "nav.next")));
    }
    EXPECT_EQ(h.session().place, Place::End);
    ASSERT_TRUE(h.tap(h.text("end.restart")));
    EXPECT_EQ(h.session().place, Place::Attract);
}

TEST(Ui, EveryModuleScreenEndsWithAWayToAskTheCareTeam) {
    Headless h;
    open_education(h);
    for (const ShownScreen& screen : h.kiosk().current_module()->screens) {
        EXPECT_TRUE(h.probe().has_text(h.text("ask.title"))) << screen.id;
        EXPECT_TRUE(h.probe().has_text(h.kiosk().config().clinic_phone)) << screen.id;
        h.tap(h.text("nav.next"));
    }
}

TEST(Ui, ATapFiresOnReleaseNotOnPress) {
    Headless h;
    open_education(h);
    const ui::ProbeItem* next = h.probe().find(h.text("nav.next"));
    ASSERT_NE(next, nullptr);
    const ImVec2 at = next->visible.GetCenter();
    h.drag(at, at, 0);  // press and release in place (no movement)
    EXPECT_EQ(h.session().screen, 1);
}

TEST(Ui, DraggingScrollsAndNeverPressesAButton) {
    Headless h;
    open_education(h);
    go_to_kind(h, ScreenKind::Faq);
    const ShownScreen& faq = *h.kiosk().current_screen();
    // Start the drag on a question (itself a button) and pull the page up, then lift there.
    const ui::ProbeItem* question = h.probe().find(faq.questions.at(1).question);
    ASSERT_NE(question, nullptr);
    const ImVec2 from = question->visible.GetCenter();
    EXPECT_EQ(h.ui().scroll().y, 0);
    h.drag(from, {from.x, from.y - 400}, 20);
    h.frames(120);  // let any fling run out
    EXPECT_TRUE(h.session().open_questions.empty());
    EXPECT_GT(h.ui().scroll().y, 350);
    const ui::ProbeItem* moved = h.probe().find_any(faq.questions.at(1).question);
    ASSERT_NE(moved, nullptr);
    EXPECT_NEAR(moved->rect.GetCenter().y, from.y - h.ui().scroll().y, 1.f) << "the content moved with the finger";
    EXPECT_EQ(h.kiosk().current_screen(), &faq);

    // Dragging back down over the Next button area and releasing on a question: still no press.
    const ui::ProbeItem* other = h.probe().find(faq.questions.at(4).question);
    ASSERT_NE(other, nullptr);
    h.drag(other->visible.GetCenter(), {other->visible.GetCenter().x + 200, other->visible.GetCenter().y + 30}, 10);
    h.frames(60);
    EXPECT_TRUE(h.session().open_questions.empty());
}

TEST(Ui, AFingerThatWobblesALittleStillTaps) {
    Headless h;
    open_education(h);
    go_to_kind(h, ScreenKind::Faq);
    const ui::ProbeItem* question = h.probe().find(h.kiosk().current_screen()->questions.at(0).question);
    ASSERT_NE(question, nullptr);
    const ImVec2 at = question->visible.GetCenter();
    h.drag(at, {at.x + 4, at.y + 5}, 3);  // under the tap threshold
    EXPECT_EQ(h.session().open_questions, (std::set<int>{0}));
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
    go_to_kind(h, ScreenKind::Faq);
    h.kiosk().apply({Intent::ToggleQuestion, 0}, h.now());  // make the page long
    h.kiosk().apply({Intent::ToggleQuestion, 1}, h.now());
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

TEST(Ui, InactivityWarnsThenStillHereKeepsTheSession) {
    Headless h;
    open_education(h);
    ASSERT_TRUE(h.tap(h.text("nav.next")));
    h.wait(h.kiosk().config().idle_warning_s + 1);
    EXPECT_TRUE(h.probe().has_text(h.text("idle.title")));
    const int seconds = h.kiosk().config().idle_reset_s - h.kiosk().config().idle_warning_s - 1;
    EXPECT_TRUE(h.probe().has_text(std::to_string(seconds))) << "countdown shows the seconds left";
    EXPECT_GE(seconds, kMinIdleCountdown - 1);
    EXPECT_EQ(h.probe().find(h.text("nav.next")), nullptr) << "the screen below does not take touches";
    ASSERT_TRUE(h.tap(h.text("idle.stay")));
    EXPECT_FALSE(h.probe().has_text(h.text("idle.title")));
    EXPECT_EQ(h.session().place, Place::Module);
    EXPECT_EQ(h.session().screen, 1);
    h.wait(h.kiosk().config().idle_warning_s - 5);  // the timer started again at the tap
    EXPECT_EQ(h.session().place, Place::Module);
}

TEST(Ui, TouchingTheWarningDoesNotPressWhatIsUnderIt) {
    Headless h;
    open_education(h);
    const ImVec2 next = h.probe().find(h.text("nav.next"))->visible.GetCenter();
    h.wait(h.kiosk().config().idle_warning_s + 1);
    h.tap_at(next);
    EXPECT_EQ(h.session().screen, 0);
    EXPECT_FALSE(h.probe().has_text(h.text("idle.title")));
}

TEST(Ui, InactivityResetWipesTheSession) {
    Headless h;
    open_education(h);
    go_to_kind(h, ScreenKind::Faq);
    ASSERT_TRUE(h.tap(h.kiosk().current_screen()->questions.at(2).question));
    ASSERT_FALSE(h.session().open_questions.empty());
    h.wait(h.kiosk().config().idle_warning_s + 1);
    h.wait(h.kiosk().config().idle_reset_s - h.kiosk().config().idle_warning_s);
    EXPECT_EQ(h.session().place, Place::Attract);
    EXPECT_EQ(h.session().module, -1);
    EXPECT_TRUE(h.session().open_questions.empty());
    EXPECT_TRUE(h.session().route.empty());
    EXPECT_EQ(h.ui().scroll().y, 0);
    EXPECT_TRUE(h.probe().has_text(h.text("attract.touch")));
}

TEST(Ui, RoutesChooserShowsOnlyWhatTheClinicOffers) {
    Headless h({1920, 1080}, "clinic_name = \"Oak\"\nclinic_phone = \"555\"\nroutes_offered = [\"lozenge\"]\n");
    open_education(h);
    go_to_kind(h, ScreenKind::Routes);
    ContentLoad content = load_content(testing::source_path("content"));
    int shown = 0;
    for (const auto& screen : content.content.modules.at(0).screens)
        for (const RouteEntry& r : screen.routes) shown += h.probe().find(format_message(r.title.source, {}, "en")) != nullptr;
    EXPECT_EQ(shown, 1);
    const ShownRoute& lozenge = h.kiosk().current_screen()->routes.at(0);
    ASSERT_TRUE(h.tap(lozenge.title));
    EXPECT_EQ(h.session().route, "lozenge");
    ASSERT_TRUE(h.tap(h.text("routes.all")));
    EXPECT_TRUE(h.session().route.empty());
}

TEST(Ui, LanguageScreenNamesEachLanguageInItself) {
    Headless h;
    ASSERT_TRUE(h.tap(h.text("attract.touch")));
    EXPECT_NE(h.probe().find("English"), nullptr);
}

TEST(Ui, EveryTouchTargetIsAtLeast60PixelsAt1080p) {
    Headless h({1920, 1080});
    visit_everything(h, [&](const std::string& where) {
        for (const ui::ProbeItem& item : h.probe().items) {
            if (!item.enabled) continue;
            EXPECT_GE(item.rect.GetWidth(), 60) << where << ": " << item.label;
            EXPECT_GE(item.rect.GetHeight(), 60) << where << ": " << item.label;
        }
    });
}

const std::string kWithPseudoLocales = "clinic_name = \"Riverside Clinic\"\nclinic_phone = \"555-0100\"\npseudo_locales = true\n";

// Every screen, in every language and pseudo-language, at every size: no text outside its
// container and no character missing from its font.
class UiLayout : public ::testing::TestWithParam<std::tuple<ImVec2, std::string>> {};

TEST_P(UiLayout, NoTextLeavesItsContainerAndNoGlyphIsMissing) {
    const auto& [size, locale] = GetParam();
    Headless h(size, kWithPseudoLocales);
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
                                            ::testing::Values("en", "es", "zh-Hans", "vi", "ko", "ar", "en-XA", "ar-XB")),
                         [](const auto& info) {
                             const ImVec2 size = std::get<0>(info.param);
                             std::string locale = std::get<1>(info.param);
                             std::replace(locale.begin(), locale.end(), '-', '_');
                             return std::to_string(static_cast<int>(size.x)) + "x" + std::to_string(static_cast<int>(size.y)) + "_" + locale;
                         });

TEST(Ui, LanguageChangesFromAnyScreenAndKeepsThePlace) {
    Headless h;
    open_education(h);
    go_to_kind(h, ScreenKind::Faq);
    ASSERT_TRUE(h.tap(h.kiosk().current_screen()->questions.at(1).question));
    const Session before = h.session();
    ASSERT_TRUE(h.tap(h.text("nav.language")));
    EXPECT_TRUE(h.session().choosing_language);
    EXPECT_EQ(h.probe().find(h.text("nav.home")), nullptr) << "the screen below waits while the picker is open";
    ASSERT_TRUE(h.tap(locale_native_name("es")));
    EXPECT_EQ(h.session().locale, "es");
    EXPECT_FALSE(h.session().choosing_language);
    EXPECT_EQ(h.session().module, before.module);
    EXPECT_EQ(h.session().screen, before.screen);
    EXPECT_EQ(h.session().open_questions, before.open_questions);
    EXPECT_EQ(h.kiosk().current_module()->locale, "es");
    EXPECT_NE(h.text("nav.back"), "Back");
    EXPECT_NE(h.probe().find(h.text("nav.back")), nullptr) << "the same screen, now in Spanish";
    EXPECT_TRUE(h.probe().has_text(h.kiosk().current_screen()->questions.at(1).question));
    EXPECT_TRUE(h.probe().overflows().empty());
}

TEST(Ui, ThePickerClosesWithoutChangingAnything) {
    Headless h;
    open_education(h);
    ASSERT_TRUE(h.tap(h.text("nav.language")));
    h.tap_at({5, 5});  // outside the card
    EXPECT_FALSE(h.session().choosing_language);
    EXPECT_EQ(h.session().locale, "en");
    ASSERT_TRUE(h.tap(h.text("nav.language")));
    ASSERT_TRUE(h.tap(h.text("nav.back")));
    EXPECT_FALSE(h.session().choosing_language);
    EXPECT_EQ(h.session().place, Place::Module);
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

}  // namespace
}  // namespace anteroom
