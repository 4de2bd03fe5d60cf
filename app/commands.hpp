#pragma once
// The program's commands: run the kiosk, check content, render proofs, write the template and transcripts.
#include <string>
#include <vector>

#include "core/report.hpp"

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
    // The event store's commands: simulate, stats, export.
    std::string db;                     // the store's file; empty: the configuration's (simulate: a file of its own)
    std::string since, until;           // stats, export: YYYY-MM-DD, both included
    ReportPeriod period = ReportPeriod::All;
    std::string table;                  // export: one table (csv: funnel unless given; jsonl: every one unless given)
    int patients = 100;                 // simulate
    unsigned seed = 1;
    int days = 90;                      // simulate: patients come on the past this many days
    std::string kiosk = "simulated";    // simulate: the pseudonym its records carry
};

int run_kiosk(const Options& options);
int run_check(const Options& options);
int run_proof(const Options& options);
int run_extract(const Options& options);
int run_transcript(const Options& options);
int run_simulate(const Options& options);
int run_report(const Options& options, bool exporting);  // stats; export

}  // namespace anteroom
