#pragma once
// What a patient sees: content resolved for one locale and one clinic, with parameters
// filled in and Markdown parsed. Built once per language switch, never per frame.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/content.hpp"
#include "core/markdown.hpp"
#include "core/message.hpp"
#include "core/translations.hpp"

namespace anteroom {

// One text as a patient sees it: a plain line, or Markdown parsed into blocks.
struct ShownText {
    std::string line;  // plain text (empty for Markdown)
    RichText rich;     // Markdown text (empty for plain)

    bool empty() const { return line.empty() && rich.empty(); }
    std::string plain() const { return line.empty() ? rich.plain() : line; }
};

struct ShownItem {
    std::string id;  // the route id, or the item's number from 1
    const ListSpec* list = nullptr;
    std::vector<ShownText> texts;  // in the order of list->fields
    bool flag = false;              // the list's flag ("correct")

    const ShownText& text(std::string_view key) const;
};

struct ShownScreen {
    std::string id;
    const KindSpec* kind = nullptr;
    std::vector<ShownText> texts;  // in the order of kind->fields
    std::vector<ShownItem> items;  // for a list by route, only those the clinic offers, in content order
    std::string ref;               // the screen its kind's screen_ref names ("topic"), or empty

    const ShownText& text(std::string_view key) const;
    const ShownItem* item(std::string_view id) const;
    // All the screen's words, one block per line: for readability scoring and searching.
    std::string plain() const;
};

struct ShownModule {
    std::string id;
    std::string locale;  // the language it is shown in: the patient's, or the fallback when a
                         // translation is missing or stale (a screen never mixes languages)
    std::string title;
    std::string summary;
    std::string reading_time;   // "About 15 minutes", in the patient's language
    std::string fallback_note;  // in the patient's language, when the module is shown in another; else empty
    int minutes = 0;
    std::vector<ShownScreen> screens;
    std::string version;  // module.toml's, or empty
};
// A module with a screen that prepares consent (its kind says so).
bool prepares_consent(const ShownModule& module);

// (locale, the language's name in itself), in the order the language screen lists them.
using LanguageNames = std::vector<std::pair<std::string, std::string>>;

class Presentation {
public:
    std::string locale;      // what the patient chose, e.g. "es", "ar", or a pseudo-locale
    std::string icu_locale;  // how numbers and plurals are formatted, e.g. "ar-u-nu-latn"
    bool rtl = false;        // right-to-left: text, lists and navigation are mirrored
    std::vector<ShownModule> modules;

    // An interface string, with the clinic's parameters and any extra ones filled in. Each
    // pattern is compiled once; a string without extra parameters is formatted once.
    const std::string& text(const std::string& key) const;
    std::string text(const std::string& key, const Params& extra) const;
    bool has_text(const std::string& key) const { return interface_.contains(key); }
    // A number as this language writes it (Arabic-Indic digits where the clinic asks for them).
    std::string number(double value) const;
    // Every offered language's name in itself, for the language buttons.
    const LanguageNames& language_names() const { return language_names_; }

    // Every character a screen of this presentation can show (for building the font atlas).
    std::string all_text() const;

private:
    friend Presentation present(const ContentSource&, const ClinicConfig&, const std::string&, const Translations&,
                                const LanguageNames&);
    struct Interface {
        std::string pattern;
        std::shared_ptr<Message> message;  // compiled on first use
        std::optional<std::string> plain;  // formatted with the clinic's parameters alone, on first use
    };
    Interface* find(const std::string& key) const;  // the cache is mutable: compiled on first use
    mutable std::map<std::string, Interface, std::less<>> interface_;
    Params clinic_params_;
    std::string pseudo_;  // the pseudo-locale whose transform text() applies, or empty
    std::shared_ptr<NumberFormatter> numbers_;
    LanguageNames language_names_;
};

Params clinic_params(const ClinicConfig& config);

// Resolves content for a locale. A module whose translation is not complete and current is
// presented whole in the clinic's fallback language instead. Assumes validate() found no
// errors; a message that still fails to format shows its source rather than nothing.
// languages: the languages the patient can choose, each named in itself (language_names()).
Presentation present(const ContentSource& content, const ClinicConfig& config, const std::string& locale,
                     const Translations& translations = {}, const LanguageNames& languages = {});

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
// Each of these languages with its own name: looked up once, for every presentation.
LanguageNames language_names(const std::vector<std::string>& locales);
// A language's name in another language, e.g. "inglés" for "en" in "es".
std::string locale_name_in(const std::string& locale, const std::string& in_locale);

}  // namespace anteroom
