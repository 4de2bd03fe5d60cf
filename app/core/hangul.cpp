#include "core/hangul.hpp"

#include <iterator>

namespace anteroom {

namespace {

constexpr char32_t kSyllableBase = 0xAC00;
constexpr char32_t kSyllableLast = 0xD7A3;
constexpr int kVowels = 21, kFinals = 28;

// The initial consonants, in syllable order.
constexpr char32_t kInitials[] = {U'ㄱ', U'ㄲ', U'ㄴ', U'ㄷ', U'ㄸ', U'ㄹ', U'ㅁ', U'ㅂ', U'ㅃ', U'ㅅ',
                                  U'ㅆ', U'ㅇ', U'ㅈ', U'ㅉ', U'ㅊ', U'ㅋ', U'ㅌ', U'ㅍ', U'ㅎ'};
// The vowels, in syllable order: U+314F to U+3163.
constexpr char32_t kFirstVowel = U'ㅏ', kLastVowel = U'ㅣ';
// The finals, in syllable order; 0 is none.
constexpr char32_t kFinalJamo[] = {0,     U'ㄱ', U'ㄲ', U'ㄳ', U'ㄴ', U'ㄵ', U'ㄶ', U'ㄷ', U'ㄹ', U'ㄺ',
                                   U'ㄻ', U'ㄼ', U'ㄽ', U'ㄾ', U'ㄿ', U'ㅀ', U'ㅁ', U'ㅂ', U'ㅄ', U'ㅅ',
                                   U'ㅆ', U'ㅇ', U'ㅈ', U'ㅊ', U'ㅋ', U'ㅌ', U'ㅍ', U'ㅎ'};

struct Pair {
    char32_t first, second, both;
};
constexpr Pair kCompoundVowels[] = {{U'ㅗ', U'ㅏ', U'ㅘ'}, {U'ㅗ', U'ㅐ', U'ㅙ'}, {U'ㅗ', U'ㅣ', U'ㅚ'}, {U'ㅜ', U'ㅓ', U'ㅝ'},
                                    {U'ㅜ', U'ㅔ', U'ㅞ'}, {U'ㅜ', U'ㅣ', U'ㅟ'}, {U'ㅡ', U'ㅣ', U'ㅢ'}};
constexpr Pair kCompoundFinals[] = {{U'ㄱ', U'ㅅ', U'ㄳ'}, {U'ㄴ', U'ㅈ', U'ㄵ'}, {U'ㄴ', U'ㅎ', U'ㄶ'}, {U'ㄹ', U'ㄱ', U'ㄺ'},
                                    {U'ㄹ', U'ㅁ', U'ㄻ'}, {U'ㄹ', U'ㅂ', U'ㄼ'}, {U'ㄹ', U'ㅅ', U'ㄽ'}, {U'ㄹ', U'ㅌ', U'ㄾ'},
                                    {U'ㄹ', U'ㅍ', U'ㄿ'}, {U'ㄹ', U'ㅎ', U'ㅀ'}, {U'ㅂ', U'ㅅ', U'ㅄ'}};

template <size_t N>
int index_of(const char32_t (&table)[N], char32_t c) {
    for (size_t i = 0; i < N; ++i)
        if (table[i] == c) return static_cast<int>(i);
    return -1;
}

template <size_t N>
char32_t combine(const Pair (&pairs)[N], char32_t first, char32_t second) {
    for (const Pair& p : pairs)
        if (p.first == first && p.second == second) return p.both;
    return 0;
}

// The jamo typed for a vowel or final: ㅘ is ㅗ ㅏ; a simple one is itself.
template <size_t N>
int split(const Pair (&pairs)[N], char32_t c, char32_t* out) {
    for (const Pair& p : pairs)
        if (p.both == c) {
            out[0] = p.first;
            out[1] = p.second;
            return 2;
        }
    out[0] = c;
    return 1;
}

bool can_be_final(char32_t c) { return c != 0 && index_of(kFinalJamo, c) > 0; }

// A syllable's parts, from the jamo typed into it.
struct Parts {
    char32_t initial = 0, vowel = 0, final = 0;
    int vowel_jamo = 0, final_jamo = 0;  // how many jamo make the vowel and the final

