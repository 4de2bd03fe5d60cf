#pragma once
// The clinic's configuration (anteroom.toml): values that differ between clinics.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/settings.hpp"

namespace anteroom {

// The ways ketamine can be given. Content has a page for each; a clinic offers some.
inline const std::vector<std::string> kRouteIds = {"iv", "im", "lozenge", "nasal"};

// The bundled sample clinic's name: a clinic's own configuration must not keep it.
inline constexpr const char* kSampleClinicName = "Riverside Clinic";

// The least time a patient stays after a dose of Spravato (esketamine nasal spray): its REMS.
inline constexpr double kNasalMinimumMonitoring = 120;

struct ClinicConfig {
    bool sample = false;  // the bundled sample: its placeholder values may stand, and the kiosk says it is a sample
    std::string clinic_name;
    std::vector<std::string> routes_offered = kRouteIds;
    double fasting_hours = 6;
    double clear_fluids_hours = 2;
    double monitoring_minutes = 60;
    double visit_minutes = 180;     // a whole dosing visit, arrival to leaving: for planning the day and the ride
    double infusion_minutes = 40;   // how long an IV infusion runs
    double sessions_min = 4, sessions_max = 8;  // a typical course
    bool therapist_during_dose = true;  // a therapist is in the room during the dose (otherwise staff)
    std::string cost_note;              // the clinic's own words on cost and insurance; empty: a neutral line
    std::string clinic_phone;
    std::string crisis_line;
    std::string emergency_number;
    int idle_warning_s = 90;   // no touch for this long: "Are you still there?"
    int idle_reset_s = 120;    // no touch for this long: the session is wiped
    int guided_idle_reset_s = 1800;  // in a therapist-guided session: a longer wait before the reset
    std::string default_locale = "en";
    std::string fallback_locale = "en";  // shown when a module is not translated into the patient's language
    bool arabic_digits = false;          // Arabic text uses Latin digits unless the clinic prefers Arabic-Indic
    bool pseudo_locales = false;         // offer en-XA and ar-XB, for checking layouts
    Settings defaults;                   // the accessibility settings a session starts with and a reset goes back to
    // The kiosk's screen, for the least text size: its diagonal (0: not given; the display's
    // own report, or kAssumedDiagonalIn, stands in) and, for `anteroom check`, its pixels.
    double screen_diagonal_in = 0;
    int screen_width = 1920, screen_height = 1080;
    // The event store (README, "What is stored"): the name every record of this kiosk carries
    // (a pseudonym the clinic chooses, never a device's name), the SQLite file (empty: the state
    // directory), how long records are kept, the least count a report shows, and the clinic's
    // PostgreSQL server to forward to (empty: none).
    std::string kiosk_pseudonym = "kiosk";
    std::string event_store;
    int retention_days = 365;
    int min_cell = 5;
    std::string forward_to;
};
// A report never shows a count below this; min_cell may raise it, not lower it.
inline constexpr int kLeastMinCell = 3;

// The diagonal assumed when neither the configuration nor the display gives one: a usual kiosk screen.
inline constexpr double kAssumedDiagonalIn = 24;

struct ConfigLoad {
    ClinicConfig config;
    Diagnostics errors;               // empty when the file is good
    std::map<std::string, int> lines;  // where each key is written, for checks made once more is loaded
};

// The shortest countdown the inactivity warning may show, in seconds.
inline constexpr int kMinIdleCountdown = 20;

ConfigLoad load_config(const std::filesystem::path& path);
ConfigLoad parse_config(std::string_view text, const std::string& shown_name);

}  // namespace anteroom
