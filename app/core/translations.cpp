#include "core/translations.hpp"

#include <algorithm>

#include "core/toml_source.hpp"

namespace anteroom {

namespace fs = std::filesystem;

const Catalog* Translations::find(const std::string& locale) const {
    auto it = catalogs.find(locale);
    return it == catalogs.end() ? nullptr : &it->second;
}

TranslationsLoad load_translations(const fs::path& dir) {
    TranslationsLoad result;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return result;  // no translations: English only
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : list_folder(dir, result.errors))
        if (entry.path().extension() == ".po") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& path : files) {
        std::string text;
        if (!read_text_file(path, path.string(), &text, result.errors)) continue;
        const size_t errors_before = result.errors.size();
        PoFile po = parse_po(text, path.string(), result.errors);
        if (result.errors.size() != errors_before) continue;  // a broken file offers nothing
        Catalog catalog;
        catalog.locale = path.stem().string();
        catalog.file = path.string();
        catalog.review_status = po.header.contains("X-Review-Status") ? po.header["X-Review-Status"] : "draft";
        if (po.header.contains("Language") && po.header["Language"] != catalog.locale)
            result.errors.push_back({path.string(), 1, "Language is '" + po.header["Language"] + "' but the file name says '" +
                                                           catalog.locale + "'"});
        catalog.entries = std::move(po.entries);
        result.translations.catalogs[catalog.locale] = std::move(catalog);
    }
    return result;
}

const std::string* translation_of(const Catalog& catalog, const Text& t, TextState* state) {
    auto it = catalog.entries.find(t.key);
    TextState s = TextState::Missing;
    if (it != catalog.entries.end() && !it->second.str.empty())
        s = it->second.fuzzy || it->second.id != t.source ? TextState::Stale : TextState::Current;
    if (state) *state = s;
    return s == TextState::Current ? &it->second.str : nullptr;
}

std::vector<const Text*> module_texts(const ModuleSource& m) {
    std::vector<const Text*> texts{&m.title, &m.summary};
    auto add = [&texts](const Text& t) {
        if (!t.empty()) texts.push_back(&t);
    };
    for (const ScreenSource& s : m.screens) {
        for (const Text& t : s.texts) add(t);
        for (const ItemSource& item : s.items)
            for (const Text& t : item.texts) add(t);
    }
    return texts;
}

std::vector<const Text*> interface_texts(const ContentSource& content) {
    std::vector<const Text*> texts;
    for (const auto& [key, t] : content.interface) texts.push_back(&t);
    return texts;
}

Coverage coverage(const Catalog& catalog, const std::vector<const Text*>& texts) {
    Coverage c;
    for (const Text* t : texts) {
        TextState state;
        translation_of(catalog, *t, &state);
        ++c.total;
        c.current += state == TextState::Current;
        c.missing += state == TextState::Missing;
        c.stale += state == TextState::Stale;
    }
    return c;
}

}  // namespace anteroom
