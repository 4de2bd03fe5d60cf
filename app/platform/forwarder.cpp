#include "platform/forwarder.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "core/config.hpp"
#include "platform/event_store.hpp"

namespace anteroom::platform {

namespace {

// [SECTION] SQL =============================================================================
// Everything the forwarder says to PostgreSQL and to the store, in one place.

// Run by every kiosk on connecting, in one transaction. IF NOT EXISTS and OR REPLACE make it
// idempotent; the advisory lock ('ante') lets one kiosk at a time run it, as concurrent
// CREATEs of one table or view fail otherwise.
//
// The views are core/report.hpp's tables by month: the same rows, columns and suppression.
// Counts are text, the number or '<N' (N: anteroom_settings.min_cell); a hidden median or
// percentage is NULL. The group rules use window functions over (period, module).
const char* const kServerSchema = R"sql(
BEGIN;
SELECT pg_advisory_xact_lock(1634628709);

-- The records, as the kiosks' stores hold them (without their `forwarded`).
CREATE TABLE IF NOT EXISTS anteroom_events (
  id text PRIMARY KEY,
  day date NOT NULL,
  kiosk text NOT NULL,
  app_version text NOT NULL,
  content_version text NOT NULL,
  content_hash text NOT NULL,
  locale text NOT NULL,
  type text NOT NULL,
  module text,
  screen text,
  question text,
  right_first_time integer,
  duration_s integer,
  preset text,
  length_s integer,
  prompts integer,
  wrote integer
);

-- One row: the least count the views show, the largest min_cell any kiosk forwarded with
-- (raised after this transaction), never below 3.
CREATE TABLE IF NOT EXISTS anteroom_settings (min_cell integer NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS anteroom_settings_one_row ON anteroom_settings ((true));
INSERT INTO anteroom_settings (min_cell) SELECT 3 WHERE NOT EXISTS (SELECT FROM anteroom_settings);

-- funnel (period, module): starts, and how the module ended. Rows: every (month, module) with
-- a start or an ending (a time-out outside a module has no module: not here).
CREATE OR REPLACE VIEW anteroom_funnel AS
WITH s AS (SELECT greatest(max(min_cell), 3) AS n FROM anteroom_settings),
counts AS (
  SELECT to_char(day, 'YYYY-MM') AS period, module,
         count(*) FILTER (WHERE type = 'module_started') AS started,
         count(*) FILTER (WHERE type = 'module_completed') AS completed,
         count(*) FILTER (WHERE type = 'module_left') AS left_early,
         count(*) FILTER (WHERE type = 'module_stopped') AS stopped,
         count(*) FILTER (WHERE type = 'session_timed_out') AS timed_out,
         -- the lower median, as the report: the middle duration, or the lower of the middle two
         percentile_disc(0.5) WITHIN GROUP (ORDER BY duration_s) FILTER (WHERE type = 'module_completed') AS median
  FROM anteroom_events
  WHERE module IS NOT NULL
    AND type IN ('module_started', 'module_completed', 'module_left', 'module_stopped', 'session_timed_out')
  GROUP BY 1, 2),
flagged AS (  -- below min_cell
  SELECT c.*, s.n,
         c.completed < s.n AS h_completed, c.left_early < s.n AS h_left,
         c.stopped < s.n AS h_stopped, c.timed_out < s.n AS h_timed_out
  FROM counts c CROSS JOIN s),
second AS (  -- exactly one ending hidden: the smallest shown one too (ties: completed, left, stopped, timed_out)
  SELECT f.*,
         CASE WHEN h_completed::int + h_left::int + h_stopped::int + h_timed_out::int = 1 THEN
           (SELECT k FROM (VALUES (1, completed, h_completed), (2, left_early, h_left),
                                  (3, stopped, h_stopped), (4, timed_out, h_timed_out)) AS e (k, v, h)
            WHERE NOT h ORDER BY v, k LIMIT 1)
         ELSE 0 END AS also
  FROM flagged f)
SELECT period, module,
       CASE WHEN started < n THEN '<' || n ELSE started::text END AS started,
       CASE WHEN h_completed OR also = 1 THEN '<' || n ELSE completed::text END AS completed,
       CASE WHEN h_left OR also = 2 THEN '<' || n ELSE left_early::text END AS "left",
       CASE WHEN h_stopped OR also = 3 THEN '<' || n ELSE stopped::text END AS stopped,
       CASE WHEN h_timed_out OR also = 4 THEN '<' || n ELSE timed_out::text END AS timed_out,
       -- only beside a shown completed; rounded half away from zero
       CASE WHEN h_completed OR also = 1 THEN NULL ELSE median::bigint END AS median_duration_s
FROM second;

-- locales (period, module, locale): starts by language. They add up to the funnel's started:
-- exactly one hidden in a (period, module) hides the smallest shown one too (ties: the first
-- locale in byte order).
CREATE OR REPLACE VIEW anteroom_locales AS
WITH s AS (SELECT greatest(max(min_cell), 3) AS n FROM anteroom_settings),
counts AS (
  SELECT to_char(day, 'YYYY-MM') AS period, module, locale, count(*) AS started
  FROM anteroom_events
  WHERE type = 'module_started' AND module IS NOT NULL
  GROUP BY 1, 2, 3),
flagged AS (SELECT c.*, s.n, c.started < s.n AS hidden FROM counts c CROSS JOIN s),
ranked AS (
  SELECT f.*,
         count(*) FILTER (WHERE hidden) OVER (PARTITION BY period, module) AS hidden_in_group,
         row_number() OVER (PARTITION BY period, module ORDER BY hidden, started, locale COLLATE "C") AS shown_rank
  FROM flagged f)
SELECT period, module, locale,
       CASE WHEN hidden OR (hidden_in_group = 1 AND shown_rank = 1) THEN '<' || n ELSE started::text END AS started
FROM ranked;

-- questions (period, module, question): the two parts add up to answered, so one hidden part
-- hides the other; the percentage (rounded half away from zero) shows only beside both.
CREATE OR REPLACE VIEW anteroom_questions AS
WITH s AS (SELECT greatest(max(min_cell), 3) AS n FROM anteroom_settings),
counts AS (
  SELECT to_char(day, 'YYYY-MM') AS period, module, question, count(*) AS answered,
         count(*) FILTER (WHERE right_first_time = 1) AS right_first
  FROM anteroom_events
  WHERE type = 'question_answered'
  GROUP BY 1, 2, 3),
flagged AS (
  SELECT c.*, s.n, c.answered - c.right_first AS not_right_first,
         c.right_first < s.n OR c.answered - c.right_first < s.n AS parts_hidden
  FROM counts c CROSS JOIN s)
SELECT period, module, question,
       CASE WHEN answered < n THEN '<' || n ELSE answered::text END AS answered,
       CASE WHEN parts_hidden THEN '<' || n ELSE right_first::text END AS right_first_time,
       CASE WHEN parts_hidden THEN '<' || n ELSE not_right_first::text END AS not_right_first_time,
       CASE WHEN parts_hidden THEN NULL ELSE round(100.0 * right_first / answered)::bigint END AS right_first_time_pct
FROM flagged;

-- consent (period, module, version, hash, locale): consent prepared, by the text read. Adds
-- up to the funnel's completed: the locales' group rule by (period, module) (ties: the first
-- row by version, hash, locale in byte order).
CREATE OR REPLACE VIEW anteroom_consent AS
WITH s AS (SELECT greatest(max(min_cell), 3) AS n FROM anteroom_settings),
counts AS (
  SELECT to_char(day, 'YYYY-MM') AS period, module, content_version AS version, content_hash AS hash, locale,
         count(*) AS completed
  FROM anteroom_events
  WHERE type = 'consent_completed' AND module IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5),
flagged AS (SELECT c.*, s.n, c.completed < s.n AS hidden FROM counts c CROSS JOIN s),
ranked AS (
  SELECT f.*,
         count(*) FILTER (WHERE hidden) OVER (PARTITION BY period, module) AS hidden_in_group,
         row_number() OVER (PARTITION BY period, module
                            ORDER BY hidden, completed, version COLLATE "C", hash COLLATE "C", locale COLLATE "C") AS shown_rank
  FROM flagged f)
SELECT period, module, version, hash, locale,
       CASE WHEN hidden OR (hidden_in_group = 1 AND shown_rank = 1) THEN '<' || n ELSE completed::text END AS completed
FROM ranked;

-- languages (period, locale): languages chosen; no total to subtract from.
CREATE OR REPLACE VIEW anteroom_languages AS
WITH s AS (SELECT greatest(max(min_cell), 3) AS n FROM anteroom_settings)
SELECT to_char(day, 'YYYY-MM') AS period, locale,
       CASE WHEN count(*) < s.n THEN '<' || s.n ELSE count(*)::text END AS chosen
FROM anteroom_events CROSS JOIN s
WHERE type = 'language_chosen'
GROUP BY 1, 2, s.n;

COMMIT;
)sql";

// This kiosk's min_cell, after the schema: the views use the largest any kiosk gave.
const char* const kRaiseMinCell = "UPDATE anteroom_settings SET min_cell = greatest(min_cell, $1::integer)";

// A batch in one statement, one array per column; ids the server has are ignored.
const char* const kInsertBatch = R"sql(
INSERT INTO anteroom_events (id, day, kiosk, app_version, content_version, content_hash, locale, type,
                             module, screen, question, right_first_time, duration_s, preset, length_s, prompts, wrote)
SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::text[], $11::text[], $12::integer[], $13::integer[], $14::text[],
                     $15::integer[], $16::integer[], $17::integer[])
ON CONFLICT (id) DO NOTHING
)sql";

