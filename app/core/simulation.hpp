#pragma once
// Scripted patients: random but plausible journeys through the real Kiosk model, for trying
// the reports (`anteroom simulate`), for tests and for the benchmark. Each patient chooses a
// language, reads one or two modules, answers consent questions right or wrong (some
// questions are harder than others), and now and then goes back home, stops, or walks away.
#include <functional>
#include <random>
#include <vector>

#include "core/kiosk.hpp"

namespace anteroom {

struct SimulationOptions {
    int patients = 100;
    unsigned seed = 1;
};

// Runs the patients one after another on `kiosk` (which must start on the attract screen),
// handing over each patient's events when they are done. `now` is the Kiosk's clock; it moves
// on as patients read and wait.
void simulate_patients(Kiosk& kiosk, const SimulationOptions& options, double& now,
                       const std::function<void(int patient, const std::vector<Event>& events)>& done);

}  // namespace anteroom
