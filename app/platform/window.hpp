#pragma once
// A platform window with an OpenGL 3.3 context and the ImGui renderer, implemented once with
// SDL2 and once with GLFW. The runner waits in wait() and draws only when something changed.
#include <imgui.h>

#include <memory>
#include <string>
#include <vector>

#include "platform/platform.hpp"

namespace anteroom::platform {

struct WindowOptions {
    bool fullscreen = true;
    int width = 1280, height = 800;  // when windowed
};

// A real window with an OpenGL 3.3 context; wait(), present() and size() are the backend's.
class Window : public Platform {
public:
    // The OpenGL part, the same for every backend (opengl.cpp).
    void new_frame() override;     // the renderer's and the platform's part: display size, mouse, time
    void reload_fonts() override;  // uploads the font atlas now in io.Fonts
    double now() const override;   // the steady clock
    void finish();                 // waits until the GPU has finished (for timing)

protected:
    virtual void platform_new_frame() = 0;
    void release_fonts_texture();  // while the OpenGL context is still current
    // Backends tell every key event here too, by the index ImGui's backend gives it. ImGui
    // 1.86 has no input queue: it sees only the state of each key at a frame, so a press and
    // release between two frames (a keypad's quick press, xdotool) would be missed, and two
    // quick presses seen as one. Each change is shown for a frame of its own instead, in the
    // order they came, with Shift as it was with it (Shift+Tab goes back).
    void key_event(int index, bool down, bool shift);
    bool keys_pending() const { return !key_changes_.empty(); }  // draw another frame without waiting

private:
    struct KeyChange {
        int key;
        bool down, shift;
    };
    std::vector<KeyChange> key_changes_;  // not shown yet, oldest first
    bool keys_shown_[512] = {};           // each key as ImGui has been shown it
    bool renderer_started_ = false;  // the first new_frame() uploads the atlas
    unsigned int font_texture_ = 0;  // the atlas, single-channel
};

// Draws ImGui's draw data on a cleared framebuffer of this size (opengl.cpp).
void draw_imgui(int framebuffer_width, int framebuffer_height);

// Each needs a current ImGui context. On failure they return null and say why.
std::unique_ptr<Window> open_sdl_window(const WindowOptions& options, std::string* error);
std::unique_ptr<Window> open_glfw_window(const WindowOptions& options, std::string* error);

// Renders the current ImGui draw data into an offscreen framebuffer of the given size and
// reads it back as RGBA rows, top first.
std::vector<unsigned char> capture_frame(int width, int height);

}  // namespace anteroom::platform
