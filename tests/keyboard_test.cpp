// The on-screen keyboard's core: layouts read from content/keyboards (every letter of each
// language within reach, every mistake in a file found with its line), what a patient writes
// (limits, NFC, wiped buffers that never move) and Korean composed from jamo.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "core/hangul.hpp"
#include "core/keyboard.hpp"
#include "core/text_entry.hpp"

namespace anteroom {
namespace {

const std::string kKeyboards = std::string(ANTEROOM_SOURCE_DIR) + "/content/keyboards";

std::vector<std::string> words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// Each code point of utf8, as its own piece.
std::vector<std::string> code_points(const std::string& utf8) {
    std::vector<std::string> out;
    for (size_t i = 0; i < utf8.size();) {
        const unsigned char lead = static_cast<unsigned char>(utf8[i]);
        const size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        out.push_back(utf8.substr(i, n));
        i += n;
    }
    return out;
}

const KeyboardLayout& bundled(const std::string& locale) {
    static const KeyboardsLoad load = load_keyboards(kKeyboards);
    auto it = load.layouts.find(locale);
    if (it == load.layouts.end()) {
        ADD_FAILURE() << "no bundled keyboard for " << locale;
        static const KeyboardLayout none;
        return none;
    }
    return it->second;
}

// What the layout offers that types exactly letter: a key, its shifted letter, a long press
// or a shifted long press. Empty when nothing does.
std::string offered(const KeyboardLayout& layout, const std::string& letter) {
    for (const KeyboardRow& row : layout.rows)
        for (const KeyboardKey& key : row.keys) {
            if (key.letter == letter || key.shifted == letter) return letter;
            for (size_t i = 0; i < key.alternates.size(); ++i)
                if (key.alternates[i] == letter || key.shifted_alternates[i] == letter) return letter;
        }
    return {};
}

// Every letter is offered by the layout, and typing what offers it writes exactly the letter.
void expect_reachable(const std::string& locale, const std::vector<std::string>& letters) {
    const KeyboardLayout& layout = bundled(locale);
    for (const std::string& letter : letters) {
        const std::string piece = offered(layout, letter);
        EXPECT_EQ(piece, letter) << locale << ": nothing on the keyboard types " << letter;
        if (piece.empty()) continue;
        EXPECT_NE(layout.key_for(letter), nullptr) << letter;
        TextEntry entry(layout.composition);
        EXPECT_TRUE(entry.type(piece)) << letter;
        EXPECT_EQ(entry.text(), letter) << locale;
    }
}

// ---- The bundled layouts ----------------------------------------------------------------------

TEST(KeyboardLayouts, BundledLayoutsParseWithNoErrorsAndChineseHasNone) {
    const KeyboardsLoad load = load_keyboards(kKeyboards);
    for (const Diagnostic& d : load.errors) ADD_FAILURE() << d.str();
    std::set<std::string> locales;
    for (const auto& [locale, layout] : load.layouts) {
        locales.insert(locale);
        EXPECT_EQ(layout.locale, locale);
        for (const KeyboardRow& row : layout.rows) {
            EXPECT_FALSE(row.keys.empty()) << locale;
            EXPECT_LE(row.keys.size(), static_cast<size_t>(kMaxKeysPerRow)) << locale;
            for (const KeyboardKey& key : row.keys) {
                EXPECT_EQ(count_graphemes(key.letter), 1u) << key.letter;
                EXPECT_EQ(key.shifted_alternates.size(), key.alternates.size()) << key.letter;
                EXPECT_LE(key.alternates.size(), 5u) << locale << ": the long press on " << key.letter << " is crowded";
            }
        }
    }
    EXPECT_EQ(locales, (std::set<std::string>{"ar", "en", "es", "ko", "vi"}));
    EXPECT_FALSE(load.layouts.contains("zh-Hans"));
}

TEST(KeyboardLayouts, DirectionCompositionAndTheKeysTheUiDraws) {
    EXPECT_EQ(bundled("ar").direction, TextDirection::RightToLeft);
    for (const char* locale : {"en", "es", "vi", "ko"}) EXPECT_EQ(bundled(locale).direction, TextDirection::LeftToRight);
    EXPECT_EQ(bundled("ko").composition, Composition::Hangul);
    EXPECT_EQ(bundled("vi").composition, Composition::None);
    const std::vector<SpecialKey> all = {SpecialKey::Shift, SpecialKey::Space, SpecialKey::Backspace, SpecialKey::Done};
    for (const char* locale : {"en", "es", "vi", "ko"}) EXPECT_EQ(bundled(locale).special_keys(), all) << locale;
    // Arabic has no capitals: no shift key.
    EXPECT_EQ(bundled("ar").special_keys(), (std::vector<SpecialKey>{SpecialKey::Space, SpecialKey::Backspace, SpecialKey::Done}));
}

TEST(KeyboardLayouts, EnglishLettersAndCapitals) {
    expect_reachable("en", words("a b c d e f g h i j k l m n o p q r s t u v w x y z "
                                 "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z é ’ , . ? !"));
}

TEST(KeyboardLayouts, SpanishLettersAccentsAndPunctuation) {
    expect_reachable("es", words("a b c d e f g h i j k l m n ñ o p q r s t u v w x y z á é í ó ú ü "
                                 "A B C D E F G H I J K L M N Ñ O P Q R S T U V W X Y Z Á É Í Ó Ú Ü ¿ ? ¡ !"));
    const KeyboardKey* n = bundled("es").key_for("ñ");
    ASSERT_NE(n, nullptr);
    EXPECT_EQ(n->letter, "ñ");  // its own key, as on a Spanish keyboard
    EXPECT_EQ(n->shifted, "Ñ");
}

const char* const kVietnameseVowels =
    "a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ e è é ẻ ẽ ẹ ê ề ế ể ễ ệ i ì í ỉ ĩ ị "
    "o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ u ù ú ủ ũ ụ ư ừ ứ ử ữ ự y ỳ ý ỷ ỹ ỵ";
const char* const kVietnameseCapitalVowels =
    "A À Á Ả Ã Ạ Ă Ằ Ắ Ẳ Ẵ Ặ Â Ầ Ấ Ẩ Ẫ Ậ E È É Ẻ Ẽ Ẹ Ê Ề Ế Ể Ễ Ệ I Ì Í Ỉ Ĩ Ị "
    "O Ò Ó Ỏ Õ Ọ Ô Ồ Ố Ổ Ỗ Ộ Ơ Ờ Ớ Ở Ỡ Ợ U Ù Ú Ủ Ũ Ụ Ư Ừ Ứ Ử Ữ Ự Y Ỳ Ý Ỷ Ỹ Ỵ";

TEST(KeyboardLayouts, VietnameseEveryVowelWithEveryToneAndEveryConsonant) {
    ASSERT_EQ(words(kVietnameseVowels).size(), 72u);  // 12 vowels, each untoned and with 5 tones
    expect_reachable("vi", words(kVietnameseVowels));
    expect_reachable("vi", words(kVietnameseCapitalVowels));
    expect_reachable("vi", words("b c d đ g h k l m n p q r s t v x B C D Đ G H K L M N P Q R S T V X"));
}

TEST(KeyboardLayouts, VietnameseLongPressIsTheFiveTonesInOneOrder) {
    // ă and â are keys of their own, each with its own tones, so no popup holds more than five.
    const std::vector<std::string> vowels = words(kVietnameseVowels);
    for (size_t v = 0; v < vowels.size(); v += 6) {
        const KeyboardKey* key = bundled("vi").key_for(vowels[v]);
        ASSERT_NE(key, nullptr) << vowels[v];
        EXPECT_EQ(key->letter, vowels[v]);
        EXPECT_EQ(key->alternates, std::vector<std::string>(vowels.begin() + v + 1, vowels.begin() + v + 6)) << vowels[v];
    }
    EXPECT_EQ(bundled("vi").key_for("đ")->letter, "đ");
}

TEST(KeyboardLayouts, ArabicLettersHamzaFormsAndPunctuation) {
    expect_reachable("ar", words("ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي "
                                 "أ إ آ ء ؤ ئ ة ى ، ؟"));
    EXPECT_EQ(bundled("ar").rows.front().keys.front().letter, "ض");  // drawn from the right
}

TEST(KeyboardLayouts, KoreanEveryInitialByKeyOrShiftAndEveryVowelByTyping) {
    const std::vector<std::string> initials = words("ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ");
    ASSERT_EQ(initials.size(), 19u);
    expect_reachable("ko", initials);
    for (const auto& [shifted, key] : std::vector<std::pair<std::string, std::string>>{
             {"ㄲ", "ㄱ"}, {"ㄸ", "ㄷ"}, {"ㅃ", "ㅂ"}, {"ㅆ", "ㅅ"}, {"ㅉ", "ㅈ"}, {"ㅒ", "ㅐ"}, {"ㅖ", "ㅔ"}}) {
        const KeyboardKey* k = bundled("ko").key_for(shifted);
        ASSERT_NE(k, nullptr) << shifted;
        EXPECT_EQ(k->letter, key);
        EXPECT_EQ(k->shifted, shifted);
    }
    // The 21 vowels: the simple ones are keys (ㅒ ㅖ by shift), the compound ones two keys in turn.
    const std::vector<std::pair<std::string, std::string>> vowels = {
        {"ㅏ", "ㅏ"}, {"ㅐ", "ㅐ"}, {"ㅑ", "ㅑ"}, {"ㅒ", "ㅒ"}, {"ㅓ", "ㅓ"}, {"ㅔ", "ㅔ"}, {"ㅕ", "ㅕ"},
        {"ㅖ", "ㅖ"}, {"ㅗ", "ㅗ"}, {"ㅘ", "ㅗㅏ"}, {"ㅙ", "ㅗㅐ"}, {"ㅚ", "ㅗㅣ"}, {"ㅛ", "ㅛ"}, {"ㅜ", "ㅜ"},
        {"ㅝ", "ㅜㅓ"}, {"ㅞ", "ㅜㅔ"}, {"ㅟ", "ㅜㅣ"}, {"ㅠ", "ㅠ"}, {"ㅡ", "ㅡ"}, {"ㅢ", "ㅡㅣ"}, {"ㅣ", "ㅣ"}};
    ASSERT_EQ(vowels.size(), 21u);
    for (const auto& [vowel, keys] : vowels) {
        TextEntry entry(Composition::Hangul);
        for (const std::string& k : code_points(keys)) {
            EXPECT_EQ(offered(bundled("ko"), k), k) << "no key types " << k;
            EXPECT_TRUE(entry.type(k));
        }
        EXPECT_EQ(entry.text(), vowel) << keys;
    }
}

// ---- Mistakes in a layout file, each with its file and line -----------------------------------

std::vector<std::string> errors_of(const std::string& text, const std::string& file = "content/keyboards/xx.toml") {
    std::vector<std::string> out;
    for (const Diagnostic& d : parse_keyboard(text, file).errors) out.push_back(d.str());
    return out;
}

const char* const kHead = "format = 1\nlocale = \"xx\"\ndirection = \"ltr\"\n";  // lines 1-3

TEST(KeyboardErrors, AGoodSmallFileHasNone) {
    const KeyboardLoad load = parse_keyboard(std::string(kHead) + "[[row]]\nkeys = [\"a\", \"b\"]\n[alternates]\na = [\"á\"]\n",
                                             "xx.toml");
    EXPECT_TRUE(load.errors.empty());
    ASSERT_EQ(load.layout.rows.size(), 1u);
    EXPECT_EQ(load.layout.rows[0].keys[0].shifted, "A");
    EXPECT_EQ(load.layout.rows[0].keys[0].shifted_alternates, std::vector<std::string>{"Á"});
    EXPECT_EQ(load.layout.rows[0].line, 4);
    EXPECT_EQ(load.layout.rows[0].keys[1].line, 5);
}

TEST(KeyboardErrors, UnknownKeys) {
    EXPECT_EQ(errors_of(std::string(kHead) + "colour = \"red\"\n[[row]]\nkeys = [\"a\"]\n"),
              std::vector<std::string>{"content/keyboards/xx.toml:4: unknown key 'colour'"});
    EXPECT_EQ(errors_of(std::string(kHead) + "[[row]]\nkeys = [\"a\"]\nwidth = 2\n"),
              std::vector<std::string>{"content/keyboards/xx.toml:6: unknown key row 1: 'width'"});
    EXPECT_EQ(errors_of(std::string(kHead) + "[[row]]\nkeys = [\"a\"]\n[alternates]\nb = [\"c\"]\n"),
              std::vector<std::string>{"content/keyboards/xx.toml:7: alternates for 'b': no key types 'b' "
                                       "(a long press belongs to a key of a [[row]])"});
    EXPECT_EQ(errors_of(std::string(kHead) + "[[row]]\nkeys = [\"a\"]\n[shift]\nb = \"B\"\n"),
              std::vector<std::string>{"content/keyboards/xx.toml:7: shift for 'b': no key types 'b' "
                                       "(shift changes what a key of a [[row]] types)"});
}

TEST(KeyboardErrors, AKeyThatIsNotExactlyOneGrapheme) {
    EXPECT_EQ(errors_of(std::string(kHead) + "[[row]]\nkeys = [\"a\",\n  \"ch\"]\n"),
              std::vector<std::string>{"content/keyboards/xx.toml:6: row 1: key 'ch' is 2 graphemes: each key and long "
                                       "press types exactly one letter (one grapheme)"});
    EXPECT_EQ(errors_of(std::string(kHead) + "[[row]]\nkeys = [\"\"]\n"),
              std::vector<std::string>{"content/keyboards/xx.toml:5: row 1: key '' is 0 graphemes: each key and long "
                                       "press types exactly one letter (one grapheme)"});
    EXPECT_EQ(errors_of(std::string(kHead) + "[[row]]\nkeys = [\"a\"]\n[alternates]\na = [\"á\", \"ae\"]\n"),
              std::vector<std::string>{"content/keyboards/xx.toml:7: alternates for 'a': 'ae' is 2 graphemes: each key "
                                       "and long press types exactly one letter (one grapheme)"});
    EXPECT_EQ(errors_of(std::string(kHead) + "[[row]]\nkeys = [\"a\", \" \"]\n"),
              std::vector<std::string>{"content/keyboards/xx.toml:5: row 1: key ' ' is a space or an invisible "
                                       "character: the keyboard draws its own space key"});
    // A letter with a combining accent is one grapheme, kept in NFC.
    const KeyboardLoad load = parse_keyboard(std::string(kHead) + "[[row]]\nkeys = [\"e\\u0301\", \"ก\\u0e34\"]\n", "xx.toml");
    EXPECT_TRUE(load.errors.empty());
    EXPECT_EQ(load.layout.rows[0].keys[0].letter, "é");
}

TEST(KeyboardErrors, ALetterTwiceOnTheKeyboard) {
    EXPECT_EQ(errors_of(std::string(kHead) + "[[row]]\nkeys = [\"a\", \"b\"]\n[[row]]\nkeys = [\"c\", \"a\"]\n"),
              std::vector<std::string>{"content/keyboards/xx.toml:7: row 2: key 'a' is already on the keyboard at line "
                                       "5 (row 1: key 'a'): each letter is on one key or long press only"});
    EXPECT_EQ(errors_of(std::string(kHead) + "[[row]]\nkeys = [\"a\", \"á\"]\n[alternates]\na = [\"à\", \"á\"]\n"),
              std::vector<std::string>{"content/keyboards/xx.toml:7: alternates for 'a': 'á' is already on the keyboard "
                                       "at line 5 (row 1: key 'á'): each letter is on one key or long press only"});
    EXPECT_EQ(errors_of(std::string(kHead) + "[[row]]\nkeys = [\"a\", \"e\"]\n[alternates]\na = [\"á\"]\ne = [\"é\", \"á\"]\n"),
              std::vector<std::string>{"content/keyboards/xx.toml:8: alternates for 'e': 'á' is already on the keyboard "
                                       "at line 7 (alternates for 'a': 'á'): each letter is on one key or long press only"});
    // The same letter written decomposed is the same letter.
    EXPECT_EQ(errors_of(std::string(kHead) + "[[row]]\nkeys = [\"é\", \"e\\u0301\"]\n"),
              std::vector<std::string>{"content/keyboards/xx.toml:5: row 1: key 'é' is already on the keyboard at line "
                                       "5 (row 1: key 'é'): each letter is on one key or long press only"});
    EXPECT_EQ(errors_of(std::string(kHead) + "[[row]]\nkeys = [\"a\", \"b\"]\n[shift]\na = \"b\"\n"),
              std::vector<std::string>{"content/keyboards/xx.toml:7: shift for 'a': 'b' is already on the keyboard at "
                                       "line 5 (row 1: key 'b'): each letter is on one key or long press only"});
}

TEST(KeyboardErrors, ARowWithNoKeysOrTooMany) {
    EXPECT_EQ(errors_of(std::string(kHead) + "[[row]]\nkeys = [\"a\"]\n[[row]]\nkeys = []\n"),
              std::vector<std::string>{"content/keyboards/xx.toml:7: row 2 has no keys"});
    EXPECT_EQ(errors_of(std::string(kHead) + "[[row]]\nkeys = [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\","
                                             "\"j\",\"k\",\"l\",\"m\"]\n"),
              std::vector<std::string>{"content/keyboards/xx.toml:5: row 1 has 13 keys: at most 12 fit a row, or its "
                                       "keys could not be 60 px wide on a 1280 px screen with margins"});
    EXPECT_EQ(errors_of(std::string(kHead) + "[[row]]\n"),
              std::vector<std::string>{"content/keyboards/xx.toml:4: row 1: 'keys' is missing"});
    EXPECT_EQ(errors_of(kHead), std::vector<std::string>{"content/keyboards/xx.toml:0: has no [[row]] of keys"});
}

TEST(KeyboardErrors, ALocaleThatIsNotTheFilesName) {
    EXPECT_EQ(errors_of("format = 1\nlocale = \"es\"\ndirection = \"ltr\"\n[[row]]\nkeys = [\"a\"]\n",
                        "content/keyboards/en.toml"),
              std::vector<std::string>{"content/keyboards/en.toml:2: locale 'es' does not match the file's name "
                                       "'en.toml': the keyboard for es belongs in es.toml"});
}

TEST(KeyboardErrors, DirectionComposeAndFormat) {
    EXPECT_EQ(errors_of("format = 1\nlocale = \"ar\"\ndirection = \"ltr\"\n[[row]]\nkeys = [\"ب\"]\n",
                        "content/keyboards/ar.toml"),
              std::vector<std::string>{"content/keyboards/ar.toml:3: direction is \"ltr\" but ar is written right to "
                                       "left: \"rtl\""});
    EXPECT_EQ(errors_of("format = 1\nlocale = \"xx\"\ndirection = \"up\"\n[[row]]\nkeys = [\"a\"]\n"),
              std::vector<std::string>{"content/keyboards/xx.toml:3: direction 'up' must be \"ltr\" (left to right) or "
                                       "\"rtl\" (right to left)"});
    EXPECT_EQ(errors_of(std::string(kHead) + "compose = \"kana\"\n[[row]]\nkeys = [\"a\"]\n"),
              std::vector<std::string>{"content/keyboards/xx.toml:4: compose 'kana' is not a way of composing: the only "
                                       "one is \"hangul\""});
    EXPECT_EQ(errors_of("format = 2\nlocale = \"xx\"\ndirection = \"ltr\"\n[[row]]\nkeys = [\"a\"]\n"),
              std::vector<std::string>{"content/keyboards/xx.toml:1: 'format' is 2 but must be between 1 and 1"});
}

TEST(KeyboardErrors, AMissingFile) {
    const KeyboardLoad load = load_keyboard(kKeyboards + "/zh-Hans.toml");
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_EQ(load.errors[0].str(), kKeyboards + "/zh-Hans.toml:0: cannot be read");
}

// ---- What the patient writes ------------------------------------------------------------------

bool all_zero(std::string_view bytes) {
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == 0; });
}

