#include "ui/widgets.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "core/bidi.hpp"
#include "core/wipe.hpp"

namespace anteroom::ui {

TextStyle body_style(const UiContext& ctx) {
    TextStyle s;
    for (int i = 0; i < 4; ++i) s.fonts[i] = ctx.fonts.body[i];
    s.size = ctx.fonts.em;
    s.line_height = std::round(ctx.fonts.em * ctx.metrics.line_spacing());
    return s;
}

TextStyle font_style(const UiContext& ctx, ImFont* font) {
    TextStyle s;
    for (auto& f : s.fonts) f = font;
    s.size = font->FontSize;
    s.line_height = std::round(font->FontSize * (font->FontSize > ctx.fonts.em * 1.2f ? ctx.metrics.heading_line_spacing() : ctx.metrics.line_spacing()));
    return s;
}

namespace {

const LaidText& laid(UiContext& ctx, const std::vector<Span>& spans, const TextStyle& style, float width) {
    // The key holds the whole text, so two texts can never share a layout. Its head is built
    // piece by piece, never longer than what was written: a width of FLT_MAX alone is 41 characters.
    std::string key = std::to_string(reinterpret_cast<std::uintptr_t>(ctx.layout));
    key += ' ';
    key += std::to_string(reinterpret_cast<std::uintptr_t>(style.fonts[0]));
    key += ' ';
    char width_text[64];  // to_chars writes no further than this, and the longest float needs 42
    key.append(width_text, std::to_chars(std::begin(width_text), std::end(width_text), width, std::chars_format::fixed, 1).ptr);
    for (const Span& s : spans) {
        key += '\x1F';  // a separator no patient text holds
        key += static_cast<char>('0' + static_cast<int>(s.style));
        key += s.text;
    }
    auto it = ctx.layout_cache.find(key);
    if (it != ctx.layout_cache.end()) return it->second;
    LaidText text = ctx.layout->lay_out(spans, style, width);
    for (LaidRun& run : text.runs)  // a "?" box where a letter belongs
        for (const char *c = run.text.data(), *end = c + run.text.size(); c < end && !run.missing_glyph;) {
            unsigned int codepoint = 0;
            c += ImTextCharFromUtf8(&codepoint, c, end);
            run.missing_glyph = codepoint > ' ' && !run.font->FindGlyphNoFallback(static_cast<ImWchar>(codepoint));
        }
    return ctx.layout_cache.emplace(key, std::move(text)).first->second;
}

ImRect current_clip() {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    return window->ClipRect;
}

// Where in a run the logical bytes [from, to) are drawn, as an x range from its left: a
// right-to-left run starts at its right edge. (Measured out of context, so an Arabic word's
// joins at the edges may differ by a pixel or two: close enough to mark the word.)
std::pair<float, float> run_span(const LaidRun& run, std::string_view logical, size_t from, size_t to) {
    from = std::clamp(from, run.begin, run.end), to = std::clamp(to, run.begin, run.end);
    auto width = [&](size_t a, size_t b) {
        const std::string piece = needs_bidi(logical.substr(a, b - a)) ? shape_arabic(logical.substr(a, b - a)) : std::string(logical.substr(a, b - a));
        return run.font->CalcTextSizeA(run.size, FLT_MAX, 0, piece.data(), piece.data() + piece.size()).x;
    };
    const float x0 = width(run.begin, from), x1 = width(run.begin, to);
    return run.rtl ? std::pair{run.width - x1, run.width - x0} : std::pair{x0, x1};
}

// Draws laid text in its container (given left to right) and records each run for the
// overflow check. align is 0 at the start of a line, 0.5 centred: the start is the right
// edge in a right-to-left screen. heard: the logical text, when it is the line being read
// aloud, so the word being heard is marked.
void draw_laid(UiContext& ctx, const LaidText& text, const ImRect& container, ImU32 color, float align, const std::string* heard = nullptr) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImRect box = ctx.mirror.rect(container);
    const float start = ctx.mirror.on ? 1.f - align : align;
    for (const LaidRun& run : text.runs) {
        const float shift = start * (box.GetWidth() - text.line_widths[run.line]);
        const ImVec2 pos{std::round(box.Min.x + shift + run.pos.x), std::round(box.Min.y + run.pos.y)};
        draw->AddText(run.font, run.size, pos, color, run.text.data(), run.text.data() + run.text.size());
        const SpeechView& sv = ctx.speech;
        if (heard && sv.word_begin < sv.word_end && sv.word_begin < run.end && sv.word_end > run.begin) {
            // The word on a marker, drawn again over it in the marker's own text colour.
            const auto [x0, x1] = run_span(run, *heard, sv.word_begin, sv.word_end);
            const float pad = 0.08f * ctx.fonts.em;
            const ImRect mark({pos.x + x0 - pad, pos.y}, {pos.x + x1 + pad, pos.y + run.size});
            draw->AddRectFilled(mark.Min, mark.Max, ctx.palette.highlight, 0.15f * ctx.fonts.em);
            draw->PushClipRect(mark.Min, mark.Max, true);
            draw->AddText(run.font, run.size, pos, ctx.palette.on_highlight, run.text.data(), run.text.data() + run.text.size());
            draw->PopClipRect();
            const size_t from = std::max(sv.word_begin, run.begin), to = std::min(sv.word_end, run.end);
            ctx.probe.marked.push_back(heard->substr(from, to - from));
        }
        ctx.probe.texts.push_back({run.text, ImRect(pos, {pos.x + run.width, pos.y + run.size}), box});
        if (run.missing_glyph) ctx.probe.missing_glyphs.push_back(run.text);
    }
}

}  // namespace

