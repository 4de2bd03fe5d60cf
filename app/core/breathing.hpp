#pragma once
// The breathing pacer's schedule: which phase of which breath is under way at a time the caller
// gives (seconds since the practice started), and how big the shape drawn for it is. It keeps
// no clock of its own, so tests and the UI drive it with whatever clock they have.
#include <array>
#include <string_view>
#include <utility>
#include <vector>

namespace anteroom {

enum class BreathPhase { In, HoldIn, Out, HoldOut };

struct BreathPreset {
    std::string_view id;
    std::vector<std::pair<BreathPhase, double>> phases;  // one breath cycle, in order: phase and seconds

    double cycle_s() const;  // the seconds of one breath cycle
};

// "box" (in 4, hold 4, out 4, hold 4), "4-7-8" (in 4, hold 7, out 8) and "slow" (in 5, out 5).
const std::vector<BreathPreset>& breath_presets();
const BreathPreset* find_breath_preset(std::string_view id);  // nullptr for an id not on the list

// The practice lengths offered, in seconds.
inline constexpr std::array<int, 3> kPracticeLengthsS = {60, 180, 300};

// A practice is a whole number of breath cycles, the nearest to the length chosen (at least one):
// stopping mid-breath feels abrupt, so 4-7-8 at 60 s is 3 cycles, 57 s.
int practice_cycles(const BreathPreset& preset, double length_s);
double practice_duration_s(const BreathPreset& preset, int cycles);

struct PacerState {
    BreathPhase phase = BreathPhase::In;
    int cycle = 0;             // the breath under way, from 0; once done, the number of cycles
    double phase_start = 0;    // seconds since the practice started
    double phase_end = 0;
    double phase_progress = 0; // 0..1 through this phase
    double size = 0;           // the shape: 0 small .. 1 full, eased
    double progress = 0;       // 0..1 through the whole practice
    bool done = false;
};

// The state t_seconds after the start of a practice of `cycles` cycles (at least one). A time
// before the start counts as the start; at or after the end the practice is done: size 0,
// progress 1, and the last phase shown as ended.
PacerState pacer_at(const BreathPreset& preset, int cycles, double t_seconds);

// The time of the first phase change after t (the end of the practice for the last phase, and
// the end itself once t is there), so the UI can ask for a frame exactly then.
double next_phase_change(const BreathPreset& preset, int cycles, double t_seconds);

// Seconds between frames while a practice runs. With reduced motion the shape does not move, so
// only the progress bar and the phase text change: twice a second still moves a bar smoothly
// enough, and phase changes get their own frame through next_phase_change().
double frame_interval_s(bool reduced_motion);

// The interface text key of a phase's words ("meditation.breathe_in"); the words are in content/.
const char* phase_text_key(BreathPhase phase);

}  // namespace anteroom
