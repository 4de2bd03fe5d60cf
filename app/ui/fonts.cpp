#include "ui/fonts.hpp"

#include <cmath>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <vector>

#include "core/bidi.hpp"

namespace anteroom::ui {

namespace {

namespace fs = std::filesystem;

const char* const kLatin[4] = {"truetype/noto/NotoSans-Regular.ttf", "truetype/noto/NotoSans-Bold.ttf",
                               "truetype/noto/NotoSans-Italic.ttf", "truetype/noto/NotoSans-BoldItalic.ttf"};
const char* const kArabic[2] = {"truetype/noto/NotoSansArabic-Regular.ttf", "truetype/noto/NotoSansArabic-Bold.ttf"};
const char* const kCjk[2] = {"opentype/noto/NotoSansCJK-Regular.ttc", "opentype/noto/NotoSansCJK-Bold.ttc"};

// Scripts drawn from their own fonts, scaled so they look the size of the Latin beside them.
constexpr float kArabicScale = 1.25f;  // Arabic letters sit small on the Latin baseline
constexpr float kCjkScale = 0.94f;

bool has_arabic(const std::string& s) { return needs_bidi(s); }
bool has_cjk(const std::string& s) {
    for (size_t i = 0; i + 2 < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0xE1 && c <= 0xED) return true;  // U+1000..U+DFFF: Hangul, CJK, kana, fullwidth
        if (c == 0xEF && static_cast<unsigned char>(s[i + 1]) >= 0xBC) return true;  // fullwidth forms
    }
    return false;
}

struct Builder {
    ImFontAtlas& atlas;
    fs::path dir;
    int cjk_face;  // the face in the .ttc: 1 Korean, 2 Simplified Chinese
    std::map<std::string, std::vector<char>> files;  // read once per build, shared by the roles
    std::deque<ImVector<ImWchar>> ranges;  // the atlas points at these until Build(): a deque keeps them in place

    const std::vector<char>* file(const char* name) {
        auto it = files.find(name);
        if (it != files.end()) return &it->second;
        std::ifstream in(dir / name, std::ios::binary);
        if (!in) return nullptr;
        return &files.emplace(name, std::vector<char>(std::istreambuf_iterator<char>(in), {})).first->second;
    }

    const ImWchar* glyphs(const std::string& text) {
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(atlas.GetGlyphRangesDefault());  // ASCII and Latin-1: numbers, names typed in config
        builder.AddText("\u2013\u2014\u2018\u2019\u201C\u201D\u2026");
        builder.AddText(text.c_str(), text.c_str() + text.size());
        if (has_arabic(text)) {
            const std::string shaped = shape_arabic(text);  // joined forms are separate glyphs
            builder.AddText(shaped.c_str(), shaped.c_str() + shaped.size());
        }
        ranges.emplace_back();
        builder.BuildRanges(&ranges.back());
        return ranges.back().Data;
    }

    ImFont* add(const char* name, float size, const ImWchar* range, bool merge, int face = 0) {
        const std::vector<char>* data = file(name);
        if (!data) return nullptr;
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false;  // shared between roles; freed after Build()
        config.OversampleH = size > 40 ? 1 : 2;  // big text needs no sub-pixel oversampling
        config.OversampleV = 1;
        config.PixelSnapH = true;
        config.MergeMode = merge;
        config.FontNo = face;
        return atlas.AddFontFromMemoryTTF(const_cast<char*>(data->data()), static_cast<int>(data->size()), size, &config, range);
    }

    // One role: the Latin face, with Arabic and CJK merged in where its text needs them.
    ImFont* role(int latin_face, bool bold, float size, const std::string& text) {
        const ImWchar* range = glyphs(text);
        ImFont* font = add(kLatin[latin_face], std::round(size), range, false);
        if (font && has_arabic(text)) add(kArabic[bold], std::round(size * kArabicScale), range, true);
        if (font && has_cjk(text)) add(kCjk[bold], std::round(size * kCjkScale), range, true, cjk_face);
        return font;
    }
};

}  // namespace

bool build_fonts(ImFontAtlas& atlas, float em, const std::string& locale, const FontText& text, FontSet* fonts,
                 std::string* error) {
    atlas.Clear();
    *fonts = FontSet{};
    fonts->em = em;
    const fs::path dir = ANTEROOM_FONT_DIR;
    for (const char* name : {kLatin[0], kLatin[1], kLatin[2], kLatin[3], kArabic[0], kArabic[1], kCjk[0], kCjk[1]}) {
        if (!fs::exists(dir / name)) {
            if (error) *error = (dir / name).string() + ": font file not found (install fonts-noto-core and fonts-noto-cjk)";
            ImFont* fallback = atlas.AddFontDefault();
            for (auto& f : fonts->body) f = fallback;
            fonts->small = fonts->heading = fonts->title = fonts->display = fallback;
            atlas.Build();
            return false;
        }
    }
    Builder b{atlas, dir, locale.starts_with("ko") ? 1 : 2, {}, {}};
    const bool cjk_locale = locale.starts_with("zh") || locale.starts_with("ko") || locale.starts_with("ja");
    const std::string bold_text = text.labels + text.body;  // bold spans sit inside body text
    fonts->body[0] = b.role(0, false, em, text.body);
    fonts->body[1] = b.role(1, true, em, cjk_locale ? text.labels + text.body : bold_text);
    // CJK has no italics: emphasis keeps the upright face rather than showing missing glyphs.
    fonts->body[2] = cjk_locale ? fonts->body[0] : b.role(2, false, em, text.body);
    fonts->body[3] = cjk_locale ? fonts->body[1] : b.role(3, true, em, bold_text);
    fonts->small = b.role(0, false, 0.8f * em, text.labels);
    fonts->heading = b.role(1, true, 1.3f * em, text.labels);
    fonts->title = b.role(1, true, 1.75f * em, text.titles);
    fonts->display = b.role(1, true, 2.6f * em, text.display);
    const bool built = atlas.Build();
    atlas.ClearInputData();  // the glyphs are rasterised: the Builder's font files and ranges can go
    if (!built && error) *error = "the font atlas could not be built";
    return built;
}

}  // namespace anteroom::ui
