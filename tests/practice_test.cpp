// The meditation's PracticePlayer (platform/practice_player): a spoken OGG made at test time
// (support/spoken_ogg) decoded while it plays, its audio clock with pause, resume and stop,
// captions following that clock, the silent clock for a missing or damaged file, volume and
// the background sound. The output is a CaptureSink (faster than real time, keeping every
// sample) or SDL's real audio path on its "dummy" driver.
#include <gtest/gtest.h>

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/captions.hpp"
#include "platform/practice_player.hpp"
#include "support/spoken_ogg.hpp"

namespace anteroom {
namespace {

namespace fs = std::filesystem;
using platform::CaptureSink;
using platform::PracticePlayer;
using platform::SdlAudioSink;
using Clock = std::chrono::steady_clock;

constexpr int kRate = 48000, kPeriod = 480;

bool wait_until(const std::function<bool()>& done, double seconds) {
    const auto until = Clock::now() + std::chrono::duration<double>(seconds);
    while (!done()) {
        if (Clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    return true;
}

void sleep_s(double s) { std::this_thread::sleep_for(std::chrono::duration<double>(s)); }

double rms(const std::vector<float>& v, size_t from = 0, size_t to = SIZE_MAX) {
    to = std::min(to, v.size());
    if (from >= to) return 0;
    double sum = 0;
    for (size_t i = from; i < to; ++i) sum += static_cast<double>(v[i]) * v[i];
    return std::sqrt(sum / static_cast<double>(to - from));
}

double energy(const std::vector<float>& v) {
    double sum = 0;
    for (float x : v) sum += static_cast<double>(x) * x;
    return sum;
}

bool all_zero(const std::vector<float>& v, size_t from, size_t to = SIZE_MAX) {
    to = std::min(to, v.size());
    for (size_t i = from; i < to; ++i)
        if (v[i] != 0.f) return false;
    return true;
}

bool within_unit(const std::vector<float>& v) {
    return std::all_of(v.begin(), v.end(), [](float x) { return std::isfinite(x) && x >= -1.f && x <= 1.f; });
}

// About five seconds of English speech, made once for the whole program.
class PracticeFixture : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!ogg_.empty()) return;
        char pattern[] = "/tmp/anteroom-practice-XXXXXX";
        ASSERT_NE(mkdtemp(pattern), nullptr);
        dir_ = pattern;
        try {
            ogg_ = testing::make_spoken_ogg(dir_, "Breathe in slowly. Breathe out, and let your shoulders soften, one breath at a time.");
        } catch (const std::exception& e) {
            problem_ = e.what();
        }
    }
    static void TearDownTestSuite() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
        dir_.clear();
        ogg_.clear();
    }
    void SetUp() override { ASSERT_TRUE(problem_.empty()) << problem_; }

    static fs::path dir_, ogg_;
    static std::string problem_;
};
fs::path PracticeFixture::dir_, PracticeFixture::ogg_;
std::string PracticeFixture::problem_;

using PracticeDecoding = PracticeFixture;
using PracticeClock = PracticeFixture;
using PracticeCaptions = PracticeFixture;
using PracticeSilent = PracticeFixture;
using PracticeMix = PracticeFixture;
using PracticeSdl = PracticeFixture;

// Plays the fixture to its end at `speed`; the captured samples from play() on.
struct PlayedRun {
    std::vector<float> samples;
    double position = 0, duration = 0, max_ahead = 0;
    bool finished = false;
};
PlayedRun play_through(const fs::path& ogg, double speed, float volume, bool background) {
    CaptureSink sink(kRate, speed, kPeriod);
    PracticePlayer p(sink);
    PlayedRun run;
    EXPECT_TRUE(p.open(ogg.string())) << p.problem();
    p.set_volume(volume);
    p.set_background(background);
    const size_t before = sink.captured_frames();
    p.play();
    run.finished = wait_until(
        [&] {
            run.max_ahead = std::max(run.max_ahead, p.decoded_ahead_s());
            return p.finished();
        },
        30);
    run.position = p.position_s();
    run.duration = p.duration_s();
    sleep_s(0.02);  // a few periods of what follows the end
    sink.stop();
    const std::vector<float> all = sink.captured();
    run.samples.assign(all.begin() + static_cast<std::ptrdiff_t>(std::min(before, all.size())), all.end());
    return run;
}

