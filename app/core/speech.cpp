#include "core/speech.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace anteroom {

int pause_after_ms(Reading::Kind kind) {
    // Longest after a heading, where a listener needs a moment to take in a new topic; short
    // after a button's name, which is one of a run of labels.
    switch (kind) {
    case Reading::Heading: return 600;
    case Reading::Paragraph: return 450;
    case Reading::Note: return 400;
    case Reading::ListItem: return 350;
    case Reading::Button: return 300;
    }
    return 450;
}

std::vector<Utterance> utterances(const ReadingPage& page) {
    std::vector<Utterance> out;
    for (size_t i = 0; i < page.lines.size(); ++i) {
        std::string text = page.lines[i].text();
        const bool words = std::any_of(text.begin(), text.end(), [](char c) { return !std::isspace(static_cast<unsigned char>(c)); });
        if (words) out.push_back({std::move(text), static_cast<int>(i), pause_after_ms(page.lines[i].kind)});
    }
    return out;
}

std::string voice_for(const std::string& locale) {
    // Voices of Debian's espeak-ng-data. The pseudo-locales are English text, so an English voice.
    static const std::pair<const char*, const char*> kVoices[] = {
        {"en", "en-us"},  {"en-XA", "en-us"}, {"ar-XB", "en-us"}, {"es", "es"},  {"zh-Hans", "cmn"},
        {"zh", "cmn"},    {"vi", "vi"},       {"ko", "ko"},       {"ar", "ar"},
    };
    auto find = [](const std::string& l) -> std::string {
        for (const auto& [from, voice] : kVoices)
            if (l == from) return voice;
        return {};
    };
    if (std::string v = find(locale); !v.empty()) return v;
    const size_t dash = locale.find_first_of("-_");
    return dash == std::string::npos ? std::string() : find(locale.substr(0, dash));
}

}  // namespace anteroom
