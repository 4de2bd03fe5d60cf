#include "platform/runner.hpp"

#include <algorithm>
#include <cstdio>

namespace anteroom::platform {

void Runner::deliver(const std::vector<Event>& events) {
    for (const Event& e : events) {
        // A new patient must find nothing of the last one, not even in the UI's caches.
        if (e.kind == Event::SessionTimedOut || e.kind == Event::SessionRestarted) ui_.forget_session();
        if (sink_) sink_(e);
    }
}

void Runner::frame() {
    const double now = platform_.now();
    kiosk_.tick(now);
    deliver(kiosk_.take_events());
    if (ui_.prepare(kiosk_, platform_.size(), platform_.diagonal_in())) {
        platform_.reload_fonts();
        if (ui_.font_error() != font_error_ && !ui_.font_error().empty())
            std::fprintf(stderr, "anteroom: %s\n", ui_.font_error().c_str());
        font_error_ = ui_.font_error();
    }
    platform_.new_frame();
    ImGui::NewFrame();
    const ui::UiFrame done = ui_.frame(kiosk_, now);
    ImGui::Render();
    platform_.present();
    if (done.touched) kiosk_.touched(now);
    for (const Intent& intent : done.intents) kiosk_.apply(intent, now);
    if (!done.announce.empty() && announce_sink_) announce_sink_(done.announce);
    if (speaker_) follow_speech(now, done.announce);
    deliver(kiosk_.take_events());
    ++frames_;
}

void Runner::follow_speech(double now, const std::string& announce) {
    Speaker& speaker = *speaker_;
    const Session& session = kiosk_.session();
    const float volume = static_cast<float>(session.settings.speech_volume) / kMaxSpeechVolume;
    if (volume != volume_) speaker.set_volume(volume_ = volume);
    if (!announce.empty()) {
        // Keys moved the focus: say where. That ends a reading: the patient has moved on.
        if (session.speech != Speech::Off) kiosk_.apply({Intent::StopSpeech}, now);
        speaker.announce(kiosk_.shown().locale, announce);
        reading_.clear();
    }
    SpeechStatus status = speaker.status();
    if (session.speech == Speech::Off) {
        if (!reading_.empty()) speaker.stop();
        reading_.clear();
    } else if (!status.audio_available) {
        // Nothing can be heard: the screen says so; the inactivity reset must not wait for it.
        if (session.speech == Speech::Reading) kiosk_.apply({Intent::PauseSpeech}, now);
    } else {
        // Reading: the page on screen, again whenever it changes (a new screen, the warning).
        if (const std::string key = page_key(kiosk_, now); key != reading_) {
            const ReadingPage page = read_current(kiosk_, now);
            utterances_ = utterances(page);
            speaker.speak(key, page.locale, utterances_);
            reading_ = key;
            status = speaker.status();
        }
        if (session.speech == Speech::Paused && !status.paused) speaker.pause();
        if (session.speech == Speech::Reading && status.paused) speaker.resume();
        if (status.finished && status.page_key == reading_) {
            kiosk_.apply({Intent::SpeechEnded}, now);
            reading_.clear();
        }
    }
    view_ = speech_view(status);
    ui_.set_speech(view_);
}

ui::SpeechView Runner::speech_view(const SpeechStatus& status) const {
    ui::SpeechView view{status.audio_available, status.problem};
    if (!reading_.empty() && status.page_key == reading_ && status.utterance >= 0 && status.utterance < static_cast<int>(utterances_.size())) {
        view.line_text = utterances_[static_cast<size_t>(status.utterance)].text;
        view.word_begin = status.word_begin;
        view.word_end = status.word_end;
    }
    return view;
}

bool Runner::speech_moved() const {
    if (!speaker_ || reading_.empty()) return false;
    const SpeechStatus status = speaker_->status();
    const ui::SpeechView view = speech_view(status);
    return status.finished || view.line_text != view_.line_text || view.word_begin != view_.word_begin || view.word_end != view_.word_end;
}

void Runner::run(const std::function<bool()>& keep_going) {
    int frames_owed = 3;  // a few frames after every input let ImGui settle clicks and layout
    for (;;) {
        double now = platform_.now();
        double timeout = -1;  // nothing to do: sleep until an event
        if (frames_owed > 0 || ui_.wants_frame()) timeout = 0;
        else if (double wake = kiosk_.next_wakeup(now); wake != kNever) timeout = std::max(0.0, wake - now);
        constexpr double kWordStep = 1.0 / 30;  // while reading aloud: a look at the word heard, 30 times a second
        if (speaker_ && !reading_.empty()) timeout = timeout < 0 ? kWordStep : std::min(timeout, kWordStep);

        const Wake wake = platform_.wait(timeout);
        if (wake == Wake::Quit) return;
        if (wake == Wake::Input || wake == Wake::Redraw) frames_owed = std::max(frames_owed, 3);
        now = platform_.now();
        if (frames_owed == 0 && !ui_.wants_frame() && now < kiosk_.next_wakeup(now) - 1e-3 && !speech_moved()) continue;

        frame();
        if (frames_owed > 0) --frames_owed;
        if (keep_going && !keep_going()) return;
    }
}

}  // namespace anteroom::platform