void wipe_layout_cache(UiContext& ctx) {
    while (!ctx.layout_cache.empty()) {
        auto node = ctx.layout_cache.extract(ctx.layout_cache.begin());
        wipe(node.key());
        for (LaidRun& run : node.mapped().runs) wipe(run.text);
    }
}

ImFont* face_font(const UiContext& ctx, FontRole face) {
    switch (face) {
    case kBodyFace: return ctx.fonts.face(Style::Regular);
    case kLabelFace: return ctx.fonts.face(Style::Bold);
    case kHeadingFace: return ctx.fonts.heading;
    case kNoteFace: return ctx.fonts.small;
    case kTitleFace: return ctx.fonts.title;
    case kDisplayFace: return ctx.fonts.display;
    }
    return ctx.fonts.face(Style::Regular);
}

float draw_text(UiContext& ctx, const std::vector<Span>& spans, const TextStyle& style, float width, ImU32 color,
                float align) {
    const LaidText& text = laid(ctx, spans, style, width);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    std::string flat;
    if (!ctx.speech.line_text.empty())
        for (const Span& s : spans) flat += s.text;
    const bool heard = !flat.empty() && flat == ctx.speech.line_text;
    draw_laid(ctx, text, ImRect(origin, {origin.x + width, origin.y + text.size.y}), color, align, heard ? &flat : nullptr);
    // Move down without ImGui's item layout, which would send the cursor back to the left edge.
    // (SetCursorScreenPos also grows the window's content size, which scrolling relies on.)
    ImGui::SetCursorScreenPos({origin.x, origin.y + text.size.y});
    return text.size.y;
}

float draw_text(UiContext& ctx, const std::string& text, ImFont* font, float width, ImU32 color, float align) {
    return draw_text(ctx, {{text, Style::Regular}}, font_style(ctx, font), width, color, align);
}

ImVec2 measure_text(UiContext& ctx, const std::string& text, ImFont* font, float width) {
    return laid(ctx, {{text, Style::Regular}}, font_style(ctx, font), width).size;
}

