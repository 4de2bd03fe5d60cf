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

ImGuiContextScope::ImGuiContextScope() : context_(ImGui::CreateContext()) {
    ImGui::SetCurrentContext(context_);  // CreateContext makes it current only if none was
    configure_imgui();
}

ImGuiContextScope::~ImGuiContextScope() { ImGui::DestroyContext(context_); }

KioskUi::KioskUi() : imgui_(ImGui::GetCurrentContext()) { IM_ASSERT(imgui_ && "a KioskUi needs its ImGui context"); }

KioskUi::~KioskUi() { release_fonts(); }

void KioskUi::release_fonts() {
    if (context_fonts_) {
        ImGuiContext* current = ImGui::GetCurrentContext();
        ImGui::SetCurrentContext(imgui_);
        ImGui::GetIO().Fonts = context_fonts_;
        ImGui::SetCurrentContext(current);
    }
    context_fonts_ = nullptr;
    fonts_for_.clear();
}

// Which characters each font role needs, from everything the patient's language can show,
// placed in the faces screen_kinds.hpp and interface_keys() declare. Pieces are kept apart
// by newlines: Arabic letters must not join across two texts.
FontText font_text(const Kiosk& kiosk, const std::string& locale) {
    FontText t;
    auto add = [&t](unsigned faces, const std::string& text) {
        const std::pair<unsigned, std::string*> roles[] = {{kBodyFace, &t.body},   {kLabelFace, &t.labels}, {kHeadingFace, &t.headings},
                                                           {kNoteFace, &t.notes},  {kTitleFace, &t.titles}, {kDisplayFace, &t.display}};
        for (const auto& [face, role] : roles)
            if (faces & face) *role += text + '\n';
    };
    auto shown = [&](const FieldSpec& f, const ShownText& text) {
        if (f.form == TextForm::Plain) return add(f.faces, text.line);
        for (const Block& b : text.rich.blocks)  // emphasis and headings have faces of their own
            for (const Span& s : b.spans) {
                if (b.kind == BlockKind::Heading) add(b.level <= 2 ? kHeadingFace : kLabelFace, s.text);
                else add(s.style == Style::Regular ? kBodyFace : kLabelFace, s.text);
            }
    };
    for (const Presentation* p : kiosk.in_use(locale)) {
        const std::string fallback_name = locale_name_in(kiosk.config().fallback_locale, p->locale);
        for (const InterfaceKey& k : interface_keys()) {
            add(kBodyFace | kLabelFace | k.faces, p->text(k.key));
            // Texts with their own parameters: every plural form (Arabic has six) and the language names.
            for (double n : {0.0, 1.0, 2.0, 3.0, 11.0, 100.0}) {
                if (k.extra_params.empty()) break;
                Params extra;
                for (const std::string& name : k.extra_params) extra[name] = name == "language" ? ParamValue(fallback_name) : ParamValue(n);
                add(kBodyFace | k.faces, p->text(k.key, extra));
            }
        }
        for (const ShownModule& m : p->modules) {
            add(kHeadingFace | kNoteFace, m.title);
            add(kBodyFace, m.summary);
            add(kNoteFace, m.reading_time + '\n' + m.fallback_note);
            for (const ShownScreen& s : m.screens) {
                for (size_t f = 0; f < s.texts.size(); ++f) shown(s.kind->fields[f], s.texts[f]);
                for (const ShownItem& item : s.items)
                    for (size_t f = 0; f < item.texts.size(); ++f) shown(s.kind->list.fields[f], item.texts[f]);
            }
        }
        for (const auto& [other, name] : p->language_names()) t.names += name + '\n';
    }
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
    t.notes = p.text("attract.privacy") + "\n" + (p.has_text("attract.sample") ? p.text("attract.sample") : std::string());
    t.body = p.text("preparing.body");
    t.labels = p.text("speech.read") + "\n" + p.text("speech.stop") + "\n" + p.text("settings.open");  // its buttons
    return t;
}

bool first_screen(const Kiosk& kiosk) {
    return kiosk.session().place == Place::Attract || kiosk.session().place == Place::Preparing;
}

std::string atlas_key(const std::string& locale, float em, bool first) {
    return locale + "@" + std::to_string(em) + (first ? "/attract" : "/all");
}

}  // namespace

bool KioskUi::prepare(const Kiosk& kiosk, ImVec2 display, float display_diagonal_in) {
    // The clinic's word for the screen's size before the display's own report, often wrong.
    const ClinicConfig& config = kiosk.config();
    const float diagonal = config.screen_diagonal_in > 0 ? static_cast<float>(config.screen_diagonal_in) : display_diagonal_in;
    const float em = em_for_display(display, diagonal, text_scale(kiosk.session().settings.text_size));
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
    ctx_.metrics.text_line_spacing = atlas.fonts.line_spacing;
    ctx_.metrics.headings_line_spacing = atlas.fonts.heading_line_spacing;
    ctx_.touch.set_slop(ctx_.metrics.tap_slop());
    wipe_layout_cache(ctx_);  // its keys name the old fonts
    return true;
}

bool KioskUi::remembers(const std::string& words) const {
    for (const auto& [key, laid] : ctx_.layout_cache) {
        if (key.find(words) != std::string::npos) return true;
        for (const LaidRun& run : laid.runs)
            if (run.text.find(words) != std::string::npos) return true;
    }
    return false;
}

