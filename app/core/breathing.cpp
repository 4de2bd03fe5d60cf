#include "core/breathing.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace anteroom {

double BreathPreset::cycle_s() const {
    double total = 0;
    for (const auto& [phase, seconds] : phases) total += seconds;
    return total;
}

const std::vector<BreathPreset>& breath_presets() {
    using enum BreathPhase;
    static const std::vector<BreathPreset> presets = {
        {"box", {{In, 4}, {HoldIn, 4}, {Out, 4}, {HoldOut, 4}}},
        {"4-7-8", {{In, 4}, {HoldIn, 7}, {Out, 8}}},
        {"slow", {{In, 5}, {Out, 5}}},  // six breaths a minute
    };
    return presets;
}

const BreathPreset* find_breath_preset(std::string_view id) {
    for (const BreathPreset& preset : breath_presets())
        if (preset.id == id) return &preset;
    return nullptr;
}

int practice_cycles(const BreathPreset& preset, double length_s) {
    const double cycle = preset.cycle_s();
    if (!(cycle > 0) || !(length_s > 0)) return 1;
    return static_cast<int>(std::max(1.0, std::round(std::min(length_s / cycle, 1e6))));
}

double practice_duration_s(const BreathPreset& preset, int cycles) { return std::max(1, cycles) * preset.cycle_s(); }

namespace {
// Slow at both ends, so the shape starts and stops growing gently rather than with a jerk.
double ease(double x) { return 0.5 - 0.5 * std::cos(std::numbers::pi * x); }

double size_in(BreathPhase phase, double phase_progress) {
    switch (phase) {
    case BreathPhase::In: return ease(phase_progress);
    case BreathPhase::HoldIn: return 1;
    case BreathPhase::Out: return 1 - ease(phase_progress);
    case BreathPhase::HoldOut: return 0;
    }
    return 0;
}
}  // namespace

PacerState pacer_at(const BreathPreset& preset, int cycles, double t) {
    cycles = std::max(1, cycles);
    const double cycle = preset.cycle_s();
    const double duration = cycles * cycle;
    PacerState s;
    if (!(t > 0)) t = 0;  // before the start, or NaN
    if (preset.phases.empty() || !(cycle > 0) || t >= duration) {
        if (!preset.phases.empty()) s.phase = preset.phases.back().first;
        s.cycle = cycles;
        s.phase_start = s.phase_end = std::max(0.0, duration);
        s.phase_progress = 1;
        s.progress = 1;
        s.done = true;
        return s;
    }
    // The cycle under way; the checks keep start <= t < end where the division rounds.
    int c = std::clamp(static_cast<int>(t / cycle), 0, cycles - 1);
    if (c > 0 && t < c * cycle) --c;
    if (c + 1 < cycles && t >= (c + 1) * cycle) ++c;
    s.cycle = c;

    // Every boundary is worked out the same way (the cycle's start plus the phases before),
    // so pacer_at and next_phase_change agree on it exactly.
    const size_t last = preset.phases.size() - 1;
    size_t i = 0;
    double start = c * cycle;
    while (i < last && t >= start + preset.phases[i].second) start += preset.phases[i++].second;
    s.phase = preset.phases[i].first;
    s.phase_start = start;
    s.phase_end = i == last ? (c + 1) * cycle : start + preset.phases[i].second;
    const double length = s.phase_end - s.phase_start;
    s.phase_progress = length > 0 ? std::clamp((t - s.phase_start) / length, 0.0, 1.0) : 1.0;
    s.size = size_in(s.phase, s.phase_progress);
    s.progress = std::clamp(t / duration, 0.0, 1.0);
    return s;
}

double next_phase_change(const BreathPreset& preset, int cycles, double t) {
    return pacer_at(preset, cycles, t).phase_end;
}

double frame_interval_s(bool reduced_motion) { return reduced_motion ? 0.5 : 1.0 / 30; }

const char* phase_text_key(BreathPhase phase) {
    switch (phase) {
    case BreathPhase::In: return "meditation.breathe_in";
    case BreathPhase::HoldIn:
    case BreathPhase::HoldOut: return "meditation.hold";
    case BreathPhase::Out: return "meditation.breathe_out";
    }
    return "meditation.hold";
}

}  // namespace anteroom
