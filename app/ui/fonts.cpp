#include "ui/fonts.hpp"

#include <algorithm>
#include <atomic>
#include <climits>
#include <cmath>
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
#include <stb_truetype.h>

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

// Beside the text, every role has the digits and punctuation of numbers the kiosk formats as
// it runs (countdowns, progress), in Latin and, with Arabic, in Arabic-Indic digits.
const ImWchar kNumbers[] = {' ', ' ', '%', '%', '+', ':', '?', '?', 0x2026, 0x2026, 0};  // + , - . / 0-9 :
const ImWchar kArabicNumbers[] = {0x0660, 0x066C, 0};
// What ImGui draws itself in every font: the space (and the tab it makes from it), and its
// marks for a missing character and for cut text.
const ImWchar kImGuiDraws[] = {' ', ' ', '?', '?', 0x2026, 0x2026, 0};

// One font role: a Latin face at a size, with Arabic and CJK merged in where it needs them.
struct Role {
    int latin;  // index into kFontFiles
    bool bold;
    float size;
    ImFontGlyphRangesBuilder chars;  // its text's and the numbers', Arabic also in its joined forms
    bool arabic;

    Role(int latin, bool bold, float size, const std::string& text) : latin(latin), bold(bold), size(std::round(size)) {
        chars.AddRanges(kNumbers);
        chars.AddText(text.c_str(), text.c_str() + text.size());
        arabic = needs_bidi(text);
        if (arabic) {
            chars.AddRanges(kArabicNumbers);
            const std::string shaped = shape_arabic(text);  // joined forms are separate glyphs
            chars.AddText(shaped.c_str(), shaped.c_str() + shaped.size());
        }
    }
};

// A glyph we draw into a rectangle ImGui packs: its outline is read once for each size (ImGui's
// builder reads each glyph program five times, which for CJK fonts' CFF outlines is most of
// the work), and glyphs are drawn on every core. The result is ImGui's to the pixel. (Sharing
// one outline between sizes measured no faster: the drawing dominates.)
struct Glyph {
    ImFont* font;
    ImWchar codepoint;
    const stbtt_fontinfo* info;
    int index;    // in the font file
    float scale;  // font units to pixels
    stbtt_vertex* outline = nullptr;
    int outline_size = 0;
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // the pixels it covers, from its origin, y down
    float advance = 0;
    int rect = -1;  // ImGui's custom rect

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

    // ImGui pads the glyphs it packs on the left and top; our rects carry the same pixel.
    void add_rect(ImFontAtlas& atlas) {
        rect = atlas.AddCustomRectFontGlyph(font, codepoint, x1 - x0 + 1, y1 - y0 + 1, advance, ImVec2(float(x0 - 1), float(y0 - 1)));
    }

    void draw(ImFontAtlas& atlas) {
        const ImFontAtlasCustomRect& r = *atlas.GetCustomRectByIndex(rect);
        stbtt__bitmap bitmap{x1 - x0, y1 - y0, atlas.TexWidth, atlas.TexPixelsAlpha8 + (r.X + 1) + (r.Y + 1) * atlas.TexWidth};
        if (bitmap.w > 0 && bitmap.h > 0)
            stbtt_Rasterize(&bitmap, 0.35f, outline, outline_size, scale, scale, 0, 0, x0, y0, 1, info->userdata);
        stbtt_FreeShape(info, outline);
        outline = nullptr;
    }

