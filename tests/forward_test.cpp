// The forwarder: kiosk stores to a clinic's PostgreSQL server (a throwaway one per suite), each
// record exactly once, through outages, with the day's records held back; its views; masking.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <thread>

#include "support/forwarding.hpp"

namespace anteroom {
namespace {

using platform::Forwarder;
using platform::mask_password;
using testing::eventually;
using testing::ForwardServerTest;
using testing::record;
using testing::Said;
using testing::store_value;
using testing::write_store;

// Records of every type, on days before kFixedToday, some with text that needs quoting in an
// array literal ("NULL" as a word, quotes, backslashes, braces, commas, other scripts).
std::vector<Record> sample(int n, const std::string& kiosk) {
    std::vector<Record> out;
    const char* odd[] = {"NULL", "a \"quoted\" word", "back\\slash", "{braces},comma", "tiếng Việt 中文", " spaced "};
    for (int i = 0; i < n; ++i) {
        const RecordType type = kRecordTypes[static_cast<std::size_t>(i) % std::size(kRecordTypes)];
        Record r = record(add_days("2025-05-31", -(i % 90)), type, "module-" + std::to_string(i % 3),
                          i % 4 ? "en" : "zh-Hans", kiosk);
        if (i % 7 == 0 && !r.screen.empty()) r.screen = odd[(i / 7) % std::size(odd)];
        if (i % 11 == 0) r.content_version = odd[(i / 11) % std::size(odd)];
        out.push_back(std::move(r));
    }
    return out;
}

// Every record on the server, as a Record, in id order.
std::vector<Record> as_records(const testing::PostgresServer::Rows& rows) {
    std::vector<Record> out;
    for (const auto& row : rows) {
        Record r;
        auto s = [&](int c) { return row[c].value_or(""); };
        auto n = [&](int c) { return row[c] ? std::stoi(*row[c]) : -1; };
        r.id = s(0), r.day = s(1), r.kiosk = s(2), r.app_version = s(3), r.content_version = s(4), r.content_hash = s(5);
        r.locale = s(6);
        r.type = record_type_from_name(s(7)).value_or(RecordType::ModuleStarted);
        r.module = s(8), r.screen = s(9), r.question = s(10);
        r.right_first_time = n(11), r.duration_s = n(12);
        r.preset = s(13);
        r.length_s = n(14), r.prompts = n(15), r.wrote = n(16);
        out.push_back(std::move(r));
    }
    return out;
}

const char* const kAllColumns =
    "SELECT id, day, kiosk, app_version, content_version, content_hash, locale, type, module, screen, question, "
    "right_first_time, duration_s, preset, length_s, prompts, wrote FROM anteroom_events ORDER BY id COLLATE \"C\"";

void sort_by_id(std::vector<Record>& records) {
    std::sort(records.begin(), records.end(), [](const Record& a, const Record& b) { return a.id < b.id; });
}

// [SECTION] Kiosks ==========================================================================

class ForwardKiosks : public ForwardServerTest {
protected:
    std::vector<Record> server_records() const { return as_records(query(kAllColumns)); }
};

TEST_F(ForwardKiosks, SeveralKiosksAtOnceEachRecordArrivesOnceAsWritten) {
    constexpr int kKiosks = 4, kEach = 3000;
    std::vector<Record> all;
    std::vector<std::thread> writers;
    std::vector<std::vector<Record>> written(kKiosks);
    for (int k = 0; k < kKiosks; ++k) {
        written[k] = sample(kEach, "kiosk-" + std::string(1, static_cast<char>('a' + k)));
        all.insert(all.end(), written[k].begin(), written[k].end());
        writers.emplace_back([&, k] { write_store(store("k" + std::to_string(k)), written[k]); });
    }
    for (auto& t : writers) t.join();

    auto said = std::make_shared<Said>();
    std::vector<std::unique_ptr<Forwarder>> forwarders;  // all at once: each makes the schema too
    for (int k = 0; k < kKiosks; ++k) forwarders.push_back(std::make_unique<Forwarder>(options(store("k" + std::to_string(k)), said)));
    ASSERT_TRUE(eventually([&] {
        return std::all_of(forwarders.begin(), forwarders.end(), [](const auto& f) {
            const auto h = f->health();
            return h.connected && h.waiting == 0 && h.forwarded == kEach;
        });
    }, 30)) << "forwarded: " << forwarders[0]->health().forwarded << ", problem: " << forwarders[0]->health().problem;

    EXPECT_EQ(count("SELECT count(*) FROM anteroom_events"), kKiosks * kEach);
    std::vector<Record> got = server_records();
    sort_by_id(all);
    ASSERT_EQ(got.size(), all.size());
    EXPECT_TRUE(got == all) << "the server's records differ from those written";
    for (int k = 0; k < kKiosks; ++k) {
        EXPECT_EQ(store_value(store("k" + std::to_string(k)), "SELECT count(*) FROM events WHERE forwarded = 0"), 0);
        EXPECT_EQ(count("SELECT count(*) FROM anteroom_events WHERE kiosk = 'kiosk-" + std::string(1, static_cast<char>('a' + k)) + "'"), kEach);
    }
    for (const auto& f : forwarders) {
        EXPECT_EQ(f->health().outages, 0u);
        EXPECT_EQ(f->health().oldest_waiting, "");
    }
    EXPECT_EQ(said->all(), std::vector<std::string>{});
    EXPECT_EQ(count("SELECT count(*) FROM anteroom_settings"), 1);
}

TEST_F(ForwardKiosks, TodaysRecordsWaitUntilTheDayIsOver) {
    std::vector<Record> records;
    for (int i = 0; i < 50; ++i) records.push_back(record("2025-05-31", RecordType::ModuleStarted));
    for (int i = 0; i < 40; ++i) records.push_back(record("2025-06-01", RecordType::ModuleStarted));
    write_store(store("k"), records);

    auto today = std::make_shared<testing::Today>("2025-06-01");
    auto said = std::make_shared<Said>();
    auto o = options(store("k"), said);
    o.today = [today] { return today->get(); };
    Forwarder f(o);
    ASSERT_TRUE(eventually([&] { return f.health().forwarded == 50 && f.health().waiting == 40; }));
    EXPECT_EQ(f.health().oldest_waiting, "2025-06-01");
    // It keeps looking (every 20 ms, and when woken), and keeps today's back.
    for (int i = 0; i < 5; ++i) {
        f.wake();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_EQ(count("SELECT count(*) FROM anteroom_events"), 50);
    EXPECT_EQ(count("SELECT count(*) FROM anteroom_events WHERE day >= '2025-06-01'"), 0);

    today->set("2025-06-02");
    ASSERT_TRUE(eventually([&] { return f.health().waiting == 0; }));
    EXPECT_EQ(f.health().forwarded, 90u);
    EXPECT_EQ(count("SELECT count(*) FROM anteroom_events WHERE day = '2025-06-01'"), 40);
}

TEST_F(ForwardKiosks, SendingAgainMakesNoDuplicates) {
    std::vector<Record> records = sample(2500, "kiosk-a");
    write_store(store("k"), records);
    auto said = std::make_shared<Said>();
    {
        Forwarder f(options(store("k"), said));
        ASSERT_TRUE(eventually([&] { return f.health().waiting == 0 && f.health().forwarded == 2500; }));
    }
    // As after a crash between the server's commit and the store's: nothing marked. Sent
    // again in batches of another size, then a part of them once more.
    for (const char* part : {"", " WHERE id < '8'"}) {
        const long long again = store_value(store("k"), std::string("UPDATE events SET forwarded = 0") + part);
        ASSERT_GT(again, 0);
        auto o = options(store("k"), said);
        o.batch_size = 333;
        Forwarder f(o);
        ASSERT_TRUE(eventually([&] { return f.health().waiting == 0 && f.health().forwarded == static_cast<std::uint64_t>(again); }));
        EXPECT_EQ(count("SELECT count(*) FROM anteroom_events"), 2500);
    }
    EXPECT_EQ(count("SELECT count(*) FROM anteroom_events"), 2500);
    sort_by_id(records);
    EXPECT_TRUE(server_records() == records);
    EXPECT_EQ(store_value(store("k"), "SELECT count(*) FROM events WHERE forwarded = 0"), 0);
}

TEST_F(ForwardKiosks, RowsThatAreNoRecordNeverLeaveTheKiosk) {
    std::vector<Record> records;
    for (int i = 0; i < 10; ++i) records.push_back(record("2025-05-30", RecordType::ModuleStarted));
    write_store(store("k"), records);
    // Written by something else than the kiosk: a type not on the list, a day that is none, a
    // duration that is no whole number or too large for the server, a name that is no UTF-8.
    for (const char* sql : {"INSERT INTO events (id, day, kiosk, app_version, content_version, content_hash, locale, type) "
                            "VALUES ('x1', '2025-05-30', 'k', 'v', 'c', 'h', 'en', 'patient_name')",
                            "INSERT INTO events (id, day, kiosk, app_version, content_version, content_hash, locale, type) "
                            "VALUES ('x2', '2025-02-30', 'k', 'v', 'c', 'h', 'en', 'module_started')",
                            "INSERT INTO events (id, day, kiosk, app_version, content_version, content_hash, locale, type, duration_s) "
                            "VALUES ('x3', '2025-05-30', 'k', 'v', 'c', 'h', 'en', 'module_completed', 'long')",
                            "INSERT INTO events (id, day, kiosk, app_version, content_version, content_hash, locale, type, duration_s) "
                            "VALUES ('x4', '2025-05-30', 'k', 'v', 'c', 'h', 'en', 'module_completed', 4294967296)",
                            "INSERT INTO events (id, day, kiosk, app_version, content_version, content_hash, locale, type, module) "
                            "VALUES ('x5', '2025-05-30', 'k', 'v', 'c', 'h', 'en', 'module_started', CAST(X'6DC328' AS TEXT))"})
        ASSERT_EQ(store_value(store("k"), sql), 1) << sql;
    auto said = std::make_shared<Said>();
    Forwarder f(options(store("k"), said));
    ASSERT_TRUE(eventually([&] { return f.health().forwarded + f.health().not_records == 15 && f.health().waiting == 0; }));
    EXPECT_EQ(f.health().forwarded, 10u);
    EXPECT_EQ(f.health().not_records, 5u);
    EXPECT_EQ(count("SELECT count(*) FROM anteroom_events"), 10);
    EXPECT_EQ(count("SELECT count(*) FROM anteroom_events WHERE id LIKE 'x%'"), 0);
    EXPECT_EQ(said->count("are no record"), 1);
    EXPECT_EQ(f.health().outages, 0u);
}

TEST_F(ForwardKiosks, AnUnreadableStoreIsSaidOnceAndReadAgainOnceItIsWhole) {
    {
        std::FILE* f = std::fopen(store("k").c_str(), "wb");
        ASSERT_NE(f, nullptr);
        std::fputs("this is not a database, only some text where the store should be; long enough to be read", f);
        std::fclose(f);
    }
    auto said = std::make_shared<Said>();
    Forwarder f(options(store("k"), said));
    ASSERT_TRUE(eventually([&] { return f.health().outage && f.health().connected; }));  // the server is fine
    EXPECT_NE(f.health().problem.find("not a database"), std::string::npos) << f.health().problem;
    // The kiosk's store moves the damaged file aside and starts afresh.
    std::vector<Record> records;
    for (int i = 0; i < 20; ++i) records.push_back(record("2025-05-30", RecordType::ModuleStarted));
    write_store(store("k"), records);
    ASSERT_TRUE(eventually([&] { return f.health().forwarded == 20 && !f.health().outage; }));
    EXPECT_EQ(said->count("cannot read the event store"), 1);
    EXPECT_EQ(said->count("reading the event store again"), 1);
    EXPECT_EQ(said->all().size(), 2u);
    EXPECT_EQ(count("SELECT count(*) FROM anteroom_events"), 20);
}

TEST_F(ForwardKiosks, RetentionPurgesOnlyWhatWasForwarded) {
    // Two stores alike; one kept with keep_unforwarded (a forwarder is configured), one not.
    for (const bool keep : {true, false}) {
        SCOPED_TRACE(keep ? "keep_unforwarded" : "no forwarder");
        const std::string path = store(keep ? "keep" : "plain");
        std::vector<Record> records;
        for (const char* day : {"2025-04-01", "2025-05-10", "2025-05-25"})
            for (int i = 0; i < 10; ++i) records.push_back(record(day, RecordType::ModuleStarted));
        write_store(path, records);
        auto said = std::make_shared<Said>();
        {  // forwards the first two days
            auto o = options(path, said);
            o.today = [] { return std::string("2025-05-20"); };
            Forwarder f(o);
            ASSERT_TRUE(eventually([&] { return f.health().forwarded == 20 && f.health().waiting == 10; }));
        }
        // Records of an old day the forwarder has not sent yet.
        for (int i = 0; i < 10; ++i) {
            const std::string sql = "INSERT INTO events (id, day, kiosk, app_version, content_version, content_hash, locale, type) "
                                    "VALUES ('" + random_record_id() + "', '2025-04-05', 'k', 'v', 'c', 'h', 'en', 'module_started')";
            ASSERT_EQ(store_value(path, sql), 1);
        }
        // On 2025-06-01 with 30 days kept: before 2025-05-02 goes, if it was forwarded.
        platform::EventStore::Options o{.path = path, .retention_days = 30, .keep_unforwarded = keep};
        o.today = [] { return std::string("2025-06-01"); };
        platform::EventStore es(o);
        es.post(record("2025-06-01", RecordType::LanguageChosen));  // the writer purges before its first commit
        ASSERT_TRUE(es.flush(10));
        auto on = [&](const char* day) {
            return store_value(path, std::string("SELECT count(*) FROM events WHERE day = '") + day + "'");
        };
        EXPECT_EQ(on("2025-04-01"), 0);  // old and forwarded
        EXPECT_EQ(on("2025-04-05"), keep ? 10 : 0);  // old, not forwarded
        EXPECT_EQ(on("2025-05-10"), 10);  // forwarded, kept for 30 days
        EXPECT_EQ(on("2025-05-25"), 10);
        EXPECT_EQ(es.health().purged, keep ? 10u : 20u);
    }
}

// [SECTION] Outages =========================================================================

class ForwardOutage : public ForwardServerTest {};

TEST_F(ForwardOutage, ServerStoppedWhileSendingEveryRecordArrivesOnceAndTheOutageIsSaidOnce) {
    constexpr int kKiosks = 2, kEach = 6000, kLater = 500;
    std::vector<Record> all;
    for (int k = 0; k < kKiosks; ++k) {
        auto records = sample(kEach, "kiosk-" + std::to_string(k));
        write_store(store("k" + std::to_string(k)), records);
        all.insert(all.end(), records.begin(), records.end());
    }
    std::vector<std::shared_ptr<Said>> said;
    std::vector<std::unique_ptr<Forwarder>> forwarders;
    for (int k = 0; k < kKiosks; ++k) {
        said.push_back(std::make_shared<Said>());
        auto o = options(store("k" + std::to_string(k)), said.back());
        o.batch_size = 100;
        forwarders.push_back(std::make_unique<Forwarder>(o));
    }
    ASSERT_TRUE(eventually([&] {
        return std::all_of(forwarders.begin(), forwarders.end(), [](const auto& f) { return f->health().forwarded >= 100; });
    }));
    server_->stop("fast");
    // More records while it is away, so each forwarder meets the outage whatever it had left.
    for (int k = 0; k < kKiosks; ++k) {
        auto records = sample(kLater, "kiosk-" + std::to_string(k));
        write_store(store("k" + std::to_string(k)), records);
        all.insert(all.end(), records.begin(), records.end());
    }
    ASSERT_TRUE(eventually([&] {
        return std::all_of(forwarders.begin(), forwarders.end(), [](const auto& f) { return f->health().outage && !f->health().connected; });
    }));
    for (const auto& f : forwarders) {
        EXPECT_GT(f->health().waiting, 0u);
        EXPECT_NE(f->health().oldest_waiting, "");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // several more tries (20 to 100 ms apart) fail
    server_->start();
    ASSERT_TRUE(eventually([&] {
        return std::all_of(forwarders.begin(), forwarders.end(), [](const auto& f) {
            const auto h = f->health();
            return h.connected && !h.outage && h.waiting == 0;
        });
    }, 30));

    EXPECT_EQ(count("SELECT count(*) FROM anteroom_events"), kKiosks * (kEach + kLater));
    sort_by_id(all);
    EXPECT_TRUE(as_records(query(kAllColumns)) == all);
    for (int k = 0; k < kKiosks; ++k) {
        SCOPED_TRACE("kiosk " + std::to_string(k));
        EXPECT_EQ(forwarders[k]->health().outages, 1u);
        EXPECT_EQ(said[k]->count("cannot reach the clinic's server"), 1);
        EXPECT_EQ(said[k]->count("reachable again"), 1);
        EXPECT_EQ(said[k]->all().size(), 2u);
        EXPECT_EQ(store_value(store("k" + std::to_string(k)), "SELECT count(*) FROM events WHERE forwarded = 0"), 0);
    }
}

TEST_F(ForwardOutage, AStatementWithNoAnswerIsGivenUpAndSentAgain) {
    std::vector<Record> records;
    for (int i = 0; i < 50; ++i) records.push_back(record("2025-05-30", RecordType::ModuleStarted));
    write_store(store("k"), records);
    auto said = std::make_shared<Said>();
    {  // the schema first
        Forwarder f(options(store("none"), said));
        ASSERT_TRUE(eventually([&] { return f.health().connected; }));
    }
    // Another session holds the table, so every statement on it waits.
    std::unique_ptr<PGconn, decltype(&PQfinish)> holder(PQconnectdb(uri_.c_str()), PQfinish);
    ASSERT_EQ(PQstatus(holder.get()), CONNECTION_OK);
    PQclear(PQexec(holder.get(), "BEGIN; LOCK TABLE anteroom_events IN ACCESS EXCLUSIVE MODE"));
    auto o = options(store("k"), said);
    o.query_timeout_s = 0.3;
    Forwarder f(o);
    ASSERT_TRUE(eventually([&] { return f.health().outage; }, 5));
    EXPECT_NE(f.health().problem.find("no answer in 0.3 s"), std::string::npos) << f.health().problem;
    {  // one waiting with a long time-out still stops at once
        auto slow = options(store("k"), said);
        slow.query_timeout_s = 60;
        auto waiting = std::make_unique<Forwarder>(slow);
        std::this_thread::sleep_for(std::chrono::milliseconds(200));  // well into its statement
        const auto began = std::chrono::steady_clock::now();
        waiting.reset();
        EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count(), 0.5);
    }
    PQclear(PQexec(holder.get(), "COMMIT"));
    ASSERT_TRUE(eventually([&] { return f.health().forwarded == 50 && !f.health().outage; }));
    EXPECT_EQ(count("SELECT count(*) FROM anteroom_events"), 50);
    EXPECT_EQ(said->count("cannot reach the clinic's server"), 1);
    EXPECT_EQ(said->count("reachable again"), 1);
}

// A TCP port that takes connections and never answers: a server that hangs.
class SilentServer {
public:
    SilentServer() {
        fd_ = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&a), len) != 0 || listen(fd_, 8) != 0 ||
            getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len) != 0)
            throw std::runtime_error("cannot listen on the loopback");
        port_ = ntohs(a.sin_port);
    }
    ~SilentServer() { close(fd_); }
    int port() const { return port_; }

