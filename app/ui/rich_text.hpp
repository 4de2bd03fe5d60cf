#pragma once
// Lays out styled text: wraps at the line-break opportunities of the text's locale, mixes
// regular, bold and italic runs on one line, and hands back positioned runs to draw.
// The one place that turns strings into glyph positions, so a shaping engine can replace
// it later without touching any screen.
#include <imgui.h>

#include <string>
#include <vector>

#include "core/linebreak.hpp"
#include "core/markdown.hpp"
#include "ui/fonts.hpp"

namespace anteroom::ui {

struct LaidRun {
    ImFont* font = nullptr;
    float size = 0;
    ImVec2 pos;  // top-left, relative to the block's origin
    float width = 0;
    int line = 0;
    std::string text;
    size_t begin = 0, end = 0;  // the bytes of the logical text it draws (shaped and reordered in a right-to-left run)
    bool rtl = false;
    bool missing_glyph = false;  // its font lacks one of its characters (set once, when laid out)
};

struct LaidText {
    std::vector<LaidRun> runs;
    std::vector<float> line_widths;  // for aligning each line on its own
    ImVec2 size{0, 0};
};

struct TextStyle {
    ImFont* fonts[4] = {};  // by Style; a heading uses its one font for all four
    float size = 0;
    float line_height = 0;
};

class TextLayout {
public:
    // rtl: paragraphs run right to left (Arabic); lines are still wrapped in logical order.
    TextLayout(const std::string& locale, bool rtl) : breaker_(locale), rtl_(rtl) {}

    LaidText lay_out(const std::vector<Span>& spans, const TextStyle& style, float width);

private:
    LineBreaker breaker_;
    bool rtl_;
};

}  // namespace anteroom::ui
