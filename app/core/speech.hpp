#pragma once
// What speech output says for a page: the reading order (reading.hpp) cut into utterances,
// one per line, with the pause a reader takes after each, and the voice for a language.
// Plain data: the Speaker (platform/speaker.hpp) synthesises and plays it.
#include <string>
#include <vector>

#include "core/reading.hpp"

namespace anteroom {

struct Utterance {
    std::string text;        // exactly ReadingPage::lines[line].text(): the UI highlights by byte offsets into it
    int line = 0;            // index into ReadingPage::lines
    int pause_after_ms = 0;  // silence after it, before the next
};

// The pause after a line of this kind, in milliseconds.
int pause_after_ms(Reading::Kind kind);

// One utterance per line with words in it, in reading order.
std::vector<Utterance> utterances(const ReadingPage& page);

// The espeak-ng voice for a language ("es-MX" falls back to "es"); empty when there is none.
std::string voice_for(const std::string& locale);

}  // namespace anteroom