private:
    int fd_ = -1, port_ = 0;
};

TEST(ForwardStop, AHangingServerTimesOutAndNeverHoldsTheKioskUp) {
    SilentServer silent;
    auto said = std::make_shared<Said>();
    Forwarder::Options o;
    o.store_path = "/nonexistent/events.db";
    o.uri = "postgresql://anteroom:pw@127.0.0.1:" + std::to_string(silent.port()) + "/postgres?connect_timeout=1";
    o.retry_first_s = 0.05;
    o.say = [said](const std::string& line) { said->add(line); };
    {
        Forwarder f(o);
        ASSERT_TRUE(eventually([&] { return f.health().outage; }, 5));
        EXPECT_NE(f.health().problem.find("no answer in 1 s"), std::string::npos) << f.health().problem;
    }
    // Stopping while it waits on the server: at once, not after connect_timeout.
    o.uri = "postgresql://anteroom:pw@127.0.0.1:" + std::to_string(silent.port()) + "/postgres?connect_timeout=30";
    auto f = std::make_unique<Forwarder>(o);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // well into its connecting
    const auto began = std::chrono::steady_clock::now();
    f.reset();
    const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    EXPECT_LT(took, 0.5);
    for (const std::string& line : said->all()) EXPECT_EQ(line.find(":pw@"), std::string::npos) << line;
}

