#include "ui/font_atlases.hpp"

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

bool FontAtlases::has(const std::string& key) {
    std::lock_guard lock(mutex_);
    return ready_.contains(key);
}

FontAtlases::Atlas& FontAtlases::build(const Job& job) {
    std::lock_guard building(build_mutex_);
    {
        std::lock_guard lock(mutex_);  // built while we waited for the worker?
        if (auto it = ready_.find(job.key); it != ready_.end()) return *it->second;
    }
    auto atlas = std::make_unique<Atlas>();
    // ImFontAtlas needs no ImGui context to build (only ImGui's allocator, which is malloc).
    build_fonts(atlas->atlas, files_, job.em, job.locale, job.text, &atlas->fonts, &atlas->error);
    std::lock_guard lock(mutex_);
    return *ready_.emplace(job.key, std::move(atlas)).first->second;
}

FontAtlases::Atlas& FontAtlases::get(const Job& job) {
    {
        std::lock_guard lock(mutex_);
        if (auto it = ready_.find(job.key); it != ready_.end()) return *it->second;
    }
    return build(job);
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
            if (ready_.contains(job.key)) {
                --pending_;
                continue;
            }
        }
        build(job);
        std::lock_guard lock(mutex_);
        --pending_;
    }
}

}  // namespace anteroom::ui
