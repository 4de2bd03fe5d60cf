// The kiosk's screens, one function per place in the flow:
// [SECTION] Shared layout     [SECTION] Attract, language, home
// [SECTION] Module screens    [SECTION] End, preparing, inactivity
#include "ui/screens.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace anteroom::ui {

// [SECTION] Shared layout ===================================================================

namespace {

float em(const UiContext& ctx) { return ctx.fonts.em; }

// The reading column: centred, never wider than is comfortable to read.
ImRect column(const UiContext& ctx, const ImRect& display) {
    const float width = std::min(ctx.metrics.column_width(), display.GetWidth() - 2 * ctx.metrics.margin());
    const float left = std::round(display.GetCenter().x - width / 2);
    return ImRect({left, display.Min.y}, {left + width, display.Max.y});
}

// A button just wide enough for its label, at least min_em wide.
float button_width(UiContext& ctx, const std::string& label, float min_em) {
    const float w = measure_text(ctx, label, ctx.fonts.face(Style::Bold)).x + 2.4f * em(ctx);
    return std::max(min_em * em(ctx), std::round(w));
}

// Back on the left, forward on the right, in a bar along the bottom.
struct BottomBar {
    bool back = false, forward = false;
};
BottomBar bottom_bar(UiContext& ctx, const ImRect& display, const std::string& back, const std::string& forward, bool forward_enabled = true) {
    BottomBar result;
    const float h = ctx.metrics.button_height();
    const float y = display.Max.y - ctx.metrics.margin() - h;
    const float half = (display.GetWidth() - 3 * ctx.metrics.margin()) / 2;
    if (!back.empty()) {
        const float w = std::min(half, button_width(ctx, back, 7));
        result.back = button(ctx, back, ImRect({display.Min.x + ctx.metrics.margin(), y}, {display.Min.x + ctx.metrics.margin() + w, y + h}),
                             ButtonKind::Secondary);
    }
    if (!forward.empty()) {
        const float w = std::min(half, button_width(ctx, forward, 9));
        const float right = display.Max.x - ctx.metrics.margin();
        result.forward = button(ctx, forward, ImRect({right - w, y}, {right, y + h}), forward_enabled ? ButtonKind::Primary : ButtonKind::Disabled);
    }
    return result;
}
float bottom_bar_top(const UiContext& ctx, const ImRect& display) {
    return display.Max.y - 2 * ctx.metrics.margin() - ctx.metrics.button_height();
}

// Rects for buttons of these widths, in rows from left to right between left and right,
// wrapping when a row is full; each row aligned by align (0 start, 0.5 centre, 1 end).
std::vector<ImRect> flow(const std::vector<float>& widths, float left, float right, float top, float h, float gap) {
    std::vector<ImRect> rects;
    float x = left, y = top;
    for (float w : widths) {
        w = std::min(w, right - left);
        if (x > left && x + w > right) x = left, y += h + gap;
        rects.emplace_back(ImVec2{x, y}, ImVec2{x + w, y + h});
        x += w + gap;
    }
    return rects;
}

void align_rows(std::vector<ImRect>& rects, float right, float align) {
    for (size_t i = 0; i < rects.size();) {
        size_t end = i;
        while (end < rects.size() && rects[end].Min.y == rects[i].Min.y) ++end;
        const float shift = std::round((right - rects[end - 1].Max.x) * align);
        for (size_t j = i; j < end; ++j) rects[j].Translate({shift, 0});
        i = end;
    }
}

// A card's edge, where the theme gives cards one (high contrast: black cards on black).
void card_edge(const UiContext& ctx, ImDrawList* draw, const ImRect& shown) {
    if (ctx.palette.card_border) draw->AddRect(shown.Min, shown.Max, ctx.palette.card_border, ctx.metrics.corner(), 0, std::max(2.f, 0.06f * em(ctx)));
}

// Under the top bar while the screen is read aloud: pause or go on, quieter, the volume,
// louder; or, with no sound output, the words that say so. Returns its bottom.
float speech_panel(UiContext& ctx, const Kiosk& kiosk, const ImRect& display, float top) {
    const Presentation& shown = *ctx.shown;
    const float e = em(ctx), h = ctx.metrics.button_height(), pad = 0.4f * e, space = 0.5f * e;
    const float left = display.Min.x + ctx.metrics.margin(), right = display.Max.x - ctx.metrics.margin();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (!ctx.speech.available) {  // what it cannot do, and Done to close it
        const std::string& words = shown.text("speech.no_audio");
        const std::string& done = shown.text("settings.done");
        const float done_w = button_width(ctx, done, 5);
        const bool beside = right - left - 5 * pad - done_w >= 12 * e;
        const float inner = right - left - 4 * pad - (beside ? done_w + pad : 0);
        const float text_h = measure_text(ctx, words, ctx.fonts.body[0], inner).y;
        const float bottom = top + 2 * pad + (beside ? std::max(text_h, h) : text_h + pad + h);
        const ImRect card = ctx.mirror.rect(ImRect({left, top}, {right, bottom}));
        draw->AddRectFilled(card.Min, card.Max, ctx.palette.accent, ctx.metrics.corner());
        card_edge(ctx, draw, card);
        ImGui::SetCursorScreenPos({left + 2 * pad, beside ? std::round(top + pad + std::max(0.f, (h - text_h) / 2)) : top + pad});
        draw_text(ctx, words, ctx.fonts.body[0], inner, ctx.palette.text);
        const ImVec2 at = beside ? ImVec2{right - 2 * pad - done_w, top + pad + std::max(0.f, (text_h - h) / 2)} : ImVec2{left + 2 * pad, top + 2 * pad + text_h};
        if (button(ctx, done, ImRect(at, {at.x + done_w, at.y + h}), ButtonKind::Secondary)) ctx.post({Intent::StopSpeech});
        return bottom;
    }
    const bool paused = kiosk.session().speech == Speech::Paused;
    const std::string& toggle = shown.text(paused ? "speech.resume" : "speech.pause");
    const std::string& quieter = shown.text("speech.quieter");
    const std::string& louder = shown.text("speech.louder");
    const std::string volume =
        shown.text("speech.volume", {{"level", double(kiosk.session().settings.speech_volume)}, {"levels", double(kMaxSpeechVolume)}});
    const float volume_w = std::min(right - left - 2 * pad, std::round(measure_text(ctx, volume, ctx.fonts.body[0]).x + e));
    std::vector<ImRect> rects = flow({button_width(ctx, toggle, 5), button_width(ctx, quieter, 5), volume_w, button_width(ctx, louder, 5)},
                                     left + pad, right - pad, top + pad, h, space);
    align_rows(rects, right - pad, 0.5f);
    const float bottom = rects.back().Max.y + pad;
    const ImRect card = ctx.mirror.rect(ImRect({left, top}, {right, bottom}));
    draw->AddRectFilled(card.Min, card.Max, ctx.palette.accent, ctx.metrics.corner());
    card_edge(ctx, draw, card);
    if (button(ctx, toggle, rects[0], ButtonKind::Secondary)) ctx.post({paused ? Intent::ResumeSpeech : Intent::PauseSpeech});
    if (button(ctx, quieter, rects[1], ButtonKind::Secondary)) ctx.post({Intent::Quieter});
    const float volume_h = measure_text(ctx, volume, ctx.fonts.body[0], rects[2].GetWidth()).y;
    ImGui::SetCursorScreenPos({rects[2].Min.x, std::round(rects[2].GetCenter().y - volume_h / 2)});
    draw_text(ctx, volume, ctx.fonts.body[0], rects[2].GetWidth(), ctx.palette.text, 0.5f);
    if (button(ctx, louder, rects[3], ButtonKind::Secondary)) ctx.post({Intent::Louder});
    return bottom;
}

// The top of every screen: Home at the start where there is one; at the end, reading aloud,
// the display settings and, where a patient can change it, the language. One row when they
// fit, else Home and Language on the first and the other two beneath. Returns the bottom of
// the bar, and in *gap the free part of its first row (for the module's title), if any.
float top_bar(UiContext& ctx, const Kiosk& kiosk, const ImRect& display, bool home, bool language, ImRect* gap = nullptr) {
    const Presentation& shown = *ctx.shown;
    const Session& session = kiosk.session();
    const float e = em(ctx), margin = ctx.metrics.margin(), h = ctx.metrics.button_height();
    const std::string& home_label = shown.text("nav.home");
    // With no sound nothing is read: the button stays "Read aloud" while the panel says why.
    const bool reading = session.speech != Speech::Off && ctx.speech.available;
    const std::string& read_label = shown.text(reading ? "speech.stop" : "speech.read");
    const std::string& aa_label = shown.text("settings.open");
    const std::string& language_label = shown.text("nav.language");
    const float home_w = home ? button_width(ctx, home_label, 5) : 0, language_w = language ? button_width(ctx, language_label, 5) : 0;
    const float read_w = button_width(ctx, read_label, 6), aa_w = button_width(ctx, aa_label, 6);
    const float left = display.Min.x + margin, right = display.Max.x - margin, space = 0.5f * e;
    const float top = display.Min.y + (ctx.metrics.bar_height() - h) / 2 + 0.3f * e;
    const float end_group = read_w + aa_w + language_w + space * (language ? 2 : 1);
    const bool one_row = (home ? home_w + e : 0) + end_group <= right - left;
    ImRect home_rect, read_rect, aa_rect, language_rect;
    float bottom = top + h;
    if (one_row) {
        home_rect = ImRect({left, top}, {left + home_w, top + h});
        float x = right - end_group;
        read_rect = ImRect({x, top}, {x + read_w, top + h}), x += read_w + space;
        aa_rect = ImRect({x, top}, {x + aa_w, top + h}), x += aa_w + space;
        language_rect = ImRect({x, top}, {x + language_w, top + h});
        if (gap) *gap = ImRect({left + (home ? home_w + e : 0), top}, {right - end_group - e, top + h});
    } else {
        home_rect = ImRect({left, top}, {left + home_w, top + h});
        language_rect = ImRect({right - language_w, top}, {right, top + h});
        const bool first_row_free = !home && !language;
        const float y = first_row_free ? top : top + h + space;
        std::vector<ImRect> rest = flow({read_w, aa_w}, left, right, y, h, space);
        align_rows(rest, right, 1.f);
        read_rect = rest[0], aa_rect = rest[1];
        bottom = rest[1].Max.y;
        if (gap) *gap = ImRect({left + (home ? home_w + e : 0), top}, {right - (language ? language_w + e : 0), top + h});
    }
    // In reading order: Home, then along the bar.
    if (home && button(ctx, home_label, home_rect, ButtonKind::Secondary)) ctx.post({Intent::Home});
    if (button(ctx, read_label, read_rect, reading ? ButtonKind::Primary : ButtonKind::Secondary))
        ctx.post({session.speech != Speech::Off ? Intent::StopSpeech : Intent::ReadAloud});
    if (button(ctx, aa_label, aa_rect, ButtonKind::Secondary, {{}, false, shown.text("settings.title")})) ctx.post({Intent::OpenSettings});
    if (language && button(ctx, language_label, language_rect, ButtonKind::Secondary)) ctx.post({Intent::OpenLanguages});
    bottom += 0.3f * e;
    // While reading aloud: pause, volume, or what it can't do, under the bar.
    if (session.speech != Speech::Off) bottom = speech_panel(ctx, kiosk, display, bottom + 0.2f * e);
    return bottom;
}

// A screen title at the cursor, with space after it.
void screen_title(UiContext& ctx, const std::string& title, float width, float align = 0.f) {
    draw_text(ctx, title, ctx.fonts.title, width, ctx.palette.text, align);
    ImGui::SetCursorScreenPos({ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + 0.8f * em(ctx)});
}

void gap(UiContext& ctx, float ems) {
    ImGui::SetCursorScreenPos({ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + ems * em(ctx)});
}

// A chevron drawn with lines: no glyph needed, so it looks the same in every font. It points
// forward (right) or back, and turns round in a right-to-left screen.
void chevron(const UiContext& ctx, ImDrawList* draw, ImVec2 logical_centre, float size, ImU32 color, bool right) {
    const ImVec2 centre = ctx.mirror.point(logical_centre);
    const float d = right != ctx.mirror.on ? 1.f : -1.f;
    draw->AddPolyline(std::array<ImVec2, 3>{ImVec2{centre.x - d * size * 0.25f, centre.y - size * 0.5f},
                                            ImVec2{centre.x + d * size * 0.25f, centre.y},
                                            ImVec2{centre.x - d * size * 0.25f, centre.y + size * 0.5f}}
                          .data(),
                      3, color, 0, size * 0.18f);
}

}  // namespace