// [SECTION] Masking =========================================================================

TEST(ForwardMask, PasswordsInUrisAndConnectionStringsNeverShow) {
    const std::pair<const char*, const char*> cases[] = {
        {"postgresql://user:secret@host/db", "postgresql://user:***@host/db"},
        {"postgres://user:secret@host:5432/db?sslmode=require", "postgres://user:***@host:5432/db?sslmode=require"},
        {"postgresql://user@host/db", "postgresql://user@host/db"},
        {"postgresql://host:5432/db", "postgresql://host:5432/db"},
        {"postgresql://user:p%40ss@host/db", "postgresql://user:***@host/db"},
        {"postgresql://user:p@ss/w?rd@host/db", "postgresql://user:***@host/db"},  // raw @ / ?: still hidden
        {"postgresql:///db?host=/tmp&user=u&password=secret&port=5", "postgresql:///db?host=/tmp&user=u&password=***&port=5"},
        {"postgresql:///db?PASSWORD=secret", "postgresql:///db?PASSWORD=***"},
        {"host=h user=u password=secret dbname=d", "host=h user=u password=*** dbname=d"},
        {"host=h password = 'se cret' dbname=d", "host=h password = *** dbname=d"},
        {"host=h password='it\\'s' dbname=d", "host=h password=*** dbname=d"},
        {"sslpassword=secret host=h", "sslpassword=*** host=h"},
        {"cannot reach (postgresql://u:secret@h/db: connection refused)", "cannot reach (postgresql://u:***@h/db: connection refused)"},
        {"postgresql://a:one@h and postgresql://b:two@i", "postgresql://a:***@h and postgresql://b:***@i"},
        {"no uri at all", "no uri at all"},
        {"", ""},
    };
    for (const auto& [in, out] : cases) EXPECT_EQ(mask_password(in), out) << in;
}

