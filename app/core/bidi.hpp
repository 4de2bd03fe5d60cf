#pragma once
// Right-to-left text: Arabic letters shaped into their joined forms (ICU u_shapeArabic) and
// each line put in visual order (ICU ubidi), after wrapping in logical order. The UI draws
// the runs left to right as given. The one place to swap for a shaping engine later.
#include <string>
#include <string_view>
#include <vector>

namespace anteroom {

// A piece of a line in visual order: UTF-8 text ready to draw left to right, and the byte
// range of the logical line it came from (to find its style).
struct VisualRun {
    std::string text;
    size_t logical_begin = 0, logical_end = 0;
    bool rtl = false;
};

// Arabic letters in their contextual (presentation) forms; other text unchanged.
std::string shape_arabic(std::string_view utf8);

// True when the text needs the bidi pass: right-to-left letters or explicit direction marks.
bool needs_bidi(std::string_view utf8);

// The line in visual order, shaped, with direction marks removed. `cuts` are logical byte
// offsets (style changes) that must also start a new run. base_rtl sets the paragraph direction.
std::vector<VisualRun> visual_runs(std::string_view line, bool base_rtl, const std::vector<size_t>& cuts = {});

}  // namespace anteroom