TEST(KeyboardTextEntry, TheGraphemeLimitIsEnforcedAndNoBufferEverMoves) {
    TextEntry entry;
    EXPECT_EQ(entry.max_graphemes(), 500u);
    std::vector<const char*> before;
    for (std::string_view b : entry.raw_buffers_for_test()) before.push_back(b.data());
    const std::string_view raw = entry.raw_buffer_for_test();
    EXPECT_GE(raw.size(), TextEntry::kCapacityBytes);
    const std::vector<std::string> letters = {"a", "ắ", "ñ", "ㅎ", "ب", "👍🏽"};
    for (size_t i = 0; i < 500; ++i) {
        ASSERT_TRUE(entry.type(letters[i % letters.size()])) << i;
        ASSERT_EQ(entry.raw_buffer_for_test().data(), raw.data()) << "reallocated at " << i;
        ASSERT_EQ(entry.raw_buffer_for_test().size(), raw.size());
    }
    EXPECT_EQ(entry.graphemes(), 500u);
    const std::string full(entry.text());
    EXPECT_FALSE(entry.type("a"));
    EXPECT_EQ(entry.text(), full);
    EXPECT_TRUE(entry.backspace());
    EXPECT_TRUE(entry.type("z"));
    EXPECT_FALSE(entry.type("z"));
    std::vector<const char*> after;
    for (std::string_view b : entry.raw_buffers_for_test()) after.push_back(b.data());
    EXPECT_EQ(after, before);

    // A refused jamo leaves the syllable being composed as it was.
    TextEntry korean(Composition::Hangul, 2);
    for (const char* jamo : {"ㄱ", "ㅏ", "ㄴ", "ㅏ"}) EXPECT_TRUE(korean.type(jamo));
    EXPECT_EQ(korean.text(), "가나");
    EXPECT_FALSE(korean.type("ㅗ"));  // would begin a third syllable
    EXPECT_EQ(korean.text(), "가나");
    EXPECT_TRUE(korean.type("ㄴ"));
    EXPECT_EQ(korean.text(), "가난");

    TextEntry short_entry(Composition::None, 3);
    EXPECT_TRUE(short_entry.type("ab"));
    EXPECT_FALSE(short_entry.type("cd"));  // a piece is taken whole or not at all
    EXPECT_TRUE(short_entry.type("c"));
    EXPECT_EQ(short_entry.text(), "abc");
}

