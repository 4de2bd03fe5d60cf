#pragma once
// The kiosk's widgets: large touch buttons, wrapped rich text, a finger-scrolled area.
// Each draws from state it is given and reports taps as intents; none keeps patient data.
#include <imgui.h>
#include <imgui_internal.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/kiosk.hpp"
#include "ui/fonts.hpp"
#include "ui/probe.hpp"
#include "ui/rich_text.hpp"
#include "ui/theme.hpp"
#include "ui/touch.hpp"

namespace anteroom::ui {

struct ScrollState {
    std::string key;  // which screen it belongs to: a new screen starts at the top
    float y = 0;
    float max_y = 0;
    float view = 0;      // the visible height
    float velocity = 0;  // px/s of the fling after a drag
    bool dragging = false;
    bool used = false;  // drawn this frame; a screen without a scroll area drops the state
};

// Everything the widgets share during one frame, owned by KioskUi.
struct UiContext {
    const Presentation* shown = nullptr;
    FontSet fonts;
    Metrics metrics;
    Palette palette;
    Touch touch;
    Probe probe;
    std::unique_ptr<TextLayout> layout;
    std::unordered_map<std::string, LaidText> layout_cache;  // by font, width and text; cleared with the fonts
    ScrollState scroll;
    std::vector<Intent> intents;
    bool input_enabled = true;  // false under an overlay
    bool wants_frame = false;   // an animation needs another frame

    void post(Intent intent) {
        if (input_enabled) intents.push_back(std::move(intent));
    }
};

enum class ButtonKind { Primary, Secondary, Quiet };

// Text styles in em sizes.
TextStyle body_style(const UiContext& ctx);
TextStyle font_style(const UiContext& ctx, ImFont* font);

// Lays out (cached) and draws text at the cursor, advancing it. Returns the height used.
float draw_text(UiContext& ctx, const std::vector<Span>& spans, const TextStyle& style, float width, ImU32 color,
                float align = 0.f);
float draw_text(UiContext& ctx, const std::string& text, ImFont* font, float width, ImU32 color, float align = 0.f);
// Headings, paragraphs and lists.
float draw_rich(UiContext& ctx, const RichText& text, float width, ImU32 color);
// Measures text without drawing it.
ImVec2 measure_text(UiContext& ctx, const std::string& text, ImFont* font, float width);

// A tappable region: true when a tap ended on it. *pressed tells whether to draw it pressed.
bool tap_area(UiContext& ctx, const std::string& label, const ImRect& rect, bool* pressed = nullptr);
// A rounded button with a centred label, at an absolute position.
bool button(UiContext& ctx, const std::string& label, const ImRect& rect, ButtonKind kind);

// A vertically scrolling area moved by finger drags, with inertia and a "more below" hint.
// Returns where its content starts on screen: the top of the area, less the scroll.
float begin_scroll(UiContext& ctx, const std::string& key, const ImRect& area);
void end_scroll(UiContext& ctx, const ImRect& area);

}  // namespace anteroom::ui

namespace anteroom::ui {

// A rounded panel around what is drawn between begin_card and end_card, sized to fit it.
struct Card {
    ImVec2 min;
    float width = 0;
    float padding = 0;
};
Card begin_card(UiContext& ctx, float width, float padding);
ImRect end_card(UiContext& ctx, const Card& card, ImU32 fill, ImU32 border = 0);

}  // namespace anteroom::ui