// The store. A batch: unforwarded records of days that are over, in id order (random); +day
// keeps SQLite on the index of unforwarded ids rather than scanning every past day.
const char* const kPickBatch =
    "SELECT id, day, kiosk, app_version, content_version, content_hash, locale, type, module, screen, question, "
    "right_first_time, duration_s, preset, length_s, prompts, wrote "
    "FROM events WHERE forwarded = 0 AND +day < ?1 ORDER BY id LIMIT ?2";
const char* const kMarkForwarded = "UPDATE events SET forwarded = 1 WHERE id = ?1";
const char* const kCountWaiting = "SELECT count(*), min(day) FROM events WHERE forwarded = 0";

constexpr int kColumns = 17;
// Which columns are integers (the rest are text), and which may be NULL.
constexpr std::array<bool, kColumns> kIntegerColumn = {false, false, false, false, false, false, false, false, false,
                                                       false, false, true,  true,  false, true,  true,  true};
constexpr int kNullableFrom = 8;  // module and after

// [SECTION] Helpers =========================================================================

using Clock = std::chrono::steady_clock;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// libpq's words on one line: "...failed: No such file or directory\n\tIs the server..." -> "...; ...".
std::string one_line(const char* text) {
    std::string out;
    for (const char* p = text ? text : ""; *p; ++p) {
        if (*p == '\n') {
            while (!out.empty() && is_space(out.back())) out.pop_back();
            if (!out.empty()) out += "; ";
            while (p[1] == '\t' || p[1] == ' ') ++p;
        } else {
            out += *p;
        }
    }
    while (!out.empty() && (is_space(out.back()) || out.back() == ';')) out.pop_back();
    return out.empty() ? "no reason given" : out;
}