TEST(KeyboardTextEntry, TheByteLimitIsEnforcedForLongGraphemes) {
    TextEntry entry;
    const std::string health_worker = "👩\u200d⚕\ufe0f";  // one grapheme, 13 bytes
    ASSERT_EQ(health_worker.size(), 13u);
    const char* data = entry.raw_buffer_for_test().data();
    size_t typed = 0;
    while (entry.type(health_worker)) ++typed;
    EXPECT_EQ(typed, TextEntry::kCapacityBytes / 13);
    EXPECT_EQ(entry.graphemes(), typed);
    EXPECT_LE(entry.text().size(), TextEntry::kCapacityBytes);
    EXPECT_EQ(entry.raw_buffer_for_test().data(), data);
}

TEST(KeyboardTextEntry, RefusesWhatIsNotText) {
    TextEntry entry;
    EXPECT_FALSE(entry.type(""));
    EXPECT_FALSE(entry.type("\xff"));
    EXPECT_FALSE(entry.type("a\nb"));
    EXPECT_FALSE(entry.type(std::string(TextEntry::kMaxPieceBytes + 1, 'a')));
    EXPECT_TRUE(entry.type(std::string(TextEntry::kMaxPieceBytes, 'a')));
    EXPECT_TRUE(entry.backspace());
    EXPECT_EQ(entry.text(), std::string(TextEntry::kMaxPieceBytes - 1, 'a'));
    TextEntry empty;
    EXPECT_FALSE(empty.backspace());
}

