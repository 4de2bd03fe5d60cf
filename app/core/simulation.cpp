#include "core/simulation.hpp"

#include <functional>
#include <string>

namespace anteroom {

namespace {

// Languages chosen as a clinic in a mixed city might see them; any other offered language is rare.
double language_weight(const std::string& locale) {
    if (locale == "en") return 50;
    if (locale == "es") return 22;
    if (locale == "zh-Hans" || locale == "vi") return 8;
    if (locale == "ko" || locale == "ar") return 6;
    return 0.5;
}

class Patient {
public:
    Patient(Kiosk& kiosk, std::mt19937& random, double& now) : k_(kiosk), random_(random), now_(now) {}

    void visit() {
        act({Intent::Begin});
        std::vector<double> weights;
        for (const std::string& l : k_.locales()) weights.push_back(language_weight(l));
        std::discrete_distribution<size_t> language(weights.begin(), weights.end());
        act({Intent::ChooseLanguage, -1, k_.locales()[language(random_)]});
        const int modules = static_cast<int>(k_.shown().modules.size());
        for (int read = 0; read < 2 && k_.session().place == Place::Home; ++read) {
            if (read > 0 && !chance(0.35)) break;
            act({Intent::OpenModule, std::uniform_int_distribution<int>(0, modules - 1)(random_)});
            read_module();
            if (k_.session().place == Place::End) act({Intent::Home});
        }
        if (k_.session().place == Place::Attract) return;  // timed out already
        if (chance(0.6)) act({Intent::Restart});
        else walk_away();
    }

private:
    bool chance(double p) { return std::bernoulli_distribution(p)(random_); }
    void act(const Intent& intent) { k_.apply(intent, now_); }
    void read_for(double low_s, double high_s) { now_ += std::uniform_real_distribution<double>(low_s, high_s)(random_); }
    void walk_away() {
        now_ += k_.config().idle_reset_s + 1;
        k_.tick(now_);
    }

    // How likely a first answer is right: some questions are harder (the same for every patient).
    double right_first_time(const std::string& question) {
        return 0.55 + 0.4 * static_cast<double>(std::hash<std::string>{}(question) % 100) / 100.0;
    }

    void read_module() {
        while (k_.session().place == Place::Module) {
            const ShownScreen& screen = *k_.current_screen();
            const bool consent = screen.kind->consent;
            if (chance(0.008)) return act({chance(0.5) ? Intent::Home : Intent::Back});
            if (consent && chance(0.003)) return act({Intent::StopModule});
            if (chance(0.003)) return walk_away();
            read_for(5, 40);
            switch (k_.blocked()) {
            case Kiosk::Blocked::ReadToEnd: act({Intent::PageRead}); break;
            case Kiosk::Blocked::Confirm:
                for (size_t i = 0; i < screen.items.size(); ++i) act({Intent::Confirm, static_cast<int>(i)});
                break;
            case Kiosk::Blocked::Answer: answer(screen, chance(right_first_time(screen.id))); break;
            case Kiosk::Blocked::AnswerAgain:
                if (chance(0.3)) act({Intent::ReadAgain});
                else act({Intent::TryAgain});
                break;
            case Kiosk::Blocked::No:
                if (consent && chance(0.05)) act({Intent::AddQuestion});
                act({Intent::Next});
                break;
            }
        }
    }

    void answer(const ShownScreen& quiz, bool right) {
        std::vector<int> options;
        for (size_t i = 0; i < quiz.items.size(); ++i)
            if (quiz.items[i].flag == right) options.push_back(static_cast<int>(i));
        if (options.empty()) return act({Intent::Answer, 0});
        act({Intent::Answer, options[std::uniform_int_distribution<size_t>(0, options.size() - 1)(random_)]});
    }

    Kiosk& k_;
    std::mt19937& random_;
    double& now_;
};

}  // namespace

void simulate_patients(Kiosk& kiosk, const SimulationOptions& options, double& now,
                       const std::function<void(int patient, const std::vector<Event>& events)>& done) {
    std::mt19937 random(options.seed);
    for (int p = 0; p < options.patients; ++p) {
        now += 60;
        Patient(kiosk, random, now).visit();
        kiosk.tick(now);
        done(p, kiosk.take_events());
    }
}

}  // namespace anteroom
