#pragma once
// On-screen keyboard layouts, read from content: the letters a patient types are content, not
// C++. One file per language that has an on-screen keyboard, content/keyboards/<locale>.toml
// (Chinese has none: writing in Chinese is by a physical keyboard and its input method).
//
//     format = 1
//     locale = "es"             # must match the file's name: es.toml
//     direction = "ltr"         # "rtl" for Arabic
//     compose = "hangul"        # optional: typed jamo are composed into syllables (Korean)
//     [[row]]                   # rows from the top
//     keys = ["q","w","e","r","t","y","u","i","o","p"]
//     [[row]]
//     keys = ["a","s","d","f","g","h","j","k","l","ñ"]
//     [alternates]              # optional: a long press on a key offers these, in this order
//     a = ["á"]
//     "?" = ["¿"]               # a key that is not a bare TOML key is quoted
//     [shift]                   # optional: what a key types with shift on, where that is not
//     "ㅂ" = "ㅃ"               # its capital letter (jamo have no case)
//
// Keys are listed in the order they are drawn: from the left in an "ltr" row, from the right in
// an "rtl" one. Every key and alternate is exactly one grapheme (what a reader sees as one
// letter), a row has 1 to kMaxKeysPerRow keys, and no letter is on the keyboard twice (on two
// keys, a key and a long press, or two long presses). Capitals need not be written: where a
// letter has a capital in the file's language (ICU's case rules for the locale), shift types it,
// for alternates too. The keyboard's own last row is drawn by the UI, not written here: shift
// (when some key has a shifted letter), space, backspace and done (special_keys()).
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"

namespace anteroom {

// More keys than this could not each be 60 px wide on a 1280 px screen with margins.
inline constexpr int kMaxKeysPerRow = 12;

enum class TextDirection { LeftToRight, RightToLeft };
enum class Composition { None, Hangul };
// The keys the UI draws itself, in their last row.
enum class SpecialKey { Shift, Space, Backspace, Done };

struct KeyboardKey {
    std::string letter;                           // what a tap types (NFC)
    std::string shifted;                          // what a tap types with shift on; == letter when no other
    std::vector<std::string> alternates;          // a long press, in the order shown
    std::vector<std::string> shifted_alternates;  // the same with shift on, one for one
    int line = 0;                                 // where the key is written
};

struct KeyboardRow {
    std::vector<KeyboardKey> keys;  // in drawing order (see direction)
    int line = 0;
};

struct KeyboardLayout {
    std::string locale;
    TextDirection direction = TextDirection::LeftToRight;
    Composition composition = Composition::None;
    std::vector<KeyboardRow> rows;

    bool has_shift() const;                     // some key or alternate types something else with shift on
    std::vector<SpecialKey> special_keys() const;  // the last row: shift (if has_shift()), space, backspace, done
    // The key that types letter with a tap or a long press, shifted or not; nullptr when none does.
    const KeyboardKey* key_for(std::string_view letter) const;
};

struct KeyboardLoad {
    KeyboardLayout layout;
    Diagnostics errors;  // empty when the file is good
};

KeyboardLoad load_keyboard(const std::filesystem::path& path);
// file is the name shown in messages; its stem must be the locale ("content/keyboards/es.toml").
KeyboardLoad parse_keyboard(std::string_view text, const std::string& file);

// Every <locale>.toml in a folder (content/keyboards), by locale; a folder that does not exist
// holds none.
struct KeyboardsLoad {
    std::map<std::string, KeyboardLayout> layouts;
    Diagnostics errors;
};
KeyboardsLoad load_keyboards(const std::filesystem::path& dir);

// How many graphemes (user-perceived characters, by ICU's rules) utf8 holds.
std::size_t count_graphemes(std::string_view utf8);

}  // namespace anteroom
