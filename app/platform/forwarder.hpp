#pragma once
// The forwarder: a clinic with several kiosks collects their records on its own PostgreSQL
// server (forward_to = "postgresql://..."). One Forwarder owns one thread, so the kiosk never
// waits on the network. The thread reads the store's unforwarded records of days that are
// over (today's wait for the day's end, so the server cannot group them by when they came),
// in batches ordered by the random id, sends each batch in one statement that ignores ids the
// server already has, then marks them forwarded in the store. A crash between the two only
// sends a batch again: each record is on the server exactly once.
//
// On connecting it makes (idempotently) the table anteroom_events, the one-row table
// anteroom_settings (the largest min_cell any kiosk forwarded with, at least kLeastMinCell)
// and the views anteroom_funnel, anteroom_locales, anteroom_questions, anteroom_consent and
// anteroom_languages: the report tables of core/report.hpp by month, with its suppression.
//
// When the server cannot be reached, the thread tries again with a growing wait (1 s doubling
// to 5 min), for as long as it takes. Each outage is said once on stderr, and its end once;
// no message ever shows the password.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "core/records.hpp"

namespace anteroom::platform {

// The text with every password in it replaced by ***: the user-info of a URI
// (postgresql://user:secret@host -> postgresql://user:***@host) and password=... (in a URI's
// query or a key=value connection string, quoted or not).
std::string mask_password(std::string_view text);

// The forwarder's state, for a staff screen.
struct ForwarderHealth {
    bool connected = false;         // a connection to the server is open now
    std::string problem;            // the last problem (password masked), kept after it ends
    bool outage = false;            // a problem is going on now (said on stderr)
    std::uint64_t forwarded = 0;    // records the server took since start (ids it had already count too)
    std::uint64_t waiting = 0;      // unforwarded rows in the store, today's among them
    std::string oldest_waiting;     // the day of the oldest of them, or empty
    std::uint64_t not_records = 0;  // rows that are no record (no real day, a type not on the list): never sent
    std::uint64_t outages = 0;      // outages said since start
};

class Forwarder {
public:
    struct Options {
        std::string store_path;  // the kiosk's SQLite file (EventStore's)
        std::string uri;         // forward_to
        int min_cell = 5;        // the kiosk's min_cell: the server's views use the largest any kiosk gave
        std::function<std::string()> today = anteroom::today;  // the calendar day (tests move it)
        std::size_t batch_size = 1000;  // records per statement
        double retry_first_s = 1, retry_max_s = 300;  // waits between tries while the server is away
        double poll_s = 60;            // how often to look for records once all are sent
        int connect_timeout_s = 10;    // unless the URI gives connect_timeout
        double query_timeout_s = 120;  // a statement with no answer by then: the connection is dropped
        // Where messages go (a line, no newline); stderr when empty.
        std::function<void(const std::string& line)> say;
        // Called on the forwarder's thread after each batch is on the server and marked: how
        // many records it had and how long sending and marking took (for the benchmark).
        std::function<void(std::size_t records, double seconds)> on_batch;
    };
    explicit Forwarder(Options options);
    ~Forwarder();  // stops promptly (a call to the server in progress is abandoned), then joins
    Forwarder(const Forwarder&) = delete;
    Forwarder& operator=(const Forwarder&) = delete;

    ForwarderHealth health() const;
    void wake();  // look for records now, and cut short a wait between tries

private:
    struct Worker;  // the thread's connections and steps (forwarder.cpp)
    void run();
    void say(const std::string& line) const;
    void wait(double seconds);
    bool stopping() const { return stopping_.load(std::memory_order_relaxed); }

    Options options_;
    mutable std::mutex mutex_;
    std::condition_variable wake_cv_;
    bool woken_ = false;
    std::atomic<bool> stopping_{false};
    ForwarderHealth health_;
    std::thread thread_;
};

}  // namespace anteroom::platform
