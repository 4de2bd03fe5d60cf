// The widgets' layout cache: one layout per language, font, width and text, and never a key
// made from more (or less) than was written.
#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>

#include "ui/rich_text.hpp"
#include "ui/widgets.hpp"

namespace anteroom {
namespace {

// Guards a fixed bug: widgets.cpp laid() took snprintf's return value (the length the key's head would
// have had) as the length written: with a width of FLT_MAX the head is longer than its 64-byte
// buffer, and the key was copied from past the buffer's end, with a NUL and stack bytes where
// the rest of the width belongs.
TEST(LayoutCache, KeyHoldsTheWholeWidth) {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGuiContext* imgui = ImGui::CreateContext();  // ImGui's own font is enough to lay out with
    ImGui::SetCurrentContext(imgui);
    ImFont* font = ImGui::GetIO().Fonts->AddFontDefault();
    ImGui::GetIO().Fonts->Build();
    ui::UiContext ctx;
    for (ImFont*& face : ctx.fonts.body) face = font;
    ctx.fonts.em = font->FontSize;
    ui::TextLayout english("en", false);
    ctx.layout = &english;

    const float unbounded = ui::measure_text(ctx, "Welcome", font, FLT_MAX).x;
    EXPECT_GT(unbounded, 0);
    EXPECT_EQ(ui::measure_text(ctx, "Welcome", font, FLT_MAX).x, unbounded);  // from the cache
    ui::measure_text(ctx, "Welcome", font, 100);
    EXPECT_EQ(ctx.layout_cache.size(), 2u);  // one layout per width
    for (const auto& [key, text] : ctx.layout_cache) {
        EXPECT_EQ(key.find('\0'), std::string::npos) << "a NUL in the key";
        EXPECT_NE(key.find("Welcome"), std::string::npos);
    }
    EXPECT_TRUE(std::any_of(ctx.layout_cache.begin(), ctx.layout_cache.end(), [](const auto& entry) {
        return entry.first.find("340282346638528859811704183484516925440") != std::string::npos;  // FLT_MAX, whole
    }));
    ImGui::DestroyContext(imgui);
    ImGui::SetCurrentContext(previous);
}

}  // namespace
}  // namespace anteroom
