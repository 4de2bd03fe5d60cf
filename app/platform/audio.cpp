#include "platform/audio.hpp"

#include <SDL.h>

#include <chrono>
#include <cstring>

namespace anteroom::platform {

bool SdlAudioSink::start(Pull pull) {
    stop();
    pull_ = std::move(pull);
    // Audio only: beside the GLFW backend SDL has no video, and beside the SDL backend this
    // adds a reference to the subsystem the window may also hold.
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        problem_ = std::string("no audio: ") + SDL_GetError();
        return false;
    }
    subsystem_ = true;
    SDL_AudioSpec want{}, have{};
    want.freq = 48000;
    want.format = AUDIO_F32SYS;
    want.channels = 1;
    want.samples = 512;  // about 11 ms at 48 kHz: stop() and a new speak() are heard within it
    want.callback = &SdlAudioSink::callback;
    want.userdata = this;
    // SDL converts our mono floats to the card's format and channels; the rate is the card's
    // own, so speech is resampled once, on the speaker's worker, not in the callback.
    device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, SDL_AUDIO_ALLOW_FREQUENCY_CHANGE | SDL_AUDIO_ALLOW_SAMPLES_CHANGE);
    if (device_ == 0) {
        problem_ = std::string("no audio device: ") + SDL_GetError();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        subsystem_ = false;
        return false;
    }
    rate_ = have.freq;
    period_ = have.samples;
    problem_.clear();
    SDL_PauseAudioDevice(device_, 0);
    return true;
}

void SdlAudioSink::stop() {
    if (device_) SDL_CloseAudioDevice(device_);  // waits for a callback that is running
    device_ = 0;
    if (subsystem_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
    subsystem_ = false;
}

void SdlAudioSink::callback(void* self, unsigned char* stream, int bytes) {
    auto& sink = *static_cast<SdlAudioSink*>(self);
    sink.pull_(reinterpret_cast<float*>(stream), bytes / static_cast<int>(sizeof(float)));
}

bool CaptureSink::start(Pull pull) {
    stop();
    if (!fail_.empty()) return false;
    pull_ = std::move(pull);
    running_ = true;
    thread_ = std::thread([this] {
        using clock = std::chrono::steady_clock;
        const auto period = std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(period_ / (rate_ * speed_)));
        std::vector<float> buffer(static_cast<size_t>(period_));
        auto next = clock::now();
        while (running_) {
            pull_(buffer.data(), period_);
            {
                std::lock_guard lock(mutex_);
                samples_.insert(samples_.end(), buffer.begin(), buffer.end());
            }
            next += period;
            std::this_thread::sleep_until(next);
        }
    });
    return true;
}

void CaptureSink::stop() {
    running_ = false;
    if (thread_.joinable()) thread_.join();
}

std::vector<float> CaptureSink::captured() const {
    std::lock_guard lock(mutex_);
    return samples_;
}

size_t CaptureSink::captured_frames() const {
    std::lock_guard lock(mutex_);
    return samples_.size();
}

void CaptureSink::clear() {
    std::lock_guard lock(mutex_);
    samples_.clear();
}

}  // namespace anteroom::platform
