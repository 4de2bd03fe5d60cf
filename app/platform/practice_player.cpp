#include "platform/practice_player.hpp"

#define STB_VORBIS_HEADER_ONLY  // the decoder itself is Debian's libstb
#include <stb_vorbis.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <numbers>

namespace anteroom::platform {

namespace {

float clamp01(float v, float fallback) { return std::isfinite(v) ? std::clamp(v, 0.f, 1.f) : fallback; }

constexpr int kChunk = 1024;            // source frames decoded at a time
constexpr double kAhead_s = 0.5;        // what the decoder keeps decoded ahead of the output
constexpr double kVolumeRamp_s = 0.02;  // a change of volume takes this long from 0 to 1

// The background: a low drone of two detuned sines (their beat, 0.6 Hz, and a slower swell
// move it gently), scaled so its RMS is 1 before the level.
constexpr double kDroneA = 196.0, kDroneB = 196.6, kDroneSwell = 0.07;
constexpr double kDroneMixB = 0.6, kSwellDepth = 0.15;
const double kDroneNorm = 1.0 / (std::sqrt(0.5 + 0.5 * kDroneMixB * kDroneMixB) *
                                 std::sqrt((1 - kSwellDepth) * (1 - kSwellDepth) + 0.5 * kSwellDepth * kSwellDepth));

}  // namespace

PracticePlayer::PracticePlayer(AudioSink& sink) : sink_(sink) {}

PracticePlayer::~PracticePlayer() { close(); }

void PracticePlayer::close() {
    if (sink_started_) sink_.stop();  // no pull runs after this
    sink_started_ = false;
    ready_.store(false);
    {
        std::lock_guard lock(decoder_m_);
        decoder_quit_ = true;
    }
    decoder_cv_.notify_one();
    if (decoder_.joinable()) decoder_.join();
    decoder_quit_ = false;
    if (vorbis_) stb_vorbis_close(vorbis_);
    vorbis_ = nullptr;
    narration_ = false;
    opened_ = false;
    duration_ = 0;
    state_.store(Idle);
    written_.store(0);
    read_.store(0);
    decoded_all_.store(false);
    volume_now_ = volume_.load();
    heard_last_ = false;
    background_gain_ = background_target_ = background_step_ = 0;
    phase_a_ = phase_b_ = phase_lfo_ = 0;
    std::lock_guard lock(m_);
    silent_accumulated_ = 0;
    silent_since_ns_ = 0;
    silent_end_ns_.store(0);
    problem_.clear();
}

bool PracticePlayer::start_sink() {
    sink_started_ = sink_.start([this](float* out, int frames) { pull(out, frames); });
    rate_ = sink_started_ ? sink_.rate() : 0;
    return sink_started_ && rate_ > 0;
}

bool PracticePlayer::open(const std::string& ogg_path) {
    close();
    path_ = ogg_path;
    auto fail = [&](const std::string& why) {
        if (vorbis_) stb_vorbis_close(vorbis_);
        vorbis_ = nullptr;
        std::lock_guard lock(m_);
        problem_ = why;
        return false;
    };
    int error = 0;
    vorbis_ = stb_vorbis_open_filename(ogg_path.c_str(), &error, nullptr);
    if (!vorbis_) {
        std::error_code ec;
        if (!std::filesystem::exists(ogg_path, ec)) return fail("the practice's recording " + ogg_path + " is missing");
        return fail("the practice's recording " + ogg_path + " is damaged or not OGG Vorbis (stb_vorbis error " + std::to_string(error) + ")");
    }
    const stb_vorbis_info info = stb_vorbis_get_info(vorbis_);
    if (info.channels < 1 || info.sample_rate == 0) return fail("the practice's recording " + ogg_path + " has no audio in it");
    // A file cut short or damaged before its last page has no length: it would stop part way.
    const unsigned length = stb_vorbis_stream_length_in_samples(vorbis_);
    if (length == 0) return fail("the practice's recording " + ogg_path + " is damaged or cut short (no last page)");
    if (!start_sink()) {
        const std::string why = sink_.problem().empty() ? "no sound output" : sink_.problem();
        close();
        return fail(why + ": the practice's recording " + ogg_path + " cannot be heard");
    }
    const double step = static_cast<double>(info.sample_rate) / rate_;
    const auto chunk_out = static_cast<std::uint64_t>(std::ceil(kChunk / step)) + 2;
    ahead_frames_ = static_cast<std::uint64_t>(rate_ * kAhead_s);
    ring_size_ = ahead_frames_ + chunk_out;  // the decoder tops up below ahead_frames_, a chunk at a time
    ring_.assign(ring_size_, 0.f);
    narration_ = true;
    opened_ = true;
    duration_ = static_cast<double>(length) / info.sample_rate;
    ready_.store(true, std::memory_order_release);
    decoder_ = std::thread([this] { decode(); });
    return true;
}

void PracticePlayer::open_silent(double duration_s) {
    close();
    path_.clear();
    start_sink();  // for the background only: without a sound output the clock runs all the same
    narration_ = false;
    opened_ = true;
    duration_ = std::isfinite(duration_s) ? std::max(duration_s, 0.0) : 0.0;
    if (sink_started_) ready_.store(true, std::memory_order_release);
}

// ---- decoder thread

void PracticePlayer::decode() {
    const stb_vorbis_info info = stb_vorbis_get_info(vorbis_);
    const int channels = info.channels;
    const std::uint64_t length = stb_vorbis_stream_length_in_samples(vorbis_);
    const double step = static_cast<double>(info.sample_rate) / rate_;
    std::vector<float> in(static_cast<size_t>(kChunk * channels)), out;
    out.reserve(ring_size_);
    std::uint64_t decoded = 0;  // source frames
    bool primed = false, damaged = false, end = false;
    float prev = 0;   // the last source sample
    double frac = 0;  // where the next output falls after `prev`, in source frames

    while (!end) {
        {
            std::unique_lock lock(decoder_m_);
            // No wake-up from the callback (it takes no lock): the output is at most 5 ms of
            // real time further on when the decoder looks again.
            const bool room = decoder_cv_.wait_for(lock, std::chrono::milliseconds(5), [&] {
                return decoder_quit_ || written_.load(std::memory_order_relaxed) - read_.load(std::memory_order_acquire) < ahead_frames_;
            });
            if (decoder_quit_) return;
            if (!room) continue;
        }
        int n = 0;
        if (!damaged) {
            n = stb_vorbis_get_samples_float_interleaved(vorbis_, channels, in.data(), static_cast<int>(in.size()));
            if (n <= 0 && decoded < length) {
                // stb_vorbis stops where damage is; the rest is silence, so the captions keep time.
                damaged = true;
                std::lock_guard lock(m_);
                problem_ = "the practice's recording " + path_ + " is damaged part way through: silence from " +
                           std::to_string(static_cast<int>(static_cast<double>(decoded) / info.sample_rate)) + " s";
            }
        }
        if (damaged) {
            n = static_cast<int>(std::min<std::uint64_t>(kChunk, length - std::min(decoded, length)));
            std::fill(in.begin(), in.end(), 0.f);
        }
        out.clear();
        for (int i = 0; i < n; ++i) {
            float s = 0;
            for (int c = 0; c < channels; ++c) s += in[static_cast<size_t>(i * channels + c)];
            s /= static_cast<float>(channels);
            if (!primed) {
                prev = s;
                primed = true;
                continue;
            }
            for (; frac < 1; frac += step) out.push_back(static_cast<float>(prev + (s - prev) * frac));
            frac -= 1;
            prev = s;
        }
        decoded += static_cast<std::uint64_t>(std::max(n, 0));
        if (n <= 0) {
            end = true;
            if (primed)
                for (; frac < 1; frac += step) out.push_back(prev);  // outputs between the last sample and the end
        }
        const std::uint64_t w = written_.load(std::memory_order_relaxed);
        for (size_t i = 0; i < out.size(); ++i) ring_[(w + i) % ring_size_] = out[i];
        written_.store(w + out.size(), std::memory_order_release);
    }
    decoded_all_.store(true, std::memory_order_release);
}

// ---- the sink's thread

void PracticePlayer::pull(float* out, int frames) {
    std::fill(out, out + frames, 0.f);
    if (!ready_.load(std::memory_order_acquire)) return;
    int state = state_.load(std::memory_order_acquire);
    const float volume = volume_.load(std::memory_order_relaxed);
    if (state == Playing && narration_) {
        // All decoded first: then `written` is the last there will be.
        const bool all = decoded_all_.load(std::memory_order_acquire);
        const std::uint64_t r = read_.load(std::memory_order_relaxed);
        const std::uint64_t w = written_.load(std::memory_order_acquire);
        const int n = static_cast<int>(std::min<std::uint64_t>(static_cast<std::uint64_t>(frames), w - r));
        const float ramp = 1.f / static_cast<float>(kVolumeRamp_s * rate_);
        if (!heard_last_) volume_now_ = volume;  // after silence a new volume applies at once
        heard_last_ = n > 0;
        for (int i = 0; i < n; ++i) {
            volume_now_ += std::clamp(volume - volume_now_, -ramp, ramp);
            out[i] = std::clamp(ring_[(r + static_cast<std::uint64_t>(i)) % ring_size_] * volume_now_, -1.f, 1.f);
        }
        read_.store(r + static_cast<std::uint64_t>(n), std::memory_order_release);
        if (all && r + static_cast<std::uint64_t>(n) == w && state_.compare_exchange_strong(state, Finished)) state = Finished;
    } else {
        heard_last_ = false;
        if (state == Playing && !narration_ && monotonic_ns() >= silent_end_ns_.load(std::memory_order_relaxed) &&
            state_.compare_exchange_strong(state, Finished))
            state = Finished;
    }

    const float level = background_level_.load(std::memory_order_relaxed);
    const float target = background_on_.load(std::memory_order_relaxed) && state == Playing ? level : 0.f;
    if (target != background_target_) {  // a fade starts: a straight line to the target in 0.3 s
        background_target_ = target;
        background_step_ = std::max(std::abs(target - background_gain_), 1e-5f) / static_cast<float>(kBackgroundFade_s * rate_);
    }
    if (background_gain_ == 0 && target == 0) return;
    const float step = background_step_;
    const double da = kDroneA / rate_, db = kDroneB / rate_, dl = kDroneSwell / rate_;
    constexpr double two_pi = 2 * std::numbers::pi;
    for (int i = 0; i < frames; ++i) {
        background_gain_ += std::clamp(target - background_gain_, -step, step);
        const double drone = (std::sin(two_pi * phase_a_) + kDroneMixB * std::sin(two_pi * phase_b_)) *
                             ((1 - kSwellDepth) + kSwellDepth * std::sin(two_pi * phase_lfo_)) * kDroneNorm;
        out[i] = std::clamp(out[i] + static_cast<float>(background_gain_ * drone), -1.f, 1.f);
        phase_a_ += da;
        phase_b_ += db;
        phase_lfo_ += dl;
        phase_a_ -= std::floor(phase_a_);
        phase_b_ -= std::floor(phase_b_);
        phase_lfo_ -= std::floor(phase_lfo_);
    }
}

// ---- UI thread

void PracticePlayer::play() {
    std::lock_guard lock(m_);
    if (!opened_ || state_.load() != Idle) return;
    if (!narration_) {
        const std::int64_t now = monotonic_ns();
        silent_since_ns_ = now;
        silent_end_ns_.store(now + static_cast<std::int64_t>(duration_ * 1e9), std::memory_order_relaxed);
    }
    state_.store(Playing, std::memory_order_release);
}

void PracticePlayer::pause() {
    std::lock_guard lock(m_);
    const std::int64_t now = monotonic_ns();
    int expected = Playing;
    if (!state_.compare_exchange_strong(expected, Paused)) return;
    if (!narration_) silent_accumulated_ = std::min(duration_, silent_accumulated_ + (now - silent_since_ns_) / 1e9);
}

void PracticePlayer::resume() {
    std::lock_guard lock(m_);
    if (state_.load() != Paused) return;
    if (!narration_) {
        const std::int64_t now = monotonic_ns();
        silent_since_ns_ = now;
        silent_end_ns_.store(now + static_cast<std::int64_t>((duration_ - silent_accumulated_) * 1e9), std::memory_order_relaxed);
    }
    state_.store(Playing, std::memory_order_release);
}

void PracticePlayer::stop() {
    std::lock_guard lock(m_);
    const int s = state_.load();
    if (s == Finished) return;
    if (s == Playing && !narration_) silent_accumulated_ = std::min(duration_, silent_accumulated_ + (monotonic_ns() - silent_since_ns_) / 1e9);
    state_.store(Stopped, std::memory_order_release);
    // The decoder is left to stop at the next open or the destructor: it only waits.
}

void PracticePlayer::set_volume(float zero_to_one) { volume_.store(clamp01(zero_to_one, 1.f), std::memory_order_relaxed); }
void PracticePlayer::set_background(bool on) { background_on_.store(on, std::memory_order_relaxed); }
void PracticePlayer::set_background_level(float zero_to_one) {
    background_level_.store(clamp01(zero_to_one, kBackgroundLevel), std::memory_order_relaxed);
}

double PracticePlayer::silent_position(std::int64_t now_ns) const {
    const int s = state_.load();
    if (s == Finished) return duration_;
    if (s == Playing) return std::min(duration_, silent_accumulated_ + (now_ns - silent_since_ns_) / 1e9);
    return silent_accumulated_;
}

double PracticePlayer::position_s() const {
    if (narration_) return rate_ > 0 ? static_cast<double>(read_.load(std::memory_order_acquire)) / rate_ : 0.0;
    std::lock_guard lock(m_);
    return silent_position(monotonic_ns());
}

double PracticePlayer::duration_s() const { return duration_; }

bool PracticePlayer::finished() const {
    const int s = state_.load();
    if (s == Finished) return true;
    if (narration_ || s != Playing) return false;
    std::lock_guard lock(m_);  // the silent clock without a sound output: nobody else marks the end
    return silent_position(monotonic_ns()) >= duration_;
}

bool PracticePlayer::playing() const { return state_.load() == Playing && !finished(); }

std::string PracticePlayer::problem() const {
    std::lock_guard lock(m_);
    return problem_;
}

double PracticePlayer::decoded_ahead_s() const {
    if (rate_ <= 0) return 0;
    const std::uint64_t r = read_.load(std::memory_order_acquire);  // first: it never passes `written`
    return static_cast<double>(written_.load(std::memory_order_acquire) - r) / rate_;
}

}  // namespace anteroom::platform