// ---- Decoding while playing ------------------------------------------------------------------

TEST_F(PracticeDecoding, PlaysTheWholeFileDecodingOnlyAFewTenthsOfASecondAhead) {
    CaptureSink sink(kRate, 20, kPeriod);
    PracticePlayer p(sink);
    ASSERT_TRUE(p.open(ogg_.string())) << p.problem();
    EXPECT_EQ(p.problem(), "");
    const double duration = p.duration_s();
    EXPECT_GT(duration, 3.0);
    EXPECT_LT(duration, 10.0);
    // Before play: half a second is ready, not the whole file.
    ASSERT_TRUE(wait_until([&] { return p.decoded_ahead_s() >= 0.45; }, 2));
    sleep_s(0.05);
    EXPECT_LE(p.decoded_ahead_s(), 0.6);
    EXPECT_EQ(p.position_s(), 0);
    EXPECT_FALSE(p.playing());
    EXPECT_FALSE(p.finished());

    p.set_background(false);
    const size_t before = sink.captured_frames();
    p.play();
    EXPECT_TRUE(p.playing());
    double max_ahead = 0, last = 0;
    bool forward = true;
    ASSERT_TRUE(wait_until(
        [&] {
            max_ahead = std::max(max_ahead, p.decoded_ahead_s());
            const double now = p.position_s();
            forward = forward && now >= last;
            last = now;
            return p.finished();
        },
        30));
    const size_t after = sink.captured_frames();
    EXPECT_TRUE(forward) << "the clock never goes back";
    EXPECT_LE(max_ahead, 1.0);
    EXPECT_GT(max_ahead, 0.2);
    EXPECT_FALSE(p.playing());
    // Every sample of the file was heard once, resampled to the sink's rate.
    EXPECT_NEAR(p.position_s(), duration, static_cast<double>(kPeriod) / kRate);
    EXPECT_EQ(p.decoded_ahead_s(), 0);
    const double captured_s = static_cast<double>(after - before) / kRate;
    EXPECT_GE(captured_s, duration - static_cast<double>(kPeriod) / kRate);
    EXPECT_LE(captured_s, duration + 0.3) << "what the sink took from play() to the end (the test looks every 0.2 ms)";

    sleep_s(0.01);
    sink.stop();
    const std::vector<float> all = sink.captured();
    const std::vector<float> heard(all.begin() + static_cast<std::ptrdiff_t>(before), all.end());
    EXPECT_GT(rms(heard, 0, static_cast<size_t>(duration * kRate)), 0.02) << "speech, not silence";
    EXPECT_TRUE(within_unit(heard));
    EXPECT_TRUE(all_zero(heard, static_cast<size_t>(duration * kRate) + kPeriod)) << "silence after the end, with the background off";
    // The decoder stopped with the file: nothing more is made.
    EXPECT_TRUE(p.finished());
    p.play();
    EXPECT_FALSE(p.playing());
}

