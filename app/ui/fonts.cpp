#include "ui/fonts.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <deque>
#include <filesystem>
#include <functional>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <imgui_internal.h>
#include <stb_rect_pack.h>
#include <stb_truetype.h>

#include "core/bidi.hpp"
#include "ui/theme.hpp"

namespace anteroom::ui {

namespace {

namespace fs = std::filesystem;

// Latin regular, bold, italic, bold italic; Arabic regular, bold; CJK regular, bold.
constexpr int kArabicFont = 4, kCjkFont = 6;
const char* const kFontFiles[8] = {"truetype/noto/NotoSans-Regular.ttf",       "truetype/noto/NotoSans-Bold.ttf",
                                   "truetype/noto/NotoSans-Italic.ttf",        "truetype/noto/NotoSans-BoldItalic.ttf",
                                   "truetype/noto/NotoSansArabic-Regular.ttf", "truetype/noto/NotoSansArabic-Bold.ttf",
                                   "opentype/noto/NotoSansCJK-Regular.ttc",    "opentype/noto/NotoSansCJK-Bold.ttc"};

// ImGui sizes a font by its ascent plus descent, which is 1.36 em for Noto Sans, 1.45 for
// Noto Sans CJK and 2.11 for Noto Sans Arabic (room for stacked marks): at one size the
// Arabic em would be 0.65 of the Latin's. Each script's size is made from the fonts' own
// metrics so that its em is the kArabicEm or kCjkEm of the Latin em beside it.
float height_in_ems(const stbtt_fontinfo& font) {
    int ascent = 0, descent = 0, line_gap = 0;
    stbtt_GetFontVMetrics(&font, &ascent, &descent, &line_gap);
    return static_cast<float>(ascent - descent) * stbtt_ScaleForMappingEmToPixels(&font, 1);
}

// How far a font's letters reach, from the highest above the baseline to the lowest below, in ems.
float reach_in_ems(const stbtt_fontinfo& font, std::initializer_list<std::pair<int, int>> ranges) {
    int top = 0, bottom = 0;
    for (const auto& [first, last] : ranges)
        for (int c = first; c <= last; ++c) {
            int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
            if (const int glyph = stbtt_FindGlyphIndex(&font, c); glyph && stbtt_GetGlyphBox(&font, glyph, &x0, &y0, &x1, &y1))
                top = std::max(top, y1), bottom = std::min(bottom, y0);
        }
    return static_cast<float>(top - bottom) * stbtt_ScaleForMappingEmToPixels(&font, 1);
}

// Beside the text, every role has the digits and punctuation of numbers the kiosk formats as
// it runs (countdowns, progress), in Latin and, with Arabic, in Arabic-Indic digits.
// With them the characters ImGui needs in every font: the space (and the tab it makes from
// it), and its marks for a missing character and for cut text.
const ImWchar kNumbers[] = {' ', ' ', '%', '%', '+', ':', '?', '?', 0x2026, 0x2026, 0};  // + , - . / 0-9 :
const ImWchar kArabicNumbers[] = {0x0660, 0x066C, 0};

// A set of characters, as ImGui's ImFontGlyphRangesBuilder keeps them, in memory of our own:
// its ImVector allocates through ImGui, which only the UI thread may call.
class CharSet {
public:
    void add(unsigned c) { bits_[c >> 5 & 0x7FF] |= 1u << (c & 31); }
    bool has(unsigned c) const { return bits_[c >> 5 & 0x7FF] & 1u << (c & 31); }
    void add_ranges(const ImWchar* ranges) {
        for (; ranges[0]; ranges += 2)
            for (unsigned c = ranges[0]; c <= ranges[1]; ++c) add(c);
    }
    // Decoded by ImGui's own function (it reads no context and allocates nothing), so the set
    // is the one its builder would make.
    void add_text(const std::string& text) {
        const char *p = text.c_str(), *end = p + text.size();
        while (p < end) {
            unsigned c = 0;
            const int length = ImTextCharFromUtf8(&c, p, end);
            if (length == 0) break;
            p += length;
            add(static_cast<ImWchar>(c));
        }
    }
    template <class F> void each(F f) const {  // in code point order
        for (unsigned word = 0; word < bits_.size(); ++word)
            for (std::uint32_t bits = bits_[word]; bits; bits &= bits - 1) f(static_cast<ImWchar>(word * 32 + __builtin_ctz(bits)));
    }
    // As ImFontGlyphRangesBuilder::BuildRanges does, for ImGui's builder: on the UI thread only.
    void ranges(ImVector<ImWchar>* out) const {
        for (unsigned c = 0; c <= IM_UNICODE_CODEPOINT_MAX; ++c)
            if (has(c)) {
                out->push_back(static_cast<ImWchar>(c));
                while (c < IM_UNICODE_CODEPOINT_MAX && has(c + 1)) ++c;
                out->push_back(static_cast<ImWchar>(c));
            }
        out->push_back(0);
    }

private:
    std::array<std::uint32_t, (IM_UNICODE_CODEPOINT_MAX + 1) / 32> bits_{};
};

// One font role: a Latin face at a size, with Arabic and CJK merged in where it needs them.
struct Role {
    int latin;  // index into kFontFiles
    bool bold;
    float size;
    CharSet chars;  // its text's and the numbers', Arabic also in its joined forms
    bool arabic;
    int sources[3];  // each character from the first font that has it, as ImGui merges fonts: the Latin face, Arabic, then CJK
    float sizes[3];

