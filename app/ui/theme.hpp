#pragma once
// Colours and sizes. Every size is a multiple of the em (the body font size), so the same
// screens fit 1920x1080, 1080x1920 and 1280x800.
#include <imgui.h>

namespace anteroom::ui {

struct Palette {
    ImU32 background = IM_COL32(244, 241, 234, 255);   // warm paper
    ImU32 surface = IM_COL32(255, 255, 255, 255);
    ImU32 surface_pressed = IM_COL32(228, 236, 233, 255);
    ImU32 text = IM_COL32(38, 44, 46, 255);
    ImU32 text_muted = IM_COL32(88, 98, 100, 255);
    ImU32 primary = IM_COL32(31, 95, 91, 255);          // deep teal
    ImU32 primary_pressed = IM_COL32(21, 68, 65, 255);
    ImU32 on_primary = IM_COL32(255, 255, 255, 255);
    ImU32 accent = IM_COL32(214, 232, 226, 255);        // pale sage
    ImU32 outline = IM_COL32(205, 200, 188, 255);
    ImU32 shade = IM_COL32(20, 30, 32, 150);            // behind an overlay
};

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

// The body font size for a display: readable from arm's length on a kiosk.
float em_for_display(ImVec2 display);

}  // namespace anteroom::ui
