#pragma once
// The kiosk's widgets: large touch buttons, wrapped rich text, a finger-scrolled area.
// Each draws from state it is given and reports taps as intents; none keeps patient data.
#include <imgui.h>
#include <imgui_internal.h>

#include <map>
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
    int frames = 0;     // drawn this many frames: from the second, max_y is the page's own
};

// Right-to-left screens are laid out left to right, like every other, and reflected as they
// are drawn: every widget passes its positions through here. Text runs are placed, not
// reflected, so letters read the right way round.
struct Mirror {
    bool on = false;
    float axis2 = 0;  // display left + right

    float x(float v) const { return on ? axis2 - v : v; }
    ImVec2 point(ImVec2 p) const { return {x(p.x), p.y}; }
    ImRect rect(const ImRect& r) const { return on ? ImRect({axis2 - r.Max.x, r.Min.y}, {axis2 - r.Min.x, r.Max.y}) : r; }
};

// Keyboard focus, for a tactile keypad or a therapist's keyboard: every tap target is an ImGui
// item with an ID, in the order the screen draws them (its reading order). Keys move a ring
// through them; Enter or Space taps the one it is on. A touch hides the ring.
// What speech says of a target when focus lands on it: "Larger, selected", "Text size: Larger, button".
struct Spoken {
    std::string setting;    // the setting a choice belongs to, if it is one
    bool selected = false;  // the choice that is on now
    std::string name;       // said instead of the label ("Aa Text and display" is said "Text and display")
};

struct FocusTarget {
    ImGuiID id = 0;
    std::string label;
    Spoken spoken;
    ImRect rect;         // on screen
    ImRect clip;         // the window or scroll area it is drawn in
    ScrollState* scroll = nullptr;  // the scroll area it is in: scrolled into view when focused
};

struct Focus {
    ImGuiID id = 0;          // the target in focus, 0 for none
    bool shown = false;      // a key has moved it since the last touch
    ImGuiID activate = 0;    // Enter or Space was pressed on it: it taps itself this frame
    bool reveal = false;     // scroll the target into view once it is drawn
    std::vector<FocusTarget> targets;  // this frame's, in order
    std::vector<FocusTarget> last;     // the last frame's, which keys move through
    std::string announce;    // a target focus has just moved to, to be spoken
};

// What is being read aloud, for the screen to follow: the words heard now are highlighted.
struct SpeechView {
    bool available = true;
    std::string problem;    // why speech is not available
    std::string line_text;  // the line being heard (a Reading's text), empty for none
    size_t word_begin = 0, word_end = 0;  // the word being heard, in bytes of line_text
};

// Everything the widgets share during one frame, owned by KioskUi.
struct UiContext {
    const Presentation* shown = nullptr;
    FontSet fonts;
    Metrics metrics;
    Palette palette;
    Touch touch;
    Probe probe;
    Mirror mirror;
    std::map<std::string, std::unique_ptr<TextLayout>> layouts;  // by locale: its line breaks and direction
    TextLayout* layout = nullptr;                                 // the one for the screen's language
    std::unordered_map<std::string, LaidText> layout_cache;  // by language, font, width and text; cleared with the fonts
    ScrollState scroll;          // the screen's
    ScrollState overlay_scroll;  // an overlay's over it (the display settings)
    ScrollState* scrolling = nullptr;  // the one being drawn, between begin_scroll and end_scroll
    float overlay_content_h = 0;       // how tall the overlay's content was last frame
    std::vector<Intent> intents;
    Focus focus;
    SpeechView speech;
    Settings settings;          // the session's, for this frame
    bool input_enabled = true;  // false under an overlay
    bool wants_frame = false;   // an animation needs another frame

    void post(Intent intent) {
        if (input_enabled) intents.push_back(std::move(intent));
    }
};

enum class ButtonKind { Primary, Secondary, Quiet, Disabled };  // Disabled: drawn, not tappable, not in focus reach

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
ImVec2 measure_text(UiContext& ctx, const std::string& text, ImFont* font, float width = FLT_MAX);
// Wipes every laid-out text and its key (the words a patient saw), then empties the cache.
void wipe_layout_cache(UiContext& ctx);
// The font a text declared in a face (screen_kinds.hpp) is drawn in.
ImFont* face_font(const UiContext& ctx, FontRole face);

// A tappable region: true when a tap ended on it, or Enter or Space was pressed on it while in
// focus. *pressed tells whether to draw it pressed. Rects here and in button() are in layout
// coordinates, left to right; Mirror reflects them.
bool tap_area(UiContext& ctx, const std::string& label, const ImRect& rect, bool* pressed = nullptr, Spoken spoken = {});
// A rounded button with a centred label, at an absolute position.
bool button(UiContext& ctx, const std::string& label, const ImRect& rect, ButtonKind kind, Spoken spoken = {});

// Keys, read once a frame before the screen is drawn: moves focus through the last frame's
// targets and arms Enter or Space. Returns true when any key went down this frame.
bool handle_keys(UiContext& ctx);
// After the screen is drawn: the ring around the target in focus, and its scroll into view.
void draw_focus(UiContext& ctx);

// A vertically scrolling area moved by finger drags, with inertia and a "more below" hint.
// Returns where its content starts on screen: the top of the area, less the scroll.
float begin_scroll(UiContext& ctx, const std::string& key, const ImRect& area, ScrollState* state = nullptr);
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
