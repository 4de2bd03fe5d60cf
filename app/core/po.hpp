#pragma once
// gettext PO files: the translations of content and interface text, one file per locale in
// locales/, so translators work in Poedit or Weblate as usual. msgctxt is the text's key,
// msgid its English source, msgstr the translation.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/content.hpp"
#include "core/diagnostics.hpp"

namespace anteroom {

struct PoEntry {
    std::string context;  // msgctxt: the Text key
    std::string id;       // msgid: the English source it translates
    std::string str;      // msgstr
    bool fuzzy = false;   // "#, fuzzy": msgmerge's mark for a source that changed
    int line = 0;         // where the entry starts
    int str_line = 0;     // where the msgstr's first line of text is: line k of it is str_line + k
};

struct PoFile {
    std::map<std::string, std::string> header;  // "Language", "X-Review-Status", ...
    std::map<std::string, PoEntry> entries;      // by context
};

PoFile parse_po(std::string_view text, const std::string& file, Diagnostics& out);

// The template of every translatable text: content's and the interface's, in content order.
// Source references are written relative to base, so the template does not depend on where
// the checkout is.
std::string write_pot(const ContentSource& content, const std::filesystem::path& base);

}  // namespace anteroom
