// Reading aloud as a patient meets it: the real screens, headless, through the same Runner as
// the windows, with a real Speaker (espeak-ng) playing into a CaptureSink in real time.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "platform/audio.hpp"
#include "support/headless.hpp"

namespace anteroom {
namespace {

using testing::Headless;

void open_education(Headless& h) {
    ASSERT_TRUE(h.tap(h.text("attract.touch")));
    ASSERT_TRUE(h.tap("English"));
    ASSERT_TRUE(h.tap(h.kiosk().shown().modules.at(0).title));
}

float loudness(const std::vector<float>& samples, size_t from) {
    double sum = 0;
    for (size_t i = from; i < samples.size(); ++i) sum += samples[i] * samples[i];
    return samples.size() > from ? static_cast<float>(std::sqrt(sum / double(samples.size() - from))) : 0.f;
}

TEST(ReadAloud, ReadsTheScreenOnItAndMarksTheWordBeingHeard) {
    Headless h;
    auto sink = std::make_unique<platform::CaptureSink>();
    platform::CaptureSink& capture = *sink;
    platform::Speaker& speaker = h.speak_into(std::move(sink));
    open_education(h);
    ASSERT_TRUE(h.tap(h.text("speech.read")));
    EXPECT_EQ(h.session().speech, Speech::Reading);
    EXPECT_EQ(speaker.status().page_key, "education/" + h.kiosk().current_screen()->id);
    EXPECT_NE(h.probe().find(h.text("speech.stop")), nullptr) << "the button turns into Stop";
    EXPECT_NE(h.probe().find(h.text("speech.pause")), nullptr);

    // The words heard are marked on screen, word by word, each a word of the line being read.
    std::set<std::string> marked;
    ASSERT_TRUE(h.frames_until([&] {
        const ui::SpeechView& v = h.ui().speech();
        for (const std::string& m : h.probe().marked) {
            EXPECT_FALSE(m.empty());
            EXPECT_NE(v.line_text.find(m), std::string::npos) << m << " is not in " << v.line_text;
            marked.insert(m);
        }
        return marked.size() >= 4;
    })) << "no words were marked";
    EXPECT_TRUE(marked.contains("Understanding") || marked.contains("your") || marked.contains("treatment")) << "it starts at the top";
    EXPECT_GT(loudness(capture.captured(), 0), 0.01f) << "and it is heard";
    // The inactivity reset waits while it reads.
    EXPECT_EQ(h.kiosk().idle_policy().reset_s, kNever);
}

TEST(ReadAloud, StopsOnANewScreenALanguageAndAReset) {
    Headless h;
    platform::Speaker& speaker = h.speak_into(std::make_unique<platform::CaptureSink>());
    open_education(h);
    auto start = [&] {
        ASSERT_TRUE(h.tap(h.text("speech.read")));
        ASSERT_TRUE(h.frames_until([&] { return speaker.status().utterance >= 0; })) << "it did not start";
    };
    start();
    ASSERT_TRUE(h.tap(h.text("nav.next")));
    EXPECT_EQ(h.session().speech, Speech::Off) << "a new screen";
    EXPECT_FALSE(speaker.status().speaking);
    EXPECT_EQ(h.ui().speech().line_text, "") << "nothing is marked";

    start();
    ASSERT_TRUE(h.tap(h.text("nav.language")));
    EXPECT_EQ(h.session().speech, Speech::Off) << "the language picker";
    EXPECT_FALSE(speaker.status().speaking);
    ASSERT_TRUE(h.tap(locale_native_name("es")));

    start();  // in Spanish
    EXPECT_EQ(speaker.status().page_key, "education/" + h.kiosk().current_screen()->id);
    h.kiosk().apply({Intent::Restart}, h.now());
    h.frame();
    EXPECT_EQ(h.session().place, Place::Attract);
    EXPECT_EQ(h.session().speech, Speech::Off) << "a reset";
    EXPECT_FALSE(speaker.status().speaking);
}

TEST(ReadAloud, PausesAndKeepsReading) {
    Headless h;
    platform::Speaker& speaker = h.speak_into(std::make_unique<platform::CaptureSink>());
    open_education(h);
    ASSERT_TRUE(h.tap(h.text("speech.read")));
    ASSERT_TRUE(h.frames_until([&] { return speaker.status().utterance >= 0; }));
    ASSERT_TRUE(h.tap(h.text("speech.pause")));
    EXPECT_EQ(h.session().speech, Speech::Paused);
    EXPECT_TRUE(speaker.status().paused);
    EXPECT_NE(h.kiosk().idle_policy().reset_s, kNever) << "a pause does not hold off the reset";
    const int held = speaker.status().utterance;
    ASSERT_TRUE(h.tap(h.text("speech.resume")));
    EXPECT_FALSE(speaker.status().paused);
    EXPECT_GE(speaker.status().utterance, held) << "it goes on from where it was";
    ASSERT_TRUE(h.tap(h.text("speech.louder")));
    EXPECT_EQ(h.session().settings.speech_volume, h.kiosk().config().defaults.speech_volume + 1);
}

TEST(ReadAloud, ReadsToTheEndAndTheButtonComesBack) {
    Headless h;
    platform::Speaker& speaker = h.speak_into(std::make_unique<platform::CaptureSink>(48000, 8.0));  // 8 times real time
    ASSERT_TRUE(h.tap(h.text("attract.touch")));  // the short language screen
    ASSERT_TRUE(h.tap(h.text("speech.read")));
    ASSERT_TRUE(h.frames_until([&] { return h.session().speech == Speech::Off; }, 20)) << "it never ended";
    EXPECT_FALSE(speaker.status().speaking);
    h.frame();
    EXPECT_NE(h.probe().find(h.text("speech.read")), nullptr);
}

TEST(ReadAloud, WithNoSoundTheScreenSaysSoAndNothingWaitsForIt) {
    Headless h;
    h.speak_into(std::make_unique<platform::CaptureSink>(48000, 1.0, 480, "no sound card here"));
    open_education(h);
    ASSERT_TRUE(h.tap(h.text("speech.read")));
    h.frames(2);
    EXPECT_FALSE(h.ui().speech().available);
    EXPECT_EQ(h.session().speech, Speech::Paused) << "the inactivity reset goes on as usual";
    EXPECT_NE(h.probe().find(h.text("speech.read")), nullptr) << "the button does not pretend to read";
    EXPECT_EQ(h.probe().find(h.text("speech.pause")), nullptr);
    EXPECT_TRUE(h.probe().has_text("Sorry,")) << "it says why";
    ASSERT_TRUE(h.tap(h.text("settings.done")));
    EXPECT_EQ(h.session().speech, Speech::Off);
    EXPECT_FALSE(h.probe().has_text("Sorry,"));
}

TEST(ReadAloud, AKeyThatMovesTheFocusSaysWhereAndIsHeard) {
    Headless h;
    auto sink = std::make_unique<platform::CaptureSink>();
    platform::CaptureSink& capture = *sink;
    platform::Speaker& speaker = h.speak_into(std::move(sink));
    open_education(h);
    ASSERT_TRUE(h.tap(h.text("speech.read")));
    ASSERT_TRUE(h.frames_until([&] { return speaker.status().utterance >= 0; }));
    const size_t before = capture.captured().size();
    h.press_key(ImGuiKey_Tab);
    EXPECT_EQ(h.announced(), h.text("nav.home") + ", button");
    EXPECT_EQ(h.session().speech, Speech::Off) << "moving on ends the reading";
    ASSERT_TRUE(h.frames_until([&] { return speaker.status().announcing; }, 5));
    ASSERT_TRUE(h.frames_until([&] { return !speaker.status().speaking; }, 10)) << "a short phrase ends";
    EXPECT_GT(loudness(capture.captured(), before), 0.005f) << "the phrase was heard";
}

}  // namespace
}  // namespace anteroom
