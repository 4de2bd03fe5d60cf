#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>

namespace anteroom::ui {

float em_for_display(ImVec2 display) {
    const float shorter = std::min(display.x, display.y);
    return std::max(16.f, std::round(shorter / 32.f));
}

}  // namespace anteroom::ui
