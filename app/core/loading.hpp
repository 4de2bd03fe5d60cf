#pragma once
// Content, configuration and translations, loaded together as the kiosk, `anteroom check`
// and the tests load them, with every problem found.
#include <string>

#include "core/config.hpp"
#include "core/content.hpp"
#include "core/diagnostics.hpp"
#include "core/translations.hpp"

namespace anteroom {

struct Loaded {
    ContentLoad content;
    ConfigLoad config;
    TranslationsLoad translations;
    Diagnostics problems;  // everything wrong, config first

    bool ok() const { return problems.empty(); }
};

Loaded load_all(const std::string& config_file, const std::string& content_dir, const std::string& locales_dir);
// With the configuration already loaded (or parsed) from config_file.
Loaded load_all(ConfigLoad config, const std::string& config_file, const std::string& content_dir, const std::string& locales_dir);

}  // namespace anteroom
