// Captions for a narrated practice: the WebVTT subset parses to exact cues, every mistake is
// reported at its line in words staff can act on, and cue_at shows each cue exactly while an
// audio clock runs. Mutated files are fuzzed in fuzz_test.cpp (CaptionsFuzz).
#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/captions.hpp"

namespace anteroom {
namespace {

namespace fs = std::filesystem;

const std::string kSample = std::string(ANTEROOM_FIXTURES) + "/captions/practice.vtt";

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void expect_cue(const Cue& cue, double start, double end, const std::string& text, int line) {
    EXPECT_DOUBLE_EQ(cue.start, start) << text;
    EXPECT_DOUBLE_EQ(cue.end, end) << text;
    EXPECT_EQ(cue.text, text);
    EXPECT_EQ(cue.line, line) << text;
}

// "file:line: message" of each error, in order; a file with errors has no cues.
std::vector<std::string> errors_of(std::string_view text) {
    const CaptionsLoad load = parse_captions(text, "calm.vtt");
    if (!load.errors.empty()) {
        EXPECT_TRUE(load.captions.cues.empty());
    }
    std::vector<std::string> out;
    for (const Diagnostic& d : load.errors) out.push_back(d.str());
    return out;
}

using Errors = std::vector<std::string>;

// The messages, as staff read them.
const std::string kStartForm = "the start time must be written minutes:seconds.thousandths, such as \"00:01.500\", "
                               "or with hours first, such as \"01:00:01.500\"";
const std::string kEndForm = "the end time must be written minutes:seconds.thousandths, such as \"00:01.500\", "
                             "or with hours first, such as \"01:00:01.500\"";
const std::string kNoText = "this cue has no text: write its words on the lines after its times";
const std::string kNoCues = "calm.vtt:0: has no captions: after the WEBVTT line, add cues such as "
                            "\"00:01.000 --> 00:04.000\" followed by their text";
const std::string kNotACue = "this is not a cue: a cue is a line of times such as \"00:01.000 --> 00:04.000\" (a name "
                             "line may come before it) and then its text; a comment starts with NOTE";
const std::string kMarkup = "markup such as <b> or <v Name> is not supported in these captions: remove it and keep "
                            "only the words (a \"<\" always starts markup)";
const std::string kNotUtf8 = "this line is not UTF-8 text: save the file as UTF-8 (this is the first such line; there "
                             "may be more)";
const std::string kBlankBefore = "a blank line must come before a cue's times: add one above this line";
const std::string kHeader = "calm.vtt:1: the first line must be WEBVTT: this is not a WebVTT captions file, or its "
                            "first line was changed";

// ---- Files that parse

TEST(CaptionsParse, SampleGivesTheExactCues) {
    // BOM, CRLF, a header with text, NOTEs of one and two lines, identifiers, a double blank
    // line, the hours form and tabs around the arrow.
    const std::string text = read_file(kSample);
    ASSERT_TRUE(text.starts_with("\xEF\xBB\xBFWEBVTT "));
    ASSERT_NE(text.find("\r\n"), std::string::npos);
    const CaptionsLoad load = parse_captions(text, "practice.vtt");
    ASSERT_TRUE(load.errors.empty()) << load.errors.front().str();
    const std::vector<Cue>& cues = load.captions.cues;
    ASSERT_EQ(cues.size(), 4u);
    expect_cue(cues[0], 0.5, 4.0, "Welcome. Find a comfortable way to sit.", 7);
    expect_cue(cues[1], 4.0, 8.25, "Let your shoulders drop.\nBreathe in slowly.", 10);
    expect_cue(cues[2], 9.0, 12.5, "Caf\xC3\xA9: and breathe out.", 16);
    expect_cue(cues[3], 3723.456, 3725.0, "Rest here as long as you like.", 23);
    EXPECT_DOUBLE_EQ(load.captions.end(), 3725.0);
}

TEST(CaptionsParse, LoadReadsTheFile) {
    const CaptionsLoad load = load_captions(kSample);
    ASSERT_TRUE(load.errors.empty()) << load.errors.front().str();
    EXPECT_EQ(load.captions.cues.size(), 4u);
}

TEST(CaptionsParse, AMissingFileIsOneErrorOnLineZero) {
    const fs::path missing =
        fs::temp_directory_path() / ("anteroom-no-such-captions-" + std::to_string(::getpid()) + ".vtt");
    const CaptionsLoad load = load_captions(missing);
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_EQ(load.errors[0].file, missing.string());
    EXPECT_EQ(load.errors[0].line, 0);
    EXPECT_EQ(load.errors[0].str(), missing.string() + ":0: cannot be read");
    EXPECT_TRUE(load.captions.cues.empty());
    // A folder is not a captions file either.
    EXPECT_EQ(load_captions(fs::temp_directory_path()).errors.size(), 1u);
}

TEST(CaptionsParse, AnyLineEndsGiveTheSameCues) {
    const std::string lf = "WEBVTT\n\n1\n00:01.000 --> 00:02.000\nOne\nline two\n\n00:02.000 --> 00:03.000\nTwo\n";
    for (const std::string& end : {std::string("\n"), std::string("\r\n"), std::string("\r")}) {
        std::string text;
        for (char c : lf) text += c == '\n' ? end : std::string(1, c);
        const CaptionsLoad load = parse_captions(text, "calm.vtt");
        ASSERT_TRUE(load.errors.empty()) << load.errors.front().str();
        ASSERT_EQ(load.captions.cues.size(), 2u);
        expect_cue(load.captions.cues[0], 1, 2, "One\nline two", 4);
        expect_cue(load.captions.cues[1], 2, 3, "Two", 8);
    }
    // No line end at the end of the file, and lines of spaces count as blank.
    const CaptionsLoad last = parse_captions(
        "WEBVTT\t(practice)\n \n00:01.000 --> 00:02.000\nOne\n\t\n00:02.000 --> 00:03.000\nTwo", "calm.vtt");
    ASSERT_TRUE(last.errors.empty()) << last.errors.front().str();
    ASSERT_EQ(last.captions.cues.size(), 2u);
    expect_cue(last.captions.cues[1], 2, 3, "Two", 6);
}

TEST(CaptionsParse, TimesInBothForms) {
    const CaptionsLoad load = parse_captions(
        "WEBVTT\n\n00:59.999 --> 01:00.000\nA\n\n00:01:00.000 --> 59:59.000\nB\n\n100:00:00.000 --> 100:00:00.001\nC\n",
        "calm.vtt");
    ASSERT_TRUE(load.errors.empty()) << load.errors.front().str();
    ASSERT_EQ(load.captions.cues.size(), 3u);
    expect_cue(load.captions.cues[0], 59.999, 60, "A", 3);
    expect_cue(load.captions.cues[1], 60, 3599, "B", 6);
    expect_cue(load.captions.cues[2], 360000, 360000.001, "C", 9);
}

TEST(CaptionsParse, CuesMayTouch) {
    const CaptionsLoad load =
        parse_captions("WEBVTT\n\n00:01.000 --> 00:02.000\nA\n\n00:02.000 --> 00:03.000\nB\n", "calm.vtt");
    EXPECT_TRUE(load.errors.empty());
    EXPECT_EQ(load.captions.cues.size(), 2u);
}

// ---- Mistakes, each at its line

TEST(CaptionsErrors, MissingHeader) {
    EXPECT_EQ(errors_of(""), Errors{kHeader});
    EXPECT_EQ(errors_of("\xEF\xBB\xBF"), Errors{kHeader});
    EXPECT_EQ(errors_of("WEBVTTX\n\n00:01.000 --> 00:02.000\nHi\n"), Errors{kHeader});
    EXPECT_EQ(errors_of("webvtt\n"), Errors{kHeader});
    EXPECT_EQ(errors_of("\n\nWEBVTT\n"), Errors{kHeader});
    // An SRT file: the numbers and times of SubRip, not WebVTT.
    EXPECT_EQ(errors_of("1\n00:00:01,000 --> 00:00:02,000\nHello\n"), Errors{kHeader});
}

TEST(CaptionsErrors, BadTimestamps) {
    const std::string before = "WEBVTT\n\n00:00.000 --> 00:01.000\nFirst\n\n";  // lines 1-5
    EXPECT_EQ(errors_of(before + "00:01.5 --> 00:02.000\nHi\n"), Errors{"calm.vtt:6: " + kStartForm});
    EXPECT_EQ(errors_of(before + "00:01.000 --> 2\nHi\n"), Errors{"calm.vtt:6: " + kEndForm});
    EXPECT_EQ(errors_of(before + "00:01.000 -->\nHi\n"), Errors{"calm.vtt:6: " + kEndForm});
    EXPECT_EQ(errors_of(before + "0:01.000 --> 00:02.000\nHi\n"), Errors{"calm.vtt:6: " + kStartForm});
    EXPECT_EQ(errors_of(before + "0:00:01.000 --> 00:02.000\nHi\n"), Errors{"calm.vtt:6: " + kStartForm});
    EXPECT_EQ(errors_of(before + "00:01.000 --> 00:02.00a\nHi\n"), Errors{"calm.vtt:6: " + kEndForm});
    EXPECT_EQ(errors_of(before + "00:00:00:01.000 --> 00:02.000\nHi\n"), Errors{"calm.vtt:6: " + kStartForm});
    EXPECT_EQ(errors_of(before + "1234567890:00:01.000 --> 00:02.000\nHi\n"), Errors{"calm.vtt:6: " + kStartForm});
    EXPECT_EQ(errors_of(before + "-00:01.000 --> 00:02.000\nHi\n"), Errors{"calm.vtt:6: " + kStartForm});
    // SubRip's comma: both times.
    EXPECT_EQ(errors_of(before + "00:00:01,000 --> 00:00:02,000\nHi\n"),
              (Errors{"calm.vtt:6: " + kStartForm, "calm.vtt:6: " + kEndForm}));
}

TEST(CaptionsErrors, MinutesAndSecondsPast59) {
    const std::string before = "WEBVTT\n\n00:00.000 --> 00:01.000\nFirst\n\n";
    EXPECT_EQ(errors_of(before + "00:59.000 --> 60:00.000\nHi\n"),
              Errors{"calm.vtt:6: the end time has 60 minutes: write 00 to 59 minutes, with hours first for longer "
                     "times, such as \"01:15:00.000\""});
    EXPECT_EQ(errors_of(before + "00:61.000 --> 01:02.000\nHi\n"),
              Errors{"calm.vtt:6: the start time has 61 seconds: write 00 to 59 seconds"});
    EXPECT_EQ(errors_of(before + "01:75:00.000 --> 01:80:00.000\nHi\n"),
              (Errors{"calm.vtt:6: the start time has 75 minutes: write 00 to 59 minutes, with hours first for longer "
                      "times, such as \"01:15:00.000\"",
                      "calm.vtt:6: the end time has 80 minutes: write 00 to 59 minutes, with hours first for longer "
                      "times, such as \"01:15:00.000\""}));
}

TEST(CaptionsErrors, CueSettings) {
    EXPECT_EQ(errors_of("WEBVTT\n\nNOTE x\n\n00:01.000 --> 00:02.000 align:start line:0\nHi\n"),
              Errors{"calm.vtt:5: cue settings after the end time (such as \"align:start\") are not supported in these "
                     "captions: remove everything after the end time"});
}

TEST(CaptionsErrors, EndNotAfterStart) {
    EXPECT_EQ(errors_of("WEBVTT\n\n00:03.000 --> 00:02.000\nHi\n"),
              Errors{"calm.vtt:3: the cue ends at 00:02.000, which is not after it starts (00:03.000): the end time "
                     "must be later than the start time"});
    EXPECT_EQ(errors_of("WEBVTT\n\n1:00:03.000 --> 1:00:03.000\nHi\n").size(), 2u);  // and "1" is no hour
    EXPECT_EQ(errors_of("WEBVTT\n\n01:00:03.000 --> 01:00:03.000\nHi\n"),
              Errors{"calm.vtt:3: the cue ends at 01:00:03.000, which is not after it starts (01:00:03.000): the end "
                     "time must be later than the start time"});
}

TEST(CaptionsErrors, OverlapAndOrder) {
    const std::string first = "WEBVTT\n\n00:01.000 --> 00:04.000\nOne\n\n";  // the cue on line 3
    EXPECT_EQ(errors_of(first + "00:03.000 --> 00:05.000\nTwo\n"),
              Errors{"calm.vtt:6: this cue starts at 00:03.000, before the cue on line 3 ends (at 00:04.000): one "
                     "caption shows at a time, so start this one when or after that one ends"});
    EXPECT_EQ(errors_of(first + "00:00.500 --> 00:00.900\nTwo\n"),
              Errors{"calm.vtt:6: this cue starts at 00:00.500, before the cue on line 3 (at 00:01.000): put the cues "
                     "in the order they are spoken"});
    // Each cue is checked against the one just above it, so one slip is one message.
    EXPECT_EQ(errors_of(first + "00:03.000 --> 00:05.000\nTwo\n\n00:05.000 --> 00:06.000\nThree\n").size(), 1u);
}

TEST(CaptionsErrors, CueWithoutText) {
    EXPECT_EQ(errors_of("WEBVTT\n\n00:01.000 --> 00:02.000\n\n00:02.000 --> 00:03.000\nHi\n"),
              Errors{"calm.vtt:3: " + kNoText});
    EXPECT_EQ(errors_of("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n\nlast\n00:02.000 --> 00:03.000"),
              Errors{"calm.vtt:7: " + kNoText});
    EXPECT_EQ(errors_of("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n\n00:02.000 --> 00:03.000\n   \n"),
              Errors{"calm.vtt:6: " + kNoText});
}

TEST(CaptionsErrors, Markup) {
    EXPECT_EQ(errors_of("WEBVTT\n\n00:01.000 --> 00:02.000\nBreathe <b>in</b>\n"), Errors{"calm.vtt:4: " + kMarkup});
    EXPECT_EQ(errors_of("WEBVTT\n\n00:01.000 --> 00:02.000\nFirst line\n<v Sam>Breathe in\n"),
              Errors{"calm.vtt:5: " + kMarkup});
    EXPECT_EQ(errors_of("WEBVTT\n\n00:01.000 --> 00:02.000\n<00:01.500>timed\n"), Errors{"calm.vtt:4: " + kMarkup});
}

TEST(CaptionsErrors, NoCues) {
    EXPECT_EQ(errors_of("WEBVTT"), Errors{kNoCues});
    EXPECT_EQ(errors_of("WEBVTT\n\n\n"), Errors{kNoCues});
    EXPECT_EQ(errors_of("WEBVTT\nKind: captions\n\nNOTE only a note\nof two lines\n"), Errors{kNoCues});
}

TEST(CaptionsErrors, NotUtf8) {
    EXPECT_EQ(errors_of("WEBVTT\n\n00:01.000 --> 00:02.000\nCaf\xE9\n"), Errors{"calm.vtt:4: " + kNotUtf8});
    // Reported once, at the first such line.
    EXPECT_EQ(errors_of("WEBVTT\n\n00:01.000 --> 00:02.000\nOne\n\n00:02.000 --> 00:03.000\nCaf\xE9\nna\xEFve\n"),
              Errors{"calm.vtt:7: " + kNotUtf8});
    EXPECT_EQ(errors_of("WEBVTT \xFF\n\n00:01.000 --> 00:02.000\nHi\n"), Errors{"calm.vtt:1: " + kNotUtf8});
    // Overlong forms, surrogates, code points past U+10FFFF, a cut sequence, NUL.
    const std::vector<std::string> bad_text = {"\xC0\xAF",         "\xE0\x80\xAF", "\xED\xA0\x80",
                                               "\xF4\x90\x80\x80", "\xE2\x82",     "\xF8\x88\x80\x80\x80",
                                               std::string("a\0b", 3)};
    for (const std::string& bad : bad_text) {
        EXPECT_EQ(errors_of("WEBVTT\n\n00:01.000 --> 00:02.000\n" + bad + "\n"), Errors{"calm.vtt:4: " + kNotUtf8});
    }
    // Letters from every plane are text.
    EXPECT_TRUE(
        errors_of("WEBVTT\n\n00:01.000 --> 00:02.000\n\xC3\xA9 \xE5\x91\xBC \xF0\x9F\x8C\xAC \xEF\xBF\xBD\n").empty());
}

TEST(CaptionsErrors, NotACue) {
    EXPECT_EQ(errors_of("WEBVTT\n\nhello\nworld\n\n00:01.000 --> 00:02.000\nHi\n"), Errors{"calm.vtt:3: " + kNotACue});
    EXPECT_EQ(errors_of("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n\nSTYLE\n::cue { color: red }\n"),
              Errors{"calm.vtt:6: " + kNotACue});
    EXPECT_EQ(errors_of("WEBVTT\n\njust a name\n"), (Errors{"calm.vtt:3: " + kNotACue, kNoCues}));
}

TEST(CaptionsErrors, MissingBlankLine) {
    // Between cues, after the header and after a note: the cue after it is still read.
    EXPECT_EQ(errors_of("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n00:02.000 --> 00:03.000\nThere\n"),
              Errors{"calm.vtt:5: " + kBlankBefore});
    EXPECT_EQ(errors_of("WEBVTT\n00:01.000 --> 00:02.000\nHi\n"), Errors{"calm.vtt:2: " + kBlankBefore});
    EXPECT_EQ(errors_of("WEBVTT\n\nNOTE x\n00:01.000 --> 00:02.000\nHi\n\n00:01.500 --> 00:03.000\nThere\n"),
              (Errors{"calm.vtt:4: " + kBlankBefore,
                      "calm.vtt:7: this cue starts at 00:01.500, before the cue on line 4 ends (at 00:02.000): one "
                      "caption shows at a time, so start this one when or after that one ends"}));
}

TEST(CaptionsErrors, LineNumbersWithEveryLineEnd) {
    // CR alone, CRLF and LF each end one line.
    EXPECT_EQ(errors_of("WEBVTT\r\r00:01.000 --> 00:02.000\r\r00:03.000 --> 00:02.000\rHi\r"),
              (Errors{"calm.vtt:3: " + kNoText,
                      "calm.vtt:5: the cue ends at 00:02.000, which is not after it starts (00:03.000): the end time "
                      "must be later than the start time"}));
    EXPECT_EQ(errors_of("WEBVTT\r\n\n\r00:01.000 --> 00:02.000\r\n<i>x</i>\n"), Errors{"calm.vtt:5: " + kMarkup});
}

TEST(CaptionsErrors, ManyMistakesStopAtAHundred) {
    std::string text = "WEBVTT\n";
    for (int i = 0; i < 1000; ++i) text += "\nnot a cue\nat all\n";
    const Errors errors = errors_of(text);
    ASSERT_EQ(errors.size(), 101u);
    EXPECT_EQ(errors[0], "calm.vtt:3: " + kNotACue);
    EXPECT_EQ(errors[99], "calm.vtt:300: " + kNotACue);
    EXPECT_EQ(errors[100], "calm.vtt:300: too many mistakes to list them all: fix these and check the file again");
}

TEST(CaptionsErrors, GarbageOfAnySizeIsErrors) {
    std::mt19937 random(20260301);
    for (size_t size : {size_t{1}, size_t{100}, size_t{10000}, size_t{4} << 20}) {
        std::string text = "WEBVTT\n\n";
        for (size_t i = 0; i < size; ++i) text += static_cast<char>(random() & 0xFF);
        CaptionsLoad load;
        ASSERT_NO_THROW(load = parse_captions(text, "calm.vtt")) << size;
        EXPECT_FALSE(load.errors.empty()) << size;
        EXPECT_LE(load.errors.size(), 101u);
    }
}

// ---- cue_at

Captions three_cues() {
    const CaptionsLoad load =
        parse_captions("WEBVTT\n\n00:01.000 --> 00:02.500\nOne\n\n00:02.500 --> 00:04.000\nTwo\n\n"
                       "00:05.250 --> 00:06.000\nThree\n",
                       "calm.vtt");
    EXPECT_TRUE(load.errors.empty());
    return load.captions;
}

TEST(CaptionsCueAt, AtTheBoundaries) {
    const Captions c = three_cues();
    ASSERT_EQ(c.cues.size(), 3u);
    EXPECT_EQ(cue_at(c, -1), nullptr);
    EXPECT_EQ(cue_at(c, 0), nullptr);
    EXPECT_EQ(cue_at(c, 0.999), nullptr);
    EXPECT_EQ(cue_at(c, 1.0), &c.cues[0]);
    EXPECT_EQ(cue_at(c, 2.499), &c.cues[0]);
    EXPECT_EQ(cue_at(c, 2.5), &c.cues[1]);  // the next cue, never both
    EXPECT_EQ(cue_at(c, 3.999), &c.cues[1]);
    EXPECT_EQ(cue_at(c, 4.0), nullptr);  // a gap
    EXPECT_EQ(cue_at(c, 5.0), nullptr);
    EXPECT_EQ(cue_at(c, 5.25), &c.cues[2]);
    EXPECT_EQ(cue_at(c, 5.999), &c.cues[2]);
    EXPECT_EQ(cue_at(c, 6.0), nullptr);  // after the last
    EXPECT_EQ(cue_at(c, 1e9), nullptr);
    EXPECT_EQ(cue_at(c, std::nan("")), nullptr);
    EXPECT_EQ(cue_at(Captions{}, 1.0), nullptr);
    EXPECT_DOUBLE_EQ(c.end(), 6.0);
    EXPECT_DOUBLE_EQ(Captions{}.end(), 0);
}

TEST(CaptionsCueAt, AnAudioClockAt60HzShowsEachCueDuringItsTimes) {
    // Boundaries on a frame (1.000, 2.500, 5.250) and between frames (7.334), cues touching, and
    // one so short (6 ms) that it falls between two frames.
    const CaptionsLoad load =
        parse_captions("WEBVTT\n\n00:01.000 --> 00:02.500\nOne\n\n00:02.500 --> 00:04.000\nTwo\n\n"
                       "00:05.250 --> 00:07.334\nThree\n\n00:07.334 --> 00:07.340\nBlink\n",
                       "calm.vtt");
    ASSERT_TRUE(load.errors.empty());
    const Captions& c = load.captions;
    struct Expected {
        double start, end;
    };
    const std::vector<Expected> expected = {{1.0, 2.5}, {2.5, 4.0}, {5.25, 7.334}, {7.334, 7.34}};
    ASSERT_EQ(c.cues.size(), expected.size());
    std::vector<int> frames_shown(expected.size(), 0);
    for (int frame = 0; frame <= 9 * 60; ++frame) {
        const double t = frame / 60.0;
        const Cue* shown = cue_at(c, t);
        const Cue* want = nullptr;
        for (size_t i = 0; i < expected.size(); ++i)
            if (expected[i].start <= t && t < expected[i].end) want = &c.cues[i];
        ASSERT_EQ(shown, want) << "at " << t << " s (frame " << frame << ")";
        if (shown) ++frames_shown[static_cast<size_t>(shown - c.cues.data())];
    }
    EXPECT_EQ(frames_shown, (std::vector<int>{90, 90, 126, 0}));
    // A clock that lands inside the short cue shows it.
    EXPECT_EQ(cue_at(c, 7.335), &c.cues[3]);
}

TEST(CaptionsCueAt, ManyCuesAgreeWithALinearSearch) {
    std::string text = "WEBVTT\n";
    for (int i = 0; i < 2000; ++i) {  // 1.5 s cues with 0.5 s gaps
        const int start = 2 * i, end = 2 * i + 1;
        char times[64];
        std::snprintf(times, sizeof times, "\n%02d:%02d:%02d.000 --> %02d:%02d:%02d.500\n", start / 3600,
                      start / 60 % 60, start % 60, end / 3600, end / 60 % 60, end % 60);
        text += times + std::string("Cue ") + std::to_string(i) + "\n";
    }
    const CaptionsLoad load = parse_captions(text, "calm.vtt");
    ASSERT_TRUE(load.errors.empty()) << load.errors.front().str();
    ASSERT_EQ(load.captions.cues.size(), 2000u);
    std::mt19937 random(7);
    std::uniform_real_distribution<double> time(-1, 4001);
    for (int i = 0; i < 5000; ++i) {
        const double t = time(random);
        const Cue* want = nullptr;
        for (const Cue& cue : load.captions.cues)
            if (cue.start <= t && t < cue.end) want = &cue;
        ASSERT_EQ(cue_at(load.captions, t), want) << t;
    }
}

}  // namespace
}  // namespace anteroom
