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
    deliver(kiosk_.take_events());
    ++frames_;
}

void Runner::run(const std::function<bool()>& keep_going) {
    int frames_owed = 3;  // a few frames after every input let ImGui settle clicks and layout
    for (;;) {
        double now = platform_.now();
        double timeout = -1;  // nothing to do: sleep until an event
        if (frames_owed > 0 || ui_.wants_frame()) timeout = 0;
        else if (double wake = kiosk_.next_wakeup(now); wake != kNever) timeout = std::max(0.0, wake - now);

        const Wake wake = platform_.wait(timeout);
        if (wake == Wake::Quit) return;
        if (wake == Wake::Input || wake == Wake::Redraw) frames_owed = std::max(frames_owed, 3);
        now = platform_.now();
        if (frames_owed == 0 && !ui_.wants_frame() && now < kiosk_.next_wakeup(now) - 1e-3) continue;

        frame();
        if (frames_owed > 0) --frames_owed;
        if (keep_going && !keep_going()) return;
    }
}

}  // namespace anteroom::platform
