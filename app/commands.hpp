#pragma once
// The program's commands: run the kiosk, check content, render proofs.
#include <string>
#include <vector>

namespace anteroom {

struct Options {
    std::string content_dir;
    std::string config_file;
    std::string locales_dir;
    std::string backend = "sdl";
    bool windowed = false;
    int width = 1280, height = 800;     // --windowed WxH
    std::string out_dir;                // proof
    std::vector<std::pair<int, int>> sizes;  // proof --size
};

int run_kiosk(const Options& options);
int run_check(const Options& options);
int run_proof(const Options& options);
int run_extract(const Options& options);

}  // namespace anteroom