// [SECTION] Attract, language, home =========================================================

void attract_screen(UiContext& ctx, const Kiosk& kiosk, const ImRect& display) {
    const Presentation& shown = kiosk.shown();
    const float bar = top_bar(ctx, kiosk, display, false, false);
    // Anywhere else on the screen begins (and any key: KioskUi).
    if (tap_area(ctx, shown.text("attract.touch"), display) && ctx.intents.empty())
        ctx.post({Intent::Begin});

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImRect col = column(ctx, display);
    const float e = em(ctx);
    const std::string& welcome = shown.text("attract.welcome");
    const std::string& touch = shown.text("attract.touch");
    const std::string& privacy = shown.text("attract.privacy");
    const bool sample = kiosk.config().sample;  // a demonstration kiosk says so, quietly, above the privacy line
    const float welcome_h = measure_text(ctx, welcome, ctx.fonts.display, col.GetWidth()).y;
    const ImVec2 touch_size = measure_text(ctx, touch, ctx.fonts.title, col.GetWidth() - 3 * e);
    const float pill_h = touch_size.y + 1.4f * e;
    const float sample_h = sample ? measure_text(ctx, shown.text("attract.sample"), ctx.fonts.small, col.GetWidth()).y + 0.3f * e : 0;
    const float notes_top = display.Max.y - ctx.metrics.margin() - measure_text(ctx, privacy, ctx.fonts.small, col.GetWidth()).y - sample_h;

    // Two soft circles at a third of the height, the welcome and the pill beneath: with large
    // text, whatever fits between the bar and the notes, centred, the circles first to go.
    const float mark_r = 3.2f * e;
    ImVec2 centre{display.GetCenter().x, display.Min.y + display.GetHeight() * 0.3f};
    float welcome_y = centre.y + 4.4f * e;
    const float block_h = welcome_h + 1.6f * e + pill_h;
    bool mark = true;
    if (welcome_y + block_h + e > notes_top || centre.y - mark_r < bar) {
        const float room = notes_top - e - bar;
        mark = 2 * mark_r + 1.2f * e + block_h <= room;
        const float top = bar + std::max(0.f, std::round((room - (mark ? 2 * mark_r + 1.2f * e : 0) - block_h) / 2));
        centre.y = top + mark_r;
        welcome_y = mark ? top + 2 * mark_r + 1.2f * e : top;
    }
    if (mark) {  // a quiet, calm mark that reads from across the room
        draw->AddCircleFilled(centre, mark_r, ctx.palette.accent, 96);
        draw->AddCircleFilled(centre, 1.9f * e, ctx.palette.accent_strong, 96);
    }
    ImGui::SetCursorScreenPos({col.Min.x, welcome_y});
    draw_text(ctx, welcome, ctx.fonts.display, col.GetWidth(), ctx.palette.text, 0.5f);
    gap(ctx, 1.6f);

    // "Touch the screen to begin", in a pill that looks like the thing to press.
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float pill_w = touch_size.x + 3 * e;
    const ImRect pill({std::round(display.GetCenter().x - pill_w / 2), top.y}, {std::round(display.GetCenter().x + pill_w / 2), top.y + pill_h});
    draw->AddRectFilled(pill.Min, pill.Max, ctx.touch.pressing(display) ? ctx.palette.primary_pressed : ctx.palette.primary,
                        std::min(pill.GetHeight() / 2, 1.5f * e));
    ImGui::SetCursorScreenPos({pill.Min.x + 1.5f * e, pill.Min.y + 0.7f * e});
    draw_text(ctx, touch, ctx.fonts.title, touch_size.x, ctx.palette.on_primary, 0.5f);

    float y = notes_top;
    if (sample) {
        ImGui::SetCursorScreenPos({col.Min.x, y});
        draw_text(ctx, shown.text("attract.sample"), ctx.fonts.small, col.GetWidth(), ctx.palette.text_muted, 0.5f);
        y = ImGui::GetCursorScreenPos().y + 0.3f * e;
    }
    ImGui::SetCursorScreenPos({col.Min.x, y});
    draw_text(ctx, privacy, ctx.fonts.small, col.GetWidth(), ctx.palette.text_muted, 0.5f);
}

