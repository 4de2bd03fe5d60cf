// For the crash test: records events into the store at argv[1] as fast as the writer takes
// them, and writes each id to stdout the moment the store says it is committed. The test
// kills this process with SIGKILL at random moments; every id it printed must survive.
#include <unistd.h>

#include <cstdio>
#include <string>
#include <thread>

#include "core/records.hpp"
#include "platform/event_store.hpp"
#include "support/sample_record.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: store_crash_child STORE\n");
        return 2;
    }
    anteroom::platform::EventStore::Options options;
    options.path = argv[1];
    options.on_committed = [](const std::vector<std::string>& ids) {
        std::string out;
        for (const std::string& id : ids) out += id + "\n";
        for (size_t done = 0; done < out.size();) {  // one write(2) per batch: nothing buffered in this process
            const ssize_t n = write(STDOUT_FILENO, out.data() + done, out.size() - done);
            if (n <= 0) return;
            done += static_cast<size_t>(n);
        }
    };
    anteroom::platform::EventStore store(options);
    for (long i = 0;; ++i) {
        store.post(anteroom::testing::sample_record("2026-11-30", anteroom::RecordType::ModuleStarted, "crash-test"));
        if (i % 16 == 15) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}
