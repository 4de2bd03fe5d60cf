#pragma once
// Where speech goes: an output that pulls mono float samples from a callback on its own
// thread, at its own rate. SdlAudioSink is the sound card (through SDL2's audio subsystem
// only, so it works beside either window backend); CaptureSink keeps what it pulled, for
// tests and the benchmark.
#include <time.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace anteroom::platform {

// CLOCK_MONOTONIC in nanoseconds: when a sample was heard, comparable across threads.
inline std::int64_t monotonic_ns() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

class AudioSink {
public:
    // Fills `frames` mono samples in [-1, 1]. Called on the sink's thread, one period at a time.
    using Pull = std::function<void(float* out, int frames)>;

    virtual ~AudioSink() = default;
    // Opens the output and starts pulling. False when there is no output: problem() says why.
    virtual bool start(Pull pull) = 0;
    // After it returns, pull is not running and is not called again.
    virtual void stop() = 0;
    virtual int rate() const = 0;           // samples per second, once started
    virtual int period_frames() const = 0;  // samples per pull
    virtual std::string problem() const = 0;
};

// The default audio device, opened once. SDL_AUDIODRIVER chooses the driver as usual
// ("dummy" consumes samples in real time with no sound card). Call start() and stop() on
// the thread that owns SDL (the UI thread), after a window's SDL_Init if there is one, and
// destroy it before SDL_Quit.
class SdlAudioSink : public AudioSink {
public:
    SdlAudioSink() = default;
    ~SdlAudioSink() override { stop(); }
    bool start(Pull pull) override;
    void stop() override;
    int rate() const override { return rate_; }
    int period_frames() const override { return period_; }
    std::string problem() const override { return problem_; }

private:
    static void callback(void* self, unsigned char* stream, int bytes);

    Pull pull_;
    unsigned device_ = 0;
    bool subsystem_ = false;
    int rate_ = 0, period_ = 0;
    std::string problem_;
};

// Pulls on a thread of its own, `speed` times faster than real time, and keeps every sample
// it pulled. With `fail` set, start() fails with that problem, as with no sound card.
class CaptureSink : public AudioSink {
public:
    explicit CaptureSink(int rate = 48000, double speed = 1, int period = 480, std::string fail = {})
        : rate_(rate), period_(period), speed_(speed), fail_(std::move(fail)) {}
    ~CaptureSink() override { stop(); }
    bool start(Pull pull) override;
    void stop() override;
    int rate() const override { return rate_; }
    int period_frames() const override { return period_; }
    std::string problem() const override { return fail_; }

    std::vector<float> captured() const;  // everything pulled so far
    size_t captured_frames() const;
    void clear();

private:
    int rate_, period_;
    double speed_;
    std::string fail_;
    Pull pull_;
    std::thread thread_;
    std::atomic<bool> running_{false};
    mutable std::mutex mutex_;
    std::vector<float> samples_;
};

}  // namespace anteroom::platform