void language_screen(UiContext& ctx, const Kiosk& kiosk, const ImRect& display) {
    const Presentation& shown = kiosk.shown();
    const ImRect col = column(ctx, display);
    const float e = em(ctx);
    const float h = ctx.metrics.button_height(), space = 0.6f * e;
    const size_t count = shown.language_names().size();
    const float width = std::min(col.GetWidth(), 16 * e);
    const float title_h = measure_text(ctx, shown.text("language.title"), ctx.fonts.title, col.GetWidth()).y;
    const float bar = top_bar(ctx, kiosk, display, false, false);
    const ImRect area({display.Min.x, bar}, {display.Max.x, bottom_bar_top(ctx, display)});
    // One column; two, side by side, when one would not fit and two do; beyond that it scrolls.
    auto list_height = [&](size_t columns) { return static_cast<float>((count + columns - 1) / columns) * (h + space); };
    const bool two = list_height(1) + title_h + 2 * e > area.GetHeight() && 2 * width + e <= display.GetWidth() - 2 * ctx.metrics.margin();
    const size_t columns = two ? 2 : 1;
    const float top = begin_scroll(ctx, "language", area);
    float y = top + std::max(ctx.metrics.margin(), std::round((area.GetHeight() - (list_height(columns) + title_h + 2 * e)) / 2));
    ImGui::SetCursorScreenPos({col.Min.x, y});
    screen_title(ctx, shown.text("language.title"), col.GetWidth(), 0.5f);
    y = ImGui::GetCursorScreenPos().y + 0.8f * e;
    const float left = std::round(display.GetCenter().x - (static_cast<float>(columns) * width + static_cast<float>(columns - 1) * e) / 2);
    size_t i = 0;
    for (const auto& [locale, name] : shown.language_names()) {  // row by row, in reading order
        const float x = left + static_cast<float>(i % columns) * (width + e);
        const float row_y = y + static_cast<float>(i / columns) * (h + space);
        const bool current = locale == kiosk.session().locale;
        if (button(ctx, name, ImRect({x, row_y}, {x + width, row_y + h}), current ? ButtonKind::Primary : ButtonKind::Secondary, {{}, current}))
            ctx.post({Intent::ChooseLanguage, -1, locale});
        ++i;
    }
    ImGui::SetCursorScreenPos({col.Min.x, y + list_height(columns)});
    end_scroll(ctx, area);
    if (bottom_bar(ctx, display, shown.text("nav.back"), {}).back) ctx.post({Intent::Back});
}

void home_screen(UiContext& ctx, const Kiosk& kiosk, const ImRect& display) {
    const Presentation& shown = kiosk.shown();
    const ImRect col = column(ctx, display);
    const float e = em(ctx);
    const float bar = top_bar(ctx, kiosk, display, false, true);
    const ImRect area({display.Min.x, bar}, {display.Max.x, bottom_bar_top(ctx, display)});
    const float top = begin_scroll(ctx, "home", area);
    ImGui::SetCursorScreenPos({col.Min.x, top + e});
    screen_title(ctx, shown.text("home.title"), col.GetWidth());
    const float pad = 1.0f * e;
    for (size_t i = 0; i < shown.modules.size(); ++i) {
        const ShownModule& m = shown.modules[i];
        // A card that is one big button: title, summary, reading time, and an arrow.
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const float text_w = col.GetWidth() - 2 * pad - 2 * e;
        const std::string& note = m.fallback_note;  // not translated yet: said before they open it
        const float h = measure_text(ctx, m.title, ctx.fonts.heading, text_w).y + 0.3f * e +
                        measure_text(ctx, m.summary, ctx.fonts.body[0], text_w).y + 0.3f * e +
                        measure_text(ctx, m.reading_time, ctx.fonts.small, text_w).y +
                        (note.empty() ? 0 : 0.3f * e + measure_text(ctx, note, ctx.fonts.small, text_w).y);
        const ImRect card(top, {col.Max.x, top.y + h + 2 * pad});
        bool pressed = false;
        if (tap_area(ctx, m.title, card, &pressed)) ctx.post({Intent::OpenModule, static_cast<int>(i)});
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImRect shown_card = ctx.mirror.rect(card);
        draw->AddRectFilled(shown_card.Min, shown_card.Max, pressed ? ctx.palette.surface_pressed : ctx.palette.surface, ctx.metrics.corner());
        card_edge(ctx, draw, shown_card);
        const ImRect edge = ctx.mirror.rect(ImRect(card.Min, {card.Min.x + 0.3f * e, card.Max.y}));
        draw->AddRectFilled(edge.Min, edge.Max, ctx.palette.primary, ctx.metrics.corner(),
                            ctx.mirror.on ? ImDrawFlags_RoundCornersRight : ImDrawFlags_RoundCornersLeft);
        chevron(ctx, draw, {card.Max.x - 1.4f * e, card.GetCenter().y}, 0.9f * e, ctx.palette.primary, true);
        ImGui::SetCursorScreenPos({top.x + pad + 0.3f * e, top.y + pad});
        draw_text(ctx, m.title, ctx.fonts.heading, text_w, ctx.palette.primary);
        gap(ctx, 0.3f);
        draw_text(ctx, m.summary, ctx.fonts.body[0], text_w, ctx.palette.text);
        gap(ctx, 0.3f);
        draw_text(ctx, m.reading_time, ctx.fonts.small, text_w, ctx.palette.text_muted);
        if (!note.empty()) {
            gap(ctx, 0.3f);
            draw_text(ctx, note, ctx.fonts.small, text_w, ctx.palette.primary);
        }
        ImGui::SetCursorScreenPos({col.Min.x, card.Max.y + 0.8f * e});
    }
    gap(ctx, 1);
    end_scroll(ctx, area);
    if (bottom_bar(ctx, display, shown.text("nav.back"), {}).back) ctx.post({Intent::Back});
}

