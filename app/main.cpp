// anteroom: the kiosk, and the tools that check and proof its content.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "commands.hpp"
#include "core/records.hpp"

namespace {

const char* const kUsage =
    "usage:\n"
    "  anteroom [--backend sdl|glfw] [--windowed WxH] [--content DIR] [--config FILE] [--locales DIR] [--assets DIR]\n"
    "  anteroom check [--content DIR] [--config FILE] [--locales DIR]\n"
    "  anteroom proof --out DIR [--size WxH]... [--locale L]... [--backend sdl|glfw] [--content DIR] [--config FILE] [--locales DIR]\n"
    "                 [--text-size standard|larger|largest] [--high-contrast]   (as if a patient chose them)\n"
    "                 [--fast-png] [--first-page-only]   (for tests: cheaper PNG compression; a long screen's first page only)\n"
    "  anteroom extract [--content DIR] [--out FILE]   (default: locales/anteroom.pot)\n"
    "  anteroom transcript [--locale L] [--config FILE] [--out FILE] [--format md|html] [--content DIR] [--locales DIR]\n"
    "  anteroom simulate [--patients N] [--seed S] [--days D] [--kiosk NAME] [--db FILE]   (scripted patients, to try the reports)\n"
    "  anteroom stats [--since DATE] [--until DATE] [--period week|month] [--db FILE] [--config FILE]\n"
    "  anteroom export --format csv|jsonl [--table funnel|locales|questions|consent|languages] [--since DATE] [--until DATE]\n"
    "                  [--period week|month] [--out FILE] [--db FILE] [--config FILE]\n"
    "  anteroom --version\n";

bool parse_size(const char* text, int* w, int* h) {
    return std::sscanf(text, "%dx%d", w, h) == 2 && *w >= 320 && *h >= 320 && *w <= 8192 && *h <= 8192;
}

int usage_error(const std::string& message) {
    std::fprintf(stderr, "anteroom: %s\n%s", message.c_str(), kUsage);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    anteroom::Options options;
    options.content_dir = ANTEROOM_DEFAULT_CONTENT;
    options.config_file = ANTEROOM_DEFAULT_CONFIG;
    options.locales_dir = ANTEROOM_DEFAULT_LOCALES;
    options.assets_dir = ANTEROOM_DEFAULT_ASSETS;
    std::string command = "run";
    int i = 1;
    if (argc > 1 && argv[1][0] != '-') command = argv[i++];
    if (command != "run" && command != "check" && command != "proof" && command != "extract" && command != "transcript" &&
        command != "simulate" && command != "stats" && command != "export")
        return usage_error("unknown command '" + command + "'");
    const bool figures = command == "stats" || command == "export";
    if (command == "export") options.format = "";

    for (; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        if (arg == "--version") {
            std::printf("anteroom %s\n", ANTEROOM_VERSION);
            return 0;
        } else if (arg == "--help" || arg == "-h") {
            std::printf("%s", kUsage);
            return 0;
        } else if (arg == "--content" || arg == "--config" || arg == "--locales" || arg == "--backend" || arg == "--out" ||
                   (arg == "--assets" && command == "run")) {
            const char* v = value();
            if (!v) return usage_error(arg + " needs a value");
            if (arg == "--content") options.content_dir = v;
            else if (arg == "--assets") options.assets_dir = v;
            else if (arg == "--config") options.config_file = v;
            else if (arg == "--locales") options.locales_dir = v;
            else if (arg == "--backend") options.backend = v;
            else options.out_dir = v;
        } else if (arg == "--windowed" && command == "run") {
            const char* v = value();
            if (!v || !parse_size(v, &options.width, &options.height)) return usage_error("--windowed needs a size like 1280x800");
            options.windowed = true;
        } else if (arg == "--locale" && (command == "proof" || command == "transcript")) {
            const char* v = value();
            if (!v) return usage_error("--locale needs a language, like es");
            options.locales.emplace_back(v);
        } else if (arg == "--db" && (figures || command == "simulate")) {
            const char* v = value();
            if (!v) return usage_error("--db needs a file");
            options.db = v;
        } else if ((arg == "--since" || arg == "--until") && figures) {
            const char* v = value();
            if (!v || !anteroom::is_day(v)) return usage_error(arg + " needs a day written like 2026-11-30");
            (arg == "--since" ? options.since : options.until) = v;
        } else if (arg == "--period" && figures) {
            const char* v = value();
            const std::string period = v ? v : "";
            if (period == "week") options.period = anteroom::ReportPeriod::Week;
            else if (period == "month") options.period = anteroom::ReportPeriod::Month;
            else return usage_error("--period must be week or month");
        } else if (arg == "--table" && command == "export") {
            const char* v = value();
            const std::string table = v ? v : "";
            if (table != "funnel" && table != "locales" && table != "questions" && table != "consent" && table != "languages")
                return usage_error("--table must be funnel, locales, questions, consent or languages");
            options.table = table;
        } else if (arg == "--format" && command == "export") {
            const char* v = value();
            if (!v || (std::strcmp(v, "csv") != 0 && std::strcmp(v, "jsonl") != 0)) return usage_error("--format must be csv or jsonl");
            options.format = v;
        } else if ((arg == "--patients" || arg == "--seed" || arg == "--days") && command == "simulate") {
            const char* v = value();
            char* end = nullptr;
            const long n = v ? std::strtol(v, &end, 10) : -1;
            const long most = arg == "--patients" ? 10000000 : arg == "--days" ? 3650 : 4294967295L;
            if (!v || *end || n < (arg == "--seed" ? 0 : 1) || n > most) return usage_error(arg + " needs a whole number, at least 1");
            if (arg == "--patients") options.patients = static_cast<int>(n);
            else if (arg == "--days") options.days = static_cast<int>(n);
            else options.seed = static_cast<unsigned>(n);
        } else if (arg == "--kiosk" && command == "simulate") {
            const char* v = value();
            if (!v || !*v) return usage_error("--kiosk needs a name");
            options.kiosk = v;
        } else if (arg == "--format" && command == "transcript") {
            const char* v = value();
            if (!v || (std::strcmp(v, "md") != 0 && std::strcmp(v, "html") != 0)) return usage_error("--format must be md or html");
            options.format = v;
        } else if (arg == "--fast-png" && command == "proof") {
            options.fast_png = true;
        } else if (arg == "--first-page-only" && command == "proof") {
            options.first_page_only = true;
        } else if (arg == "--high-contrast" && command == "proof") {
            options.high_contrast = true;
        } else if (arg == "--text-size" && command == "proof") {
            const char* v = value();
            const std::string size = v ? v : "";
            if (size == "standard") options.text_size = 0;
            else if (size == "larger") options.text_size = 1;
            else if (size == "largest") options.text_size = 2;
            else return usage_error("--text-size must be standard, larger or largest");
        } else if (arg == "--size" && command == "proof") {
            int w = 0, h = 0;
            const char* v = value();
            if (!v || !parse_size(v, &w, &h)) return usage_error("--size needs a size like 1920x1080");
            options.sizes.emplace_back(w, h);
        } else {
            return usage_error("unknown option '" + arg + "'");
        }
    }
    if (options.backend != "sdl" && options.backend != "glfw") return usage_error("--backend must be sdl or glfw");
    if (command == "check") return anteroom::run_check(options);
    if (command == "extract") {
        if (options.out_dir.empty()) options.out_dir = options.locales_dir + "/anteroom.pot";
        return anteroom::run_extract(options);
    }
    if (command == "transcript") return anteroom::run_transcript(options);
    if (command == "simulate") return anteroom::run_simulate(options);
    if (command == "stats") return anteroom::run_report(options, false);
    if (command == "export") {
        if (options.format.empty()) return usage_error("export needs --format csv or --format jsonl");
        return anteroom::run_report(options, true);
    }
    if (command == "proof") {
        if (options.out_dir.empty()) return usage_error("proof needs --out DIR");
        if (options.sizes.empty()) options.sizes = {{1920, 1080}, {1080, 1920}};
        return anteroom::run_proof(options);
    }
    return anteroom::run_kiosk(options);
}
