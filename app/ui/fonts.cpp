#include "ui/fonts.hpp"

#include <cmath>
#include <filesystem>

namespace anteroom::ui {

namespace {
const char* const kFaceFiles[4] = {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf",
                                   "NotoSans-BoldItalic.ttf"};
}

bool build_fonts(ImFontAtlas& atlas, float em, const std::string& text, FontSet* fonts, std::string* error) {
    atlas.Clear();
    *fonts = FontSet{};
    fonts->em = em;

    const std::filesystem::path dir = ANTEROOM_FONT_DIR;
    for (const char* file : kFaceFiles) {
        if (!std::filesystem::exists(dir / file)) {
            if (error) *error = (dir / file).string() + ": font file not found (install fonts-noto-core)";
            ImFont* fallback = atlas.AddFontDefault();
            for (auto& f : fonts->body) f = fallback;
            fonts->small = fonts->heading = fonts->title = fonts->display = fallback;
            atlas.Build();
            return false;
        }
    }

    // Only the characters in use (plus ASCII for numbers and names typed into config).
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas.GetGlyphRangesDefault());
    builder.AddText(text.c_str(), text.c_str() + text.size());
    builder.AddText("\u2013\u2014\u2018\u2019\u201C\u201D\u2026");
    builder.BuildRanges(&fonts->glyph_ranges);
    const ImWchar* ranges = fonts->glyph_ranges.Data;

    auto add = [&](const char* file, float size) {
        ImFontConfig config;
        config.OversampleH = size > 1.5f * em ? 1 : 2;  // big text needs no sub-pixel oversampling
        config.OversampleV = 1;
        config.PixelSnapH = true;
        return atlas.AddFontFromFileTTF((dir / file).string().c_str(), size, &config, ranges);
    };
    for (int i = 0; i < 4; ++i) fonts->body[i] = add(kFaceFiles[i], em);
    fonts->small = add(kFaceFiles[0], std::round(0.8f * em));
    fonts->heading = add(kFaceFiles[1], std::round(1.3f * em));
    fonts->title = add(kFaceFiles[1], std::round(1.75f * em));
    fonts->display = add(kFaceFiles[1], std::round(2.6f * em));
    const bool built = atlas.Build();
    if (!built && error) *error = "the font atlas could not be built";
    return built;
}

}  // namespace anteroom::ui
