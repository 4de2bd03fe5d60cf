#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>

#include "core/config.hpp"
#include "ui/fonts.hpp"

namespace anteroom::ui {

Palette high_contrast_palette() {
    Palette p;
    p.background = IM_COL32(0, 0, 0, 255);
    p.surface = IM_COL32(0, 0, 0, 255);
    p.surface_pressed = IM_COL32(51, 51, 51, 255);
    p.text = IM_COL32(255, 255, 255, 255);
    p.text_muted = IM_COL32(235, 235, 235, 255);
    p.primary = IM_COL32(255, 224, 64, 255);  // yellow
    p.primary_pressed = IM_COL32(255, 196, 0, 255);
    p.on_primary = IM_COL32(0, 0, 0, 255);
    p.accent = IM_COL32(28, 28, 28, 255);
    p.accent_strong = IM_COL32(90, 90, 90, 255);
    p.outline = IM_COL32(160, 160, 160, 255);
    p.card_border = IM_COL32(255, 255, 255, 255);
    p.focus = IM_COL32(0, 210, 255, 255);  // cyan
    p.highlight = IM_COL32(255, 224, 64, 255);
    p.on_highlight = IM_COL32(0, 0, 0, 255);
    p.shade = IM_COL32(0, 0, 0, 215);
    return p;
}

std::vector<ColourPair> colour_pairs(const Palette& p) {
    std::vector<ColourPair> pairs = {
        {"text on the background", p.text, p.background, true},
        {"text on a card", p.text, p.surface, true},
        {"text on a pressed card", p.text, p.surface_pressed, true},
        {"text in the questions card", p.text, p.accent, true},
        {"small print on the background", p.text_muted, p.background, true},
        {"small print on a card", p.text_muted, p.surface, true},
        {"headings and links on the background", p.primary, p.background, true},
        {"headings and links on a card", p.primary, p.surface, true},
        {"headings and links on a pressed card", p.primary, p.surface_pressed, true},
        {"headings on the questions card, the scroll hint", p.primary, p.accent, true},
        {"a main button's label", p.on_primary, p.primary, true},
        {"a pressed main button's label", p.on_primary, p.primary_pressed, true},
        {"the word read aloud", p.on_highlight, p.highlight, true},
        {"a button's edge on the background", p.primary, p.background, false},
        {"the focus ring on the background", p.focus, p.background, false},
        {"the focus ring on a card", p.focus, p.surface, false},
        {"the plus on a question", p.primary, p.accent, false},
    };
    // Cards without an edge stand out by their fill and their marks (a chevron, a plus).
    if (p.card_border) pairs.push_back({"a card's edge on the background", p.card_border, p.background, false});
    return pairs;
}

namespace {
float luminance(ImU32 c) {
    auto channel = [](unsigned v) {
        const float s = static_cast<float>(v) / 255.f;
        return s <= 0.04045f ? s / 12.92f : std::pow((s + 0.055f) / 1.055f, 2.4f);
    };
    return 0.2126f * channel(c >> IM_COL32_R_SHIFT & 0xFF) + 0.7152f * channel(c >> IM_COL32_G_SHIFT & 0xFF) +
           0.0722f * channel(c >> IM_COL32_B_SHIFT & 0xFF);
}
}  // namespace

float contrast_ratio(ImU32 a, ImU32 b) {
    const float la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

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
