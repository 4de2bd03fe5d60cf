#pragma once
// Content as written in content/ (format version 1): modules of screens in TOML, patient
// text in ICU MessageFormat with a Markdown subset. This is the source, in the source
// language; presentation.hpp turns it into what a patient sees.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace anteroom {

inline constexpr int kContentFormat = 1;

// One piece of patient text as written, and where. Every piece is reachable through the
// content tree, so it can be translated, spoken or hashed.
struct Text {
    std::string source;
    std::string file;
    int line = 0;
    std::string key;  // stable id across languages, e.g. "education/faq:question.3.a" (a PO msgctxt)
    bool markdown = false;  // body text in the Markdown subset; otherwise a plain line

    bool empty() const { return source.empty(); }
};

enum class ScreenKind { Text, Faq, Timeline, Routes };

struct FaqEntry {
    Text question;  // plain
    Text answer;    // Markdown
};

struct TimelineStep {
    Text title;  // plain
    Text body;   // Markdown
};

struct RouteEntry {
    std::string id;  // one of kRouteIds
    Text title;      // plain
    Text summary;    // plain, one line on the chooser
    Text body;       // Markdown, the route's own page
};

struct ScreenSource {
    std::string id;
    std::string file;
    ScreenKind kind = ScreenKind::Text;
    Text title;  // plain
    Text intro;  // Markdown, optional (faq, timeline, routes)
    Text body;   // Markdown (text)
    std::vector<FaqEntry> questions;
    std::vector<TimelineStep> steps;
    std::vector<RouteEntry> routes;
};

struct ModuleSource {
    std::string id;  // the folder name
    std::string file;
    int order = 0;
    int minutes = 0;
    Text title;
    Text summary;
    std::vector<ScreenSource> screens;
};

struct ContentSource {
    std::vector<ModuleSource> modules;       // in home-screen order
    std::map<std::string, Text> interface;   // the app's own words, by key (content/interface.toml)
};

// Keys the app's interface uses, and the parameters each may use beyond the clinic's.
struct InterfaceKey {
    const char* key;
    std::vector<std::string> extra_params;
};
const std::vector<InterfaceKey>& interface_keys();

struct ContentLoad {
    ContentSource content;
    Diagnostics errors;  // empty when every file is good
};

// Reads content/: interface.toml and every folder holding a module.toml.
ContentLoad load_content(const std::filesystem::path& dir);

}  // namespace anteroom
