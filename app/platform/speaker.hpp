#pragma once
// Speech output: reads a page's utterances (core/speech.hpp) aloud, or a clinic's recording
// of the page in its place, and says which word is being heard.
//
// Threads: every public call is made from one thread (the UI thread) and returns at once,
// in microseconds: it only changes what a mutex guards. Synthesis runs on a worker thread
// the Speaker owns (espeak-ng's state is global, so it lives on that thread only), which
// keeps a few seconds of audio ahead of the output and waits while the output catches up.
// The output (an AudioSink) pulls samples on its own thread; what it has consumed is what
// status() says is being heard. espeak-ng is one per process: with two Speakers, one
// synthesises while the other waits.
//
// Recorded pages: `assets_dir/speech/<locale>/<page_key>.ogg` (the key's '/' are folders,
// e.g. speech/es/education/routes.ogg), OGG Vorbis at any rate, mono or stereo, plays instead
// of synthesis for that page in that language. While it plays, status().recorded is true and
// there is no utterance or word (utterance -1). A file stb_vorbis cannot read is reported on
// stderr, naming it, once per Speaker, and the page is synthesised instead (from its start,
// also when the damage shows only part way through).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/speech.hpp"
#include "platform/audio.hpp"

namespace anteroom::platform {

struct SpeechStatus {
    bool audio_available = false;
    std::string problem;        // why not, for the screen: no sound device, no voice for a language; empty when fine
    bool speaking = false;      // something was asked for and is not yet heard to its end
    bool paused = false;
    std::string page_key;       // what speak() is reading; empty for an announcement
    int utterance = -1;         // index being heard now; -1 none (before the first sample, a recording, an announcement)
    size_t word_begin = 0, word_end = 0;  // byte range in that utterance's text of the word heard now; equal between words
    bool finished = false;      // the last speak() was heard to its end (its last sample consumed by the output)
    bool recorded = false;      // the clinic's recording of the page is what is heard
    bool announcing = false;    // an announce() is what is heard
    std::int64_t first_sample_ns = 0;  // CLOCK_MONOTONIC when the output took the first sample of it; 0 not yet
};

class Speaker {
public:
    // Opens the output at once (the sound card when `sink` is null) and starts the worker.
    // Without an output, status() says why and every call does nothing.
    explicit Speaker(std::filesystem::path assets_dir, std::unique_ptr<AudioSink> sink = nullptr);
    ~Speaker();
    Speaker(const Speaker&) = delete;
    Speaker& operator=(const Speaker&) = delete;

    // Reads the page, cancelling whatever is being said (also a pause: reading starts at once).
    // Between utterances, silence of each one's pause_after_ms; none after the last.
    void speak(std::string page_key, std::string locale, std::vector<Utterance> utterances);
    // A short phrase ("Next, button"). It cancels what is being said, a page included: a
    // patient who touches something has moved on from the reading, and going back to it
    // afterwards would talk over what they do next. The UI speaks the page again when asked.
    void announce(std::string locale, std::string text);
    void pause();   // the output plays silence and keeps its place
    void resume();
    void stop();    // silence within one output period; status().speaking false
    void set_volume(float zero_to_one);

    SpeechStatus status() const;
    int output_rate() const;  // samples per second of the output; 0 without one

    struct State;  // shared by the calling thread, the worker and the output

private:
    std::unique_ptr<State> state_;
    std::unique_ptr<AudioSink> sink_;
};

}  // namespace anteroom::platform
