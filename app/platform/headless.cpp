#include "platform/headless.hpp"

namespace anteroom::platform {

Wake HeadlessPlatform::wait(double timeout_s) {
    if (timeout_s < 0) return Wake::Quit;
    advance(timeout_s > 0 ? timeout_s : kFrameStep);
    return Wake::Timeout;
}

void HeadlessPlatform::new_frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = display_;
    io.DisplayFramebufferScale = {1, 1};
    io.DeltaTime = kFrameStep;
    io.MousePos = mouse_;
    io.MouseDown[0] = down_;
}

}  // namespace anteroom::platform