    // scales: the size of the Arabic and the CJK font for each pixel of the Latin's.
    Role(int latin, bool bold, float size, const std::string& text, const float (&scales)[2])
        : latin(latin), bold(bold), size(std::round(size)) {
        chars.add_ranges(kNumbers);
        chars.add_text(text);
        arabic = needs_bidi(text);
        if (arabic) {
            chars.add_ranges(kArabicNumbers);
            chars.add_text(shape_arabic(text));  // joined forms are separate glyphs
        }
        const float s = this->size;
        sources[0] = latin, sources[1] = arabic ? kArabicFont + bold : -1, sources[2] = kCjkFont + bold;
        // Rounded up, so the script is never smaller than it should be (less a hair of float error).
        sizes[0] = s, sizes[1] = std::ceil(s * scales[0] - 1e-3f), sizes[2] = std::ceil(s * scales[1] - 1e-3f);
    }
};

// The font files read and every role's characters: plain memory, for either builder.
struct Plan {
    std::string error;
    const FontFiles::File* mapped[8] = {};
    stbtt_fontinfo info[8] = {};
    int cjk_face = 0;  // in the .ttc
    bool cjk = false;
    float line_spacing = kLatinLineSpacing, heading_line_spacing = kLatinHeadingLineSpacing;
    std::deque<Role> roles;  // in the order of FontSet's members
};

Plan plan(FontFiles& files, float em, const std::string& locale, const FontText& text) {
    Plan p;
    const fs::path dir = ANTEROOM_FONT_DIR;
    p.cjk_face = locale.starts_with("ko") ? 1 : 2;  // Korean, Simplified Chinese
    for (int i = 0; i < 8; ++i) {
        const std::string path = (dir / kFontFiles[i]).string();
        p.mapped[i] = files.get(path);
        if (!p.mapped[i]) {
            p.error = path + ": font file missing or unreadable (install fonts-noto-core and fonts-noto-cjk)";
            return p;
        }
        const auto* data = reinterpret_cast<const unsigned char*>(p.mapped[i]->data);
        const int offset = stbtt_GetFontOffsetForIndex(data, i >= kCjkFont ? p.cjk_face : 0);
        if (offset < 0 || !stbtt_InitFont(&p.info[i], data, offset)) {
            p.error = path + ": not a font file stb_truetype can read";
            return p;
        }
    }
    p.cjk = is_cjk_locale(locale);
    const float latin = height_in_ems(p.info[0]);
    const float scales[2] = {kArabicEm * height_in_ems(p.info[kArabicFont]) / latin, kCjkEm * height_in_ems(p.info[kCjkFont]) / latin};
    // Emphasis (bold and italic spans) is in labels, so only the regular face needs all text.
    // CJK has no italics: emphasis keeps the upright face.
    p.roles.emplace_back(0, false, em, text.body, scales);
    p.roles.emplace_back(1, true, em, text.labels + text.names, scales);
    if (!p.cjk) {
        p.roles.emplace_back(2, false, em, text.labels, scales);
        p.roles.emplace_back(3, true, em, text.labels, scales);
    }
    p.roles.emplace_back(0, false, kSmallRole * em, text.notes, scales);
    p.roles.emplace_back(1, true, kHeadingRole * em, text.headings, scales);
    p.roles.emplace_back(1, true, kTitleRole * em, text.titles, scales);
    p.roles.emplace_back(1, true, kDisplayRole * em, text.display, scales);
    // A merged font keeps its first face's line metrics, the Latin's: Arabic, bigger and
    // reaching further above and below, needs taller lines. (Arabic as the language's text,
    // not only its name on the language button, which every language shows.) CJK, at the
    // Latin em, fits Latin's lines.
    if (p.roles.front().arabic) {
        // Lines as much taller as the letters are bigger; and between the letters reaching
        // highest (alef with hamza) and lowest (yeh) on the line above, at least the room Latin
        // keeps between its own (accented capitals and descenders) where its lines are
        // tightest, in headings. Bold reaches furthest. Vowel marks are not drawn.
        const float latin_reach = reach_in_ems(p.info[1], {{'A', 'Z'}, {'a', 'z'}, {0xC0, 0x17F}});
        const float arabic_reach = kArabicEm * reach_in_ems(p.info[kArabicFont + 1], {{0x0621, 0x064A}, {0xFE70, 0xFEFC}});
        const float least_clear = kLatinHeadingLineSpacing * latin - latin_reach;  // in Latin ems
        auto spacing = [&](float latin_spacing) {  // line height / size, from the Latin's
            return std::max(kArabicEm * latin_spacing, (arabic_reach + least_clear) / latin);
        };
        p.line_spacing = spacing(kLatinLineSpacing);
        p.heading_line_spacing = spacing(kLatinHeadingLineSpacing);
    }
    return p;
}

// A glyph we draw: its outline is read once for each size (ImGui's builder reads each glyph
// program five times, which for CJK fonts' CFF outlines is most of the work), and glyphs are
// drawn on every core. The result is ImGui's to the pixel. (Sharing one outline between sizes
// measured no faster: the drawing dominates.)
struct Glyph {
    int font;  // index into DrawnFonts::fonts
    ImWchar codepoint;
    const stbtt_fontinfo* info;
    int index;    // in the font file
    float scale;  // font units to pixels
    stbtt_vertex* outline = nullptr;
    int outline_size = 0;
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // the pixels it covers, from its origin, y down
    float advance = 0;
    int x = 0, y = 0;  // its pixels in the texture, right of and below the padding ImGui gives them

