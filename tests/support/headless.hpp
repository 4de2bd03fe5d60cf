#pragma once
// The real kiosk UI in an ImGui context with no window: tests (and the benchmark) drive it
// with simulated touches, by the words on the buttons, and read the model's state.
#include <imgui.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/kiosk.hpp"
#include "core/loading.hpp"
#include "platform/headless.hpp"
#include "platform/runner.hpp"
#include "platform/speaker.hpp"
#include "ui/kiosk_ui.hpp"

namespace anteroom::testing {

std::string source_path(const std::string& relative);  // a path inside the source tree

// Throws, naming the first problem, unless everything loaded cleanly.
Loaded require_clean(Loaded loaded);
// The bundled content and translations, with content/anteroom.toml or this configuration
// text, loaded as the program loads them; throws on any problem.
Loaded load_bundled(const std::string& config_text = {});
Kiosk bundled_kiosk(double now, const std::string& config_text = {});

// The kiosk as the program runs it, through the same Runner, on the headless platform: one
// frame at a time, 1/60 s apart on a simulated clock, with one simulated finger.
class Headless {
public:
    explicit Headless(ImVec2 display = {1920, 1080}, const std::string& config_text = {});
    ~Headless();
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    Kiosk& kiosk() { return *kiosk_; }
    ui::KioskUi& ui() { return *ui_; }
    platform::Runner& runner() { return *runner_; }
    const ui::Probe& probe() const { return ui_->probe(); }
    // A fresh UI: new fonts and caches, as on a kiosk that has just started.
    void new_ui();
    // Speech output into this sink (a CaptureSink: real time, or faster), from now on.
    platform::Speaker& speak_into(std::unique_ptr<platform::AudioSink> sink);
    // Frames, with real time passing between them (speech plays in real time), until done()
    // or the time is up: false then.
    bool frames_until(const std::function<bool()>& done, double seconds = 10);
    const Session& session() const { return kiosk_->session(); }
    double now() const { return platform_.now(); }
    // Every event the kiosk recorded since the last call, in order.
    std::vector<Event> take_events() { return std::exchange(events_, {}); }

    void frame();            // one frame, 1/60 s after the last
    void frames(int count);
    void wait(double seconds);  // time passes with no touch, then a frame

    // A finger down on the labelled item, then up, after scrolling it into view as a person
    // would: false when no item has that label.
    bool tap(const std::string& label);
    bool scroll_into_view(const std::string& label);
    void tap_at(ImVec2 point);
    // A finger drag from one point to another over some frames, then lifted.
    void drag(ImVec2 from, ImVec2 to, int steps = 10);
    // The same, but the finger rests before lifting, so the page does not fling on.
    void slow_drag(ImVec2 from, ImVec2 to);

    // One finger a step at a time, for tests that look between press and release: down at
    // point (one frame), moved there still down (one frame), lifted where it is (then gone,
    // as in tap_at). Between them, frames() keeps the finger down where it is.
    void press_at(ImVec2 point);
    void move_to(ImVec2 point);
    void release();

    // A key pressed and let go (with Shift held when asked), as a keypad or keyboard sends it;
    // then a frame for what it did to show.
    void press_key(ImGuiKey key, bool shift = false);
    // Characters typed on a keyboard, then a frame.
    void type(const std::string& utf8);
    // The label of the item in focus, empty when none; what the last key said aloud.
    std::string focused() const;
    const std::string& announced() const { return announced_; }

    // An interface string of the current language, as the UI shows it.
    std::string text(const std::string& key) const { return kiosk_->shown().text(key); }

private:
    void pointer(ImVec2 pos, bool down);
    void make_runner();

    ImVec2 display_;
    ui::ImGuiContextScope imgui_;  // first: it outlives the UI drawn in it
    platform::HeadlessPlatform platform_;
    std::unique_ptr<Kiosk> kiosk_;
    std::unique_ptr<ui::KioskUi> ui_;
    std::unique_ptr<platform::Speaker> speaker_;
    std::unique_ptr<platform::Runner> runner_;
    std::vector<Event> events_;
    std::string announced_;
};

}  // namespace anteroom::testing
