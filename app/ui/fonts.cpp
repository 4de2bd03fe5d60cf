#include "ui/fonts.hpp"

#include <cmath>
#include <algorithm>
#include <cstring>
#include <deque>
#include <filesystem>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <imgui_internal.h>

#include "core/bidi.hpp"

namespace anteroom::ui {

namespace {

namespace fs = std::filesystem;

// Latin regular, bold, italic, bold italic; Arabic regular, bold; CJK regular, bold.
constexpr int kArabicFont = 4, kCjkFont = 6;
const char* const kFontFiles[8] = {"truetype/noto/NotoSans-Regular.ttf",       "truetype/noto/NotoSans-Bold.ttf",
                                   "truetype/noto/NotoSans-Italic.ttf",        "truetype/noto/NotoSans-BoldItalic.ttf",
                                   "truetype/noto/NotoSansArabic-Regular.ttf", "truetype/noto/NotoSansArabic-Bold.ttf",
                                   "opentype/noto/NotoSansCJK-Regular.ttc",    "opentype/noto/NotoSansCJK-Bold.ttc"};

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

// Beside the text, every role has the digits and punctuation of numbers the kiosk formats as
// it runs (countdowns, progress), in Latin and, with Arabic, in Arabic-Indic digits.
const ImWchar kNumbers[] = {' ', ' ', '%', '%', '+', ':', '?', '?', 0x2026, 0x2026, 0};  // + , - . / 0-9 :
const ImWchar kArabicNumbers[] = {0x0660, 0x066C, 0};

// The fonts for one role: the Latin face, with Arabic and CJK merged in where its text needs them.
struct Role {
    int latin_face;  // index into kFontFiles
    bool bold;
    float size;
    ImFontGlyphRangesBuilder chars;  // its text's and the numbers', Arabic also in its joined forms
    bool arabic = false, cjk = false;

    Role(int latin_face, bool bold, float size, const std::string& text) : latin_face(latin_face), bold(bold), size(size) {
        chars.AddRanges(kNumbers);
        chars.AddText(text.c_str(), text.c_str() + text.size());
        arabic = has_arabic(text);
        cjk = has_cjk(text);
        if (arabic) {
            chars.AddRanges(kArabicNumbers);
            const std::string shaped = shape_arabic(text);  // joined forms are separate glyphs
            chars.AddText(shaped.c_str(), shaped.c_str() + shaped.size());
        }
    }
};

// One part of the atlas: every role, with its share of each role's characters.
struct Slice {
    ImFontAtlas& atlas;
    const FontFiles::File* const* files;  // kFontFiles' mappings
    int index, count;
    int cjk_face;  // the face in the .ttc: 1 Korean, 2 Simplified Chinese
    std::deque<ImVector<ImWchar>> ranges;  // the atlas points at these until Build(): a deque keeps them in place

    // Each slice has a space, so no font is empty, and the first has what ImGui draws for a
    // missing character and for an ellipsis. The rest are dealt out in turn, so each slice gets
    // its share of the slow CJK glyphs.
    const ImWchar* glyphs(const Role& role) {
        ranges.emplace_back();
        ImVector<ImWchar>& range = ranges.back();
        auto take = [&range](ImWchar c) {
            if (!range.empty() && range.back() == c - 1) range.back() = c;
            else range.push_back(c), range.push_back(c);
        };
        take(' ');
        int dealt = 0;
        for (int word = 0; word < role.chars.UsedChars.Size; ++word)
            for (ImU32 bits = role.chars.UsedChars[word]; bits; bits &= bits - 1) {
                const auto c = static_cast<ImWchar>(word * 32 + __builtin_ctz(bits));
                const bool first_only = c == '?' || c == 0x2026;
                if (c > ' ' && (first_only ? index == 0 : dealt++ % count == index)) take(c);
            }
        range.push_back(0);
        return range.Data;
    }

