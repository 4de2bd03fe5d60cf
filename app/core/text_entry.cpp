#include "core/text_entry.hpp"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "core/wipe.hpp"

namespace anteroom {

namespace {

constexpr std::size_t kUtf16Units = TextEntry::kCapacityBytes + TextEntry::kMaxPieceBytes;  // a UTF-8 byte is at most one unit
constexpr std::size_t kNormalUnits = 3 * kUtf16Units;  // NFC grows text at most three times (U+1D160 and the like)

// Overwrites the bytes from n to the end, then ends the string at n (its buffer stays).
void shrink_wiped(std::string& s, std::size_t n) {
    volatile char* p = s.data();
    for (std::size_t i = n; i < s.size(); ++i) p[i] = 0;
    s.resize(n);
}

void append_utf8(std::string& s, char32_t c) {
    char bytes[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(bytes, n, c);
    s.append(bytes, static_cast<std::size_t>(n));
    volatile char* p = bytes;
    for (int i = 0; i < 4; ++i) p[i] = 0;
}

std::size_t utf8_length(char32_t c) { return c ? static_cast<std::size_t>(U8_LENGTH(c)) : 0; }

// Valid UTF-8 with no control character; *only is its code point when it has exactly one (else 0).
bool valid_piece(std::string_view piece, char32_t* only) {
    *only = 0;
    const int32_t length = static_cast<int32_t>(piece.size());
    int count = 0;
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(piece.data(), i, length, c);
        if (c < 0 || u_charType(c) == U_CONTROL_CHAR) return false;
        if (++count == 1) *only = static_cast<char32_t>(c);
    }
    if (count != 1) *only = 0;
    return true;
}

// utf8 (valid) into units, returning how many were written; -1 when they do not fit.
int32_t to_utf16(std::string_view utf8, std::u16string& units) {
    const int32_t length = static_cast<int32_t>(utf8.size());
    const int32_t capacity = static_cast<int32_t>(units.size());
    int32_t n = 0;
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(utf8.data(), i, length, c);
        if (c < 0 || n + U16_LENGTH(c) > capacity) return -1;
        U16_APPEND_UNSAFE(units.data(), n, c);
    }
    return n;
}

// How many bytes units[from, to) take in UTF-8.
std::size_t utf8_length(const std::u16string& units, int32_t from, int32_t to) {
    std::size_t bytes = 0;
    for (int32_t i = from; i < to;) {
        UChar32 c;
        U16_NEXT(units.data(), i, to, c);
        bytes += U8_LENGTH(c);
    }
    return bytes;
}

}  // namespace

struct TextEntry::Icu {
    const icu::Normalizer2* nfc = nullptr;
    std::unique_ptr<icu::BreakIterator> characters;  // graphemes
};

TextEntry::TextEntry(Composition composition, std::size_t max_graphemes)
    : composition_(composition), max_graphemes_(max_graphemes), icu_(std::make_unique<Icu>()) {
    text_.reserve(kCapacityBytes);
    candidate_.reserve(kCapacityBytes + kMaxPieceBytes);
    utf16_.resize(kUtf16Units);
    normal_.resize(kNormalUnits);
    wipe(text_);  // every byte of every buffer is written once, so a test may read them all
    wipe(candidate_);
    UErrorCode status = U_ZERO_ERROR;
    icu_->nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) icu_->nfc = nullptr;
    status = U_ZERO_ERROR;
    icu_->characters.reset(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) icu_->characters.reset();
}

TextEntry::~TextEntry() { wipe_all(); }

void TextEntry::wipe_all() {
    wipe(text_);
    wipe(candidate_);
    wipe(utf16_);
    wipe(normal_);
    composer_.reset();
    graphemes_ = 0;
}

void TextEntry::clear() {
    wipe_all();
    utf16_.resize(kUtf16Units);  // within their capacity: the same buffers
    normal_.resize(kNormalUnits);
}

std::size_t TextEntry::composing_bytes() const { return utf8_length(composer_.composing()); }

std::vector<std::string_view> TextEntry::raw_buffers_for_test() const {
    auto bytes = [](const std::u16string& s) {
        return std::string_view(reinterpret_cast<const char*>(s.data()), s.capacity() * sizeof(char16_t));
    };
    return {raw_buffer_for_test(), std::string_view(candidate_.data(), candidate_.capacity()), bytes(utf16_),
            bytes(normal_), composer_.raw_for_test()};
}

