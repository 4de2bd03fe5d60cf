// `anteroom check`, run as the real program: what clinic staff see when they check their
// content and configuration. Broken inputs are fixtures in tests/fixtures/, each holding one
// mistake; each must give exit code 1 and a `file:line: message` naming that mistake.
#include <gtest/gtest.h>


#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include "support/headless.hpp"
#include "support/run.hpp"

namespace {

namespace fs = std::filesystem;

// What `anteroom` printed; out_lines() gives stdout's lines (one per problem).
struct Result : anteroom::testing::ProgramRun {
    std::vector<std::string> out_lines() const {
        std::vector<std::string> lines;
        std::istringstream in(out);
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) lines.push_back(line);
        return lines;
    }
};

// Runs the built program with the arguments given.
Result anteroom(const std::vector<std::string>& args) {
    // Fixture content has no translations: without this, the bundled locales/ would be
    // checked against it (and report every fixture text as untranslated).
    const bool fixture_content = std::find(args.begin(), args.end(), "--content") != args.end() &&
                                 std::none_of(args.begin(), args.end(), [](const std::string& a) {
                                     return a.find("/content") != std::string::npos && a.find("fixtures") == std::string::npos;
                                 });
    std::vector<std::string> argv{ANTEROOM_BINARY};
    for (size_t i = 0; i < args.size(); ++i) {
        argv.push_back(args[i]);
        if (i == 0 && args[0] == "check" && fixture_content && std::find(args.begin(), args.end(), "--locales") == args.end()) {
            argv.push_back("--locales");
            argv.push_back(std::string(ANTEROOM_FIXTURES) + "/locales/none");
        }
    }
    return {anteroom::testing::run_program(argv)};
}

std::string fixture(const std::string& relative) { return std::string(ANTEROOM_FIXTURES) + "/" + relative; }

const std::string kGoodContent = fixture("content/good");
const std::string kClinicConfig = fixture("config/clinic.toml");

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// ---- Clean inputs -------------------------------------------------------------------------

TEST(CheckClean, BundledContentAndConfigByDefault) {
    Result run = anteroom({"check"});
    EXPECT_EQ(run.exit_code, 0) << run.both();
    EXPECT_TRUE(contains(run.out, "anteroom check: clean (2 modules, 33 screens, languages: en, ar, es, ko, vi, zh-Hans)\n"))
        << run.both();
    for (const char* locale : {"ar", "es", "ko", "vi", "zh-Hans"})  // every language complete, and a draft until reviewed
        EXPECT_TRUE(contains(run.out, std::string(locale) + " (")) << run.both();
    EXPECT_TRUE(contains(run.out, "review: draft")) << run.both();
    EXPECT_FALSE(contains(run.out, "fallback")) << run.both();
    EXPECT_EQ(run.err, "");
}

TEST(CheckClean, BundledContentAndConfigNamedExplicitly) {
    Result run = anteroom({"check", "--content", anteroom::testing::source_path("content"), "--config",
                        anteroom::testing::source_path("content/anteroom.toml")});
    EXPECT_EQ(run.exit_code, 0) << run.both();
    EXPECT_TRUE(contains(run.out, "anteroom check: clean")) << run.both();
}

