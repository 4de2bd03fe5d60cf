#include "ui/font_atlases.hpp"

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#include <imgui_internal.h>

#include <cstdlib>

namespace {

// ImGui is Debian's prebuilt library, which the sanitizers cannot see into. Each allocation it
// makes counts itself into the current context (ImGui::MemAlloc: ++GImGui->IO.
// MetricsActiveAllocations), a process global; our allocator makes the same access where they
// see it, so an ImGui allocation off the UI thread (a race) or into a destroyed context (a use
// after free) is reported. Sanitizer builds only.
void touch_allocation_count() {
    if (ImGuiContext* context = ImGui::GetCurrentContext()) {
        volatile int& count = context->IO.MetricsActiveAllocations;
        count = count;
    }
}
void* checked_alloc(size_t size, void*) {
    touch_allocation_count();
    return std::malloc(size);
}
void checked_free(void* p, void*) {
    if (p) touch_allocation_count();
    std::free(p);
}
const bool checked_allocator = (ImGui::SetAllocatorFunctions(checked_alloc, checked_free), true);

}  // namespace
#endif

namespace anteroom::ui {

FontAtlases::FontAtlases() : worker_([this] { work(); }) {}

FontAtlases::~FontAtlases() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

bool FontAtlases::known(const std::string& key) { return ready_.contains(key) || drawn_.contains(key); }

bool FontAtlases::has(const std::string& key) {
    std::lock_guard lock(mutex_);
    return known(key);
}

FontAtlases::Atlas& FontAtlases::assemble(const std::string& key, const DrawnFonts& drawn) {
    auto atlas = std::make_unique<Atlas>();
    assemble_fonts(atlas->atlas, drawn, &atlas->fonts, &atlas->error);
    std::lock_guard lock(mutex_);
    drawn_.erase(key);  // drawn may be this entry: it is no longer read
    return *ready_.emplace(key, std::move(atlas)).first->second;
}

FontAtlases::Atlas& FontAtlases::get(const Job& job) {
    // Only this thread erases from drawn_, so an entry found stays while it is assembled.
    const DrawnFonts* drawn = nullptr;
    {
        std::lock_guard lock(mutex_);
        if (auto it = ready_.find(job.key); it != ready_.end()) return *it->second;
        if (auto it = drawn_.find(job.key); it != drawn_.end()) drawn = &it->second;
    }
    if (drawn) return assemble(job.key, *drawn);
    std::lock_guard drawing(draw_mutex_);
    {
        std::lock_guard lock(mutex_);  // drawn while we waited for the worker?
        if (auto it = drawn_.find(job.key); it != drawn_.end()) drawn = &it->second;
    }
    if (drawn) return assemble(job.key, *drawn);
    // Made ready before the worker may draw again, so it skips this one if it is queued.
    return assemble(job.key, draw_fonts(files_, job.em, job.locale, job.text));
}

int FontAtlases::assemble_drawn() {
    for (int made = 0;; ++made) {
        std::string key;
        const DrawnFonts* drawn = nullptr;  // only this thread erases from drawn_: it stays while assembled
        {
            std::lock_guard lock(mutex_);
            if (drawn_.empty()) return made;
            key = drawn_.begin()->first;
            drawn = &drawn_.begin()->second;
        }
        assemble(key, *drawn);
    }
}

bool FontAtlases::idle() {
    std::lock_guard lock(mutex_);
    return pending_ == 0;
}

void FontAtlases::prebuild(std::deque<Job> jobs) {
    {
        std::lock_guard lock(mutex_);
        pending_ += static_cast<int>(jobs.size());
        for (Job& job : jobs) queue_.push_back(std::move(job));
    }
    wake_.notify_all();
}

void FontAtlases::work() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
            if (stop_) return;
            job = std::move(queue_.front());
            queue_.pop_front();
        }
        {
            std::lock_guard drawing(draw_mutex_);
            bool wanted = false;
            {
                std::lock_guard lock(mutex_);
                wanted = !known(job.key);
            }
            // Plain memory only: ImGui is not called on this thread.
            if (wanted) {
                DrawnFonts drawn = draw_fonts(files_, job.em, job.locale, job.text);
                std::lock_guard lock(mutex_);
                drawn_.emplace(job.key, std::move(drawn));
            }
        }
        std::lock_guard lock(mutex_);
        --pending_;
    }
}

}  // namespace anteroom::ui
