#include "core/po.hpp"

#include "core/translations.hpp"

#include <sstream>

namespace anteroom {

namespace {

// Reads a "..." string starting at s[0] == '"'; returns false on a malformed one.
bool unquote(std::string_view s, std::string* out) {
    if (s.size() < 2 || s.front() != '"' || s.back() != '"') return false;
    for (size_t i = 1; i + 1 < s.size(); ++i) {
        char c = s[i];
        if (c == '"') return false;
        if (c != '\\') {
            *out += c;
            continue;
        }
        if (++i + 1 > s.size() - 1) return false;
        switch (s[i]) {
        case 'n': *out += '\n'; break;
        case 't': *out += '\t'; break;
        case '"': *out += '"'; break;
        case '\\': *out += '\\'; break;
        default: return false;
        }
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace

PoFile parse_po(std::string_view text, const std::string& file, Diagnostics& out) {
    PoFile po;
    PoEntry entry;
    std::string* field = nullptr;  // where continuation lines go
    bool has_id = false, has_str = false;
    auto finish = [&](int line) {
        if (has_id && !has_str) out.push_back({file, entry.line, "msgid without msgstr"});
        if (has_id && has_str) {
            if (entry.id.empty() && entry.context.empty()) {  // the header
                std::istringstream lines(entry.str);
                for (std::string l; std::getline(lines, l);)
                    if (auto colon = l.find(':'); colon != std::string::npos)
                        po.header[l.substr(0, colon)] = std::string(trim(std::string_view(l).substr(colon + 1)));
            } else if (!po.entries.emplace(entry.context, entry).second) {
                out.push_back({file, entry.line, "msgctxt \"" + entry.context + "\" appears twice"});
            }
        }
        entry = PoEntry{};
        entry.line = line;
        field = nullptr;
        has_id = has_str = false;
    };

    int number = 0;
    size_t pos = 0;
    while (pos <= text.size()) {
        const size_t end = std::min(text.size(), text.find('\n', pos));
        const std::string_view line = trim(text.substr(pos, end - pos));
        pos = end + 1;
        ++number;
        if (line.empty()) continue;
        if (line.starts_with("#")) {
            if (has_str) finish(number);
            if (line.starts_with("#,") && line.find("fuzzy") != std::string_view::npos) entry.fuzzy = true;
            if (!entry.line) entry.line = number;
            continue;
        }
        auto start_field = [&](std::string_view keyword, std::string* target) {
            std::string value;
            if (!unquote(trim(line.substr(keyword.size())), &value)) {
                out.push_back({file, number, "malformed string after " + std::string(keyword)});
                return;
            }
            *target = value;
            field = target;
        };
        if (line.starts_with("msgctxt")) {
            if (has_str) finish(number);
            if (!entry.line) entry.line = number;
            start_field("msgctxt", &entry.context);
        } else if (line.starts_with("msgid_plural")) {
            out.push_back({file, number, "msgid_plural is not used: plurals live inside the message, in ICU syntax"});
            field = nullptr;
        } else if (line.starts_with("msgid")) {
            if (has_str) finish(number);
            if (!entry.line) entry.line = number;
            has_id = true;
            start_field("msgid", &entry.id);
        } else if (line.starts_with("msgstr")) {
            if (!has_id) out.push_back({file, number, "msgstr without msgid"});
            has_str = true;
            start_field(line.starts_with("msgstr[") ? line.substr(0, line.find(']') + 1) : "msgstr", &entry.str);
            // msgstr "" followed by one string line per text line, as msgmerge writes it
            entry.str_line = entry.str.empty() ? number + 1 : number;
        } else if (line.front() == '"') {
            std::string more;
            if (!field) out.push_back({file, number, "a string line that continues nothing"});
            else if (!unquote(line, &more)) out.push_back({file, number, "malformed string: it must start and end with \" (write \\\" for a quote)"});
            else *field += more;
        } else {
            out.push_back({file, number, "not a PO line: " + std::string(line.substr(0, 40))});
        }
        if (end == text.size()) break;
    }
    finish(number);
    return po;
}

namespace {

// Escapes a string for a PO file line: quotes, backslashes, newlines.
std::string po_quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\', out += c;
        else if (c == '\n') out += "\\n\"\n\"";  // one PO line per source line, as translators expect
        else if (c == '\t') out += "\\t";
        else out += c;
    }
    out += '"';
    return out;
}

}  // namespace

std::string write_pot(const ContentSource& content, const std::filesystem::path& base) {
    std::ostringstream pot;
    pot << "# Anteroom: every patient-facing text, in English. Written by `anteroom extract`;\n"
           "# update a translation with `msgmerge --update locales/LOCALE.po locales/anteroom.pot`.\n"
           "# Messages are ICU MessageFormat: keep {parameters} as they are, and give plurals the\n"
           "# categories of your language (e.g. {n, plural, one {...} other {...}}).\n"
           "msgid \"\"\nmsgstr \"\"\n"
           "\"Project-Id-Version: Anteroom\\n\"\n"
           "\"MIME-Version: 1.0\\n\"\n"
           "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
           "\"Content-Transfer-Encoding: 8bit\\n\"\n"
           "\"X-Review-Status: draft\\n\"\n";
    auto entry = [&pot, &base](const Text& t) {
        if (t.empty()) return;
        const std::filesystem::path relative = std::filesystem::absolute(t.file).lexically_normal().lexically_relative(base);
        pot << "\n#: " << (relative.empty() ? std::filesystem::path(t.file) : relative).string() << ":" << t.line << "\nmsgctxt " << po_quote(t.key) << "\nmsgid ";
        // A multi-line message starts with an empty line, as msgmerge writes it.
        if (t.source.find('\n') != std::string::npos) pot << "\"\"\n";
        std::string quoted = po_quote(t.source);
        if (quoted.ends_with("\n\"\"")) quoted.resize(quoted.size() - 3);  // no empty last line
        pot << quoted << "\nmsgstr \"\"\n";
    };
    for (const Text* t : interface_texts(content)) entry(*t);
    for (const ModuleSource& m : content.modules)
        for (const Text* t : module_texts(m)) entry(*t);
    return pot.str();
}

}  // namespace anteroom