TEST(KeyboardTextEntry, TextIsNfcAndBackspaceRemovesOneGrapheme) {
    TextEntry entry;
    EXPECT_TRUE(entry.type("e"));
    EXPECT_TRUE(entry.type("\u0301"));
    EXPECT_EQ(entry.text(), "\u00e9");
    EXPECT_EQ(entry.graphemes(), 1u);
    EXPECT_TRUE(entry.type("a\u0306\u0301"));  // ắ, decomposed
    EXPECT_EQ(entry.text(), "\u00e9\u1eaf");
    EXPECT_TRUE(entry.type("👩\u200d⚕\ufe0f"));
    EXPECT_TRUE(entry.type("ب"));
    EXPECT_EQ(entry.graphemes(), 4u);
    EXPECT_TRUE(entry.backspace());
    EXPECT_EQ(entry.text(), "\u00e9\u1eaf👩\u200d⚕\ufe0f");
    EXPECT_TRUE(entry.backspace());
    EXPECT_EQ(entry.text(), "\u00e9\u1eaf");
    EXPECT_TRUE(entry.backspace());
    EXPECT_TRUE(entry.backspace());
    EXPECT_EQ(entry.text(), "");
    EXPECT_EQ(entry.graphemes(), 0u);
    EXPECT_FALSE(entry.backspace());
}