// An element of a PostgreSQL array literal in text format: quoted, \ and " escaped.
void append_element(std::string& array, const char* value, bool quoted) {
    if (array.size() > 1) array += ',';
    if (!value) {
        array += "NULL";
        return;
    }
    if (!quoted) {
        array += value;
        return;
    }
    array += '"';
    for (const char* p = value; *p; ++p) {
        if (*p == '"' || *p == '\\') array += '\\';
        array += *p;
    }
    array += '"';
}

void no_notices(void*, const char*) {}  // "relation already exists, skipping" and the like

// Well-formed UTF-8 (what PostgreSQL takes): no stray or overlong bytes, no surrogates.
bool is_utf8(const unsigned char* p) {
    while (*p) {
        const unsigned char c = *p;
        int n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xe ? 2 : (c >> 3) == 0x1e ? 3 : -1;
        if (n < 0 || (n == 1 && c < 0xc2) || c > 0xf4) return false;
        unsigned cp = n == 0 ? c : c & (0x3f >> n);
        for (int i = 1; i <= n; ++i) {
            if ((p[i] & 0xc0) != 0x80) return false;
            cp = (cp << 6) | (p[i] & 0x3f);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n == 3 && (cp < 0x10000 || cp > 0x10ffff))) return false;
        p += n + 1;
    }
    return true;
}

}  // namespace

