// Unit tests of parse_config: the clinic's anteroom.toml, read from text in memory.
// Every problem must come back as exactly one diagnostic on the line that causes it.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include <unistd.h>

#include "core/config.hpp"
#include "support/headless.hpp"

namespace anteroom {
namespace {

namespace fs = std::filesystem;

// The four keys every configuration needs, on lines 1 to 4; cases add lines from 5 on.
const std::string kRequired =
    "clinic_name = \"Hillside Clinic\"\n"
    "clinic_phone = \"503-281-4400\"\n"
    "crisis_line = \"988\"\n"
    "emergency_number = \"911\"\n";

std::string describe(const Diagnostics& errors) {
    std::string out;
    for (const Diagnostic& d : errors) out += "\n  " + d.str();
    return out.empty() ? " (none)" : out;
}

TEST(ConfigDefaults, OnlyRequiredKeysGivesDefaults) {
    ConfigLoad load = parse_config(kRequired, "clinic.toml");
    ASSERT_TRUE(load.errors.empty()) << describe(load.errors);
    const ClinicConfig& c = load.config;
    EXPECT_EQ(c.clinic_name, "Hillside Clinic");
    EXPECT_EQ(c.clinic_phone, "503-281-4400");
    EXPECT_EQ(c.crisis_line, "988");
    EXPECT_EQ(c.routes_offered, (std::vector<std::string>{"iv", "im", "lozenge", "nasal"}));
    EXPECT_EQ(c.fasting_hours, 6);
    EXPECT_EQ(c.clear_fluids_hours, 2);
    EXPECT_EQ(c.monitoring_minutes, 120) << "all four routes by default, nasal among them: the REMS minimum";
    EXPECT_EQ(c.visit_minutes, 180);
    EXPECT_EQ(c.infusion_minutes, 40);
    EXPECT_TRUE(c.therapist_during_dose);
    EXPECT_TRUE(c.cost_note.empty());
    EXPECT_FALSE(c.sample);
    EXPECT_EQ(c.idle_warning_s, 90);
    EXPECT_EQ(c.idle_reset_s, 120);
    EXPECT_EQ(c.default_locale, "en");
}

TEST(ConfigDefaults, AccessibilityAndScreenDefaults) {
    ConfigLoad load = parse_config(kRequired, "clinic.toml");
    ASSERT_TRUE(load.errors.empty()) << describe(load.errors);
    const ClinicConfig& c = load.config;
    EXPECT_EQ(c.defaults.text_size, TextSize::Standard);
    EXPECT_FALSE(c.defaults.high_contrast);
    EXPECT_FALSE(c.defaults.reduced_motion);
    EXPECT_EQ(c.defaults.speech_volume, 7);
    EXPECT_EQ(c.defaults, Settings{});
    EXPECT_EQ(c.screen_diagonal_in, 0) << "not given: the display's report, or 24 inches";
    EXPECT_EQ(c.screen_width, 1920);
    EXPECT_EQ(c.screen_height, 1080);
}

TEST(Settings, TextScales) {
    EXPECT_EQ(text_scale(TextSize::Standard), 1.f);
    EXPECT_EQ(text_scale(TextSize::Larger), 1.25f);
    EXPECT_EQ(text_scale(TextSize::Largest), 1.5f);
    for (TextSize size : {TextSize::Standard, TextSize::Larger, TextSize::Largest}) EXPECT_EQ(text_size_named(text_size_name(size)), size);
    EXPECT_EQ(text_size_named("Larger"), std::nullopt);
}

TEST(ConfigParse, AccessibilityAndScreenKeysAreRead) {
    ConfigLoad load = parse_config(kRequired +
                                       "text_size = \"largest\"\nhigh_contrast = true\nreduced_motion = true\nspeech_volume = 0\n"
                                       "screen_diagonal_in = 21.5\nscreen_pixels = \"1080x1920\"\n",
                                   "clinic.toml");
    ASSERT_TRUE(load.errors.empty()) << describe(load.errors);
    const ClinicConfig& c = load.config;
    EXPECT_EQ(c.defaults, (Settings{TextSize::Largest, true, true, 0}));
    EXPECT_EQ(c.screen_diagonal_in, 21.5);
    EXPECT_EQ(c.screen_width, 1080);
    EXPECT_EQ(c.screen_height, 1920);
    EXPECT_EQ(load.lines.at("screen_diagonal_in"), 9);
    for (const char* size : {"standard", "larger"}) {
        ConfigLoad other = parse_config(kRequired + "text_size = \"" + size + "\"\nspeech_volume = 10\n", "clinic.toml");
        EXPECT_TRUE(other.errors.empty()) << describe(other.errors);
        EXPECT_EQ(text_size_name(other.config.defaults.text_size), size);
        EXPECT_EQ(other.config.defaults.speech_volume, 10);
    }
}

TEST(ConfigParse, EventStoreKeysAreRead) {
    ConfigLoad load = parse_config(kRequired +
                                       "kiosk_pseudonym = \"waiting-room-2\"\nevent_store = \"/var/lib/anteroom/events.db\"\n"
                                       "retention_days = 90\nmin_cell = 10\nforward_to = \"postgresql://anteroom@db/anteroom\"\n",
                                   "clinic.toml");
    ASSERT_TRUE(load.errors.empty()) << describe(load.errors);
    const ClinicConfig& c = load.config;
    EXPECT_EQ(c.kiosk_pseudonym, "waiting-room-2");
    EXPECT_EQ(c.event_store, "/var/lib/anteroom/events.db");
    EXPECT_EQ(c.retention_days, 90);
    EXPECT_EQ(c.min_cell, 10);
    EXPECT_EQ(c.forward_to, "postgresql://anteroom@db/anteroom");
    const ClinicConfig defaults = parse_config(kRequired, "clinic.toml").config;
    EXPECT_EQ(defaults.kiosk_pseudonym, "kiosk");
    EXPECT_EQ(defaults.retention_days, 365);
    EXPECT_EQ(defaults.min_cell, 5);
    EXPECT_EQ(defaults.forward_to, "");
}

TEST(ConfigErrors, EventStoreKeysSayWhatIsWrongAndWhere) {
    const ConfigLoad load = parse_config(kRequired +
                                             "kiosk_pseudonym = \"Jane's laptop\"\nmin_cell = 2\nretention_days = 0\n"
                                             "forward_to = \"mysql://db\"\n",
                                         "clinic.toml");
    EXPECT_EQ(describe(load.errors),
              "\n  clinic.toml:5: kiosk_pseudonym 'Jane's laptop' must be 1 to 40 letters, digits, '-', '_' or '.', like \"waiting-room-2\""
              "\n  clinic.toml:7: 'retention_days' is 0 but must be between 1 and 3650"
              "\n  clinic.toml:6: 'min_cell' is 2 but must be between 3 and 1000"
              "\n  clinic.toml:8: forward_to must be a PostgreSQL address, like \"postgresql://anteroom@db.clinic.example/anteroom\"");
}

TEST(ConfigDefaults, DefaultsAreThemselvesValid) {
    // The defaults must pass the cross-field checks, or a short config would never load.
    ClinicConfig c;
    EXPECT_LE(c.clear_fluids_hours, c.fasting_hours);
    EXPECT_GE(c.idle_reset_s - c.idle_warning_s, kMinIdleCountdown);
}

TEST(ConfigParse, EveryKeyIsRead) {
    const std::string text =
        "clinic_name = \"Hillside Clinic\"\n"
        "clinic_phone = \"503-281-4400\"\n"
        "crisis_line = \"1-800-273-8255\"\n"
        "emergency_number = \"112\"\n"
        "visit_minutes = 240\n"
        "infusion_minutes = 50\n"
        "sessions_min = 6\n"
        "sessions_max = 12\n"
        "therapist_during_dose = false\n"
        "cost_note = \"Most insurance does not cover KAP.\"\n"
        "routes_offered = [\"nasal\", \"iv\"]\n"
        "fasting_hours = 8\n"
        "clear_fluids_hours = 1.5\n"
        "monitoring_minutes = 120\n"
        "idle_warning_s = 45\n"
        "idle_reset_s = 300\n"
        "default_locale = \"es\"\n";
    ConfigLoad load = parse_config(text, "clinic.toml");
    ASSERT_TRUE(load.errors.empty()) << describe(load.errors);
    const ClinicConfig& c = load.config;
    EXPECT_EQ(c.clinic_name, "Hillside Clinic");
    EXPECT_EQ(c.clinic_phone, "503-281-4400");
    EXPECT_EQ(c.crisis_line, "1-800-273-8255");
    EXPECT_EQ(c.emergency_number, "112");
    EXPECT_EQ(c.visit_minutes, 240);
    EXPECT_EQ(c.infusion_minutes, 50);
    EXPECT_EQ(c.sessions_min, 6);
    EXPECT_EQ(c.sessions_max, 12);
    EXPECT_FALSE(c.therapist_during_dose);
    EXPECT_EQ(c.cost_note, "Most insurance does not cover KAP.");
    EXPECT_FALSE(c.sample);
    EXPECT_EQ(c.routes_offered, (std::vector<std::string>{"nasal", "iv"}));  // in the clinic's order
    EXPECT_EQ(c.fasting_hours, 8);
    EXPECT_EQ(c.clear_fluids_hours, 1.5);
    EXPECT_EQ(c.monitoring_minutes, 120);
    EXPECT_EQ(c.idle_warning_s, 45);
    EXPECT_EQ(c.idle_reset_s, 300);
    EXPECT_EQ(c.default_locale, "es");
}

TEST(ConfigParse, ASampleMayKeepItsPlaceholders) {
    const std::string placeholders = "clinic_name = \"Riverside Clinic\"\nclinic_phone = \"555-0100\"\ncrisis_line = \"988\"\n"
                                     "emergency_number = \"555-0111\"\n";
    ConfigLoad sample = parse_config("sample = true\n" + placeholders, "clinic.toml");
    EXPECT_TRUE(sample.errors.empty()) << describe(sample.errors);
    EXPECT_TRUE(sample.config.sample);
    ConfigLoad real = parse_config(placeholders, "clinic.toml");
    EXPECT_EQ(real.errors.size(), 3u) << describe(real.errors);  // the name and two numbers; 988 is real
}

TEST(ConfigParse, NumbersThatOnlyLookLikeTheSampleAreReal) {
    for (const char* phone : {"503-281-4400", "555-0200", "(312) 555-1001", "+44 20 7946 0555", "0555 01"}) {
        ConfigLoad load = parse_config("clinic_name = \"Hillside\"\nclinic_phone = \"" + std::string(phone) +
                                           "\"\ncrisis_line = \"988\"\nemergency_number = \"911\"\n",
                                       "clinic.toml");
        EXPECT_TRUE(load.errors.empty()) << phone << describe(load.errors);
    }
}

TEST(ConfigParse, BundledConfigurationIsValid) {
    ConfigLoad load = load_config(testing::source_path("content/anteroom.toml"));
    ASSERT_TRUE(load.errors.empty()) << describe(load.errors);
    EXPECT_FALSE(load.config.clinic_name.empty());
    EXPECT_FALSE(load.config.clinic_phone.empty());
}

TEST(ConfigParse, RangeLimitsAreInclusive) {
    ConfigLoad low = parse_config(kRequired +
                                      "routes_offered = [\"iv\"]\nfasting_hours = 0\nclear_fluids_hours = 0\nmonitoring_minutes = 15\n"
                                      "idle_warning_s = 15\nidle_reset_s = 35\n",
                                  "clinic.toml");
    EXPECT_TRUE(low.errors.empty()) << describe(low.errors);
    ConfigLoad high = parse_config(kRequired +
                                       "fasting_hours = 12\nclear_fluids_hours = 12\nmonitoring_minutes = 480\n"
                                       "idle_warning_s = 3600\nidle_reset_s = 7200\n",
                                   "clinic.toml");
    EXPECT_TRUE(high.errors.empty()) << describe(high.errors);
    EXPECT_EQ(high.config.idle_reset_s, 7200);
}

TEST(ConfigParse, WindowsLineEndingsAndByteOrderMarkAreAccepted) {
    // Notepad saves with a byte order mark and CRLF; lines must still count right.
    const std::string text =
        "\xEF\xBB\xBF# Clinic\r\nclinic_name = \"A\"\r\nclinic_phone = \"1\"\r\ncrisis_line = \"988\"\r\nemergency_number = \"911\"\r\n\r\nfasting_hours = 30\r\n";
    ConfigLoad load = parse_config(text, "clinic.toml");
    ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
    EXPECT_EQ(load.errors[0].line, 7);
}

TEST(ConfigParse, MissingFileIsOneDiagnosticForTheWholeFile) {
    const std::string path = std::string(ANTEROOM_FIXTURES) + "/config/does-not-exist.toml";
    ConfigLoad load = load_config(path);
    ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
    EXPECT_EQ(load.errors[0].file, path);
    EXPECT_EQ(load.errors[0].line, 0);
    EXPECT_NE(load.errors[0].message.find("cannot be read"), std::string::npos);
}

TEST(ConfigParse, RemembersTheLineOfEveryKey) {
    // For the checks that need the translations too (loading.cpp): they report on the key's line.
    ConfigLoad load = parse_config(kRequired + "\n# languages\ndefault_locale = \"es\"\nfallback_locale = \"en\"\n", "clinic.toml");
    ASSERT_TRUE(load.errors.empty()) << describe(load.errors);
    EXPECT_EQ(load.lines, (std::map<std::string, int>{
                              {"clinic_name", 1}, {"clinic_phone", 2}, {"crisis_line", 3}, {"emergency_number", 4},
                              {"default_locale", 7}, {"fallback_locale", 8}}));
}

// Guards a fixed bug: toml_source.cpp read_text_file() reads any file whole, however big: a
// 17 MiB file of zeros is read into memory and then reported as "not valid TOML".
TEST(ConfigParse, FileOverSixteenMebibytesIsNotRead) {
    const fs::path path = fs::temp_directory_path() / ("anteroom-huge-" + std::to_string(::getpid()) + ".toml");
    { std::ofstream create(path); }
    fs::resize_file(path, 17 * 1024 * 1024);  // sparse: nothing is written
    ConfigLoad load = load_config(path);
    fs::remove(path);
    ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
    EXPECT_EQ(load.errors[0].str(), path.string() + ":0: cannot be read: it is 17 MiB; a file here may be at most 16 MiB");
}

// One broken configuration: the whole text, and the single diagnostic it must give.
struct ConfigCase {
    const char* name;
    std::string text;
    int line;
    const char* phrase;  // must appear in the message
};

std::ostream& operator<<(std::ostream& os, const ConfigCase& c) { return os << c.name; }

class ConfigError : public ::testing::TestWithParam<ConfigCase> {};

TEST_P(ConfigError, GivesOneDiagnosticOnTheRightLine) {
    const ConfigCase& c = GetParam();
    ConfigLoad load = parse_config(c.text, "clinic.toml");
    ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
    const Diagnostic& d = load.errors[0];
    EXPECT_EQ(d.file, "clinic.toml");
    EXPECT_EQ(d.line, c.line) << d.str();
    EXPECT_NE(d.message.find(c.phrase), std::string::npos) << d.str() << "\nexpected: " << c.phrase;
}

const ConfigCase kConfigErrors[] = {
    {"SyntaxError", kRequired + "fasting_hours = = 6\n", 5, "not valid TOML"},
    {"DuplicateKey", kRequired + "\nclinic_name = \"Other\"\n", 6, "not valid TOML"},
    {"UnknownKey", kRequired + "\nfasting_hour = 6\n", 6, "unknown key 'fasting_hour'"},
    {"UnknownTable", kRequired + "\n[display]\nbrightness = 5\n", 6, "unknown key 'display'"},
    {"StringForNumber", kRequired + "fasting_hours = \"6\"\n", 5, "'fasting_hours' must be a number, not a string"},
    {"DateForNumber", kRequired + "fasting_hours = 1979-05-27\n", 5, "must be a number, not a date or time"},
    {"FractionForWholeNumber", kRequired + "idle_warning_s = 90.5\n", 5,
     "'idle_warning_s' must be a whole number, not a number"},
    {"NumberForString", "clinic_name = \"Hillside Clinic\"\nclinic_phone = 5550123\ncrisis_line = \"988\"\nemergency_number = \"911\"\n", 2,
     "'clinic_phone' must be a string, not a whole number"},
    {"BooleanForString", kRequired + "cost_note = true\n", 5, "'cost_note' must be a string, not true/false"},
    {"RoutesNotAList", kRequired + "routes_offered = \"iv\"\n", 5, "must be a list of strings, not a string"},
    {"RoutesHoldANumber", kRequired + "routes_offered = [\n  \"iv\",\n  2,\n]\n", 7,
     "must hold only strings, not a whole number"},
    {"FastingTooLong", kRequired + "fasting_hours = 30\n", 5, "'fasting_hours' is 30 but must be between 0 and 12"},
    {"ClearFluidsNegative", kRequired + "clear_fluids_hours = -1\n", 5,
     "'clear_fluids_hours' is -1 but must be between 0 and 12"},
    {"MonitoringTooShort", kRequired + "monitoring_minutes = 10\n", 5,
     "'monitoring_minutes' is 10 but must be between 15 and 480"},
    {"FastingNotANumber", kRequired + "fasting_hours = nan\n", 5, "'fasting_hours' is nan but must be between"},
    {"FastingInfinite", kRequired + "fasting_hours = inf\n", 5, "'fasting_hours' is inf but must be between"},
    {"IdleWarningTooShort", kRequired + "idle_warning_s = 10\n", 5,
     "'idle_warning_s' is 10 but must be between 15 and 3600"},
    {"IdleResetTooShort", kRequired + "idle_warning_s = 15\nidle_reset_s = 30\n", 6,
     "'idle_reset_s' is 30 but must be between 35 and 7200"},
    {"IdleResetTooCloseToWarning", kRequired + "idle_warning_s = 110\nidle_reset_s = 120\n", 6,
     "idle_reset_s must be at least 20 seconds more than idle_warning_s"},
    {"ClearFluidsLongerThanFasting", kRequired + "fasting_hours = 2\nclear_fluids_hours = 3\n", 6,
     "clear_fluids_hours must not be more than fasting_hours"},
    {"UnknownRoute", kRequired + "routes_offered = [\n  \"iv\",\n  \"oral\",\n]\n", 7,
     "routes_offered has 'oral', which is not one of iv, im, lozenge, nasal"},
    {"RouteTwice", kRequired + "routes_offered = [\"iv\",\n  \"iv\"]\n", 6, "routes_offered lists 'iv' twice"},
    // Guards a fixed bug: config.cpp reports an empty routes_offered on the table's line (1), not the key's (4).
    {"NoRoutes", kRequired + "\nroutes_offered = []\n", 6, "routes_offered must name at least one route"},
    {"MissingClinicName", "# Clinic\nclinic_phone = \"503-281-4400\"\ncrisis_line = \"988\"\nemergency_number = \"911\"\n", 1,
     "'clinic_name' is missing"},
    {"MissingClinicPhone", "# Clinic\nclinic_name = \"Hillside Clinic\"\ncrisis_line = \"988\"\nemergency_number = \"911\"\n", 1,
     "'clinic_phone' is missing"},
    // No silent US default: a clinic abroad must name its own crisis line and emergency number.
    {"MissingCrisisLine", "clinic_name = \"Hillside Clinic\"\nclinic_phone = \"503-281-4400\"\nemergency_number = \"911\"\n", 1,
     "'crisis_line' is missing"},
    {"MissingEmergencyNumber", "clinic_name = \"Hillside Clinic\"\nclinic_phone = \"503-281-4400\"\ncrisis_line = \"988\"\n", 1,
     "'emergency_number' is missing"},
    {"EmptyClinicName", "clinic_name = \"\"\nclinic_phone = \"503-281-4400\"\ncrisis_line = \"988\"\nemergency_number = \"911\"\n", 1,
     "'clinic_name' must not be empty"},
    {"EmptyCrisisLine", "clinic_name = \"Hillside Clinic\"\nclinic_phone = \"503-281-4400\"\nemergency_number = \"911\"\ncrisis_line = \"\"\n", 4,
     "'crisis_line' must not be empty"},
    {"EmptyEmergencyNumber", "clinic_name = \"Hillside Clinic\"\nclinic_phone = \"503-281-4400\"\ncrisis_line = \"988\"\nemergency_number = \"\"\n", 4,
     "'emergency_number' must not be empty"},
    {"EmptyCostNote", kRequired + "cost_note = \"\"\n", 5, "'cost_note' must not be empty"},
    {"VisitTooShort", kRequired + "visit_minutes = 10\n", 5, "'visit_minutes' is 10 but must be between 30 and 720"},
    {"InfusionTooLong", kRequired + "infusion_minutes = 600\n", 5, "'infusion_minutes' is 600 but must be between 20 and 180"},
    {"SessionsFraction", kRequired + "sessions_min = 4.5\n", 5, "whole number"},
    {"SessionsMaxBelowMin", kRequired + "sessions_min = 6\nsessions_max = 4\n", 6, "sessions_max must not be less than sessions_min"},
    {"TherapistNotABoolean", kRequired + "therapist_during_dose = \"yes\"\n", 5, "must be true or false"},
    // The Spravato REMS: at least 2 hours after each dose.
    {"NasalWithShortMonitoring", kRequired + "routes_offered = [\"iv\", \"nasal\"]\nmonitoring_minutes = 90\n", 6,
     "monitoring_minutes must be at least 120 when routes_offered has \"nasal\""},
    // Placeholders of the sample configuration, outside a sample.
    {"SampleClinicName", "clinic_name = \"Riverside Clinic\"\nclinic_phone = \"503-281-4400\"\ncrisis_line = \"988\"\nemergency_number = \"911\"\n", 1,
     "'Riverside Clinic' is the sample clinic's name"},
    {"FictionalClinicPhone", "clinic_name = \"Hillside Clinic\"\nclinic_phone = \"555-0100\"\ncrisis_line = \"988\"\nemergency_number = \"911\"\n", 2,
     "clinic_phone '555-0100' is a fictional 555-01xx number"},
    {"FictionalPhoneWithAreaCode", "clinic_name = \"Hillside Clinic\"\nclinic_phone = \"+1 (312) 555-0199\"\ncrisis_line = \"988\"\nemergency_number = \"911\"\n",
     2, "fictional 555-01xx number"},
    {"FictionalCrisisLine", "clinic_name = \"Hillside Clinic\"\nclinic_phone = \"503-281-4400\"\ncrisis_line = \"555 0142\"\nemergency_number = \"911\"\n", 3,
     "crisis_line '555 0142' is a fictional 555-01xx number"},
    {"SampleNotABoolean", kRequired + "sample = \"yes\"\n", 5, "must be true or false"},
    {"GuidedShorterThanWaitingRoom", kRequired + "idle_reset_s = 600\nguided_idle_reset_s = 300\n", 6,
     "guided_idle_reset_s must not be shorter than idle_reset_s"},
    // Guards a fixed bug: toml_source.cpp TableReader::number dereferences node->value<double>(), which is
    // empty for a whole number a double cannot hold exactly (beyond 2^53): the value read is
    // garbage (undefined behaviour), and the only report is a wrong one about clear_fluids_hours
    // on line 0.
    // The accessibility settings' defaults and the screen.
    {"TextSizeUnknown", kRequired + "text_size = \"huge\"\n", 5, "text_size 'huge' is not one of standard, larger, largest"},
    {"TextSizeNotAString", kRequired + "text_size = 2\n", 5, "'text_size' must be a string, not a whole number"},
    {"HighContrastNotABoolean", kRequired + "high_contrast = \"yes\"\n", 5, "must be true or false"},
    {"ReducedMotionNotABoolean", kRequired + "\nreduced_motion = 1\n", 6, "must be true or false"},
    {"SpeechVolumeTooLoud", kRequired + "speech_volume = 11\n", 5, "'speech_volume' is 11 but must be between 0 and 10"},
    {"SpeechVolumeNegative", kRequired + "speech_volume = -1\n", 5, "'speech_volume' is -1 but must be between 0 and 10"},
    {"SpeechVolumeFraction", kRequired + "speech_volume = 5.5\n", 5, "'speech_volume' must be a whole number"},
    {"ScreenDiagonalTooSmall", kRequired + "screen_diagonal_in = 3\n", 5, "'screen_diagonal_in' is 3 but must be between 7 and 110"},
    {"ScreenDiagonalNotANumber", kRequired + "screen_diagonal_in = \"24 in\"\n", 5, "'screen_diagonal_in' must be a number, not a string"},
    {"ScreenPixelsSpaced", kRequired + "screen_pixels = \"1920 x 1080\"\n", 5,
     "screen_pixels '1920 x 1080' must be the screen's width and height in pixels, like \"1920x1080\""},
    {"ScreenPixelsOneNumber", kRequired + "screen_pixels = \"1920\"\n", 5, "screen_pixels '1920' must be"},
    {"ScreenPixelsTooFew", kRequired + "screen_pixels = \"200x100\"\n", 5, "(each 320 to 16384)"},
    {"ScreenPixelsTrailing", kRequired + "screen_pixels = \"1920x1080p\"\n", 5, "screen_pixels '1920x1080p' must be"},
    {"FastingHugeWholeNumber", kRequired + "fasting_hours = 9007199254740993\n", 5,
     "must be between 0 and 12"},
    // Guards a fixed bug: after a value is rejected, config.cpp still runs the cross-field checks against the
    // default it kept, adding a second, wrong message ("idle_reset_s must be at least 20 seconds
    // more than idle_warning_s" although 10000 is far more than 200).
    {"IdleResetTooLongWithLongWarning", kRequired + "idle_warning_s = 200\nidle_reset_s = 10000\n", 6,
     "'idle_reset_s' is 10000 but must be between 35 and 7200"},
    // Guards a fixed bug: the same: "clear_fluids_hours must not be more than fasting_hours" although 8 < 30.
    {"FastingTooLongWithLongClearFluids", kRequired + "fasting_hours = 30\nclear_fluids_hours = 8\n", 5,
     "'fasting_hours' is 30 but must be between 0 and 12"},
};

INSTANTIATE_TEST_SUITE_P(Config, ConfigError, ::testing::ValuesIn(kConfigErrors),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(ConfigErrors, EveryErrorIsReportedNotJustTheFirst) {
    const std::string text =
        "clinic_name = \"Hillside Clinic\"\n"       // 1
        "clinic_phone = 5550123\n"                   // 2: not a string
        "routes_offered = [\"iv\", \"oral\"]\n"      // 3: unknown route
        "fasting_hours = 30\n"                       // 4: out of range
        "monitoring_minutes = \"sixty\"\n"           // 5: not a number
        "idle_warning_s = 90\n"                      // 6
        "idle_reset_s = 100\n"                       // 7: too close to the warning
        "langauge = \"en\"\n"                        // 8: unknown key
        "crisis_line = \"988\"\n"                     // 9
        "emergency_number = \"911\"\n";               // 10
    ConfigLoad load = parse_config(text, "clinic.toml");
    std::multiset<int> lines;
    for (const Diagnostic& d : load.errors) lines.insert(d.line);
    EXPECT_EQ(lines, (std::multiset<int>{2, 3, 4, 5, 7, 8})) << describe(load.errors);
    // Values that were good are still read.
    EXPECT_EQ(load.config.clinic_name, "Hillside Clinic");
    EXPECT_EQ(load.config.routes_offered, std::vector<std::string>{"iv"});
}

TEST(ConfigErrors, MissingKeysAreAllReported) {
    ConfigLoad load = parse_config("# nothing here yet\n", "clinic.toml");
    ASSERT_EQ(load.errors.size(), 4u) << describe(load.errors);
    EXPECT_NE(load.errors[0].message.find("'clinic_name' is missing"), std::string::npos);
    EXPECT_NE(load.errors[1].message.find("'clinic_phone' is missing"), std::string::npos);
    EXPECT_NE(load.errors[2].message.find("'crisis_line' is missing"), std::string::npos);
    EXPECT_NE(load.errors[3].message.find("'emergency_number' is missing"), std::string::npos);
}

TEST(ConfigErrors, EveryUnknownKeyIsReported) {
    ConfigLoad load = parse_config(kRequired + "colour = \"blue\"\nvolume = 3\n[screen]\nwidth = 1920\n", "clinic.toml");
    ASSERT_EQ(load.errors.size(), 3u) << describe(load.errors);
    std::set<int> lines;
    for (const Diagnostic& d : load.errors) {
        EXPECT_NE(d.message.find("unknown key"), std::string::npos) << d.str();
        lines.insert(d.line);
    }
    EXPECT_EQ(lines, (std::set<int>{5, 6, 7}));
}

TEST(ConfigErrors, DiagnosticFormatIsFileLineMessage) {
    ConfigLoad load = parse_config(kRequired + "fasting_hours = 30\n", "content/anteroom.toml");
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_EQ(load.errors[0].str(), "content/anteroom.toml:5: 'fasting_hours' is 30 but must be between 0 and 12");
}

}  // namespace
}  // namespace anteroom
