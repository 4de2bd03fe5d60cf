#include "core/reading.hpp"

#include <algorithm>

#include "core/sha256.hpp"

namespace anteroom {

std::string Reading::text() const {
    std::string out;
    for (const Span& s : spans) out += s.text;
    return out;
}

namespace {

class Writer {
public:
    Writer(std::string name, const Presentation& p) : p_(p) { page_.name = std::move(name), page_.locale = p.locale; }

    void line(Reading::Kind kind, const std::string& text, int level = 0) {
        if (!text.empty()) page_.lines.push_back({kind, level, {{text, Style::Regular}}});
    }
    void key(Reading::Kind kind, const char* key, int level = 0) { line(kind, p_.text(key), level); }
    void button(const char* key) { line(Reading::Button, p_.text(key)); }

    // A declared field: plain text read as the face it is drawn in says, Markdown block by block.
    void field(const FieldSpec& f, const ShownText& t, bool own_page) {
        if (f.form == TextForm::Plain) {
            if (f.faces & kTitleFace && (own_page || !(f.faces & kHeadingFace))) line(Reading::Heading, t.line, 1);
            else if (f.faces & kHeadingFace) line(Reading::Heading, t.line, 2);
            else if (f.faces & kLabelFace) line(Reading::Heading, t.line, 3);
            else if (f.faces & kNoteFace) line(Reading::Note, t.line);
            else line(Reading::Paragraph, t.line);
            return;
        }
        for (const Block& b : t.rich.blocks) {
            switch (b.kind) {
            case BlockKind::Heading: page_.lines.push_back({Reading::Heading, b.level, b.spans}); break;
            case BlockKind::Paragraph: page_.lines.push_back({Reading::Paragraph, 0, b.spans}); break;
            case BlockKind::Bullet: page_.lines.push_back({Reading::ListItem, 0, b.spans}); break;
            case BlockKind::Numbered: page_.lines.push_back({Reading::ListItem, b.number, b.spans}); break;
            }
        }
    }

