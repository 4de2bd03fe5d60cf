// anteroom_forward_bench: how fast the forwarder sends a kiosk's records to a local PostgreSQL
// server (a throwaway one, as the tests start: Unix socket, fsync off; the store on the disk). Fills a store with
// 100,000 records of past days, times one Forwarder until every one is on the server, and
// prints the rate beside its target and each batch's latency (sending and marking).
//
//   anteroom_forward_bench [--records N] [--batch N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/records.hpp"
#include "platform/event_store.hpp"
#include "platform/forwarder.hpp"
#include "support/postgres.hpp"

namespace {

using namespace anteroom;
using Clock = std::chrono::steady_clock;

constexpr double kTargetPerS = 5000;

Record sample(int i) {
    Record r;
    r.id = random_record_id();
    r.day = add_days("2026-01-31", -(i % 365));
    r.kiosk = "kiosk-bench";
    r.app_version = "0.1.0";
    r.content_version = "1.2";
    r.content_hash = std::string(64, 'f');
    r.locale = i % 3 ? "en" : "es";
    r.type = kRecordTypes[static_cast<std::size_t>(i) % std::size(kRecordTypes)];
    if (r.type != RecordType::LanguageChosen) r.module = "consent-ketamine";
    if (r.type == RecordType::ModuleCompleted) r.duration_s = 30 * (1 + i % 20);
    if (r.type == RecordType::QuestionAnswered) r.question = std::to_string(i % 11).insert(0, "q"), r.right_first_time = i % 2;  // not "q" + ...: GCC 12 warns falsely (-Wrestrict)
    if (r.type == RecordType::ModuleLeft || r.type == RecordType::ModuleStopped) r.screen = std::to_string(i % 13).insert(0, "topic-");
    return r;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
    int records = 100000;
    std::size_t batch = 1000;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--records")) records = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--batch")) batch = static_cast<std::size_t>(std::atoll(argv[i + 1]));
    }
    try {
        anteroom::testing::PostgresServer server;
        const std::string uri = server.create_database("bench");
        // The store on the disk, as a kiosk's is (the server is in /dev/shm where there is one).
        const char* tmp = std::getenv("TMPDIR");
        std::string folder = std::string(tmp && *tmp ? tmp : "/tmp") + "/anteroom-forward-bench-XXXXXX";
        if (!mkdtemp(folder.data())) throw std::runtime_error("cannot make " + folder);
        struct Remove {
            std::string path;
            ~Remove() {
                std::error_code ec;
                std::filesystem::remove_all(path, ec);
            }
        } remove{folder};
        const std::string store = folder + "/events.db";
        auto began = Clock::now();
        {
            platform::EventStore es({.path = store, .queue_limit = static_cast<std::size_t>(records) + 1, .retention_days = 36500,
                                     .keep_unforwarded = true});
            for (int i = 0; i < records; ++i) es.post(sample(i));
            if (!es.flush(300)) throw std::runtime_error("the store did not take the records");
        }
        std::printf("store_fill_s=%.2f (%d records)\n", std::chrono::duration<double>(Clock::now() - began).count(), records);

        std::mutex mutex;
        std::vector<double> latencies;
        platform::Forwarder::Options o;
        o.store_path = store;
        o.uri = uri;
        o.batch_size = batch;
        o.today = [] { return std::string("2026-02-01"); };
        o.on_batch = [&](std::size_t, double seconds) {
            std::lock_guard lock(mutex);
            latencies.push_back(seconds);
        };
        began = Clock::now();
        double took = 0;
        {
            platform::Forwarder f(o);
            const auto deadline = began + std::chrono::minutes(5);
            while (f.health().forwarded < static_cast<std::uint64_t>(records)) {
                if (Clock::now() > deadline) throw std::runtime_error("not all forwarded in 5 minutes: " + f.health().problem);
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            took = std::chrono::duration<double>(Clock::now() - began).count();
        }
        const auto rows = server.query("SELECT count(*) FROM anteroom_events", "bench");
        if (rows.empty() || rows[0][0].value_or("") != std::to_string(records))
            throw std::runtime_error("the server holds " + rows[0][0].value_or("?") + " records");
        const double rate = records / took;
        std::lock_guard lock(mutex);
        std::printf("forward_events_per_s=%.0f (target %.0f: %s)\n", rate, kTargetPerS, rate >= kTargetPerS ? "met" : "MISSED");
        std::printf("forward_total_s=%.2f batches=%zu batch_size=%zu\n", took, latencies.size(), batch);
        std::printf("forward_batch_latency_median_ms=%.1f max_ms=%.1f\n", median(latencies) * 1000,
                    latencies.empty() ? 0 : *std::max_element(latencies.begin(), latencies.end()) * 1000);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "anteroom_forward_bench: %s\n", e.what());
        return 1;
    }
}