// [SECTION] Module screens ==================================================================
// Each kind (core/screen_kinds.hpp) draws what follows its title and intro; the fonts are
// those of the faces its fields declare.

namespace {

// A declared field of the screen or of an item, in its face: plain in its font, Markdown as rich text.
void field(UiContext& ctx, const FieldSpec& spec, const ShownText& text, float width, FontRole face, ImU32 color) {
    if (text.empty()) return;
    if (spec.form == TextForm::Markdown) draw_rich(ctx, text.rich, width, color);
    else draw_text(ctx, text.line, face_font(ctx, face), width, color);
}

void text_kind(UiContext& ctx, const Kiosk&, const ShownScreen& screen, float width) {
    draw_rich(ctx, screen.text("body").rich, width, ctx.palette.text);
}

void faq_kind(UiContext& ctx, const Kiosk& kiosk, const ShownScreen& screen, float width) {
    const float e = em(ctx);
    const float pad = 0.8f * e;
    const float icon = 1.6f * e;
    ImFont* question_font = face_font(ctx, kLabelFace);
    for (size_t i = 0; i < screen.items.size(); ++i) {
        const std::string& question = screen.items[i].text("q").line;
        const bool open = kiosk.session().open_items.contains(static_cast<int>(i));
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const float text_w = width - 2 * pad - icon - 0.6f * e;
        const float text_h = measure_text(ctx, question, question_font, text_w).y;
        const float question_h = std::max(ctx.metrics.button_height() - 2 * pad, text_h);
        const ImRect header(top, {top.x + width, top.y + question_h + 2 * pad});
        bool pressed = false;
        if (tap_area(ctx, question, header, &pressed)) ctx.post({Intent::ToggleItem, static_cast<int>(i)});

        Card card = begin_card(ctx, width, pad);
        ImDrawList* draw = ImGui::GetWindowDrawList();
        if (pressed) draw->AddRectFilled(ctx.mirror.rect(header).Min, ctx.mirror.rect(header).Max, ctx.palette.surface_pressed, ctx.metrics.corner());
        ImGui::SetCursorScreenPos({top.x + pad, top.y + pad + (question_h - text_h) / 2});
        draw_text(ctx, question, question_font, text_w, ctx.palette.text);
        // A round plus or minus: shows that the answer opens, and that it can close.
        const ImVec2 c = ctx.mirror.point({header.Max.x - pad - icon / 2, header.GetCenter().y});
        draw->AddCircleFilled(c, icon / 2, open ? ctx.palette.primary : ctx.palette.accent, 32);
        const ImU32 mark = open ? ctx.palette.on_primary : ctx.palette.primary;
        const float arm = icon * 0.25f, thick = std::max(2.f, 0.09f * e);
        draw->AddLine({c.x - arm, c.y}, {c.x + arm, c.y}, mark, thick);
        if (!open) draw->AddLine({c.x, c.y - arm}, {c.x, c.y + arm}, mark, thick);
        ImGui::SetCursorScreenPos({top.x + pad, header.Max.y - pad});
        if (open) {
            gap(ctx, 0.4f);
            draw_rich(ctx, screen.items[i].text("a").rich, width - 2 * pad, ctx.palette.text);
        }
        ImRect rect = end_card(ctx, card, ctx.palette.surface, ctx.palette.card_border);
        ImGui::SetCursorScreenPos({top.x, rect.Max.y + 0.5f * e});
    }
}

void timeline_kind(UiContext& ctx, const Kiosk&, const ShownScreen& screen, float width) {
    const float e = em(ctx);
    const float rail = 2.6f * e;  // the column of numbered circles
    const float r = 0.85f * e;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImFont* title_font = face_font(ctx, kHeadingFace);
    for (size_t i = 0; i < screen.items.size(); ++i) {
        const ShownItem& step = screen.items[i];
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const ImVec2 c = ctx.mirror.point({top.x + r + 0.1f * e, top.y + r});
        ImGui::SetCursorScreenPos({top.x + rail, top.y + r - 0.65f * title_font->FontSize});
        draw_text(ctx, step.text("title").line, title_font, width - rail, ctx.palette.primary);
        gap(ctx, 0.25f);
        draw_rich(ctx, step.text("body").rich, width - rail, ctx.palette.text);
        const float bottom = ImGui::GetCursorScreenPos().y + 1.2f * e;
        if (i + 1 < screen.items.size())  // the path continues to the next step
            draw->AddLine({c.x, c.y + r}, {c.x, bottom + r}, ctx.palette.outline, std::max(2.f, 0.12f * e));
        draw->AddCircleFilled(c, r, ctx.palette.primary, 40);
        // The step's number, as the language writes it, centred in its circle.
        ImFont* font = ctx.fonts.face(Style::Bold);
        const std::string number = ctx.shown->number(static_cast<double>(i + 1));
        const ImVec2 size = measure_text(ctx, number, font);
        ImGui::SetCursorScreenPos({std::round(top.x + r + 0.1f * e - r), std::round(c.y - size.y / 2)});
        draw_text(ctx, {{number, Style::Regular}}, font_style(ctx, font), 2 * r, ctx.palette.on_primary, 0.5f);
        ImGui::SetCursorScreenPos({top.x, bottom});
    }
}

void routes_kind(UiContext& ctx, const Kiosk& kiosk, const ShownScreen& screen, float width) {
    const Presentation& shown = kiosk.shown();
    const float e = em(ctx);
    const float pad = 1.0f * e;
    const std::string& more = shown.text("routes.open");
    ImFont* title_font = face_font(ctx, kHeadingFace);
    for (const ShownItem& route : screen.items) {
        const std::string& title = route.text("title").line;
        const std::string& summary = route.text("summary").line;
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const float text_w = width - 2 * pad - 2 * e;
        const float h = measure_text(ctx, title, title_font, text_w).y + 0.25f * e + measure_text(ctx, summary, ctx.fonts.body[0], text_w).y +
                        0.35f * e + measure_text(ctx, more, ctx.fonts.face(Style::Bold), text_w).y;
        const ImRect card(top, {top.x + width, top.y + h + 2 * pad});
        bool pressed = false;
        if (tap_area(ctx, title, card, &pressed)) ctx.post({Intent::OpenItem, -1, route.id});
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImRect shown_card = ctx.mirror.rect(card);
        draw->AddRectFilled(shown_card.Min, shown_card.Max, pressed ? ctx.palette.surface_pressed : ctx.palette.surface, ctx.metrics.corner());
        card_edge(ctx, draw, shown_card);
        chevron(ctx, draw, {card.Max.x - 1.3f * e, card.GetCenter().y}, 0.9f * e, ctx.palette.primary, true);
        ImGui::SetCursorScreenPos({top.x + pad, top.y + pad});
        draw_text(ctx, title, title_font, text_w, ctx.palette.primary);
        gap(ctx, 0.25f);
        draw_text(ctx, summary, face_font(ctx, kBodyFace), text_w, ctx.palette.text);
        gap(ctx, 0.35f);
        draw_text(ctx, {{more, Style::Bold}}, body_style(ctx), text_w, ctx.palette.primary);
        ImGui::SetCursorScreenPos({top.x, card.Max.y + 0.7f * e});
    }
}

// Two sides, each a card with its heading: side by side when the screen is landscape and wide
// enough for two comfortable columns (wider than the reading column, centred on it), else one
// after the other. In a right-to-left screen the first side is on the right.
void compare_kind(UiContext& ctx, const Kiosk&, const ShownScreen& screen, float width) {
    const float e = em(ctx);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float pad = 1.0f * e, gap_x = 1.2f * e;
    const float wide = std::min(display.x - 2 * ctx.metrics.margin(), std::round(1.6f * width));
    const bool side_by_side = display.x > display.y && (wide - gap_x) / 2 >= 18 * e;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float column_w = side_by_side ? std::floor((wide - gap_x) / 2) : width;
    const float left_x = side_by_side ? std::round(start.x + width / 2 - wide / 2) : start.x;
    auto side = [&](const char* heading, const char* body, ImVec2 at) {
        ImGui::SetCursorScreenPos(at);
        Card card = begin_card(ctx, column_w, pad);
        draw_text(ctx, screen.text(heading).line, face_font(ctx, kHeadingFace), column_w - 2 * pad, ctx.palette.primary);
        gap(ctx, 0.4f);
        draw_rich(ctx, screen.text(body).rich, column_w - 2 * pad, ctx.palette.text);
        return end_card(ctx, card, ctx.palette.surface, ctx.palette.card_border).Max.y;
    };
    float bottom = side("left_heading", "left", {left_x, start.y});
    if (side_by_side) bottom = std::max(bottom, side("right_heading", "right", {left_x + column_w + gap_x, start.y}));
    else bottom = side("right_heading", "right", {left_x, bottom + 0.8f * e});
    ImGui::SetCursorScreenPos({start.x, bottom + 1.0f * e});
    if (const ShownText& closing = screen.text("closing"); !closing.empty()) draw_rich(ctx, closing.rich, width, ctx.palette.text);
}

// A consent topic: its key points in a card, the detail, then each point to confirm with its
// "I understand", and "I have a question about this" for the patient's own list.
void topic_kind(UiContext& ctx, const Kiosk& kiosk, const ShownScreen& screen, float width) {
    const Presentation& shown = kiosk.shown();
    const Session& session = kiosk.session();
    const std::string key = kiosk.screen_key();
    const float e = em(ctx), pad = 1.0f * e, h = ctx.metrics.button_height();
    Card points = begin_card(ctx, width, pad);
    draw_rich(ctx, screen.text("key_points").rich, width - 2 * pad, ctx.palette.text);
    end_card(ctx, points, ctx.palette.accent, ctx.palette.card_border);
    gap(ctx, 1.0f);
    draw_rich(ctx, screen.text("body").rich, width, ctx.palette.text);
    const std::string& understand = shown.text("consent.understand");
    const std::string& understood = shown.text("consent.understood");
    for (size_t i = 0; i < screen.items.size(); ++i) {
        gap(ctx, 0.8f);
        const bool done = session.confirmed.contains(key + "/" + std::to_string(i));
        Card card = begin_card(ctx, width, pad);
        draw_text(ctx, screen.items[i].text("text").line, face_font(ctx, kLabelFace), width - 2 * pad, ctx.palette.text);
        gap(ctx, 0.5f);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float w = std::min(width - 2 * pad, std::max(button_width(ctx, understand, 8), button_width(ctx, understood, 8)));
        if (button(ctx, done ? understood : understand, ImRect(at, {at.x + w, at.y + h}), done ? ButtonKind::Primary : ButtonKind::Secondary,
                   {screen.items[i].text("text").line, done}) && !done)
            ctx.post({Intent::Confirm, static_cast<int>(i)});
        ImGui::SetCursorScreenPos({at.x, at.y + h});
        end_card(ctx, card, ctx.palette.surface, ctx.palette.card_border);
    }
    gap(ctx, 1.0f);
    const bool asked = std::find(session.questions.begin(), session.questions.end(), key) != session.questions.end();
    const std::string& label = shown.text(asked ? "consent.question_marked" : "consent.question");
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float w = std::min(width, std::max(button_width(ctx, shown.text("consent.question"), 8), button_width(ctx, shown.text("consent.question_marked"), 8)));
    if (button(ctx, label, ImRect(at, {at.x + w, at.y + h}), asked ? ButtonKind::Primary : ButtonKind::Secondary, {{}, asked}))
        ctx.post({Intent::AddQuestion});
    ImGui::SetCursorScreenPos({at.x, at.y + h});
}

// A question on the topic before it: its options; once answered, "That's right", or a kind
// explanation with the way back to the topic and the way to answer again.
void quiz_kind(UiContext& ctx, const Kiosk& kiosk, const ShownScreen& screen, float width) {
    const Presentation& shown = kiosk.shown();
    const auto answer = kiosk.session().answers.find(kiosk.screen_key());
    const int chosen = answer == kiosk.session().answers.end() ? -1 : answer->second;
    const float e = em(ctx), pad = 1.0f * e, h = ctx.metrics.button_height();
    draw_text(ctx, screen.text("question").line, face_font(ctx, kHeadingFace), width, ctx.palette.text);
    gap(ctx, 0.8f);
    ImFont* font = ctx.fonts.face(Style::Bold);
    for (size_t i = 0; i < screen.items.size(); ++i) {
        const std::string& option = screen.items[i].text("text").line;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float option_h = std::max(h, measure_text(ctx, option, font, width - 1.2f * e).y + 0.8f * e);
        const bool mine = static_cast<int>(i) == chosen;
        const ButtonKind kind = mine ? ButtonKind::Primary : chosen >= 0 ? ButtonKind::Disabled : ButtonKind::Secondary;
        if (button(ctx, option, ImRect(at, {at.x + width, at.y + option_h}), kind, {{}, mine}) && chosen < 0)
            ctx.post({Intent::Answer, static_cast<int>(i)});
        ImGui::SetCursorScreenPos({at.x, at.y + option_h + 0.5f * e});
    }
    if (chosen < 0) return;
    gap(ctx, 0.5f);
    Card card = begin_card(ctx, width, pad);
    if (screen.items[static_cast<size_t>(chosen)].flag) {
        draw_text(ctx, shown.text("quiz.right"), face_font(ctx, kHeadingFace), width - 2 * pad, ctx.palette.primary);
    } else {
        draw_text(ctx, shown.text("quiz.wrong"), face_font(ctx, kHeadingFace), width - 2 * pad, ctx.palette.primary);
        gap(ctx, 0.4f);
        draw_rich(ctx, screen.text("explanation").rich, width - 2 * pad, ctx.palette.text);
        gap(ctx, 0.8f);
        const std::string& again = shown.text("quiz.read_again");
        const std::string& retry = shown.text("quiz.try_again");
        const ImVec2 at = ImGui::GetCursorScreenPos();
        std::vector<ImRect> rects = flow({button_width(ctx, retry, 6), button_width(ctx, again, 6)}, at.x, at.x + width - 2 * pad, at.y, h, 0.5f * e);
        if (button(ctx, retry, rects[0], ButtonKind::Primary)) ctx.post({Intent::TryAgain});
        if (button(ctx, again, rects[1], ButtonKind::Secondary)) ctx.post({Intent::ReadAgain});
        ImGui::SetCursorScreenPos({at.x, rects.back().Max.y});
    }
    end_card(ctx, card, ctx.palette.accent, ctx.palette.card_border);
}

// An item's own page (a route): a way back to all of them, then what the item shows when open.
void item_page(UiContext& ctx, const Presentation& shown, const ShownScreen& screen, const ShownItem& item, float width) {
    const float e = em(ctx);
    const float bh = ctx.metrics.button_height();
    const std::string& all = shown.text("routes.all");
    const float w = button_width(ctx, all, 6) + e;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (button(ctx, all, ImRect(at, {at.x + w, at.y + bh}), ButtonKind::Quiet)) ctx.post({Intent::Back});
    chevron(ctx, ImGui::GetWindowDrawList(), {at.x + 0.7f * e, at.y + bh / 2}, 0.7f * e, ctx.palette.primary, false);
    ImGui::SetCursorScreenPos({at.x, at.y + bh + 0.5f * e});
    const std::vector<FieldSpec>& fields = screen.kind->list.fields;
    for (size_t f = 0; f < fields.size(); ++f) {
        if (!shows(fields[f].shown, true)) continue;
        if (fields[f].faces & kTitleFace) screen_title(ctx, item.texts[f].line, width);
        else field(ctx, fields[f], item.texts[f], width, kBodyFace, ctx.palette.text);
    }
}

void ask_care_team(UiContext& ctx, const Presentation& shown, float width) {
    const float pad = 1.0f * em(ctx);
    Card card = begin_card(ctx, width, pad);
    draw_text(ctx, shown.text("ask.title"), face_font(ctx, kHeadingFace), width - 2 * pad, ctx.palette.primary);
    gap(ctx, 0.3f);
    draw_text(ctx, shown.text("ask.body"), ctx.fonts.body[0], width - 2 * pad, ctx.palette.text);
    end_card(ctx, card, ctx.palette.accent, ctx.palette.card_border);
}

}  // namespace

