#pragma once
// The kiosk's user interface: one frame at a time, it reads the Kiosk, draws the screen of
// the current place, and applies the intents the patient's touches produced.
#include <imgui.h>

#include <string>

#include "core/kiosk.hpp"
#include "ui/widgets.hpp"

namespace anteroom::ui {

class KioskUi {
public:
    KioskUi();

    // Before ImGui::NewFrame(): makes the fonts match the display size and language.
    // Returns true when the font atlas was rebuilt (the renderer must upload it again).
    bool prepare(const Kiosk& kiosk, ImVec2 display);

    // Between ImGui::NewFrame() and ImGui::Render().
    void frame(Kiosk& kiosk, double now);

    // True while an animation (a fling, a countdown) needs another frame soon.
    bool wants_frame() const { return ctx_.wants_frame; }
    const Probe& probe() const { return ctx_.probe; }
    const FontSet& fonts() const { return ctx_.fonts; }
    const std::string& font_error() const { return font_error_; }

    // For proof renders, which show a long screen page by page.
    const ScrollState& scroll() const { return ctx_.scroll; }
    void scroll_to(float y) { ctx_.scroll.y = y; ctx_.scroll.velocity = 0; }

private:
    UiContext ctx_;
    FontFiles font_files_;
    std::string fonts_for_;  // the language and size the atlas was built for
    std::string font_error_;
    bool swallow_gesture_ = false;  // a touch that dismissed the overlay must not also press what lies under it
};

// Sets ImGui up for a kiosk: no saved settings, no keyboard navigation, no spacing we did not ask for.
void configure_imgui();

}  // namespace anteroom::ui
