#pragma once
// Flesch-Kincaid grade level of English text, used to keep patient content plain.
#include <string_view>

namespace anteroom {

struct ReadabilityCounts {
    int sentences = 0;
    int words = 0;
    int syllables = 0;

    double grade() const;  // 0.39 * words/sentence + 11.8 * syllables/word - 15.59
};

// Each line is a block (heading, paragraph, list item, title): its end also ends a sentence,
// so a bullet without a full stop still counts as one.
ReadabilityCounts count_readability(std::string_view text);

int count_syllables(std::string_view word);

}  // namespace anteroom
