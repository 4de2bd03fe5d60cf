#pragma once
// The fonts of one display size: Noto Sans from Debian's fonts-noto-core, rasterised at
// exact pixel sizes, holding only the glyphs the current text needs.
#include <imgui.h>

#include <string>

#include "core/markdown.hpp"

namespace anteroom::ui {

struct FontSet {
    ImFont* body[4] = {};  // indexed by Style: regular, bold, italic, bold italic, at 1 em
    ImFont* small = nullptr;     // 0.8 em, for quiet notes
    ImFont* heading = nullptr;   // bold, 1.3 em
    ImFont* title = nullptr;     // bold, 1.75 em
    ImFont* display = nullptr;   // bold, 2.6 em, read from two metres away
    float em = 0;
    ImVector<ImWchar> glyph_ranges;  // the atlas points at these: they live as long as the set

    ImFont* face(Style style) const { return body[static_cast<int>(style)]; }
};

// Builds the atlas for an em size and the text that will be shown. Returns false and sets
// *error when a font file is missing; the atlas then holds ImGui's built-in font instead.
bool build_fonts(ImFontAtlas& atlas, float em, const std::string& text, FontSet* fonts, std::string* error);

}  // namespace anteroom::ui