const std::map<std::string_view, DrawKind>& kind_drawers() {
    static const std::map<std::string_view, DrawKind> drawers = {
        {"text", text_kind},
        {"faq", faq_kind},
        {"timeline", timeline_kind},
        {"compare", compare_kind},
        {"routes", routes_kind},
        {"topic", topic_kind},
        {"quiz", quiz_kind},
    };
    return drawers;
}

void module_screen(UiContext& ctx, const Kiosk& kiosk, const ImRect& display) {
    const Presentation& shown = kiosk.shown();
    const Session& session = kiosk.session();
    const ShownModule& module = *kiosk.current_module();
    const ShownScreen& screen = *kiosk.current_screen();
    const float e = em(ctx);
    const float margin = ctx.metrics.margin();
    ImDrawList* draw = ImGui::GetWindowDrawList();

    // Top bar: Home on the left, the module and where we are in it between, progress beneath.
    ImRect free;
    float bar = top_bar(ctx, kiosk, display, true, true, &free);
    const int total = static_cast<int>(module.screens.size());
    const std::string progress = shown.text("nav.progress", {{"current", double(session.screen + 1)}, {"total", double(total)}});
    const ImVec2 progress_size = measure_text(ctx, progress, ctx.fonts.body[0], 8 * e);
    const bool in_bar = session.speech == Speech::Off && free.GetWidth() >= progress_size.x + 6 * e;
    if (!in_bar) {  // a line of its own under the bar
        free = ImRect({display.Min.x + margin, bar}, {display.Max.x - margin, bar + progress_size.y});
        bar = free.Max.y;
    } else {
        bar = display.Min.y + ctx.metrics.bar_height();
    }
    const float text_y = in_bar ? free.GetCenter().y : free.Min.y + progress_size.y / 2;
    const float title_right = free.Max.x - progress_size.x - e;
    if (title_right - free.Min.x > 4 * e) {
        const float title_h = measure_text(ctx, module.title, ctx.fonts.small, title_right - free.Min.x).y;
        if (title_h <= 1.5f * ctx.fonts.small->FontSize * ctx.metrics.line_spacing()) {  // one line, or it is left out
            ImGui::SetCursorScreenPos({free.Min.x, std::round(text_y - title_h / 2)});
            draw_text(ctx, module.title, ctx.fonts.small, title_right - free.Min.x, ctx.palette.text_muted, in_bar ? 0.5f : 0.f);
        }
    }
    ImGui::SetCursorScreenPos({free.Max.x - progress_size.x, std::round(text_y - progress_size.y / 2)});
    draw_text(ctx, progress, ctx.fonts.body[0], progress_size.x, ctx.palette.text_muted);
    // Progress: one segment per screen, filled up to this one.
    const float seg_gap = 0.25f * e;
    const float seg_w = (display.GetWidth() - 2 * margin - seg_gap * (total - 1)) / total;
    const float seg_y = bar + 0.35f * e;
    for (int i = 0; i < total; ++i) {
        const float x = display.Min.x + margin + i * (seg_w + seg_gap);
        const ImRect segment = ctx.mirror.rect(ImRect({x, seg_y}, {x + seg_w, seg_y + 0.22f * e}));
        draw->AddRectFilled(segment.Min, segment.Max, i <= session.screen ? ctx.palette.primary : ctx.palette.outline, 0.11f * e);
    }

    // Preparing consent: "I'd like to stop" always in reach above the bar, and beside it, in
    // words, what Next waits for.
    const bool consent = screen.kind->consent && session.page.empty();
    const float bh = ctx.metrics.button_height();
    const Kiosk::Blocked blocked = kiosk.blocked();
    float content_bottom = bottom_bar_top(ctx, display);
    if (consent) {
        const std::string& stop = shown.text("consent.stop");
        const float stop_w = button_width(ctx, stop, 7);
        const float right = display.Max.x - margin, left = display.Min.x + margin;
        const bool last_screen = session.screen + 1 == total;
        // In the bar between Back and Next when there is room, else on a row of its own above it.
        const float bar_room = right - left - button_width(ctx, shown.text("nav.back"), 7) - button_width(ctx, shown.text(last_screen ? "nav.finish" : "nav.next"), 9);
        const bool in_bar = bar_room >= stop_w + 2 * e;
        const float bar_y = display.Max.y - margin - bh;
        const float y = in_bar ? bar_y : content_bottom - bh - 0.2f * e;
        const float stop_x = in_bar ? std::round(display.GetCenter().x - stop_w / 2) : right - stop_w;
        if (button(ctx, stop, ImRect({stop_x, y}, {stop_x + stop_w, y + bh}), ButtonKind::Secondary)) ctx.post({Intent::StopModule});
        content_bottom = in_bar ? content_bottom : y - 0.3f * e;
        const char* why = blocked == Kiosk::Blocked::ReadToEnd ? "consent.read_to_end"
                          : blocked == Kiosk::Blocked::Confirm ? "consent.acknowledge_first"
                          : blocked == Kiosk::Blocked::Answer  ? "consent.answer_first"
                                                               : nullptr;
        if (why) {  // what Next waits for, in words, just above the bar
            const float w = in_bar ? right - left : right - stop_w - e - left;
            const float text_h = measure_text(ctx, shown.text(why), ctx.fonts.small, w).y;
            const float text_y = in_bar ? content_bottom - text_h - 0.2f * e : std::round(y + bh / 2 - text_h / 2);
            ImGui::SetCursorScreenPos({left, text_y});
            draw_text(ctx, shown.text(why), ctx.fonts.small, w, ctx.palette.text);
            content_bottom = std::min(content_bottom, text_y - 0.3f * e);
        }
    }

    // The screen's content, scrolled by finger.
    const ImRect area({display.Min.x, seg_y + 0.6f * e}, {display.Max.x, content_bottom});
    const ShownItem* page = session.page.empty() ? nullptr : screen.item(session.page);
    const float top = begin_scroll(ctx, module.id + "/" + screen.id + "/" + session.page, area);
    const ImRect col = column(ctx, display);
    const float width = col.GetWidth();
    ImGui::SetCursorScreenPos({col.Min.x, top + 0.8f * e});
    if (page) {
        item_page(ctx, shown, screen, *page, width);
    } else {
        screen_title(ctx, screen.text("title").line, width);
        if (const ShownText& intro = screen.text("intro"); !intro.empty()) {
            draw_rich(ctx, intro.rich, width, ctx.palette.text);
            gap(ctx, 1.0f);
        }
        auto drawer = kind_drawers().find(screen.kind->name);
        if (drawer != kind_drawers().end()) drawer->second(ctx, kiosk, screen, width);
    }
    gap(ctx, 1.4f);
    ask_care_team(ctx, shown, width);
    gap(ctx, 2.5f);  // room to scroll the last words clear of the hint
    end_scroll(ctx, area);
    // Read to its end: it fits, or has been scrolled there (once ImGui knows its height).
    const ScrollState& s = ctx.scroll;
    if (blocked == Kiosk::Blocked::ReadToEnd && s.frames >= 2 && s.y >= s.max_y - 2) ctx.post({Intent::PageRead});

    const bool last = session.screen + 1 == total;
    BottomBar nav = bottom_bar(ctx, display, shown.text("nav.back"), shown.text(last ? "nav.finish" : "nav.next"), blocked == Kiosk::Blocked::No);
    if (nav.back) ctx.post({Intent::Back});
    if (nav.forward) ctx.post({Intent::Next});
}