    void add(int file, float size, const ImWchar* range, bool merge, int face = 0) {
        ImFontConfig config;
        // "Owned" is the only way ImGui 1.86 takes font data without copying it (20 MB for each
        // role that merges CJK); Slice::build() takes it back before ImGui would free it.
        config.FontDataOwnedByAtlas = true;
        config.OversampleH = 1;  // glyphs sit on whole pixels (PixelSnapH): oversampling would only grow the atlas
        config.OversampleV = 1;
        config.PixelSnapH = true;
        config.MergeMode = merge;
        config.FontNo = face;
        atlas.AddFontFromMemoryTTF(const_cast<char*>(files[file]->data), static_cast<int>(files[file]->size), size, &config, range);
    }

    void add(const Role& role) {
        const ImWchar* range = glyphs(role);
        add(role.latin_face, std::round(role.size), range, false);
        if (role.arabic) add(kArabicFont + role.bold, std::round(role.size * kArabicScale), range, true);
        if (role.cjk) add(kCjkFont + role.bold, std::round(role.size * kCjkScale), range, true, cjk_face);
    }

    bool build() {
        const bool built = atlas.Build();
        for (ImFontConfig& config : atlas.ConfigData) config.FontData = nullptr;  // FontFiles' mapping, not ImGui's to free
        atlas.ClearInputData();
        return built;
    }
};

// Puts the other slices' pixels under the first's, and their glyphs into the first's fonts.
void stack(ImFontAtlas& atlas, std::deque<ImFontAtlas>& others) {
    const int width = atlas.TexWidth;
    int height = atlas.TexHeight;
    for (const ImFontAtlas& other : others) height += other.TexHeight;
    auto* pixels = static_cast<unsigned char*>(IM_ALLOC(static_cast<size_t>(width) * height));
    // A V coordinate in a slice of h rows, placed at row top of the stacked texture.
    auto place = [height](float v, int top, int h) { return (v * h + top) / height; };
    memcpy(pixels, atlas.TexPixelsAlpha8, static_cast<size_t>(width) * atlas.TexHeight);
    const int first = atlas.TexHeight;
    for (ImFont* font : atlas.Fonts) {
        // BuildLookupTable() makes the tab from the space and puts it last: it does so again below.
        if (!font->Glyphs.empty() && font->Glyphs.back().Codepoint == '\t') font->Glyphs.pop_back();
        for (ImFontGlyph& g : font->Glyphs) g.V0 = place(g.V0, 0, first), g.V1 = place(g.V1, 0, first);
    }
    atlas.TexUvWhitePixel.y = place(atlas.TexUvWhitePixel.y, 0, first);
    for (ImVec4& line : atlas.TexUvLines) line.y = place(line.y, 0, first), line.w = place(line.w, 0, first);
    int top = first;
    for (ImFontAtlas& other : others) {
        IM_ASSERT(other.TexWidth == width && other.Fonts.Size == atlas.Fonts.Size);
        memcpy(pixels + static_cast<size_t>(top) * width, other.TexPixelsAlpha8, static_cast<size_t>(width) * other.TexHeight);
        for (int i = 0; i < other.Fonts.Size; ++i)
            for (ImFontGlyph g : other.Fonts[i]->Glyphs) {
                if (g.Codepoint <= ' ') continue;  // the space and tab: the first slice has them
                g.V0 = place(g.V0, top, other.TexHeight);
                g.V1 = place(g.V1, top, other.TexHeight);
                atlas.Fonts[i]->Glyphs.push_back(g);
            }
        top += other.TexHeight;
    }
    IM_FREE(atlas.TexPixelsAlpha8);
    atlas.TexPixelsAlpha8 = pixels;
    atlas.TexHeight = height;
    atlas.TexUvScale = ImVec2(1.0f / width, 1.0f / height);
    for (ImFont* font : atlas.Fonts) font->BuildLookupTable();
}

// ImGui's own small font, so the kiosk can still say what is wrong.
bool fall_back(ImFontAtlas& atlas, FontSet* fonts, std::string* error, const std::string& problem) {
    if (error) *error = problem;
    atlas.Clear();
    ImFont* fallback = atlas.AddFontDefault();
    for (auto& f : fonts->body) f = fallback;
    fonts->small = fonts->heading = fonts->title = fonts->display = fallback;
    atlas.Build();
    return false;
}

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
                 FontSet* fonts, std::string* error, int slices) {
    atlas.Clear();
    *fonts = FontSet{};
    fonts->em = em;
    const fs::path dir = ANTEROOM_FONT_DIR;
    const FontFiles::File* mapped[8] = {};
    for (int i = 0; i < 8; ++i) {
        mapped[i] = files.get((dir / kFontFiles[i]).string());
        if (!mapped[i])
            return fall_back(atlas, fonts, error,
                             (dir / kFontFiles[i]).string() + ": font file missing or unreadable (install fonts-noto-core and fonts-noto-cjk)");
    }
    const bool cjk_locale = locale.starts_with("zh") || locale.starts_with("ko") || locale.starts_with("ja");
    // In the order of FontSet's members. Emphasis (bold and italic spans) is in labels, so only
    // the regular face needs all text. CJK has no italics: emphasis keeps the upright face.
    std::deque<Role> roles;
    roles.emplace_back(0, false, em, text.body);
    roles.emplace_back(1, true, em, text.labels + text.names);
    if (!cjk_locale) {
        roles.emplace_back(2, false, em, text.labels);
        roles.emplace_back(3, true, em, text.labels);
    }
    roles.emplace_back(0, false, 0.8f * em, text.notes);
    roles.emplace_back(1, true, 1.3f * em, text.headings);
    roles.emplace_back(1, true, 1.75f * em, text.titles);
    roles.emplace_back(1, true, 2.6f * em, text.display);

    // A large atlas (a CJK one: over a thousand glyphs, each slow to rasterise) is built in
    // slices side by side, one per core, then stacked into one texture.
    constexpr int kCharsPerSlice = 400;
    int chars = 0;
    for (const Role& role : roles)
        for (ImU32 word : role.chars.UsedChars) chars += __builtin_popcount(word);
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const int count = slices > 0 ? slices : std::clamp(chars / kCharsPerSlice, 1, std::min(cores, 4));
    const int cjk_face = locale.starts_with("ko") ? 1 : 2;
    std::deque<ImFontAtlas> others(static_cast<size_t>(count - 1));
    std::deque<Slice> parts;
    for (int i = 0; i < count; ++i) {
        ImFontAtlas& part = i == 0 ? atlas : others[static_cast<size_t>(i - 1)];
        // As tall as the glyphs need, no more; no mouse cursors (a touchscreen has none); the
        // first slice has ImGui's textures for thick lines.
        part.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight | ImFontAtlasFlags_NoMouseCursors;
        if (i > 0) part.Flags |= ImFontAtlasFlags_NoBakedLines;
        part.TexDesiredWidth = em > 48 ? 2048 : 1024;  // the same for every slice; about square at 1080p and at 4K
        parts.push_back({part, mapped, i, count, cjk_face, {}});
        for (const Role& role : roles) parts.back().add(role);
    }
    std::vector<std::thread> helpers;
    std::deque<bool> built(static_cast<size_t>(count));  // not vector<bool>: each thread writes its own
    for (int i = 1; i < count; ++i) helpers.emplace_back([&, i] { built[static_cast<size_t>(i)] = parts[static_cast<size_t>(i)].build(); });
    built[0] = parts[0].build();
    for (std::thread& helper : helpers) helper.join();
    if (std::find(built.begin(), built.end(), false) != built.end())
        return fall_back(atlas, fonts, error, "the font atlas could not be built: a font file in " + dir.string() + " is damaged");
    if (!others.empty()) stack(atlas, others);

    ImFont* const* font = atlas.Fonts.Data;
    fonts->body[0] = *font++;
    fonts->body[1] = *font++;
    fonts->body[2] = cjk_locale ? fonts->body[0] : *font++;
    fonts->body[3] = cjk_locale ? fonts->body[1] : *font++;
    fonts->small = *font++;
    fonts->heading = *font++;
    fonts->title = *font++;
    fonts->display = *font++;
    return true;
}

}  // namespace anteroom::ui
