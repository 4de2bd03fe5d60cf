#pragma once
// The one frame loop. Every way the kiosk runs — the SDL2 and GLFW windows, the proof, and
// the headless platform of the tests and the benchmark — makes its frames here, the same way:
// the inactivity rule, the fonts, the UI (which reads the Kiosk and says what the patient
// did), then what they did applied to the Kiosk and what happened handed on.
#include <functional>
#include <string>

#include "core/kiosk.hpp"
#include "core/speech.hpp"
#include "platform/platform.hpp"
#include "platform/speaker.hpp"
#include "ui/kiosk_ui.hpp"

namespace anteroom::platform {

class Runner {
public:
    // Needs the ImGui context the UI was made in to be current for every call.
    Runner(Platform& platform, Kiosk& kiosk, ui::KioskUi& ui) : platform_(platform), kiosk_(kiosk), ui_(ui) {}

    // Draws one frame now.
    void frame();
    // Runs until the platform quits (or keep_going, asked after each frame, says false),
    // drawing only when something changed: a few frames after each input, a frame a second
    // during the inactivity countdown, every frame while an animation runs.
    void run(const std::function<bool()>& keep_going = {});

    // Where the Kiosk's events go, in order, as each frame drains its outbox.
    void on_event(std::function<void(const Event&)> sink) { sink_ = std::move(sink); }
    // Where what keys moved focus to is told ("Next, button"), besides being spoken.
    void on_announce(std::function<void(const std::string&)> sink) { announce_sink_ = std::move(sink); }
    // Speech output (none: the kiosk is silent, as in the proof). The runner reads the page on
    // screen while the session says so, says where keys move the focus, and hands the UI the
    // word being heard.
    void set_speaker(Speaker* speaker) { speaker_ = speaker; }

    int frames() const { return frames_; }
    // The last font problem (a missing or damaged font file), or empty.
    const std::string& font_error() const { return font_error_; }

private:
    void deliver(const std::vector<Event>& events);
    void follow_speech(double now, const std::string& announce);
    ui::SpeechView speech_view(const SpeechStatus& status) const;
    bool speech_moved() const;  // the word heard, or the end of the page, has changed since the last frame

    Platform& platform_;
    Kiosk& kiosk_;
    ui::KioskUi& ui_;
    std::function<void(const Event&)> sink_;
    std::function<void(const std::string&)> announce_sink_;
    Speaker* speaker_ = nullptr;
    std::string reading_;                // the key of the page being read aloud, empty when none
    std::vector<Utterance> utterances_;  // what is being read
    float volume_ = -1;
    ui::SpeechView view_;  // what the UI was last given
    int frames_ = 0;
    std::string font_error_;
};

}  // namespace anteroom::platform
