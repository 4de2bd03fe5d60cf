#include "core/bidi.hpp"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/ushape.h>
#include <unicode/ustring.h>

#include <algorithm>

namespace anteroom {

namespace {

std::u16string to_utf16(std::string_view utf8, std::vector<size_t>* byte_of = nullptr) {
    std::u16string out;
    out.reserve(utf8.size());
    for (size_t i = 0; i < utf8.size();) {
        UChar32 c;
        const size_t start = i;
        int32_t index = static_cast<int32_t>(i);
        U8_NEXT(utf8.data(), index, static_cast<int32_t>(utf8.size()), c);
        i = static_cast<size_t>(index);
        if (c < 0) c = 0xFFFD;
        char16_t units[2];
        int32_t n = 0;
        [[maybe_unused]] UBool error = false;  // cannot happen: two units always fit
        U16_APPEND(units, n, 2, c, error);
        for (int32_t k = 0; k < n; ++k) {
            out += units[k];
            if (byte_of) byte_of->push_back(start);
        }
    }
    if (byte_of) byte_of->push_back(utf8.size());
    return out;
}

void append_utf8(std::string& out, UChar32 c) {
    char bytes[4];
    int32_t n = 0;
    [[maybe_unused]] UBool error = false;  // cannot happen: four bytes always fit
    U8_APPEND(bytes, n, 4, c, error);
    out.append(bytes, static_cast<size_t>(n));
}

bool is_bidi_control(UChar32 c) {
    return (c >= 0x200E && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x061C;
}

// Contextual forms, in logical order; a lam-alef pair becomes one ligature, so the text may shrink.
// Vowel marks need placing over their letter, which only a shaping engine (HarfBuzz, on the
// roadmap) does; drawn with their own advance they would tear words apart. Everyday Arabic
// is written without them, so they are left out.
bool is_arabic_mark(UChar32 c) { return (c >= 0x064B && c <= 0x065F) || c == 0x0670; }

bool is_alef(char16_t c) { return c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0627; }

std::u16string shape_fixed(const std::u16string& text) {
    std::u16string shaped(text.size(), u'\0');
    UErrorCode status = U_ZERO_ERROR;
    u_shapeArabic(text.data(), static_cast<int32_t>(text.size()), shaped.data(), static_cast<int32_t>(shaped.size()),
                  U_SHAPE_LETTERS_SHAPE | U_SHAPE_LENGTH_FIXED_SPACES_NEAR | U_SHAPE_TEXT_DIRECTION_LOGICAL, &status);
    return U_SUCCESS(status) ? shaped : text;
}

std::u16string shape(const std::u16string& text) {
    constexpr uint32_t kOptions = U_SHAPE_LETTERS_SHAPE | U_SHAPE_LENGTH_GROW_SHRINK | U_SHAPE_TEXT_DIRECTION_LOGICAL;
    std::u16string shaped(text.size() * 2 + 1, u'\0');
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length = u_shapeArabic(text.data(), static_cast<int32_t>(text.size()), shaped.data(),
                                         static_cast<int32_t>(shaped.size()), kOptions, &status);
    if (U_FAILURE(status)) return text;
    shaped.resize(static_cast<size_t>(length));
    return shaped;
}

}  // namespace

bool needs_bidi(std::string_view utf8) {
    for (size_t i = 0; i < utf8.size();) {
        UChar32 c;
        int32_t index = static_cast<int32_t>(i);
        U8_NEXT(utf8.data(), index, static_cast<int32_t>(utf8.size()), c);
        i = static_cast<size_t>(index);
        if (c < 0x0590) continue;  // fast path: Latin, Greek, Cyrillic
        const UCharDirection d = u_charDirection(c);
        if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC || is_bidi_control(c)) return true;
    }
    return false;
}

std::string shape_arabic(std::string_view utf8) {
    const std::u16string shaped = shape(to_utf16(utf8));
    std::string out;
    for (size_t i = 0; i < shaped.size();) {
        UChar32 c;
        U16_NEXT(shaped.data(), i, shaped.size(), c);
        append_utf8(out, c);
    }
    return out;
}

std::vector<VisualRun> visual_runs(std::string_view line, bool base_rtl, const std::vector<size_t>& cuts) {
    std::vector<VisualRun> runs;
    std::vector<size_t> byte_of;  // UTF-16 index -> byte offset in line
    const std::u16string text = to_utf16(line, &byte_of);
    UErrorCode status = U_ZERO_ERROR;
    UBiDi* bidi = ubidi_openSized(static_cast<int32_t>(text.size()), 0, &status);
    ubidi_setPara(bidi, text.data(), static_cast<int32_t>(text.size()), base_rtl ? UBIDI_RTL : UBIDI_LTR, nullptr, &status);
    if (U_FAILURE(status)) {
        ubidi_close(bidi);
        return {{std::string(line), 0, line.size(), false}};
    }
    const int32_t count = ubidi_countRuns(bidi, &status);
    for (int32_t r = 0; r < count; ++r) {
        int32_t start = 0, length = 0;
        const bool rtl = ubidi_getVisualRun(bidi, r, &start, &length) == UBIDI_RTL;
        // Split the run where the style changes, in logical order, then order the pieces.
        std::vector<std::pair<int32_t, int32_t>> pieces;  // UTF-16 [begin, end)
        int32_t piece = start;
        for (int32_t i = start + 1; i <= start + length; ++i) {
            const bool cut = i == start + length ||
                             std::find(cuts.begin(), cuts.end(), byte_of[static_cast<size_t>(i)]) != cuts.end();
            if (cut) pieces.emplace_back(piece, i), piece = i;
        }
        if (rtl) std::reverse(pieces.begin(), pieces.end());
        // The whole run is shaped at once, so letters join across a style change inside a
        // word; fixed length keeps indices, with a space where a lam-alef pair became one glyph.
        const std::u16string shaped = shape_fixed(text.substr(static_cast<size_t>(start), static_cast<size_t>(length)));
        for (const auto& [begin, end] : pieces) {
            VisualRun run{{}, byte_of[static_cast<size_t>(begin)], byte_of[static_cast<size_t>(end)], rtl};
            std::vector<UChar32> chars;
            for (int32_t i = begin; i < end;) {
                int32_t k = i - start;  // the same place in the shaped run
                const bool ligature_space = shaped[static_cast<size_t>(k)] == u' ' && is_alef(text[static_cast<size_t>(i)]);
                UChar32 c;
                U16_NEXT(shaped.data(), k, static_cast<int32_t>(shaped.size()), c);
                i = start + k;
                if (!ligature_space && !is_bidi_control(c) && !is_arabic_mark(c)) chars.push_back(rtl ? u_charMirror(c) : c);
            }
            if (rtl) std::reverse(chars.begin(), chars.end());
            for (UChar32 c : chars) append_utf8(run.text, c);
            if (!run.text.empty()) runs.push_back(std::move(run));
        }
    }
    ubidi_close(bidi);
    return runs;
}

}  // namespace anteroom