TEST(KeyboardTextEntry, ClearWipesEveryBufferAndKeepsThem) {
    for (Composition composition : {Composition::None, Composition::Hangul}) {
        TextEntry entry(composition);
        std::vector<const char*> before;
        for (std::string_view b : entry.raw_buffers_for_test()) before.push_back(b.data());
        for (const std::string& piece : code_points("I hope to feel calm ㅂㅣㅁㅣㄹ ắ")) entry.type(piece);
        entry.backspace();
        entry.type("ㄹ");  // composing again, with jamo kept
        const std::string_view raw = entry.raw_buffer_for_test();
        ASSERT_NE(raw.find("feel calm"), std::string_view::npos);
        ASSERT_NE(raw.find(composition == Composition::Hangul ? "비밀" : "ㅂㅣㅁㅣㄹ"), std::string_view::npos) << entry.text();
        entry.clear();
        EXPECT_EQ(entry.text(), "");
        EXPECT_EQ(entry.graphemes(), 0u);
        EXPECT_EQ(entry.composing_bytes(), 0u);
        size_t i = 0;
        for (std::string_view b : entry.raw_buffers_for_test()) {
            EXPECT_TRUE(all_zero(b)) << "buffer " << i << " still holds something";
            EXPECT_EQ(b.data(), before[i]) << "buffer " << i << " moved";
            ++i;
        }
        // Still usable, in the same buffers.
        EXPECT_TRUE(entry.type("ok"));
        EXPECT_EQ(entry.text(), "ok");
    }
}