// [SECTION] End, preparing, inactivity ======================================================

void end_screen(UiContext& ctx, const Kiosk& kiosk, const ImRect& display) {
    const Presentation& shown = kiosk.shown();
    const float bar = top_bar(ctx, kiosk, display, false, true);
    const ImRect col = column(ctx, display);
    const float e = em(ctx);
    const float h = ctx.metrics.button_height();
    const float width = std::min(col.GetWidth(), 18 * e);
    const Kiosk::EndTexts says = kiosk.end_texts();
    const ImRect area({display.Min.x, bar}, display.Max);
    const float top = begin_scroll(ctx, "end", area);
    const float body_h = measure_text(ctx, shown.text(says.title), ctx.fonts.title, col.GetWidth()).y +
                         measure_text(ctx, shown.text(says.body), ctx.fonts.body[0], col.GetWidth()).y + 2 * h + 4 * e;
    ImGui::SetCursorScreenPos({col.Min.x, top + std::max(ctx.metrics.margin(), std::round((area.GetHeight() - body_h) / 2))});
    screen_title(ctx, shown.text(says.title), col.GetWidth(), 0.5f);
    draw_text(ctx, shown.text(says.body), ctx.fonts.body[0], col.GetWidth(), ctx.palette.text, 0.5f);
    if (says.lists_questions) {  // the patient's own list, to show the clinician: nothing of it is kept
        gap(ctx, 1.2f);
        const float pad = 1.0f * e;
        Card card = begin_card(ctx, col.GetWidth(), pad);
        draw_text(ctx, shown.text("consent.questions_title"), face_font(ctx, kHeadingFace), col.GetWidth() - 2 * pad, ctx.palette.primary);
        gap(ctx, 0.4f);
        if (says.questions.empty()) {
            draw_text(ctx, shown.text("consent.no_questions"), ctx.fonts.body[0], col.GetWidth() - 2 * pad, ctx.palette.text);
        } else {
            RichText list;
            for (const std::string& q : says.questions) list.blocks.push_back({BlockKind::Bullet, 0, 0, {{q, Style::Regular}}});
            draw_rich(ctx, list, col.GetWidth() - 2 * pad, ctx.palette.text);
        }
        end_card(ctx, card, ctx.palette.surface, ctx.palette.card_border);
    }
    gap(ctx, 2);
    const float left = std::round(display.GetCenter().x - width / 2);
    float y = ImGui::GetCursorScreenPos().y;
    if (button(ctx, shown.text("end.restart"), ImRect({left, y}, {left + width, y + h}), ButtonKind::Primary))
        ctx.post({Intent::Restart});
    y += h + 0.7f * e;
    if (button(ctx, shown.text("nav.home"), ImRect({left, y}, {left + width, y + h}), ButtonKind::Secondary))
        ctx.post({Intent::Home});
    ImGui::SetCursorScreenPos({col.Min.x, y + h + 3 * e});  // room to scroll the buttons clear of the hint
    end_scroll(ctx, area);
}

