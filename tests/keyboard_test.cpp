// The on-screen keyboard's core: layouts read from content/keyboards (every letter of each
// language within reach, every mistake in a file found with its line).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "core/hangul.hpp"
#include "core/keyboard.hpp"

namespace anteroom {
namespace {

const std::string kKeyboards = std::string(ANTEROOM_SOURCE_DIR) + "/content/keyboards";

std::vector<std::string> words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
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

// Every letter is offered by the layout.
void expect_reachable(const std::string& locale, const std::vector<std::string>& letters) {
    const KeyboardLayout& layout = bundled(locale);
    for (const std::string& letter : letters) {
        const std::string piece = offered(layout, letter);
        EXPECT_EQ(piece, letter) << locale << ": nothing on the keyboard types " << letter;
        if (piece.empty()) continue;
        EXPECT_NE(layout.key_for(letter), nullptr) << letter;
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

TEST(KeyboardLayouts, KoreanEveryInitialAndSimpleVowelByKeyOrShift) {
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
    for (const char* vowel : {"ㅏ", "ㅐ", "ㅑ", "ㅒ", "ㅓ", "ㅔ", "ㅕ", "ㅖ", "ㅗ", "ㅛ", "ㅜ", "ㅠ", "ㅡ", "ㅣ"})
        EXPECT_EQ(offered(bundled("ko"), vowel), vowel);
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

// ---- Korean composed from jamo ----------------------------------------------------------------

bool all_zero(std::string_view bytes) {
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == 0; });
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
