#pragma once
// What the last frame put on screen, by label: the tappable items and the laid-out text.
// Tests find buttons by their words (as a person does), and the proof checks that no text
// runs outside its container. Filled every frame; it holds nothing between sessions.
#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <vector>

namespace anteroom::ui {

struct ProbeItem {
    std::string label;
    ImRect rect;      // where it is drawn
    ImRect visible;   // the part not clipped away (empty when scrolled out of view)
    bool enabled = true;
};

struct ProbeText {
    std::string text;
    ImRect box;        // the laid-out line
    ImRect container;  // where it must stay
};

struct Probe {
    std::vector<ProbeItem> items;
    std::vector<ProbeText> texts;
    std::vector<std::string> missing_glyphs;  // text drawn with a character its font does not have
    std::vector<std::string> marked;          // the word being read aloud, as marked on screen
    ImRect screen;  // the display: no text may leave it sideways

    void clear();
    const ProbeItem* find(const std::string& label) const;  // the first visible, enabled item
    const ProbeItem* find_any(const std::string& label) const;  // also scrolled out of view
    bool has_text(const std::string& fragment) const;
    std::vector<std::string> overflows() const;  // one line per text outside its container or missing a glyph
};

}  // namespace anteroom::ui