TEST(ForwardMask, AnUnreachableServerIsSaidOnceWithoutThePassword) {
    const std::string folder = ::testing::TempDir() + "anteroom-mask-" + std::to_string(getpid());
    std::filesystem::create_directories(folder);
    std::vector<Record> records;
    for (int i = 0; i < 7; ++i) records.push_back(record("2025-05-01", RecordType::ModuleStarted));
    write_store(folder + "/events.db", records);
    auto said = std::make_shared<Said>();
    Forwarder::Options o;
    o.store_path = folder + "/events.db";
    o.uri = "postgresql://anteroom:s3cret@/postgres?host=" + folder + "/no-server&port=5&password=s3cret";
    o.today = [] { return std::string(testing::kFixedToday); };
    o.retry_first_s = 0.01;
    o.retry_max_s = 0.02;
    o.say = [said](const std::string& line) { said->add(line); };
    {
        Forwarder f(o);
        ASSERT_TRUE(eventually([&] { return f.health().outage; }));
        std::this_thread::sleep_for(std::chrono::milliseconds(100));  // more tries, not said again
        const auto h = f.health();
        EXPECT_FALSE(h.connected);
        EXPECT_EQ(h.waiting, 7u);
        EXPECT_EQ(h.oldest_waiting, "2025-05-01");
        EXPECT_EQ(h.problem.find("s3cret"), std::string::npos) << h.problem;
        EXPECT_NE(h.problem.find("postgresql://anteroom:***@"), std::string::npos) << h.problem;
    }
    const auto lines = said->all();
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].find("s3cret"), std::string::npos) << lines[0];
    EXPECT_NE(lines[0].find("password=***"), std::string::npos) << lines[0];
    EXPECT_NE(lines[0].find("7 records wait and are sent when it is back"), std::string::npos) << lines[0];
    std::error_code ec;
    std::filesystem::remove_all(folder, ec);
}

