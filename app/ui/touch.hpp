#pragma once
// One finger, read from ImGui's mouse state: taps fire on release and only when the finger
// stayed within a small distance, so a drag to scroll never presses a button.
#include <imgui.h>
#include <imgui_internal.h>

namespace anteroom::ui {

class Touch {
public:
    void set_slop(float pixels) { slop_ = pixels; }

    // Call once a frame after ImGui::NewFrame().
    void update(const ImGuiIO& io);
    // A reset forgets the gesture in progress: the finger on the glass, if any, does nothing
    // more until it lifts.
    void cancel();

    bool down() const { return down_; }
    bool pressed() const { return pressed_; }  // touched down this frame
    bool dragging() const { return dragging_; }
    bool active() const { return down_ || released_; }  // anything happening this frame
    bool tapped() const { return released_ && !dragging_; }
    bool released() const { return released_; }
    ImVec2 pos() const { return pos_; }
    ImVec2 press_pos() const { return press_pos_; }
    ImVec2 drag_step() const { return step_; }  // movement this frame, while dragging
    float release_velocity_y() const { return velocity_y_; }  // px/s when a drag ends

    // The finger is down on rect and has not started dragging: show it pressed.
    bool pressing(const ImRect& rect) const { return down_ && !dragging_ && rect.Contains(press_pos_) && rect.Contains(pos_); }
    // A tap ended on rect this frame, and began there too.
    bool tapped_on(const ImRect& rect) const { return tapped() && rect.Contains(press_pos_) && rect.Contains(pos_); }

private:
    float slop_ = 12;
    bool down_ = false, pressed_ = false, released_ = false, dragging_ = false;
    bool lift_first_ = false;  // cancelled: wait for the finger to lift
    ImVec2 pos_{-1, -1}, press_pos_{-1, -1}, step_{0, 0};
    float velocity_y_ = 0;
};

}  // namespace anteroom::ui
