// The breathing pacer's schedule, driven by a simulated 60 Hz clock: every phase change comes
// within one frame of when it should, in order, with the shape and the progress bar moving the
// right way. The expected schedule is worked out here from the presets' numbers, not by the
// code under test.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "core/breathing.hpp"

namespace anteroom {
namespace {

using enum BreathPhase;

constexpr double kFrame = 1.0 / 60;

// The presets as the design gives them.
struct ExpectedPreset {
    const char* id;
    std::vector<std::pair<BreathPhase, double>> phases;
    std::array<int, 3> cycles;  // at 60, 180 and 300 s
};
const std::vector<ExpectedPreset>& expected_presets() {
    static const std::vector<ExpectedPreset> presets = {
        {"box", {{In, 4}, {HoldIn, 4}, {Out, 4}, {HoldOut, 4}}, {4, 11, 19}},  // 16 s a cycle
        {"4-7-8", {{In, 4}, {HoldIn, 7}, {Out, 8}}, {3, 9, 16}},               // 19 s
        {"slow", {{In, 5}, {Out, 5}}, {6, 18, 30}},                             // 10 s
    };
    return presets;
}

// One phase of one cycle of the expected schedule.
struct Step {
    BreathPhase phase;
    int cycle;
    double start, end;
};

std::vector<Step> schedule(const ExpectedPreset& preset, int cycles) {
    std::vector<Step> steps;
    double t = 0;
    for (int c = 0; c < cycles; ++c)
        for (const auto& [phase, seconds] : preset.phases) {
            steps.push_back({phase, c, t, t + seconds});
            t += seconds;
        }
    return steps;
}

std::string name(BreathPhase phase) {
    switch (phase) {
    case In: return "In";
    case HoldIn: return "HoldIn";
    case Out: return "Out";
    case HoldOut: return "HoldOut";
    }
    return "?";
}

TEST(PacerPresets, AreTheThreeOfTheDesign) {
    ASSERT_EQ(breath_presets().size(), expected_presets().size());
    for (const ExpectedPreset& expected : expected_presets()) {
        const BreathPreset* preset = find_breath_preset(expected.id);
        ASSERT_NE(preset, nullptr) << expected.id;
        EXPECT_EQ(preset->id, expected.id);
        EXPECT_EQ(preset->phases, expected.phases) << expected.id;
    }
}

TEST(PacerPresets, AnUnknownIdIsNone) {
    EXPECT_EQ(find_breath_preset(""), nullptr);
    EXPECT_EQ(find_breath_preset("Box"), nullptr);
    EXPECT_EQ(find_breath_preset("478"), nullptr);
    EXPECT_EQ(find_breath_preset("box "), nullptr);
}

TEST(PacerLength, IsAWholeNumberOfCycles) {
    EXPECT_EQ((std::vector<int>(kPracticeLengthsS.begin(), kPracticeLengthsS.end())), (std::vector<int>{60, 180, 300}));
    for (const ExpectedPreset& expected : expected_presets()) {
        const BreathPreset& preset = *find_breath_preset(expected.id);
        for (size_t i = 0; i < kPracticeLengthsS.size(); ++i) {
            EXPECT_EQ(practice_cycles(preset, kPracticeLengthsS[i]), expected.cycles[i]) << expected.id;
        }
    }
    const BreathPreset& four_seven_eight = *find_breath_preset("4-7-8");
    EXPECT_EQ(practice_cycles(four_seven_eight, 60), 3);
    EXPECT_DOUBLE_EQ(practice_duration_s(four_seven_eight, 3), 57);
    EXPECT_DOUBLE_EQ(practice_duration_s(*find_breath_preset("slow"), 6), 60);
    // However short the length, there is one whole breath.
    EXPECT_EQ(practice_cycles(four_seven_eight, 1), 1);
    EXPECT_EQ(practice_cycles(four_seven_eight, 0), 1);
    EXPECT_EQ(practice_cycles(four_seven_eight, -5), 1);
}

TEST(PacerState, AtTheStartAndAfterTheEnd) {
    const BreathPreset& box = *find_breath_preset("box");
    const PacerState start = pacer_at(box, 4, 0);
    EXPECT_EQ(start.phase, In);
    EXPECT_EQ(start.cycle, 0);
    EXPECT_DOUBLE_EQ(start.phase_start, 0);
    EXPECT_DOUBLE_EQ(start.phase_end, 4);
    EXPECT_DOUBLE_EQ(start.size, 0);
    EXPECT_DOUBLE_EQ(start.progress, 0);
    EXPECT_FALSE(start.done);
    // Before the start counts as the start.
    EXPECT_EQ(pacer_at(box, 4, -3).phase, In);
    EXPECT_DOUBLE_EQ(pacer_at(box, 4, -3).progress, 0);
    for (double t : {64.0, 64.5, 1e9}) {
        const PacerState end = pacer_at(box, 4, t);
        EXPECT_TRUE(end.done) << t;
        EXPECT_EQ(end.cycle, 4);
        EXPECT_DOUBLE_EQ(end.size, 0);
        EXPECT_DOUBLE_EQ(end.progress, 1);
        EXPECT_DOUBLE_EQ(next_phase_change(box, 4, t), 64);
    }
    // Halfway through breathing in, the eased shape is half full.
    EXPECT_NEAR(pacer_at(box, 4, 2).size, 0.5, 1e-12);
    EXPECT_NEAR(pacer_at(box, 4, 10).size, 0.5, 1e-12);
}

TEST(PacerText, KeysForEachPhase) {
    EXPECT_STREQ(phase_text_key(In), "meditation.breathe_in");
    EXPECT_STREQ(phase_text_key(HoldIn), "meditation.hold");
    EXPECT_STREQ(phase_text_key(Out), "meditation.breathe_out");
    EXPECT_STREQ(phase_text_key(HoldOut), "meditation.hold");
}

TEST(PacerFrames, SlowerWithReducedMotion) {
    EXPECT_DOUBLE_EQ(frame_interval_s(false), 1.0 / 30);
    EXPECT_DOUBLE_EQ(frame_interval_s(true), 0.5);
}

// ---- Every preset at every length, on a 60 Hz clock

struct Practice {
    size_t preset;  // into expected_presets()
    size_t length;  // into kPracticeLengthsS
};

void PrintTo(const Practice& p, std::ostream* os) {
    *os << expected_presets()[p.preset].id << " at " << kPracticeLengthsS[p.length] << " s";
}

class PacerClock : public testing::TestWithParam<Practice> {};

TEST_P(PacerClock, FollowsTheSchedule) {
    const ExpectedPreset& expected = expected_presets()[GetParam().preset];
    const int length = kPracticeLengthsS[GetParam().length];
    const int cycles = expected.cycles[GetParam().length];
    const BreathPreset& preset = *find_breath_preset(expected.id);
    ASSERT_EQ(practice_cycles(preset, length), cycles);
    const std::vector<Step> steps = schedule(expected, cycles);
    const double duration = steps.back().end;
    ASSERT_DOUBLE_EQ(practice_duration_s(preset, cycles), duration);

    // The step under way at t, and the first boundary after t, from the expected schedule.
    auto step_at = [&](double t) -> const Step* {
        for (const Step& s : steps)
            if (s.start <= t && t < s.end) return &s;
        return nullptr;
    };
    auto boundary_after = [&](double t) {
        for (const Step& s : steps)
            if (s.end > t) return s.end;
        return duration;
    };

    std::vector<std::pair<BreathPhase, int>> seen;  // each (phase, cycle) in the order it began
    PacerState before{};
    bool done_seen = false;
    // At least a full minute, and a second past the end.
    const long frames = std::lround(std::max(60.0, duration + 1) * 60);
    for (long frame = 0; frame <= frames; ++frame) {
        const double t = frame / 60.0;  // from the frame count, so the clock does not drift
        const PacerState now = pacer_at(preset, cycles, t);
        const std::string at = "at " + std::to_string(t) + " s (frame " + std::to_string(frame) + ")";

        // Done exactly at the end.
        ASSERT_EQ(now.done, t >= duration) << at;
        if (now.done) {
            ASSERT_DOUBLE_EQ(now.size, 0) << at;
            ASSERT_DOUBLE_EQ(now.progress, 1) << at;
            ASSERT_EQ(now.cycle, cycles) << at;
            ASSERT_DOUBLE_EQ(next_phase_change(preset, cycles, t), duration) << at;
            if (!done_seen) {
                ASSERT_LT(t - duration, kFrame) << "done more than a frame late " << at;
                done_seen = true;
            }
            before = now;
            continue;
        }

        // The phase and cycle are the schedule's, with its start and end.
        const Step* step = step_at(t);
        ASSERT_NE(step, nullptr) << at;
        ASSERT_EQ(now.phase, step->phase) << at << ": " << name(now.phase) << " instead of " << name(step->phase);
        ASSERT_EQ(now.cycle, step->cycle) << at;
        ASSERT_NEAR(now.phase_start, step->start, 1e-9) << at;
        ASSERT_NEAR(now.phase_end, step->end, 1e-9) << at;
        ASSERT_GE(now.phase_progress, 0) << at;
        ASSERT_LE(now.phase_progress, 1) << at;

        // next_phase_change agrees with the clock: the next frame at or after it shows the next
        // phase, and every frame before it this one.
        const double next = next_phase_change(preset, cycles, t);
        ASSERT_NEAR(next, boundary_after(t), 1e-9) << at;
        ASSERT_GT(next, t) << at;
        const PacerState just_before = pacer_at(preset, cycles, next - 1e-6);
        ASSERT_EQ(just_before.phase, now.phase) << at;
        ASSERT_EQ(just_before.cycle, now.cycle) << at;
        const PacerState after = pacer_at(preset, cycles, next);
        ASSERT_TRUE(after.done || after.phase != now.phase || after.cycle != now.cycle) << at;

        const bool began = frame == 0 || before.done || now.phase != before.phase || now.cycle != before.cycle;
        if (began) {
            seen.emplace_back(now.phase, now.cycle);
            // Within one frame of the schedule: the boundary passed since the frame before.
            ASSERT_GE(t, step->start) << at;
            ASSERT_LT(t - step->start, kFrame) << name(now.phase) << " began more than a frame late " << at;
        } else {
            // The shape grows while breathing in, shrinks while breathing out, and holds still.
            switch (now.phase) {
            case In: ASSERT_GE(now.size, before.size) << at; break;
            case Out: ASSERT_LE(now.size, before.size) << at; break;
            case HoldIn: ASSERT_DOUBLE_EQ(now.size, 1) << at; break;
            case HoldOut: ASSERT_DOUBLE_EQ(now.size, 0) << at; break;
            }
        }
        ASSERT_GE(now.size, 0) << at;
        ASSERT_LE(now.size, 1) << at;
        if (frame == 0) {
            ASSERT_DOUBLE_EQ(now.progress, 0) << at;
        } else {
            ASSERT_GE(now.progress, before.progress) << at;
            ASSERT_LT(now.progress, 1) << at;
        }
        before = now;
    }
    ASSERT_TRUE(done_seen);

    // Every phase of every cycle began once, in the preset's order.
    ASSERT_EQ(seen.size(), steps.size());
    for (size_t i = 0; i < steps.size(); ++i) {
        EXPECT_EQ(seen[i].first, steps[i].phase) << "phase " << i;
        EXPECT_EQ(seen[i].second, steps[i].cycle) << "phase " << i;
    }
    EXPECT_EQ(seen.back().second + 1, cycles);
}

std::vector<Practice> every_practice() {
    std::vector<Practice> all;
    for (size_t p = 0; p < expected_presets().size(); ++p)
        for (size_t l = 0; l < kPracticeLengthsS.size(); ++l) all.push_back({p, l});
    return all;
}

std::string practice_name(const testing::TestParamInfo<Practice>& info) {
    std::string id = expected_presets()[info.param.preset].id;
    for (char& c : id)
        if (c == '-') c = '_';
    return "preset_" + id + "_" + std::to_string(kPracticeLengthsS[info.param.length]) + "s";
}

INSTANTIATE_TEST_SUITE_P(Pacer, PacerClock, testing::ValuesIn(every_practice()), practice_name);

}  // namespace
}  // namespace anteroom
