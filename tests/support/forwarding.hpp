#pragma once
// What the forwarding tests share: a throwaway PostgreSQL server per test suite (a database of
// its own per test), folders for kiosk stores, records, and waiting with a deadline.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/records.hpp"
#include "platform/event_store.hpp"
#include "platform/forwarder.hpp"
#include "support/postgres.hpp"

namespace anteroom::testing {

// Polls `done` every 2 ms until it holds or `timeout_s` passes; whether it held.
inline bool eventually(const std::function<bool()>& done, double timeout_s = 20) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return done();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
}

// A record of `type` with the fields to_record() would give it.
inline Record record(const std::string& day, RecordType type, const std::string& module = "m1",
                     const std::string& locale = "en", const std::string& kiosk = "kiosk-a") {
    Record r;
    r.id = random_record_id();
    r.day = day;
    r.kiosk = kiosk;
    r.app_version = "0.1.0";
    r.content_version = "1.0";
    r.content_hash = std::string(64, 'a');
    r.locale = locale;
    r.type = type;
    if (type != RecordType::LanguageChosen) r.module = module;
    switch (type) {
    case RecordType::ModuleCompleted: r.duration_s = 90; break;
    case RecordType::ModuleLeft:
    case RecordType::ModuleStopped:
    case RecordType::SessionTimedOut: r.screen = "topic-risks"; break;
    case RecordType::QuestionAnswered:
        r.question = "q1";
        r.right_first_time = 1;
        break;
    case RecordType::MeditationCompleted:
        r.preset = "box";
        r.length_s = 120;
        break;
    case RecordType::IntentionCompleted:
        r.prompts = 2;
        r.wrote = 0;
        break;
    default: break;
    }
    return r;
}

// Writes records into the SQLite store at `path` the kiosk's way (EventStore), and waits.
inline void write_store(const std::string& path, const std::vector<Record>& records) {
    platform::EventStore store({.path = path, .retention_days = 36500, .keep_unforwarded = true});
    for (const Record& r : records) store.post(r);
    if (!store.flush(30)) throw std::runtime_error("the store at " + path + " did not take the records");
}

// One SQL statement on a store; the first column of the first row as a number, or -1.
inline long long store_value(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    long long value = -1;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK) {
            const int rc = sqlite3_step(s);
            if (rc == SQLITE_ROW) value = sqlite3_column_int64(s, 0);
            else if (rc == SQLITE_DONE) value = sqlite3_changes(db);
        }
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return value;
}

// What forwarders said, from their threads.
struct Said {
    std::mutex mutex;
    std::vector<std::string> lines;
    void add(const std::string& line) {
        std::lock_guard lock(mutex);
        lines.push_back(line);
    }
    std::vector<std::string> all() {
        std::lock_guard lock(mutex);
        return lines;
    }
    int count(const std::string& part) {
        std::lock_guard lock(mutex);
        return static_cast<int>(std::count_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(part) != std::string::npos; }));
    }
};

// A day the test moves, read on forwarder threads.
class Today {
public:
    explicit Today(std::string day) : day_(std::move(day)) {}
    void set(std::string day) {
        std::lock_guard lock(mutex_);
        day_ = std::move(day);
    }
    std::string get() const {
        std::lock_guard lock(mutex_);
        return day_;
    }

private:
    mutable std::mutex mutex_;
    std::string day_;
};

// Records built a few alike at a time, alternately from two kiosks.
struct Dataset {
    using Fill = std::function<void(Record&, int)>;
    void add(int n, const std::string& day, RecordType type, const std::string& module, const std::string& locale = "en",
             const Fill& fill = {}) {
        for (int i = 0; i < n; ++i) {
            Record r = record(day, type, module, locale, records.size() % 2 ? "kiosk-a" : "kiosk-b");
            if (fill) fill(r, i);
            records.push_back(std::move(r));
        }
    }
    std::vector<Record> records;
};

