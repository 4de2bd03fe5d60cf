// Six languages (en, es, zh-Hans, vi, ko, ar): plurals and numbers with the real
// translations in locales/, line breaking per locale, Arabic shaping and bidi, the
// pseudo-locales, `anteroom check` on translations with one mistake each
// (tests/fixtures/locales/<case>/es.po), and the per-module fallback to English.
#include <gtest/gtest.h>


#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/bidi.hpp"
#include "core/linebreak.hpp"
#include "core/message.hpp"
#include "core/presentation.hpp"
#include "core/translations.hpp"
#include "support/headless.hpp"
#include "support/run.hpp"

namespace {

using namespace anteroom;
using anteroom::testing::source_path;
namespace fs = std::filesystem;

// ---- Helpers ------------------------------------------------------------------------------

std::string fixture(const std::string& relative) { return std::string(ANTEROOM_FIXTURES) + "/" + relative; }

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// Code points of UTF-8 text (the tests' inputs are valid UTF-8).
std::u32string code_points(std::string_view utf8) {
    std::u32string out;
    for (size_t i = 0; i < utf8.size();) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        const int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t c = n == 1 ? b : b & (0xFF >> (n + 1));
        for (int k = 1; k < n && i + k < utf8.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        out += c;
        i += n;
    }
    return out;
}

std::string hex(std::string_view utf8) {
    std::string out;
    char buffer[16];
    for (char32_t c : code_points(utf8)) {
        std::snprintf(buffer, sizeof buffer, "%sU+%04X", out.empty() ? "" : " ", static_cast<unsigned>(c));
        out += buffer;
    }
    return out;
}

// The pieces a line may be cut into, in order.
std::vector<std::string> pieces(const std::string& text, const std::string& locale) {
    LineBreaker breaker(locale);
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t end : breaker.opportunities(text)) {
        out.push_back(text.substr(start, end - start));
        start = end;
    }
    return out;
}

// The same, readable in a failure message: "[word ][word ][word]".
std::string segments(const std::string& text, const std::string& locale) {
    std::string out;
    for (const std::string& piece : pieces(text, locale)) out += "[" + piece + "]";
    return out;
}

std::string joined(const std::vector<VisualRun>& runs) {
    std::string out;
    for (const VisualRun& r : runs) out += r.text;
    return out;
}

