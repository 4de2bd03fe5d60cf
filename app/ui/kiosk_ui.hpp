#pragma once
// The kiosk's user interface: one frame at a time, it reads the Kiosk, draws the screen of
// the current place, and applies the intents the patient's touches produced.
#include <imgui.h>

#include <string>

#include "core/kiosk.hpp"
#include "ui/font_atlases.hpp"
#include "ui/widgets.hpp"

namespace anteroom::ui {

class KioskUi {
public:
    KioskUi();
    ~KioskUi();
    KioskUi(const KioskUi&) = delete;
    KioskUi& operator=(const KioskUi&) = delete;

    // Before ImGui::NewFrame(): makes the fonts match the display size and language.
    // Returns true when the font atlas changed (the renderer must upload it again).
    bool prepare(const Kiosk& kiosk, ImVec2 display);
    // Gives ImGui its own atlas back; call before destroying the ImGui context.
    void release_fonts();
    // True once every language's atlas is built (the worker has finished).
    bool fonts_prebuilt() { return frames_drawn_ >= 3 && atlases_.idle(); }

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
    FontAtlases atlases_;
    ImFontAtlas* context_fonts_ = nullptr;  // ImGui's own atlas, while one of ours is in io.Fonts
    std::string fonts_for_;  // the key of the atlas in use
    int frames_drawn_ = 0;  // at the third, every language's atlas is queued for the worker
    std::string font_error_;
    bool swallow_gesture_ = false;  // a touch that dismissed the overlay must not also press what lies under it
};

// The characters each font role needs to show everything in a language (for the benchmark too).
FontText font_text(const Kiosk& kiosk, const std::string& locale);

// Sets ImGui up for a kiosk: no saved settings, no keyboard navigation, no spacing we did not ask for.
void configure_imgui();

}  // namespace anteroom::ui
