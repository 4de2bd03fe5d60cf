#pragma once
// Translations, read from locales/*.po, and whether each text has a current one. A
// translation is current when its msgid is exactly today's English source and it is not
// fuzzy; when the source changes it goes stale, and stale or missing text is never shown.
#include <filesystem>
#include <map>
#include <string>

#include "core/content.hpp"
#include "core/po.hpp"

namespace anteroom {

struct Catalog {
    std::string locale;         // from the file name: es.po is "es"
    std::string file;
    std::string review_status;  // X-Review-Status: "draft" until a medical translator approves it
    std::map<std::string, PoEntry> entries;
};

struct Translations {
    std::map<std::string, Catalog> catalogs;  // by locale
    const Catalog* find(const std::string& locale) const;
};

struct TranslationsLoad {
    Translations translations;
    Diagnostics errors;
};

TranslationsLoad load_translations(const std::filesystem::path& dir);

enum class TextState { Current, Missing, Stale };

// The translation of t in catalog, or null when it is missing or stale (*state says which).
const std::string* translation_of(const Catalog& catalog, const Text& t, TextState* state = nullptr);

// Every text of a module, and of the interface, for coverage checks.
std::vector<const Text*> module_texts(const ModuleSource& module);
std::vector<const Text*> interface_texts(const ContentSource& content);

struct Coverage {
    int total = 0, current = 0, missing = 0, stale = 0;
    bool complete() const { return current == total; }
};
Coverage coverage(const Catalog& catalog, const std::vector<const Text*>& texts);

}  // namespace anteroom