    const Presentation& p() const { return p_; }
    ReadingPage take() { return std::move(page_); }

private:
    const Presentation& p_;
    ReadingPage page_;
};

void tools(Writer& w);

// A module screen as it stands: the top bar, the content its kind declares, the
// "Questions?" card, the way on.
// A screen that prepares consent, as it stands for this session (null: everything it can show,
// for the transcript): its points and their "I understand", a quiz's options, and what an
// answer brings.
void consent_screen(Writer& w, const ShownModule& m, const ShownScreen& s, const Session* session) {
    const KindSpec& kind = *s.kind;
    const std::string key = m.id + "/" + s.id;
    const bool quiz = !kind.list.flag.empty();
    const auto answer = session ? session->answers.find(key) : std::map<std::string, int>::const_iterator{};
    const int chosen = session && answer != session->answers.end() ? answer->second : -1;
    const bool wrong = chosen >= 0 && !s.items[static_cast<size_t>(chosen)].flag;
    for (size_t f = 0; f < kind.fields.size(); ++f)
        if (!(quiz && kind.fields[f].key == "explanation")) w.field(kind.fields[f], s.texts[f], false);
    for (size_t i = 0; i < s.items.size(); ++i) {
        const std::string& text = s.items[i].text("text").line;
        if (quiz) {
            w.line(Reading::Button, text);
            continue;
        }
        w.line(Reading::Paragraph, text);
        const bool done = session && session->confirmed.contains(key + "/" + std::to_string(i));
        w.button(done ? "consent.understood" : "consent.understand");
    }
    if (quiz) {
        if (!session || (chosen >= 0 && !wrong)) w.key(Reading::Heading, "quiz.right", 2);
        if (!session || wrong) {
            w.key(Reading::Heading, "quiz.wrong", 2);
            w.field(kind.fields[static_cast<size_t>(kind.field_index("explanation"))], s.text("explanation"), false);
            w.button("quiz.try_again");
            w.button("quiz.read_again");
        }
    } else {
        const bool asked = session && std::find(session->questions.begin(), session->questions.end(), key) != session->questions.end();
        w.button(asked ? "consent.question_marked" : "consent.question");
        if (!session) w.button("consent.question_marked");
    }
}

void module_screen(Writer& w, const ShownModule& m, size_t index, const std::set<int>& open, const std::string& page_id,
                   const Session* session = nullptr, Kiosk::Blocked blocked = Kiosk::Blocked::No) {
    const Presentation& p = w.p();
    const ShownScreen& s = m.screens[index];
    const KindSpec& kind = *s.kind;
    w.line(Reading::Note, m.title);
    w.line(Reading::Note, p.text("nav.progress", {{"current", double(index + 1)}, {"total", double(m.screens.size())}}));
    if (kind.consent && page_id.empty()) {
        consent_screen(w, m, s, session);
    } else if (const ShownItem* page = page_id.empty() ? nullptr : s.item(page_id)) {
        w.button("routes.all");
        for (size_t f = 0; f < kind.list.fields.size(); ++f)
            if (shows(kind.list.fields[f].shown, true)) w.field(kind.list.fields[f], page->texts[f], true);
    } else {
        for (size_t f = 0; f < kind.fields.size(); ++f) w.field(kind.fields[f], s.texts[f], false);
        for (size_t i = 0; i < s.items.size(); ++i) {
            const bool is_open = open.contains(static_cast<int>(i));
            for (size_t f = 0; f < kind.list.fields.size(); ++f)
                if (shows(kind.list.fields[f].shown, is_open)) w.field(kind.list.fields[f], s.items[i].texts[f], false);
            if (kind.list.action == ItemAction::OpenPage) w.button("routes.open");
        }
    }
    w.key(Reading::Heading, "ask.title", 2);
    w.key(Reading::Paragraph, "ask.body");
    w.button("nav.home");
    tools(w);
    w.button("nav.language");
    if (kind.consent) {  // above the bar: what Next waits for, and the way to stop
        const bool quiz = !kind.list.flag.empty();
        // What Next waits for: as it stands, or for the transcript every note the screen can show.
        if (session ? blocked == Kiosk::Blocked::ReadToEnd : !quiz) w.key(Reading::Note, "consent.read_to_end");
        if (session ? blocked == Kiosk::Blocked::Confirm : !quiz && !s.items.empty()) w.key(Reading::Note, "consent.acknowledge_first");
        if (session ? blocked == Kiosk::Blocked::Answer : quiz) w.key(Reading::Note, "consent.answer_first");
        w.button("consent.stop");
    }
    w.button("nav.back");
    w.button(index + 1 == m.screens.size() ? "nav.finish" : "nav.next");
}

// On every screen, beside the language: reading aloud and the display settings.
void tools(Writer& w) {
    w.button("speech.read");
    w.button("settings.open");
}

std::string screen_name(const ShownModule& m, size_t index, const std::string& page) {
    std::string name = m.id + " " + std::to_string(index + 1) + "/" + std::to_string(m.screens.size()) + ": " + m.screens[index].id;
    return page.empty() ? name : name + " (" + page + ")";
}

void attract(Writer& w, bool sample) {
    w.key(Reading::Heading, "attract.welcome", 1);
    w.button("attract.touch");
    if (sample) w.key(Reading::Note, "attract.sample");
    w.key(Reading::Note, "attract.privacy");
    tools(w);
}

void languages(Writer& w) {
    w.key(Reading::Heading, "language.title", 1);
    for (const auto& [locale, name] : w.p().language_names()) w.line(Reading::Button, name);
    w.button("nav.back");
}

void language_screen(Writer& w) {
    languages(w);
    tools(w);
}

void home(Writer& w) {
    w.key(Reading::Heading, "home.title", 1);
    for (const ShownModule& m : w.p().modules) {
        w.line(Reading::Heading, m.title, 2);
        w.line(Reading::Paragraph, m.summary);
        w.line(Reading::Note, m.reading_time);
        w.line(Reading::Note, m.fallback_note);
    }
    tools(w);
    w.button("nav.language");
    w.button("nav.back");
}

// The end of a module: thanks, or for consent the clinician's part and the patient's list of
// questions, or after "I'd like to stop" that it is fine to stop.
void end_of(Writer& w, const Kiosk::EndTexts& says) {
    w.key(Reading::Heading, says.title, 1);
    w.key(Reading::Paragraph, says.body);
    if (says.lists_questions) {
        w.key(Reading::Heading, "consent.questions_title", 2);
        if (says.questions.empty()) w.key(Reading::Paragraph, "consent.no_questions");
        for (const std::string& q : says.questions) w.line(Reading::ListItem, q);
    }
    w.button("end.restart");
    w.button("nav.home");
    tools(w);
    w.button("nav.language");
}

void display_settings(Writer& w) {
    w.key(Reading::Heading, "settings.title", 1);
    w.key(Reading::Heading, "settings.size", 3);
    for (const char* size : {"settings.standard", "settings.larger", "settings.largest"}) w.button(size);
    for (const char* setting : {"settings.contrast", "settings.motion"}) {
        w.key(Reading::Heading, setting, 3);
        w.button("settings.off");
        w.button("settings.on");
    }
    w.key(Reading::Note, "settings.note");
    w.button("settings.done");
}

// Under the top bar while a screen is read aloud.
void reading_aloud(Writer& w, int volume) {
    w.button("speech.stop");
    w.button("speech.pause");
    w.button("speech.resume");
    w.button("speech.quieter");
    w.line(Reading::Note, w.p().text("speech.volume", {{"level", double(volume)}, {"levels", double(kMaxSpeechVolume)}}));
    w.button("speech.louder");
    w.key(Reading::Note, "speech.no_audio");
}

void idle_warning(Writer& w, int seconds) {
    w.key(Reading::Heading, "idle.title", 1);
    w.line(Reading::Paragraph, w.p().text("idle.body", {{"seconds", double(seconds)}}));
    w.button("idle.stay");
}

void preparing(Writer& w) {
    if (w.p().has_text("preparing.title")) w.key(Reading::Heading, "preparing.title", 1);
    if (w.p().has_text("preparing.body")) w.key(Reading::Paragraph, "preparing.body");
}

}  // namespace

std::string page_key(const Kiosk& kiosk, double now) {
    const Session& s = kiosk.session();
    if (kiosk.idle(now).warning) return "idle-warning";
    if (s.settings_open) return "display-settings";
    if (s.choosing_language) return "language";
    switch (s.place) {
    case Place::Preparing: return "preparing";
    case Place::Attract: return "attract";
    case Place::Language: return "language";
    case Place::Home: return "home";
    case Place::End: return "end";
    case Place::Module: break;
    }
    const ShownModule& m = *kiosk.current_module();
    std::string key = m.id + "/" + m.screens[static_cast<size_t>(s.screen)].id;
    return s.page.empty() ? key : key + "/" + s.page;
}

ReadingPage read_current(const Kiosk& kiosk, double now) {
    const Session& s = kiosk.session();
    const Presentation& p = kiosk.shown();
    auto page = [&](std::string name, auto&& draw) {
        Writer w(name, p);
        draw(w);
        ReadingPage out = w.take();
        out.key = page_key(kiosk, now);
        return out;
    };
    const IdleState idle = kiosk.idle(now);
    if (idle.warning) return page("idle warning", [&](Writer& w) { idle_warning(w, idle.seconds_left); });
    if (s.settings_open) return page("display settings", display_settings);
    if (s.choosing_language) return page("language", languages);
    switch (s.place) {
    case Place::Preparing: return page("preparing", preparing);
    case Place::Attract: return page("attract", [&](Writer& w) { attract(w, kiosk.config().sample); });
    case Place::Language: return page("language", language_screen);
    case Place::Home: return page("home", home);
    case Place::Module: {
        const ShownModule& m = *kiosk.current_module();
        const auto screen = static_cast<size_t>(s.screen);
        return page(screen_name(m, screen, s.page), [&](Writer& w) { module_screen(w, m, screen, s.open_items, s.page, &s, kiosk.blocked()); });
    }
    case Place::End: return page("end", [&](Writer& w) { end_of(w, kiosk.end_texts()); });
    }
    return {};
}

ModuleFingerprint module_fingerprint(const Kiosk& kiosk, const std::string& locale, size_t module) {
    const Presentation& in = kiosk.presentation(kiosk.presentation(locale).modules.at(module).locale);
    const ShownModule& m = in.modules.at(module);
    Writer w(m.id, in);
    w.line(Reading::Heading, m.title, 1);
    w.line(Reading::Paragraph, m.summary);
    for (const ShownScreen& s : m.screens) {
        for (size_t f = 0; f < s.kind->fields.size(); ++f) w.field(s.kind->fields[f], s.texts[f], false);
        for (const ShownItem& item : s.items)
            for (size_t f = 0; f < s.kind->list.fields.size(); ++f) w.field(s.kind->list.fields[f], item.texts[f], false);
    }
    // Each line with its kind and level, each span with its emphasis: a word made bold is a change too.
    std::string text;
    for (const Reading& r : w.take().lines) {
        text += std::to_string(static_cast<int>(r.kind)) + ":" + std::to_string(r.level);
        for (const Span& span : r.spans) text += "\x1F" + std::to_string(static_cast<int>(span.style)) + span.text;
        text += '\n';
    }
    return {m.id, m.version, in.locale, sha256_hex(text)};
}

std::vector<ReadingPage> read_everything(const Kiosk& kiosk, const std::string& locale) {
    const Presentation& p = kiosk.presentation(locale);
    std::vector<ReadingPage> pages;
    auto page = [&](const std::string& name, const Presentation& in, auto&& draw) {
        Writer w(name, in);
        draw(w);
        pages.push_back(w.take());
    };
    page("attract", p, [&](Writer& w) { attract(w, kiosk.config().sample); });
    page("language", p, language_screen);
    page("home", p, home);
    for (const ShownModule& shown_module : p.modules) {
        // A module not translated into this language is shown whole in the fallback language.
        const Presentation& in = kiosk.presentation(shown_module.locale);
        const ShownModule& m = in.modules[static_cast<size_t>(&shown_module - p.modules.data())];
        for (size_t i = 0; i < m.screens.size(); ++i) {
            const ShownScreen& s = m.screens[i];
            std::set<int> all_open;
            if (s.kind->list.action == ItemAction::Toggle)
                for (size_t item = 0; item < s.items.size(); ++item) all_open.insert(static_cast<int>(item));
            page(screen_name(m, i, ""), in, [&](Writer& w) { module_screen(w, m, i, all_open, ""); });
            if (s.kind->list.action == ItemAction::OpenPage)
                for (const ShownItem& item : s.items)
                    page(screen_name(m, i, item.id), in, [&](Writer& w) { module_screen(w, m, i, {}, item.id); });
        }
        const bool consent = std::any_of(m.screens.begin(), m.screens.end(), [](const ShownScreen& s) { return s.kind->consent; });
        page(m.id + " end", p, [&](Writer& w) {
            end_of(w, consent ? Kiosk::EndTexts{"consent.end_title", "consent.end_body", {}, true} : Kiosk::EndTexts{"end.title", "end.body", {}, false});
        });
        if (consent) page(m.id + " stopped", p, [&](Writer& w) { end_of(w, {"consent.stop_title", "consent.stop_body", {}, false}); });
    }
    page("display settings (Aa)", p, display_settings);
    page("while a screen is read aloud", p, [&](Writer& w) { reading_aloud(w, kiosk.config().defaults.speech_volume); });
    page("on a screen that goes on below", p, [](Writer& w) { w.key(Reading::Note, "scroll.more"); });
    const int countdown = kiosk.config().idle_reset_s - kiosk.config().idle_warning_s;
    page("idle warning", p, [&](Writer& w) { idle_warning(w, countdown); });
    page("preparing", p, preparing);
    return pages;
}

}  // namespace anteroom