    // The outline and the box stb_truetype would give it.
    void read() {
        outline_size = stbtt_GetGlyphShape(info, index, &outline);
        int advance_units = 0, left_bearing = 0;
        stbtt_GetGlyphHMetrics(info, index, &advance_units, &left_bearing);
        advance = IM_ROUND(advance_units * scale);  // PixelSnapH, as ImGui would
        if (info->cff.size == 0) {  // TrueType outlines: the box is in the glyph's header
            stbtt_GetGlyphBitmapBoxSubpixel(info, index, scale, scale, 0, 0, &x0, &y0, &x1, &y1);
            return;
        }
        // CFF: stb_truetype bounds every point, control points too; the same, from the outline.
        if (outline_size == 0) return;
        int min_x = INT_MAX, min_y = INT_MAX, max_x = INT_MIN, max_y = INT_MIN;
        auto track = [&](int x, int y) {
            min_x = std::min(min_x, x), max_x = std::max(max_x, x);
            min_y = std::min(min_y, y), max_y = std::max(max_y, y);
        };
        for (int i = 0; i < outline_size; ++i) {
            const stbtt_vertex& v = outline[i];
            track(v.x, v.y);
            if (v.type == STBTT_vcubic) track(v.cx, v.cy), track(v.cx1, v.cy1);
        }
        x0 = static_cast<int>(std::floor(min_x * scale));
        y0 = static_cast<int>(std::floor(-max_y * scale));
        x1 = static_cast<int>(std::ceil(max_x * scale));
        y1 = static_cast<int>(std::ceil(-min_y * scale));
    }

