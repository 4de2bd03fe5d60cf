#pragma once
// The fonts of one display size and language: Noto Sans (Latin, Vietnamese), with Noto Sans
// Arabic and Noto Sans CJK merged in, all from Debian's font packages, rasterised at exact
// pixel sizes. Each role holds only the glyphs its text uses, so a CJK atlas stays small.
#include <imgui.h>

#include <map>
#include <string>

#include "core/markdown.hpp"

namespace anteroom::ui {

// The characters each font role has to draw.
struct FontText {
    std::string body;      // all text: the regular face
    std::string labels;    // buttons, questions, emphasis, small headings: bold and italic faces
    std::string headings;  // section headings, card titles
    std::string notes;     // the small print: reading times, the top bar's module name, hints
    std::string titles;    // screen and dialog titles
    std::string display;  // the welcome line
    std::string names;    // every language's own name, on the language buttons (bold)
};

// Font files mapped into memory once and kept. The CJK fonts are 20 MB each, of which an
// atlas touches only the tables and glyphs it needs: mapped, the rest is never read.
class FontFiles {
public:
    struct File {
        const char* data = nullptr;
        size_t size = 0;
    };
    FontFiles() = default;
    ~FontFiles();
    FontFiles(const FontFiles&) = delete;
    FontFiles& operator=(const FontFiles&) = delete;

    const File* get(const std::string& path);  // null when unreadable

private:
    std::map<std::string, File> files_;
};

struct FontSet {
    ImFont* body[4] = {};  // indexed by Style: regular, bold, italic, bold italic, at 1 em
    ImFont* small = nullptr;     // 0.8 em, for quiet notes
    ImFont* heading = nullptr;   // bold, 1.3 em
    ImFont* title = nullptr;     // bold, 1.75 em
    ImFont* display = nullptr;   // bold, 2.6 em, read from two metres away
    float em = 0;

    ImFont* face(Style style) const { return body[static_cast<int>(style)]; }
};

// Chinese, Japanese and Korean: drawn from Noto Sans CJK, which has no italics.
bool is_cjk_locale(const std::string& locale);

// Who rasterises the glyphs: we do, on every core, into rectangles ImGui packs; or, for tests
// to hold ours to, ImGui's own builder (one thread, reading each CJK outline five times).
enum class GlyphDrawing { OnEveryCore, ByImGui };

// Builds the atlas for an em size, a locale and its text. Returns false and sets *error when
// a font file is missing or damaged; the atlas then holds ImGui's built-in font instead.
bool build_fonts(ImFontAtlas& atlas, FontFiles& files, float em, const std::string& locale, const FontText& text,
                 FontSet* fonts, std::string* error, GlyphDrawing drawing = GlyphDrawing::OnEveryCore);

}  // namespace anteroom::ui
