#include "core/screen_kinds.hpp"

#include <string>

namespace anteroom {

namespace {

constexpr FieldSpec kTitle{"title", TextForm::Plain, true, kTitleFace};
constexpr FieldSpec kIntro{"intro", TextForm::Markdown, false};

}  // namespace

const std::vector<KindSpec>& screen_kinds() {
    static const std::vector<KindSpec> kinds = {
        {"text", {kTitle, {"body", TextForm::Markdown}}, {}},
        {"faq",
         {kTitle, kIntro},
         {"question",
          {{"q", TextForm::Plain, true, kLabelFace}, {"a", TextForm::Markdown, true, kBodyFace, Shown::Opened}},
          ItemAction::Toggle}},
        {"timeline",
         {kTitle, kIntro},
         {"step", {{"title", TextForm::Plain, true, kHeadingFace}, {"body", TextForm::Markdown}}, ItemAction::None}},
        // Two sides weighed against each other (benefits and risks): side by side on a landscape
        // screen, one after the other on a portrait one; then what holds for both.
        {"compare",
         {kTitle,
          kIntro,
          {"left_heading", TextForm::Plain, true, kHeadingFace},
          {"left", TextForm::Markdown},
          {"right_heading", TextForm::Plain, true, kHeadingFace},
          {"right", TextForm::Markdown},
          {"closing", TextForm::Markdown, false}},
         {}},
        // One consent topic: its key points first, then the detail, then the safety points the
        // patient confirms one by one ("I understand").
        {"topic",
         {kTitle, {"key_points", TextForm::Markdown}, {"body", TextForm::Markdown}},
         {"acknowledge", {{"text", TextForm::Plain, true, kLabelFace}}, ItemAction::None},
         {},
         true},
        // A question on the topic before it, its options, and what a wrong answer is told.
        {"quiz",
         {kTitle, {"question", TextForm::Plain, true, kHeadingFace}, {"explanation", TextForm::Markdown}},
         {"option", {{"text", TextForm::Plain, true, kLabelFace}}, ItemAction::None, false, "correct"},
         "topic",
         true},
        {"routes",
         {kTitle, kIntro},
         {"route",
          {{"title", TextForm::Plain, true, kHeadingFace | kTitleFace},
           {"summary", TextForm::Plain, true, kBodyFace, Shown::Closed},
           {"body", TextForm::Markdown, true, kBodyFace, Shown::Opened}},
          ItemAction::OpenPage,
          true}},
    };
    return kinds;
}

int KindSpec::field_index(std::string_view key) const {
    for (size_t i = 0; i < fields.size(); ++i)
        if (fields[i].key == key) return static_cast<int>(i);
    return -1;
}

const KindSpec* find_kind(std::string_view name) {
    for (const KindSpec& k : screen_kinds())
        if (k.name == name) return &k;
    return nullptr;
}

std::string kind_names() {
    std::string out;
    for (const KindSpec& k : screen_kinds()) out += (out.empty() ? "" : ", ") + std::string(k.name);
    return out;
}

}  // namespace anteroom
