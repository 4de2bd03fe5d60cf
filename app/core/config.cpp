#include "core/config.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <tuple>

#include "core/toml_source.hpp"

namespace anteroom {

namespace {

// The bundled sample's stand-in values. A clinic's own file that still holds one would show a
// patient a number no one answers, so outside the sample it is an error.
bool is_fictional_number(const std::string& number) {
    std::string digits;
    for (char ch : number)
        if (ch >= '0' && ch <= '9') digits += ch;
    if (digits.size() == 11 && digits[0] == '1') digits.erase(0, 1);
    // 555-0100 to 555-0199 are reserved for fiction in North America, with or without an area code.
    return (digits.size() == 7 || digits.size() == 10) && digits.substr(digits.size() - 7, 5) == "55501";
}

void check_placeholders(TableReader& r, const ClinicConfig& c) {
    const std::string demo = " (sample = true marks a demonstration kiosk, never one for patients)";
    if (c.clinic_name == kSampleClinicName)
        r.error(r.line_of("clinic_name"), "clinic_name '" + c.clinic_name + "' is the sample clinic's name: put the clinic's own name here" + demo);
    for (const auto& [key, value] : {std::pair{"clinic_phone", &c.clinic_phone}, std::pair{"crisis_line", &c.crisis_line},
                                     std::pair{"emergency_number", &c.emergency_number}})
        if (is_fictional_number(*value))
            r.error(r.line_of(key), std::string(key) + " '" + *value + "' is a fictional 555-01xx number: put a real number here" + demo);
}

// "1920x1080": a width and a height, each 320 to 16384.
std::optional<std::pair<int, int>> parse_pixels(const std::string& text) {
    int w = 0, h = 0;
    const char* end = text.data() + text.size();
    auto [after_w, ew] = std::from_chars(text.data(), end, w);
    if (ew != std::errc{} || after_w == end || *after_w != 'x') return std::nullopt;
    auto [after_h, eh] = std::from_chars(after_w + 1, end, h);
    if (eh != std::errc{} || after_h != end || after_w == text.data() || after_h == after_w + 1) return std::nullopt;
    if (w < 320 || w > 16384 || h < 320 || h > 16384) return std::nullopt;
    return std::pair{w, h};
}

ConfigLoad read_config(std::string_view text, const std::string& file, Diagnostics errors) {
    ConfigLoad result;
    result.errors = std::move(errors);
    auto root = parse_toml_text(text, file, result.errors);
    if (!root) return result;
    ClinicConfig& c = result.config;
    TableReader r(*root, file, result.errors, text);
    for (const auto& [key, node] : *root) result.lines[std::string(key.str())] = static_cast<int>(node.source().begin.line);

    if (auto v = r.boolean("sample", false)) c.sample = *v;
    if (auto v = r.string("clinic_name", true)) c.clinic_name = v->text;
    if (auto v = r.string("clinic_phone", true)) c.clinic_phone = v->text;
    if (auto v = r.string("crisis_line", true)) c.crisis_line = v->text;
    if (auto v = r.string("emergency_number", true)) c.emergency_number = v->text;
    if (auto v = r.string("cost_note", false)) c.cost_note = v->text;
    if (auto v = r.number("visit_minutes", false, 30, 720)) c.visit_minutes = *v;
    if (auto v = r.number("infusion_minutes", false, 20, 180)) c.infusion_minutes = *v;
    bool sessions_ok = true;
    if (auto v = r.integer("sessions_min", false, 1, 50)) c.sessions_min = static_cast<double>(*v);
    else sessions_ok = !r.has("sessions_min");
    if (auto v = r.integer("sessions_max", false, 1, 50)) c.sessions_max = static_cast<double>(*v);
    else sessions_ok = sessions_ok && !r.has("sessions_max");
    if (auto v = r.boolean("therapist_during_dose", false)) c.therapist_during_dose = *v;
    // Cross-field checks run only on values that passed their own: one mistake, one message.
    bool fasting_ok = true, idle_ok = true;
    if (auto v = r.number("fasting_hours", false, 0, 12)) c.fasting_hours = *v;
    else fasting_ok = !r.has("fasting_hours");
    if (auto v = r.number("clear_fluids_hours", false, 0, 12)) c.clear_fluids_hours = *v;
    else fasting_ok = fasting_ok && !r.has("clear_fluids_hours");
    bool monitoring_ok = true;
    if (auto v = r.number("monitoring_minutes", false, 15, 480)) c.monitoring_minutes = *v;
    else monitoring_ok = !r.has("monitoring_minutes");
    if (auto v = r.integer("idle_warning_s", false, 15, 3600)) c.idle_warning_s = static_cast<int>(*v);
    else idle_ok = !r.has("idle_warning_s");
    if (auto v = r.integer("idle_reset_s", false, 15 + kMinIdleCountdown, 7200)) c.idle_reset_s = static_cast<int>(*v);
    else idle_ok = idle_ok && !r.has("idle_reset_s");
    if (auto v = r.integer("guided_idle_reset_s", false, 300, 28800)) c.guided_idle_reset_s = static_cast<int>(*v);
    if (auto v = r.string("default_locale", false)) c.default_locale = v->text;
    if (auto v = r.string("fallback_locale", false)) c.fallback_locale = v->text;
    if (auto v = r.boolean("arabic_digits", false)) c.arabic_digits = *v;
    if (auto v = r.boolean("pseudo_locales", false)) c.pseudo_locales = *v;
    if (auto v = r.string("text_size", false)) {
        if (auto size = text_size_named(v->text)) c.defaults.text_size = *size;
        else r.error(v->line, "text_size '" + v->text + "' is not one of standard, larger, largest");
    }
    if (auto v = r.boolean("high_contrast", false)) c.defaults.high_contrast = *v;
    if (auto v = r.boolean("reduced_motion", false)) c.defaults.reduced_motion = *v;
    if (auto v = r.integer("speech_volume", false, 0, kMaxSpeechVolume)) c.defaults.speech_volume = static_cast<int>(*v);
    if (auto v = r.number("screen_diagonal_in", false, 7, 110)) c.screen_diagonal_in = *v;
    if (auto v = r.string("screen_pixels", false)) {
        if (auto pixels = parse_pixels(v->text)) std::tie(c.screen_width, c.screen_height) = *pixels;
        else r.error(v->line, "screen_pixels '" + v->text + "' must be the screen's width and height in pixels, like \"1920x1080\" (each 320 to 16384)");
    }
    if (auto v = r.string("kiosk_pseudonym", false)) {
        const bool plain = !v->text.empty() && v->text.size() <= 40 &&
                           std::all_of(v->text.begin(), v->text.end(), [](char ch) {
                               return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.';
                           });
        if (plain) c.kiosk_pseudonym = v->text;
        else r.error(v->line, "kiosk_pseudonym '" + v->text + "' must be 1 to 40 letters, digits, '-', '_' or '.', like \"waiting-room-2\"");
    }
    if (auto v = r.string("event_store", false)) c.event_store = v->text;
    if (auto v = r.integer("retention_days", false, 1, 3650)) c.retention_days = static_cast<int>(*v);
    if (auto v = r.integer("min_cell", false, kLeastMinCell, 1000)) c.min_cell = static_cast<int>(*v);
    if (auto v = r.string("forward_to", false)) {
        if (v->text.rfind("postgresql://", 0) == 0 || v->text.rfind("postgres://", 0) == 0) c.forward_to = v->text;
        else r.error(v->line, "forward_to must be a PostgreSQL address, like \"postgresql://anteroom@db.clinic.example/anteroom\"");
    }

    if (auto routes = r.string_array("routes_offered", false)) {
        c.routes_offered.clear();
        for (const SourceString& route : *routes) {
            if (std::find(kRouteIds.begin(), kRouteIds.end(), route.text) == kRouteIds.end())
                r.error(route.line, "routes_offered has '" + route.text + "', which is not one of iv, im, lozenge, nasal");
            else if (std::find(c.routes_offered.begin(), c.routes_offered.end(), route.text) != c.routes_offered.end())
                r.error(route.line, "routes_offered lists '" + route.text + "' twice");
            else
                c.routes_offered.push_back(route.text);
        }
        if (routes->empty()) r.error(r.line_of("routes_offered"), "routes_offered must name at least one route");
    }
    for (const char* key : {"clinic_name", "clinic_phone", "crisis_line", "emergency_number", "cost_note"}) {
        if (auto* node = root->get(key); node && node->is_string() && node->value<std::string_view>()->empty())
            r.error(r.line_of(key), std::string("'") + key + "' must not be empty");
    }
    if (fasting_ok && c.clear_fluids_hours > c.fasting_hours)
        r.error(r.line_of("clear_fluids_hours"), "clear_fluids_hours must not be more than fasting_hours");
    if (idle_ok && c.idle_reset_s - c.idle_warning_s < kMinIdleCountdown) {
        r.error(r.line_of("idle_reset_s"),
                "idle_reset_s must be at least " + std::to_string(kMinIdleCountdown) +
                    " seconds more than idle_warning_s, so the warning counts down long enough to answer");
    }
    if (sessions_ok && c.sessions_min > c.sessions_max)
        r.error(r.line_of("sessions_max"), "sessions_max must not be less than sessions_min");
    const bool nasal = std::find(c.routes_offered.begin(), c.routes_offered.end(), "nasal") != c.routes_offered.end();
    if (nasal && !r.has("monitoring_minutes")) c.monitoring_minutes = kNasalMinimumMonitoring;  // the default follows the REMS
    if (nasal && monitoring_ok && c.monitoring_minutes < kNasalMinimumMonitoring)
        r.error(r.line_of("monitoring_minutes"), "monitoring_minutes must be at least 120 when routes_offered has \"nasal\": "
                                                 "the Spravato REMS asks for at least 2 hours after each dose");
    if (!c.sample) check_placeholders(r, c);
    if (!r.has("guided_idle_reset_s")) c.guided_idle_reset_s = std::max(c.guided_idle_reset_s, c.idle_reset_s);
    else if (idle_ok && c.guided_idle_reset_s < c.idle_reset_s)
        r.error(r.line_of("guided_idle_reset_s"), "guided_idle_reset_s must not be shorter than idle_reset_s");
    r.finish();
    return result;
}

}  // namespace

ConfigLoad parse_config(std::string_view text, const std::string& shown_name) {
    return read_config(text, shown_name, {});
}

ConfigLoad load_config(const std::filesystem::path& path) {
    Diagnostics errors;
    std::string text;
    if (!read_text_file(path, path.string(), &text, errors)) {
        ConfigLoad result;
        result.errors = std::move(errors);
        return result;
    }
    return read_config(text, path.string(), {});
}

}  // namespace anteroom