// [SECTION] Masking =========================================================================

std::string mask_password(std::string_view text) {
    std::string out(text);
    // URIs: scheme://user:password@host... The credentials end at the URI's last '@' (a raw
    // '@' or '/' in a password then still does not show); the password starts after the first
    // ':'. Where no password is given, this may hide a port and more: never too little.
    for (std::size_t from = 0, at; (at = out.find("://", from)) != std::string::npos;) {
        const std::size_t start = at + 3;
        auto span_end = [&] {
            std::size_t end = start;
            while (end < out.size() && !is_space(out[end])) ++end;
            return end;
        };
        if (const std::size_t end = span_end(); end > start) {
            const std::size_t last_at = out.rfind('@', end - 1);
            const std::size_t colon = out.find(':', start);
            if (last_at != std::string::npos && last_at >= start && colon < last_at)
                out.replace(colon + 1, last_at - colon - 1, "***");
        }
        from = span_end();
    }
    // password=value: in a URI's query (?password=...&) or a key=value connection string,
    // where the value may be quoted ('it\'s').
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    const std::string_view key = "password";
    for (std::size_t i = 0; i + key.size() <= out.size(); ++i) {
        bool match = true;
        for (std::size_t k = 0; k < key.size() && match; ++k) match = lower(out[i + k]) == key[k];
        if (!match) continue;
        std::size_t key_start = i;  // sslpassword too
        if (i >= 3 && lower(out[i - 3]) == 's' && lower(out[i - 2]) == 's' && lower(out[i - 1]) == 'l') key_start = i - 3;
        const char before = key_start == 0 ? ' ' : out[key_start - 1];
        if (!(is_space(before) || std::string_view("?&;(,\"'").find(before) != std::string_view::npos)) continue;
        std::size_t p = i + key.size();
        while (p < out.size() && is_space(out[p])) ++p;
        if (p >= out.size() || out[p] != '=') continue;
        ++p;
        while (p < out.size() && is_space(out[p])) ++p;
        std::size_t end = p;
        if (end < out.size() && out[end] == '\'') {
            for (++end; end < out.size(); ++end) {
                if (out[end] == '\\' && end + 1 < out.size()) ++end;
                else if (out[end] == '\'') {
                    ++end;
                    break;
                }
            }
        } else {
            while (end < out.size() && !is_space(out[end]) && out[end] != '&' && out[end] != '#') ++end;
        }
        if (end > p) out.replace(p, end - p, "***");
        i = p + 2;
    }
    return out;
}

// [SECTION] The thread's work ===============================================================

struct Forwarder::Worker {
    Forwarder& f;
    const Options& o;
    PGconn* pg = nullptr;
    sqlite3* db = nullptr;
    sqlite3_stmt* pick = nullptr;
    sqlite3_stmt* mark = nullptr;
    sqlite3_stmt* count = nullptr;
    bool server_said = false, store_said = false, not_records_said = false;
    Clock::time_point counted_at{};

    enum class Outcome { More, Idle, Retry };
    enum class Wait { Ready, Timeout, Stopped, Failed };

    Worker(Forwarder& forwarder) : f(forwarder), o(forwarder.options_) {}
    ~Worker() {
        drop_server();
        close_store();
    }

    // -- Saying what happens ------------------------------------------------------------------

    std::uint64_t waiting() {
        std::lock_guard lock(f.mutex_);
        return f.health_.waiting;
    }