void KioskUi::forget_session() {
    wipe_layout_cache(ctx_);
    ctx_.scroll = ScrollState{};
    ctx_.overlay_scroll = ScrollState{};
    ctx_.touch.cancel();
    ctx_.focus = Focus{};  // its targets hold the words of the last screen
}

UiFrame KioskUi::frame(const Kiosk& kiosk, double now) {
    const ImGuiIO& io = ImGui::GetIO();
    ctx_.touch.update(io);
    const IdleState idle = kiosk.idle(now);
    const Session& session = kiosk.session();
    ctx_.settings = session.settings;
    ctx_.palette = session.settings.high_contrast ? high_contrast_palette() : Palette{};

    ctx_.shown = &kiosk.shown();
    auto& layout = ctx_.layouts[ctx_.shown->locale];
    if (!layout) layout = std::make_unique<TextLayout>(ctx_.shown->locale, ctx_.shown->rtl);
    ctx_.layout = layout.get();
    ctx_.probe.clear();
    ctx_.intents.clear();
    ctx_.wants_frame = false;
    ctx_.scroll.used = false;
    ctx_.overlay_scroll.used = false;
    const ImRect display({0, 0}, io.DisplaySize);
    ctx_.probe.screen = display;
    ctx_.mirror = {ctx_.shown->rtl, display.Min.x + display.Max.x};
    const bool key = handle_keys(ctx_);
    const int escape = ImGui::GetKeyIndex(ImGuiKey_Escape);
    if (escape >= 0 && ImGui::IsKeyPressed(escape, false) && !idle.warning) {  // Escape closes what is open over the screen
        if (session.settings_open) ctx_.post({Intent::CloseSettings});
        else if (session.choosing_language) ctx_.post({Intent::CloseLanguages});
    }

    ImGui::GetBackgroundDrawList()->AddRectFilled(display.Min, display.Max, ctx_.palette.background);
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(io.DisplaySize);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav;
    ImGui::Begin("##screen", nullptr, kFlags | ImGuiWindowFlags_NoBringToFrontOnFocus);
    const bool picker = session.choosing_language, settings = session.settings_open;
    ctx_.input_enabled = !idle.warning && !picker && !settings;
    switch (kiosk.session().place) {
    case Place::Preparing: preparing_screen(ctx_, kiosk, display); break;
    case Place::Attract: attract_screen(ctx_, kiosk, display); break;
    case Place::Language: language_screen(ctx_, kiosk, display); break;
    case Place::Home: home_screen(ctx_, kiosk, display); break;
    case Place::Module: module_screen(ctx_, kiosk, display); break;
    case Place::End: end_screen(ctx_, kiosk, display); break;
    }
    ImGui::End();

    // Any key on the attract screen begins, as a touch anywhere does.
    if (key && session.place == Place::Attract && ctx_.input_enabled && ctx_.intents.empty()) ctx_.post({Intent::Begin});

    if (picker) {
        ctx_.input_enabled = !idle.warning;
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("##languages", nullptr, kFlags);
        language_picker(ctx_, kiosk, display);
        ImGui::End();
    }

    if (settings) {
        ctx_.input_enabled = !idle.warning;
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("##settings", nullptr, kFlags);
        settings_panel(ctx_, kiosk, display);
        ImGui::End();
    }

    if (idle.warning) {
        // The warning takes every touch until it is answered: a tap on its button, or anywhere
        // on it, means someone is here. Nothing under it can be pressed meanwhile.
        ctx_.input_enabled = true;
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("##idle", nullptr, kFlags);
        idle_overlay(ctx_, idle, display);
        ImGui::End();
    }

    draw_focus(ctx_);
    if (!ctx_.scroll.used) ctx_.scroll = ScrollState{};
    if (!ctx_.overlay_scroll.used) ctx_.overlay_scroll = ScrollState{}, ctx_.overlay_content_h = 0;
    // Once the first screen is up (a few frames in: not competing with the first one), the
    // worker builds every language's full atlas, this one first.
    if (++frames_drawn_ == 3) {
        std::deque<FontAtlases::Job> jobs;
        const float em = ctx_.metrics.em;
        jobs.push_back({atlas_key(kiosk.session().locale, em, false), em, kiosk.session().locale, font_text(kiosk, kiosk.session().locale)});
        for (const std::string& other : kiosk.locales())
            if (other != kiosk.session().locale) jobs.push_back({atlas_key(other, em, false), em, other, font_text(kiosk, other)});
        atlases_.prebuild(std::move(jobs));
    } else if (frames_drawn_ > 3) {
        atlases_.assemble_drawn();  // what the worker drew since: made ready here, not at the switch
    }
    UiFrame result;
    // A key during the warning answers it, as a touch does (the warning's button is in focus reach too).
    result.touched = (!idle.warning && (ctx_.touch.active() || io.MouseWheel != 0)) || key;
    result.intents = std::move(ctx_.intents);
    result.announce = std::move(ctx_.focus.announce);
    if (!result.intents.empty()) ctx_.wants_frame = true;
    return result;
}

}  // namespace anteroom::ui