TEST(CheckClean, GoodFixture) {
    Result run = anteroom({"check", "--content", kGoodContent, "--config", kClinicConfig});
    EXPECT_EQ(run.exit_code, 0) << run.both();
    // The screen, then each module's version and the SHA-256 of its text in each language.
    const std::regex expected(std::regex_replace(kClinicConfig, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                              R"(: on a 24-inch screen of 1920x1080 pixels \(screen_diagonal_in and screen_pixels not set: 24 inches )"
                              R"(and 1920x1080 assumed\), the smallest text's capital letters are 4\.9 mm high \(at least 4\.8 mm, 3/16 inch\)\n)"
                              R"(en: visit version \(none\), text sha256 [0-9a-f]{64}\n)"
                              R"(en: aftercare version \(none\), text sha256 [0-9a-f]{64}\n)"
                              R"(events: [^\n]*/events\.db as "kiosk", kept 365 days; reports show no count under 5; not forwarded\n)"
                              R"(anteroom check: clean \(2 modules, 4 screens, languages: en\)\n)");
    EXPECT_TRUE(std::regex_match(run.out, expected)) << run.both();
}

// The smallest text's capital letters on the clinic's screen, at the standard text size: at
// least 4.8 mm (3/16 inch).
TEST(CheckScreen, ReportsTheSmallestCapitalsOnTheConfiguredScreen) {
    struct Case {
        const char* keys;
        const char* report;
    };
    const Case cases[] = {
        {"screen_diagonal_in = 21.5\nscreen_pixels = \"1920x1080\"\n", "on a 21.5-inch screen of 1920x1080 pixels, the smallest text's capital letters are 4.8 mm high"},
        {"screen_diagonal_in = 24\n", "on a 24-inch screen of 1920x1080 pixels (screen_pixels not set: 1920x1080 assumed), the smallest text's capital letters are 4.9 mm high"},
        {"screen_diagonal_in = 32\nscreen_pixels = \"1920x1080\"\n", "on a 32-inch screen of 1920x1080 pixels, the smallest text's capital letters are 6.2 mm high"},
        {"screen_pixels = \"1080x1920\"\n", "on a 24-inch screen of 1080x1920 pixels (screen_diagonal_in not set: 24 inches assumed), the smallest text's capital letters are 4.9 mm high"},
    };
    std::ifstream in(kClinicConfig);
    const std::string clinic((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const fs::path file = fs::temp_directory_path() / ("anteroom-screen-" + std::to_string(::getpid()) + ".toml");
    for (const Case& c : cases) {
        std::ofstream(file) << clinic << c.keys;
        Result run = anteroom({"check", "--content", kGoodContent, "--config", file.string()});
        EXPECT_EQ(run.exit_code, 0) << run.both();
        EXPECT_TRUE(contains(run.out, file.string() + ": " + c.report + " (at least 4.8 mm, 3/16 inch)\n")) << run.both();
    }
    // A 15.6-inch laptop screen of 1280x800 would need an em the screens are not laid out for.
    std::ofstream(file) << clinic << "screen_diagonal_in = 15.6\nscreen_pixels = \"1280x800\"\n";
    Result run = anteroom({"check", "--content", kGoodContent, "--config", file.string()});
    EXPECT_EQ(run.exit_code, 1) << run.both();
    EXPECT_EQ(run.out, file.string() + ":" + std::to_string(std::count(clinic.begin(), clinic.end(), '\n') + 1) +
                           ": on a 15.6-inch screen of 1280x800 pixels the smallest text's capital letters would be 4.3 mm high, under "
                           "the 4.8 mm (3/16 inch) every patient needs, and the screens cannot be laid out with bigger text at this "
                           "resolution: use a screen of at least 17.6 inches at 1280x800\n")
        << run.both();
    fs::remove(file);
}

// ---- One mistake per fixture --------------------------------------------------------------

struct BrokenCase {
    const char* name;
    const char* content;  // fixture folder; nullptr: the good content
    const char* config;   // fixture file; nullptr: the clinic's good config
    const char* file;     // where the problem is, relative to tests/fixtures
    int line;
    const char* phrase;   // a key phrase of the message
};

std::ostream& operator<<(std::ostream& os, const BrokenCase& c) { return os << c.name; }

class CheckBroken : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(CheckBroken, ReportsOneProblemAtItsLine) {
    const BrokenCase& c = GetParam();
    const std::string content = c.content ? fixture(c.content) : kGoodContent;
    const std::string config = c.config ? fixture(c.config) : kClinicConfig;
    Result run = anteroom({"check", "--content", content, "--config", config});

    EXPECT_EQ(run.exit_code, 1) << run.both();
    const std::string expected = fixture(c.file) + ":" + std::to_string(c.line) + ": ";
    const std::vector<std::string> lines = run.out_lines();
    bool found = false;
    for (const std::string& line : lines)
        if (line.rfind(expected, 0) == 0 && contains(line, c.phrase)) found = true;
    EXPECT_TRUE(found) << "expected a line starting \"" << expected << "\" containing \"" << c.phrase << "\"\n"
                       << run.both();
    // The one mistake gives one problem: no echoes, no follow-on errors.
    EXPECT_EQ(lines.size(), 1u) << run.both();
    EXPECT_EQ(run.err, "anteroom check: 1 problem\n");
    const std::regex diagnostic(R"(^.+:\d+: .+$)");
    for (const std::string& line : lines) EXPECT_TRUE(std::regex_match(line, diagnostic)) << line;
}

const BrokenCase kBroken[] = {
    // Configuration (content/anteroom.toml), checked with the good content.
    // Guards a fixed bug: commands.cpp load_all() validates content against the *default* configuration
    // when the configuration failed to load, adding "the clinic offers route 'lozenge'/'nasal'"
    // problems for a file that could not even be read.
    {"ConfigSyntaxError", nullptr, "config/syntax-error.toml", "config/syntax-error.toml", 4, "not valid TOML"},
    {"ConfigUnknownKey", nullptr, "config/unknown-key.toml", "config/unknown-key.toml", 9,
     "unknown key 'fasting_hour'"},
    {"ConfigWrongType", nullptr, "config/wrong-type.toml", "config/wrong-type.toml", 11,
     "'monitoring_minutes' must be a number, not a string"},
    {"ConfigOutOfRange", nullptr, "config/out-of-range.toml", "config/out-of-range.toml", 9,
     "'fasting_hours' is 30 but must be between 0 and 12"},
    {"ConfigIdleResetTooSoon", nullptr, "config/idle-reset-too-soon.toml", "config/idle-reset-too-soon.toml", 14,
     "idle_reset_s must be at least 20 seconds more than idle_warning_s"},
    {"ConfigUnknownRoute", nullptr, "config/unknown-route.toml", "config/unknown-route.toml", 10,
     "routes_offered has 'oral', which is not one of iv, im, lozenge, nasal"},
    {"ConfigMissingClinicName", nullptr, "config/missing-clinic-name.toml", "config/missing-clinic-name.toml", 1,
     "'clinic_name' is missing"},
    // Guards a fixed bug: presentation.cpp validate() accepted a pseudo-locale as the default although the
    // clinic does not offer them (every patient would start in accented pseudo-English), and put
    // an unknown default_locale or fallback_locale on line 0.
    {"ConfigDefaultLocalePseudo", nullptr, "config/default-locale-pseudo.toml", "config/default-locale-pseudo.toml", 16,
     "default_locale 'en-XA' is a layout-testing pseudo-language; set pseudo_locales = true to offer it"},
    {"ConfigDefaultLocaleUnknown", nullptr, "config/default-locale-unknown.toml", "config/default-locale-unknown.toml", 16,
     "default_locale 'xx' is not an available language (available: en)"},
    {"ConfigFallbackLocalePseudo", nullptr, "config/fallback-locale-pseudo.toml", "config/fallback-locale-pseudo.toml", 17,
     "fallback_locale 'ar-XB' is a layout-testing pseudo-language; name a real one (available: en)"},
    {"ConfigFallbackLocaleUnknown", nullptr, "config/fallback-locale-unknown.toml", "config/fallback-locale-unknown.toml",
     17, "fallback_locale 'fr' is not an available language (available: en)"},
    // No placeholder reaches a patient: outside a sample, a fictional number is an error.
    {"ConfigSamplePlaceholders", nullptr, "config/sample-placeholders.toml", "config/sample-placeholders.toml", 5,
     "clinic_phone '555-0100' is a fictional 555-01xx number"},
    {"ConfigNasalShortStay", nullptr, "config/nasal-short-stay.toml", "config/nasal-short-stay.toml", 9,
     "monitoring_minutes must be at least 120 when routes_offered has \"nasal\""},
    // Letters under 3/16 inch on the clinic's screen, at the biggest text the screens are laid out for.
    {"ConfigScreenTooSmall", nullptr, "config/screen-too-small.toml", "config/screen-too-small.toml", 20,
     "on a 12-inch screen of 1920x1080 pixels the smallest text's capital letters would be 3.1 mm high, under the 4.8 mm (3/16 inch)"},
    {"ConfigOffersRouteWithoutPage", nullptr, "config/route-without-page.toml",
     "content/good/visit/screens/routes.toml", 0, "the clinic offers route 'lozenge'"},

    // Content, checked with the clinic's good config.
    {"ScreenSyntaxError", "content/screen-syntax-error", nullptr,
     "content/screen-syntax-error/visit/screens/arrival.toml", 2, "not valid TOML"},
    {"ScreenUnknownKey", "content/screen-unknown-key", nullptr,
     "content/screen-unknown-key/visit/screens/arrival.toml", 3, "unknown key 'subtitle'"},
    {"ScreenUnknownKind", "content/screen-unknown-kind", nullptr,
     "content/screen-unknown-kind/visit/screens/arrival.toml", 1,
     "kind 'video' is not one of text, faq, timeline, compare, topic, quiz, routes"},
    {"ScreenFileMissing", "content/screen-file-missing", nullptr, "content/screen-file-missing/visit/module.toml", 8,
     "screen 'parking' has no file"},
    {"ScreenNotListed", "content/screen-not-listed", nullptr, "content/screen-not-listed/visit/screens/parking.toml",
     0, "this screen is not listed in"},
    {"MessageSyntaxError", "content/message-syntax-error", nullptr,
     "content/message-syntax-error/visit/screens/arrival.toml", 8, "message syntax error"},
    // Guards a fixed bug: message.cpp check_message() takes the line from UParseError::offset, which ICU
    // leaves at 0 for U_DEFAULT_KEYWORD_MISSING: a plural without `other` is reported on the
    // string's first line (4), not its own (8). The message, "message syntax error
    // (U_DEFAULT_KEYWORD_MISSING)", is ICU's name, not words that tell staff to add `other`.
    {"PluralWithoutOther", "content/plural-without-other", nullptr,
     "content/plural-without-other/visit/screens/arrival.toml", 8, "other"},
    // Guards a fixed bug: presentation.cpp Validator::check reports an unknown parameter on the first line of
    // the string (4), not on the line that uses it (9).
    {"UnknownParameter", "content/unknown-parameter", nullptr, "content/unknown-parameter/visit/screens/arrival.toml",
     9, "unknown parameter {parking_lot}"},
    {"MarkdownLink", "content/markdown-link", nullptr, "content/markdown-link/visit/screens/arrival.toml", 9,
     "A link is not part of the content Markdown subset"},
    // Guards a fixed bug: markdown.cpp places a block problem on the line of the next text md4c reports, so a
    // fenced code block is reported on its first line of code (9), not on its ``` line (8).
    {"MarkdownCodeBlock", "content/markdown-code-block", nullptr,
     "content/markdown-code-block/visit/screens/arrival.toml", 8, "A code block is not part of the content Markdown subset"},
    {"FaqWithoutQuestions", "content/faq-without-questions", nullptr,
     "content/faq-without-questions/visit/screens/questions.toml", 1, "a screen of kind 'faq' needs at least one [[question]]"},
    {"InterfaceMissingKey", "content/interface-missing-key", nullptr, "content/interface-missing-key/interface.toml", 0,
     "'idle.stay' is missing"},
    // Guards a fixed bug: content.cpp reports an unsupported format on the module table's line (always 1),
    // not on the line of `format = 2` (3).
    {"ModuleFormat2", "content/module-format-2", nullptr, "content/module-format-2/visit/module.toml", 3,
     "format 2 is not supported"},
    // Guards a fixed bug: check_message() only parses with icu::MessagePattern, which accepts any argument
    // type; a misspelt "plurl" passes `check` but fails to format, so the kiosk shows the raw
    // pattern "{fasting_hours, plurl, ...}" to patients.
    {"PluralTypeMisspelt", "content/plural-type-typo", nullptr, "content/plural-type-typo/visit/screens/arrival.toml",
     6, "plurl"},
};

INSTANTIATE_TEST_SUITE_P(Check, CheckBroken, ::testing::ValuesIn(kBroken),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(CheckReport, EveryProblemIsReportedConfigurationFirst) {
    Result run = anteroom({"check", "--content", fixture("content/screen-unknown-kind"), "--config",
                        fixture("config/unknown-key.toml")});
    EXPECT_EQ(run.exit_code, 1) << run.both();
    const std::vector<std::string> lines = run.out_lines();
    ASSERT_EQ(lines.size(), 2u) << run.both();
    EXPECT_EQ(lines[0], fixture("config/unknown-key.toml") + ":9: unknown key 'fasting_hour'");
    EXPECT_EQ(lines[1], fixture("content/screen-unknown-kind/visit/screens/arrival.toml") +
                            ":1: kind 'video' is not one of text, faq, timeline, compare, topic, quiz, routes");
    EXPECT_EQ(run.err, "anteroom check: 2 problems\n");
}

// ---- Inputs that are not there ------------------------------------------------------------

TEST(CheckMissing, ContentFolderThatDoesNotExist) {
    const std::string dir = fixture("content/does-not-exist");
    Result run = anteroom({"check", "--content", dir, "--config", kClinicConfig});
    EXPECT_EQ(run.exit_code, 1) << run.both();
    EXPECT_EQ(run.out, dir + ":0: is not a content folder\n") << run.both();
}

TEST(CheckMissing, ContentFolderThatIsAFile) {
    Result run = anteroom({"check", "--content", kClinicConfig, "--config", kClinicConfig});
    EXPECT_EQ(run.exit_code, 1) << run.both();
    EXPECT_EQ(run.out, kClinicConfig + ":0: is not a content folder\n") << run.both();
}

// Guards a fixed bug (as ConfigSyntaxError): the good content is then validated against the default
// configuration, adding two problems about routes the clinic never configured.
TEST(CheckMissing, ConfigFileThatDoesNotExist) {
    const std::string file = fixture("config/does-not-exist.toml");
    Result run = anteroom({"check", "--content", kGoodContent, "--config", file});
    EXPECT_EQ(run.exit_code, 1) << run.both();
    EXPECT_EQ(run.out, file + ":0: cannot be read\n") << run.both();
}

// Guards a fixed bug: toml_source.cpp read_text_file() opens a folder without error (std::ifstream does
// on Linux) and reads it as an empty file, so `--config DIR` reports "'clinic_name' is
// missing" and "'clinic_phone' is missing" instead of saying the file cannot be read.
TEST(CheckMissing, ConfigThatIsAFolder) {
    const std::string dir = fixture("config");
    Result run = anteroom({"check", "--content", kGoodContent, "--config", dir});
    EXPECT_EQ(run.exit_code, 1) << run.both();
    EXPECT_EQ(run.out, dir + ":0: cannot be read: it is a folder, not a file\n") << run.both();
}

// A copy of the good content in a fresh temporary folder, removed with it.
class ContentCopy {
public:
    ContentCopy() : dir_(fs::temp_directory_path() / ("anteroom-check-" + std::to_string(::getpid()) + "-" +
                                                      std::to_string(++count_))) {
        fs::remove_all(dir_);
        fs::copy(kGoodContent, dir_, fs::copy_options::recursive);
    }
    ~ContentCopy() { fs::remove_all(dir_); }
    std::string path(const std::string& relative = {}) const { return relative.empty() ? dir_.string() : (dir_ / relative).string(); }

private:
    static inline int count_ = 0;
    fs::path dir_;
};

// Guards a fixed bug: toml_source.cpp read_text_file() opens whatever it is given, and reading a FIFO
// waits for a writer for ever: `check` (and the kiosk) hang. The program runs under timeout, so
// this test cannot hang with it.
TEST(CheckMissing, ContentFileThatIsAFifo) {
    ContentCopy copy;
    const std::string fifo = copy.path("interface.toml");
    fs::remove(fifo);
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0) << std::strerror(errno);
    Result run{anteroom::testing::run_program({"timeout", "20", ANTEROOM_BINARY, "check", "--content", copy.path(), "--config",
                                               kClinicConfig, "--locales", fixture("locales/none")})};
    EXPECT_EQ(run.exit_code, 1) << "124: timed out\n" << run.both();
    EXPECT_EQ(run.out, fifo + ":0: cannot be read: it is a FIFO, not a regular file\n") << run.both();
}

// Guards a fixed bug: the same for a device: /dev/null reads as an empty file ("'clinic_name' is
// missing"), and /dev/zero or /dev/urandom would be read until memory runs out.
TEST(CheckMissing, ConfigThatIsADevice) {
    Result run = anteroom({"check", "--content", kGoodContent, "--config", "/dev/null"});
    EXPECT_EQ(run.exit_code, 1) << run.both();
    EXPECT_EQ(run.out, "/dev/null:0: cannot be read: it is a character device, not a regular file\n") << run.both();
}

// ---- The command line ---------------------------------------------------------------------

struct UsageCase {
    const char* name;
    std::vector<std::string> args;
    const char* message;
};

std::ostream& operator<<(std::ostream& os, const UsageCase& c) { return os << c.name; }

class CheckUsage : public ::testing::TestWithParam<UsageCase> {};

TEST_P(CheckUsage, ExitsWithTwoAndSaysWhy) {
    const UsageCase& c = GetParam();
    Result run = anteroom(c.args);
    EXPECT_EQ(run.exit_code, 2) << run.both();
    EXPECT_EQ(run.out, "") << run.both();
    EXPECT_TRUE(contains(run.err, std::string("anteroom: ") + c.message)) << run.both();
    EXPECT_TRUE(contains(run.err, "anteroom check [--content DIR] [--config FILE]")) << "usage is shown\n" << run.both();
}

const UsageCase kUsage[] = {
    {"UnknownOption", {"check", "--verbose"}, "unknown option '--verbose'"},
    {"UnknownShortOption", {"check", "-x"}, "unknown option '-x'"},
    {"RunOnlyOption", {"check", "--windowed", "1280x800"}, "unknown option '--windowed'"},
    {"ContentWithoutValue", {"check", "--content"}, "--content needs a value"},
    {"ConfigWithoutValue", {"check", "--content", kGoodContent, "--config"}, "--config needs a value"},
    {"StrayArgument", {"check", "content"}, "unknown option 'content'"},
    {"UnknownCommand", {"chek"}, "unknown command 'chek'"},
};

INSTANTIATE_TEST_SUITE_P(Check, CheckUsage, ::testing::ValuesIn(kUsage),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
