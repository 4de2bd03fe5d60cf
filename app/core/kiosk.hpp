#pragma once
// The kiosk's model: where the patient is, what they have opened, and the inactivity timer.
// The UI reads it and posts intents; nothing here knows about ImGui or windows.
// Times are seconds on a monotonic clock, passed in, so tests control time.
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/content.hpp"
#include "core/presentation.hpp"
#include "core/settings.hpp"

namespace anteroom {

enum class Place { Preparing, Attract, Language, Home, Module, End };

// Who is at the kiosk. A mode is a property of the session, never of a screen: the default
// is a patient alone in the waiting room; a therapist-guided session waits longer for a touch.
enum class Mode { WaitingRoom, Guided };

// Reading the screen aloud: off, reading, or paused where it was.
enum class Speech { Off, Reading, Paused };

// Everything about the current patient. Lives in memory only; reset() replaces it whole.
struct Session {
    std::string locale;
    Place place = Place::Attract;
    Mode mode = Mode::WaitingRoom;
    int module = -1;
    int screen = 0;
    std::string page;          // the item whose own page is open (a route); empty: the screen itself
    std::set<int> open_items;  // items opened in place on this screen (answers)
    bool choosing_language = false;  // the language picker is open over the screen
    bool activity_running = false;   // something on screen is playing (a practice): the idle reset waits
    bool settings_open = false;      // the display settings are over the screen
    Settings settings;               // the clinic's defaults until the patient changes them
    Speech speech = Speech::Off;     // stops whenever what is on screen changes
    // Consent preparation (screens whose kind prepares consent), by "module/screen":
    std::set<std::string> reviewed;      // read to the end
    std::set<std::string> confirmed;     // "module/screen/point": "I understand" tapped
    std::vector<std::string> questions;  // added to the patient's list, in the order added
    std::map<std::string, int> answers;  // a quiz's chosen option, until it is asked again
    std::set<std::string> missed;        // quizzes answered wrong at least once
    bool stopped = false;                // "I'd like to stop": the end says it is fine to stop
    double last_touch = 0;
    double module_started = 0;  // when the module open now was opened

    bool operator==(const Session&) const = default;
};

struct Intent {
    enum Kind { Begin, OpenLanguages, CloseLanguages, ChooseLanguage, OpenModule, Next, Back, Home, OpenItem, ToggleItem,
                Restart, StillHere, ActivityStarted, ActivityStopped,
                OpenSettings, CloseSettings, SetTextSize, SetHighContrast, SetReducedMotion,
                ReadAloud, PauseSpeech, ResumeSpeech, StopSpeech, SpeechEnded, Quieter, Louder,
                PageRead, Confirm, AddQuestion, Answer, TryAgain, ReadAgain, StopModule };
    Kind kind;
    int index = -1;  // OpenModule, ToggleItem, Confirm (a point), Answer (an option); SetTextSize (a TextSize);
                     // SetHighContrast, SetReducedMotion (0 off, 1 on)
    std::string id;  // ChooseLanguage (a locale), OpenItem (an item's id: a route)
};

// What happened, in the order it happened, for whoever listens (the event store, speech).
// The runner drains these every frame.
struct Event {
    enum Kind { SessionStarted, LanguageChosen, ModuleStarted, ScreenReached, ModuleCompleted, ModuleLeftEarly,
                SessionTimedOut, SessionRestarted, ModuleStopped, QuestionAnswered, ConsentCompleted,
                MeditationCompleted, IntentionCompleted };
    Kind kind;
    std::string locale;   // the session's language (LanguageChosen: the one chosen)
    std::string module;   // module events, ScreenReached, SessionTimedOut (in a module): the module's id
    std::string screen;   // ScreenReached, ModuleLeftEarly, ModuleStopped, QuestionAnswered, SessionTimedOut
                          // (in a module): the screen's id
    double seconds = 0;   // ModuleCompleted: time from opening the module to its end
    std::string version;  // which text was shown, its version and the SHA-256 of its words (reading.hpp,
    std::string hash;     // module_fingerprint), in the language shown; outside a module, of every module
    bool right_first_time = false;  // QuestionAnswered: the first answer was the right one
    std::string preset;   // MeditationCompleted: a breathing preset's id, or "practice"
    int length_s = 0;     // MeditationCompleted: how long it was
    int prompts = 0;      // IntentionCompleted: how many prompts were chosen
    bool wrote = false;   // IntentionCompleted: whether words were written (never the words)

    bool operator==(const Event&) const = default;
};
const char* event_name(Event::Kind kind);

inline constexpr double kNever = std::numeric_limits<double>::infinity();

// How long the kiosk waits for a touch before it asks "Are you still there?", and before it
// starts over. kNever: it does not.
struct IdlePolicy {
    double warning_s = kNever;
    double reset_s = kNever;
};

struct IdleState {
    bool warning = false;
    int seconds_left = 0;  // until the reset, while the warning shows
};

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
    // The inactivity rule in force: none on the attract screen; otherwise the clinic's
    // waiting-room times, longer in a guided session, held off while an activity plays or
    // the screen is read aloud.
    IdlePolicy idle_policy() const;
    void set_mode(Mode mode, double now);

    // What happened since the last call, oldest first.
    std::vector<Event> take_events();

    const Session& session() const { return session_; }
    // What is on screen now: the patient's language, or inside a module that is not
    // translated, the whole screen in the fallback language.
    const Presentation& shown() const;
    // The presentations a language can put on screen: its own, then any fallback.
    std::vector<const Presentation*> in_use(const std::string& locale) const;
    const ClinicConfig& config() const { return config_; }
    const std::vector<std::string>& locales() const { return locales_; }

    // A language's presentation, built on first use.
    const Presentation& presentation(const std::string& locale) const;

    const ShownModule* current_module() const;
    const ShownScreen* current_screen() const;

    // What keeps Next from going on, on a screen that prepares consent: its end not yet read,
    // a point not yet confirmed, its question not yet answered right.
    enum class Blocked { No, ReadToEnd, Confirm, Answer, AnswerAgain };  // AnswerAgain: answered wrong
    Blocked blocked() const;
    std::string screen_key() const;  // "module/screen" of the module screen on show, empty elsewhere
    // The module the patient is in or has just finished (its end screen), or null.
    const ShownModule* last_module() const;
    // What the end screen says: after "I'd like to stop", that it is fine to stop; after a
    // module that prepares consent, that the clinician takes consent, with the patient's
    // questions (the titles of the pages on their list); else thanks for reading.
    struct EndTexts {
        const char* title;
        const char* body;
        std::vector<std::string> questions;
        bool lists_questions = false;
    };
    EndTexts end_texts() const;

private:
    void reset(double now);
    void change(const Intent& intent, double now);  // apply(), less what every intent shares
    void record(Event::Kind kind, std::string module = {}, std::string screen = {}, double seconds = 0, bool right_first_time = false);
    void leave_module();  // before leaving a module from one of its screens: says where
    void set_locale(const std::string& locale);
    void go_to_screen(int screen);

    ContentSource content_;
    ClinicConfig config_;
    bool content_ok_;
    Translations translations_;
    std::vector<std::string> locales_;
    LanguageNames language_names_;  // each offered language in itself, looked up once
    mutable std::map<std::string, Presentation> presentations_;  // by locale, built on first use
    mutable std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> fingerprints_;  // (locale, module): (version, hash)
    Session session_;
    std::vector<Event> outbox_;
};

}  // namespace anteroom