// Records that meet each of core/report.hpp's suppression rules at min_cell 5, in March and
// April 2025 (forward_test.cpp says what each view shows for them).
inline std::vector<Record> suppression_dataset() {
    Dataset d;
    auto durations = [](std::vector<int> v) { return [v](Record& r, int i) { r.duration_s = v[static_cast<std::size_t>(i)]; }; };
    // March. m1: one locale hidden hides the next smallest; one ending hidden hides the
    // smallest shown one; the median of eight is the lower of the middle two.
    d.add(7, "2025-03-03", RecordType::ModuleStarted, "m1", "en");
    d.add(6, "2025-03-04", RecordType::ModuleStarted, "m1", "es");
    d.add(2, "2025-03-31", RecordType::ModuleStarted, "m1", "vi");
    d.add(8, "2025-03-05", RecordType::ModuleCompleted, "m1", "en", durations({600, 30, 60, 150, 30, 90, 120, 60}));
    d.add(2, "2025-03-05", RecordType::ModuleLeft, "m1");
    d.add(6, "2025-03-06", RecordType::ModuleStopped, "m1");
    d.add(5, "2025-03-07", RecordType::SessionTimedOut, "m1");
    // m2: ties go to the first locale in byte order, and to the first ending in column order.
    d.add(5, "2025-03-03", RecordType::ModuleStarted, "m2", "ko");
    d.add(5, "2025-03-03", RecordType::ModuleStarted, "m2", "ar");
    d.add(1, "2025-03-03", RecordType::ModuleStarted, "m2", "zh-Hans");
    d.add(2, "2025-03-08", RecordType::ModuleCompleted, "m2", "en", durations({60, 90}));
    d.add(5, "2025-03-08", RecordType::ModuleLeft, "m2");
    d.add(5, "2025-03-08", RecordType::ModuleStopped, "m2");
    d.add(7, "2025-03-08", RecordType::SessionTimedOut, "m2");
    // m3: completed hidden by the tie rule, so its median goes too.
    d.add(19, "2025-03-10", RecordType::ModuleStarted, "m3");
    d.add(6, "2025-03-10", RecordType::ModuleCompleted, "m3");
    d.add(6, "2025-03-10", RecordType::ModuleLeft, "m3");
    d.add(6, "2025-03-10", RecordType::ModuleStopped, "m3");
    d.add(1, "2025-03-10", RecordType::SessionTimedOut, "m3");
    // m4: only time-outs; none counts as zero, hidden. Time-outs outside a module: no row.
    d.add(6, "2025-03-11", RecordType::SessionTimedOut, "m4");
    d.add(3, "2025-03-11", RecordType::SessionTimedOut, "", "en", [](Record& r, int) { r.screen.clear(); });
    // April, m1: two endings hidden, nothing more; the month starts on the 1st.
    d.add(9, "2025-04-01", RecordType::ModuleStarted, "m1");
    d.add(1, "2025-04-01", RecordType::ModuleCompleted, "m1", "en", durations({30}));
    d.add(1, "2025-04-02", RecordType::ModuleLeft, "m1");
    d.add(9, "2025-04-02", RecordType::ModuleStopped, "m1");
    d.add(9, "2025-04-02", RecordType::SessionTimedOut, "m1");
    // Questions: a hidden part hides the other and the percentage (rounded half away from zero).
    auto answers = [](int right) { return [right](Record& r, int i) { r.right_first_time = i < right ? 1 : 0; }; };
    auto question = [&](const char* q, int n, int right) {
        d.add(n, "2025-03-12", RecordType::QuestionAnswered, "m1", "en", [=](Record& r, int i) {
            answers(right)(r, i);
            r.question = q;
        });
    };
    question("q1", 10, 7);
    question("q2", 16, 11);
    question("q3", 2, 1);
    question("q4", 40, 5);
    // Consent: the locales' rule by (period, module) over version, hash and locale.
    auto text = [](const char* v, const char* h) { return [=](Record& r, int) { r.content_version = v, r.content_hash = h; }; };
    d.add(6, "2025-03-13", RecordType::ConsentCompleted, "m1", "en", text("v1", "h1"));
    d.add(2, "2025-03-13", RecordType::ConsentCompleted, "m1", "es", text("v1", "h1"));
    d.add(5, "2025-03-13", RecordType::ConsentCompleted, "m1", "en", text("v2", "h2"));
    d.add(5, "2025-04-13", RecordType::ConsentCompleted, "m1", "en", text("v1", "h1"));
    d.add(5, "2025-04-13", RecordType::ConsentCompleted, "m1", "vi", text("v1", "h1"));
    d.add(1, "2025-04-13", RecordType::ConsentCompleted, "m1", "es", text("v1", "h1"));
    // Languages: 5 shows, 4 does not.
    d.add(9, "2025-03-01", RecordType::LanguageChosen, "", "en");
    d.add(4, "2025-03-01", RecordType::LanguageChosen, "", "vi");
    d.add(5, "2025-04-01", RecordType::LanguageChosen, "", "en");
    // Others are in no view.
    d.add(8, "2025-03-01", RecordType::MeditationCompleted, "m5");
    d.add(8, "2025-03-01", RecordType::IntentionCompleted, "m6");
    return d.records;
}

inline constexpr const char* kFixedToday = "2025-06-01";

// A PostgreSQL server for the suite (started once: initdb takes about a second), a database
// and a folder for each test. A server that cannot start fails every test, saying why.
class ForwardServerTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        failure_.clear();
        try {
            server_ = std::make_unique<PostgresServer>();
        } catch (const std::exception& e) {
            failure_ = e.what();
        }
    }
    static void TearDownTestSuite() { server_.reset(); }

    void SetUp() override {
        ASSERT_TRUE(server_) << "no PostgreSQL server for the forwarding tests: " << failure_;
        if (!server_->running()) server_->start();  // a test that stopped it and failed
        std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        database_ = name.substr(0, 60);
        uri_ = server_->create_database(database_);
        folder_ = server_->dir() + "/stores-" + database_;
        std::filesystem::create_directories(folder_);
    }
    void TearDown() override {
        std::error_code ec;
        if (!folder_.empty()) std::filesystem::remove_all(folder_, ec);
    }

    std::string store(const std::string& name) const { return folder_ + "/" + name + ".db"; }

    // Quick tries and looks, messages kept in `said`, the day fixed.
    platform::Forwarder::Options options(const std::string& store_path, const std::shared_ptr<Said>& said) const {
        platform::Forwarder::Options o;
        o.store_path = store_path;
        o.uri = uri_;
        o.today = [] { return std::string(kFixedToday); };
        o.retry_first_s = 0.02;
        o.retry_max_s = 0.1;
        o.poll_s = 0.02;
        o.say = [said](const std::string& line) { said->add(line); };
        return o;
    }

    PostgresServer::Rows query(const std::string& sql) const { return server_->query(sql, database_); }
    long long count(const std::string& sql) const {
        const auto rows = query(sql);
        return rows.empty() || rows[0].empty() || !rows[0][0] ? -1 : std::stoll(*rows[0][0]);
    }

    static inline std::unique_ptr<PostgresServer> server_;
    static inline std::string failure_;
    std::string database_, uri_, folder_;
};

}  // namespace anteroom::testing
