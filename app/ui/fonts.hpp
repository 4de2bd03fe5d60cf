#pragma once
// The fonts of one display size and language: Noto Sans (Latin, Vietnamese), with Noto Sans
// Arabic and Noto Sans CJK merged in, all from Debian's font packages, rasterised at exact
// pixel sizes. Each role holds only the glyphs its text uses, so a CJK atlas stays small.
#include <imgui.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "core/markdown.hpp"
#include "ui/theme.hpp"

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

// Each role's size, in ems (the body text's size).
inline constexpr float kSmallRole = 0.95f, kHeadingRole = 1.3f, kTitleRole = 1.75f, kDisplayRole = 2.6f;
// The em of Arabic and of CJK text, in Latin ems: Arabic letters are small for their em, so a
// little bigger than the Latin beside them; Han and Hangul the same.
inline constexpr float kArabicEm = 1.1f, kCjkEm = 1.f;

// The size in pixels of the small role, the smallest text on screen, at an em.
inline float small_size(float em) { return std::round(kSmallRole * em); }

// The height of Noto Sans' capital letters (its H, regular and bold alike) for each pixel of
// the size ImGui gives the font: 0.52. Read from the font file once.
float latin_cap_height();

struct FontSet {
    ImFont* body[4] = {};  // indexed by Style: regular, bold, italic, bold italic, at 1 em
    ImFont* small = nullptr;     // kSmallRole em, for quiet notes
    ImFont* heading = nullptr;   // bold, kHeadingRole em
    ImFont* title = nullptr;     // bold, kTitleRole em
    ImFont* display = nullptr;   // bold, kDisplayRole em, read from two metres away
    float em = 0;
    // Line height / font size, for the locale's script: body text, and headings and titles.
    float line_spacing = kLatinLineSpacing, heading_line_spacing = kLatinHeadingLineSpacing;

    ImFont* face(Style style) const { return body[static_cast<int>(style)]; }
};

// Chinese, Japanese and Korean: drawn from Noto Sans CJK, which has no italics.
bool is_cjk_locale(const std::string& locale);

// One atlas's glyphs, read, drawn and packed into plain memory. Only the UI thread may call
// ImGui: each allocation it makes counts itself into the current context, a process global
// (ImGui::MemAlloc in 1.86), so a worker building an ImFontAtlas would race the UI thread, and
// write into a context the UI thread had just destroyed.
struct DrawnFonts {
    struct Glyph {
        ImWchar codepoint;
        int x0, y0, x1, y1;  // the pixels it covers, from its origin, y down
        float advance;
        int x, y;  // where those pixels are in the texture
    };
    struct Font {  // in the order of FontSet's members
        float size;
        float script_sizes[3];  // the Latin, Arabic (0: none) and CJK faces merged in, as ImGui sizes a font

        float ascent, descent;  // as ImGui's builder rounds them
        std::vector<Glyph> glyphs;
    };
    std::string error;  // a font file missing or damaged: the atlas then holds ImGui's built-in font
    float em = 0;
    bool cjk = false;  // no italics: FontSet's italic faces are the upright ones
    float line_spacing = kLatinLineSpacing, heading_line_spacing = kLatinHeadingLineSpacing;
    std::vector<Font> fonts;
    int width = 0, height = 0;
    std::vector<unsigned char> pixels;  // alpha8, width x height
    int white_x = 0, white_y = 0;  // the places left for ImGui's white pixels and its baked lines
    int lines_x = 0, lines_y = 0;
};

// Reads the outlines and draws the glyphs on every core, packed as ImGui packs them: no ImGui
// call, so any thread may. Not two at once with the same FontFiles.
DrawnFonts draw_fonts(FontFiles& files, float em, const std::string& locale, const FontText& text);

// On the UI thread: the atlas from those glyphs, as ImGui's own builder would end it (a copy of
// the pixels, the glyph tables, its white pixels and lines). Returns false and sets *error as
// build_fonts does.
bool assemble_fonts(ImFontAtlas& atlas, const DrawnFonts& drawn, FontSet* fonts, std::string* error);

// Who rasterises the glyphs: we do, on every core, as draw_fonts; or, for tests to hold ours
// to, ImGui's own builder (one thread, reading each CJK outline five times).
enum class GlyphDrawing { OnEveryCore, ByImGui };

// Builds the atlas for an em size, a locale and its text, on the UI thread. Returns false and
// sets *error when a font file is missing or damaged; the atlas then holds ImGui's built-in
// font instead.
bool build_fonts(ImFontAtlas& atlas, FontFiles& files, float em, const std::string& locale, const FontText& text,
                 FontSet* fonts, std::string* error, GlyphDrawing drawing = GlyphDrawing::OnEveryCore);

}  // namespace anteroom::ui