// A stereo file is mixed to mono, not its first channel: left and right in opposite phase
// cancel. Its rate, 16 kHz, is resampled to the sink's.
TEST_F(PracticeDecoding, StereoIsMixedToMono) {
    const fs::path wav = dir_ / "stereo.wav", ogg = dir_ / "stereo.ogg";
    {
        const int rate = 16000, frames = rate;
        std::ofstream out(wav, std::ios::binary);
        auto u32 = [&](std::uint32_t v) { out.write(reinterpret_cast<const char*>(&v), 4); };
        auto u16 = [&](std::uint16_t v) { out.write(reinterpret_cast<const char*>(&v), 2); };
        out.write("RIFF", 4);
        u32(36 + frames * 4);
        out.write("WAVEfmt ", 8);
        u32(16), u16(1), u16(2), u32(rate), u32(rate * 4), u16(4), u16(16);
        out.write("data", 4);
        u32(frames * 4);
        for (int i = 0; i < frames; ++i) {
            const auto s = static_cast<std::int16_t>(std::lround(12000 * std::sin(2 * M_PI * 440 * i / rate)));
            u16(static_cast<std::uint16_t>(s));
            u16(static_cast<std::uint16_t>(static_cast<std::int16_t>(-s)));
        }
    }
    ASSERT_EQ(std::system(("oggenc -Q -q 6 -o '" + ogg.string() + "' '" + wav.string() + "'").c_str()), 0);
    CaptureSink sink(kRate, 20, kPeriod);
    PracticePlayer p(sink);
    ASSERT_TRUE(p.open(ogg.string())) << p.problem();
    EXPECT_NEAR(p.duration_s(), 1.0, 0.01);
    p.set_background(false);
    p.play();
    ASSERT_TRUE(wait_until([&] { return p.finished(); }, 10));
    EXPECT_NEAR(p.position_s(), 1.0, static_cast<double>(kPeriod) / kRate);
    sink.stop();
    // Each channel alone would be an RMS of 0.26; their mix is close to nothing (the encoder's
    // stereo coupling leaves a little).
    EXPECT_LT(rms(sink.captured()), 0.03);
}

// ---- The clock: pause, resume, stop ----------------------------------------------------------

TEST_F(PracticeClock, PauseHoldsThePositionResumeGoesOnStopEnds) {
    CaptureSink sink(kRate, 4, kPeriod);
    PracticePlayer p(sink);
    ASSERT_TRUE(p.open(ogg_.string())) << p.problem();
    p.set_background(false);
    p.play();
    ASSERT_TRUE(wait_until([&] { return p.position_s() >= 0.8; }, 5));
    p.pause();
    EXPECT_FALSE(p.playing());
    sleep_s(0.01);  // the period being pulled when pause() came
    const double held = p.position_s();
    const size_t mark = sink.captured_frames();
    sleep_s(0.15);  // 0.6 s of output at 4x
    EXPECT_EQ(p.position_s(), held) << "no sample is heard while paused";
    const std::vector<float> paused = sink.captured();
    EXPECT_GT(paused.size(), mark + 10 * kPeriod) << "the sink went on pulling";
    EXPECT_TRUE(all_zero(paused, mark)) << "and heard silence";
    EXPECT_FALSE(p.finished());

    p.resume();
    EXPECT_TRUE(p.playing());
    ASSERT_TRUE(wait_until([&] { return p.position_s() > held; }, 2));
    // Resumed from the same place: the first sample after resuming is the next in the file.
    EXPECT_LE(p.position_s() - held, 0.1);
    ASSERT_TRUE(wait_until([&] { return p.position_s() >= held + 0.4; }, 2));

    p.stop();
    EXPECT_FALSE(p.playing());
    sleep_s(0.01);
    const double stopped = p.position_s();
    const size_t after_stop = sink.captured_frames();
    sleep_s(0.1);
    EXPECT_EQ(p.position_s(), stopped);
    EXPECT_TRUE(all_zero(sink.captured(), after_stop));
    EXPECT_FALSE(p.finished()) << "stopped, not heard to its end";
    p.resume();
    p.play();
    EXPECT_FALSE(p.playing()) << "a stopped practice is over until it is opened again";

    // Opened again, it starts from the beginning.
    ASSERT_TRUE(p.open(ogg_.string()));
    EXPECT_EQ(p.position_s(), 0);
    p.play();
    ASSERT_TRUE(wait_until([&] { return p.position_s() > 0.1; }, 2));
}

TEST_F(PracticeClock, FinishesAtTheEndOfTheFile) {
    const PlayedRun run = play_through(ogg_, 20, 1, true);
    EXPECT_TRUE(run.finished);
    EXPECT_NEAR(run.position, run.duration, static_cast<double>(kPeriod) / kRate);
    EXPECT_LE(run.max_ahead, 1.0);
}

