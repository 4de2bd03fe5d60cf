#include "platform/headless.hpp"

#include "core/wipe.hpp"

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
    for (int k = 0; k < ImGuiKey_COUNT; ++k) {  // a keyboard whose own codes are ImGui's
        io.KeyMap[k] = k;
        io.KeysDown[k] = keys_[k];
    }
    io.KeyShift = shift_;
    if (!typed_.empty()) {
        io.AddInputCharactersUTF8(typed_.c_str());
        wipe(typed_);  // what a patient typed is wiped, not just freed
    }
}

}  // namespace anteroom::platform
