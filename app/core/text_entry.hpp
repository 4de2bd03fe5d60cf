#pragma once
// What a patient is writing with the on-screen keyboard: UTF-8 text with the cursor always at
// its end, as in a kiosk's text box (type, backspace, clear). The text is kept in NFC, so a
// letter is stored the same way whichever way it was typed, and with Composition::Hangul the
// jamo typed are composed into syllables (core/hangul.hpp).
//
// The words are patient input (core/wipe.hpp): every buffer that ever holds them is allocated
// once, at its full size, when the entry is made, and never grows, so no copy is left behind
// in memory freed by a reallocation; clear() and the destructor wipe them all. Input that would
// go past max_graphemes letters, or past kCapacityBytes, is refused instead. ICU only ever
// reads and writes these buffers (aliased, never copied).
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/hangul.hpp"
#include "core/keyboard.hpp"

namespace anteroom {

class TextEntry {
public:
    static constexpr std::size_t kCapacityBytes = 4096;   // the text, in UTF-8
    static constexpr std::size_t kMaxPieceBytes = 64;     // one type(): a key's letter, or an input method's text
    static constexpr std::size_t kDefaultMaxGraphemes = 500;

    explicit TextEntry(Composition composition = Composition::None, std::size_t max_graphemes = kDefaultMaxGraphemes);
    ~TextEntry();
    // A copy, or a moved-from string, would hold the words where clear() cannot reach them.
    TextEntry(const TextEntry&) = delete;
    TextEntry& operator=(const TextEntry&) = delete;

    // Adds a piece of text at the end: a key's letter or jamo, or what a physical keyboard's
    // input method sends (at most kMaxPieceBytes). False, leaving everything as it was, for a
    // piece that is empty, longer, not valid UTF-8 or holds a control character, or that would
    // make the text longer than max_graphemes() or kCapacityBytes.
    bool type(std::string_view piece);
    // Removes the last grapheme; with Composition::Hangul, when the text ends in a syllable, the
    // last jamo instead (닭 → 달 → 다 → ㄷ → nothing), and the syllable it leaves is composed
    // again, so what is typed next joins it (가나, backspace twice: 가; then ㄱ: 각). A syllable
    // finished by the next one is taken apart from its own jamo: 가나 → 가ㄴ → 가 → ㄱ, not 간.
    // False when the text is empty.
    bool backspace();
    // Empties the entry, wiping every buffer.
    void clear();

    std::string_view text() const { return text_; }  // NFC
    bool empty() const { return text_.empty(); }
    std::size_t graphemes() const { return graphemes_; }
    std::size_t max_graphemes() const { return max_graphemes_; }
    // How many bytes at the end of text() are a syllable still being composed (the UI may
    // underline them); 0 when none.
    std::size_t composing_bytes() const;

    // For tests: the text's buffer over its whole capacity, and every buffer the entry owns.
    std::string_view raw_buffer_for_test() const { return {text_.data(), text_.capacity()}; }
    std::vector<std::string_view> raw_buffers_for_test() const;

private:
    struct Icu;
    // Normalizes candidate_ and makes it the text, if it is within the limits.
    bool accept_candidate();
    // After a backspace: a syllable or jamo the text now ends in is composed again, so what is
    // typed next joins it as if it had never been finished (가 + ㄱ: 각).
    void resume_composing();
    void wipe_all();

    Composition composition_;
    std::size_t max_graphemes_;
    std::size_t graphemes_ = 0;
    std::string text_;        // capacity kCapacityBytes
    std::string candidate_;   // the text with a piece added, before NFC: kCapacityBytes + kMaxPieceBytes
    std::u16string utf16_;    // candidate_ or text_ in UTF-16, for ICU
    std::u16string normal_;   // NFC of utf16_: room for NFC's largest growth (3 times)
    HangulComposer composer_;
    std::unique_ptr<Icu> icu_;
};

}  // namespace anteroom
