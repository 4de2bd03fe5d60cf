// The GLFW window. GLFW has no touch events: a touchscreen arrives as a mouse, so the
// cursor hides at the first press instead. GLFW does not turn SIGTERM into a quit event the
// way SDL does, so a thread waits for the signal and wakes the loop to shut down cleanly.
#include <GLFW/glfw3.h>
#include <pthread.h>
#include <signal.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <atomic>
#include <cmath>
#include <thread>

#include "platform/window.hpp"

namespace anteroom::platform {

namespace {

class GlfwWindow : public Window {
public:
    ~GlfwWindow() override {
        if (signal_thread_.joinable()) {
            if (!quit_signal_) pthread_kill(signal_thread_.native_handle(), SIGTERM);  // release its sigwait
            signal_thread_.join();
        }
        if (initialised_) {
            release_fonts_texture();
            ImGui_ImplOpenGL3_Shutdown();
            ImGui_ImplGlfw_Shutdown();
        }
        if (window_) glfwDestroyWindow(window_);
        glfwTerminate();
    }

    bool open(const WindowOptions& options, std::string* error) {
        glfwSetErrorCallback([](int, const char* description) { last_error() = description; });
        if (!glfwInit()) {
            *error = "GLFW could not start: " + last_error();
            return false;
        }
        // Blocked here, so every thread started later leaves these signals to sigwait.
        sigset_t signals;
        sigemptyset(&signals);
        sigaddset(&signals, SIGTERM);
        sigaddset(&signals, SIGINT);
        pthread_sigmask(SIG_BLOCK, &signals, nullptr);
        signal_thread_ = std::thread([this, signals] {
            int signal = 0;
            sigwait(&signals, &signal);
            quit_signal_ = true;
            glfwPostEmptyEvent();  // safe from any thread: wakes glfwWaitEvents
        });
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);  // 3.3: texture swizzle, for the font atlas
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        GLFWmonitor* monitor = nullptr;
        int width = options.width, height = options.height;
        if (options.fullscreen) {  // borderless fullscreen at the primary display's own mode
            monitor = glfwGetPrimaryMonitor();
            if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr) {
                width = mode->width;
                height = mode->height;
                glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
            }
        }
        window_ = glfwCreateWindow(width, height, "Anteroom", monitor, nullptr);
        if (!window_) {
            *error = "GLFW could not open a window with OpenGL 3.3: " + last_error();
            return false;
        }
        glfwMakeContextCurrent(window_);
        glfwSwapInterval(1);
        // On a bare X server nothing gives the window the keyboard (SDL takes it itself): a
        // keypad's keys would go nowhere.
        glfwFocusWindow(window_);
        glfwSetWindowUserPointer(window_, this);
        // Ours first: ImGui's backend chains to callbacks installed before it.
        glfwSetMouseButtonCallback(window_, [](GLFWwindow* w, int, int action, int) {
            auto* self = static_cast<GlfwWindow*>(glfwGetWindowUserPointer(w));
            self->note(Wake::Input);
            if (action == GLFW_PRESS) glfwSetInputMode(w, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
        });
        glfwSetCursorPosCallback(window_, [](GLFWwindow* w, double, double) { note_input(w); });
        glfwSetScrollCallback(window_, [](GLFWwindow* w, double, double) { note_input(w); });
        glfwSetKeyCallback(window_, [](GLFWwindow* w, int key, int, int action, int mods) {
            note_input(w);
            static_cast<GlfwWindow*>(glfwGetWindowUserPointer(w))->key_event(key, action != GLFW_RELEASE, mods & GLFW_MOD_SHIFT);  // ImGui's GLFW backend's index
        });
        glfwSetCharCallback(window_, [](GLFWwindow* w, unsigned int) { note_input(w); });
        glfwSetWindowRefreshCallback(window_, [](GLFWwindow* w) {
            static_cast<GlfwWindow*>(glfwGetWindowUserPointer(w))->note(Wake::Redraw);
        });
        glfwSetWindowSizeCallback(window_, [](GLFWwindow* w, int, int) {
            static_cast<GlfwWindow*>(glfwGetWindowUserPointer(w))->note(Wake::Redraw);
        });
        ImGui_ImplGlfw_InitForOpenGL(window_, true);
        ImGui_ImplOpenGL3_Init("#version 150");
        initialised_ = true;
        return true;
    }

    Wake wait(double timeout_s) override {
        wake_ = keys_pending() ? Wake::Input : Wake::Timeout;
        glfwPollEvents();
        if (wake_ == Wake::Timeout && timeout_s != 0) {
            if (timeout_s < 0) glfwWaitEvents();
            else glfwWaitEventsTimeout(timeout_s);
        }
        if (quit_signal_ || glfwWindowShouldClose(window_)) return Wake::Quit;
        return wake_;
    }

    void platform_new_frame() override { ImGui_ImplGlfw_NewFrame(); }

    void present() override {
        int w = 0, h = 0;
        glfwGetFramebufferSize(window_, &w, &h);
        draw_imgui(w, h);
        glfwSwapBuffers(window_);
    }

    ImVec2 size() const override {
        int w = 0, h = 0;
        glfwGetWindowSize(window_, &w, &h);
        return {static_cast<float>(w), static_cast<float>(h)};
    }

    // From the monitor's physical size (its EDID), for the part of it the window covers.
    float diagonal_in() const override {
        GLFWmonitor* monitor = glfwGetWindowMonitor(window_);
        if (!monitor) monitor = glfwGetPrimaryMonitor();  // a borderless fullscreen window is on the primary
        const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
        int width_mm = 0, height_mm = 0;
        if (monitor) glfwGetMonitorPhysicalSize(monitor, &width_mm, &height_mm);
        if (!mode || width_mm <= 0 || height_mm <= 0) return 0;
        const float mm_per_pixel = std::hypot(float(width_mm), float(height_mm)) / std::hypot(float(mode->width), float(mode->height));
        const ImVec2 s = size();
        return std::hypot(s.x, s.y) * mm_per_pixel / 25.4f;
    }

private:
    static std::string& last_error() {
        static std::string error;  // GLFW's error callback takes no user pointer
        return error;
    }
    static void note_input(GLFWwindow* w) { static_cast<GlfwWindow*>(glfwGetWindowUserPointer(w))->note(Wake::Input); }
    void note(Wake wake) { wake_ = std::max(wake_, wake); }

    GLFWwindow* window_ = nullptr;
    bool initialised_ = false;
    Wake wake_ = Wake::Timeout;
    std::atomic<bool> quit_signal_ = false;
    std::thread signal_thread_;
};

}  // namespace

std::unique_ptr<Window> open_glfw_window(const WindowOptions& options, std::string* error) {
    auto window = std::make_unique<GlfwWindow>();
    if (!window->open(options, error)) return nullptr;
    return window;
}

}  // namespace anteroom::platform
