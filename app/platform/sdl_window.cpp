// The SDL2 window: SDL's touch events come with synthesised mouse events, which ImGui's
// SDL backend reads; we read the touch events too, to hide the cursor once touch is used.
#include <SDL.h>
#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>

#include <cmath>

#include "platform/window.hpp"

namespace anteroom::platform {

namespace {

class SdlWindow : public Window {
public:
    ~SdlWindow() override {
        if (context_) {
            release_fonts_texture();
            ImGui_ImplOpenGL3_Shutdown();
            ImGui_ImplSDL2_Shutdown();
            SDL_GL_DeleteContext(context_);
        }
        if (window_) SDL_DestroyWindow(window_);
        SDL_Quit();
    }

    bool open(const WindowOptions& options, std::string* error) {
        SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");  // the first touch counts, even unfocused
        SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");  // a kiosk stays up whatever takes focus
        if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
            *error = std::string("SDL could not start video: ") + SDL_GetError();
            return false;
        }
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);  // 3.3: texture swizzle, for the font atlas
        SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
        Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
        int x = SDL_WINDOWPOS_CENTERED_DISPLAY(0), y = x, width = options.width, height = options.height;
        if (options.fullscreen) {
            flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
            // SDL's X11 fullscreen is a request to the window manager; with none (a bare-X
            // kiosk) the window stays at the size and place it was created with. So create it
            // covering the display already: a window manager still makes it fullscreen.
            SDL_Rect bounds;
            if (SDL_GetDisplayBounds(0, &bounds) == 0) {
                x = bounds.x;
                y = bounds.y;
                width = bounds.w;
                height = bounds.h;
            }
        }
        window_ = SDL_CreateWindow("Anteroom", x, y, width, height, flags);
        if (!window_) {
            *error = std::string("SDL could not open a window: ") + SDL_GetError();
            return false;
        }
        context_ = SDL_GL_CreateContext(window_);
        if (!context_) {
            *error = std::string("SDL could not create an OpenGL 3.3 context: ") + SDL_GetError();
            return false;
        }
        SDL_GL_MakeCurrent(window_, context_);
        SDL_GL_SetSwapInterval(1);
        ImGui_ImplSDL2_InitForOpenGL(window_, context_);
        ImGui_ImplOpenGL3_Init("#version 150");
        return true;
    }

    Wake wait(double timeout_s) override {
        Wake wake = keys_pending() ? Wake::Input : Wake::Timeout;
        if (keys_pending()) timeout_s = 0;
        SDL_Event event;
        bool have = SDL_PollEvent(&event);
        if (!have && timeout_s != 0)
            have = timeout_s < 0 ? SDL_WaitEvent(&event) : SDL_WaitEventTimeout(&event, static_cast<int>(timeout_s * 1000 + 0.5));
        while (have) {
            ImGui_ImplSDL2_ProcessEvent(&event);
            wake = std::max(wake, classify(event));
            have = SDL_PollEvent(&event);
        }
        return wake;
    }

    void platform_new_frame() override {
        ImGui_ImplSDL2_NewFrame();
        // ImGui 1.86's SDL backend reads the pointer only while the window has mouse or keyboard
        // focus, and on a bare X server it can lose both while a drag holds the pointer captured:
        // the page would not follow the finger. Our one fullscreen window takes every pointer
        // event, so the last event's position is where the finger is.
        if (pointer_known_) ImGui::GetIO().MousePos = pointer_;
    }

    void present() override {
        int w = 0, h = 0;
        SDL_GL_GetDrawableSize(window_, &w, &h);
        draw_imgui(w, h);
        SDL_GL_SwapWindow(window_);
    }

    ImVec2 size() const override {
        int w = 0, h = 0;
        SDL_GetWindowSize(window_, &w, &h);
        return {static_cast<float>(w), static_cast<float>(h)};
    }

    // From the display's diagonal pixels per inch (its EDID, through the X server), for the
    // part of it the window covers.
    float diagonal_in() const override {
        const int display = SDL_GetWindowDisplayIndex(window_);
        float diagonal_dpi = 0;
        if (display < 0 || SDL_GetDisplayDPI(display, &diagonal_dpi, nullptr, nullptr) != 0 || !(diagonal_dpi > 0)) return 0;
        const ImVec2 s = size();
        return std::hypot(s.x, s.y) / diagonal_dpi;
    }

private:
    Wake classify(const SDL_Event& event) {
        switch (event.type) {
        case SDL_QUIT: return Wake::Quit;
        case SDL_FINGERDOWN:
        case SDL_FINGERUP:
        case SDL_FINGERMOTION:
            SDL_ShowCursor(SDL_DISABLE);  // touch in use: a cursor would only distract
            return Wake::Input;
        case SDL_MOUSEMOTION:
            if (event.motion.which != SDL_TOUCH_MOUSEID && !event.motion.state) SDL_ShowCursor(SDL_ENABLE);  // a real mouse
            pointer_at(event.motion.x, event.motion.y);
            return Wake::Input;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            pointer_at(event.button.x, event.button.y);
            return Wake::Input;
        case SDL_KEYDOWN:
        case SDL_KEYUP:
            key_event(event.key.keysym.scancode, event.type == SDL_KEYDOWN, event.key.keysym.mod & KMOD_SHIFT);  // the index ImGui's SDL backend uses
            return Wake::Input;
        case SDL_MOUSEWHEEL:
        case SDL_TEXTINPUT: return Wake::Input;
        case SDL_WINDOWEVENT: return Wake::Redraw;
        default: return Wake::Timeout;
        }
    }

    void pointer_at(int x, int y) {
        pointer_ = {static_cast<float>(x), static_cast<float>(y)};
        pointer_known_ = true;
    }

    SDL_Window* window_ = nullptr;
    SDL_GLContext context_ = nullptr;
    ImVec2 pointer_;
    bool pointer_known_ = false;  // no pointer event yet: leave ImGui's own reading
};

}  // namespace

std::unique_ptr<Window> open_sdl_window(const WindowOptions& options, std::string* error) {
    auto window = std::make_unique<SdlWindow>();
    if (!window->open(options, error)) return nullptr;
    return window;
}

}  // namespace anteroom::platform
