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
        {"attract.welcome", {}},
        {"attract.touch", {}},
        {"attract.privacy", {}},
        {"language.title", {}},
        {"home.title", {}},
        {"home.minutes", {"minutes"}},
        {"home.fallback", {"language"}},
        {"nav.back", {}},
        {"nav.next", {}},
        {"nav.finish", {}},
        {"nav.home", {}},
        {"nav.progress", {"current", "total"}},
        {"nav.language", {}},
        {"scroll.more", {}},
        {"faq.show", {}},
        {"faq.hide", {}},
        {"routes.open", {}},
        {"routes.all", {}},
        {"ask.title", {}},
        {"ask.body", {}},
        {"end.title", {}},
        {"end.body", {}},
        {"end.restart", {}},
        {"idle.title", {}},
        {"idle.body", {"seconds"}},
        {"idle.stay", {}},
        {"preparing.title", {}},
        {"preparing.body", {}},
    };
    return keys;
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
        auto kind = r.string("kind", true);
        const std::string key = module + "/" + id + ":";
        screen.title = text_from(r.string("title", true), file, key + "title");
        if (kind) {
            if (kind->text == "text") screen.kind = ScreenKind::Text;
            else if (kind->text == "faq") screen.kind = ScreenKind::Faq;
            else if (kind->text == "timeline") screen.kind = ScreenKind::Timeline;
            else if (kind->text == "routes") screen.kind = ScreenKind::Routes;
            else error(file, kind->line, "kind '" + kind->text + "' is not one of text, faq, timeline, routes");
        }
        if (screen.kind == ScreenKind::Text) {
            screen.body = text_from(r.string("body", true), file, key + "body", true);
        } else {
            screen.intro = text_from(r.string("intro", false), file, key + "intro", true);
        }
        if (screen.kind == ScreenKind::Faq) {
            for (TableReader& q : r.table_array("question")) {
                const std::string n = key + "question." + std::to_string(screen.questions.size() + 1);
                screen.questions.push_back({text_from(q.string("q", true), file, n + ".q"), text_from(q.string("a", true), file, n + ".a", true)});
                q.finish();
            }
            if (screen.questions.empty()) error(file, r.line_of("kind"), "an faq screen needs at least one [[question]]");
        }
        if (screen.kind == ScreenKind::Timeline) {
            for (TableReader& s : r.table_array("step")) {
                const std::string n = key + "step." + std::to_string(screen.steps.size() + 1);
                screen.steps.push_back({text_from(s.string("title", true), file, n + ".title"), text_from(s.string("body", true), file, n + ".body", true)});
                s.finish();
            }
            if (screen.steps.empty()) error(file, r.line_of("kind"), "a timeline screen needs at least one [[step]]");
        }
        if (screen.kind == ScreenKind::Routes) {
            std::set<std::string> seen;
            for (TableReader& t : r.table_array("route")) {
                RouteEntry route;
                if (auto id = t.string("id", true)) {
                    route.id = id->text;
                    if (std::find(kRouteIds.begin(), kRouteIds.end(), id->text) == kRouteIds.end())
                        error(file, id->line, "route id '" + id->text + "' is not one of iv, im, lozenge, nasal");
                    else if (!seen.insert(id->text).second)
                        error(file, id->line, "route '" + id->text + "' appears twice");
                }
                const std::string n = key + "route." + route.id;
                route.title = text_from(t.string("title", true), file, n + ".title");
                route.summary = text_from(t.string("summary", true), file, n + ".summary");
                route.body = text_from(t.string("body", true), file, n + ".body", true);
                t.finish();
                screen.routes.push_back(std::move(route));
            }
            if (screen.routes.empty()) error(file, r.line_of("kind"), "a routes screen needs at least one [[route]]");
        }
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
        // A screen file nobody lists would silently never be shown.
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(dir / "screens", ec)) {
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
            if (!result.content.interface.contains(k.key)) error(file, 0, std::string("'") + k.key + "' is missing");
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
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
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