bool TextEntry::type(std::string_view piece) {
    char32_t only = 0;
    if (piece.empty() || piece.size() > kMaxPieceBytes || !valid_piece(piece, &only)) return false;
    HangulComposer before = composer_;  // restored if the piece is refused
    if (composition_ == Composition::Hangul && (HangulComposer::is_initial(only) || HangulComposer::is_vowel(only))) {
        const std::size_t live = composing_bytes();
        char32_t finished = 0;
        composer_.feed(only, &finished);
        candidate_.assign(text_.data(), text_.size() - live);
        if (finished) append_utf8(candidate_, finished);
        append_utf8(candidate_, composer_.composing());
    } else {
        composer_.reset();  // what was being composed stays as it is
        candidate_.assign(text_.data(), text_.size());
        candidate_.append(piece);
    }
    const bool accepted = accept_candidate();
    if (!accepted) composer_ = before;
    before.reset();
    return accepted;
}

bool TextEntry::accept_candidate() {
    if (!icu_->nfc || !icu_->characters) return false;
    const int32_t units = to_utf16(candidate_, utf16_);
    if (units < 0) return false;
    UErrorCode status = U_ZERO_ERROR;
    // Aliases: ICU reads utf16_ and writes normal_ in place, with room enough never to reallocate.
    const icu::UnicodeString source(false, utf16_.data(), units);
    icu::UnicodeString normal(normal_.data(), 0, static_cast<int32_t>(normal_.size()));
    icu_->nfc->normalize(source, normal, status);
    if (U_FAILURE(status) || normal.getBuffer() != normal_.data()) return false;
    const int32_t length = normal.length();

    UText text = UTEXT_INITIALIZER;
    utext_openUChars(&text, normal_.data(), length, &status);
    icu_->characters->setText(&text, status);
    std::size_t count = 0;
    for (int32_t b = icu_->characters->first(); b != icu::BreakIterator::DONE; b = icu_->characters->next()) count += b > 0;
    utext_close(&text);
    if (U_FAILURE(status) || count > max_graphemes_) return false;
    const std::size_t bytes = utf8_length(normal_, 0, length);
    if (bytes > kCapacityBytes) return false;

    shrink_wiped(text_, 0);
    text_.resize(bytes);
    int32_t at = 0;
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U16_NEXT(normal_.data(), i, length, c);
        U8_APPEND_UNSAFE(text_.data(), at, c);
    }
    graphemes_ = count;
    return true;
}

bool TextEntry::backspace() {
    if (text_.empty()) {
        composer_.reset();
        return false;
    }
    if (composition_ == Composition::Hangul) {
        resume_composing();  // the text may end in a syllable written before: take it apart again
        if (const char32_t before = composer_.composing()) {
            composer_.backspace();
            shrink_wiped(text_, text_.size() - utf8_length(before));
            if (const char32_t now = composer_.composing()) append_utf8(text_, now);
            else --graphemes_;
            resume_composing();
            return true;
        }
    }
    if (!icu_->characters) return false;
    const int32_t units = to_utf16(text_, utf16_);
    if (units <= 0) return false;
    UErrorCode status = U_ZERO_ERROR;
    UText text = UTEXT_INITIALIZER;
    utext_openUChars(&text, utf16_.data(), units, &status);
    icu_->characters->setText(&text, status);
    const int32_t start = icu_->characters->preceding(units);
    utext_close(&text);
    if (U_FAILURE(status) || start == icu::BreakIterator::DONE) return false;
    shrink_wiped(text_, text_.size() - utf8_length(utf16_, start, units));
    --graphemes_;
    if (composition_ == Composition::Hangul) resume_composing();
    return true;
}

void TextEntry::resume_composing() {
    if (composer_.composing() || text_.empty()) return;
    int32_t at = static_cast<int32_t>(text_.size());
    UChar32 last;
    U8_PREV(text_.data(), 0, at, last);
    if (last > 0) composer_.resume(static_cast<char32_t>(last));
}

}  // namespace anteroom