float draw_rich(UiContext& ctx, const RichText& text, float width, ImU32 color) {
    const float em = ctx.fonts.em;
    const float start_y = ImGui::GetCursorScreenPos().y;
    bool first = true;
    for (const Block& block : text.blocks) {
        ImVec2 cursor = ImGui::GetCursorScreenPos();
        if (!first) cursor.y += block.kind == BlockKind::Heading ? 0.9f * em : (block.kind == BlockKind::Paragraph ? 0.6f * em : 0.35f * em);
        first = false;
        ImGui::SetCursorScreenPos(cursor);
        if (block.kind == BlockKind::Heading) {
            ImFont* font = block.level <= 2 ? ctx.fonts.heading : ctx.fonts.body[static_cast<int>(Style::Bold)];
            draw_text(ctx, block.spans, font_style(ctx, font), width, ctx.palette.primary);
            continue;
        }
        if (block.kind == BlockKind::Paragraph) {
            draw_text(ctx, block.spans, body_style(ctx), width, color);
            continue;
        }
        // List item: a marker in a gutter, the text beside it.
        const float gutter = 1.4f * em;
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float line_middle = cursor.y + 0.5f * std::round(em * ctx.metrics.line_spacing());
        if (block.kind == BlockKind::Bullet) {
            draw->AddCircleFilled(ctx.mirror.point({cursor.x + 0.45f * em, line_middle}), 0.17f * em, ctx.palette.primary, 12);
        } else {  // the number, as the language writes it, sits against the text (bidi puts the dot on its far side)
            const std::string number = ctx.shown->number(block.number) + ".";
            ImGui::SetCursorScreenPos({cursor.x, cursor.y});
            draw_text(ctx, {{number, Style::Bold}}, body_style(ctx), gutter - 0.35f * em, ctx.palette.primary, 1.f);
        }
        ImGui::SetCursorScreenPos({cursor.x + gutter, cursor.y});
        draw_text(ctx, block.spans, body_style(ctx), width - gutter, color);
        ImGui::SetCursorScreenPos({cursor.x, ImGui::GetCursorScreenPos().y});
    }
    return ImGui::GetCursorScreenPos().y - start_y;
}

namespace {
bool tap_screen_area(UiContext& ctx, const std::string& label, const ImRect& rect, bool* pressed, Spoken spoken) {
    ImRect visible = rect;
    visible.ClipWithFull(current_clip());
    ctx.probe.items.push_back({label, rect, visible, ctx.input_enabled});
    // A real ImGui item: its ID (the label, and how often it came before on this screen) is
    // what focus holds on to from one frame to the next, and across screens ("Next").
    ImGuiID id = ImGui::GetID(label.c_str());
    int before = 0;
    for (const FocusTarget& t : ctx.focus.targets) before += t.label == label;
    if (before) id = ImHashData(&before, sizeof before, id);
    ImGui::ItemAdd(visible, id);
    const bool live = ctx.input_enabled && visible.GetArea() > 0;
    // Only what can be reached: under an overlay nothing is; outside a scroll area only what shows.
    if (ctx.input_enabled && (live || ctx.scrolling))
        ctx.focus.targets.push_back({id, label, std::move(spoken), rect, current_clip(), ctx.scrolling});
    if (pressed) *pressed = live && ctx.touch.pressing(visible);
    if (ctx.input_enabled && ctx.focus.activate == id) {
        ctx.focus.activate = 0;
        return true;
    }
    return live && ctx.touch.tapped_on(visible);
}

bool key_pressed(ImGuiKey key) {
    const int i = ImGui::GetKeyIndex(key);
    return i >= 0 && ImGui::IsKeyPressed(i);
}
}  // namespace