void preparing_screen(UiContext& ctx, const Kiosk& kiosk, const ImRect& display) {
    const Presentation& shown = kiosk.shown();
    const ImRect col = column(ctx, display);
    const float e = em(ctx);
    const ImVec2 centre{display.GetCenter().x, display.Min.y + display.GetHeight() * 0.36f};
    ImGui::GetWindowDrawList()->AddCircleFilled(centre, 2.2f * e, ctx.palette.accent, 96);
    // With broken content even the interface words may be missing: then the mark stands alone.
    if (!shown.has_text("preparing.title")) return;
    ImGui::SetCursorScreenPos({col.Min.x, centre.y + 3.4f * e});
    screen_title(ctx, shown.text("preparing.title"), col.GetWidth(), 0.5f);
    if (shown.has_text("preparing.body"))
        draw_text(ctx, shown.text("preparing.body"), ctx.fonts.body[0], col.GetWidth(), ctx.palette.text_muted, 0.5f);
}

void language_picker(UiContext& ctx, const Kiosk& kiosk, const ImRect& display) {
    const Presentation& shown = *ctx.shown;
    const float e = em(ctx);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(display.Min, display.Max, ctx.palette.shade);
    const size_t languages = shown.language_names().size();
    const float h = ctx.metrics.button_height();
    const float width = std::min(20 * e, display.GetWidth() - 2 * ctx.metrics.margin());
    const float pad = 1.4f * e;
    const float inner = width - 2 * pad;
    const float title_h = measure_text(ctx, shown.text("language.title"), ctx.fonts.title, inner).y;
    const float list_h = static_cast<float>(languages + 1) * (h + 0.5f * e);
    const float content_h = title_h + 0.8f * e + list_h + 2 * pad;
    const float card_h = std::min(content_h, display.GetHeight() - 2 * e);  // with large text it scrolls
    const ImVec2 min{std::round(display.GetCenter().x - width / 2), std::round(display.GetCenter().y - card_h / 2)};
    const ImRect card(min, {min.x + width, min.y + card_h});
    // A tap outside the card closes it, as "Back" does.
    if (ctx.touch.tapped() && !card.Contains(ctx.touch.press_pos())) ctx.post({Intent::CloseLanguages});
    draw->AddRectFilled(card.Min, card.Max, ctx.palette.background, ctx.metrics.corner());
    card_edge(ctx, draw, card);
    const float top = begin_scroll(ctx, "languages", card, &ctx.overlay_scroll);
    ImGui::SetCursorScreenPos({min.x + pad, top + pad});
    screen_title(ctx, shown.text("language.title"), inner, 0.5f);
    float y = ImGui::GetCursorScreenPos().y;
    for (const auto& [locale, name] : shown.language_names()) {
        const bool current = locale == kiosk.session().locale;
        if (button(ctx, name, ImRect({min.x + pad, y}, {min.x + pad + inner, y + h}), current ? ButtonKind::Primary : ButtonKind::Secondary,
                   {{}, current}))
            ctx.post({Intent::ChooseLanguage, -1, locale});
        y += h + 0.5f * e;
    }
    if (button(ctx, shown.text("nav.back"), ImRect({min.x + pad, y}, {min.x + pad + inner, y + h}), ButtonKind::Quiet))
        ctx.post({Intent::CloseLanguages});
    ImGui::SetCursorScreenPos({min.x + pad, y + h + pad});
    end_scroll(ctx, card);
}

