#include "core/config.hpp"

#include <algorithm>

#include "core/toml_source.hpp"

namespace anteroom {

namespace {

ConfigLoad read_config(std::string_view text, const std::string& file, Diagnostics errors) {
    ConfigLoad result;
    result.errors = std::move(errors);
    auto root = parse_toml_text(text, file, result.errors);
    if (!root) return result;
    ClinicConfig& c = result.config;
    TableReader r(*root, file, result.errors, text);
    for (const auto& [key, node] : *root) result.lines[std::string(key.str())] = static_cast<int>(node.source().begin.line);

    if (auto v = r.string("clinic_name", true)) c.clinic_name = v->text;
    if (auto v = r.string("clinic_phone", true)) c.clinic_phone = v->text;
    if (auto v = r.string("crisis_line", false)) c.crisis_line = v->text;
    // Cross-field checks run only on values that passed their own: one mistake, one message.
    bool fasting_ok = true, idle_ok = true;
    if (auto v = r.number("fasting_hours", false, 0, 12)) c.fasting_hours = *v;
    else fasting_ok = !r.has("fasting_hours");
    if (auto v = r.number("clear_fluids_hours", false, 0, 12)) c.clear_fluids_hours = *v;
    else fasting_ok = fasting_ok && !r.has("clear_fluids_hours");
    if (auto v = r.number("monitoring_minutes", false, 15, 480)) c.monitoring_minutes = *v;
    if (auto v = r.integer("idle_warning_s", false, 15, 3600)) c.idle_warning_s = static_cast<int>(*v);
    else idle_ok = !r.has("idle_warning_s");
    if (auto v = r.integer("idle_reset_s", false, 15 + kMinIdleCountdown, 7200)) c.idle_reset_s = static_cast<int>(*v);
    else idle_ok = idle_ok && !r.has("idle_reset_s");
    if (auto v = r.integer("guided_idle_reset_s", false, 300, 28800)) c.guided_idle_reset_s = static_cast<int>(*v);
    if (auto v = r.string("default_locale", false)) c.default_locale = v->text;
    if (auto v = r.string("fallback_locale", false)) c.fallback_locale = v->text;
    if (auto v = r.boolean("arabic_digits", false)) c.arabic_digits = *v;
    if (auto v = r.boolean("pseudo_locales", false)) c.pseudo_locales = *v;

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
    for (const char* key : {"clinic_name", "clinic_phone", "crisis_line"}) {
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
    if (idle_ok && c.guided_idle_reset_s < c.idle_reset_s)
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
