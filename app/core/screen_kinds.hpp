#pragma once
// Every kind of module screen, declared once: its fields, which of them are patient text
// (plain or Markdown), the face each is drawn in, their reading order, and its interactive
// parts. Loading, validation, translation keys and coverage, presentation, the glyphs each
// font role needs, the proof walk, the transcript and speech all read these declarations,
// so a new field reaches all of them or none.
//
// Adding a kind: declare it in screen_kinds.cpp, give it a draw function in ui/screens.cpp
// (a test fails while one is missing), write its content, and test it.
#include <string_view>
#include <vector>

namespace anteroom {

enum class TextForm { Plain, Markdown };

// The faces text is drawn in. A plain text names every face it appears in (a route's title
// is a card heading on the chooser and the title of its own page); Markdown is drawn in the
// body face, with its headings and emphasis in theirs.
enum FontRole : unsigned {
    kBodyFace = 1 << 0,     // regular text
    kLabelFace = 1 << 1,    // bold and italic: buttons, questions, emphasis
    kHeadingFace = 1 << 2,  // card titles and section headings
    kNoteFace = 1 << 3,     // the small print
    kTitleFace = 1 << 4,    // screen titles
    kDisplayFace = 1 << 5,  // the welcome line
};

// When an item's field is on screen. An item that opens (an answer, a route's page) shows its
// Always and Opened fields when open and its Always and Closed fields when closed.
enum class Shown { Always, Closed, Opened };
inline bool shows(Shown shown, bool open) { return shown == Shown::Always || (shown == Shown::Opened) == open; }

struct FieldSpec {
    std::string_view key;  // in the screen file; also the last part of its translation key
    TextForm form = TextForm::Plain;
    bool required = true;
    unsigned faces = kBodyFace;  // FontRole bits, for plain text
    Shown shown = Shown::Always;
};

// What tapping one of a kind's items does.
enum class ItemAction {
    None,      // nothing: the items are read in place (timeline steps)
    Toggle,    // opens and closes in place, several at once (questions and answers)
    OpenPage,  // opens the item's own page, one at a time (routes)
};

struct ListSpec {
    std::string_view table;  // the [[table]] each item is written as; empty when the kind has none
    std::vector<FieldSpec> fields;  // in reading order
    ItemAction action = ItemAction::None;
    // Items carry `id`, one of the routes (config.hpp); only those the clinic offers are
    // shown, and each offered route must have one. Otherwise items are numbered from 1.
    bool by_route = false;
    // A true/false key an item may carry, not text ("correct" on a quiz's options): exactly one
    // item of a screen has it.
    std::string_view flag;
};

struct KindSpec {
    std::string_view name;  // `kind = "..."` in a screen file
    std::vector<FieldSpec> fields;  // in reading order; every kind starts with its title
    ListSpec list;
    // A key naming an earlier screen of the same module, not text ("topic": the page a quiz
    // checks, where "Read the page again" goes); required when the kind has one.
    std::string_view screen_ref;
    // Its screens prepare consent: each must be read to its end (and its points confirmed, its
    // question answered) before Next, "I'd like to stop" is on each, and the module's end lists
    // the patient's questions.
    bool consent = false;

    int field_index(std::string_view key) const;  // -1 when the kind has no such field
    bool has_list() const { return !list.table.empty(); }
};

const std::vector<KindSpec>& screen_kinds();
const KindSpec* find_kind(std::string_view name);
// "text, faq, timeline, routes": for messages.
std::string kind_names();

}  // namespace anteroom
