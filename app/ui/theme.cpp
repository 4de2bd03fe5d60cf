#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>

#include "core/config.hpp"
#include "ui/fonts.hpp"

namespace anteroom::ui {

namespace {

// The standard em: the pixel rule, raised for the physical minimum as far as the layout holds.
float standard_em(ImVec2 display, float diagonal_in) {
    const float shorter = std::min(display.x, display.y);
    float em = std::max(16.f, std::round(shorter / 32.f));
    const float most = std::max(em, std::floor(shorter * kMaxEmPerShorterSide));
    const float mm = mm_per_pixel(display, diagonal_in);
    if (!(mm > 0)) return em;  // no display size: nothing to measure
    const float cap = latin_cap_height();
    while (em < most && cap * small_size(em) * mm < kMinCapHeightMm) ++em;
    return em;
}

}  // namespace

float mm_per_pixel(ImVec2 display, float diagonal_in) {
    const float diagonal_px = std::hypot(display.x, display.y);
    if (!(diagonal_px > 0)) return 0;
    return (diagonal_in > 0 ? diagonal_in : static_cast<float>(kAssumedDiagonalIn)) * 25.4f / diagonal_px;
}

float em_for_display(ImVec2 display, float diagonal_in, float text_scale) {
    return std::round(standard_em(display, diagonal_in) * text_scale);
}

float smallest_cap_height_mm(ImVec2 display, float diagonal_in) {
    return latin_cap_height() * small_size(standard_em(display, diagonal_in)) * mm_per_pixel(display, diagonal_in);
}

}  // namespace anteroom::ui
