#pragma once
// What a patient can see, in reading order: every place of the kiosk, and every module screen
// as its kind declares it (screen_kinds.hpp). The transcript prints this for reviewers, and
// speech output reads it aloud, so neither can drift from the screens or from each other.
#include <set>
#include <string>
#include <vector>

#include "core/kiosk.hpp"

namespace anteroom {

// One line as a reader takes it: headings and list items are read with a pause after them.
struct Reading {
    enum Kind { Heading, Paragraph, ListItem, Note, Button };
    Kind kind = Paragraph;
    int level = 0;            // Heading: 1 is a screen title; ListItem: its number, 0 for a bullet
    std::vector<Span> spans;  // the words, with their emphasis

    std::string text() const;
};

// One page a patient can have in front of them.
struct ReadingPage {
    std::string name;    // e.g. "education 3/9: routes", "attract"
    std::string key;     // the same as a path, for a clinic's recording of it: "education/routes", "education/routes/iv", "attract"
    std::string locale;  // the language it is shown in
    std::vector<Reading> lines;
};

// The page the kiosk shows now, as it stands: only the answers that are open, the route page
// that is open, the countdown when the inactivity warning shows.
ReadingPage read_current(const Kiosk& kiosk, double now);
// Its key alone (ReadingPage::key): what changes when the page on screen does.
std::string page_key(const Kiosk& kiosk, double now);

// Everything the kiosk can show in a language, in the order a patient meets it: the attract
// and language screens, home, each module's screens with every answer open and every page of
// the routes the clinic offers, each module's end, the hint on a screen that goes on below,
// the inactivity warning, "being prepared".
std::vector<ReadingPage> read_everything(const Kiosk& kiosk, const std::string& locale);

// Which text of a module a patient saw, for a clinic to show: its version (module.toml) and a
// SHA-256 of its own words as a patient in this language sees them, after the clinic's values
// and routes (its title and summary, then every screen's fields and items in reading order,
// every answer and every offered route's page; not the kiosk's buttons, which are the same in
// every module). A module shown in the fallback language has that language's text and hash.
struct ModuleFingerprint {
    std::string id, version;
    std::string locale;  // the language its text is in
    std::string hash;    // 64 hex digits
};
ModuleFingerprint module_fingerprint(const Kiosk& kiosk, const std::string& locale, size_t module);

}  // namespace anteroom
