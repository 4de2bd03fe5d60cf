#pragma once
// Flesch-Kincaid grade level of English text, used to keep patient content plain.
#include <string>
#include <string_view>
#include <vector>

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

// The long words of a text, which a grade level averages away when they sit in short
// sentences ("Tell them about benzodiazepines."): every word of at least min_syllables,
// lower-cased, once each, in the order they first appear.
std::vector<std::string> long_words(std::string_view text, int min_syllables = 4);

}  // namespace anteroom
