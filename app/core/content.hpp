#pragma once
// Content as written in content/ (format version 1): modules of screens in TOML, patient
// text in ICU MessageFormat with a Markdown subset. This is the source, in the source
// language; presentation.hpp turns it into what a patient sees.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/screen_kinds.hpp"

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

// One item of a screen's list (a question, a step, a route), its texts in the order of its
// kind's ListSpec::fields.
struct ItemSource {
    std::string id;  // the route id, or its number from 1
    const ListSpec* list = nullptr;
    std::vector<Text> texts;
    bool flag = false;  // the list's flag key ("correct"), when the kind has one

    const Text& text(std::string_view key) const;
};

struct ScreenSource {
    std::string id;
    std::string file;
    const KindSpec* kind = nullptr;
    std::vector<Text> texts;  // in the order of kind->fields; an optional one left out is empty
    std::vector<ItemSource> items;
    std::string ref;  // the screen the kind's screen_ref names ("topic")
    int ref_line = 0;

    const Text& text(std::string_view key) const;
};

struct ModuleSource {
    std::string id;  // the folder name
    std::string file;
    int order = 0;
    int minutes = 0;
    std::string version;  // the clinic's name for this edition of the text (module.toml), or empty
    Text title;
    Text summary;
    std::vector<ScreenSource> screens;
};

struct ContentSource {
    std::vector<ModuleSource> modules;       // in home-screen order
    std::map<std::string, Text> interface;   // the app's own words, by key (content/interface.toml)
};

// Keys the app's interface uses, the parameters each may use beyond the clinic's, and the
// faces it is drawn in beyond the body and label faces every interface text may appear in.
struct InterfaceKey {
    const char* key;
    std::vector<std::string> extra_params;
    unsigned faces = 0;  // FontRole bits
    bool required = true;  // false: content may leave it out, and it is then not shown
};
const std::vector<InterfaceKey>& interface_keys();

struct ContentLoad {
    ContentSource content;
    Diagnostics errors;  // empty when every file is good
};

// Reads content/: interface.toml and every folder holding a module.toml.
ContentLoad load_content(const std::filesystem::path& dir);

}  // namespace anteroom