    // ImGui made the glyph from the padded rect at the top of the line; move it off the padding
    // and down to the baseline, as its own builder places the glyphs it draws.
    void place(ImFontAtlas& atlas) {
        const ImFontAtlasCustomRect& r = *atlas.GetCustomRectByIndex(rect);
        auto* g = const_cast<ImFontGlyph*>(font->FindGlyphNoFallback(codepoint));
        const float ascent = IM_ROUND(font->Ascent);
        g->X0 += 1;
        g->Y0 += 1 + ascent;
        g->Y1 += ascent;
        g->U0 = (r.X + 1) * atlas.TexUvScale.x;
        g->V0 = (r.Y + 1) * atlas.TexUvScale.y;
        g->Visible = x1 > x0 && y1 > y0;
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

bool is_cjk_locale(const std::string& locale) {
    return locale.starts_with("zh") || locale.starts_with("ko") || locale.starts_with("ja");
}

bool build_fonts(ImFontAtlas& atlas, FontFiles& files, float em, const std::string& locale, const FontText& text,
                 FontSet* fonts, std::string* error, GlyphDrawing drawing) {
    atlas.Clear();
    *fonts = FontSet{};
    fonts->em = em;
    const fs::path dir = ANTEROOM_FONT_DIR;
    const int cjk_face = locale.starts_with("ko") ? 1 : 2;  // in the .ttc: Korean, Simplified Chinese
    const FontFiles::File* mapped[8] = {};
    stbtt_fontinfo info[8] = {};
    for (int i = 0; i < 8; ++i) {
        const std::string path = (dir / kFontFiles[i]).string();
        mapped[i] = files.get(path);
        if (!mapped[i]) return fall_back(atlas, fonts, error, path + ": font file missing or unreadable (install fonts-noto-core and fonts-noto-cjk)");
        const auto* data = reinterpret_cast<const unsigned char*>(mapped[i]->data);
        const int offset = stbtt_GetFontOffsetForIndex(data, i >= kCjkFont ? cjk_face : 0);
        if (offset < 0 || !stbtt_InitFont(&info[i], data, offset)) return fall_back(atlas, fonts, error, path + ": not a font file stb_truetype can read");
    }
    const bool cjk_locale = is_cjk_locale(locale);
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

    // As tall as the glyphs need, no more; no mouse cursors: a touchscreen has none.
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight | ImFontAtlasFlags_NoMouseCursors;
    std::deque<ImVector<ImWchar>> ranges;  // ImGui reads them in Build(): a deque keeps them in place
    std::vector<Glyph> glyphs;
    std::vector<ImFont*> role_fonts;
    for (Role& role : roles) {
        // Each character from the first font that has it, as ImGui merges fonts: the Latin face,
        // Arabic, then CJK.
        const int sources[3] = {role.latin, role.arabic ? kArabicFont + role.bold : -1, kCjkFont + role.bold};
        const float sizes[3] = {role.size, std::round(role.size * kArabicScale), std::round(role.size * kCjkScale)};
        ImFontGlyphRangesBuilder imgui_draws;
        imgui_draws.AddRanges(kImGuiDraws);
        ImFontConfig config;
        // "Owned" is the only way ImGui 1.86 takes font data without copying it (20 MB for a CJK
        // font); ours is taken back before ImGui would free it.
        config.FontDataOwnedByAtlas = true;
        config.OversampleH = 1;  // glyphs sit on whole pixels (PixelSnapH): oversampling would only grow the atlas
        config.OversampleV = 1;
        config.PixelSnapH = true;
        auto add_font = [&](int source, float size, const ImWchar* range, bool merge) {
            config.MergeMode = merge;
            config.FontNo = source >= kCjkFont ? cjk_face : 0;
            return atlas.AddFontFromMemoryTTF(const_cast<char*>(mapped[source]->data), static_cast<int>(mapped[source]->size), size,
                                              &config, range);
        };
        ranges.emplace_back();
        if (drawing == GlyphDrawing::ByImGui) {
            role.chars.BuildRanges(&ranges.back());
            role_fonts.push_back(add_font(sources[0], sizes[0], ranges.back().Data, false));
            for (int s = 1; s < 3; ++s)
                if (sources[s] >= 0) add_font(sources[s], sizes[s], ranges.back().Data, true);
            continue;
        }
        imgui_draws.BuildRanges(&ranges.back());
        ImFont* font = add_font(sources[0], sizes[0], ranges.back().Data, false);
        role_fonts.push_back(font);
        for (int word = 0; word < role.chars.UsedChars.Size; ++word)
            for (ImU32 bits = role.chars.UsedChars[word]; bits; bits &= bits - 1) {
                const auto c = static_cast<ImWchar>(word * 32 + __builtin_ctz(bits));
                if (c < ' ' || imgui_draws.GetBit(c)) continue;
                for (int s = 0; s < 3; ++s) {
                    const int index = sources[s] >= 0 ? stbtt_FindGlyphIndex(&info[sources[s]], c) : 0;
                    if (index == 0) continue;
                    glyphs.push_back({font, c, &info[sources[s]], index, stbtt_ScaleForPixelHeight(&info[sources[s]], sizes[s])});
                    break;
                }
            }
    }

    on_every_core(static_cast<int>(glyphs.size()), [&](int i) { glyphs[static_cast<size_t>(i)].read(); });
    // ImGui sizes the texture by its own glyphs alone: about square, counting ours.
    long area = 0;
    for (Glyph& glyph : glyphs) {
        glyph.add_rect(atlas);
        area += long(glyph.x1 - glyph.x0 + 1) * (glyph.y1 - glyph.y0 + 1);
    }
    atlas.TexDesiredWidth = 512;
    while (atlas.TexDesiredWidth < 4096 && long(atlas.TexDesiredWidth) * atlas.TexDesiredWidth < area) atlas.TexDesiredWidth *= 2;
    const bool built = atlas.Build();
    if (built) {
        on_every_core(static_cast<int>(glyphs.size()), [&](int i) { glyphs[static_cast<size_t>(i)].draw(atlas); });
        for (Glyph& glyph : glyphs) glyph.place(atlas);
    }
    for (Glyph& glyph : glyphs) stbtt_FreeShape(glyph.info, glyph.outline);  // null once drawn
    for (ImFontConfig& config : atlas.ConfigData) config.FontData = nullptr;  // FontFiles' mapping, not ImGui's to free
    atlas.ClearInputData();  // and the custom rects, which place() needed
    if (!built) return fall_back(atlas, fonts, error, "the font atlas could not be built: a font file in " + dir.string() + " is damaged");

    auto font = role_fonts.begin();
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
