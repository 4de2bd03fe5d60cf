#pragma once
// Composing Korean from the jamo a 2-set (dubeolsik) keyboard types, by the standard algorithm:
// an initial consonant (choseong), a vowel (jungseong) and an optional final (jongseong) make a
// syllable, U+AC00 + (initial * 21 + vowel) * 28 + final. Two vowels may make one (ㅗ ㅏ: ㅘ, and
// ㅙ ㅚ ㅝ ㅞ ㅟ ㅢ), two finals may make one (ㄱ ㅅ: ㄳ, and ㄵ ㄶ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅄ), and a
// final moves to the next syllable when a vowel follows it (ㄱ ㅏ ㄴ ㅏ: 가나; ㄷ ㅏ ㄹ ㄱ ㅇ ㅡ ㄴ:
// 닭은, where ㄹㄱ splits: 달 + ㄱ...). A jamo that makes no syllable stays as itself (ㄱ, ㅏ).
//
// Jamo are the Hangul Compatibility Jamo a keyboard types (U+3131 to U+3163), and so is a
// composed character that is not a syllable. The jamo of the syllable being composed are kept
// (at most five: 뷁 is ㅂ ㅜ ㅔ ㄹ ㄱ), so backspace undoes the last one: 닭 → 달 → 다 → ㄷ → nothing.
// They are patient input: reset() and the destructor wipe them.
#include <string_view>

namespace anteroom {

class HangulComposer {
public:
    static constexpr int kMaxJamo = 5;

    HangulComposer() = default;
    HangulComposer(const HangulComposer&) = default;
    HangulComposer& operator=(const HangulComposer&) = default;
    ~HangulComposer() { reset(); }

    // A consonant that may begin a syllable (the 14 keys' and the 5 double ones: ㄱ ㄲ ㄴ ... ㅎ).
    static bool is_initial(char32_t c);
    // One of the 21 vowels, ㅏ to ㅣ.
    static bool is_vowel(char32_t c);

    // Feeds one jamo. A jamo that cannot go into the syllable being composed finishes it and
    // begins the next: *finished is then what the finished one became (else 0). Returns false,
    // changing nothing, for anything but an initial consonant or a vowel.
    bool feed(char32_t jamo, char32_t* finished);
    // The syllable, or lone jamo, being composed; 0 when none.
    char32_t composing() const;
    // Undoes the last jamo fed; false when nothing is being composed.
    bool backspace();
    // Composes c again, as if its jamo had just been typed, so backspace can undo them one by one:
    // a syllable, an initial consonant or a vowel. False (nothing changes) for any other character
    // or while something is being composed.
    bool resume(char32_t c);
    // Stops composing (what was composed stays where it was written) and wipes the jamo kept.
    void reset();

    // The composer's own memory, for tests that look for what was typed.
    std::string_view raw_for_test() const {
        return {reinterpret_cast<const char*>(this), sizeof *this};
    }

private:
    char32_t jamo_[kMaxJamo] = {};
    int count_ = 0;
};

}  // namespace anteroom
