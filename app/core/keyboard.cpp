#include "core/keyboard.hpp"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "core/toml_source.hpp"

namespace anteroom {

namespace {

std::string to_nfc(const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return utf8;
    icu::UnicodeString normal = nfc->normalize(icu::UnicodeString::fromUTF8(utf8), status);
    if (U_FAILURE(status)) return utf8;
    std::string out;
    normal.toUTF8String(out);
    return out;
}

// A space or a control character: never a key of its own (the UI draws the space key).
bool is_blank(const std::string& utf8) {
    const icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
    for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
        const UChar32 c = s.char32At(i);
        if (!u_isUWhiteSpace(c) && u_charType(c) != U_CONTROL_CHAR && u_charType(c) != U_FORMAT_CHAR) return false;
    }
    return true;
}

// Where a letter is written, to find it written twice.
struct Placed {
    std::string letter;
    int line;
    std::string what;  // "row 2: key 'a'"
};

class LayoutReader {
public:
    LayoutReader(KeyboardLoad& result, const std::string& file) : result_(result), file_(file) {}

    void read(std::string_view text) {
        auto root = parse_toml_text(text, file_, result_.errors);
        if (!root) return;
        TableReader r(*root, file_, result_.errors, text);
        KeyboardLayout& k = result_.layout;
        r.integer("format", true, 1, 1);
        read_locale(r);
        if (auto v = r.string("direction", true)) {
            if (v->text == "ltr" || v->text == "rtl") {
                k.direction = v->text == "rtl" ? TextDirection::RightToLeft : TextDirection::LeftToRight;
                const bool rtl_script = !k.locale.empty() && uloc_isRightToLeft(k.locale.c_str());
                if (!k.locale.empty() && rtl_script != (k.direction == TextDirection::RightToLeft))
                    r.error(v->line, "direction is \"" + v->text + "\" but " + k.locale + " is written " +
                                         (rtl_script ? "right to left: \"rtl\"" : "left to right: \"ltr\""));
            } else {
                r.error(v->line, "direction '" + v->text + "' must be \"ltr\" (left to right) or \"rtl\" (right to left)");
            }
        }
        if (auto v = r.string("compose", false)) {
            if (v->text == "hangul") k.composition = Composition::Hangul;
            else r.error(v->line, "compose '" + v->text + "' is not a way of composing: the only one is \"hangul\"");
        }
        read_rows(r);
        if (auto alternates = r.table("alternates", false)) read_alternates(*alternates);
        if (auto shift = r.table("shift", false)) read_shift(*shift);
        r.finish();
        report_duplicates(r);
        derive_capitals();
    }

private:
    void read_locale(TableReader& r) {
        auto v = r.string("locale", true);
        if (!v) return;
        const std::filesystem::path path(file_);
        const std::string stem = path.stem().string();
        if (v->text != stem) {
            r.error(v->line, "locale '" + v->text + "' does not match the file's name '" + path.filename().string() +
                                 "': the keyboard for " + v->text + " belongs in " + v->text + ".toml");
            return;
        }
        result_.layout.locale = v->text;
    }

    // A letter as written, in NFC; nullopt (and a message) when it is not exactly one grapheme.
    std::optional<std::string> letter(TableReader& r, const std::string& written, int line, const std::string& what) {
        const std::size_t graphemes = count_graphemes(written);
        if (graphemes != 1) {
            r.error(line, what + " '" + written + "' is " + std::to_string(graphemes) +
                              " graphemes: each key and long press types exactly one letter (one grapheme)");
            return std::nullopt;
        }
        if (is_blank(written)) {
            r.error(line, what + " '" + written + "' is a space or an invisible character: the keyboard draws its own space key");
            return std::nullopt;
        }
        return to_nfc(written);
    }

    void read_rows(TableReader& r) {
        std::vector<TableReader> rows = r.table_array("row");
        if (rows.empty() && r.has("row")) return;  // reported: not written as [[row]]
        if (rows.empty()) r.error(0, "has no [[row]] of keys");
        int index = 0;
        for (TableReader& row_reader : rows) {
            const std::string row_name = "row " + std::to_string(++index);
            KeyboardRow row;
            row.line = row_reader.line();
            auto keys = row_reader.string_array("keys", true);
            row_reader.finish();
            if (!keys) continue;
            const int keys_line = row_reader.line_of("keys");
            if (keys->empty()) r.error(keys_line, row_name + " has no keys");
            if (keys->size() > static_cast<size_t>(kMaxKeysPerRow))
                r.error(keys_line, row_name + " has " + std::to_string(keys->size()) + " keys: at most " +
                                       std::to_string(kMaxKeysPerRow) + " fit a row, or its keys could not be 60 px "
                                       "wide on a 1280 px screen with margins");
            for (const SourceString& written : *keys) {
                const std::string what = row_name + ": key";
                auto l = letter(r, written.text, written.line, what);
                if (!l) continue;
                placed_.push_back({*l, written.line, what + " '" + *l + "'"});
                row.keys.push_back({*l, {}, {}, {}, written.line});
            }
            result_.layout.rows.push_back(std::move(row));
        }
    }

    KeyboardKey* find_key(const std::string& letter) {
        for (KeyboardRow& row : result_.layout.rows)
            for (KeyboardKey& key : row.keys)
                if (key.letter == letter) return &key;
        return nullptr;
    }

