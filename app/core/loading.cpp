#include "core/loading.hpp"

#include "core/presentation.hpp"

namespace anteroom {

Loaded load_all(const std::string& config_file, const std::string& content_dir, const std::string& locales_dir) {
    return load_all(load_config(config_file), config_file, content_dir, locales_dir);
}

Loaded load_all(ConfigLoad config, const std::string& config_file, const std::string& content_dir, const std::string& locales_dir) {
    Loaded l;
    l.config = std::move(config);
    l.content = load_content(content_dir);
    l.translations = load_translations(locales_dir);
    l.problems = l.config.errors;
    l.problems.insert(l.problems.end(), l.content.errors.begin(), l.content.errors.end());
    l.problems.insert(l.problems.end(), l.translations.errors.begin(), l.translations.errors.end());
    // Validating half-loaded content, or content against a config that did not load, would
    // only add confusing follow-on errors.
    if (l.content.errors.empty() && l.config.errors.empty()) {
        Diagnostics more = validate(l.content.content, l.config.config, config_file, l.translations.translations);
        l.problems.insert(l.problems.end(), more.begin(), more.end());
    }
    return l;
}

}  // namespace anteroom
