#include "platform/event_store.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace anteroom::platform {

const char* const kEventSchema = R"sql(
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY NOT NULL,
  day TEXT NOT NULL,
  kiosk TEXT NOT NULL,
  app_version TEXT NOT NULL,
  content_version TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  locale TEXT NOT NULL,
  type TEXT NOT NULL,
  module TEXT,
  screen TEXT,
  question TEXT,
  right_first_time INTEGER,
  duration_s INTEGER,
  preset TEXT,
  length_s INTEGER,
  prompts INTEGER,
  wrote INTEGER,
  forwarded INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_by_day ON events(day);
CREATE INDEX IF NOT EXISTS events_to_forward ON events(id) WHERE forwarded = 0;
)sql";

namespace {

constexpr const char* kColumns =
    "id, day, kiosk, app_version, content_version, content_hash, locale, type, module, screen, question, "
    "right_first_time, duration_s, preset, length_s, prompts, wrote";
constexpr std::size_t kBatch = 2000;  // records per transaction: one fsync for many

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

StoreHealth::Condition classify(sqlite3* db, int code) {
    switch (code & 0xff) {
    case SQLITE_FULL: return StoreHealth::DiskFull;
    case SQLITE_READONLY:
    case SQLITE_PERM: return StoreHealth::ReadOnly;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return StoreHealth::Locked;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return StoreHealth::Corrupt;
    case SQLITE_IOERR: {
        const int err = db ? sqlite3_system_errno(db) : 0;
        if (err == ENOSPC || err == EDQUOT) return StoreHealth::DiskFull;
        if (err == EROFS || err == EACCES || err == EPERM) return StoreHealth::ReadOnly;
        return StoreHealth::CannotOpen;
    }
    default: return StoreHealth::CannotOpen;
    }
}

// A column's text, or "" for NULL.
std::string text(sqlite3_stmt* s, int column) {
    const unsigned char* t = sqlite3_column_text(s, column);
    return t ? reinterpret_cast<const char*>(t) : "";
}
int integer(sqlite3_stmt* s, int column) {
    return sqlite3_column_type(s, column) == SQLITE_NULL ? -1 : sqlite3_column_int(s, column);
}

void bind_text(sqlite3_stmt* s, int at, const std::string& v, bool optional) {
    if (optional && v.empty()) sqlite3_bind_null(s, at);
    else sqlite3_bind_text(s, at, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}
void bind_int(sqlite3_stmt* s, int at, int v) {
    if (v < 0) sqlite3_bind_null(s, at);
    else sqlite3_bind_int(s, at, v);
}

// A file name for a corrupt store kept beside it: events.db.corrupt-20261201-221530.
std::string aside_name(const std::string& path) {
    char stamp[32];
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    std::string name = path + ".corrupt-" + stamp;
    for (int n = 2; std::filesystem::exists(name); ++n) name = path + ".corrupt-" + stamp + "-" + std::to_string(n);
    return name;
}

}  // namespace

std::string default_event_store_path() {
    std::string dir = env("STATE_DIRECTORY");
    if (const auto colon = dir.find(':'); colon != std::string::npos) dir.resize(colon);  // systemd lists several
    if (dir.empty() && !env("XDG_STATE_HOME").empty()) dir = env("XDG_STATE_HOME") + "/anteroom";
    if (dir.empty()) dir = (env("HOME").empty() ? std::string(".") : env("HOME")) + "/.local/state/anteroom";
    return dir + "/events.db";
}

const char* condition_name(StoreHealth::Condition condition) {
    switch (condition) {
    case StoreHealth::Ok: return "saving";
    case StoreHealth::DiskFull: return "the disk is full";
    case StoreHealth::ReadOnly: return "the file system is read-only or the file may not be written";
    case StoreHealth::Locked: return "the database is locked by another program";
    case StoreHealth::Corrupt: return "the database file is damaged";
    case StoreHealth::CannotOpen: return "the database cannot be opened";
    }
    return "?";
}

EventStore::EventStore(Options options) : options_(std::move(options)) {
    thread_ = std::thread([this] { writer(); });
}

EventStore::~EventStore() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void EventStore::post(Record record) {
    {
        std::lock_guard lock(mutex_);
        if (queue_.size() + in_flight_ >= options_.queue_limit) {  // the disk has refused for a long time: keep the older ones
            if (health_.dropped++ == 0)
                std::fprintf(stderr, "anteroom: event store: %zu records wait in memory; newer ones are dropped until %s can be written\n",
                             queue_.size(), options_.path.c_str());
            return;
        }
        queue_.push_back(std::move(record));
    }
    wake_.notify_one();
}

StoreHealth EventStore::health() const {
    std::lock_guard lock(mutex_);
    StoreHealth h = health_;
    h.queued = queue_.size() + in_flight_;
    return h;
}

bool EventStore::flush(double timeout_s) {
    std::unique_lock lock(mutex_);
    return idle_.wait_for(lock, std::chrono::duration<double>(timeout_s), [&] { return queue_.empty() && in_flight_ == 0; });
}

void EventStore::note(StoreHealth::Condition condition, const std::string& detail) {
    std::lock_guard lock(mutex_);
    health_.condition = condition;
    health_.detail = detail;
    if (condition == reported_) return;  // said once: journald need not hear it every retry
    if (condition == StoreHealth::Ok)
        std::fprintf(stderr, "anteroom: event store: saving again to %s\n", options_.path.c_str());
    else
        std::fprintf(stderr, "anteroom: event store: %s (%s); %zu records wait in memory and are tried again\n",
                     condition_name(condition), detail.c_str(), queue_.size() + in_flight_);
    reported_ = condition;
}

bool EventStore::open_database() {
    const std::filesystem::path path(options_.path);
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (!std::filesystem::exists(path, ec)) {  // made private to this user before SQLite writes to it
        const mode_t old = umask(077);
        std::FILE* f = std::fopen(options_.path.c_str(), "ab");
        if (f) std::fclose(f);
        umask(old);
    }
    int rc = sqlite3_open_v2(options_.path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    auto fail = [&](const std::string& what) {
        const StoreHealth::Condition c = classify(db_, rc);
        const std::string detail = options_.path + ": " + what + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
        sqlite3_close(db_);
        db_ = nullptr;
        if (c == StoreHealth::Corrupt) {  // keep it for whoever wants to look; start afresh
            const std::string aside = aside_name(options_.path);
            std::filesystem::rename(options_.path, aside, ec);
            if (ec) {  // cannot even move it: leave it be, and say so
                note(c, detail + "; it cannot be moved aside: " + ec.message());
                return false;
            }
            for (const char* suffix : {"-wal", "-shm"})
                if (std::filesystem::exists(options_.path + suffix)) std::filesystem::rename(options_.path + suffix, aside + suffix, ec);
            {
                std::lock_guard lock(mutex_);
                health_.moved_aside = aside;
            }
            note(c, detail + "; moved aside to " + aside + ", a new file is started");
            return open_database();
        }
        note(c, detail);
        return false;
    };
    if (rc != SQLITE_OK) return fail("open");
    sqlite3_busy_timeout(db_, 200);
    sqlite3_extended_result_codes(db_, 1);
    // WAL: readers (stats, export) never block the writer. synchronous=FULL: a commit is on the
    // disk before it is reported. secure_delete: purged records are overwritten, not left in
    // free pages. journal_size_limit=0: the WAL is truncated after each checkpoint, so old pages
    // do not linger in it in the order they were written.
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA secure_delete=ON",
                               "PRAGMA journal_size_limit=0"}) {
        if ((rc = sqlite3_exec(db_, pragma, nullptr, nullptr, nullptr)) != SQLITE_OK) return fail(pragma);
    }
    if ((rc = sqlite3_exec(db_, kEventSchema, nullptr, nullptr, nullptr)) != SQLITE_OK) return fail("create the table");
    // A damaged file can open cleanly: look before trusting it (integrity_check, not quick_check,
    // which does not compare the indexes with the table; once per start, milliseconds for a year).
    sqlite3_stmt* check = nullptr;
    if ((rc = sqlite3_prepare_v2(db_, "PRAGMA integrity_check(1)", -1, &check, nullptr)) != SQLITE_OK) return fail("check");
    rc = sqlite3_step(check);
    const std::string verdict = rc == SQLITE_ROW ? text(check, 0) : "";
    sqlite3_finalize(check);
    if (verdict != "ok") {
        rc = SQLITE_CORRUPT;
        return fail("integrity_check says " + (verdict.empty() ? std::string("nothing") : verdict));
    }
    return true;
}

