#pragma once
// The narrated practice of the guided-meditation module: one OGG Vorbis file played through an
// AudioSink, decoded while it plays, with a soft background sound made in code under it, and
// an audio clock the captions (core/captions.hpp, cue_at) follow.
//
// Threads: the controls and the readings are called from the UI thread and return at once.
// A decoder thread the player owns keeps about half a second decoded ahead (mono, resampled
// linearly to the sink's rate) in a fixed ring buffer shared with the sink's pull callback
// without a lock: one writer, one reader, two atomic counters. The callback takes no lock
// and allocates nothing; it reads the controls from atomics.
//
// A file that cannot be played (missing, damaged, no sound device): open() says so in
// problem(), naming the file, and the caller runs the same timeline as a silent clock with
// open_silent(captions.end()), so the captions play alone. Damage found part way through is
// played as silence to the file's length, so the captions keep their time.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "platform/audio.hpp"

struct stb_vorbis;

namespace anteroom::platform {

class PracticePlayer {
public:
    // The sink is started by open() and open_silent() (on the calling thread, as SdlAudioSink
    // needs) and stopped by the next open and the destructor. It must outlive the player.
    explicit PracticePlayer(AudioSink& sink);
    ~PracticePlayer();
    PracticePlayer(const PracticePlayer&) = delete;
    PracticePlayer& operator=(const PracticePlayer&) = delete;

    // Ready to play from its start, paused until play(). False, with problem() naming the
    // file, when it is missing or not OGG Vorbis stb_vorbis can read, or when there is no
    // sound output; nothing then plays until open_silent().
    bool open(const std::string& ogg_path);
    // A clock of `duration_s` with no narration: position_s() runs in real time while playing.
    // The background sound still plays when there is a sound output.
    void open_silent(double duration_s);

    void play();    // starts what was opened (from its start); nothing once stopped or finished
    void pause();   // the clock and the narration hold their place; the background fades out
    void resume();
    void stop();    // ends the practice: silence, finished() stays false, play() does nothing
    void set_volume(float zero_to_one);           // the narration's; 1 by default
    void set_background(bool on);                 // on by default; fades in and out over 0.3 s
    void set_background_level(float zero_to_one); // its RMS; 0.0316 (-30 dBFS) by default

    // Seconds from the start of the narration to the sample being heard now: samples handed to
    // the sink, counted in its callback. The silent clock: a steady clock with pauses taken out.
    double position_s() const;
    double duration_s() const;
    bool finished() const;  // heard to its end
    bool playing() const;   // playing now: not paused, stopped, finished or not yet started
    std::string problem() const;  // why the last open() failed, or damage found while playing

    double decoded_ahead_s() const;  // for tests: decoded and not yet heard

    // The background sound's own defaults.
    static constexpr float kBackgroundLevel = 0.0316f;  // -30 dBFS RMS
    static constexpr double kBackgroundFade_s = 0.3;

private:
    enum State : int { Idle, Playing, Paused, Stopped, Finished };

    void close();  // stops the sink and the decoder; back to nothing opened
    bool start_sink();
    void pull(float* out, int frames);  // the sink's thread
    void decode();                      // the decoder thread
    double silent_position(std::int64_t now_ns) const;  // under m_

    AudioSink& sink_;
    bool sink_started_ = false;
    int rate_ = 0;

    // Set up by open() before the sink or the decoder starts; read by both afterwards.
    std::atomic<bool> ready_{false};
    bool opened_ = false;     // the UI thread's: something to play
    bool narration_ = false;  // false: the silent clock
    std::vector<float> ring_;
    std::uint64_t ring_size_ = 0;
    std::uint64_t ahead_frames_ = 0;  // what the decoder keeps ahead
    double duration_ = 0;

    std::atomic<int> state_{Idle};
    std::atomic<std::uint64_t> written_{0};  // frames the decoder put in the ring
    std::atomic<std::uint64_t> read_{0};     // frames the callback took: the clock
    std::atomic<bool> decoded_all_{false};
    std::atomic<float> volume_{1.f};
    std::atomic<bool> background_on_{true};
    std::atomic<float> background_level_{kBackgroundLevel};

    // The callback's own.
    float volume_now_ = 1.f;   // moves to volume_ over 20 ms while narration is heard
    bool heard_last_ = false;  // the last pull had narration in it
    float background_gain_ = 0.f, background_target_ = 0.f, background_step_ = 0.f;  // its fade
    double phase_a_ = 0, phase_b_ = 0, phase_lfo_ = 0;

    // The decoder's.
    stb_vorbis* vorbis_ = nullptr;
    std::string path_;
    std::thread decoder_;
    std::mutex decoder_m_;
    std::condition_variable decoder_cv_;
    bool decoder_quit_ = false;  // under decoder_m_

    // The silent clock and problem(), under m_.
    mutable std::mutex m_;
    double silent_accumulated_ = 0;
    std::int64_t silent_since_ns_ = 0;  // when it last started running
    std::atomic<std::int64_t> silent_end_ns_{0};  // when it ends if it keeps running
    std::string problem_;
};

}  // namespace anteroom::platform
