#pragma once
// Every language's font atlas, built once and kept. After the first screen is up, a worker
// thread draws the rest, so a language switch swaps in a ready atlas instead of making the
// patient wait for 1,500 CJK glyphs to be rasterised.
//
// The worker never calls ImGui: ImGui counts every allocation into the current context, a
// process global, so only the UI thread may touch an ImFontAtlas. The worker draws and packs
// the glyphs into plain memory (draw_fonts); the UI thread makes the atlas from them when it
// is first used (assemble_fonts: a copy of the pixels and the glyph tables).
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
    ~FontAtlases();  // on the UI thread: the atlases are ImGui's memory
    FontAtlases(const FontAtlases&) = delete;
    FontAtlases& operator=(const FontAtlases&) = delete;

    // On the UI thread. The atlas for the job's key: ready already, or made now from the
    // glyphs the worker drew, or drawn now (or awaited, if the worker has it in hand).
    Atlas& get(const Job& job);
    // Draws these on the worker thread, in order, skipping any already drawn.
    void prebuild(std::deque<Job> jobs);
    // On the UI thread, at the end of a frame: makes an atlas of everything the worker has
    // drawn, so that a language switch later only swaps one in. Returns how many it made.
    int assemble_drawn();
    bool has(const std::string& key);  // ready, or drawn by the worker: get() needs only the key
    bool idle();  // nothing queued or being drawn

private:
    bool known(const std::string& key);  // has(), with mutex_ held
    Atlas& assemble(const std::string& key, const DrawnFonts& drawn);
    void work();

    std::mutex mutex_;  // guards ready_, drawn_, queue_, pending_ and stop_
    std::condition_variable wake_;
    std::map<std::string, std::unique_ptr<Atlas>> ready_;  // made and destroyed by the UI thread only
    std::map<std::string, DrawnFonts> drawn_;  // the worker's, until the UI thread makes an atlas of one
    std::deque<Job> queue_;
    bool stop_ = false;
    int pending_ = 0;  // queued or in the worker's hands
    std::mutex draw_mutex_;  // one drawing at a time: the font files are shared
    FontFiles files_;
    std::thread worker_;
};

}  // namespace anteroom::ui