bool handle_keys(UiContext& ctx) {
    Focus& f = ctx.focus;
    f.last = std::move(f.targets);
    f.targets.clear();
    f.activate = 0;
    f.announce.clear();
    const ImGuiIO& io = ImGui::GetIO();
    bool any = io.InputQueueCharacters.Size > 0;
    for (int i = 0; i < IM_ARRAYSIZE(io.KeysDown); ++i) any |= io.KeysDown[i] && io.KeysDownDuration[i] == 0.f;
    if (ctx.touch.pressed()) f.shown = false;  // a finger: the ring would only distract
    if (f.last.empty()) return any;

    auto at = std::find_if(f.last.begin(), f.last.end(), [&](const FocusTarget& t) { return t.id == f.id; });
    // Forward is the reading direction: right in a left-to-right screen, left in Arabic.
    const bool forward = key_pressed(ImGuiKey_DownArrow) || key_pressed(ctx.mirror.on ? ImGuiKey_LeftArrow : ImGuiKey_RightArrow) ||
                         (key_pressed(ImGuiKey_Tab) && !io.KeyShift);
    const bool backward = key_pressed(ImGuiKey_UpArrow) || key_pressed(ctx.mirror.on ? ImGuiKey_RightArrow : ImGuiKey_LeftArrow) ||
                          (key_pressed(ImGuiKey_Tab) && io.KeyShift);
    const bool activate = key_pressed(ImGuiKey_Enter) || key_pressed(ImGuiKey_KeyPadEnter) || key_pressed(ImGuiKey_Space);
    if (forward || backward) {
        const auto n = static_cast<long>(f.last.size());
        long i = at - f.last.begin();
        if (at == f.last.end() || !f.shown) i = forward ? (at == f.last.end() ? 0 : i) : (at == f.last.end() ? n - 1 : i);
        else i = (i + (forward ? 1 : -1) + n) % n;
        f.id = f.last[static_cast<size_t>(i)].id;
        f.shown = true;
        f.reveal = true;
        const FocusTarget& t = f.last[static_cast<size_t>(i)];
        const std::string& name = t.spoken.name.empty() ? t.label : t.spoken.name;
        const std::string label =
            t.spoken.setting.empty() ? name : ctx.shown->text("settings.choice", {{"setting", t.spoken.setting}, {"choice", name}});
        f.announce = ctx.shown->text(t.spoken.selected ? "speech.selected" : "speech.button", {{"label", label}});
        ctx.wants_frame = true;
    } else if (activate && at != f.last.end() && f.shown) {
        f.activate = f.id;
        ctx.wants_frame = true;
    }
    return any;
}

void draw_focus(UiContext& ctx) {
    Focus& f = ctx.focus;
    auto at = std::find_if(f.targets.begin(), f.targets.end(), [&](const FocusTarget& t) { return t.id == f.id; });
    if (at == f.targets.end()) {
        if (!f.targets.empty()) f.id = 0;  // what was in focus has gone (a new screen): the next key starts from the top
        return;
    }
    if (f.reveal && at->scroll) {
        // Scrolled fully into view, with a little room, or its top at the top if it is taller.
        const float room = 0.6f * ctx.fonts.em;
        const float top = at->clip.Min.y + room, bottom = at->clip.Max.y - 2.6f * ctx.fonts.em;  // clear of the "more below" hint
        float shift = 0;
        if (at->rect.Max.y > bottom) shift = at->rect.Max.y - bottom;
        if (at->rect.Min.y - shift < top) shift = at->rect.Min.y - top;
        // The page's last target: on to the page's end, so keys alone read all of it.
        const bool last = std::none_of(at + 1, f.targets.end(), [&](const FocusTarget& t) { return t.scroll == at->scroll; });
        if (last && at->rect.Min.y - (at->scroll->max_y - at->scroll->y) >= top) shift = at->scroll->max_y - at->scroll->y;
        if (shift != 0) {
            ScrollState& s = *at->scroll;
            s.y = std::clamp(s.y + shift, 0.f, std::max(0.f, s.max_y));
            s.velocity = 0;
            ctx.wants_frame = true;
        }
    }
    f.reveal = false;
    if (!f.shown) return;
    const float e = ctx.fonts.em;
    const float gap = 0.12f * e, thick = std::max(3.f, 0.14f * e);
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    draw->PushClipRect(at->clip.Min, at->clip.Max, false);
    ImRect ring = at->rect;
    ring.Expand(gap + thick / 2);
    draw->AddRect(ring.Min, ring.Max, ctx.palette.focus, ctx.metrics.corner() + gap, 0, thick);
    draw->PopClipRect();
}

bool tap_area(UiContext& ctx, const std::string& label, const ImRect& rect, bool* pressed, Spoken spoken) {
    return tap_screen_area(ctx, label, ctx.mirror.rect(rect), pressed, std::move(spoken));
}

