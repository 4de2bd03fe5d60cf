#include "support/headless.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>
#include <thread>

namespace anteroom::testing {

std::string source_path(const std::string& relative) { return std::string(ANTEROOM_SOURCE_DIR) + "/" + relative; }

Loaded require_clean(Loaded loaded) {
    if (!loaded.ok()) throw std::runtime_error("content, config or translations have problems: " + loaded.problems.front().str());
    return loaded;
}

Loaded load_bundled(const std::string& config_text) {
    const std::string content = source_path("content"), locales = source_path("locales");
    if (config_text.empty()) return require_clean(load_all(source_path("content/anteroom.toml"), content, locales));
    return require_clean(load_all(parse_config(config_text, "test.toml"), "test.toml", content, locales));
}

Kiosk bundled_kiosk(double now, const std::string& config_text) {
    Loaded l = load_bundled(config_text);
    return Kiosk(std::move(l.content.content), l.config.config, true, now, std::move(l.translations.translations));
}

Headless::Headless(ImVec2 display, const std::string& config_text)
    : display_(display), platform_(display), kiosk_(std::make_unique<Kiosk>(bundled_kiosk(platform_.now(), config_text))),
      ui_(std::make_unique<ui::KioskUi>()) {
    make_runner();
    frame();
}

Headless::~Headless() {
    imgui_.make_current();  // the UI gives its fonts back to this context, not another test's
    runner_.reset();
    ui_.reset();
}

void Headless::make_runner() {
    runner_ = std::make_unique<platform::Runner>(platform_, *kiosk_, *ui_);
    runner_->on_event([this](const Event& e) { events_.push_back(e); });
    runner_->on_announce([this](const std::string& words) { announced_ = words; });
    if (speaker_) runner_->set_speaker(speaker_.get());
}

void Headless::frame() {
    imgui_.make_current();
    platform_.advance(platform::HeadlessPlatform::kFrameStep);
    runner_->frame();
}

void Headless::new_ui() {
    imgui_.make_current();
    runner_.reset();
    ui_ = std::make_unique<ui::KioskUi>();
    make_runner();
}

void Headless::frames(int count) {
    for (int i = 0; i < count; ++i) frame();
}

void Headless::wait(double seconds) {
    platform_.advance(seconds);
    frame();
}

void Headless::pointer(ImVec2 pos, bool down) {
    platform_.pointer(pos, down);
    frame();
}

platform::Speaker& Headless::speak_into(std::unique_ptr<platform::AudioSink> sink) {
    speaker_ = std::make_unique<platform::Speaker>(source_path("assets"), std::move(sink));
    runner_->set_speaker(speaker_.get());
    return *speaker_;
}

bool Headless::frames_until(const std::function<bool()>& done, double seconds) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < end) {
        frame();
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

void Headless::type(const std::string& utf8) {
    platform_.type(utf8);
    frame();
}

void Headless::press_key(ImGuiKey key, bool shift) {
    platform_.shift(shift);
    platform_.key(key, true);
    frame();
    platform_.key(key, false);
    platform_.shift(false);
    frame();
    frame();  // a new screen's height settles a frame after it is first drawn
}

std::string Headless::focused() const {
    const ui::Focus& f = ui_->focus();
    if (!f.shown) return {};
    for (const ui::FocusTarget& t : f.targets)
        if (t.id == f.id) return t.label;
    return {};
}

void Headless::tap_at(ImVec2 point) {
    pointer(point, true);
    pointer(point, false);
    pointer({-FLT_MAX, -FLT_MAX}, false);  // the finger has gone
    frame();
}

bool Headless::scroll_into_view(const std::string& label) {
    for (int attempt = 0; attempt < 40; ++attempt) {
        const ui::ProbeItem* item = probe().find_any(label);
        if (!item) return false;
        const float needed = std::min(item->rect.GetHeight(), 60.f);
        if (item->visible.GetHeight() >= needed && item->visible.GetWidth() > 0) return true;
        // Drag the page in the middle of the screen, a step at a time, towards the item.
        const float middle = display_.y / 2;
        const float distance = std::clamp(middle - item->rect.GetCenter().y, -display_.y / 4, display_.y / 4);
        if (std::fabs(distance) < 1) return false;
        slow_drag({display_.x / 2, middle}, {display_.x / 2, middle + distance});
    }
    return false;
}

bool Headless::tap(const std::string& label) {
    if (!scroll_into_view(label)) return false;
    const ui::ProbeItem* item = probe().find(label);
    if (!item) return false;
    tap_at(item->visible.GetCenter());
    return true;
}

void Headless::drag(ImVec2 from, ImVec2 to, int steps) {
    pointer(from, true);
    for (int i = 1; i <= steps; ++i) {
        const float t = static_cast<float>(i) / steps;
        pointer({from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t}, true);
    }
    pointer(to, false);
    pointer({-FLT_MAX, -FLT_MAX}, false);
}

void Headless::slow_drag(ImVec2 from, ImVec2 to) {
    pointer(from, true);
    for (int i = 1; i <= 20; ++i) {
        const float t = static_cast<float>(i) / 20;
        pointer({from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t}, true);
    }
    for (int i = 0; i < 15; ++i) pointer(to, true);
    pointer(to, false);
    pointer({-FLT_MAX, -FLT_MAX}, false);
    frames(5);
}

void Headless::press_at(ImVec2 point) { pointer(point, true); }

void Headless::move_to(ImVec2 point) { pointer(point, true); }

void Headless::release() {
    pointer(platform_.pointer_pos(), false);
    pointer({-FLT_MAX, -FLT_MAX}, false);  // the finger has gone
    frame();
}

}  // namespace anteroom::testing
