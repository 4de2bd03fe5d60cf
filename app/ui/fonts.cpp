#include "ui/fonts.hpp"

#include <cmath>
#include <deque>
#include <filesystem>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <imgui_internal.h>

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
// Hangul, CJK punctuation, kana, Han, and full-width forms: the characters Noto Sans CJK draws.
bool has_cjk(const std::string& s) {
    for (const char *c = s.data(), *end = c + s.size(); c < end;) {
        unsigned int u = 0;
        c += ImTextCharFromUtf8(&u, c, end);
        if ((u >= 0x1100 && u <= 0x11FF) || (u >= 0x2E80 && u <= 0x9FFF) || (u >= 0xAC00 && u <= 0xD7AF) ||
            (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFF00 && u <= 0xFFEF))
            return true;
    }
    return false;
}

struct Builder {
    ImFontAtlas& atlas;
    FontFiles& files;
    fs::path dir;
    int cjk_face;  // the face in the .ttc: 1 Korean, 2 Simplified Chinese
    std::deque<ImVector<ImWchar>> ranges;  // the atlas points at these until Build(): a deque keeps them in place

    const FontFiles::File* file(const char* name) { return files.get((dir / name).string()); }

    // Only the characters the role's text uses; body roles also get Latin-1 for what the clinic
    // types into its configuration, large roles just ASCII.
    const ImWchar* glyphs(const std::string& text, bool latin1) {
        static const ImWchar ascii[] = {0x20, 0x7E, 0};
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(latin1 ? atlas.GetGlyphRangesDefault() : ascii);
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
        const FontFiles::File* data = file(name);
        if (!data) return nullptr;
        ImFontConfig config;
        // "Owned" is the only way ImGui 1.86 takes font data without copying it (20 MB for each
        // role that merges CJK); build_fonts() takes it back before ImGui would free it.
        config.FontDataOwnedByAtlas = true;
        config.OversampleH = 1;  // glyphs sit on whole pixels (PixelSnapH): oversampling would only grow the atlas
        config.OversampleV = 1;
        config.PixelSnapH = true;
        config.MergeMode = merge;
        config.FontNo = face;
        return atlas.AddFontFromMemoryTTF(const_cast<char*>(data->data), static_cast<int>(data->size), size, &config, range);
    }

    // One role: the Latin face, with Arabic and CJK merged in where its text needs them.
    ImFont* role(int latin_face, bool bold, float size, const std::string& text, bool latin1 = true) {
        const ImWchar* range = glyphs(text, latin1);
        ImFont* font = add(kLatin[latin_face], std::round(size), range, false);
        if (font && has_arabic(text)) add(kArabic[bold], std::round(size * kArabicScale), range, true);
        if (font && has_cjk(text)) add(kCjk[bold], std::round(size * kCjkScale), range, true, cjk_face);
        return font;
    }
};

}  // namespace

FontFiles::~FontFiles() {
    for (auto& [path, file] : files_) munmap(const_cast<char*>(file.data), file.size);
}

const FontFiles::File* FontFiles::get(const std::string& path) {
    auto it = files_.find(path);
    if (it != files_.end()) return &it->second;
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct stat st {};
    void* data = fstat(fd, &st) == 0 && st.st_size > 0 ? mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0)
                                                         : MAP_FAILED;
    close(fd);  // the mapping stays
    if (data == MAP_FAILED) return nullptr;
    return &files_.emplace(path, File{static_cast<const char*>(data), static_cast<size_t>(st.st_size)}).first->second;
}

bool build_fonts(ImFontAtlas& atlas, FontFiles& files, float em, const std::string& locale, const FontText& text,
                 FontSet* fonts, std::string* error) {
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
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;  // as tall as the glyphs need, no more
    Builder b{atlas, files, dir, locale.starts_with("ko") ? 1 : 2, {}};
    const bool cjk_locale = locale.starts_with("zh") || locale.starts_with("ko") || locale.starts_with("ja");
    // Emphasis (bold and italic spans) is in labels, so only the regular face needs all text.
    fonts->body[0] = b.role(0, false, em, text.body);
    fonts->body[1] = b.role(1, true, em, text.labels + text.names);
    // CJK has no italics: emphasis keeps the upright face rather than showing missing glyphs.
    fonts->body[2] = cjk_locale ? fonts->body[0] : b.role(2, false, em, text.labels);
    fonts->body[3] = cjk_locale ? fonts->body[1] : b.role(3, true, em, text.labels);
    fonts->small = b.role(0, false, 0.8f * em, text.notes);
    fonts->heading = b.role(1, true, 1.3f * em, text.headings);
    fonts->title = b.role(1, true, 1.75f * em, text.titles, false);
    fonts->display = b.role(1, true, 2.6f * em, text.display, false);
    const bool built = atlas.Build();
    for (ImFontConfig& config : atlas.ConfigData) config.FontData = nullptr;  // FontFiles' mapping, not ImGui's to free
    atlas.ClearInputData();
    if (!built && error) *error = "the font atlas could not be built";
    return built;
}

}  // namespace anteroom::ui
