#pragma once
// The kiosk's model: where the patient is, what they have opened, and the inactivity timer.
// The UI reads it and posts intents; nothing here knows about ImGui or windows.
// Times are seconds on a monotonic clock, passed in, so tests control time.
#include <limits>
#include <map>
#include <set>
#include <string>

#include "core/config.hpp"
#include "core/content.hpp"
#include "core/presentation.hpp"

namespace anteroom {

enum class Place { Preparing, Attract, Language, Home, Module, End };

// Everything about the current patient. Lives in memory only; reset() replaces it whole.
struct Session {
    std::string locale;
    Place place = Place::Attract;
    int module = -1;
    int screen = 0;
    std::string route;             // the route page open on a routes screen; empty: the chooser
    std::set<int> open_questions;  // FAQ answers open on this screen
    bool choosing_language = false;  // the language picker is open over the screen
    double last_touch = 0;

    bool operator==(const Session&) const = default;
};

struct Intent {
    enum Kind { Begin, OpenLanguages, CloseLanguages, ChooseLanguage, OpenModule, Next, Back, Home, OpenRoute, ToggleQuestion,
                Restart, StillHere };
    Kind kind;
    int index = -1;  // OpenModule, ToggleQuestion
    std::string id;  // ChooseLanguage (a locale), OpenRoute (a route id)
};

struct IdleState {
    bool warning = false;
    int seconds_left = 0;  // until the reset, while the warning shows
};

inline constexpr double kNever = std::numeric_limits<double>::infinity();

class Kiosk {
public:
    // content_ok is false when content or configuration had errors: the kiosk then only
    // shows "This kiosk is being prepared", using whatever interface text did load.
    Kiosk(ContentSource content, ClinicConfig config, bool content_ok, double now, Translations translations = {});

    void apply(const Intent& intent, double now);
    void touched(double now);  // any touch keeps the session alive
    void tick(double now);     // resets the session when it has been idle too long
    IdleState idle(double now) const;
    double next_wakeup(double now) const;  // when tick() or the countdown next needs a frame

    const Session& session() const { return session_; }
    // What is on screen now: the patient's language, or inside a module that is not
    // translated, the whole screen in the fallback language.
    const Presentation& shown() const;
    // The presentations a language can put on screen: its own, then any fallback.
    std::vector<const Presentation*> in_use(const std::string& locale) const;
    const ClinicConfig& config() const { return config_; }
    const std::vector<std::string>& locales() const { return locales_; }

    const ShownModule* current_module() const;
    const ShownScreen* current_screen() const;

private:
    void reset(double now);
    void set_locale(const std::string& locale);
    void go_to_screen(int screen);

    const Presentation& presentation(const std::string& locale) const;

    ContentSource content_;
    ClinicConfig config_;
    bool content_ok_;
    Translations translations_;
    std::vector<std::string> locales_;
    mutable std::map<std::string, Presentation> presentations_;  // by locale, built on first use
    Session session_;
};

}  // namespace anteroom