// ---- Korean composed from jamo ----------------------------------------------------------------

std::string compose(const std::string& jamo) {
    TextEntry entry(Composition::Hangul);
    for (const std::string& piece : code_points(jamo)) EXPECT_TRUE(entry.type(piece)) << piece;
    return std::string(entry.text());
}

TEST(HangulComposition, JamoSequencesMakeSyllables) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        // Syllables, and finals that move to the next syllable when a vowel follows.
        {"ㄱ", "ㄱ"}, {"ㄱㅏ", "가"}, {"ㄱㅏㄴ", "간"}, {"ㄱㅏㄴㅏ", "가나"}, {"ㄱㅏㄴㅏㄷㅏ", "가나다"},
        {"ㅎㅏㄴㄱㅡㄹ", "한글"}, {"ㅅㅓㅇㅜㄹ", "서울"}, {"ㅇㅏㄴㄴㅕㅇ", "안녕"}, {"ㅅㅏㄹㅏㅇㅎㅐㅇㅛ", "사랑해요"},
        {"ㄷㅐㅎㅏㄴㅁㅣㄴㄱㅜㄱ", "대한민국"},
        // Compound vowels.
        {"ㄱㅗㅏ", "과"}, {"ㄱㅗㅐ", "괘"}, {"ㅎㅗㅣ", "회"}, {"ㅁㅜㅓ", "뭐"}, {"ㄱㅜㅔ", "궤"}, {"ㅇㅜㅣ", "위"},
        {"ㅇㅡㅣ", "의"}, {"ㄱㅗㅏㄴ", "관"}, {"ㄱㅗㅏㄴㅣ", "과니"}, {"ㄱㅏㅣ", "가ㅣ"},
        // Compound finals, and how they split before a vowel.
        {"ㄷㅏㄹㄱ", "닭"}, {"ㄷㅏㄹㄱㅇㅡㄴ", "닭은"}, {"ㄷㅏㄹㄱㅏ", "달가"}, {"ㄴㅓㄱㅅ", "넋"}, {"ㅇㅏㄴㅈ", "앉"},
        {"ㅇㅏㄴㅈㅏ", "안자"}, {"ㅁㅏㄴㅎㅇㅣ", "많이"}, {"ㅅㅏㄹㅁ", "삶"}, {"ㅇㅕㄷㅓㄹㅂ", "여덟"}, {"ㄱㅗㄹㅅ", "곬"},
        {"ㅎㅏㄹㅌ", "핥"}, {"ㅇㅡㄹㅍ", "읊"}, {"ㅇㅏㄹㅎ", "앓"}, {"ㅇㅏㄹㅎㅏ", "알하"}, {"ㄱㅏㅂㅅ", "값"},
        {"ㄱㅏㅂㅅㅇㅣ", "값이"}, {"ㅂㅜㅔㄹㄱ", "뷁"}, {"ㅂㅜㅔㄹㄱㅏ", "뷀가"}, {"ㄱㅏㄱㅅㅅ", "갃ㅅ"},
        // Double consonants (shift): initial and final where Korean allows them.
        {"ㄲㅏㄲ", "깎"}, {"ㅆㅏㅇ", "쌍"}, {"ㅇㅣㅆㅇㅓ", "있어"}, {"ㄸㅏㄸ", "따ㄸ"}, {"ㅇㅏㅉ", "아ㅉ"}, {"ㅃㅏㅃㅏ", "빠빠"},
        // Jamo that make no syllable stay as they are.
        {"ㄱㄴ", "ㄱㄴ"}, {"ㅏ", "ㅏ"}, {"ㅏㅏ", "ㅏㅏ"}, {"ㅗㅏ", "ㅘ"}, {"ㅡㅣ", "ㅢ"}, {"ㅜㅜ", "ㅜㅜ"}, {"ㅏㄱ", "ㅏㄱ"},
        {"ㅏㄱㅏ", "ㅏ가"},
        // Anything else ends the syllable.
        {"ㄱㅏ ㄴㅏ", "가 나"}, {"ㅎㅏㄴ.", "한."}, {"ㄱㅏㄴ ㅏ", "간 ㅏ"}, {"ok ㄱㅏ", "ok 가"},
    };
    ASSERT_GE(cases.size(), 30u);
    for (const auto& [jamo, text] : cases) EXPECT_EQ(compose(jamo), text) << jamo;
}

