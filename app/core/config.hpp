#pragma once
// The clinic's configuration (anteroom.toml): values that differ between clinics.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace anteroom {

// The ways ketamine can be given. Content has a page for each; a clinic offers some.
inline const std::vector<std::string> kRouteIds = {"iv", "im", "lozenge", "nasal"};

struct ClinicConfig {
    std::string clinic_name;
    std::vector<std::string> routes_offered = kRouteIds;
    double fasting_hours = 6;
    double clear_fluids_hours = 2;
    double monitoring_minutes = 60;
    std::string clinic_phone;
    std::string crisis_line = "988";
    int idle_warning_s = 90;   // no touch for this long: "Are you still there?"
    int idle_reset_s = 120;    // no touch for this long: the session is wiped
    int guided_idle_reset_s = 1800;  // in a therapist-guided session: a longer wait before the reset
    std::string default_locale = "en";
    std::string fallback_locale = "en";  // shown when a module is not translated into the patient's language
    bool arabic_digits = false;          // Arabic text uses Latin digits unless the clinic prefers Arabic-Indic
    bool pseudo_locales = false;         // offer en-XA and ar-XB, for checking layouts
};

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
