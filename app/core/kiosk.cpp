#include "core/kiosk.hpp"

#include "core/reading.hpp"
#include "core/sha256.hpp"
#include "core/wipe.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <tuple>
#include <utility>

namespace anteroom {

Kiosk::Kiosk(ContentSource content, ClinicConfig config, bool content_ok, double now, Translations translations)
    : content_(std::move(content)), config_(std::move(config)), content_ok_(content_ok),
      translations_(std::move(translations)), locales_(available_locales(content_, translations_, config_.pseudo_locales)),
      language_names_(language_names(locales_)) {
    reset(now);
}

const char* event_name(Event::Kind kind) {
    switch (kind) {
    case Event::SessionStarted: return "session started";
    case Event::LanguageChosen: return "language chosen";
    case Event::ModuleStarted: return "module started";
    case Event::ScreenReached: return "screen reached";
    case Event::ModuleCompleted: return "module completed";
    case Event::ModuleLeftEarly: return "module left early";
    case Event::SessionTimedOut: return "session timed out";
    case Event::SessionRestarted: return "session restarted";
    case Event::ModuleStopped: return "module stopped";
    case Event::QuestionAnswered: return "question answered";
    case Event::ConsentCompleted: return "consent completed";
    case Event::MeditationCompleted: return "meditation completed";
    case Event::IntentionCompleted: return "intention completed";
    }
    return "?";
}

std::vector<Event> Kiosk::take_events() { return std::exchange(outbox_, {}); }

void Kiosk::record(Event::Kind kind, std::string module, std::string screen, double seconds, bool right_first_time) {
    Event e{kind, session_.locale, std::move(module), std::move(screen), seconds};
    e.right_first_time = right_first_time;
    // Which text: worked out once per language and module. Outside a module, the text of
    // every module: their versions joined by "+", and the SHA-256 of their hashes.
    auto it = fingerprints_.find({e.locale, e.module});
    if (it == fingerprints_.end() && !e.locale.empty()) {
        std::pair<std::string, std::string> text;
        if (!e.module.empty()) {
            const ModuleFingerprint f = module_fingerprint(*this, e.locale, static_cast<size_t>(session_.module));
            text = {f.version, f.hash};
        } else {
            std::string hashes;
            for (size_t m = 0; m < presentation(e.locale).modules.size(); ++m) {
                const ModuleFingerprint f = module_fingerprint(*this, e.locale, m);
                text.first += (m ? "+" : "") + f.version;
                hashes += f.hash;
            }
            text.second = sha256_hex(hashes);
        }
        it = fingerprints_.emplace(std::pair{e.locale, e.module}, std::move(text)).first;
    }
    if (it != fingerprints_.end()) {
        e.version = it->second.first;
        e.hash = it->second.second;
    }
    outbox_.push_back(std::move(e));
}

const Presentation& Kiosk::presentation(const std::string& locale) const {
    auto it = presentations_.find(locale);
    if (it == presentations_.end()) it = presentations_.emplace(locale, present(content_, config_, locale, translations_, language_names_)).first;
    return it->second;
}

const Presentation& Kiosk::shown() const {
    const Presentation& mine = presentation(session_.locale);
    if (session_.place == Place::Module) {
        const std::string& module_locale = mine.modules[static_cast<size_t>(session_.module)].locale;
        if (module_locale != session_.locale) return presentation(module_locale);
    }
    return mine;
}

std::vector<const Presentation*> Kiosk::in_use(const std::string& locale) const {
    const Presentation& mine = presentation(locale);
    std::vector<const Presentation*> used{&mine};
    for (const ShownModule& m : mine.modules) {
        const Presentation* p = &presentation(m.locale);
        if (std::find(used.begin(), used.end(), p) == used.end()) used.push_back(p);
    }
    return used;
}

void Kiosk::reset(double now) {
    // Which pages a patient had questions about is theirs: wiped, not just freed.
    for (std::string& q : session_.questions) wipe(q);
    session_ = Session{};
    session_.settings = config_.defaults;
    session_.place = content_ok_ ? Place::Attract : Place::Preparing;
    session_.last_touch = now;
    set_locale(config_.default_locale);
}

void Kiosk::set_locale(const std::string& locale) {
    session_.locale = locale;
    presentation(locale);  // built now, while the patient waits for the switch anyway
}

std::string Kiosk::screen_key() const {
    const ShownScreen* s = current_screen();
    return s ? current_module()->id + "/" + s->id : std::string();
}

const ShownModule* Kiosk::last_module() const {
    if ((session_.place != Place::Module && session_.place != Place::End) || session_.module < 0) return nullptr;
    return &shown().modules[static_cast<size_t>(session_.module)];
}

Kiosk::EndTexts Kiosk::end_texts() const {
    if (session_.stopped) return {"consent.stop_title", "consent.stop_body", {}, false};
    const ShownModule* m = last_module();
    if (!m || !prepares_consent(*m)) return {"end.title", "end.body", {}, false};
    EndTexts t{"consent.end_title", "consent.end_body", {}, true};
    for (const std::string& key : session_.questions)
        for (const ShownScreen& s : m->screens)
            if (key == m->id + "/" + s.id) t.questions.push_back(s.text("title").line);
    return t;
}

Kiosk::Blocked Kiosk::blocked() const {
    const ShownScreen* s = current_screen();
    if (!s || !s->kind->consent || !session_.page.empty()) return Blocked::No;
    const std::string key = screen_key();
    if (!s->kind->list.flag.empty()) {  // a quiz: answered right
        auto a = session_.answers.find(key);
        const bool right = a != session_.answers.end() && a->second >= 0 && a->second < static_cast<int>(s->items.size()) &&
                           s->items[static_cast<size_t>(a->second)].flag;
        return right ? Blocked::No : a == session_.answers.end() ? Blocked::Answer : Blocked::AnswerAgain;
    }
    if (!session_.reviewed.contains(key)) return Blocked::ReadToEnd;
    // Every point confirmed, or the page on the patient's list of questions.
    if (std::find(session_.questions.begin(), session_.questions.end(), key) != session_.questions.end()) return Blocked::No;
    for (size_t i = 0; i < s->items.size(); ++i)
        if (!session_.confirmed.contains(key + "/" + std::to_string(i))) return Blocked::Confirm;
    return Blocked::No;
}

const ShownModule* Kiosk::current_module() const {
    if (session_.place != Place::Module) return nullptr;
    return &shown().modules[static_cast<size_t>(session_.module)];
}

const ShownScreen* Kiosk::current_screen() const {
    const ShownModule* m = current_module();
    return m ? &m->screens[static_cast<size_t>(session_.screen)] : nullptr;
}

void Kiosk::go_to_screen(int screen) {
    session_.screen = screen;
    session_.page.clear();
    session_.open_items.clear();
    session_.activity_running = false;
    const ShownModule& m = *current_module();
    record(Event::ScreenReached, m.id, m.screens[static_cast<size_t>(screen)].id);
}

void Kiosk::leave_module() {
    if (session_.place != Place::Module) return;
    const ShownModule& m = *current_module();
    record(Event::ModuleLeftEarly, m.id, m.screens[static_cast<size_t>(session_.screen)].id);
}

namespace {
// What decides the page on screen: when it changes, reading aloud stops.
auto page_on_screen(const Session& s) {
    return std::tie(s.locale, s.place, s.module, s.screen, s.page, s.choosing_language, s.settings_open);
}
}  // namespace

void Kiosk::apply(const Intent& intent, double now) {
    touched(now);
    if (session_.place == Place::Preparing) return;
    const Session before = session_;
    change(intent, now);
    if (page_on_screen(session_) != page_on_screen(before) && session_.speech != Speech::Off) session_.speech = Speech::Off;
}

void Kiosk::change(const Intent& intent, double now) {
    const ShownModule* module = current_module();
    const ShownScreen* screen = current_screen();
    Settings& settings = session_.settings;
    switch (intent.kind) {
    case Intent::Begin:
        if (session_.place == Place::Attract) {
            session_.place = Place::Language;
            record(Event::SessionStarted);
        }
        break;
    case Intent::OpenLanguages:
        // From any screen a patient is on; the picker keeps their place underneath.
        if (session_.place == Place::Home || session_.place == Place::Module || session_.place == Place::End)
            session_.choosing_language = true;
        break;
    case Intent::CloseLanguages: session_.choosing_language = false; break;
    case Intent::ChooseLanguage:
        if (std::find(locales_.begin(), locales_.end(), intent.id) == locales_.end()) break;
        set_locale(intent.id);
        record(Event::LanguageChosen);
        session_.choosing_language = false;
        if (session_.place == Place::Language) session_.place = Place::Home;
        break;
    case Intent::OpenModule:
        if (session_.place == Place::Home && intent.index >= 0 &&
            intent.index < static_cast<int>(shown().modules.size())) {
            session_.place = Place::Module;
            session_.module = intent.index;
            session_.module_started = now;
            record(Event::ModuleStarted, current_module()->id);
            go_to_screen(0);
        }
        break;
    case Intent::Next:
        if (!module || blocked() != Blocked::No) break;
        if (session_.screen + 1 < static_cast<int>(module->screens.size())) {
            go_to_screen(session_.screen + 1);
        } else {
            session_.place = Place::End;
            record(Event::ModuleCompleted, module->id, {}, now - session_.module_started);
            if (prepares_consent(*module)) record(Event::ConsentCompleted, module->id);
        }
        break;
    case Intent::Back:
        if (session_.place == Place::Language) session_.place = Place::Attract;
        else if (session_.place == Place::Home) session_.place = Place::Language;
        else if (!module) break;
        else if (!session_.page.empty()) session_.page.clear();
        else if (session_.screen > 0) go_to_screen(session_.screen - 1);
        else {
            leave_module();
            session_.place = Place::Home;
            session_.module = -1;
        }
        break;
    case Intent::Home:
        if (session_.place == Place::Module || session_.place == Place::End) {
            leave_module();
            session_.stopped = false;
            session_.place = Place::Home;
            session_.module = -1;
            session_.screen = 0;
            session_.page.clear();
            session_.open_items.clear();
            session_.activity_running = false;
        }
        break;
    case Intent::OpenItem:
        if (screen && screen->kind->list.action == ItemAction::OpenPage && screen->item(intent.id)) session_.page = intent.id;
        break;
    case Intent::ToggleItem:
        if (!screen || screen->kind->list.action != ItemAction::Toggle || intent.index < 0 ||
            intent.index >= static_cast<int>(screen->items.size()))
            break;
        if (!session_.open_items.erase(intent.index)) session_.open_items.insert(intent.index);
        break;
    case Intent::Restart:
        if (session_.place == Place::Attract) break;
        leave_module();
        record(Event::SessionRestarted);
        reset(now);
        break;
    case Intent::StillHere: break;  // touched() above did the work
    case Intent::ActivityStarted:
        if (screen) session_.activity_running = true;
        break;
    case Intent::ActivityStopped: session_.activity_running = false; break;
    case Intent::OpenSettings:
        session_.settings_open = true;
        session_.choosing_language = false;
        break;
    case Intent::CloseSettings: session_.settings_open = false; break;
    case Intent::SetTextSize:
        if (intent.index >= 0 && intent.index < static_cast<int>(std::size(kTextSizes))) settings.text_size = kTextSizes[intent.index];
        break;
    case Intent::SetHighContrast: settings.high_contrast = intent.index == 1; break;
    case Intent::SetReducedMotion: settings.reduced_motion = intent.index == 1; break;
    case Intent::ReadAloud:
    case Intent::ResumeSpeech: session_.speech = Speech::Reading; break;
    case Intent::PauseSpeech:
        if (session_.speech == Speech::Reading) session_.speech = Speech::Paused;
        break;
    case Intent::StopSpeech:
    case Intent::SpeechEnded: session_.speech = Speech::Off; break;
    case Intent::Quieter: settings.speech_volume = std::max(1, settings.speech_volume - 1); break;
    case Intent::PageRead:
        if (screen && screen->kind->consent) session_.reviewed.insert(screen_key());
        break;
    case Intent::Confirm:
        if (screen && screen->kind->consent && intent.index >= 0 && intent.index < static_cast<int>(screen->items.size()))
            session_.confirmed.insert(screen_key() + "/" + std::to_string(intent.index));
        break;
    case Intent::AddQuestion:
        if (screen && screen->kind->consent) {
            const std::string key = screen_key();
            auto& q = session_.questions;
            if (auto it = std::find(q.begin(), q.end(), key); it != q.end()) q.erase(it);
            else q.push_back(key);
        }
        break;
    case Intent::Answer: {
        if (!screen || screen->kind->list.flag.empty() || intent.index < 0 || intent.index >= static_cast<int>(screen->items.size())) break;
        const std::string key = screen_key();
        if (session_.answers.contains(key)) break;  // answered: "Try again" asks again
        session_.answers[key] = intent.index;
        if (!screen->items[static_cast<size_t>(intent.index)].flag) session_.missed.insert(key);
        else record(Event::QuestionAnswered, module->id, screen->id, 0, !session_.missed.contains(key));
        break;
    }
    case Intent::TryAgain:
        if (screen) session_.answers.erase(screen_key());
        break;
    case Intent::ReadAgain:
        if (screen && !screen->ref.empty())
            for (size_t i = 0; i < module->screens.size(); ++i)
                if (module->screens[i].id == screen->ref) {
                    session_.answers.erase(screen_key());  // back at the question, it is asked again
                    go_to_screen(static_cast<int>(i));
                    break;
                }
        break;
    case Intent::StopModule:
        if (!screen || !screen->kind->consent) break;
        record(Event::ModuleStopped, module->id, screen->id);
        for (std::string& q : session_.questions) wipe(q);
        session_.questions.clear();  // nothing of it stays: the list was only for the clinician
        session_.place = Place::End;
        session_.stopped = true;
        break;
    case Intent::Louder: settings.speech_volume = std::min(kMaxSpeechVolume, settings.speech_volume + 1); break;
    }
}

void Kiosk::touched(double now) { session_.last_touch = now; }

IdlePolicy Kiosk::idle_policy() const {
    if (session_.place == Place::Attract || session_.place == Place::Preparing) return {};
    if (session_.activity_running || session_.speech == Speech::Reading) return {};
    IdlePolicy p{double(config_.idle_warning_s), double(config_.idle_reset_s)};
    if (session_.mode == Mode::Guided) {  // a therapist is there: a much longer wait, the same countdown
        const double countdown = p.reset_s - p.warning_s;
        p.reset_s = config_.guided_idle_reset_s;
        p.warning_s = p.reset_s - countdown;
    }
    return p;
}

void Kiosk::set_mode(Mode mode, double now) {
    session_.mode = mode;
    touched(now);
}

IdleState Kiosk::idle(double now) const {
    const IdlePolicy p = idle_policy();
    const double idle_for = now - session_.last_touch;
    if (idle_for < p.warning_s) return {};
    return {true, std::max(0, static_cast<int>(std::ceil(p.reset_s - idle_for)))};
}

void Kiosk::tick(double now) {
    if (now - session_.last_touch < idle_policy().reset_s) return;
    if (session_.place == Place::Module) {  // where it happened, in place of "left early"
        const ShownModule& m = *current_module();
        record(Event::SessionTimedOut, m.id, m.screens[static_cast<size_t>(session_.screen)].id);
    } else {
        record(Event::SessionTimedOut);
    }
    reset(now);
}

double Kiosk::next_wakeup(double now) const {
    const IdlePolicy p = idle_policy();
    if (p.reset_s == kNever) return kNever;
    const double warning_at = session_.last_touch + p.warning_s;
    if (now < warning_at) return warning_at;
    // During the countdown, wake when the shown number of seconds changes.
    const double reset_at = session_.last_touch + p.reset_s;
    const double left = reset_at - now;
    if (left <= 0) return now;
    return reset_at - (std::ceil(left) - 1) + 1e-3;  // just after the next whole second
}

}  // namespace anteroom