    char32_t character() const {
        if (initial && vowel)
            return kSyllableBase + static_cast<char32_t>((index_of(kInitials, initial) * kVowels +
                                                          static_cast<int>(vowel - kFirstVowel)) * kFinals +
                                                         (final ? index_of(kFinalJamo, final) : 0));
        return initial ? initial : vowel;
    }
};

Parts parts_of(const char32_t* jamo, int count) {
    Parts p;
    for (int i = 0; i < count; ++i) {
        const char32_t c = jamo[i];
        if (HangulComposer::is_vowel(c)) {
            p.vowel = p.vowel ? combine(kCompoundVowels, p.vowel, c) : c;
            ++p.vowel_jamo;
        } else if (!p.vowel) {
            p.initial = c;
        } else {
            p.final = p.final ? combine(kCompoundFinals, p.final, c) : c;
            ++p.final_jamo;
        }
    }
    return p;
}

void wipe_jamo(char32_t* jamo, int n) {
    volatile char32_t* p = jamo;
    for (int i = 0; i < n; ++i) p[i] = 0;
}

}  // namespace

bool HangulComposer::is_initial(char32_t c) { return index_of(kInitials, c) >= 0; }
bool HangulComposer::is_vowel(char32_t c) { return c >= kFirstVowel && c <= kLastVowel; }

char32_t HangulComposer::composing() const { return count_ ? parts_of(jamo_, count_).character() : 0; }

bool HangulComposer::feed(char32_t c, char32_t* finished) {
    *finished = 0;
    const bool vowel = is_vowel(c);
    if (!vowel && !is_initial(c)) return false;
    const Parts p = parts_of(jamo_, count_);
    bool joins = false;      // c goes into this syllable
    bool moves_final = false;  // the last final moves to begin the next syllable, before c
    if (count_ == 0) {
        joins = true;
    } else if (!vowel) {
        if (!p.vowel) joins = false;  // two consonants with no vowel: ㄱ then ㄴ
        else if (!p.final) joins = p.initial && can_be_final(c);
        else joins = p.final_jamo == 1 && combine(kCompoundFinals, p.final, c);
    } else {
        if (!p.vowel) joins = true;  // an initial, then its vowel
        else if (!p.final) joins = p.vowel_jamo == 1 && combine(kCompoundVowels, p.vowel, c);
        else moves_final = true;
    }
    if (joins) {
        jamo_[count_++] = c;
        return true;
    }
    char32_t moved = 0;
    if (moves_final) moved = jamo_[--count_];
    *finished = parts_of(jamo_, count_).character();
    wipe_jamo(jamo_, kMaxJamo);
    count_ = 0;
    if (moved) jamo_[count_++] = moved;
    jamo_[count_++] = c;
    return true;
}

bool HangulComposer::backspace() {
    if (count_ == 0) return false;
    jamo_[--count_] = 0;
    return true;
}

bool HangulComposer::resume(char32_t c) {
    if (count_ != 0) return false;
    char32_t jamo[kMaxJamo] = {};
    int n = 0;
    if (c >= kSyllableBase && c <= kSyllableLast) {
        const int s = static_cast<int>(c - kSyllableBase);
        jamo[n++] = kInitials[s / (kVowels * kFinals)];
        n += split(kCompoundVowels, kFirstVowel + static_cast<char32_t>(s % (kVowels * kFinals) / kFinals), jamo + n);
        if (s % kFinals) n += split(kCompoundFinals, kFinalJamo[s % kFinals], jamo + n);
    } else if (is_initial(c)) {
        jamo[n++] = c;
    } else if (is_vowel(c)) {
        n += split(kCompoundVowels, c, jamo);
    } else {
        return false;
    }
    for (int i = 0; i < n; ++i) jamo_[i] = jamo[i];
    count_ = n;
    wipe_jamo(jamo, kMaxJamo);
    return true;
}

void HangulComposer::reset() {
    wipe_jamo(jamo_, kMaxJamo);
    volatile int* count = &count_;
    *count = 0;
}

}  // namespace anteroom
