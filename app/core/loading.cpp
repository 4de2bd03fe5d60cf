#include "core/loading.hpp"

#include <algorithm>

#include "core/presentation.hpp"

namespace anteroom {

namespace {

bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

std::string joined(const std::vector<std::string>& list) {
    std::string out;
    for (const std::string& item : list) out += (out.empty() ? "" : ", ") + item;
    return out;
}

// The clinic's languages can only be checked against the translations that loaded.
Diagnostics check_locales(const Loaded& l, const std::string& config_file) {
    Diagnostics out;
    const ClinicConfig& c = l.config.config;
    auto line_of = [&l](const std::string& key) {
        auto it = l.config.lines.find(key);
        return it == l.config.lines.end() ? 0 : it->second;
    };
    const auto real = available_locales(l.content.content, l.translations.translations);
    // Every new session starts in default_locale: a pseudo-language only when the clinic asked for them.
    const auto offered = available_locales(l.content.content, l.translations.translations, c.pseudo_locales);
    if (has(kPseudoLocales, c.default_locale) && !c.pseudo_locales)
        out.push_back({config_file, line_of("default_locale"),
                       "default_locale '" + c.default_locale +
                           "' is a layout-testing pseudo-language; set pseudo_locales = true to offer it"});
    else if (!has(offered, c.default_locale))
        out.push_back({config_file, line_of("default_locale"), "default_locale '" + c.default_locale +
                                                                   "' is not an available language (available: " + joined(offered) + ")"});
    // A module shown in fallback_locale is read by patients: never a pseudo-language.
    if (has(kPseudoLocales, c.fallback_locale))
        out.push_back({config_file, line_of("fallback_locale"),
                       "fallback_locale '" + c.fallback_locale + "' is a layout-testing pseudo-language; name a real one (available: " +
                           joined(real) + ")"});
    else if (!has(real, c.fallback_locale))
        out.push_back({config_file, line_of("fallback_locale"), "fallback_locale '" + c.fallback_locale +
                                                                    "' is not an available language (available: " + joined(real) + ")"});
    return out;
}

}  // namespace

Loaded load_all(const std::string& config_file, const std::string& content_dir, const std::string& locales_dir) {
    return load_all(load_config(config_file), config_file, content_dir, locales_dir);
}

Loaded load_all(ConfigLoad config, const std::string& config_file, const std::string& content_dir, const std::string& locales_dir) {
    Loaded l;
    l.config = std::move(config);
    l.content = load_content(content_dir);
    l.translations = load_translations(locales_dir);
    // Validating half-loaded content, or content against a config that did not load, would
    // only add confusing follow-on errors.
    const bool loaded = l.content.errors.empty() && l.config.errors.empty();
    l.problems = l.config.errors;
    if (loaded) l.problems = check_locales(l, config_file);  // the config file's own problems come first
    l.problems.insert(l.problems.end(), l.content.errors.begin(), l.content.errors.end());
    l.problems.insert(l.problems.end(), l.translations.errors.begin(), l.translations.errors.end());
    if (loaded) {
        Diagnostics more = validate(l.content.content, l.config.config, config_file, l.translations.translations);
        l.problems.insert(l.problems.end(), more.begin(), more.end());
    }
    return l;
}

}  // namespace anteroom
