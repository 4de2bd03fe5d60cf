#include "ui/probe.hpp"

namespace anteroom::ui {

void Probe::clear() {
    items.clear();
    texts.clear();
    missing_glyphs.clear();
    marked.clear();
}

const ProbeItem* Probe::find(const std::string& label) const {
    for (const ProbeItem& item : items)
        if (item.label == label && item.enabled && item.visible.GetArea() > 0) return &item;
    return nullptr;
}

const ProbeItem* Probe::find_any(const std::string& label) const {
    for (const ProbeItem& item : items)
        if (item.label == label) return &item;
    return nullptr;
}

bool Probe::has_text(const std::string& fragment) const {
    for (const ProbeText& t : texts)
        if (t.text.find(fragment) != std::string::npos) return true;
    return false;
}

std::vector<std::string> Probe::overflows() const {
    std::vector<std::string> out;
    for (const std::string& text : missing_glyphs) out.push_back("missing glyph in: " + text);
    constexpr float kTolerance = 0.5f;  // sub-pixel rounding
    for (const ProbeText& t : texts) {
        const bool off_screen = t.box.Min.x < screen.Min.x - kTolerance || t.box.Max.x > screen.Max.x + kTolerance;
        if (off_screen || t.box.Min.x < t.container.Min.x - kTolerance || t.box.Max.x > t.container.Max.x + kTolerance ||
            t.box.Min.y < t.container.Min.y - kTolerance || t.box.Max.y > t.container.Max.y + kTolerance) {
            char where[160];
            snprintf(where, sizeof where, "text (%.0f,%.0f)-(%.0f,%.0f) outside (%.0f,%.0f)-(%.0f,%.0f): ", t.box.Min.x,
                     t.box.Min.y, t.box.Max.x, t.box.Max.y, t.container.Min.x, t.container.Min.y, t.container.Max.x,
                     t.container.Max.y);
            out.push_back(where + t.text);
        }
    }
    return out;
}

}  // namespace anteroom::ui
