#include "ui/kiosk_ui.hpp"

#include "ui/screens.hpp"

namespace anteroom::ui {

void configure_imgui() {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing about a session is written to disk
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange | ImGuiConfigFlags_IsTouchScreen;
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowPadding = {0, 0};
    style.ItemSpacing = {0, 0};
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.WindowRounding = 0;
}

KioskUi::KioskUi() = default;

bool KioskUi::prepare(const Kiosk& kiosk, ImVec2 display) {
    const float em = em_for_display(display);
    const std::string want = kiosk.shown().locale + "@" + std::to_string(em);
    if (want == fonts_for_) return false;
    fonts_for_ = want;
    font_error_.clear();
    build_fonts(*ImGui::GetIO().Fonts, em, kiosk.shown().all_text(), &ctx_.fonts, &font_error_);
    ctx_.metrics.em = em;
    ctx_.touch.set_slop(ctx_.metrics.tap_slop());
    ctx_.layout = std::make_unique<TextLayout>(kiosk.shown().locale);
    ctx_.layout_cache.clear();
    return true;
}

void KioskUi::frame(Kiosk& kiosk, double now) {
    const ImGuiIO& io = ImGui::GetIO();
    ctx_.touch.update(io);
    // Any touch answers "Are you still there?"; that whole gesture then belongs to the overlay.
    if (ctx_.touch.pressed() && kiosk.idle(now).warning) swallow_gesture_ = true;
    if (ctx_.touch.active() || io.MouseWheel != 0) kiosk.touched(now);
    kiosk.tick(now);

    const Place place_before = kiosk.session().place;
    ctx_.shown = &kiosk.shown();
    ctx_.probe.clear();
    ctx_.intents.clear();
    ctx_.wants_frame = false;
    ctx_.scroll.used = false;
    const ImRect display({0, 0}, io.DisplaySize);
    ctx_.probe.screen = display;
    const IdleState idle = kiosk.idle(now);

    ImGui::GetBackgroundDrawList()->AddRectFilled(display.Min, display.Max, ctx_.palette.background);
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(io.DisplaySize);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav;
    ImGui::Begin("##screen", nullptr, kFlags | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ctx_.input_enabled = !idle.warning && !swallow_gesture_;
    switch (kiosk.session().place) {
    case Place::Preparing: preparing_screen(ctx_, kiosk, display); break;
    case Place::Attract: attract_screen(ctx_, kiosk, display); break;
    case Place::Language: language_screen(ctx_, kiosk, display); break;
    case Place::Home: home_screen(ctx_, kiosk, display); break;
    case Place::Module: module_screen(ctx_, kiosk, display); break;
    case Place::End: end_screen(ctx_, kiosk, display); break;
    }
    ImGui::End();

    if (idle.warning) {
        ctx_.input_enabled = true;
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("##idle", nullptr, kFlags);
        idle_overlay(ctx_, idle, display);
        ImGui::End();
    }

    if (!ctx_.scroll.used) ctx_.scroll = ScrollState{};
    if (ctx_.touch.released()) swallow_gesture_ = false;
    for (const Intent& intent : ctx_.intents) kiosk.apply(intent, now);
    if (kiosk.session().place != place_before || !ctx_.intents.empty()) ctx_.wants_frame = true;
    if (kiosk.session().place == Place::Attract && place_before != Place::Attract) ctx_.touch.cancel();
}

}  // namespace anteroom::ui