    // ImGui pads the glyphs it packs on the left and top: the rect carries that pixel.
    stbrp_rect rect() const { return {0, x1 - x0 + 1, y1 - y0 + 1, 0, 0, 0}; }

    void draw(unsigned char* pixels, int width) {
        stbtt__bitmap bitmap{x1 - x0, y1 - y0, width, pixels + x + y * width};
        if (bitmap.w > 0 && bitmap.h > 0)
            stbtt_Rasterize(&bitmap, 0.35f, outline, outline_size, scale, scale, 0, 0, x0, y0, 1, info->userdata);
        stbtt_FreeShape(info, outline);
        outline = nullptr;
    }
};

// Runs work(0) to work(count - 1) on every core, this thread too.
void on_every_core(int count, const std::function<void(int)>& work) {
    std::atomic<int> next{0};
    auto run = [&] {
        for (int i = next++; i < count; i = next++) work(i);
    };
    const int cores = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
    std::vector<std::thread> helpers;
    for (int i = 1; i < std::min(cores, count / 64 + 1); ++i) helpers.emplace_back(run);  // a few glyphs are not worth a thread
    run();
    for (std::thread& helper : helpers) helper.join();
}

// ImGui's own small font, so the kiosk can still say what is wrong.
bool fall_back(ImFontAtlas& atlas, float em, FontSet* fonts, std::string* error, const std::string& problem) {
    if (error) *error = problem;
    atlas.Clear();
    *fonts = FontSet{};
    fonts->em = em;
    ImFont* fallback = atlas.AddFontDefault();
    for (auto& f : fonts->body) f = fallback;
    fonts->small = fonts->heading = fonts->title = fonts->display = fallback;
    atlas.Build();
    return false;
}

// The roles' fonts, in the order of FontSet's members.
void set_fonts(FontSet* fonts, const std::vector<ImFont*>& role_fonts, float em, bool cjk, float line_spacing, float heading_line_spacing) {
    *fonts = FontSet{};
    fonts->em = em;
    fonts->line_spacing = line_spacing;
    fonts->heading_line_spacing = heading_line_spacing;
    auto font = role_fonts.begin();
    fonts->body[0] = *font++;
    fonts->body[1] = *font++;
    fonts->body[2] = cjk ? fonts->body[0] : *font++;
    fonts->body[3] = cjk ? fonts->body[1] : *font++;
    fonts->small = *font++;
    fonts->heading = *font++;
    fonts->title = *font++;
    fonts->display = *font++;
}

// As tall as the glyphs need, no more; no mouse cursors: a touchscreen has none.
constexpr ImFontAtlasFlags kAtlasFlags = ImFontAtlasFlags_NoPowerOfTwoHeight | ImFontAtlasFlags_NoMouseCursors;
// The rects ImFontAtlasBuildInit() asks for with those flags: four white pixels, and the
// baked anti-aliased lines.
constexpr int kWhiteSize = 2, kLinesWidth = IM_DRAWLIST_TEX_LINES_WIDTH_MAX + 2, kLinesHeight = IM_DRAWLIST_TEX_LINES_WIDTH_MAX + 1;

// ImGui's builder, for tests to hold ours to: on the UI thread.
bool build_by_imgui(ImFontAtlas& atlas, Plan& p, float em, FontSet* fonts, std::string* error) {
    atlas.Flags |= kAtlasFlags;
    std::deque<ImVector<ImWchar>> ranges;  // ImGui reads them in Build(): a deque keeps them in place
    std::vector<ImFont*> role_fonts;
    for (const Role& role : p.roles) {
        role.chars.ranges(&ranges.emplace_back());
        ImFontConfig config;
        // "Owned" is the only way ImGui 1.86 takes font data without copying it (20 MB for a CJK
        // font); ours is taken back before ImGui would free it.
        config.FontDataOwnedByAtlas = true;
        config.OversampleH = 1;  // glyphs sit on whole pixels (PixelSnapH): oversampling would only grow the atlas
        config.OversampleV = 1;
        config.PixelSnapH = true;
        for (int s = 0; s < 3; ++s) {
            if (role.sources[s] < 0) continue;
            config.MergeMode = s > 0;
            config.FontNo = role.sources[s] >= kCjkFont ? p.cjk_face : 0;
            const FontFiles::File& file = *p.mapped[role.sources[s]];
            ImFont* font = atlas.AddFontFromMemoryTTF(const_cast<char*>(file.data), static_cast<int>(file.size), role.sizes[s], &config,
                                                      ranges.back().Data);
            if (s == 0) role_fonts.push_back(font);
        }
    }
    const bool built = atlas.Build();
    for (ImFontConfig& config : atlas.ConfigData) config.FontData = nullptr;  // FontFiles' mapping, not ImGui's to free
    atlas.ClearInputData();
    if (!built) return fall_back(atlas, em, fonts, error, "the font atlas could not be built: a font file in " ANTEROOM_FONT_DIR " is damaged");
    set_fonts(fonts, role_fonts, em, p.cjk, p.line_spacing, p.heading_line_spacing);
    return true;
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

float latin_cap_height() {
    static const float cap = [] {
        FontFiles files;
        const FontFiles::File* file = files.get((fs::path(ANTEROOM_FONT_DIR) / kFontFiles[0]).string());
        stbtt_fontinfo info{};
        const auto* data = file ? reinterpret_cast<const unsigned char*>(file->data) : nullptr;
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        if (!data || !stbtt_InitFont(&info, data, stbtt_GetFontOffsetForIndex(data, 0)) || !stbtt_GetCodepointBox(&info, 'H', &x0, &y0, &x1, &y1))
            return 714.f / 1362;  // Noto Sans' own, should its file be missing (which the atlas reports)
        return static_cast<float>(y1) * stbtt_ScaleForPixelHeight(&info, 1);
    }();
    return cap;
}

bool is_cjk_locale(const std::string& locale) {
    return locale.starts_with("zh") || locale.starts_with("ko") || locale.starts_with("ja");
}

DrawnFonts draw_fonts(FontFiles& files, float em, const std::string& locale, const FontText& text) {
    DrawnFonts drawn;
    drawn.em = em;
    Plan p = plan(files, em, locale, text);
    if (!p.error.empty()) {
        drawn.error = std::move(p.error);
        return drawn;
    }
    drawn.cjk = p.cjk;
    drawn.line_spacing = p.line_spacing;
    drawn.heading_line_spacing = p.heading_line_spacing;
    std::vector<Glyph> glyphs;
    for (const Role& role : p.roles) {
        const int font = static_cast<int>(drawn.fonts.size());
        // The size and vertical metrics ImGui's builder gives a font: from its first face, the Latin.
        const stbtt_fontinfo& latin = p.info[role.latin];
        const float scale = stbtt_ScaleForPixelHeight(&latin, role.size);
        int ascent = 0, descent = 0, line_gap = 0;
        stbtt_GetFontVMetrics(&latin, &ascent, &descent, &line_gap);
        drawn.fonts.push_back({role.size, {role.sizes[0], role.sources[1] >= 0 ? role.sizes[1] : 0, role.sizes[2]},
                               ImFloor(ascent * scale + (ascent > 0 ? +1 : -1)), ImFloor(descent * scale + (descent > 0 ? +1 : -1)), {}});
        role.chars.each([&](ImWchar c) {
            if (c < ' ') return;
            for (int s = 0; s < 3; ++s) {
                const int index = role.sources[s] >= 0 ? stbtt_FindGlyphIndex(&p.info[role.sources[s]], c) : 0;
                if (index == 0) continue;
                glyphs.push_back({font, c, &p.info[role.sources[s]], index, stbtt_ScaleForPixelHeight(&p.info[role.sources[s]], role.sizes[s])});
                break;
            }
        });
    }
    on_every_core(static_cast<int>(glyphs.size()), [&](int i) { glyphs[static_cast<size_t>(i)].read(); });

    // Packed as ImGui packs: the skyline of stb_rect_pack, a pixel of padding inside the right
    // and bottom edges, and its own white pixels and lines beside the glyphs; about square.
    // ImGui puts its white pixels in the top left corner, so no glyph's edge touches them;
    // ours can land anywhere, so they get the glyphs' padding. (The lines have their own.)
    std::vector<stbrp_rect> rects;
    rects.reserve(glyphs.size() + 2);
    rects.push_back({0, kWhiteSize + 1, kWhiteSize + 1, 0, 0, 0});
    rects.push_back({0, kLinesWidth, kLinesHeight, 0, 0, 0});
    long area = 0;
    for (const Glyph& glyph : glyphs) rects.push_back(glyph.rect());
    for (const stbrp_rect& r : rects) area += long(r.w) * r.h;
    drawn.width = 512;
    while (drawn.width < 4096 && long(drawn.width) * drawn.width < area) drawn.width *= 2;
    constexpr int kMaxHeight = 1024 * 32;  // ImGui's
    stbrp_context packer;
    std::vector<stbrp_node> nodes(static_cast<size_t>(drawn.width - 1));
    stbrp_init_target(&packer, drawn.width - 1, kMaxHeight - 1, nodes.data(), static_cast<int>(nodes.size()));
    const bool packed = stbrp_pack_rects(&packer, rects.data(), static_cast<int>(rects.size()));
    if (!packed) {
        for (Glyph& glyph : glyphs) stbtt_FreeShape(glyph.info, glyph.outline);
        drawn.error = "the font atlas could not be built: its glyphs do not fit in " + std::to_string(drawn.width) + " x " +
                      std::to_string(kMaxHeight) + " pixels";
        return drawn;
    }
    int bottom = 0;
    for (const stbrp_rect& r : rects) bottom = std::max(bottom, r.y + r.h);
    drawn.height = bottom + 1;  // as ImGui sizes it with NoPowerOfTwoHeight
    drawn.white_x = rects[0].x + 1, drawn.white_y = rects[0].y + 1;
    drawn.lines_x = rects[1].x, drawn.lines_y = rects[1].y;
    for (size_t i = 0; i < glyphs.size(); ++i) glyphs[i].x = rects[i + 2].x + 1, glyphs[i].y = rects[i + 2].y + 1;

    drawn.pixels.assign(static_cast<size_t>(drawn.width) * static_cast<size_t>(drawn.height), 0);
    on_every_core(static_cast<int>(glyphs.size()), [&](int i) { glyphs[static_cast<size_t>(i)].draw(drawn.pixels.data(), drawn.width); });
    for (const Glyph& g : glyphs)
        drawn.fonts[static_cast<size_t>(g.font)].glyphs.push_back({g.codepoint, g.x0, g.y0, g.x1, g.y1, g.advance, g.x, g.y});
    return drawn;
}

// What ImGui's builder does once it has packed and drawn: the fonts' metrics and glyph tables,
// then ImFontAtlasBuildFinish() draws its white pixels and lines into the places left for them.
bool assemble_fonts(ImFontAtlas& atlas, const DrawnFonts& drawn, FontSet* fonts, std::string* error) {
    if (!drawn.error.empty()) return fall_back(atlas, drawn.em, fonts, error, drawn.error);
    atlas.Clear();
    atlas.Flags |= kAtlasFlags;
    ImFontAtlasBuildInit(&atlas);
    ImFontAtlasCustomRect* white = atlas.GetCustomRectByIndex(atlas.PackIdMouseCursors);
    ImFontAtlasCustomRect* lines = atlas.GetCustomRectByIndex(atlas.PackIdLines);
    if (white->Width != kWhiteSize || white->Height != kWhiteSize || lines->Width != kLinesWidth || lines->Height != kLinesHeight)
        return fall_back(atlas, drawn.em, fonts, error, "this ImGui wants other room for its white pixels and lines than anteroom leaves it");
    white->X = static_cast<unsigned short>(drawn.white_x), white->Y = static_cast<unsigned short>(drawn.white_y);
    lines->X = static_cast<unsigned short>(drawn.lines_x), lines->Y = static_cast<unsigned short>(drawn.lines_y);
    atlas.TexWidth = drawn.width;
    atlas.TexHeight = drawn.height;
    atlas.TexUvScale = ImVec2(1.0f / atlas.TexWidth, 1.0f / atlas.TexHeight);
    atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(drawn.pixels.size()));
    std::memcpy(atlas.TexPixelsAlpha8, drawn.pixels.data(), drawn.pixels.size());

    const ImVec2 uv = atlas.TexUvScale;
    std::vector<ImFont*> role_fonts;
    for (const DrawnFonts::Font& f : drawn.fonts) {
        ImFont* font = role_fonts.emplace_back(IM_NEW(ImFont));
        atlas.Fonts.push_back(font);
        ImFontConfig config;
        config.SizePixels = f.size;
        ImFontAtlasBuildSetupFont(&atlas, font, &config, f.ascent, f.descent);
        font->ConfigData = nullptr;  // as ImGui's fonts are once their input is cleared
        font->ConfigDataCount = 0;
        const float top = IM_ROUND(f.ascent);  // glyphs hang from the baseline, as ImGui places them
        font->Glyphs.reserve(static_cast<int>(f.glyphs.size()) + 1);  // and the tab BuildLookupTable adds
        for (const DrawnFonts::Glyph& g : f.glyphs) {
            const int w = g.x1 - g.x0, h = g.y1 - g.y0;
            font->AddGlyph(nullptr, g.codepoint, float(g.x0), g.y0 + top, float(g.x1), g.y1 + top, g.x * uv.x, g.y * uv.y, (g.x + w) * uv.x,
                           (g.y + h) * uv.y, g.advance);
        }
    }
    ImFontAtlasBuildFinish(&atlas);
    atlas.ClearInputData();  // the custom rects
    set_fonts(fonts, role_fonts, drawn.em, drawn.cjk, drawn.line_spacing, drawn.heading_line_spacing);
    return true;
}

bool build_fonts(ImFontAtlas& atlas, FontFiles& files, float em, const std::string& locale, const FontText& text,
                 FontSet* fonts, std::string* error, GlyphDrawing drawing) {
    if (drawing == GlyphDrawing::OnEveryCore) return assemble_fonts(atlas, draw_fonts(files, em, locale, text), fonts, error);
    atlas.Clear();
    Plan p = plan(files, em, locale, text);
    if (!p.error.empty()) return fall_back(atlas, em, fonts, error, p.error);
    return build_by_imgui(atlas, p, em, fonts, error);
}

}  // namespace anteroom::ui