    void server_problem(const std::string& detail) {
        count_waiting(true);
        const std::string text = mask_password(o.uri) + ": " + mask_password(detail);
        bool say = false;
        {
            std::lock_guard lock(f.mutex_);
            f.health_.problem = text;
            f.health_.connected = false;
            if (!server_said) {
                server_said = say = true;
                f.health_.outage = true;
                ++f.health_.outages;
            }
        }
        if (say)
            f.say("anteroom: forwarder: cannot reach the clinic's server (" + text + "); " + std::to_string(waiting()) +
                  " records wait and are sent when it is back");
    }
    void server_ok() {
        {
            std::lock_guard lock(f.mutex_);
            f.health_.connected = true;
            f.health_.outage = store_said;
        }
        if (!server_said) return;
        server_said = false;
        count_waiting(true);
        f.say("anteroom: forwarder: the clinic's server is reachable again (" + mask_password(o.uri) + "); " +
              std::to_string(waiting()) + " records waited and are being sent");
    }
    void store_problem(const std::string& what) {
        const std::string text = o.store_path + ": " + what + ": " + (db ? sqlite3_errmsg(db) : "cannot open");
        close_store();
        bool say = false;
        {
            std::lock_guard lock(f.mutex_);
            f.health_.problem = text;
            if (!store_said) {
                store_said = say = true;
                f.health_.outage = true;
                ++f.health_.outages;
            }
        }
        if (say) f.say("anteroom: forwarder: cannot read the event store (" + text + "); its records are sent once it can be read");
    }
    void store_ok() {
        if (!store_said) return;
        store_said = false;
        {
            std::lock_guard lock(f.mutex_);
            f.health_.outage = server_said;
        }
        f.say("anteroom: forwarder: reading the event store again (" + o.store_path + ")");
    }

    // -- The store ------------------------------------------------------------------------------

    static int busy(void* self, int tries) {  // busy_timeout of about 5 s that a stop cuts short
        auto* w = static_cast<Worker*>(self);
        if (w->f.stopping() || tries >= 1000) return 0;
        sqlite3_sleep(5);
        return 1;
    }

    void close_store() {
        for (sqlite3_stmt** s : {&pick, &mark, &count}) {
            sqlite3_finalize(*s);
            *s = nullptr;
        }
        sqlite3_close(db);
        db = nullptr;
    }

    enum class Store { Open, Missing, Failed };
    Store open_store() {
        std::error_code ec;
        if (!std::filesystem::exists(o.store_path, ec)) return Store::Missing;  // the kiosk has recorded nothing yet
        // Never made here: the event store makes the file, private to its user.
        if (sqlite3_open_v2(o.store_path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
            store_problem("open");
            return Store::Failed;
        }
        sqlite3_busy_handler(db, busy, this);
        // The event store's own care: no old pages left in the WAL or free pages. synchronous=
        // NORMAL: a mark lost to a power cut only sends a batch again.
        for (const char* pragma : {"PRAGMA secure_delete=ON", "PRAGMA journal_size_limit=0", "PRAGMA synchronous=NORMAL"}) {
            if (sqlite3_exec(db, pragma, nullptr, nullptr, nullptr) != SQLITE_OK) {
                store_problem(pragma);
                return Store::Failed;
            }
        }
        bool ok = true;
        for (auto [sql, s] : {std::pair{kPickBatch, &pick}, {kMarkForwarded, &mark}, {kCountWaiting, &count}})
            ok = ok && sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, s, nullptr) == SQLITE_OK;
        if (!ok) {
            if (std::string(sqlite3_errmsg(db)).find("no such table") != std::string::npos) {  // not made yet
                close_store();
                return Store::Missing;
            }
            store_problem("prepare");
            return Store::Failed;
        }
        return Store::Open;
    }

    // The unforwarded rows and the oldest one's day; at most once a second unless `now`.
    void count_waiting(bool now) {
        if (!db || (!now && Clock::now() - counted_at < std::chrono::seconds(1))) return;
        counted_at = Clock::now();
        if (sqlite3_step(count) == SQLITE_ROW) {
            const auto* day = sqlite3_column_text(count, 1);
            std::lock_guard lock(f.mutex_);
            f.health_.waiting = static_cast<std::uint64_t>(sqlite3_column_int64(count, 0));
            f.health_.oldest_waiting = day ? reinterpret_cast<const char*>(day) : "";
        }
        sqlite3_reset(count);
    }

