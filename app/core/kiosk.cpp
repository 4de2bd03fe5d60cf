#include "core/kiosk.hpp"

#include <algorithm>
#include <cmath>

namespace anteroom {

Kiosk::Kiosk(ContentSource content, ClinicConfig config, bool content_ok, double now, Translations translations)
    : content_(std::move(content)), config_(std::move(config)), content_ok_(content_ok),
      translations_(std::move(translations)), locales_(available_locales(content_, translations_, config_.pseudo_locales)) {
    reset(now);
}

const Presentation& Kiosk::presentation(const std::string& locale) const {
    auto it = presentations_.find(locale);
    if (it == presentations_.end()) it = presentations_.emplace(locale, present(content_, config_, locale, translations_)).first;
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
    session_ = Session{};
    session_.place = content_ok_ ? Place::Attract : Place::Preparing;
    session_.last_touch = now;
    set_locale(config_.default_locale);
}

void Kiosk::set_locale(const std::string& locale) {
    session_.locale = locale;
    presentation(locale);  // built now, while the patient waits for the switch anyway
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
    session_.route.clear();
    session_.open_questions.clear();
}

void Kiosk::apply(const Intent& intent, double now) {
    touched(now);
    if (session_.place == Place::Preparing) return;
    const ShownModule* module = current_module();
    switch (intent.kind) {
    case Intent::Begin:
        if (session_.place == Place::Attract) session_.place = Place::Language;
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
        session_.choosing_language = false;
        if (session_.place == Place::Language) session_.place = Place::Home;
        break;
    case Intent::OpenModule:
        if (session_.place == Place::Home && intent.index >= 0 &&
            intent.index < static_cast<int>(shown().modules.size())) {
            session_.place = Place::Module;
            session_.module = intent.index;
            go_to_screen(0);
        }
        break;
    case Intent::Next:
        if (!module) break;
        if (session_.screen + 1 < static_cast<int>(module->screens.size()))
            go_to_screen(session_.screen + 1);
        else
            session_.place = Place::End;
        break;
    case Intent::Back:
        if (session_.place == Place::Language) session_.place = Place::Attract;
        else if (session_.place == Place::Home) session_.place = Place::Language;
        else if (!module) break;
        else if (!session_.route.empty()) session_.route.clear();
        else if (session_.screen > 0) go_to_screen(session_.screen - 1);
        else session_.place = Place::Home;
        break;
    case Intent::Home:
        if (session_.place == Place::Module || session_.place == Place::End) {
            session_.place = Place::Home;
            session_.module = -1;
            go_to_screen(0);
        }
        break;
    case Intent::OpenRoute: {
        const ShownScreen* screen = current_screen();
        if (screen && std::any_of(screen->routes.begin(), screen->routes.end(),
                                  [&](const ShownRoute& r) { return r.id == intent.id; }))
            session_.route = intent.id;
        break;
    }
    case Intent::ToggleQuestion: {
        const ShownScreen* screen = current_screen();
        if (!screen || intent.index < 0 || intent.index >= static_cast<int>(screen->questions.size())) break;
        if (!session_.open_questions.erase(intent.index)) session_.open_questions.insert(intent.index);
        break;
    }
    case Intent::Restart: reset(now); break;
    case Intent::StillHere: break;  // touched() above did the work
    }
}

void Kiosk::touched(double now) { session_.last_touch = now; }

IdleState Kiosk::idle(double now) const {
    if (session_.place == Place::Attract || session_.place == Place::Preparing) return {};
    const double idle_for = now - session_.last_touch;
    if (idle_for < config_.idle_warning_s) return {};
    return {true, std::max(0, static_cast<int>(std::ceil(config_.idle_reset_s - idle_for)))};
}

void Kiosk::tick(double now) {
    if (session_.place == Place::Attract || session_.place == Place::Preparing) return;
    if (now - session_.last_touch >= config_.idle_reset_s) reset(now);
}

double Kiosk::next_wakeup(double now) const {
    if (session_.place == Place::Attract || session_.place == Place::Preparing) return kNever;
    const double warning_at = session_.last_touch + config_.idle_warning_s;
    if (now < warning_at) return warning_at;
    // During the countdown, wake when the shown number of seconds changes.
    const double reset_at = session_.last_touch + config_.idle_reset_s;
    const double left = reset_at - now;
    if (left <= 0) return now;
    return reset_at - (std::ceil(left) - 1) + 1e-3;  // just after the next whole second
}

}  // namespace anteroom
