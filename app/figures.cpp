// [SECTION] simulate   [SECTION] stats and export
// The commands around the event store: scripted patients to try the reports, and the reports.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>

#include "commands.hpp"
#include "core/loading.hpp"
#include "core/records.hpp"
#include "core/report.hpp"
#include "core/simulation.hpp"
#include "platform/event_store.hpp"

namespace anteroom {

namespace {

// The configuration's store, or --db; a bad configuration is said, and stops the command.
bool store_path(const Options& options, std::string* path, ClinicConfig* config) {
    ConfigLoad c = load_config(options.config_file);
    for (const Diagnostic& d : c.errors) std::fprintf(stderr, "%s\n", d.str().c_str());
    if (!c.errors.empty()) return false;
    *config = c.config;
    *path = !options.db.empty() ? options.db : !config->event_store.empty() ? config->event_store : platform::default_event_store_path();
    return true;
}

}  // namespace

// [SECTION] simulate ========================================================================

int run_simulate(const Options& options) {
    Loaded l = load_all(options.config_file, options.content_dir, options.locales_dir);
    for (const Diagnostic& d : l.problems) std::fprintf(stderr, "%s\n", d.str().c_str());
    if (!l.ok()) {
        std::fprintf(stderr, "anteroom simulate: content or configuration has problems; fix them first\n");
        return 1;
    }
    // Never into the kiosk's own store unless asked: simulated patients would join the real figures.
    const std::string path = !options.db.empty()
                                 ? options.db
                                 : std::filesystem::path(platform::default_event_store_path()).replace_filename("simulated-events.db").string();
    const auto start = std::chrono::steady_clock::now();
    std::uint64_t posted = 0;
    {
        platform::EventStore::Options store_options;
        store_options.path = path;
        store_options.retention_days = l.config.config.retention_days;
        platform::EventStore store(store_options);
        Kiosk kiosk(std::move(l.content.content), l.config.config, true, 0, std::move(l.translations.translations));
        // Each patient comes on one of the past `days` days (today's records are the real kiosk's).
        std::mt19937 days(options.seed ^ 0x5eedu);
        std::uniform_int_distribution<int> day_before(1, options.days);
        RecordContext context{options.kiosk, ANTEROOM_VERSION, {}};
        const std::string today = anteroom::today();
        double now = 0;
        simulate_patients(kiosk, {options.patients, options.seed}, now, [&](int, const std::vector<Event>& events) {
            context.day = add_days(today, -day_before(days));
            for (const Event& e : events)
                if (auto r = to_record(e, context)) {
                    store.post(std::move(*r));
                    ++posted;
                }
        });
        if (!store.flush(120)) {
            const platform::StoreHealth h = store.health();
            std::fprintf(stderr, "anteroom simulate: %zu records could not be saved: %s (%s)\n", h.queued,
                         platform::condition_name(h.condition), h.detail.c_str());
            return 1;
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("anteroom simulate: %d patients over the last %d days, %llu records saved to %s (%.1f s)\n", options.patients,
                options.days, static_cast<unsigned long long>(posted), path.c_str(), seconds);
    std::printf("try: anteroom stats --db %s --period month\n", path.c_str());
    return 0;
}

// [SECTION] stats and export ================================================================

int run_report(const Options& options, bool exporting) {
    std::string path;
    ClinicConfig config;
    if (!store_path(options, &path, &config)) return 1;
    std::string error;
    std::size_t skipped = 0;
    const std::vector<Record> records = platform::read_records(path, options.since, options.until, &error, &skipped);
    if (!error.empty()) {
        std::fprintf(stderr, "anteroom %s: %s\n", exporting ? "export" : "stats", error.c_str());
        return 1;
    }
    if (skipped)
        std::fprintf(stderr, "anteroom: %zu rows in %s are of a type Anteroom does not record; they are left out\n", skipped,
                     path.c_str());
    const Report report = make_report(records, {options.since, options.until, options.period, config.min_cell});
    std::string out;
    if (!exporting) {
        out = format_text(report);
    } else if (options.format == "jsonl") {
        out = format_jsonl(report, options.table);
    } else {
        const Table* table = report.table(options.table.empty() ? "funnel" : options.table);
        out = format_csv(*table);
    }
    if (options.out_dir.empty()) {
        std::fwrite(out.data(), 1, out.size(), stdout);
        return 0;
    }
    std::ofstream file(options.out_dir, std::ios::binary);
    file << out;
    if (!file.flush()) {
        std::fprintf(stderr, "anteroom export: cannot write %s\n", options.out_dir.c_str());
        return 1;
    }
    return 0;
}

}  // namespace anteroom