bool button(UiContext& ctx, const std::string& label, const ImRect& logical, ButtonKind kind, Spoken spoken) {
    const ImRect rect = ctx.mirror.rect(logical);
    bool pressed = false;
    bool tapped = false;
    if (kind == ButtonKind::Disabled) {  // seen, and said why beside it, but nothing to press
        ImRect visible = rect;
        visible.ClipWithFull(current_clip());
        ctx.probe.items.push_back({label, rect, visible, false});
    } else {
        tapped = tap_screen_area(ctx, label, rect, &pressed, std::move(spoken));
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Palette& p = ctx.palette;
    const float corner = ctx.metrics.corner();
    ImU32 fill = p.surface, text = p.primary;
    if (kind == ButtonKind::Primary) fill = pressed ? p.primary_pressed : p.primary, text = p.on_primary;
    else if (kind == ButtonKind::Secondary) fill = pressed ? p.surface_pressed : p.surface;
    else if (kind == ButtonKind::Disabled) fill = p.surface, text = p.text_muted;
    else fill = pressed ? p.surface_pressed : 0;
    if (fill) draw->AddRectFilled(rect.Min, rect.Max, fill, corner);
    if (kind == ButtonKind::Secondary || kind == ButtonKind::Disabled)
        draw->AddRect(rect.Min, rect.Max, kind == ButtonKind::Disabled ? p.text_muted : p.primary, corner, 0, std::max(2.f, 0.07f * ctx.fonts.em));

    // Centre the label; wrap it if the button is narrow (long words in other languages).
    ImFont* font = ctx.fonts.body[static_cast<int>(Style::Bold)];
    const float pad = 0.6f * ctx.fonts.em;
    const float inner = rect.GetWidth() - 2 * pad;
    const ImVec2 size = measure_text(ctx, label, font, inner);
    const ImVec2 saved = ImGui::GetCursorScreenPos();
    const size_t first_line = ctx.probe.texts.size();
    ImGui::SetCursorScreenPos({logical.Min.x + pad, std::round(rect.GetCenter().y - size.y / 2)});
    draw_text(ctx, label, font, inner, text, 0.5f);
    ImGui::SetCursorScreenPos(saved);
    // The label must stay inside the button, not just inside its column.
    for (size_t i = first_line; i < ctx.probe.texts.size(); ++i) ctx.probe.texts[i].container = rect;
    return tapped;
}

float begin_scroll(UiContext& ctx, const std::string& key, const ImRect& area, ScrollState* state) {
    ScrollState& s = state ? *state : ctx.scroll;
    ctx.scrolling = &s;
    if (s.key != key) {
        s = ScrollState{key};
        ctx.wants_frame = true;  // ImGui knows a new page's height only a frame later: draw it again
    }
    ++s.frames;
    s.view = area.GetHeight();
    s.used = true;
    const Touch& t = ctx.touch;
    const float dt = ImGui::GetIO().DeltaTime;
    const bool ours = ctx.input_enabled && area.Contains(t.press_pos());
    if (ours && t.dragging()) {
        s.y -= t.drag_step().y;
        s.dragging = true;
        s.velocity = 0;
    }
    if (s.dragging && t.released()) {
        s.dragging = false;
        s.velocity = ctx.settings.reduced_motion ? 0 : -t.release_velocity_y();  // less motion: the page stops with the finger
    }
    if (ours && t.down() && !t.dragging()) s.velocity = 0;  // a finger on the glass stops a fling
    if (ctx.input_enabled && area.Contains(ImGui::GetIO().MousePos) && ImGui::GetIO().MouseWheel != 0)
        s.y -= ImGui::GetIO().MouseWheel * 3 * ctx.fonts.em;
    if (!s.dragging && std::fabs(s.velocity) > 20.f) {
        s.y += s.velocity * dt;
        s.velocity *= std::exp(-3.5f * dt);
        ctx.wants_frame = true;
    } else if (!s.dragging) {
        s.velocity = 0;
    }
    s.y = std::clamp(s.y, 0.f, std::max(0.f, s.max_y));
    if (s.y <= 0.f || s.y >= s.max_y) s.velocity = 0;

    ImGui::SetCursorScreenPos(area.Min);
    ImGui::SetNextWindowScroll({0, s.y});
    ImGui::BeginChild(key.c_str(), area.GetSize(), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground |
                          ImGuiWindowFlags_NoNav);
    return ImGui::GetCursorScreenPos().y;
}

void end_scroll(UiContext& ctx, const ImRect& area) {
    ScrollState& s = *ctx.scrolling;
    ctx.scrolling = nullptr;
    const float max_y = ImGui::GetScrollMaxY();
    if (max_y != s.max_y) ctx.wants_frame = true;  // the height just settled: the hint and the bar follow it
    s.max_y = max_y;
    s.y = ImGui::GetScrollY();
    if (s.max_y > 0.5f) {
        // Drawn into the scrolled window itself, so it sits above the content.
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float em = ctx.fonts.em;
        // A slim position indicator on the right edge.
        const float track = area.GetHeight();
        const float thumb = std::max(2.f * em, track * track / (track + s.max_y));
        const float top = area.Min.y + (track - thumb) * (s.y / s.max_y);
        const ImRect bar = ctx.mirror.rect(ImRect({area.Max.x - 0.25f * em, top}, {area.Max.x - 0.09f * em, top + thumb}));
        draw->AddRectFilled(bar.Min, bar.Max, ctx.palette.outline, 0.08f * em);

        const ImU32 clear = ctx.palette.background & 0x00FFFFFF;
        const ImRect faded = ctx.mirror.rect(ImRect(area.Min, {area.Max.x - 0.5f * em, area.Max.y}));
        if (s.y > 1.f)  // text slides away under a soft edge, not a hard cut
            draw->AddRectFilledMultiColor(faded.Min, {faded.Max.x, area.Min.y + 0.8f * em}, ctx.palette.background,
                                          ctx.palette.background, clear, clear);
        if (s.y < s.max_y - 1.f) {  // more below: fade the last line and say so
            const float fade = 2.4f * em;
            draw->AddRectFilledMultiColor({faded.Min.x, area.Max.y - fade}, faded.Max, clear, clear, ctx.palette.background,
                                          ctx.palette.background);
            const std::string hint = ctx.shown->text("scroll.more");
            const ImVec2 size = measure_text(ctx, hint, ctx.fonts.small, area.GetWidth() / 2);
            const ImVec2 pad{0.8f * em, 0.15f * em};
            const float arrow = 0.9f * em;
            const float w = size.x + arrow + 2.5f * pad.x;
            const ImVec2 min{std::round(area.GetCenter().x - w / 2), std::round(area.Max.y - size.y - 2 * pad.y - 0.3f * em)};
            const ImVec2 max{min.x + w, min.y + size.y + 2 * pad.y};
            draw->AddRectFilled(min, max, ctx.palette.accent, (max.y - min.y) / 2);
            const ImVec2 saved = ImGui::GetCursorScreenPos();
            ImGui::SetCursorScreenPos({ctx.mirror.x(ctx.mirror.on ? max.x - pad.x : min.x + pad.x), min.y + pad.y});
            draw_text(ctx, hint, ctx.fonts.small, size.x, ctx.palette.primary);
            ImGui::SetCursorScreenPos(saved);
            // A small down arrow, drawn: it needs no glyph.
            const ImVec2 c{ctx.mirror.on ? min.x + pad.x + arrow / 2 : max.x - pad.x - arrow / 2, (min.y + max.y) / 2};
            const float a = arrow * 0.3f;
            draw->AddLine({c.x, c.y - a}, {c.x, c.y + a}, ctx.palette.primary, 0.08f * em);
            draw->AddPolyline(std::array<ImVec2, 3>{ImVec2{c.x - a * 0.7f, c.y + a * 0.3f}, ImVec2{c.x, c.y + a}, ImVec2{c.x + a * 0.7f, c.y + a * 0.3f}}.data(),
                              3, ctx.palette.primary, 0, 0.08f * em);
        }
    }
    ImGui::EndChild();
}

}  // namespace anteroom::ui

namespace anteroom::ui {

Card begin_card(UiContext&, float width, float padding) {
    Card card{ImGui::GetCursorScreenPos(), width, padding};
    ImGui::GetWindowDrawList()->ChannelsSplit(2);
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos({card.min.x + padding, card.min.y + padding});
    return card;
}

ImRect end_card(UiContext& ctx, const Card& card, ImU32 fill, ImU32 border) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImRect rect(card.min, {card.min.x + card.width, ImGui::GetCursorScreenPos().y + card.padding});
    const ImRect shown = ctx.mirror.rect(rect);
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(shown.Min, shown.Max, fill, ctx.metrics.corner());
    if (border) draw->AddRect(shown.Min, shown.Max, border, ctx.metrics.corner(), 0, std::max(2.f, 0.06f * ctx.fonts.em));
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos({card.min.x, rect.Max.y});
    return rect;
}

}  // namespace anteroom::ui
