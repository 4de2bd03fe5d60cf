#pragma once
// Every language's font atlas, built once and kept. After the first screen is up, a worker
// thread builds the rest, so a language switch swaps in a ready atlas instead of making the
// patient wait for 1,500 CJK glyphs to be rasterised.
#include <imgui.h>

#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "ui/fonts.hpp"

namespace anteroom::ui {

class FontAtlases {
public:
    struct Atlas {
        ImFontAtlas atlas;
        FontSet fonts;
        std::string error;  // a font file that could not be read; the atlas then has ImGui's own font
    };
    struct Job {
        std::string key;  // language, size, and which text
        float em = 0;
        std::string locale;
        FontText text;
    };

    FontAtlases();
    ~FontAtlases();
    FontAtlases(const FontAtlases&) = delete;
    FontAtlases& operator=(const FontAtlases&) = delete;

    // The atlas for the job's key: ready already, or built now (or awaited, if the worker has it in hand).
    Atlas& get(const Job& job);
    // Builds these on the worker thread, in order, skipping any already built.
    void prebuild(std::deque<Job> jobs);
    bool has(const std::string& key);
    bool idle();  // nothing queued or being built

private:
    Atlas& build(const Job& job);  // one build at a time: the font files are shared
    void work();

    std::mutex mutex_;  // guards ready_, queue_ and stop_
    std::condition_variable wake_;
    std::map<std::string, std::unique_ptr<Atlas>> ready_;
    std::deque<Job> queue_;
    bool stop_ = false;
    int pending_ = 0;  // queued or in the worker's hands
    std::mutex build_mutex_;
    FontFiles files_;
    std::thread worker_;
};

}  // namespace anteroom::ui