    struct Batch {
        std::vector<std::string> ids;  // every row picked: sent, or no record
        std::array<std::string, kColumns> arrays;
        std::size_t records = 0, not_records = 0;
    };

    bool read_batch(Batch& b) {
        for (std::string& a : b.arrays) a = "{";
        const std::string today = o.today();
        sqlite3_bind_text(pick, 1, today.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(pick, 2, static_cast<sqlite3_int64>(o.batch_size));
        int rc;
        while ((rc = sqlite3_step(pick)) == SQLITE_ROW) {
            auto text = [&](int c) { return reinterpret_cast<const char*>(sqlite3_column_text(pick, c)); };
            b.ids.emplace_back(text(0) ? text(0) : "");
            // Only records leave the kiosk: a real day, a type on the list, whole numbers, text
            // PostgreSQL takes (a row it refused would hold up every batch after it).
            bool record = text(1) && is_day(text(1)) && text(7) && record_type_from_name(text(7));
            for (int c = 0; c < kColumns && record; ++c) {
                const int type = sqlite3_column_type(pick, c);
                if (type == SQLITE_NULL) record = c >= kNullableFrom;
                else if (kIntegerColumn[c])
                    record = type == SQLITE_INTEGER && sqlite3_column_int64(pick, c) >= INT32_MIN && sqlite3_column_int64(pick, c) <= INT32_MAX;
                else record = is_utf8(sqlite3_column_text(pick, c));
            }
            if (!record) {
                ++b.not_records;
                continue;
            }
            ++b.records;
            for (int c = 0; c < kColumns; ++c) {
                if (sqlite3_column_type(pick, c) == SQLITE_NULL) append_element(b.arrays[c], nullptr, false);
                else if (kIntegerColumn[c]) append_element(b.arrays[c], std::to_string(sqlite3_column_int64(pick, c)).c_str(), false);
                else append_element(b.arrays[c], text(c), true);
            }
        }
        sqlite3_reset(pick);
        for (std::string& a : b.arrays) a += '}';
        return rc == SQLITE_DONE;
    }

    bool mark_forwarded(const std::vector<std::string>& ids) {
        if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) return false;
        int rc = SQLITE_DONE;
        for (const std::string& id : ids) {
            sqlite3_bind_text(mark, 1, id.c_str(), static_cast<int>(id.size()), SQLITE_STATIC);
            rc = sqlite3_step(mark);
            sqlite3_reset(mark);
            if (rc != SQLITE_DONE) break;
        }
        sqlite3_clear_bindings(mark);
        if (rc == SQLITE_DONE && sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK) return true;
        if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        return false;
    }

    // -- The server -----------------------------------------------------------------------------

    void drop_server() {
        if (pg) PQfinish(pg);  // a statement in flight is abandoned: its batch is not marked, so it is sent again
        pg = nullptr;
        std::lock_guard lock(f.mutex_);
        f.health_.connected = false;
    }

    // Waits for the connection's socket, in short slices so a stop is seen at once.
    Wait wait_socket(short events, Clock::time_point deadline) {
        for (;;) {
            if (f.stopping()) return Wait::Stopped;
            const auto left = deadline - Clock::now();
            if (left <= Clock::duration::zero()) return Wait::Timeout;
            const int ms = static_cast<int>(std::clamp<long long>(
                std::chrono::duration_cast<std::chrono::milliseconds>(left).count() + 1, 1, 100));
            pollfd p{PQsocket(pg), events, 0};
            if (p.fd < 0) return Wait::Failed;
            const int r = poll(&p, 1, ms);
            if (r > 0) return Wait::Ready;
            if (r < 0 && errno != EINTR) return Wait::Failed;
        }
    }
    std::string wait_problem(Wait w, const char* doing, double seconds) {
        if (w == Wait::Stopped) return "stopping";
        if (w == Wait::Timeout) {
            char text[32];
            std::snprintf(text, sizeof text, "%g", seconds);
            return std::string(doing) + ": no answer in " + text + " s";
        }
        return one_line(PQerrorMessage(pg));
    }

