#pragma once
// Colours and sizes. Every size is a multiple of the em (the body font size), so the same
// screens fit 1920x1080, 1080x1920 and 1280x800.
#include <imgui.h>

#include <vector>

namespace anteroom::ui {

struct Palette {
    ImU32 background = IM_COL32(244, 241, 234, 255);   // warm paper
    ImU32 surface = IM_COL32(255, 255, 255, 255);
    ImU32 surface_pressed = IM_COL32(228, 236, 233, 255);
    ImU32 text = IM_COL32(38, 44, 46, 255);
    ImU32 text_muted = IM_COL32(82, 91, 93, 255);      // small print: still 4.5:1 on every fill it sits on
    ImU32 primary = IM_COL32(31, 95, 91, 255);          // deep teal
    ImU32 primary_pressed = IM_COL32(21, 68, 65, 255);
    ImU32 on_primary = IM_COL32(255, 255, 255, 255);
    ImU32 accent = IM_COL32(214, 232, 226, 255);        // pale sage
    ImU32 accent_strong = IM_COL32(190, 218, 209, 255);  // the attract screen's mark
    ImU32 outline = IM_COL32(205, 200, 188, 255);       // decoration: progress still to come, the scroll bar
    ImU32 card_border = 0;                              // none: cards stand out by their fill
    ImU32 focus = IM_COL32(176, 60, 0, 255);            // the keyboard focus ring: burnt orange, unlike anything else
    ImU32 highlight = IM_COL32(255, 221, 120, 255);     // behind the word being read aloud
    ImU32 on_highlight = IM_COL32(38, 44, 46, 255);     // that word
    ImU32 shade = IM_COL32(20, 30, 32, 150);            // behind an overlay
};

// White on black with yellow controls: at least 7:1 for every text, 3:1 for every edge.
Palette high_contrast_palette();

// Every colour pair text is drawn in (text on its fill), and every control edge on what is
// around it, for the contrast tests: what the screens draw must use one of these.
struct ColourPair {
    const char* what;
    ImU32 fore, back;
    bool text;  // text: 4.5:1 (7:1 in high contrast); an edge or focus ring: 3:1
};
std::vector<ColourPair> colour_pairs(const Palette& p);

// The WCAG contrast ratio of two opaque colours, 1 to 21.
float contrast_ratio(ImU32 a, ImU32 b);
// Line height / font size of Latin text: body text, and headings and titles (FontSet has the
// locale's own, for scripts drawn bigger than Latin).
inline constexpr float kLatinLineSpacing = 1.38f, kLatinHeadingLineSpacing = 1.2f;

struct Metrics {
    float em = 34;
    float text_line_spacing = kLatinLineSpacing;  // the locale's, from its FontSet
    float headings_line_spacing = kLatinHeadingLineSpacing;

    float gap() const { return em; }
    float margin() const { return 1.5f * em; }
    float corner() const { return 0.45f * em; }
    float button_height() const { return 2.3f * em; }   // 78 px at 1080p: above the 60 px touch minimum
    float bar_height() const { return 3.4f * em; }
    float column_width() const { return 30.f * em; }    // about 70 characters: comfortable reading
    float tap_slop() const { return 0.35f * em; }       // finger movement that still counts as a tap
    float line_spacing() const { return text_line_spacing; }             // line height / font size
    float heading_line_spacing() const { return headings_line_spacing; }  // the same, of headings and titles
};

// Every character on screen is at least 3/16 inch high (4.76 mm, rounded up here), measured as
// the capital letters of the smallest text, at the standard text size.
inline constexpr float kMinCapHeightMm = 4.8f;
// The biggest standard em the screens are laid out for, for each pixel of the display's
// shorter side (45 px at 1080, 33 at 800): on a screen physically too small for the minimum
// at that, the text stays at it and `anteroom check` says so.
inline constexpr float kMaxEmPerShorterSide = 1 / 24.f;

// Millimetres per pixel of a display of these pixels and this diagonal (0: unknown, taken as
// kAssumedDiagonalIn, a usual kiosk screen).
float mm_per_pixel(ImVec2 display, float diagonal_in);

// The body font size (em) for a display: a 32nd of its shorter side, readable from arm's
// length, and never so small that the smallest text (small_size()) falls under
// kMinCapHeightMm on the real screen, up to kMaxEmPerShorterSide; then times the patient's
// text_scale (core/settings.hpp) on top.
float em_for_display(ImVec2 display, float diagonal_in, float text_scale = 1);

// The height of the capital letters of the smallest text, in mm, at the standard text size (the
// smallest a clinic can choose) on that display.
float smallest_cap_height_mm(ImVec2 display, float diagonal_in);

}  // namespace anteroom::ui