// [SECTION] Views ===========================================================================
// core/report.hpp's rules, by hand, on a dataset that meets each of them (min_cell 5).

class ForwardViews : public ForwardServerTest {
protected:
    // Forwards data_ from two kiosks (min_cell 5 and 3), and waits.
    void forward() {
        std::vector<Record> a, b;
        for (const Record& r : data_) (r.kiosk == "kiosk-a" ? a : b).push_back(r);
        write_store(store("a"), a);
        write_store(store("b"), b);
        auto said = std::make_shared<Said>();
        auto oa = options(store("a"), said);
        auto ob = options(store("b"), said);
        ob.min_cell = 3;
        Forwarder fa(oa), fb(ob);
        ASSERT_TRUE(eventually([&] { return fa.health().forwarded == a.size() && fb.health().forwarded == b.size(); }));
    }
    // A view's rows, NULL written "NULL".
    std::vector<std::vector<std::string>> rows(const std::string& sql) const {
        std::vector<std::vector<std::string>> out;
        for (const auto& row : query(sql)) {
            auto& r = out.emplace_back();
            for (const auto& v : row) r.push_back(v.value_or("NULL"));
        }
        return out;
    }
    std::vector<Record> data_;
};

using Table = std::vector<std::vector<std::string>>;

TEST_F(ForwardViews, EachViewHidesAsTheReportSays) {
    data_ = testing::suppression_dataset();
    forward();

    EXPECT_EQ(count("SELECT min_cell FROM anteroom_settings"), 5);  // the larger of 5 and 3
    EXPECT_EQ(rows("SELECT period, module, started, completed, \"left\", stopped, timed_out, median_duration_s "
                   "FROM anteroom_funnel ORDER BY period, module"),
              (Table{{"2025-03", "m1", "15", "8", "<5", "6", "<5", "60"},
                     {"2025-03", "m2", "11", "<5", "<5", "5", "7", "NULL"},
                     {"2025-03", "m3", "19", "<5", "6", "6", "<5", "NULL"},
                     {"2025-03", "m4", "<5", "<5", "<5", "<5", "6", "NULL"},
                     {"2025-04", "m1", "9", "<5", "<5", "9", "9", "NULL"}}));
    EXPECT_EQ(rows("SELECT period, module, locale, started FROM anteroom_locales ORDER BY period, module, locale COLLATE \"C\""),
              (Table{{"2025-03", "m1", "en", "7"},
                     {"2025-03", "m1", "es", "<5"},
                     {"2025-03", "m1", "vi", "<5"},
                     {"2025-03", "m2", "ar", "<5"},
                     {"2025-03", "m2", "ko", "5"},
                     {"2025-03", "m2", "zh-Hans", "<5"},
                     {"2025-03", "m3", "en", "19"},
                     {"2025-04", "m1", "en", "9"}}));
    EXPECT_EQ(rows("SELECT period, module, question, answered, right_first_time, not_right_first_time, right_first_time_pct "
                   "FROM anteroom_questions ORDER BY period, module, question"),
              (Table{{"2025-03", "m1", "q1", "10", "<5", "<5", "NULL"},
                     {"2025-03", "m1", "q2", "16", "11", "5", "69"},
                     {"2025-03", "m1", "q3", "<5", "<5", "<5", "NULL"},
                     {"2025-03", "m1", "q4", "40", "5", "35", "13"}}));
    EXPECT_EQ(rows("SELECT period, module, version, hash, locale, completed FROM anteroom_consent "
                   "ORDER BY period, module, version, hash, locale COLLATE \"C\""),
              (Table{{"2025-03", "m1", "v1", "h1", "en", "6"},
                     {"2025-03", "m1", "v1", "h1", "es", "<5"},
                     {"2025-03", "m1", "v2", "h2", "en", "<5"},
                     {"2025-04", "m1", "v1", "h1", "en", "<5"},
                     {"2025-04", "m1", "v1", "h1", "es", "<5"},
                     {"2025-04", "m1", "v1", "h1", "vi", "5"}}));
    EXPECT_EQ(rows("SELECT period, locale, chosen FROM anteroom_languages ORDER BY period, locale"),
              (Table{{"2025-03", "en", "9"}, {"2025-03", "vi", "<5"}, {"2025-04", "en", "5"}}));
}

