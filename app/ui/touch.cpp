#include "ui/touch.hpp"

#include <cmath>

namespace anteroom::ui {

void Touch::cancel() {
    down_ = pressed_ = released_ = dragging_ = false;
    step_ = {0, 0};
    velocity_y_ = 0;
    lift_first_ = true;
}

void Touch::update(const ImGuiIO& io) {
    const bool now_down = io.MouseDown[0];
    const bool known = io.MousePos.x > -FLT_MAX / 2;
    const ImVec2 previous = pos_;
    if (known) pos_ = io.MousePos;

    if (released_) {  // the frame after a release starts clean
        released_ = dragging_ = false;
        velocity_y_ = 0;
    }
    step_ = {0, 0};
    pressed_ = false;
    if (lift_first_) {  // a cancelled gesture ends only when the finger lifts, and does nothing
        lift_first_ = now_down;
        return;
    }

    if (now_down && !down_) {
        down_ = pressed_ = true;
        press_pos_ = pos_;
        velocity_y_ = 0;
    } else if (now_down && down_) {
        const ImVec2 moved{pos_.x - press_pos_.x, pos_.y - press_pos_.y};
        if (!dragging_ && std::hypot(moved.x, moved.y) > slop_) dragging_ = true;
        if (dragging_) {
            step_ = {pos_.x - previous.x, pos_.y - previous.y};
            // Smoothed velocity, for the fling that continues after release.
            if (io.DeltaTime > 0) velocity_y_ = 0.6f * (step_.y / io.DeltaTime) + 0.4f * velocity_y_;
        }
    } else if (!now_down && down_) {
        down_ = false;
        released_ = true;
        if (dragging_) step_ = {pos_.x - previous.x, pos_.y - previous.y};
        if (io.DeltaTime > 0.1f) velocity_y_ = 0;  // the finger rested before lifting: no fling
    }
}

}  // namespace anteroom::ui