    // The key a [alternates] or [shift] entry is for; nullptr (and a message) when no key types it.
    KeyboardKey* key_named(TableReader& r, const std::string& written, const std::string& table, const char* why) {
        KeyboardKey* key = find_key(to_nfc(written));
        if (!key) r.error(r.line_of(written), table + " for '" + written + "': no key types '" + written + "' (" + why + ")");
        return key;
    }

    void read_alternates(TableReader& r) {
        for (const std::string& written : r.keys()) {
            auto list = r.string_array(written, true);
            KeyboardKey* key = key_named(r, written, "alternates", "a long press belongs to a key of a [[row]]");
            if (!list || !key) continue;
            for (const SourceString& alt : *list) {
                const std::string what = "alternates for '" + key->letter + "':";
                auto l = letter(r, alt.text, alt.line, what);
                if (!l) continue;
                placed_.push_back({*l, alt.line, "alternates for '" + key->letter + "': '" + *l + "'"});
                key->alternates.push_back(*l);
            }
        }
    }

    void read_shift(TableReader& r) {
        for (const std::string& written : r.keys()) {
            auto shifted = r.string(written, true);
            KeyboardKey* key = key_named(r, written, "shift", "shift changes what a key of a [[row]] types");
            if (!shifted || !key) continue;
            const std::string what = "shift for '" + key->letter + "':";
            auto l = letter(r, shifted->text, shifted->line, what);
            if (!l) continue;
            placed_.push_back({*l, shifted->line, "shift for '" + key->letter + "': '" + *l + "'"});
            key->shifted = *l;
        }
    }

    void report_duplicates(TableReader& r) {
        std::stable_sort(placed_.begin(), placed_.end(), [](const Placed& a, const Placed& b) { return a.line < b.line; });
        for (size_t i = 0; i < placed_.size(); ++i)
            for (size_t j = 0; j < i; ++j)
                if (placed_[j].letter == placed_[i].letter) {
                    r.error(placed_[i].line, placed_[i].what + " is already on the keyboard at line " +
                                                 std::to_string(placed_[j].line) + " (" + placed_[j].what +
                                                 "): each letter is on one key or long press only");
                    break;
                }
    }

    // The capital of a letter in the layout's language, or the letter itself where it has none
    // (or its capital is more than one letter, as ß's SS).
    std::string capital(const std::string& letter) const {
        icu::UnicodeString s = icu::UnicodeString::fromUTF8(letter);
        s.toUpper(icu::Locale(result_.layout.locale.c_str()));
        std::string upper;
        s.toUTF8String(upper);
        upper = to_nfc(upper);
        return count_graphemes(upper) == 1 ? upper : letter;
    }

    void derive_capitals() {
        for (KeyboardRow& row : result_.layout.rows)
            for (KeyboardKey& key : row.keys) {
                if (key.shifted.empty()) key.shifted = capital(key.letter);
                for (const std::string& alt : key.alternates) key.shifted_alternates.push_back(capital(alt));
            }
    }

    KeyboardLoad& result_;
    const std::string& file_;
    std::vector<Placed> placed_;
};

}  // namespace

std::size_t count_graphemes(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) return utf8.size();
    const icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    it->setText(s);
    std::size_t count = 0;
    for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) ++count;
    return count;
}

bool KeyboardLayout::has_shift() const {
    for (const KeyboardRow& row : rows)
        for (const KeyboardKey& key : row.keys) {
            if (key.shifted != key.letter) return true;
            for (size_t i = 0; i < key.alternates.size(); ++i)
                if (key.shifted_alternates[i] != key.alternates[i]) return true;
        }
    return false;
}

std::vector<SpecialKey> KeyboardLayout::special_keys() const {
    std::vector<SpecialKey> keys;
    if (has_shift()) keys.push_back(SpecialKey::Shift);
    keys.insert(keys.end(), {SpecialKey::Space, SpecialKey::Backspace, SpecialKey::Done});
    return keys;
}

const KeyboardKey* KeyboardLayout::key_for(std::string_view letter) const {
    for (const KeyboardRow& row : rows)
        for (const KeyboardKey& key : row.keys) {
            if (key.letter == letter || key.shifted == letter) return &key;
            for (const std::string& alt : key.alternates)
                if (alt == letter) return &key;
            for (const std::string& alt : key.shifted_alternates)
                if (alt == letter) return &key;
        }
    return nullptr;
}

KeyboardLoad parse_keyboard(std::string_view text, const std::string& file) {
    KeyboardLoad result;
    LayoutReader(result, file).read(text);
    return result;
}

KeyboardLoad load_keyboard(const std::filesystem::path& path) {
    KeyboardLoad result;
    std::string text;
    if (!read_text_file(path, path.string(), &text, result.errors)) return result;
    return parse_keyboard(text, path.string());
}

KeyboardsLoad load_keyboards(const std::filesystem::path& dir) {
    KeyboardsLoad result;
    std::vector<std::filesystem::path> files;
    for (const std::filesystem::directory_entry& entry : list_folder(dir, result.errors))
        if (entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const std::filesystem::path& path : files) {
        KeyboardLoad one = load_keyboard(path);
        if (one.errors.empty()) result.layouts.emplace(one.layout.locale, std::move(one.layout));
        result.errors.insert(result.errors.end(), one.errors.begin(), one.errors.end());
    }
    return result;
}

}  // namespace anteroom
