#include "core/content.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/config.hpp"
#include "core/toml_source.hpp"

namespace anteroom {

namespace fs = std::filesystem;

const std::vector<InterfaceKey>& interface_keys() {
    static const std::vector<InterfaceKey> keys = {
        {"attract.welcome", {}, kDisplayFace},
        {"attract.touch", {}, kTitleFace},
        {"attract.privacy", {}, kNoteFace},
        {"attract.sample", {}, kNoteFace, false},  // only on a sample kiosk
        {"language.title", {}, kTitleFace},
        {"home.title", {}, kTitleFace},
        {"home.minutes", {"minutes"}, kNoteFace},
        {"home.fallback", {"language"}, kNoteFace},
        {"nav.back", {}},
        {"nav.next", {}},
        {"nav.finish", {}},
        {"nav.home", {}},
        {"nav.progress", {"current", "total"}, kNoteFace},
        {"nav.language", {}},
        {"settings.open", {}},
        {"settings.title", {}, kTitleFace},
        {"settings.size", {}},
        {"settings.standard", {}},
        {"settings.larger", {}},
        {"settings.largest", {}},
        {"settings.contrast", {}},
        {"settings.motion", {}},
        {"settings.on", {}},
        {"settings.off", {}},
        {"settings.choice", {"setting", "choice"}},
        {"settings.note", {}, kNoteFace},
        {"settings.done", {}},
        {"speech.read", {}},
        {"speech.stop", {}},
        {"speech.pause", {}},
        {"speech.resume", {}},
        {"speech.quieter", {}},
        {"speech.louder", {}},
        {"speech.volume", {"level", "levels"}},
        {"speech.no_audio", {}},
        {"speech.button", {"label"}},
        {"speech.selected", {"label"}},
        {"scroll.more", {}, kNoteFace},
        {"faq.show", {}},
        {"faq.hide", {}},
        {"routes.open", {}},
        {"routes.all", {}},
        {"ask.title", {}, kHeadingFace},
        {"ask.body", {}},
        {"end.title", {}, kTitleFace},
        {"end.body", {}},
        {"end.restart", {}},
        {"idle.title", {}, kTitleFace},
        {"idle.body", {"seconds"}, kNoteFace},
        {"idle.stay", {}},
        {"consent.understand", {}},
        {"consent.understood", {}},
        {"consent.question", {}},
        {"consent.question_marked", {}},
        {"consent.stop", {}},
        {"consent.stop_title", {}, kTitleFace},
        {"consent.stop_body", {}},
        {"consent.read_to_end", {}, kNoteFace},
        {"consent.acknowledge_first", {}, kNoteFace},
        {"consent.answer_first", {}, kNoteFace},
        {"consent.end_title", {}, kTitleFace},
        {"consent.end_body", {}},
        {"consent.questions_title", {}, kHeadingFace},
        {"consent.no_questions", {}},
        {"quiz.right", {}, kHeadingFace},
        {"quiz.wrong", {}, kHeadingFace},
        {"quiz.read_again", {}},
        {"quiz.try_again", {}},
        {"preparing.title", {}, kTitleFace},
        {"preparing.body", {}},
    };
    return keys;
}

namespace {
const Text kNoText;
}

const Text& ScreenSource::text(std::string_view key) const {
    const int i = kind ? kind->field_index(key) : -1;
    return i < 0 ? kNoText : texts[static_cast<size_t>(i)];
}

const Text& ItemSource::text(std::string_view key) const {
    for (size_t i = 0; i < list->fields.size(); ++i)
        if (list->fields[i].key == key) return texts[i];
    return kNoText;
}

namespace {

bool valid_id(const std::string& id) {
    return !id.empty() && id.size() <= 64 &&
           std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// An id as it can be shown in a message: control bytes written as \xNN.
std::string printable(const std::string& id) {
    std::string out;
    for (unsigned char c : id) {
        if (c >= 0x20 && c != 0x7F) {
            out += static_cast<char>(c);
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", c);
            out += hex;
        }
    }
    return out;
}

Text text_from(const std::optional<SourceString>& s, const std::string& file, std::string key, bool markdown = false) {
    return s ? Text{s->text, file, s->line, std::move(key), markdown} : Text{{}, file, 0, std::move(key), markdown};
}

struct Loader {
    ContentLoad result;

    void error(const std::string& file, int line, const std::string& message) {
        result.errors.push_back({file, line, message});
    }

    std::optional<ScreenSource> load_screen(const fs::path& path, const std::string& module, const std::string& id) {
        const std::string file = path.string();
        std::string source;
        if (!read_text_file(path, file, &source, result.errors)) return std::nullopt;
        auto root = parse_toml_text(source, file, result.errors);
        if (!root) return std::nullopt;
        TableReader r(*root, file, result.errors, source);

        ScreenSource screen;
        screen.id = id;
        screen.file = file;
        const std::string key = module + "/" + id + ":";
        auto kind = r.string("kind", true);
        if (kind) {
            screen.kind = find_kind(kind->text);
            if (!screen.kind) error(file, kind->line, "kind '" + kind->text + "' is not one of " + kind_names());
        }
        if (!screen.kind) return std::nullopt;  // its other keys would only add confusing messages
        const KindSpec& spec = *screen.kind;
        for (const FieldSpec& f : spec.fields)
            screen.texts.push_back(text_from(r.string(f.key, f.required), file, key + std::string(f.key), f.form == TextForm::Markdown));
        if (spec.has_list()) {
            const std::string table(spec.list.table);
            std::set<std::string> seen;
            for (TableReader& t : r.table_array(table)) {
                ItemSource item;
                item.list = &spec.list;
                if (spec.list.by_route) {
                    if (auto route = t.string("id", true)) {
                        item.id = route->text;
                        if (std::find(kRouteIds.begin(), kRouteIds.end(), route->text) == kRouteIds.end())
                            error(file, route->line, "route id '" + route->text + "' is not one of iv, im, lozenge, nasal");
                        else if (!seen.insert(route->text).second)
                            error(file, route->line, "route '" + route->text + "' appears twice");
                    }
                } else {
                    item.id = std::to_string(screen.items.size() + 1);
                }
                const std::string n = key + table + "." + item.id + ".";
                for (const FieldSpec& f : spec.list.fields)
                    item.texts.push_back(text_from(t.string(f.key, f.required), file, n + std::string(f.key), f.form == TextForm::Markdown));
                if (!spec.list.flag.empty()) item.flag = t.boolean(spec.list.flag, false).value_or(false);
                t.finish();
                screen.items.push_back(std::move(item));
            }
            const bool optional = spec.consent && spec.list.flag.empty();  // a topic may have no point to confirm
            if (screen.items.empty() && !optional)
                error(file, r.line_of("kind"), "a screen of kind '" + std::string(spec.name) + "' needs at least one [[" + table + "]]");
            if (!spec.list.flag.empty()) {
                const auto flagged = std::count_if(screen.items.begin(), screen.items.end(), [](const ItemSource& i) { return i.flag; });
                if (screen.items.size() < 3)
                    error(file, r.line_of("kind"), "a " + std::string(spec.name) + " needs at least three [[" + table + "]]: guessing must not pay");
                if (flagged != 1)
                    error(file, r.line_of("kind"), "exactly one [[" + table + "]] must have " + std::string(spec.list.flag) + " = true (" +
                                                       std::to_string(flagged) + " have)");
            }
        }
        if (!spec.screen_ref.empty())
            if (auto ref = r.string(spec.screen_ref, true)) screen.ref = ref->text, screen.ref_line = ref->line;
        r.finish();
        return screen;
    }

    void load_module(const fs::path& dir) {
        const fs::path path = dir / "module.toml";
        const std::string file = path.string();
        std::string source;
        if (!read_text_file(path, file, &source, result.errors)) return;
        auto root = parse_toml_text(source, file, result.errors);
        if (!root) return;
        TableReader r(*root, file, result.errors, source);

        ModuleSource module;
        module.id = dir.filename().string();
        module.file = file;
        if (auto format = r.integer("format", true, 1, 1000); format && *format != kContentFormat)
            error(file, r.line_of("format"), "format " + std::to_string(*format) + " is not supported; this kiosk reads format " +
                                      std::to_string(kContentFormat));
        if (auto order = r.integer("order", false, 0, 1000)) module.order = static_cast<int>(*order);
        if (auto minutes = r.integer("minutes", true, 1, 240)) module.minutes = static_cast<int>(*minutes);
        if (auto version = r.string("version", false)) {
            if (version->text.empty() || version->text.size() > 64 || version->text.find_first_of("\n\t") != std::string::npos)
                error(file, version->line, "'version' must be a short name for this edition of the text, like \"1\" or \"2026-12\"");
            else module.version = version->text;
        }
        module.title = text_from(r.string("title", true), file, module.id + ":title");
        module.summary = text_from(r.string("summary", true), file, module.id + ":summary");
        std::set<std::string> listed;
        if (auto screens = r.string_array("screens", true)) {
            if (screens->empty()) error(file, r.line_of("screens"), "'screens' must list at least one screen");
            for (const SourceString& id : *screens) {
                if (!valid_id(id.text)) {  // an id is also a file name: keep it plain and inside screens/
                    error(file, id.line, "screen id '" + printable(id.text) + "' may use only a-z, 0-9 and '-' (at most 64)");
                    continue;
                }
                if (!listed.insert(id.text).second) {
                    error(file, id.line, "screen '" + id.text + "' is listed twice");
                    continue;
                }
                const fs::path screen_path = dir / "screens" / (id.text + ".toml");
                std::error_code missing;
                if (!fs::is_regular_file(screen_path, missing)) {
                    error(file, id.line, "screen '" + id.text + "' has no file " + screen_path.string());
                    continue;
                }
                if (auto screen = load_screen(screen_path, module.id, id.text)) module.screens.push_back(std::move(*screen));
            }
        }
        r.finish();
        // A screen named by another (a quiz's topic) must come before it in the same module.
        for (size_t i = 0; i < module.screens.size(); ++i) {
            const ScreenSource& s = module.screens[i];
            if (s.kind->screen_ref.empty() || s.ref.empty()) continue;
            const auto before = std::find_if(module.screens.begin(), module.screens.begin() + static_cast<long>(i),
                                             [&](const ScreenSource& o) { return o.id == s.ref; });
            if (before == module.screens.begin() + static_cast<long>(i))
                error(s.file, s.ref_line, std::string(s.kind->screen_ref) + " '" + s.ref + "' is not a screen listed before this one in " + file);
        }
        // A screen file nobody lists would silently never be shown.
        for (const fs::directory_entry& entry : list_folder(dir / "screens", result.errors)) {
            if (entry.path().extension() == ".toml" && !listed.contains(entry.path().stem().string()))
                error(entry.path().string(), 0, "this screen is not listed in " + file + " 'screens'");
        }
        result.content.modules.push_back(std::move(module));
    }

    void load_interface(const fs::path& path) {
        const std::string file = path.string();
        std::string source;
        if (!read_text_file(path, file, &source, result.errors)) return;
        auto root = parse_toml_text(source, file, result.errors);
        if (!root) return;
        // Keys are written as sections: [idle] title = "..." gives "idle.title".
        for (const auto& [section, node] : *root) {
            const toml::table* table = node.as_table();
            if (!table) {
                error(file, static_cast<int>(node.source().begin.line),
                      "'" + std::string(section.str()) + "' must be a [section] of strings");
                continue;
            }
            TableReader r(*table, file, result.errors, source, "[" + std::string(section.str()) + "]");
            for (const auto& [key, value] : *table) {
                const std::string full = std::string(section.str()) + "." + std::string(key.str());
                const bool known = std::any_of(interface_keys().begin(), interface_keys().end(),
                                               [&](const InterfaceKey& k) { return full == k.key; });
                if (known) result.content.interface[full] = text_from(r.string(key.str(), true), file, "interface:" + full);
            }
            r.finish();
        }
        for (const InterfaceKey& k : interface_keys())
            if (k.required && !result.content.interface.contains(k.key)) error(file, 0, std::string("'") + k.key + "' is missing");
    }
};

}  // namespace

ContentLoad load_content(const fs::path& dir) {
    Loader loader;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        loader.error(dir.string(), 0, "is not a content folder");
        return std::move(loader.result);
    }
    loader.load_interface(dir / "interface.toml");
    std::vector<fs::path> module_dirs;
    for (const fs::directory_entry& entry : list_folder(dir, loader.result.errors)) {
        if (!entry.is_directory(ec)) continue;
        if (fs::exists(entry.path() / "module.toml", ec)) module_dirs.push_back(entry.path());
        else if (fs::exists(entry.path() / "screens", ec))  // looks like a module whose module.toml is misnamed
            loader.error((entry.path() / "module.toml").string(), 0, "is missing: this folder has screens but no module.toml");
    }
    std::sort(module_dirs.begin(), module_dirs.end());
    for (const fs::path& d : module_dirs) loader.load_module(d);
    auto& modules = loader.result.content.modules;
    std::stable_sort(modules.begin(), modules.end(),
                     [](const ModuleSource& a, const ModuleSource& b) { return a.order < b.order; });
    if (modules.empty()) loader.error(dir.string(), 0, "holds no module (a folder with a module.toml)");
    return std::move(loader.result);
}

}  // namespace anteroom
