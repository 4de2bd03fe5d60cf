#pragma once
// The program's commands: run the kiosk, check content, render proofs, write the template and transcripts.
#include <string>
#include <vector>

namespace anteroom {

struct Options {
    std::string content_dir;
    std::string config_file;
    std::string locales_dir;
    std::string assets_dir;             // run: recorded speech, assets/speech/<locale>/<page>.ogg
    std::string backend = "sdl";
    bool windowed = false;
    int width = 1280, height = 800;     // --windowed WxH
    std::string out_dir;                // proof: a folder; extract, transcript: a file (transcript: empty is stdout)
    std::vector<std::pair<int, int>> sizes;  // proof --size
    bool fast_png = false;              // proof --fast-png: the same pixels, encoded about 3x faster (for tests)
    bool first_page_only = false;       // proof --first-page-only: of a long screen, only the first page is written (tests)
    std::vector<std::string> locales;   // proof, transcript --locale (repeatable); empty: every one (transcript: English)
    std::string format;                 // transcript --format md|html; empty: from --out's extension
    int text_size = -1;                 // proof --text-size standard|larger|largest: as if the patient chose it; -1: the clinic's
    bool high_contrast = false;         // proof --high-contrast
};

int run_kiosk(const Options& options);
int run_check(const Options& options);
int run_proof(const Options& options);
int run_extract(const Options& options);
int run_transcript(const Options& options);

}  // namespace anteroom