bool is_arabic_letter(char32_t c) { return (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A); }
bool is_presentation_form(char32_t c) { return (c >= 0xFE70 && c <= 0xFEFF) || (c >= 0xFB50 && c <= 0xFDFF); }
bool is_bidi_control(char32_t c) {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// The bundled content, configuration and translations, loaded once.
struct Bundled {
    ContentSource content;
    ClinicConfig config;
    Translations translations;
};

const Bundled& bundled() {
    static const Bundled b = [] {
        Loaded l = anteroom::testing::load_bundled();
        return Bundled{std::move(l.content.content), l.config.config, std::move(l.translations.translations)};
    }();
    return b;
}

// The small test clinic (tests/fixtures/content/good, config/clinic.toml), and its complete
// Spanish translation (tests/fixtures/locales/complete/es.po).
struct Clinic {
    ContentSource content;
    ClinicConfig config;
    Translations spanish;
};

const Clinic& clinic() {
    static const Clinic c = [] {
        Loaded l = anteroom::testing::require_clean(load_all(fixture("config/clinic.toml"), fixture("content/good"), fixture("locales/complete")));
        return Clinic{std::move(l.content.content), l.config.config, std::move(l.translations.translations)};
    }();
    return c;
}

// ---- 1. MessageFormat: parameters, plurals and numbers with the real translations ---------

TEST(I18nMessage, BundledTranslationsLoadAndAllSixLanguagesAreOffered) {
    const Bundled& b = bundled();
    EXPECT_EQ(available_locales(b.content, b.translations),
              (std::vector<std::string>{"en", "ar", "es", "ko", "vi", "zh-Hans"}));
    for (const Diagnostic& d : validate(b.content, b.config, "anteroom.toml", b.translations)) ADD_FAILURE() << d.str();
}

// The idle countdown, "interface:idle.body", with the count each plural form is for.
struct Countdown {
    const char* locale;
    std::array<const char*, 6> expected;  // a phrase of the text for 0, 1, 2, 3, 11, 100 seconds
};

TEST(I18nMessage, IdleCountdownPicksEachLocalesPluralForm) {
    const double seconds[] = {0, 1, 2, 3, 11, 100};
    const Countdown cases[] = {
        {"en", {"in 0 seconds.", "in 1 second.", "in 2 seconds.", "in 3 seconds.", "in 11 seconds.", "in 100 seconds."}},
        {"es", {"en 0 segundos.", "en 1 segundo.", "en 2 segundos.", "en 3 segundos.", "en 11 segundos.", "en 100 segundos."}},
        // One form only in Chinese, Vietnamese and Korean: 1 is "other" too.
        {"zh-Hans", {"在 0 秒后", "在 1 秒后", "在 2 秒后", "在 3 秒后", "在 11 秒后", "在 100 秒后"}},
        {"vi", {"sau 0 giây.", "sau 1 giây.", "sau 2 giây.", "sau 3 giây.", "sau 11 giây.", "sau 100 giây."}},
        {"ko", {" 0초 후에", " 1초 후에", " 2초 후에", " 3초 후에", " 11초 후에", " 100초 후에"}},
        // Arabic: zero; one and two say the number in words ("one second", the dual "two
        // seconds"); few (3-10) takes the plural ثوان (written without vowel marks, which the
        // kiosk cannot place yet); many (11-99) and other take ثانية.
        {"ar", {"بعد 0 ثانية.", "بعد ثانية واحدة.", "بعد ثانيتين.", "بعد 3 ثوان.", "بعد 11 ثانية.", "بعد 100 ثانية."}},
    };
    const Bundled& b = bundled();
    for (const Countdown& c : cases) {
        const Presentation p = present(b.content, b.config, c.locale, b.translations);
        for (size_t i = 0; i < std::size(seconds); ++i) {
            const std::string shown = p.text("idle.body", {{"seconds", seconds[i]}});
            EXPECT_TRUE(contains(shown, c.expected[i]))
                << c.locale << ", " << seconds[i] << " s: expected \"" << c.expected[i] << "\" in \"" << shown << "\"";
        }
    }
}

TEST(I18nMessage, ArabicHasSixPluralCategories) {
    const std::string pattern = "{n, plural, zero {zero} one {one} two {two} few {few} many {many} other {other}}";
    const std::pair<double, const char*> cases[] = {{0, "zero"},   {1, "one"},    {2, "two"},    {3, "few"},
                                                    {10, "few"},   {11, "many"},  {99, "many"},  {100, "other"},
                                                    {102, "other"}, {103, "few"}, {111, "many"}, {1.5, "other"}};
    for (const auto& [n, category] : cases) {
        std::string error;
        EXPECT_EQ(format_message(pattern, {{"n", n}}, "ar-u-nu-latn", &error), category) << n;
        EXPECT_EQ(error, "");
    }
    // The same message in English knows only one and other.
    EXPECT_EQ(format_message(pattern, {{"n", 2.0}}, "en"), "other");
    EXPECT_EQ(format_message(pattern, {{"n", 1.0}}, "en"), "one");
    // Spanish: 1 is one; 0 and 1.5 are other.
    const std::string es = "{n, plural, one {one} other {other}}";
    EXPECT_EQ(format_message(es, {{"n", 1.0}}, "es"), "one");
    EXPECT_EQ(format_message(es, {{"n", 0.0}}, "es"), "other");
    EXPECT_EQ(format_message(es, {{"n", 1.5}}, "es"), "other");
}

TEST(I18nMessage, ArabicShowsLatinDigitsUnlessTheClinicAsksForArabicIndic) {
    EXPECT_EQ(format_message("{n, number} {n, plural, other {# min}}", {{"n", 40.0}}, "ar-u-nu-latn"), "40 40 min");
    EXPECT_EQ(format_message("{n, number} {n, plural, other {# min}}", {{"n", 40.0}}, "ar"), "٤٠ ٤٠ min");

    const Bundled& b = bundled();
    const Presentation latin = present(b.content, b.config, "ar", b.translations);
    EXPECT_EQ(latin.icu_locale, "ar-u-nu-latn");
    EXPECT_TRUE(latin.rtl);
    EXPECT_TRUE(contains(latin.text("idle.body", {{"seconds", 11.0}}), "11 ثانية"));

    ClinicConfig config = b.config;
    config.arabic_digits = true;
    const Presentation indic = present(b.content, config, "ar", b.translations);
    EXPECT_EQ(indic.icu_locale, "ar");
    const std::string shown = indic.text("idle.body", {{"seconds", 11.0}});
    EXPECT_TRUE(contains(shown, "١١ ثانية")) << shown;
    EXPECT_FALSE(contains(shown, "11")) << shown;
}

TEST(I18nMessage, DecimalsFollowTheLocale) {
    // 1.5 hours of clear drinks: the decimal separator is the locale's, and 1.5 is plural.
    ClinicConfig config = bundled().config;
    config.clear_fluids_hours = 1.5;
    const std::pair<const char*, const char*> cases[] = {
        {"en", "until 1.5 hours before"}, {"es", "hasta 1,5 horas antes"}, {"zh-Hans", "1.5 小时"},
        {"vi", "1,5 giờ"},                {"ko", "1.5시간"},               {"ar", "1.5 ساعة"},
    };
    for (const auto& [locale, expected] : cases) {
        const Presentation p = present(bundled().content, config, locale, bundled().translations);
        std::string all;
        for (const ShownModule& m : p.modules) {
            EXPECT_EQ(m.locale, locale) << "the bundled translation is complete";
            for (const ShownScreen& s : m.screens) all += s.plain() + "\n";
        }
        EXPECT_TRUE(contains(all, expected)) << locale << ": no \"" << expected << "\"";
    }
}

TEST(I18nMessage, ClinicParametersFillTranslatedText) {
    const Bundled& b = bundled();
    for (const char* locale : {"en", "es", "zh-Hans", "vi", "ko", "ar"}) {
        const Presentation p = present(b.content, b.config, locale, b.translations);
        EXPECT_TRUE(contains(p.text("ask.body"), b.config.clinic_phone)) << locale << ": " << p.text("ask.body");
        EXPECT_FALSE(contains(p.text("ask.body"), "{")) << locale;
        EXPECT_TRUE(contains(p.text("attract.welcome"), b.config.clinic_name)) << locale;
    }
}

// ---- 2. Line breaking per locale ----------------------------------------------------------

TEST(I18nLineBreak, ChineseBreaksBetweenHanButNotBeforeClosingPunctuation) {
    EXPECT_EQ(segments("为保护您的隐私，屏幕将在 10 秒后重新开始。", "zh-Hans"),
              "[为][保][护][您][的][隐][私，][屏][幕][将][在 ][10 ][秒][后][重][新][开][始。]");

    const std::string text = "如有疑问（任何时候），请拨打 555-0100、988 或问“护士”。";
    const std::vector<std::string> parts = pieces(text, "zh-Hans");
    EXPECT_GT(parts.size(), 12u);
    for (const std::string& piece : parts) {
        for (const char* closing : {"，", "。", "、", "）", "”"})
            EXPECT_FALSE(piece.starts_with(closing)) << "a line would start with " << closing;
        for (const char* opening : {"（", "“"}) EXPECT_FALSE(piece.ends_with(opening)) << "a line would end with " << opening;
    }
    EXPECT_NE(std::find(parts.begin(), parts.end(), "555-0100、"), parts.end()) << "the phone number stays whole";
}

TEST(I18nLineBreak, KoreanBreaksOnlyBetweenWords) {
    // Korean is written with spaces between words (eojeol); a line breaks at them, so a word
    // like 화면이 or a count like 10초 never splits.
    EXPECT_EQ(segments("개인 정보 보호를 위해 10초 후에 이 화면이 처음부터 다시 시작돼요.", "ko"),
              "[개인 ][정보 ][보호를 ][위해 ][10초 ][후에 ][이 ][화면이 ][처음부터 ][다시 ][시작돼요.]");
}

TEST(I18nLineBreak, VietnameseBreaksAtSpacesAndKeepsLettersWhole) {
    // Each syllable is a space-separated word; its diacritics are part of the letter.
    EXPECT_EQ(segments("Để giữ riêng tư cho bạn, màn hình này sẽ bắt đầu lại sau 10 giây.", "vi"),
              "[Để ][giữ ][riêng ][tư ][cho ][bạn, ][màn ][hình ][này ][sẽ ][bắt ][đầu ][lại ][sau ][10 ][giây.]");
    // The fallback for a word wider than a line cuts between letters, never inside one:
    // Đ (2 bytes), ể (3 bytes, precomposed), ư (2), ờ (3).
    EXPECT_EQ(LineBreaker::characters("Để"), (std::vector<size_t>{2, 5}));
    EXPECT_EQ(LineBreaker::characters("ườ"), (std::vector<size_t>{2, 5}));
    // Written with combining marks (e + U+0302 + U+0309), the marks stay with their letter.
    const std::string decomposed = "Đe\u0302\u0309 giu\u031B\u0303";
    EXPECT_EQ(LineBreaker("vi").opportunities(decomposed), (std::vector<size_t>{std::string("Đe\u0302\u0309 ").size(),
                                                                               decomposed.size()}));
}

// ---- 3. Arabic shaping and bidi -----------------------------------------------------------

TEST(I18nBidi, ArabicLettersBecomePresentationForms) {
    // سلام: seen initial, lam-alef (one glyph, final form), meem isolated.
    EXPECT_EQ(hex(shape_arabic("سلام")), hex("\uFEB3\uFEFC\uFEE1"));
    EXPECT_EQ(hex(shape_arabic("لا")), hex("\uFEFB"));  // lam-alef alone: the isolated ligature
    EXPECT_EQ(shape_arabic("KAP 40 min"), "KAP 40 min");  // other text unchanged

    // Every letter of real translated text is shaped.
    const Bundled& b = bundled();
    const Presentation p = present(b.content, b.config, "ar", b.translations);
    for (const std::string& text : {p.modules[0].title, p.text("idle.body", {{"seconds", 30.0}}), p.text("ask.body")}) {
        const std::u32string shaped = code_points(shape_arabic(text));
        EXPECT_TRUE(std::none_of(shaped.begin(), shaped.end(), is_arabic_letter)) << text << "\n" << hex(shape_arabic(text));
        EXPECT_TRUE(std::any_of(shaped.begin(), shaped.end(), is_presentation_form)) << text;
    }
}

TEST(I18nBidi, LatinWordsAndNumbersStayLeftToRightInsideArabic) {
    // "The treatment KAP takes 40 minutes": logically العلاج first, so it is rightmost.
    const std::string line = "العلاج KAP يستغرق 40 دقيقة";
    const std::vector<VisualRun> runs = visual_runs(line, true);
    ASSERT_EQ(runs.size(), 5u) << joined(runs);
    // Visual order: the first run is the leftmost on screen, the end of the sentence.
    EXPECT_EQ(runs.front().logical_end, line.size());
    EXPECT_EQ(runs.back().logical_begin, 0u);
    for (size_t i = 1; i < runs.size(); ++i) EXPECT_LT(runs[i].logical_begin, runs[i - 1].logical_begin) << i;
    EXPECT_EQ(runs[1].text, "40");
    EXPECT_FALSE(runs[1].rtl);
    EXPECT_EQ(runs[3].text, "KAP");
    EXPECT_FALSE(runs[3].rtl);
    for (size_t i : {0u, 2u, 4u}) EXPECT_TRUE(runs[i].rtl) << i;
    // The Arabic words are shaped and reversed: العلاج drawn left to right is
    // jeem, lam-alef (final), ain (medial), lam (initial), alef.
    EXPECT_EQ(hex(runs[4].text), hex(" \uFE9D\uFEFC\uFECC\uFEDF\uFE8D"));
    const std::u32string all = code_points(joined(runs));
    EXPECT_TRUE(std::none_of(all.begin(), all.end(), is_arabic_letter)) << hex(joined(runs));
}

TEST(I18nBidi, BracketsAroundANumberAreMirroredInArabic) {
    // "Call the number (988) now": on screen the brackets still enclose the number.
    const std::vector<VisualRun> runs = visual_runs("اتصل بالرقم (988) الآن", true);
    EXPECT_TRUE(contains(joined(runs), "(988)")) << joined(runs);
}

TEST(I18nBidi, DirectionControlsAreRemoved) {
    EXPECT_TRUE(needs_bidi("\u202Eabc\u202C"));
    EXPECT_TRUE(needs_bidi("مرحبا"));
    EXPECT_FALSE(needs_bidi("Để giữ riêng tư"));
    EXPECT_FALSE(needs_bidi("为保护您的隐私"));

    for (bool base_rtl : {false, true}) {
        const std::vector<VisualRun> runs = visual_runs("\u202EHello world\u202C", base_rtl);
        EXPECT_EQ(joined(runs), "dlrow olleH") << hex(joined(runs));
        for (const VisualRun& r : runs) EXPECT_TRUE(r.rtl);
    }
    // Marks and isolates too: RLM, RLI ... PDI, ALM.
    const std::string marked = joined(visual_runs("\u200Fمرحبا\u2067 KAP\u2069\u061C", true));
    const std::u32string shown = code_points(marked);
    EXPECT_TRUE(std::none_of(shown.begin(), shown.end(), is_bidi_control)) << hex(marked);
    EXPECT_TRUE(contains(marked, "KAP")) << hex(marked);
}

TEST(I18nBidi, StyleCutsSplitRuns) {
    // Left to right: pieces in logical order.
    const std::vector<VisualRun> ltr = visual_runs("Hello world", false, {6});
    ASSERT_EQ(ltr.size(), 2u);
    EXPECT_EQ(ltr[0].text, "Hello ");
    EXPECT_EQ(ltr[1].text, "world");
    EXPECT_EQ(ltr[1].logical_begin, 6u);

    // Right to left: the logically later piece is drawn first (leftmost).
    const std::string welcome = "مرحبا بكم";
    const size_t cut = welcome.find("بكم");
    ASSERT_EQ(visual_runs(welcome, true).size(), 1u);
    const std::vector<VisualRun> rtl = visual_runs(welcome, true, {cut});
    ASSERT_EQ(rtl.size(), 2u);
    EXPECT_EQ(rtl[0].logical_begin, cut);
    EXPECT_EQ(rtl[0].logical_end, welcome.size());
    EXPECT_EQ(rtl[1].logical_begin, 0u);
    EXPECT_EQ(rtl[1].logical_end, cut);
    EXPECT_EQ(joined(rtl), joined(visual_runs(welcome, true)));  // the same glyphs, only split

    // A cut inside a Latin word in an Arabic line: the pieces stay left to right.
    const std::string line = "العلاج KAP يستغرق 40 دقيقة";
    const size_t k = line.find("KAP");
    const std::vector<VisualRun> kap = visual_runs(line, true, {k + 1});
    ASSERT_EQ(kap.size(), 6u) << joined(kap);
    EXPECT_EQ(kap[3].text, "K");
    EXPECT_EQ(kap[4].text, "AP");
}

TEST(I18nBidi, StyleCutInsideAnArabicWordKeepsItsLettersJoined) {
    // بالكيتامين ("with ketamine") with, say, the second half in bold: the letters on either
    // side of the style change still join, as they do without it.
    const std::string word = "بالكيتامين";
    const size_t cut = word.find("كيتامين");
    const std::string whole = joined(visual_runs(word, true));
    const std::vector<VisualRun> split = visual_runs(word, true, {cut});
    EXPECT_EQ(split.size(), 2u);
    EXPECT_EQ(hex(joined(split)), hex(whole));
}

TEST(I18nPseudo, AccentedEnglishIsAtLeastAThirdLonger) {
    const Bundled& b = bundled();
    const Presentation en = present(b.content, b.config, "en");
    const Presentation xa = present(b.content, b.config, "en-XA");
    EXPECT_FALSE(xa.rtl);
    ASSERT_EQ(xa.modules.size(), en.modules.size());
    const double ratio = double(code_points(xa.all_text()).size()) / double(code_points(en.all_text()).size());
    EXPECT_GE(ratio, 1.35);
    for (size_t s = 0; s < en.modules[0].screens.size(); ++s) {
        const double screen = double(code_points(xa.modules[0].screens[s].plain()).size()) /
                              double(code_points(en.modules[0].screens[s].plain()).size());
        EXPECT_GE(screen, 1.3) << en.modules[0].screens[s].id;
    }
    // Accented: no plain vowel left, in content or interface text.
    const std::string all = xa.all_text();
    EXPECT_EQ(all.find_first_of("aeiouAEIOU"), std::string::npos) << all.substr(0, 200);
    EXPECT_TRUE(contains(xa.text("nav.back"), "á")) << xa.text("nav.back");
    EXPECT_TRUE(contains(xa.text("attract.welcome"), "Ríívéérrssíídéé")) << xa.text("attract.welcome");  // Riverside
}

TEST(I18nPseudo, MirroredEnglishIsRightToLeft) {
    const Bundled& b = bundled();
    const Presentation xb = present(b.content, b.config, "ar-XB");
    EXPECT_TRUE(xb.rtl);
    EXPECT_EQ(xb.icu_locale, "en");
    const std::string back = xb.text("nav.back");
    EXPECT_EQ(back, "\u202E" "Back" "\u202C");
    EXPECT_TRUE(needs_bidi(back));
    EXPECT_EQ(joined(visual_runs(back, xb.rtl)), "kcaB");
    EXPECT_TRUE(xb.modules[0].title.starts_with("\u202E")) << xb.modules[0].title;

    EXPECT_EQ(available_locales(b.content, b.translations, true).back(), "ar-XB");
    const auto offered = available_locales(b.content, b.translations, false);
    EXPECT_EQ(std::count(offered.begin(), offered.end(), "ar-XB"), 0);
    EXPECT_EQ(std::count(offered.begin(), offered.end(), "en-XA"), 0);
}

// ---- 4. `anteroom check` on translations --------------------------------------------------

using CheckRun = anteroom::testing::ProgramRun;

// `anteroom check` on the test clinic with the translations in tests/fixtures/locales/<folder>.
CheckRun check_locales(const std::string& folder) {
    return anteroom::testing::run_program({ANTEROOM_BINARY, "check", "--content", fixture("content/good"), "--config",
                                 fixture("config/clinic.toml"), "--locales", fixture("locales/" + folder)});
}

TEST(I18nCheck, CompleteTranslationIsClean) {
    const CheckRun run = check_locales("complete");
    EXPECT_EQ(run.exit_code, 0) << run.both();
    const std::string n = std::to_string(interface_texts(clinic().content).size());
    EXPECT_TRUE(contains(run.out, "es (" + fixture("locales/complete/es.po") + ", review: draft): interface " + n + "/" + n +
                                      " current, 0 stale, 0 missing\n"))
        << run.both();
    EXPECT_TRUE(contains(run.out, "  visit: 18/18 current, 0 stale, 0 missing\n")) << run.both();
    EXPECT_TRUE(contains(run.out, "  aftercare: 8/8 current, 0 stale, 0 missing\n")) << run.both();
    EXPECT_FALSE(contains(run.out, "fallback")) << run.both();
    EXPECT_TRUE(contains(run.out, "anteroom check: clean (2 modules, 4 screens, languages: en, es)\n")) << run.both();
    EXPECT_EQ(run.err, "");
}

struct BrokenTranslation {
    const char* folder;    // tests/fixtures/locales/<folder>/es.po: the complete translation with one mistake
    int line;              // where the mistake is; 0 for something missing from the file
    const char* phrase;    // a key phrase of the message
    const char* coverage;  // a line of the coverage report, or nullptr
};

std::ostream& operator<<(std::ostream& os, const BrokenTranslation& c) { return os << c.folder; }

class I18nCheckBroken : public ::testing::TestWithParam<BrokenTranslation> {};

TEST_P(I18nCheckBroken, ReportsOneProblemAtItsLine) {
    const BrokenTranslation& c = GetParam();
    const CheckRun run = check_locales(c.folder);
    EXPECT_EQ(run.exit_code, 1) << run.both();
    const std::string expected = fixture(std::string("locales/") + c.folder + "/es.po") + ":" + std::to_string(c.line) + ": ";
    bool found = false;
    std::istringstream lines(run.out);
    for (std::string line; std::getline(lines, line);)
        if (line.starts_with(expected) && contains(line, c.phrase)) found = true;
    EXPECT_TRUE(found) << "expected a line starting \"" << expected << "\" containing \"" << c.phrase << "\"\n" << run.both();
    EXPECT_EQ(run.err, "anteroom check: 1 problem\n") << run.both();
    if (c.coverage) {
        EXPECT_TRUE(contains(run.out, std::string(c.coverage) + "\n")) << run.both();
    }
}

const BrokenTranslation kBrokenTranslations[] = {
    // A file that is not valid PO offers nothing (no coverage line), and says where.
    {"unterminated-string", 24, "malformed string after msgstr", nullptr},
    {"not-a-po-line", 26, "not a PO line: Nota: revisar", nullptr},
    // A continued line with no closing quote does continue a string: the message should say
    // that string is malformed, not "a string line that continues nothing" (po.cpp parse_po).
    {"unterminated-continued-string", 185, "malformed string", nullptr},
    // Problems inside a msgstr are reported on the msgstr line that has them, as content
    // problems are (t.line + the line inside the message), not on the entry's `#:` line.
    {"message-syntax-error", 84, "\"interface:idle.body\": message syntax error", nullptr},
    {"unknown-parameter", 190, "\"visit/arrival:body\" uses {clinic_phone}, which the English source does not have", nullptr},
    // Whole-entry problems point at the entry; a missing entry at the file.
    {"missing-translation", 0, "missing translation of \"aftercare/home-safely:step.1.body\"",
     "  aftercare: 7/8 current, 0 stale, 1 missing -> shown in the fallback language"},
    {"stale", 41, "stale: the English of \"interface:end.body\" changed", "interface 68/69 current, 1 stale, 0 missing"},
    {"fuzzy", 121, "\"interface:nav.next\" is marked fuzzy", "interface 68/69 current, 1 stale, 0 missing"},
    {"unknown-context", 318, "msgctxt \"visit/parking:title\" matches no text", nullptr},
};

// "unknown-context" -> "UnknownContext"
std::string case_name(const ::testing::TestParamInfo<BrokenTranslation>& info) {
    std::string name;
    bool upper = true;
    for (const char* p = info.param.folder; *p; ++p) {
        if (*p == '-') {
            upper = true;
            continue;
        }
        name += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(*p))) : *p;
        upper = false;
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(I18nLocales, I18nCheckBroken, ::testing::ValuesIn(kBrokenTranslations), case_name);

// ---- 5. Fallback per module ---------------------------------------------------------------

TEST(I18nFallback, IncompleteModuleIsShownWholeInEnglish) {
    const Clinic& c = clinic();
    Translations partial = c.spanish;
    partial.catalogs.at("es").entries.erase("aftercare/home-safely:step.1.body");
    const Presentation p = present(c.content, c.config, "es", partial);
    ASSERT_EQ(p.modules.size(), 2u);
    EXPECT_EQ(p.modules[0].id, "visit");
    EXPECT_EQ(p.modules[0].locale, "es");
    EXPECT_EQ(p.modules[0].title, "Su visita");
    EXPECT_EQ(p.modules[1].id, "aftercare");
    EXPECT_EQ(p.modules[1].locale, "en");
    EXPECT_EQ(p.modules[1].title, "After your session");
    // Whole: the screens' texts that do have a translation are English too.
    EXPECT_EQ(p.modules[1].screens[0].text("title").line, "Getting home");
    EXPECT_EQ(p.modules[1].screens[0].items.at(0).text("title").line, "Rest");
    EXPECT_EQ(p.text("nav.back"), "Atrás");  // the interface stays Spanish

    const auto locales = available_locales(c.content, partial);
    EXPECT_EQ(locales, (std::vector<std::string>{"en", "es"}));  // the interface is complete
}

TEST(I18nFallback, StaleOrFuzzyModuleTextFallsBackToo) {
    const Clinic& c = clinic();
    Translations fuzzy = c.spanish;
    fuzzy.catalogs.at("es").entries.at("visit/routes:route.im.body").fuzzy = true;
    EXPECT_EQ(present(c.content, c.config, "es", fuzzy).modules[0].locale, "en");

    Translations stale = c.spanish;
    stale.catalogs.at("es").entries.at("aftercare:summary").id = "Going home.";
    const Presentation p = present(c.content, c.config, "es", stale);
    EXPECT_EQ(p.modules[0].locale, "es");
    EXPECT_EQ(p.modules[1].locale, "en");
    EXPECT_EQ(p.modules[1].summary, "Going home safely.");
}

TEST(I18nFallback, LocaleWithIncompleteInterfaceIsNotOffered) {
    const Clinic& c = clinic();
    EXPECT_EQ(available_locales(c.content, c.spanish), (std::vector<std::string>{"en", "es"}));

    Translations missing = c.spanish;
    missing.catalogs.at("es").entries.erase("interface:nav.back");
    EXPECT_EQ(available_locales(c.content, missing), (std::vector<std::string>{"en"}));

    Translations stale = c.spanish;
    stale.catalogs.at("es").entries.at("interface:idle.stay").fuzzy = true;
    EXPECT_EQ(available_locales(c.content, stale), (std::vector<std::string>{"en"}));

    // The kiosk offers the same list, and ignores a choice of a language it does not offer.
    Kiosk kiosk(c.content, c.config, true, 1000, missing);
    EXPECT_EQ(kiosk.locales(), (std::vector<std::string>{"en"}));
    kiosk.apply({Intent::Begin}, 1000);
    kiosk.apply({Intent::ChooseLanguage, -1, "es"}, 1000);
    EXPECT_EQ(kiosk.session().locale, "en");
}

TEST(I18nFallback, ClinicsFallbackLanguageIsUsedWhenComplete) {
    // A Vietnamese patient, an aftercare module not yet in Vietnamese, and a clinic whose
    // fallback is Spanish: aftercare is shown in Spanish. (The "Vietnamese" catalog reuses
    // the Spanish words; only which catalog is used matters here.)
    const Clinic& c = clinic();
    Translations t = c.spanish;
    Catalog vi = t.catalogs.at("es");
    vi.locale = "vi";
    vi.entries.erase("aftercare:title");
    vi.entries.at("visit:title").str = "Chuyến thăm của bạn";
    t.catalogs["vi"] = vi;
    ClinicConfig config = c.config;
    config.fallback_locale = "es";

    const Presentation p = present(c.content, config, "vi", t);
    EXPECT_EQ(p.modules[0].locale, "vi");
    EXPECT_EQ(p.modules[0].title, "Chuyến thăm của bạn");
    EXPECT_EQ(p.modules[1].locale, "es");
    EXPECT_EQ(p.modules[1].title, "Después de su sesión");
}

TEST(I18nFallback, KioskShowsAFallbackModuleInItsOwnLanguageAndDirection) {
    // An Arabic patient (the catalog reuses the Spanish words) opens a module that is not
    // translated: its screens come from the English presentation, left to right.
    const Clinic& c = clinic();
    Translations t;
    Catalog ar = c.spanish.catalogs.at("es");
    ar.locale = "ar";
    ar.entries.erase("aftercare/home-safely:intro");
    t.catalogs["ar"] = ar;
    Kiosk kiosk(c.content, c.config, true, 1000, t);
    kiosk.apply({Intent::Begin}, 1000);
    kiosk.apply({Intent::ChooseLanguage, -1, "ar"}, 1000);
    ASSERT_EQ(kiosk.session().locale, "ar");
    EXPECT_TRUE(kiosk.shown().rtl);
    EXPECT_EQ(kiosk.shown().modules[1].locale, "en");

    kiosk.apply({Intent::OpenModule, 0}, 1000);  // translated: Arabic, right to left
    EXPECT_EQ(kiosk.shown().locale, "ar");
    EXPECT_TRUE(kiosk.shown().rtl);
    kiosk.apply({Intent::Home}, 1000);
    kiosk.apply({Intent::OpenModule, 1}, 1000);  // not translated: English, left to right
    EXPECT_EQ(kiosk.shown().locale, "en");
    EXPECT_FALSE(kiosk.shown().rtl);
    ASSERT_NE(kiosk.current_module(), nullptr);
    EXPECT_EQ(kiosk.current_module()->title, "After your session");
}

}  // namespace
