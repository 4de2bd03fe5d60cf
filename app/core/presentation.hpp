#pragma once
// What a patient sees: content resolved for one locale and one clinic, with parameters
// filled in and Markdown parsed. Built once per language switch, never per frame.
#include <map>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/content.hpp"
#include "core/markdown.hpp"
#include "core/message.hpp"
#include "core/translations.hpp"

namespace anteroom {

struct ShownQuestion {
    std::string question;
    RichText answer;
};

struct ShownStep {
    std::string title;
    RichText body;
};

struct ShownRoute {
    std::string id;
    std::string title;
    std::string summary;
    RichText body;
};

struct ShownScreen {
    std::string id;
    ScreenKind kind = ScreenKind::Text;
    std::string title;
    RichText intro;
    RichText body;
    std::vector<ShownQuestion> questions;
    std::vector<ShownStep> steps;
    std::vector<ShownRoute> routes;  // only those the clinic offers, in content order

    // All the screen's words, one block per line: for readability scoring and glyph lists.
    std::string plain() const;
};

struct ShownModule {
    std::string id;
    std::string locale;  // the language it is shown in: the patient's, or the fallback when a
                         // translation is missing or stale (a screen never mixes languages)
    std::string title;
    std::string summary;
    int minutes = 0;
    std::vector<ShownScreen> screens;
};

class Presentation {
public:
    std::string locale;      // what the patient chose, e.g. "es", "ar", or a pseudo-locale
    std::string icu_locale;  // how numbers and plurals are formatted, e.g. "ar-u-nu-latn"
    bool rtl = false;        // right-to-left: text, lists and navigation are mirrored
    std::vector<ShownModule> modules;

    // An interface string, with the clinic's parameters and any extra ones filled in.
    std::string text(const std::string& key, const Params& extra = {}) const;
    bool has_text(const std::string& key) const { return interface_.contains(key); }

    // Every character a screen of this presentation can show (for building the font atlas).
    std::string all_text() const;

private:
    friend Presentation present(const ContentSource&, const ClinicConfig&, const std::string&, const Translations&);
    std::map<std::string, std::string, std::less<>> interface_;  // patterns, formatted on use
    Params clinic_params_;
    std::string pseudo_;  // the pseudo-locale whose transform text() applies, or empty
};

Params clinic_params(const ClinicConfig& config);

// Resolves content for a locale. A module whose translation is not complete and current is
// presented whole in the clinic's fallback language instead. Assumes validate() found no
// errors; a message that still fails to format shows its source rather than nothing.
Presentation present(const ContentSource& content, const ClinicConfig& config, const std::string& locale,
                     const Translations& translations = {});

// Every problem `anteroom check` reports beyond loading: message syntax, unknown parameters,
// Markdown outside the subset, routes offered without a page, an unknown default locale, and
// in translations: syntax, and parameters the English source does not have.
Diagnostics validate(const ContentSource& content, const ClinicConfig& config, const std::string& config_file,
                     const Translations& translations = {});

// Pseudo-locales for testing layout: longer accented English, and English right to left.
inline const std::vector<std::string> kPseudoLocales = {"en-XA", "ar-XB"};

// Locales a patient can choose: English (the source), and each translation whose interface
// text is complete and current; the pseudo-locales only when asked for.
std::vector<std::string> available_locales(const ContentSource& content, const Translations& translations = {},
                                           bool pseudo = false);

// A language's name in its own language and script, e.g. "English", "Español".
std::string locale_native_name(const std::string& locale);
// A language's name in another language, e.g. "inglés" for "en" in "es".
std::string locale_name_in(const std::string& locale, const std::string& in_locale);

}  // namespace anteroom