bool EventStore::commit(std::vector<Record>& batch) {
    sqlite3_stmt* insert = nullptr;
    const std::string sql = std::string("INSERT OR IGNORE INTO events (") + kColumns +
                            ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    int rc = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(db_, sql.c_str(), -1, &insert, nullptr);
    for (std::size_t i = 0; rc == SQLITE_OK && i < batch.size(); ++i) {
        const Record& r = batch[i];
        int at = 1;
        for (const std::string* v : {&r.id, &r.day, &r.kiosk, &r.app_version, &r.content_version, &r.content_hash, &r.locale})
            bind_text(insert, at++, *v, false);
        bind_text(insert, at++, record_type_name(r.type), false);
        for (const std::string* v : {&r.module, &r.screen, &r.question}) bind_text(insert, at++, *v, true);
        bind_int(insert, at++, r.right_first_time);
        bind_int(insert, at++, r.duration_s);
        bind_text(insert, at++, r.preset, true);
        for (int v : {r.length_s, r.prompts, r.wrote}) bind_int(insert, at++, v);
        rc = sqlite3_step(insert);
        if (rc == SQLITE_DONE) rc = sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    if (rc == SQLITE_OK) rc = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return true;
    const StoreHealth::Condition c = classify(db_, rc);
    const std::string detail = options_.path + ": " + sqlite3_errmsg(db_);
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    note(c, detail);
    if (c != StoreHealth::Locked) {  // open afresh next time: a corrupt file is moved aside there
        sqlite3_close(db_);
        db_ = nullptr;
    }
    return false;
}

void EventStore::purge_if_due() {
    const std::string day = options_.today();
    if (day == purged_day_ || !db_) return;
    const std::string cutoff = add_days(day, -options_.retention_days);
    std::string sql = "DELETE FROM events WHERE day < ?";
    if (options_.keep_unforwarded) sql += " AND forwarded = 1";
    sqlite3_stmt* s = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(s, 1, cutoff.c_str(), -1, SQLITE_TRANSIENT);
        rc = sqlite3_step(s);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) return;  // tried again on the next batch
    const int purged = sqlite3_changes(db_);
    // Rebuilt once a day in id order: rows written one after another no longer sit together.
    sqlite3_exec(db_, "VACUUM", nullptr, nullptr, nullptr);
    sqlite3_exec(db_, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    purged_day_ = day;
    std::lock_guard lock(mutex_);
    health_.purged += static_cast<std::uint64_t>(purged);
}

void EventStore::writer() {
    double wait_s = options_.retry_first_s;
    auto deadline = std::chrono::steady_clock::time_point::max();  // when stopping: how long a fault may hold us
    for (;;) {
        std::vector<Record> batch;
        {
            std::unique_lock lock(mutex_);
            wake_.wait_for(lock, std::chrono::seconds(60), [&] { return stopping_ || !queue_.empty(); });
            if (stopping_ && deadline == std::chrono::steady_clock::time_point::max())
                deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
            if (queue_.empty() && stopping_) break;
            if (stopping_ && std::chrono::steady_clock::now() > deadline) break;  // the disk still refuses: give up
            const std::size_t n = std::min(queue_.size(), kBatch);
            batch.reserve(n);
            for (std::size_t i = 0; i < n; ++i) {
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
            in_flight_ = n;
        }
        bool ok = db_ || open_database();
        if (ok) purge_if_due();
        ok = ok && (batch.empty() || commit(batch));
        std::vector<std::string> ids;
        {
            std::lock_guard lock(mutex_);
            in_flight_ = 0;
            if (ok) {
                health_.committed += batch.size();
            } else {  // back to the front, in the order they came
                for (auto it = batch.rbegin(); it != batch.rend(); ++it) queue_.push_front(std::move(*it));
            }
        }
        if (ok) {
            note(StoreHealth::Ok, {});
            wait_s = options_.retry_first_s;
            if (options_.on_committed && !batch.empty()) {
                ids.reserve(batch.size());
                for (const Record& r : batch) ids.push_back(r.id);
                options_.on_committed(ids);
            }
            idle_.notify_all();
            continue;
        }
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, std::chrono::duration<double>(wait_s), [&] { return stopping_; });
        wait_s = std::min(wait_s * 2, options_.retry_max_s);
    }
    sqlite3_close(db_);
    db_ = nullptr;
}

std::vector<Record> read_records(const std::string& path, const std::string& since, const std::string& until,
                                 std::string* error, std::size_t* skipped) {
    std::vector<Record> out;
    if (!std::filesystem::exists(path)) {
        *error = path + ": no event store here yet (the kiosk makes it when it records its first event)";
        return out;
    }
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* s = nullptr;
    const std::string sql = std::string("SELECT ") + kColumns + " FROM events WHERE (?1 = '' OR day >= ?1) AND (?2 = '' OR day <= ?2)";
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr);
    }
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(s, 1, since.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 2, until.c_str(), -1, SQLITE_TRANSIENT);
        // One statement is one read transaction: a consistent view while the kiosk writes.
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            const auto type = record_type_from_name(text(s, 7));
            if (!type) {  // not on the list: never reported
                if (skipped) ++*skipped;
                continue;
            }
            Record r;
            int at = 0;
            for (std::string* v : {&r.id, &r.day, &r.kiosk, &r.app_version, &r.content_version, &r.content_hash, &r.locale})
                *v = text(s, at++);
            r.type = *type;
            ++at;
            for (std::string* v : {&r.module, &r.screen, &r.question}) *v = text(s, at++);
            r.right_first_time = integer(s, at++);
            r.duration_s = integer(s, at++);
            r.preset = text(s, at++);
            for (int* v : {&r.length_s, &r.prompts, &r.wrote}) *v = integer(s, at++);
            out.push_back(std::move(r));
        }
        if (rc == SQLITE_DONE) rc = SQLITE_OK;
    }
    if (rc != SQLITE_OK) {
        *error = path + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        out.clear();
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
}

}  // namespace anteroom::platform
