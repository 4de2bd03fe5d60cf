#include "core/readability.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace anteroom {

namespace {
bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }
bool is_dash(std::string_view text, size_t i) {  // en dash and em dash separate words
    return text.substr(i, 2) == "\xE2\x80" && i + 2 < text.size() && (text[i + 2] == '\x93' || text[i + 2] == '\x94');
}
bool word_char(std::string_view text, size_t i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    return std::isalnum(c) || c == '\'' || (c >= 0x80 && !is_dash(text, i));
}
}  // namespace

double ReadabilityCounts::grade() const {
    if (words == 0 || sentences == 0) return 0;
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
}

// The common heuristic: count vowel groups after dropping a silent ending.
int count_syllables(std::string_view word) {
    std::string w;
    for (char c : word)
        if (std::isalpha(static_cast<unsigned char>(c))) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (w.size() <= 3) return 1;
    auto drop_suffix = [&w]() {
        const size_t n = w.size();
        if (n >= 3 && w.ends_with("es") && !vowel(w[n - 3]) && w[n - 3] != 'l') return w.resize(n - 3);
        if (w.ends_with("ed")) return w.resize(n - 2);
        if (n >= 2 && w.back() == 'e' && !vowel(w[n - 2]) && w[n - 2] != 'l') return w.resize(n - 2);
    };
    drop_suffix();
    if (!w.empty() && w.front() == 'y') w.erase(0, 1);
    int groups = 0;
    for (size_t i = 0; i < w.size();) {
        if (vowel(w[i])) {
            ++groups;
            i += (i + 1 < w.size() && vowel(w[i + 1])) ? 2 : 1;
        } else {
            ++i;
        }
    }
    return groups > 0 ? groups : 1;
}

std::vector<std::string> long_words(std::string_view text, int min_syllables) {
    std::vector<std::string> out;
    for (size_t i = 0; i < text.size();) {
        if (!word_char(text, i) || text[i] == '\'') {
            ++i;
            continue;
        }
        const size_t start = i;
        while (i < text.size() && word_char(text, i)) ++i;
        const std::string_view word = text.substr(start, i - start);
        if (count_syllables(word) < min_syllables) continue;
        std::string lower;
        for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (std::find(out.begin(), out.end(), lower) == out.end()) out.push_back(lower);
    }
    return out;
}

ReadabilityCounts count_readability(std::string_view text) {
    ReadabilityCounts counts;
    bool words_since_end = false;
    size_t i = 0;
    auto end_sentence = [&]() {
        if (words_since_end) ++counts.sentences;
        words_since_end = false;
    };
    while (i < text.size()) {
        const char c = text[i];
        if (word_char(text, i) && c != '\'') {
            size_t start = i;
            while (i < text.size() && word_char(text, i)) ++i;
            std::string_view word = text.substr(start, i - start);
            ++counts.words;
            counts.syllables += count_syllables(word);
            words_since_end = true;
            continue;
        }
        if (c == '.' || c == '!' || c == '?' || c == '\n') end_sentence();
        ++i;
    }
    end_sentence();
    return counts;
}

}  // namespace anteroom