    // Connects without blocking (a stop is seen while it waits); "" when connected.
    std::string connect() {
        // Defaults the URI may override come before it; application_name after it, always ours.
        const std::string timeout = std::to_string(std::max(1, o.connect_timeout_s));
        const char* const keywords[] = {"connect_timeout", "keepalives", "keepalives_idle", "keepalives_interval",
                                        "keepalives_count", "dbname", "application_name", "client_encoding", nullptr};
        const char* const values[] = {timeout.c_str(), "1", "30", "10", "3", o.uri.c_str(), "anteroom", "UTF8", nullptr};
        pg = PQconnectStartParams(keywords, values, 1);
        if (!pg) return "out of memory";
        if (PQstatus(pg) == CONNECTION_BAD) return one_line(PQerrorMessage(pg));
        PQsetNoticeProcessor(pg, no_notices, nullptr);
        // libpq leaves connect_timeout to whoever polls: the one in force (the URI's, or ours).
        double seconds = o.connect_timeout_s;
        if (PQconninfoOption* info = PQconninfo(pg)) {
            for (PQconninfoOption* i = info; i->keyword; ++i)
                if (std::string_view(i->keyword) == "connect_timeout" && i->val) seconds = std::atoi(i->val);
            PQconninfoFree(info);
        }
        if (seconds <= 0) seconds = 1e9;  // 0: wait as long as it takes (a stop still ends it)
        const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(std::min(seconds, 1e7)));
        for (PostgresPollingStatusType st = PGRES_POLLING_WRITING;;) {
            if (st == PGRES_POLLING_OK) break;
            if (st == PGRES_POLLING_FAILED) return one_line(PQerrorMessage(pg));
            const Wait w = wait_socket(st == PGRES_POLLING_READING ? POLLIN : POLLOUT, deadline);
            if (w != Wait::Ready) return wait_problem(w, "connecting", seconds);
            st = PQconnectPoll(pg);
        }
        if (PQsetnonblocking(pg, 1) != 0) return one_line(PQerrorMessage(pg));
        if (std::string problem = exec(kServerSchema); !problem.empty()) return "making the tables and views: " + problem;
        const std::string min_cell = std::to_string(std::max(o.min_cell, kLeastMinCell));
        if (std::string problem = exec(kRaiseMinCell, {min_cell.c_str()}); !problem.empty()) return "setting min_cell: " + problem;
        return {};
    }

    // Sends one command (several statements when it has no parameters) and reads every result,
    // in text format; "" when all succeeded.
    std::string exec(const char* sql, std::vector<const char*> params = {}) {
        const int sent = params.empty() ? PQsendQuery(pg, sql)
                                        : PQsendQueryParams(pg, sql, static_cast<int>(params.size()), nullptr,
                                                            params.data(), nullptr, nullptr, 0);
        if (!sent) return one_line(PQerrorMessage(pg));
        const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.query_timeout_s));
        for (int r; (r = PQflush(pg)) != 0;) {
            if (r < 0) return one_line(PQerrorMessage(pg));
            const Wait w = wait_socket(POLLOUT | POLLIN, deadline);
            if (w != Wait::Ready) return wait_problem(w, "sending", o.query_timeout_s);
            if (!PQconsumeInput(pg)) return one_line(PQerrorMessage(pg));
        }
        std::string problem;
        for (;;) {
            while (PQisBusy(pg)) {
                const Wait w = wait_socket(POLLIN, deadline);
                if (w != Wait::Ready) return wait_problem(w, "waiting for the server", o.query_timeout_s);
                if (!PQconsumeInput(pg)) return one_line(PQerrorMessage(pg));
            }
            PGresult* result = PQgetResult(pg);
            if (!result) break;
            const ExecStatusType status = PQresultStatus(result);
            if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && problem.empty())
                problem = one_line(PQresultErrorMessage(result));
            PQclear(result);
        }
        if (problem.empty() && PQstatus(pg) != CONNECTION_OK) problem = one_line(PQerrorMessage(pg));
        return problem;
    }

    // -- One step ---------------------------------------------------------------------------------

    Outcome step() {
        const Store store = db ? Store::Open : open_store();
        if (store == Store::Missing) {
            std::lock_guard lock(f.mutex_);
            f.health_.waiting = 0;
            f.health_.oldest_waiting.clear();
        }
        bool fresh = false;
        if (!pg) {  // even with no store to read: the staff screen says whether the server answers
            const std::string problem = connect();
            if (f.stopping()) return Outcome::Idle;
            if (!problem.empty()) {
                drop_server();
                server_problem(problem);
                return Outcome::Retry;
            }
            fresh = true;
            server_ok();
        }
        if (store == Store::Failed) return Outcome::Retry;
        if (store == Store::Missing) return Outcome::Idle;
        count_waiting(false);
        Batch b;
        if (!read_batch(b)) {
            store_problem("read");
            return Outcome::Retry;
        }
        if (b.ids.empty()) {
            store_ok();
            count_waiting(true);
            return Outcome::Idle;
        }
        const auto began = Clock::now();
        if (b.records > 0) {
            std::vector<const char*> params;
            for (const std::string& a : b.arrays) params.push_back(a.c_str());
            const std::string problem = exec(kInsertBatch, params);
            if (f.stopping()) return Outcome::Idle;
            if (!problem.empty()) {
                drop_server();
                // A connection that had worked may only have been dropped (a server restarted):
                // one new one is tried at once before it counts as an outage.
                if (fresh) {
                    server_problem("sending: " + problem);
                    return Outcome::Retry;
                }
                std::lock_guard lock(f.mutex_);
                f.health_.problem = mask_password(o.uri) + ": sending: " + mask_password(problem);
                return Outcome::More;
            }
        }
        if (!mark_forwarded(b.ids)) {  // sent, not marked: sent again later, and ignored there
            store_problem("mark as forwarded");
            return Outcome::Retry;
        }
        store_ok();
        if (o.on_batch) o.on_batch(b.ids.size(), std::chrono::duration<double>(Clock::now() - began).count());
        bool say_not_records = false;
        {
            std::lock_guard lock(f.mutex_);
            f.health_.forwarded += b.records;
            f.health_.not_records += b.not_records;
            f.health_.waiting -= std::min<std::uint64_t>(f.health_.waiting, b.ids.size());
            say_not_records = b.not_records > 0 && !not_records_said;
        }
        if (say_not_records) {
            not_records_said = true;
            f.say("anteroom: forwarder: " + std::to_string(b.not_records) + " rows of " + o.store_path +
                  " are no record (not a day, or a type not on the list): they are never sent");
        }
        return Outcome::More;
    }

    void run() {
        double retry_s = o.retry_first_s;
        while (!f.stopping()) {
            const Outcome outcome = step();
            if (f.stopping()) break;
            if (outcome == Outcome::Retry) {
                f.wait(retry_s);
                retry_s = std::min(retry_s * 2, o.retry_max_s);
                continue;
            }
            retry_s = o.retry_first_s;
            if (outcome == Outcome::Idle) f.wait(o.poll_s);
        }
    }
};

// [SECTION] Forwarder =======================================================================

Forwarder::Forwarder(Options options) : options_(std::move(options)) {
    if (!options_.today) options_.today = anteroom::today;
    options_.batch_size = std::max<std::size_t>(1, options_.batch_size);
    thread_ = std::thread([this] { run(); });
}

Forwarder::~Forwarder() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_cv_.notify_all();
    thread_.join();
}

void Forwarder::run() {
    Worker worker(*this);
    worker.run();
}

ForwarderHealth Forwarder::health() const {
    std::lock_guard lock(mutex_);
    return health_;
}

void Forwarder::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    wake_cv_.notify_all();
}

void Forwarder::say(const std::string& line) const {
    if (options_.say) options_.say(line);
    else std::fprintf(stderr, "%s\n", line.c_str());
}

void Forwarder::wait(double seconds) {
    std::unique_lock lock(mutex_);
    wake_cv_.wait_for(lock, std::chrono::duration<double>(seconds), [&] { return woken_ || stopping(); });
    woken_ = false;
}

}  // namespace anteroom::platform