// ---- Captions on the audio clock -------------------------------------------------------------

TEST_F(PracticeCaptions, StepThroughTheCuesAsTheAudioIsHeard) {
    const CaptionsLoad load = parse_captions(
        "WEBVTT\n\n00:00.200 --> 00:01.000\nBreathe in.\n\n00:01.000 --> 00:02.000\nBreathe out.\n\n"
        "00:02.500 --> 00:03.000\nOne breath at a time.\n",
        "practice.vtt");
    ASSERT_TRUE(load.errors.empty());
    const Captions& captions = load.captions;
    ASSERT_EQ(captions.cues.size(), 3u);

    CaptureSink sink(kRate, 8, kPeriod);
    PracticePlayer p(sink);
    ASSERT_TRUE(p.open(ogg_.string())) << p.problem();
    ASSERT_GT(p.duration_s(), captions.end());
    p.play();
    std::vector<std::string> shown;
    bool consistent = true;
    ASSERT_TRUE(wait_until(
        [&] {
            const double t = p.position_s();
            const Cue* cue = cue_at(captions, t);
            if (cue) {
                consistent = consistent && t >= cue->start && t < cue->end;
                if (shown.empty() || shown.back() != cue->text) shown.push_back(cue->text);
            } else {
                // Between cues: before the first, in the gap from 2.0 to 2.5, after the last.
                consistent = consistent && (t < 0.2 || (t >= 2.0 && t < 2.5) || t >= 3.0);
            }
            return t >= 3.2;
        },
        10));
    EXPECT_TRUE(consistent);
    EXPECT_EQ(shown, (std::vector<std::string>{"Breathe in.", "Breathe out.", "One breath at a time."}));
}

// ---- A file that cannot be played: the silent clock ------------------------------------------

void expect_silent_clock(PracticePlayer& p, const Captions& captions) {
    p.open_silent(captions.end());
    EXPECT_DOUBLE_EQ(p.duration_s(), captions.end());
    EXPECT_EQ(p.position_s(), 0);
    sleep_s(0.03);
    EXPECT_EQ(p.position_s(), 0) << "not before play()";
    const auto started = Clock::now();
    p.play();
    EXPECT_TRUE(p.playing());
    std::vector<std::string> shown;
    auto look = [&] {
        if (const Cue* cue = cue_at(captions, p.position_s()); cue && (shown.empty() || shown.back() != cue->text)) shown.push_back(cue->text);
    };
    ASSERT_TRUE(wait_until([&] { look(); return p.position_s() >= 0.12; }, 2));
    p.pause();
    const double held = p.position_s();
    EXPECT_FALSE(p.playing());
    sleep_s(0.15);
    EXPECT_EQ(p.position_s(), held);
    EXPECT_FALSE(p.finished());
    p.resume();
    ASSERT_TRUE(wait_until([&] { look(); return p.finished(); }, 2));
    const double took = std::chrono::duration<double>(Clock::now() - started).count();
    EXPECT_DOUBLE_EQ(p.position_s(), captions.end());
    EXPECT_FALSE(p.playing());
    EXPECT_GE(took, captions.end() + 0.15 - 0.005) << "the pause is not counted";
    EXPECT_LT(took, captions.end() + 0.15 + 0.2);
    EXPECT_EQ(shown, (std::vector<std::string>{"One", "Two", "Three"}));
}