// Types jamo, then backspace until empty: the text after each.
std::vector<std::string> backspaces(const std::string& jamo) {
    TextEntry entry(Composition::Hangul);
    for (const std::string& piece : code_points(jamo)) entry.type(piece);
    std::vector<std::string> seen = {std::string(entry.text())};
    while (entry.backspace()) seen.push_back(std::string(entry.text()));
    return seen;
}

TEST(HangulBackspace, UndoesTheLastJamo) {
    EXPECT_EQ(backspaces("ㄷㅏㄹㄱ"), (std::vector<std::string>{"닭", "달", "다", "ㄷ", ""}));
    EXPECT_EQ(backspaces("ㄷㅏㄹㄱㅇㅡㄴ"), (std::vector<std::string>{"닭은", "닭으", "닭ㅇ", "닭", "달", "다", "ㄷ", ""}));
    EXPECT_EQ(backspaces("ㄱㅏㄴㅏ"), (std::vector<std::string>{"가나", "가ㄴ", "가", "ㄱ", ""}));
    EXPECT_EQ(backspaces("ㄱㅗㅏㄴ"), (std::vector<std::string>{"관", "과", "고", "ㄱ", ""}));
    EXPECT_EQ(backspaces("ㅂㅜㅔㄹㄱ"), (std::vector<std::string>{"뷁", "뷀", "붸", "부", "ㅂ", ""}));
    EXPECT_EQ(backspaces("ㅗㅏ"), (std::vector<std::string>{"ㅘ", "ㅗ", ""}));
    EXPECT_EQ(backspaces("ㄱㅏ ㄴㅏ."), (std::vector<std::string>{"가 나.", "가 나", "가 ㄴ", "가 ", "가", "ㄱ", ""}));
    EXPECT_EQ(backspaces("hi ㄲㅏㄲ"), (std::vector<std::string>{"hi 깎", "hi 까", "hi ㄲ", "hi ", "hi", "h", ""}));
}

