#include "core/transcript.hpp"

#include <algorithm>

#include "core/reading.hpp"

namespace anteroom {

namespace {

std::string escape_html(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

// Markdown's own marks in patient text would change what the reviewer reads.
std::string escape_markdown(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (std::string_view("\\`*_[]<>#|").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string spans_markdown(const std::vector<Span>& spans) {
    std::string out;
    for (const Span& s : spans) {
        const char* mark = s.style == Style::Bold ? "**" : s.style == Style::Italic ? "*" : s.style == Style::BoldItalic ? "***" : "";
        // Emphasis marks must touch the words: keep the span's outer spaces outside them.
        const size_t begin = s.text.find_first_not_of(' '), end = s.text.find_last_not_of(' ');
        if (!*mark || begin == std::string::npos) {
            out += escape_markdown(s.text);
            continue;
        }
        out += s.text.substr(0, begin) + mark + escape_markdown(s.text.substr(begin, end + 1 - begin)) + mark + s.text.substr(end + 1);
    }
    return out;
}

std::string spans_html(const std::vector<Span>& spans) {
    std::string out;
    for (const Span& s : spans) {
        const std::string text = escape_html(s.text);
        switch (s.style) {
        case Style::Regular: out += text; break;
        case Style::Bold: out += "<strong>" + text + "</strong>"; break;
        case Style::Italic: out += "<em>" + text + "</em>"; break;
        case Style::BoldItalic: out += "<strong><em>" + text + "</em></strong>"; break;
        }
    }
    return out;
}

const char* const kIntro = "Every text a patient can see, screen by screen in reading order, as this clinic's configuration shows it.";

std::string heading(const std::string& locale) { return "Anteroom transcript: " + locale_name_in(locale, "en") + " (" + locale + ")"; }

// What the reader signs for, above the pages: the clinic, its routes, the translation's
// status and any module shown in another language. Plain text, escaped by each format.
std::vector<std::string> facts(const Kiosk& kiosk, const std::string& locale, const std::string& review_status) {
    const ClinicConfig& c = kiosk.config();
    std::string routes;
    for (const std::string& r : c.routes_offered) routes += (routes.empty() ? "" : ", ") + r;
    std::vector<std::string> out = {"Clinic: " + c.clinic_name, "Routes offered: " + routes, "Translation review status: " + review_status};
    const auto& modules = kiosk.presentation(locale).modules;
    for (size_t i = 0; i < modules.size(); ++i) {
        const ModuleFingerprint f = module_fingerprint(kiosk, locale, i);
        out.push_back("Module " + f.id + ": version " + (f.version.empty() ? "(none)" : f.version) + ", text SHA-256 " + f.hash);
        if (f.locale != locale) out.push_back("Module " + f.id + " is not fully translated: it is shown in " + f.locale);
    }
    return out;
}

std::string markdown(const Kiosk& kiosk, const std::string& locale, const std::string& review_status,
                     const std::vector<ReadingPage>& pages) {
    std::string out = "# " + heading(locale) + "\n\n" + kIntro + "\n\n";
    for (const std::string& fact : facts(kiosk, locale, review_status)) out += "- " + escape_markdown(fact) + "\n";
    for (const ReadingPage& page : pages) {
        out += "\n---\n\n## " + escape_markdown(page.name) + (page.locale != locale ? " [" + page.locale + "]" : "") + "\n\n";
        std::vector<std::string> buttons;
        bool in_list = false;
        for (const Reading& r : page.lines) {
            if (r.kind == Reading::Button) {
                buttons.push_back("[" + escape_markdown(r.text()) + "]");
                continue;
            }
            if (in_list && r.kind != Reading::ListItem) out += "\n";
            in_list = r.kind == Reading::ListItem;
            switch (r.kind) {
            case Reading::Heading: out += std::string(static_cast<size_t>(std::clamp(r.level, 1, 3) + 2), '#') + " " + spans_markdown(r.spans) + "\n\n"; break;
            case Reading::Paragraph: out += spans_markdown(r.spans) + "\n\n"; break;
            case Reading::ListItem: out += (r.level ? std::to_string(r.level) + ". " : "- ") + spans_markdown(r.spans) + "\n"; break;
            case Reading::Note: out += "*" + spans_markdown(r.spans) + "*\n\n"; break;
            case Reading::Button: break;
            }
        }
        if (in_list) out += "\n";
        if (!buttons.empty()) {
            out += "Buttons:";
            for (const std::string& b : buttons) out += " " + b;
            out += "\n";
        }
    }
    return out;
}

std::string html(const Kiosk& kiosk, const std::string& locale, const std::string& review_status,
                 const std::vector<ReadingPage>& pages) {
    auto dir = [&](const std::string& l) { return kiosk.presentation(l).rtl ? "rtl" : "ltr"; };
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + locale + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>Anteroom transcript: " +
                      escape_html(locale) + "</title>\n<style>\nbody{font-family:'Noto Sans',sans-serif;max-width:46em;margin:2em auto;line-height:1.5}\n"
                      "section{border-top:1px solid #bbb;margin-top:2em}\n.note{color:#555;font-size:.9em}\n.button{display:inline-block;border:1px solid #1f5f5b;"
                      "border-radius:.4em;padding:0 .5em;margin:0 .3em .3em 0}\n</style>\n</head>\n<body>\n";
    out += "<header dir=\"ltr\" lang=\"en\">\n<h1>" + escape_html(heading(locale)) + "</h1>\n<p>" + kIntro + "</p>\n<ul>\n";
    for (const std::string& fact : facts(kiosk, locale, review_status)) out += "<li>" + escape_html(fact) + "</li>\n";
    out += "</ul>\n</header>\n";
    for (const ReadingPage& page : pages) {
        out += "<section lang=\"" + page.locale + "\" dir=\"" + dir(page.locale) + "\">\n<h2 dir=\"ltr\">" + escape_html(page.name) + "</h2>\n";
        std::string buttons;
        bool in_list = false, numbered = false;
        for (const Reading& r : page.lines) {
            if (r.kind == Reading::Button) {
                buttons += "<span class=\"button\">" + spans_html(r.spans) + "</span>";
                continue;
            }
            if (in_list && (r.kind != Reading::ListItem || numbered != (r.level > 0))) {
                out += numbered ? "</ol>\n" : "</ul>\n";
                in_list = false;
            }
            switch (r.kind) {
            case Reading::Heading: {
                const std::string h = std::to_string(std::clamp(r.level, 1, 3) + 2);
                out += "<h" + h + ">" + spans_html(r.spans) + "</h" + h + ">\n";
                break;
            }
            case Reading::Paragraph: out += "<p>" + spans_html(r.spans) + "</p>\n"; break;
            case Reading::ListItem:
                if (!in_list) {
                    out += r.level ? "<ol>\n" : "<ul>\n";
                    in_list = true;
                    numbered = r.level > 0;
                }
                out += (r.level ? "<li value=\"" + std::to_string(r.level) + "\">" : std::string("<li>")) + spans_html(r.spans) + "</li>\n";
                break;
            case Reading::Note: out += "<p class=\"note\">" + spans_html(r.spans) + "</p>\n"; break;
            case Reading::Button: break;
            }
        }
        if (in_list) out += numbered ? "</ol>\n" : "</ul>\n";
        if (!buttons.empty()) out += "<p>" + buttons + "</p>\n";
        out += "</section>\n";
    }
    return out + "</body>\n</html>\n";
}

}  // namespace

std::string write_transcript(const Kiosk& kiosk, const std::string& locale, TranscriptFormat format,
                             const std::string& review_status) {
    const std::vector<ReadingPage> pages = read_everything(kiosk, locale);
    return format == TranscriptFormat::Html ? html(kiosk, locale, review_status, pages) : markdown(kiosk, locale, review_status, pages);
}

}  // namespace anteroom
