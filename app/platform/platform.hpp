#pragma once
// What the runner needs from where the kiosk runs: input, time and a display size for each
// frame, a way to show it, and a way to wait for something to happen. Implemented by the
// SDL2 and GLFW windows, by the proof (a window's renderer at a chosen size, no input) and by
// the headless platform (no window at all: tests and the benchmark).
#include <imgui.h>

namespace anteroom::platform {

enum class Wake { Timeout, Input, Redraw, Quit };

class Platform {
public:
    virtual ~Platform() = default;
    // Handles pending events (feeding them to ImGui); blocks up to timeout_s for the first
    // one when none is pending (a negative timeout waits for ever). Says what woke it.
    virtual Wake wait(double timeout_s) = 0;
    virtual void new_frame() = 0;     // display size, input and the time step into ImGui's io
    virtual void present() = 0;       // shows ImGui's draw data
    virtual void reload_fonts() = 0;  // the atlas in io.Fonts has changed
    virtual ImVec2 size() const = 0;  // the display the UI lays out for
    // The diagonal of that display in inches, as the screen reports its physical size; 0 when
    // unknown. The text is sized so that it is big enough on it.
    virtual float diagonal_in() const { return 0; }
    virtual double now() const = 0;   // seconds on a monotonic clock
};

}  // namespace anteroom::platform