TEST(HangulBackspace, TypingAfterABackspaceJoinsTheSyllableLeft) {
    TextEntry entry(Composition::Hangul);
    for (const std::string& piece : code_points("ㄷㅏㄹㄱ")) entry.type(piece);
    entry.backspace();
    EXPECT_TRUE(entry.type("ㅁ"));
    EXPECT_EQ(entry.text(), "닮");
    entry.clear();
    for (const std::string& piece : code_points("ㄱㅏㄴㅏ ")) entry.type(piece);
    entry.backspace();  // the space
    entry.backspace();
    entry.backspace();
    EXPECT_EQ(entry.text(), "가");
    EXPECT_EQ(entry.composing_bytes(), 3u);
    EXPECT_TRUE(entry.type("ㄱ"));
    EXPECT_EQ(entry.text(), "각");
}

TEST(HangulComposer, FeedsJamoAndWipesWhatItKept) {
    HangulComposer c;
    char32_t finished = 0;
    EXPECT_FALSE(c.feed(U'a', &finished));
    EXPECT_FALSE(c.feed(U'ㄳ', &finished));  // a compound final is not typed as one key
    EXPECT_TRUE(c.feed(U'ㄷ', &finished));
    EXPECT_TRUE(c.feed(U'ㅏ', &finished));
    EXPECT_TRUE(c.feed(U'ㄹ', &finished));
    EXPECT_TRUE(c.feed(U'ㄱ', &finished));
    EXPECT_EQ(finished, 0u);
    EXPECT_EQ(c.composing(), U'닭');
    EXPECT_TRUE(c.feed(U'ㅏ', &finished));
    EXPECT_EQ(finished, U'달');
    EXPECT_EQ(c.composing(), U'가');
    EXPECT_FALSE(c.resume(U'각'));  // while composing
    c.reset();
    EXPECT_EQ(c.composing(), 0u);
    EXPECT_TRUE(all_zero(c.raw_for_test()));
    EXPECT_TRUE(c.resume(U'뷁'));
    EXPECT_EQ(c.composing(), U'뷁');
    EXPECT_FALSE(HangulComposer().resume(U'ㄳ'));
    EXPECT_FALSE(HangulComposer().resume(U'a'));
}

}  // namespace
}  // namespace anteroom
