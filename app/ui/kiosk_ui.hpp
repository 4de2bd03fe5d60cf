#pragma once
// The kiosk's user interface: one frame at a time, it reads the Kiosk, draws the screen of
// the current place, and applies the intents the patient's touches produced.
#include <imgui.h>

#include <string>

#include "core/kiosk.hpp"
#include "ui/font_atlases.hpp"
#include "ui/widgets.hpp"

namespace anteroom::ui {

// What the patient did during one frame, for the runner to apply to the Kiosk.
struct UiFrame {
    bool touched = false;         // a touch, a scroll or a key: someone is here
    std::vector<Intent> intents;  // what they asked for, in order
    std::string announce;         // keys moved focus: say where ("Next, button")
};

class KioskUi {
public:
    KioskUi();
    ~KioskUi();
    KioskUi(const KioskUi&) = delete;
    KioskUi& operator=(const KioskUi&) = delete;

    // Before ImGui::NewFrame(): makes the fonts match the display size and language.
    // Returns true when the font atlas changed (the renderer must upload it again).
    // display_diagonal_in: the display's own report of its diagonal, 0 when unknown; the
    // configuration's screen_diagonal_in comes first.
    bool prepare(const Kiosk& kiosk, ImVec2 display, float display_diagonal_in = 0);
    // Gives ImGui its own atlas back (the destructor does it too).
    void release_fonts();
    // True once every language's atlas is built (the worker has finished).
    bool fonts_prebuilt() { return frames_drawn_ >= 3 && atlases_.idle(); }

    // Between ImGui::NewFrame() and ImGui::Render(). Reads the kiosk; changes nothing in it.
    UiFrame frame(const Kiosk& kiosk, double now);
    // After a session ends: wipes what the UI kept of it (laid-out text, scroll, the gesture, focus).
    void forget_session();
    // What is being read aloud, for the next frames to highlight (the runner keeps it current).
    void set_speech(SpeechView view) { ctx_.speech = std::move(view); }
    const SpeechView& speech() const { return ctx_.speech; }

    // True while an animation (a fling, a countdown) needs another frame soon.
    bool wants_frame() const { return ctx_.wants_frame; }
    const Probe& probe() const { return ctx_.probe; }
    const Focus& focus() const { return ctx_.focus; }
    const FontSet& fonts() const { return ctx_.fonts; }
    const std::string& font_error() const { return font_error_; }

    // For proof renders, which show a long screen page by page.
    const ScrollState& scroll() const { return ctx_.scroll; }
    void scroll_to(float y) { ctx_.scroll.y = y; ctx_.scroll.velocity = 0; }
    // Whether any text the UI keeps laid out holds these words (for tests of the wipe).
    bool remembers(const std::string& words) const;

private:
    ImGuiContext* imgui_;  // the context it was made in, whose io.Fonts it borrows
    UiContext ctx_;
    FontAtlases atlases_;
    ImFontAtlas* context_fonts_ = nullptr;  // ImGui's own atlas, while one of ours is in io.Fonts
    std::string fonts_for_;  // the key of the atlas in use
    int frames_drawn_ = 0;  // at the third, every language's atlas is queued for the worker
    std::string font_error_;
};

// The characters each font role needs to show everything in a language (for the benchmark too).
FontText font_text(const Kiosk& kiosk, const std::string& locale);

// Sets ImGui up for a kiosk: no saved settings, no ImGui keyboard navigation (ours is in
// widgets.hpp), no spacing we did not ask for.
void configure_imgui();

// An ImGui context set up for the kiosk, made current, destroyed with the scope. Declare it
// before the KioskUi that draws in it, so the context outlives the UI.
class ImGuiContextScope {
public:
    ImGuiContextScope();
    ~ImGuiContextScope();
    ImGuiContextScope(const ImGuiContextScope&) = delete;
    ImGuiContextScope& operator=(const ImGuiContextScope&) = delete;
    void make_current() const { ImGui::SetCurrentContext(context_); }

private:
    ImGuiContext* context_;
};

}  // namespace anteroom::ui