// Text size, contrast and motion, over the screen: each choice applies at once, and all go
// back to the clinic's defaults when the session ends. Scrolls when the text is large.
void settings_panel(UiContext& ctx, const Kiosk& kiosk, const ImRect& display) {
    const Presentation& shown = *ctx.shown;
    const Settings& now = kiosk.session().settings;
    const float e = em(ctx), h = ctx.metrics.button_height(), space = 0.5f * e, margin = ctx.metrics.margin();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(display.Min, display.Max, ctx.palette.shade);
    const float width = std::min(30 * e, display.GetWidth() - 2 * margin);
    const float pad = 1.2f * e, inner = width - 2 * pad;
    // As tall as its content was last frame (the first frame: all the room there is).
    const float room = display.GetHeight() - 2 * margin;
    const float card_h = std::min(room, ctx.overlay_content_h > 0 ? ctx.overlay_content_h + pad : room);
    const ImVec2 min{std::round(display.GetCenter().x - width / 2), std::round(display.GetCenter().y - card_h / 2)};
    const ImRect card(min, {min.x + width, min.y + card_h});
    if (ctx.touch.tapped() && !card.Contains(ctx.touch.press_pos())) ctx.post({Intent::CloseSettings});  // a tap outside: as Done
    draw->AddRectFilled(card.Min, card.Max, ctx.palette.background, ctx.metrics.corner());
    card_edge(ctx, draw, card);

    const ImRect area({card.Min.x, card.Min.y + pad / 2}, {card.Max.x, card.Max.y - pad / 2});
    const float top = begin_scroll(ctx, "settings", area, &ctx.overlay_scroll);
    ImGui::SetCursorScreenPos({min.x + pad, top + pad / 2});
    screen_title(ctx, shown.text("settings.title"), inner);
    // A setting's name, then its choices as buttons, the one in force filled.
    auto choices = [&](const char* name_key, const std::vector<std::string>& labels, int current, Intent::Kind kind) {
        const std::string& name = shown.text(name_key);
        draw_text(ctx, {{name, Style::Bold}}, body_style(ctx), inner, ctx.palette.text);
        gap(ctx, 0.3f);
        std::vector<float> widths;
        for (const std::string& label : labels) widths.push_back(std::max(button_width(ctx, label, 5), std::floor((inner - space * float(labels.size() - 1)) / float(labels.size()))));
        const float y = ImGui::GetCursorScreenPos().y;
        const std::vector<ImRect> rects = flow(widths, min.x + pad, min.x + pad + inner, y, h, space);
        for (size_t i = 0; i < labels.size(); ++i) {
            const bool on = static_cast<int>(i) == current;
            if (button(ctx, labels[i], rects[i], on ? ButtonKind::Primary : ButtonKind::Secondary, {name, on})) ctx.post({kind, static_cast<int>(i)});
        }
        ImGui::SetCursorScreenPos({min.x + pad, rects.back().Max.y + 1.0f * e});
    };
    choices("settings.size", {shown.text("settings.standard"), shown.text("settings.larger"), shown.text("settings.largest")},
            static_cast<int>(now.text_size), Intent::SetTextSize);
    const std::vector<std::string> off_on = {shown.text("settings.off"), shown.text("settings.on")};
    choices("settings.contrast", off_on, now.high_contrast, Intent::SetHighContrast);
    choices("settings.motion", off_on, now.reduced_motion, Intent::SetReducedMotion);
    draw_text(ctx, shown.text("settings.note"), ctx.fonts.small, inner, ctx.palette.text_muted);
    gap(ctx, 1.0f);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (button(ctx, shown.text("settings.done"), ImRect(at, {at.x + inner, at.y + h}), ButtonKind::Primary)) ctx.post({Intent::CloseSettings});
    ImGui::SetCursorScreenPos({at.x, at.y + h + pad / 2});
    const float content_h = ImGui::GetCursorScreenPos().y - top;
    if (std::fabs(content_h - ctx.overlay_content_h) > 0.5f) ctx.wants_frame = true;  // the card follows its content next frame
    ctx.overlay_content_h = content_h;
    end_scroll(ctx, area);
}

void idle_overlay(UiContext& ctx, const IdleState& idle, const ImRect& display) {
    const Presentation& shown = *ctx.shown;
    const float e = em(ctx);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(display.Min, display.Max, ctx.palette.shade);
    const std::string stay = shown.text("idle.stay");
    const float width = std::min(24 * e, display.GetWidth() - 2 * ctx.metrics.margin());
    const float pad = 1.4f * e;
    const float inner = width - 2 * pad;
    const float ring = 2.4f * e;
    const std::string body = shown.text("idle.body", {{"seconds", double(idle.seconds_left)}});
    const float h = measure_text(ctx, shown.text("idle.title"), ctx.fonts.title, inner).y + 0.8f * e + 2 * ring + 0.8f * e +
                    measure_text(ctx, body, ctx.fonts.body[0], inner).y + 1.2f * e + 1.3f * ctx.metrics.button_height();
    const ImVec2 min{std::round(display.GetCenter().x - width / 2), std::round(display.GetCenter().y - h / 2 - pad)};
    const ImRect card(min, {min.x + width, min.y + h + 2 * pad});
    draw->AddRectFilled(card.Min, card.Max, ctx.palette.background, ctx.metrics.corner());
    card_edge(ctx, draw, card);

    ImGui::SetCursorScreenPos({min.x + pad, min.y + pad});
    screen_title(ctx, shown.text("idle.title"), inner, 0.5f);
    // The seconds left, large, inside a ring.
    const ImVec2 c{display.GetCenter().x, ImGui::GetCursorScreenPos().y + ring};
    draw->AddCircle(c, ring - 0.1f * e, ctx.palette.primary, 64, 0.18f * e);
    const std::string seconds = shown.number(idle.seconds_left);
    const ImVec2 size = measure_text(ctx, seconds, ctx.fonts.display);
    ImGui::SetCursorScreenPos({std::round(c.x - ring), std::round(c.y - size.y / 2)});
    draw_text(ctx, seconds, ctx.fonts.display, 2 * ring, ctx.palette.primary, 0.5f);
    ImGui::SetCursorScreenPos({min.x + pad, c.y + ring + 0.8f * e});
    draw_text(ctx, body, ctx.fonts.body[0], inner, ctx.palette.text, 0.5f);
    gap(ctx, 1.2f);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    // Its button is the plain way to answer; a tap anywhere on the warning answers too.
    if (button(ctx, stay, ImRect(at, {at.x + inner, at.y + 1.3f * ctx.metrics.button_height()}), ButtonKind::Primary) || ctx.touch.tapped())
        ctx.post({Intent::StillHere});
}

}  // namespace anteroom::ui
