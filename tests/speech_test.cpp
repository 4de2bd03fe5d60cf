// Speech output: what each screen says and in what order (core/speech), and the Speaker that
// says it (platform/speaker): espeak-ng in every shipped language, a clinic's recording in
// place of synthesis, no sound device, stop, pause, and a new page cancelling the last.
// The output is a CaptureSink (faster than real time, keeping every sample) or SDL's real
// audio path on its "dummy" driver, which consumes samples in real time with no sound card.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <optional>
#include <set>
#include <thread>

#include "core/reading.hpp"
#include "core/speech.hpp"
#include "platform/speaker.hpp"
#include "support/headless.hpp"

namespace anteroom {
namespace {

namespace fs = std::filesystem;
using platform::CaptureSink;
using platform::Speaker;
using platform::SpeechStatus;
using testing::bundled_kiosk;
using Clock = std::chrono::steady_clock;

bool blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

// ---- What a page says -----------------------------------------------------------------------

// The pauses as a reader takes them: a new topic longest, a button's name shortest.
int expected_pause(Reading::Kind kind) {
    switch (kind) {
    case Reading::Heading: return 600;
    case Reading::Paragraph: return 450;
    case Reading::Note: return 400;
    case Reading::ListItem: return 350;
    case Reading::Button: return 300;
    }
    return -1;
}

// One utterance per line of read_current with words in it, in order, with its exact text.
std::vector<Utterance> expect_follows(const ReadingPage& page) {
    const std::vector<Utterance> u = utterances(page);
    size_t k = 0;
    for (size_t i = 0; i < page.lines.size(); ++i) {
        if (blank(page.lines[i].text())) continue;
        if (k >= u.size()) {
            ADD_FAILURE() << page.name << ": no utterance for line " << i;
            return u;
        }
        EXPECT_EQ(u[k].line, static_cast<int>(i)) << page.name;
        EXPECT_EQ(u[k].text, page.lines[i].text()) << page.name << " line " << i;
        EXPECT_EQ(u[k].pause_after_ms, expected_pause(page.lines[i].kind)) << page.name << " line " << i;
        ++k;
    }
    EXPECT_EQ(k, u.size()) << page.name;
    return u;
}

Reading::Kind kind_of(const ReadingPage& page, const Utterance& u) { return page.lines[static_cast<size_t>(u.line)].kind; }

// Every module screen begins with the module's name and the progress, then the title, and
// ends with the "Questions?" card and the four buttons.
void expect_module_frame(const Kiosk& k, const ReadingPage& page, const std::vector<Utterance>& u, bool own_page) {
    ASSERT_GE(u.size(), 9u) << page.name;
    const Presentation& p = k.shown();
    EXPECT_EQ(u[0].text, k.current_module()->title);
    EXPECT_EQ(kind_of(page, u[0]), Reading::Note);
    EXPECT_EQ(kind_of(page, u[1]), Reading::Note);
    const size_t title = own_page ? 3 : 2;
    if (own_page) {
        EXPECT_EQ(u[2].text, p.text("routes.all"));
        EXPECT_EQ(kind_of(page, u[2]), Reading::Button);
    }
    EXPECT_EQ(kind_of(page, u[title]), Reading::Heading);
    EXPECT_EQ(page.lines[static_cast<size_t>(u[title].line)].level, 1);
    EXPECT_EQ(u[title].pause_after_ms, 600);
    const size_t n = u.size();
    EXPECT_EQ(u[n - 8].text, p.text("ask.title"));
    EXPECT_EQ(u[n - 7].text, p.text("ask.body"));
    EXPECT_EQ(u[n - 6].text, p.text("nav.home"));
    EXPECT_EQ(u[n - 5].text, p.text("speech.read"));
    EXPECT_EQ(u[n - 4].text, p.text("settings.open"));
    EXPECT_EQ(u[n - 3].text, p.text("nav.language"));
    EXPECT_EQ(u[n - 2].text, p.text("nav.back"));
    for (size_t i = n - 6; i < n; ++i) EXPECT_EQ(u[i].pause_after_ms, 300) << u[i].text;
}

size_t index_of(const std::vector<Utterance>& u, const std::string& text) {
    for (size_t i = 0; i < u.size(); ++i)
        if (u[i].text == text) return i;
    return u.size();
}

TEST(Speech, EachScreenKindIsReadInTheOrderOfItsReading) {
    Kiosk k = bundled_kiosk(0);
    k.apply({Intent::Begin}, 0);
    k.apply({Intent::ChooseLanguage, -1, "en"}, 0);
    k.apply({Intent::OpenModule, 0}, 0);
    std::set<std::string> kinds;
    while (k.session().place == Place::Module) {
        const ShownScreen& s = *k.current_screen();
        const std::string kind(s.kind->name);
        if (kinds.insert(kind).second) {
            SCOPED_TRACE(kind + " screen " + s.id);
            const ReadingPage closed = read_current(k, 0);
            const std::vector<Utterance> u = expect_follows(closed);
            expect_module_frame(k, closed, u, false);
            EXPECT_EQ(u[2].text, s.text("title").line);
            if (kind == "faq") {
                // An answer is read only when open, right after its question.
                const std::string q = s.items.at(1).text("q").line;
                const size_t at = index_of(u, q);
                ASSERT_LT(at, u.size());
                k.apply({Intent::ToggleItem, 1}, 0);
                const ReadingPage open = read_current(k, 0);
                const std::vector<Utterance> v = expect_follows(open);
                ASSERT_GT(v.size(), u.size());
                const size_t answer = v.size() - u.size();  // its paragraphs and list items
                EXPECT_EQ(v[at].text, q);
                for (size_t i = at + 1; i <= at + answer; ++i) {
                    const Reading::Kind kind = kind_of(open, v[i]);
                    EXPECT_TRUE(kind == Reading::Paragraph || kind == Reading::ListItem) << v[i].text;
                }
                EXPECT_EQ(v[at + answer + 1].text, u[at + 1].text);  // then the next question, as before
                k.apply({Intent::ToggleItem, 1}, 0);
            }
            if (kind == "timeline") {
                // Each step's title as a heading, then its body.
                for (const ShownItem& step : s.items) {
                    const size_t at = index_of(u, step.text("title").line);
                    ASSERT_LT(at, u.size()) << step.text("title").line;
                    EXPECT_EQ(kind_of(closed, u[at]), Reading::Heading);
                    EXPECT_LT(at + 1, u.size() - 8);
                }
            }
            if (kind == "compare") {
                const size_t left = index_of(u, s.text("left_heading").line);
                const size_t right = index_of(u, s.text("right_heading").line);
                ASSERT_LT(left, u.size());
                ASSERT_LT(right, u.size());
                EXPECT_LT(left, right);
                EXPECT_EQ(kind_of(closed, u[left]), Reading::Heading);
                size_t items = 0;
                for (size_t i = left; i < right; ++i) items += kind_of(closed, u[i]) == Reading::ListItem;
                EXPECT_GT(items, 0u) << "the left side's list";
            }
            if (kind == "routes") {
                // Each offered route: its title, its summary, and the button that opens it.
                const std::string open = k.shown().text("routes.open");
                size_t buttons = 0;
                for (const Utterance& x : u) buttons += x.text == open;
                EXPECT_EQ(buttons, s.items.size());
                for (const ShownItem& r : s.items) {
                    const size_t at = index_of(u, r.text("title").line);
                    ASSERT_LT(at + 2, u.size());
                    EXPECT_EQ(u[at + 1].text, r.text("summary").line);
                    EXPECT_EQ(u[at + 2].text, open);
                    EXPECT_EQ(u[at + 2].pause_after_ms, 300);
                }
                // A route's own page: Back to all routes, then the route.
                k.apply({Intent::OpenItem, -1, s.items.at(0).id}, 0);
                const ReadingPage route = read_current(k, 0);
                const std::vector<Utterance> r = expect_follows(route);
                expect_module_frame(k, route, r, true);
                EXPECT_EQ(r[3].text, s.items.at(0).text("title").line);
                k.apply({Intent::Back}, 0);
            }
        }
        k.apply({Intent::Next}, 0);
    }
    EXPECT_EQ(kinds, (std::set<std::string>{"text", "faq", "timeline", "compare", "routes"}));
}

TEST(Speech, EveryPlaceAndLanguageIsReadLineByLine) {
    Kiosk k = bundled_kiosk(0);
    for (const std::string& locale : k.locales())
        for (const ReadingPage& page : read_everything(k, locale)) {
            const std::vector<Utterance> u = expect_follows(page);
            EXPECT_FALSE(u.empty()) << locale << ": " << page.name;
        }
}

TEST(Speech, LinesWithoutWordsAreNotSaid) {
    ReadingPage page{"p", "en", {}};
    page.lines.push_back({Reading::Heading, 1, {{"Title", Style::Regular}}});
    page.lines.push_back({Reading::Paragraph, 0, {{"  ", Style::Regular}}});
    page.lines.push_back({Reading::Paragraph, 0, {}});
    page.lines.push_back({Reading::ListItem, 2, {{"Two ", Style::Regular}, {"words", Style::Bold}}});
    const std::vector<Utterance> u = utterances(page);
    ASSERT_EQ(u.size(), 2u);
    EXPECT_EQ(u[0].text, "Title");
    EXPECT_EQ(u[1].text, "Two words");  // spans joined as on screen, emphasis and all
    EXPECT_EQ(u[1].line, 3);
    EXPECT_EQ(u[1].pause_after_ms, 350);
}

TEST(Speech, VoicesForEveryShippedLanguage) {
    EXPECT_EQ(voice_for("en"), "en-us");
    EXPECT_EQ(voice_for("es"), "es");
    EXPECT_EQ(voice_for("zh-Hans"), "cmn");
    EXPECT_EQ(voice_for("vi"), "vi");
    EXPECT_EQ(voice_for("ko"), "ko");
    EXPECT_EQ(voice_for("ar"), "ar");
    EXPECT_EQ(voice_for("es-MX"), "es");  // the language when the region has no voice of its own
    EXPECT_EQ(voice_for("zh-Hant"), "cmn");
    EXPECT_EQ(voice_for("en-XA"), "en-us");  // the pseudo-locales are English text
    EXPECT_EQ(voice_for("ar-XB"), "en-us");
    EXPECT_EQ(voice_for("tlh"), "");
    EXPECT_EQ(voice_for(""), "");
    Kiosk k = bundled_kiosk(0);
    for (const std::string& locale : k.locales()) EXPECT_FALSE(voice_for(locale).empty()) << locale;
}

// ---- Hearing it -----------------------------------------------------------------------------

template <typename Pred>
bool wait_until(Pred pred, double timeout_s) {
    const auto end = Clock::now() + std::chrono::duration<double>(timeout_s);
    while (!pred()) {
        if (Clock::now() > end) return false;
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    return true;
}

double rms(const std::vector<float>& v, size_t from = 0, size_t to = SIZE_MAX) {
    to = std::min(to, v.size());
    if (to <= from) return 0;
    double sum = 0;
    for (size_t i = from; i < to; ++i) sum += double(v[i]) * v[i];
    return std::sqrt(sum / double(to - from));
}

struct Sounding {
    size_t first = 0, last = 0;  // first and one past the last sample above a whisper
    size_t length() const { return last - first; }
};
Sounding sounding(const std::vector<float>& v) {
    Sounding s;
    for (size_t i = 0; i < v.size(); ++i)
        if (std::fabs(v[i]) > 1e-3f) {
            if (s.last == 0) s.first = i;
            s.last = i + 1;
        }
    return s;
}

// How much of the signal's power is at `hz` (Goertzel), 0..1: near 1 for a pure tone.
double tone_share(const std::vector<float>& v, size_t from, size_t to, double hz, int rate) {
    const double w = 2 * std::numbers::pi * hz / rate, c = 2 * std::cos(w);
    double s1 = 0, s2 = 0, energy = 0;
    for (size_t i = from; i < to; ++i) {
        const double s0 = v[i] + c * s1 - s2;
        s2 = s1, s1 = s0;
        energy += double(v[i]) * v[i];
    }
    const double power = s1 * s1 + s2 * s2 - c * s1 * s2;  // |X(hz)|^2
    const double n = double(to - from);
    return energy > 0 ? 2 * power / (n * energy) : 0;
}

size_t characters(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80 && !std::isspace(c) && !std::ispunct(c);
    return n;
}

// A folder of recorded pages for one test, removed after it.
class SpeechFiles : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("anteroom-speech-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path put(const std::string& relative, const std::string& bytes) {
        const fs::path p = dir_ / relative;
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }
    static std::string tone_bytes() {
        std::ifstream in(std::string(ANTEROOM_FIXTURES) + "/speech/tone-440hz.ogg", std::ios::binary);
        return {std::istreambuf_iterator<char>(in), {}};
    }

    fs::path dir_;
};

// The Speaker on a CaptureSink: `speed` times real time.
struct Captured {
    CaptureSink* sink;
    Speaker speaker;
    Captured(const fs::path& assets, double speed)
        : sink(new CaptureSink(48000, speed)), speaker(assets, std::unique_ptr<CaptureSink>(sink)) {}
};

// The words heard, in the order status() reported them while the page played.
struct Heard {
    int utterance;
    size_t begin, end;
    bool operator==(const Heard&) const = default;
};
std::vector<Heard> listen(const Speaker& s, double timeout_s) {
    std::vector<Heard> heard;
    wait_until(
        [&] {
            const SpeechStatus st = s.status();
            if (st.utterance >= 0 && st.word_end > st.word_begin) {
                const Heard h{st.utterance, st.word_begin, st.word_end};
                if (heard.empty() || !(heard.back() == h)) heard.push_back(h);
            }
            return !st.speaking;
        },
        timeout_s);
    return heard;
}

bool utf8_start(const std::string& s, size_t at) { return at >= s.size() || (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80; }

class SpeechLanguages : public SpeechFiles, public ::testing::WithParamInterface<const char*> {};

TEST_P(SpeechLanguages, AreHeardAloudWithTheirWordsInOrder) {
    const std::string locale = GetParam();
    Kiosk k = bundled_kiosk(0);
    // The attract screen's welcome and the home screen's title, in the language itself.
    const std::vector<ReadingPage> pages = read_everything(k, locale);
    std::vector<Utterance> say = {utterances(pages.at(0)).at(0), utterances(pages.at(2)).at(0)};
    say[0].pause_after_ms = 200;
    Captured c(dir_, 8);
    ASSERT_TRUE(c.speaker.status().audio_available);
    c.speaker.speak("attract", locale, say);
    const std::vector<Heard> heard = listen(c.speaker, 10);
    const SpeechStatus end = c.speaker.status();
    ASSERT_TRUE(end.finished) << end.problem;
    EXPECT_TRUE(end.problem.empty()) << end.problem;

    const std::vector<float> samples = c.sink->captured();
    const Sounding span = sounding(samples);
    const double seconds = span.length() / 48000.0;
    const size_t chars = characters(say[0].text) + characters(say[1].text);
    EXPECT_GT(rms(samples, span.first, span.last), 0.02) << locale;
    EXPECT_GT(seconds / chars, 0.03) << locale << ": " << seconds << " s for " << chars << " characters";
    EXPECT_LT(seconds / chars, 0.6) << locale << ": " << seconds << " s for " << chars << " characters";

    // Words advance through each utterance in turn, each on a word of its text.
    ASSERT_GE(heard.size(), 2u) << locale;
    std::set<int> utterances_heard;
    for (size_t i = 0; i < heard.size(); ++i) {
        const Heard& h = heard[i];
        ASSERT_GE(h.utterance, 0);
        ASSERT_LT(h.utterance, 2);
        const std::string& text = say[static_cast<size_t>(h.utterance)].text;
        EXPECT_LE(h.end, text.size());
        EXPECT_TRUE(utf8_start(text, h.begin) && utf8_start(text, h.end)) << locale;
        EXPECT_FALSE(blank(text.substr(h.begin, h.end - h.begin))) << locale;
        if (i > 0) {
            const Heard& p = heard[i - 1];
            EXPECT_TRUE(h.utterance > p.utterance || (h.utterance == p.utterance && h.begin >= p.end))
                << locale << ": word " << i << " at " << h.utterance << ":" << h.begin << " after " << p.utterance << ":" << p.begin;
        }
        utterances_heard.insert(h.utterance);
    }
    EXPECT_EQ(utterances_heard.size(), 2u) << locale;
}

INSTANTIATE_TEST_SUITE_P(Speech, SpeechLanguages, ::testing::Values("en", "es", "zh-Hans", "vi", "ko", "ar"),
                         [](const auto& info) {
                             std::string name = info.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

std::vector<Utterance> routes_page(const std::string& locale) {
    Kiosk k = bundled_kiosk(0);
    for (const ReadingPage& page : read_everything(k, locale))
        if (page.name.ends_with(": routes")) return utterances(page);
    return {};
}

TEST_F(SpeechFiles, ARecordingReplacesSynthesisForItsPageAndLanguage) {
    put("speech/es/education/routes.ogg", tone_bytes());
    Captured c(dir_, 8);
    c.speaker.set_volume(0.5);
    c.speaker.speak("education/routes", "es", routes_page("es"));
    ASSERT_TRUE(wait_until([&] { return c.speaker.status().first_sample_ns != 0; }, 5));
    const SpeechStatus playing = c.speaker.status();
    EXPECT_TRUE(playing.recorded);
    EXPECT_EQ(playing.utterance, -1);
    EXPECT_EQ(playing.page_key, "education/routes");
    ASSERT_TRUE(wait_until([&] { return !c.speaker.status().speaking; }, 5));
    EXPECT_TRUE(c.speaker.status().finished);

    // What was played is the decoded tone: one second of 440 Hz (at half volume), not speech.
    const std::vector<float> samples = c.sink->captured();
    const Sounding span = sounding(samples);
    EXPECT_NEAR(span.length() / 48000.0, 1.0, 0.03);
    EXPECT_GT(tone_share(samples, span.first, span.last, 440, 48000), 0.9);
    const float peak = *std::max_element(samples.begin(), samples.end());
    EXPECT_NEAR(peak, 0.25, 0.03);  // sox made it at 0.5; the volume halves it

    // The same page in another language has no recording: it is synthesised.
    c.sink->clear();
    c.speaker.speak("education/routes", "en", {{"Ways to take it.", 0, 0}});
    std::vector<Heard> heard = listen(c.speaker, 5);
    EXPECT_FALSE(heard.empty());
    EXPECT_TRUE(c.speaker.status().finished);
    const std::vector<float> speech = c.sink->captured();
    const Sounding s = sounding(speech);
    EXPECT_LT(tone_share(speech, s.first, s.last, 440, 48000), 0.3);
}

TEST_F(SpeechFiles, ADamagedRecordingIsNamedAndThePageSynthesised) {
    const std::string tone = tone_bytes();
    const fs::path broken = put("speech/en/home.ogg", "OggS" + std::string(3000, '\x5a'));
    Captured c(dir_, 8);
    ::testing::internal::CaptureStderr();
    c.speaker.speak("home", "en", {{"Welcome.", 0, 0}});
    const std::vector<Heard> heard = listen(c.speaker, 5);
    const std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_NE(err.find(broken.string()), std::string::npos) << err;
    EXPECT_TRUE(c.speaker.status().finished);
    EXPECT_FALSE(heard.empty()) << "synthesised, with its words";
    const std::vector<float> samples = c.sink->captured();
    EXPECT_GT(rms(samples), 0.005);

    // Said once per file, not every time the page is read.
    ::testing::internal::CaptureStderr();
    c.speaker.speak("home", "en", {{"Welcome.", 0, 0}});
    listen(c.speaker, 5);
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");

    // Damage past the headers: stb_vorbis would play up to it without complaint.
    std::string torn = tone;
    for (size_t i = 4000; i < 4400 && i < torn.size(); ++i) torn[i] = static_cast<char>(torn[i] ^ 0x55);
    const fs::path damaged = put("speech/en/education/faq.ogg", torn);
    c.sink->clear();
    ::testing::internal::CaptureStderr();
    c.speaker.speak("education/faq", "en", {{"Questions.", 0, 0}});
    EXPECT_FALSE(listen(c.speaker, 5).empty());
    const std::string said = ::testing::internal::GetCapturedStderr();
    EXPECT_NE(said.find(damaged.string()), std::string::npos) << said;
    EXPECT_TRUE(c.speaker.status().finished);
    const std::vector<float> torn_samples = c.sink->captured();
    const Sounding t = sounding(torn_samples);
    EXPECT_LT(tone_share(torn_samples, t.first, t.last, 440, 48000), 0.3) << "not the recording";

    // Keys that would leave the speech folder find no file.
    put("secret.ogg", tone);
    c.sink->clear();
    c.speaker.speak("../../secret", "en", {{"Hello.", 0, 0}});
    listen(c.speaker, 5);
    EXPECT_FALSE(c.speaker.status().recorded);
    const std::vector<float> hello = c.sink->captured();
    const Sounding s = sounding(hello);
    EXPECT_LT(tone_share(hello, s.first, s.last, 440, 48000), 0.3);
}

TEST_F(SpeechFiles, ALanguageWithoutAVoiceSaysSo) {
    Captured c(dir_, 8);
    ::testing::internal::CaptureStderr();
    c.speaker.speak("home", "tlh", {{"nuqneH", 0, 0}});
    ASSERT_TRUE(wait_until([&] { return !c.speaker.status().speaking; }, 5));
    const std::string err = ::testing::internal::GetCapturedStderr();
    const SpeechStatus st = c.speaker.status();
    EXPECT_FALSE(st.finished);
    EXPECT_NE(st.problem.find("tlh"), std::string::npos) << st.problem;
    EXPECT_NE(err.find("tlh"), std::string::npos) << err;
    // The next page in a language with a voice is heard, and the problem is gone.
    c.speaker.speak("home", "en", {{"Hello.", 0, 0}});
    listen(c.speaker, 5);
    EXPECT_TRUE(c.speaker.status().finished);
    EXPECT_EQ(c.speaker.status().problem, "");
}

// Sets an environment variable for one test.
class Env {
public:
    Env(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        setenv(name, value, 1);
    }
    ~Env() {
        if (old_) setenv(name_, old_->c_str(), 1);
        else unsetenv(name_);
    }

private:
    const char* name_;
    std::optional<std::string> old_;
};

TEST_F(SpeechFiles, NoSoundDeviceIsReportedAndNothingBreaks) {
    Env driver("SDL_AUDIODRIVER", "no-such-driver");
    ::testing::internal::CaptureStderr();
    Speaker s(dir_);
    const std::string err = ::testing::internal::GetCapturedStderr();
    SpeechStatus st = s.status();
    EXPECT_FALSE(st.audio_available);
    EXPECT_FALSE(st.problem.empty());
    EXPECT_NE(err.find(st.problem), std::string::npos) << err;
    s.speak("home", "en", {{"Hello.", 0, 0}});
    s.announce("en", "Next, button");
    s.pause();
    s.resume();
    s.set_volume(0.5);
    st = s.status();
    EXPECT_FALSE(st.speaking);
    EXPECT_FALSE(st.finished);
    s.stop();
}

// The real SDL path: SDL_AUDIODRIVER is "dummy" unless the one running the test chose a
// driver (to listen, e.g. SDL_AUDIODRIVER=pulse).
TEST_F(SpeechFiles, SdlOutputHearsWordsAsTheyArePlayedNotAsTheyAreMade) {
    setenv("SDL_AUDIODRIVER", "dummy", 0);
    Speaker s(dir_);
    ASSERT_TRUE(s.status().audio_available) << s.status().problem;
    EXPECT_GT(s.output_rate(), 0);
    const std::vector<Utterance> say = {{"One.", 0, 100}, {"Two.", 1, 100}, {"Three.", 2, 100}, {"Four.", 3, 100}};
    s.speak("test/count", "en", say);
    ASSERT_TRUE(wait_until([&] { return s.status().first_sample_ns != 0; }, 2));
    // Synthesis is seconds ahead within milliseconds; what is heard is still the first word.
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    SpeechStatus st = s.status();
    EXPECT_TRUE(st.speaking);
    EXPECT_EQ(st.utterance, 0);
    EXPECT_EQ(say[0].text.substr(st.word_begin, st.word_end - st.word_begin), "One");
    const auto started = Clock::now();
    std::set<int> heard;
    ASSERT_TRUE(wait_until(
        [&] {
            st = s.status();
            if (st.utterance >= 0) heard.insert(st.utterance);
            return !st.speaking;
        },
        10));
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    EXPECT_TRUE(st.finished);
    EXPECT_EQ(heard, (std::set<int>{0, 1, 2, 3}));
    EXPECT_GT(seconds, 1.0) << "four words and three pauses take more than a second to hear";
}

TEST_F(SpeechFiles, StopSilencesWithinAnOutputPeriod) {
    Captured c(dir_, 1);
    c.speaker.speak("education/routes", "en", routes_page("en"));
    ASSERT_TRUE(wait_until([&] { return c.speaker.status().word_end > 0; }, 5));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    c.speaker.stop();
    const size_t at_stop = c.sink->captured_frames();
    SpeechStatus st = c.speaker.status();
    EXPECT_FALSE(st.speaking);
    EXPECT_FALSE(st.finished);
    EXPECT_EQ(st.utterance, -1);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const std::vector<float> samples = c.sink->captured();
    ASSERT_GT(samples.size(), at_stop + 2 * 480);
    // The period being pulled at the moment of stop() may still carry speech; none after it.
    EXPECT_EQ(rms(samples, at_stop + 480), 0.0);
    EXPECT_GT(rms(samples, 0, at_stop), 0.01);
}

TEST_F(SpeechFiles, PauseHoldsThePlaceAndResumeGoesOn) {
    Captured c(dir_, 2);
    const std::vector<Utterance> say = {{"First words here.", 0, 100}, {"Then some more words.", 1, 0}};
    c.speaker.speak("test/pause", "en", say);
    ASSERT_TRUE(wait_until([&] { return c.speaker.status().word_end > 0; }, 5));
    c.speaker.pause();
    const SpeechStatus paused = c.speaker.status();
    const size_t at_pause = c.sink->captured_frames();
    EXPECT_TRUE(paused.paused);
    EXPECT_TRUE(paused.speaking);
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    const SpeechStatus still = c.speaker.status();
    EXPECT_EQ(still.utterance, paused.utterance);
    EXPECT_EQ(still.word_begin, paused.word_begin);
    const std::vector<float> during = c.sink->captured();
    EXPECT_EQ(rms(during, at_pause + 480), 0.0);
    c.speaker.resume();
    EXPECT_FALSE(c.speaker.status().paused);
    const std::vector<Heard> after = listen(c.speaker, 5);
    ASSERT_FALSE(after.empty());
    EXPECT_EQ(after.back().utterance, 1);
    EXPECT_TRUE(c.speaker.status().finished);
    EXPECT_GT(rms(c.sink->captured(), during.size()), 0.01) << "speech after the resume";
}

TEST_F(SpeechFiles, ANewPageCancelsTheLastAndSpeakNeverWaits) {
    Captured c(dir_, 4);
    const std::vector<Utterance> long_page = routes_page("en");
    const std::vector<Utterance> short_page = {{"Short page.", 0, 0}};
    // Each speak() while the worker is busy synthesising the one before it.
    std::vector<double> ms;
    for (int i = 0; i < 40; ++i) {
        const auto t0 = Clock::now();
        c.speaker.speak(i % 2 ? "education/routes" : "education/faq", i % 3 ? "en" : "es", long_page);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    std::sort(ms.begin(), ms.end());
    EXPECT_LT(ms[ms.size() / 2], 1.0) << "median speak() " << ms[ms.size() / 2] << " ms, longest " << ms.back() << " ms";
    ASSERT_TRUE(wait_until([&] { return c.speaker.status().word_end > 0; }, 5));
    c.speaker.speak("home", "en", short_page);
    const SpeechStatus now = c.speaker.status();
    EXPECT_EQ(now.page_key, "home");
    EXPECT_EQ(now.utterance, -1) << "nothing of the new page heard yet, and nothing of the old";
    const std::vector<Heard> heard = listen(c.speaker, 5);
    ASSERT_FALSE(heard.empty());
    for (const Heard& h : heard) {
        EXPECT_EQ(h.utterance, 0);
        EXPECT_LE(h.end, short_page[0].text.size());
    }
    EXPECT_TRUE(c.speaker.status().finished);
    EXPECT_EQ(c.speaker.status().page_key, "home");
}

TEST_F(SpeechFiles, AnAnnouncementCutsInAndEndsThePage) {
    Captured c(dir_, 4);
    c.speaker.speak("education/routes", "en", routes_page("en"));
    ASSERT_TRUE(wait_until([&] { return c.speaker.status().word_end > 0; }, 5));
    c.speaker.announce("en", "Next, button");
    SpeechStatus st = c.speaker.status();
    EXPECT_TRUE(st.announcing);
    EXPECT_TRUE(st.speaking);
    EXPECT_EQ(st.page_key, "");
    EXPECT_EQ(st.utterance, -1);
    ASSERT_TRUE(wait_until([&] { return !c.speaker.status().speaking; }, 5));
    st = c.speaker.status();
    EXPECT_FALSE(st.finished) << "the page was not heard to its end";
    EXPECT_FALSE(st.announcing);
}

}  // namespace
}  // namespace anteroom
