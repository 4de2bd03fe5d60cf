#pragma once
// The event store: anonymised records (core/records.hpp) in one SQLite file, written on a
// writer thread so no frame ever waits on the disk. post() only queues; the writer commits in
// batches (WAL, synchronous=FULL: a committed record survives power loss). When the disk is
// full, the file system read-only, the database locked or the file corrupt, the records wait
// in a bounded queue and the writer tries again; a corrupt file is moved aside, never deleted,
// and a fresh one started. Each condition is said once on stderr and kept in health().
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/records.hpp"

struct sqlite3;

namespace anteroom::platform {

// The table, the same in every store (the forwarder and the reports read it too). WITHOUT
// ROWID and keyed by the random id, so rows are kept in random order: not even the file's
// order says which records were written one after another.
extern const char* const kEventSchema;

// Where the store lives by default: $STATE_DIRECTORY (systemd's StateDirectory=), else
// $XDG_STATE_HOME/anteroom, else ~/.local/state/anteroom; the file is events.db.
std::string default_event_store_path();

// The store's state, for stderr now and the staff screen later.
struct StoreHealth {
    enum Condition { Ok, DiskFull, ReadOnly, Locked, Corrupt, CannotOpen };
    Condition condition = Ok;
    std::string detail;           // SQLite's words for the last problem, with the file
    std::string moved_aside;      // the last corrupt file kept, or empty
    std::size_t queued = 0;       // records waiting in memory
    std::uint64_t committed = 0;  // since the store opened
    std::uint64_t dropped = 0;    // lost because the queue was full for too long
    std::uint64_t purged = 0;     // older than retention_days, removed
};
const char* condition_name(StoreHealth::Condition condition);

class EventStore {
public:
    struct Options {
        std::string path;                  // the SQLite file; its folder is made if missing
        std::size_t queue_limit = 100000;  // records held in memory while the disk cannot take them
        int retention_days = 365;          // records older than this are purged, once a day
        bool keep_unforwarded = false;     // a forwarder is configured: purge only what it has sent
        std::function<std::string()> today = anteroom::today;  // the calendar day (tests move it)
        // Called on the writer thread after each commit, with the ids it made durable.
        std::function<void(const std::vector<std::string>& ids)> on_committed;
        double retry_first_s = 0.5, retry_max_s = 30;  // waits between tries while a fault lasts
    };
    explicit EventStore(Options options);
    ~EventStore();  // commits what is queued if the disk lets it (a short wait), then stops
    EventStore(const EventStore&) = delete;
    EventStore& operator=(const EventStore&) = delete;

    void post(Record record);  // never waits on the disk
    StoreHealth health() const;
    // Waits until everything posted so far is committed, or `timeout_s` passes; true if it is.
    bool flush(double timeout_s = 10);

private:
    void writer();
    bool open_database();  // on the writer thread
    bool commit(std::vector<Record>& batch);
    void purge_if_due();
    void note(StoreHealth::Condition condition, const std::string& detail);

    Options options_;
    sqlite3* db_ = nullptr;  // the writer thread's only
    std::string purged_day_;  // the day retention last ran
    mutable std::mutex mutex_;
    std::condition_variable wake_, idle_;
    std::deque<Record> queue_;
    std::size_t in_flight_ = 0;  // taken from the queue, not yet committed
    StoreHealth health_;
    StoreHealth::Condition reported_ = StoreHealth::Ok;  // the condition last said on stderr
    bool stopping_ = false;
    std::thread thread_;
};

// Every record of the store at `path` whose day is within [since, until] (empty: open-ended),
// read in one transaction (safe while a kiosk writes). On failure, empty with `error` set.
// A row whose type is not on the list is never reported; `skipped` counts them.
std::vector<Record> read_records(const std::string& path, const std::string& since, const std::string& until,
                                 std::string* error, std::size_t* skipped = nullptr);

}  // namespace anteroom::platform