TEST_F(PracticeSilent, AMissingOrDamagedFileIsNamedAndTheCaptionsPlayAlone) {
    const CaptionsLoad load =
        parse_captions("WEBVTT\n\n00:00.000 --> 00:00.100\nOne\n\n00:00.100 --> 00:00.200\nTwo\n\n00:00.200 --> 00:00.300\nThree\n", "t.vtt");
    ASSERT_TRUE(load.errors.empty());
    CaptureSink sink(kRate, 1, kPeriod);
    PracticePlayer p(sink);

    const std::string missing = (dir_ / "es" / "practice.ogg").string();
    EXPECT_FALSE(p.open(missing));
    EXPECT_NE(p.problem().find(missing), std::string::npos) << p.problem();
    EXPECT_NE(p.problem().find("missing"), std::string::npos) << p.problem();
    p.play();
    EXPECT_FALSE(p.playing()) << "nothing to play until open_silent";
    expect_silent_clock(p, load.captions);

    const fs::path random = dir_ / "random.ogg";
    {
        std::mt19937 gen(7);
        std::string bytes(8000, '\0');
        for (char& c : bytes) c = static_cast<char>(gen());
        std::ofstream(random, std::ios::binary) << bytes;
    }
    EXPECT_FALSE(p.open(random.string()));
    EXPECT_NE(p.problem().find(random.string()), std::string::npos) << p.problem();
    EXPECT_NE(p.problem().find("damaged"), std::string::npos) << p.problem();
    expect_silent_clock(p, load.captions);

    // Damage past the headers: stb_vorbis stops there without complaint. What is left of the
    // file's length is silence, so the captions keep their time, and problem() says so.
    std::ifstream in(ogg_, std::ios::binary);
    std::string torn((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_GT(torn.size(), 9000u);
    for (size_t i = 8000; i < 8400; ++i) torn[i] = static_cast<char>(torn[i] ^ 0x55);
    const fs::path damaged = dir_ / "torn.ogg";
    std::ofstream(damaged, std::ios::binary) << torn;
    CaptureSink fast(kRate, 20, kPeriod);
    PracticePlayer q(fast);
    ASSERT_TRUE(q.open(damaged.string())) << q.problem();
    q.set_background(false);
    q.play();
    ASSERT_TRUE(wait_until([&] { return q.finished(); }, 10));
    EXPECT_NEAR(q.position_s(), q.duration_s(), static_cast<double>(kPeriod) / kRate);
    EXPECT_NE(q.problem().find(damaged.string()), std::string::npos) << q.problem();
    EXPECT_NE(q.problem().find("part way"), std::string::npos) << q.problem();
}

TEST_F(PracticeSilent, NoSoundOutputIsNamedAndTheClockRunsWithoutIt) {
    const CaptionsLoad load =
        parse_captions("WEBVTT\n\n00:00.000 --> 00:00.100\nOne\n\n00:00.100 --> 00:00.200\nTwo\n\n00:00.200 --> 00:00.300\nThree\n", "t.vtt");
    CaptureSink sink(kRate, 1, kPeriod, "no sound card");
    PracticePlayer p(sink);
    EXPECT_FALSE(p.open(ogg_.string()));
    EXPECT_NE(p.problem().find("no sound card"), std::string::npos) << p.problem();
    EXPECT_NE(p.problem().find(ogg_.string()), std::string::npos) << p.problem();
    expect_silent_clock(p, load.captions);
}

// ---- Volume and the background ---------------------------------------------------------------

TEST_F(PracticeMix, VolumeScalesTheNarration) {
    const PlayedRun full = play_through(ogg_, 20, 1, false);
    const PlayedRun half = play_through(ogg_, 20, 0.5f, false);
    ASSERT_TRUE(full.finished && half.finished);
    EXPECT_NEAR(energy(half.samples) / energy(full.samples), 0.25, 0.005);
    const auto peak = [](const std::vector<float>& v) {
        float m = 0;
        for (float x : v) m = std::max(m, std::abs(x));
        return m;
    };
    EXPECT_NEAR(peak(half.samples) / peak(full.samples), 0.5, 0.01);
    EXPECT_TRUE(within_unit(full.samples));
    const PlayedRun none = play_through(ogg_, 20, 0, false);
    EXPECT_EQ(energy(none.samples), 0);
}

TEST_F(PracticeMix, TheBackgroundIsQuietUnderSilenceFadesAndStopsWithThePractice) {
    CaptureSink sink(kRate, 10, kPeriod);
    PracticePlayer p(sink);
    p.open_silent(60);  // the narration's silence: only the background is heard
    const size_t start = sink.captured_frames();
    p.play();
    sleep_s(0.12);  // 1.2 s of output
    const std::vector<float> on = sink.captured();
    ASSERT_GT(on.size(), start + kRate);
    // It fades in over 0.3 s, no jump at the start.
    EXPECT_LT(std::abs(on[start + kPeriod]), 0.01);
    for (size_t i = start + 1; i < on.size(); ++i) ASSERT_LT(std::abs(on[i] - on[i - 1]), 0.01) << "no click at " << i;
    const double level = rms(on, start + kRate * 4 / 10, start + kRate);
    EXPECT_GT(level, 0.01);
    EXPECT_LT(level, 0.05);
    EXPECT_TRUE(within_unit(on));

    // Off: a fade of 0.3 s, then exact zeros.
    p.set_background(false);
    sleep_s(0.08);
    const size_t off = sink.captured_frames();
    sleep_s(0.05);
    EXPECT_TRUE(all_zero(sink.captured(), off));
    // On again, then paused with the practice.
    p.set_background(true);
    sleep_s(0.08);
    EXPECT_GT(rms(sink.captured(), sink.captured_frames() - kPeriod * 20), 0.01);
    p.pause();
    sleep_s(0.08);
    const size_t paused = sink.captured_frames();
    sleep_s(0.05);
    EXPECT_TRUE(all_zero(sink.captured(), paused));
    p.resume();
    sleep_s(0.08);
    EXPECT_GT(rms(sink.captured(), sink.captured_frames() - kPeriod * 20), 0.01);

    // Its level is the one set; however loud, no sample leaves [-1, 1].
    p.set_background_level(0.003f);
    sleep_s(0.08);
    EXPECT_LT(rms(sink.captured(), sink.captured_frames() - kPeriod * 40), 0.006);
    p.set_background_level(1);
    sleep_s(0.1);
    EXPECT_GT(rms(sink.captured(), sink.captured_frames() - kPeriod * 20), 0.4);
    p.stop();
    sleep_s(0.08);
    const size_t stopped = sink.captured_frames();
    sleep_s(0.03);
    sink.stop();
    const std::vector<float> all = sink.captured();
    EXPECT_TRUE(all_zero(all, stopped));
    EXPECT_TRUE(within_unit(all));
}

TEST_F(PracticeMix, TheBackgroundPlaysUnderTheNarrationByDefault) {
    const PlayedRun with = play_through(ogg_, 20, 1, true);
    const PlayedRun without = play_through(ogg_, 20, 1, false);
    ASSERT_TRUE(with.finished && without.finished);
    EXPECT_TRUE(within_unit(with.samples));
    // Where the speech is silent (the 40 ms after its end, before the background's fade-out
    // at the end has gone far), the background alone is heard.
    const size_t end = static_cast<size_t>(with.duration * kRate) + kPeriod;
    EXPECT_TRUE(all_zero(without.samples, end));
    const double under = rms(with.samples, end, end + 1920);
    EXPECT_GT(under, 0.01);
    EXPECT_LT(under, 0.05);
}

// ---- SDL's real audio path -------------------------------------------------------------------

TEST_F(PracticeSdl, PlaysThroughSdlAudioInRealTime) {
    setenv("SDL_AUDIODRIVER", "dummy", 0);
    SdlAudioSink sink;
    PracticePlayer p(sink);
    ASSERT_TRUE(p.open(ogg_.string())) << p.problem();
    const auto started = Clock::now();
    p.play();
    sleep_s(0.4);
    const double at = p.position_s();
    const double real = std::chrono::duration<double>(Clock::now() - started).count();
    EXPECT_GT(at, 0.15);
    EXPECT_LT(at, real + 0.1) << "the dummy driver consumes in real time";
    EXPECT_LE(p.decoded_ahead_s(), 1.0);
    EXPECT_TRUE(p.playing());
    p.pause();
    sleep_s(0.05);
    const double held = p.position_s();
    sleep_s(0.1);
    EXPECT_EQ(p.position_s(), held);
}

}  // namespace
}  // namespace anteroom
