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

KioskUi::~KioskUi() { release_fonts(); }

void KioskUi::release_fonts() {
    if (context_fonts_ && ImGui::GetCurrentContext()) ImGui::GetIO().Fonts = context_fonts_;
    context_fonts_ = nullptr;
    fonts_for_.clear();
}

// Which characters each font role needs, from everything the patient's language can show
// (each role follows where screens.cpp and widgets.cpp use its font). Pieces are kept apart
// by newlines: Arabic letters must not join across two texts.
FontText font_text(const Kiosk& kiosk, const std::string& locale) {
    FontText t;
    auto add = [](std::string& role, const std::string& text) {
        role += text;
        role += '\n';
    };
    auto rich = [&](const RichText& text) {  // emphasis and headings have faces of their own
        for (const Block& b : text.blocks)
            for (const Span& s : b.spans) {
                if (b.kind == BlockKind::Heading) add(b.level <= 2 ? t.headings : t.labels, s.text);
                else add(s.style == Style::Regular ? t.body : t.labels, s.text);
            }
    };
    for (const Presentation* p : kiosk.in_use(locale)) {
        const std::string fallback_name = locale_name_in(kiosk.config().fallback_locale, p->locale);
        for (const InterfaceKey& k : interface_keys()) {
            const std::string text = p->text(k.key);
            add(t.body, text);  // body text, notices and hints: most are drawn regular
            add(t.labels, text);
            if (k.extra_params.empty()) continue;
            // Texts with their own parameters: every plural form (Arabic has six) and the language names.
            for (double n : {0.0, 1.0, 2.0, 3.0, 11.0, 100.0}) {
                Params extra;
                for (const std::string& name : k.extra_params) extra[name] = name == "language" ? ParamValue(fallback_name) : ParamValue(n);
                const std::string with_params = p->text(k.key, extra);
                add(t.body, with_params);
                add(t.notes, with_params);
            }
        }
        for (const char* key : {"attract.privacy", "scroll.more"}) add(t.notes, p->text(key));
        for (const char* key : {"attract.touch", "language.title", "home.title", "end.title", "idle.title", "preparing.title"})
            add(t.titles, p->text(key));
        add(t.headings, p->text("ask.title"));
        add(t.display, p->text("attract.welcome"));
        for (const ShownModule& m : p->modules) {
            add(t.body, m.summary);
            add(t.headings, m.title);
            add(t.notes, m.title);
            for (const ShownScreen& s : m.screens) {
                add(t.titles, s.title);
                rich(s.intro);
                rich(s.body);
                for (const ShownQuestion& q : s.questions) add(t.labels, q.question), rich(q.answer);
                for (const ShownStep& st : s.steps) add(t.headings, st.title), rich(st.body);
                for (const ShownRoute& r : s.routes) {
                    add(t.body, r.summary);
                    add(t.headings, r.title);
                    add(t.titles, r.title);
                    rich(r.body);
                }
            }
        }
    }
    for (const std::string& other : kiosk.locales()) add(t.names, locale_native_name(other));
    return t;
}

namespace {

// Until someone touches the screen only the attract screen shows: its few words make a small
// atlas that builds in milliseconds, so the kiosk is up fast; the full one follows.
FontText attract_text(const Kiosk& kiosk) {
    const Presentation& p = kiosk.shown();
    FontText t;
    t.display = p.text("attract.welcome");
    t.titles = p.text("attract.touch") + "\n" + p.text("preparing.title");
    t.notes = p.text("attract.privacy");
    t.body = p.text("preparing.body");
    return t;
}

bool first_screen(const Kiosk& kiosk) {
    return kiosk.session().place == Place::Attract || kiosk.session().place == Place::Preparing;
}

std::string atlas_key(const std::string& locale, float em, bool first) {
    return locale + "@" + std::to_string(em) + (first ? "/attract" : "/all");
}

}  // namespace

bool KioskUi::prepare(const Kiosk& kiosk, ImVec2 display) {
    const float em = em_for_display(display);
    const std::string& locale = kiosk.session().locale;
    const bool first = first_screen(kiosk);
    const std::string key = atlas_key(locale, em, first);
    if (key == fonts_for_) return false;
    // Usually ready: built by the worker while the patient read. Otherwise built now.
    FontAtlases::Atlas& atlas = atlases_.has(key)
                                    ? atlases_.get({key})
                                    : atlases_.get({key, em, locale, first ? attract_text(kiosk) : font_text(kiosk, locale)});
    ImGuiIO& io = ImGui::GetIO();
    if (!context_fonts_) context_fonts_ = io.Fonts;
    io.Fonts = &atlas.atlas;
    fonts_for_ = key;
    font_error_ = atlas.error;
    ctx_.fonts = atlas.fonts;
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
    // Once the first screen is up (a few frames in: not competing with the first one), the
    // worker builds every language's full atlas, this one first.
    if (++frames_drawn_ == 3) {
        std::deque<FontAtlases::Job> jobs;
        const float em = ctx_.metrics.em;
        jobs.push_back({atlas_key(kiosk.session().locale, em, false), em, kiosk.session().locale, font_text(kiosk, kiosk.session().locale)});
        for (const std::string& other : kiosk.locales())
            if (other != kiosk.session().locale) jobs.push_back({atlas_key(other, em, false), em, other, font_text(kiosk, other)});
        atlases_.prebuild(std::move(jobs));
    }
    if (kiosk.session().place != place_before || !ctx_.intents.empty()) ctx_.wants_frame = true;
    if (kiosk.session().place == Place::Attract && place_before != Place::Attract) ctx_.touch.cancel();
}

}  // namespace anteroom::ui
