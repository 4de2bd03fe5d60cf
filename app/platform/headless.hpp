#pragma once
// No window at all: the real UI in an ImGui context with a simulated clock and one simulated
// finger, drawn into draw data that nobody renders. The tests and the benchmark run the kiosk
// through the same Runner as the windows.
#include <string>

#include "platform/platform.hpp"

namespace anteroom::platform {

class HeadlessPlatform : public Platform {
public:
    explicit HeadlessPlatform(ImVec2 display, double start = 1000) : display_(display), now_(start) {}

    // Time passes by the timeout, with no input; waiting for ever means nothing more will
    // happen, which ends a run.
    Wake wait(double timeout_s) override;
    void new_frame() override;
    void present() override {}
    void reload_fonts() override {}
    ImVec2 size() const override { return display_; }
    double now() const override { return now_; }

    static constexpr float kFrameStep = 1.f / 60;
    void advance(double seconds) { now_ += seconds; }
    // Where the finger is, and whether it touches the glass, from the next frame on.
    void pointer(ImVec2 pos, bool down) {
        mouse_ = pos;
        down_ = down;
    }
    ImVec2 pointer_pos() const { return mouse_; }
    // A key held down or let go, from the next frame on (keys are ImGuiKey values here), and Shift.
    void key(ImGuiKey key, bool down) { keys_[key] = down; }
    void shift(bool down) { shift_ = down; }
    // Characters typed on a keyboard, given to the next frame (as SDL's and GLFW's text input are).
    void type(const std::string& utf8) { typed_ += utf8; }

private:
    ImVec2 display_;
    double now_;
    ImVec2 mouse_{-FLT_MAX, -FLT_MAX};
    bool down_ = false;
    bool keys_[ImGuiKey_COUNT] = {};
    bool shift_ = false;
    std::string typed_;
};

}  // namespace anteroom::platform
