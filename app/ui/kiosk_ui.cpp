#include "ui/kiosk_ui.hpp"

#include "ui/screens.hpp"

namespace anteroom::ui {

void configure_imgui() {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing about a session is written to disk
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange | ImGuiConfigFlags_IsTouchScreen;
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowPadding = {0, 0};
    style.ItemSpacing = {0, 0};
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.WindowRounding = 0;
}

KioskUi::KioskUi() = default;

namespace {

// Which characters each font role needs, from everything the patient's language can show
// (each role follows where screens.cpp and widgets.cpp use its font). Pieces are kept apart
// by newlines: Arabic letters must not join across two texts.
FontText font_text(const Kiosk& kiosk) {
    FontText t;
    auto add = [](std::string& role, const std::string& text) {
        role += text;
        role += '\n';
    };
    auto rich = [&](const RichText& text) {  // emphasis and headings have faces of their own
        for (const Block& b : text.blocks)
            for (const Span& s : b.spans) {
                if (b.kind == BlockKind::Heading) add(b.level <= 2 ? t.headings : t.labels, s.text);
                else if (s.style != Style::Regular) add(t.labels, s.text);
            }
    };
    for (const Presentation* p : kiosk.in_use()) {
        add(t.body, p->all_text());
        for (const InterfaceKey& k : interface_keys()) {
            add(t.labels, p->text(k.key));
            // Texts with their own parameters: every plural form (Arabic has six) and the language names.
            for (double n : {0.0, 1.0, 2.0, 3.0, 11.0, 100.0}) {
                Params extra;
                for (const std::string& name : k.extra_params)
                    extra[name] = name == "language" ? ParamValue(locale_name_in(kiosk.config().fallback_locale, p->locale)) : ParamValue(n);
                if (!extra.empty()) add(t.body, p->text(k.key, extra)), add(t.notes, p->text(k.key, extra));
            }
        }
        for (const char* key : {"attract.privacy", "scroll.more"}) add(t.notes, p->text(key));
        for (const char* key : {"attract.touch", "language.title", "home.title", "end.title", "idle.title", "preparing.title"})
            add(t.titles, p->text(key));
        add(t.headings, p->text("ask.title"));
        add(t.display, p->text("attract.welcome"));
        for (const ShownModule& m : p->modules) {
            add(t.headings, m.title);
            add(t.notes, m.title);
            for (const ShownScreen& s : m.screens) {
                add(t.titles, s.title);
                rich(s.intro);
                rich(s.body);
                for (const ShownQuestion& q : s.questions) add(t.labels, q.question), rich(q.answer);
                for (const ShownStep& st : s.steps) add(t.headings, st.title), rich(st.body);
                for (const ShownRoute& r : s.routes) {
                    add(t.headings, r.title);
                    add(t.titles, r.title);
                    rich(r.body);
                }
            }
        }
    }
    for (const std::string& locale : kiosk.locales()) add(t.names, locale_native_name(locale));
    return t;
}

}  // namespace

bool KioskUi::prepare(const Kiosk& kiosk, ImVec2 display) {
    const float em = em_for_display(display);
    const std::string& locale = kiosk.session().locale;  // fallback text is in the atlas too
    const std::string want = locale + "@" + std::to_string(em);
    if (want == fonts_for_) return false;
    fonts_for_ = want;
    font_error_.clear();
    build_fonts(*ImGui::GetIO().Fonts, font_files_, em, locale, font_text(kiosk), &ctx_.fonts, &font_error_);
    ctx_.metrics.em = em;
    ctx_.touch.set_slop(ctx_.metrics.tap_slop());
    ctx_.layout_cache.clear();
    return true;
}

void KioskUi::frame(Kiosk& kiosk, double now) {
    const ImGuiIO& io = ImGui::GetIO();
    ctx_.touch.update(io);
    // Any touch answers "Are you still there?"; that whole gesture then belongs to the overlay.
    if (ctx_.touch.pressed() && kiosk.idle(now).warning) swallow_gesture_ = true;
    if (ctx_.touch.active() || io.MouseWheel != 0) kiosk.touched(now);
    kiosk.tick(now);

    const Place place_before = kiosk.session().place;
    ctx_.shown = &kiosk.shown();
    auto& layout = ctx_.layouts[ctx_.shown->locale];
    if (!layout) layout = std::make_unique<TextLayout>(ctx_.shown->locale, ctx_.shown->rtl);
    ctx_.layout = layout.get();
    ctx_.probe.clear();
    ctx_.intents.clear();
    ctx_.wants_frame = false;
    ctx_.scroll.used = false;
    const ImRect display({0, 0}, io.DisplaySize);
    ctx_.probe.screen = display;
    ctx_.mirror = {ctx_.shown->rtl, display.Min.x + display.Max.x};
    const IdleState idle = kiosk.idle(now);

    ImGui::GetBackgroundDrawList()->AddRectFilled(display.Min, display.Max, ctx_.palette.background);
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(io.DisplaySize);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav;
    ImGui::Begin("##screen", nullptr, kFlags | ImGuiWindowFlags_NoBringToFrontOnFocus);
    const bool picker = kiosk.session().choosing_language;
    ctx_.input_enabled = !idle.warning && !swallow_gesture_ && !picker;
    switch (kiosk.session().place) {
    case Place::Preparing: preparing_screen(ctx_, kiosk, display); break;
    case Place::Attract: attract_screen(ctx_, kiosk, display); break;
    case Place::Language: language_screen(ctx_, kiosk, display); break;
    case Place::Home: home_screen(ctx_, kiosk, display); break;
    case Place::Module: module_screen(ctx_, kiosk, display); break;
    case Place::End: end_screen(ctx_, kiosk, display); break;
    }
    ImGui::End();

    if (picker) {
        ctx_.input_enabled = !idle.warning && !swallow_gesture_;
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("##languages", nullptr, kFlags);
        language_picker(ctx_, kiosk, display);
        ImGui::End();
    }

    if (idle.warning) {
        ctx_.input_enabled = true;
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("##idle", nullptr, kFlags);
        idle_overlay(ctx_, idle, display);
        ImGui::End();
    }

    if (!ctx_.scroll.used) ctx_.scroll = ScrollState{};
    if (ctx_.touch.released()) swallow_gesture_ = false;
    for (const Intent& intent : ctx_.intents) kiosk.apply(intent, now);
    if (kiosk.session().place != place_before || !ctx_.intents.empty()) ctx_.wants_frame = true;
    if (kiosk.session().place == Place::Attract && place_before != Place::Attract) ctx_.touch.cancel();
}

}  // namespace anteroom::ui