TEST_F(ForwardViews, TheLeastCountIsTheLargestAnyKioskForwardedWith) {
    testing::Dataset d;
    d.add(5, "2025-03-01", RecordType::LanguageChosen, "", "en");
    d.add(7, "2025-03-01", RecordType::LanguageChosen, "", "vi");
    data_ = d.records;
    forward();  // min_cell 5 and 3
    EXPECT_EQ(rows("SELECT period, locale, chosen FROM anteroom_languages ORDER BY locale"),
              (Table{{"2025-03", "en", "5"}, {"2025-03", "vi", "7"}}));
    auto said = std::make_shared<Said>();
    for (const int min_cell : {7, 1}) {  // a kiosk with 7 raises it; one below 3 changes nothing
        auto o = options(store("other"), said);
        o.min_cell = min_cell;
        Forwarder f(o);
        ASSERT_TRUE(eventually([&] { return f.health().connected; }));
    }
    EXPECT_EQ(rows("SELECT min_cell FROM anteroom_settings"), (Table{{"7"}}));
    EXPECT_EQ(rows("SELECT period, locale, chosen FROM anteroom_languages ORDER BY locale"),
              (Table{{"2025-03", "en", "<7"}, {"2025-03", "vi", "7"}}));
    EXPECT_TRUE(said->all().empty());
}

TEST_F(ForwardViews, AFreshServerStartsAtThree) {
    auto said = std::make_shared<Said>();
    auto o = options(store("none"), said);
    o.min_cell = 1;
    Forwarder f(o);
    ASSERT_TRUE(eventually([&] { return f.health().connected; }));
    EXPECT_EQ(rows("SELECT min_cell FROM anteroom_settings"), (Table{{"3"}}));
    EXPECT_EQ(f.health().waiting, 0u);  // no store yet: nothing waits, nothing is wrong
    EXPECT_EQ(f.health().outages, 0u);
}

}  // namespace
}  // namespace anteroom
