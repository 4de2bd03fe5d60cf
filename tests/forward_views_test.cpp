// The server's views against the C++ report (core/report.cpp): for the same records, each view
// holds the rows of the report's table by month with the same min_cell, cell by cell (a hidden
// median or percentage is NULL in SQL and "" in the report). Built only once core/report.cpp
// exists (tests/CMakeLists.txt).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "core/report.hpp"
#include "support/forwarding.hpp"

namespace anteroom {
namespace {

using platform::Forwarder;
using testing::eventually;
using testing::Said;

using Rows = std::vector<std::vector<std::string>>;

class ForwardViewsMatchReport : public testing::ForwardServerTest {
protected:
    // Forwards `records` with `min_cell` into a database of their own, then compares every
    // view with the report made from what the store holds.
    void check(const std::vector<Record>& records, int min_cell, const std::string& name) {
        SCOPED_TRACE(name + ", min_cell " + std::to_string(min_cell));
        const std::string database = database_ + "_" + name + "_" + std::to_string(min_cell);
        const std::string uri = server_->create_database(database);
        const std::string path = store(name + "-" + std::to_string(min_cell));
        testing::write_store(path, records);
        {
            auto said = std::make_shared<Said>();
            auto o = options(path, said);
            o.uri = uri;
            o.min_cell = min_cell;
            Forwarder f(o);
            ASSERT_TRUE(eventually([&] { return f.health().forwarded == records.size(); })) << f.health().problem;
        }
        std::string error;
        const std::vector<Record> stored = platform::read_records(path, "", "", &error);
        ASSERT_EQ(error, "");
        ASSERT_EQ(stored.size(), records.size());
        const Report report = make_report(stored, {.period = ReportPeriod::Month, .min_cell = min_cell});
        for (const char* table : {"funnel", "locales", "questions", "consent", "languages"}) {
            SCOPED_TRACE(table);
            const Table* t = report.table(table);
            ASSERT_NE(t, nullptr);
            std::string columns;
            for (const std::string& c : t->columns) columns += (columns.empty() ? "\"" : ", \"") + c + "\"";
            Rows want, got;
            for (const auto& row : t->rows) {
                auto& r = want.emplace_back();
                for (const Cell& cell : row) r.push_back(cell.text);
            }
            for (const auto& row : server_->query("SELECT " + columns + " FROM anteroom_" + table, database)) {
                auto& r = got.emplace_back();
                for (const auto& v : row) r.push_back(v.value_or(""));
            }
            std::sort(want.begin(), want.end());
            std::sort(got.begin(), got.end());
            EXPECT_EQ(got, want);
        }
    }
};

TEST_F(ForwardViewsMatchReport, OnTheDatasetThatMeetsEveryRule) {
    const auto records = testing::suppression_dataset();
    for (const int min_cell : {5, 3, 7}) check(records, min_cell, "rules");
}

// Counts near the thresholds in every table, over three months, with ties, zeros and the
// records no table counts.
std::vector<Record> random_dataset(unsigned seed) {
    std::mt19937 random(seed);
    auto upto = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n + 1)); };
    const char* locales[] = {"en", "es", "vi", "zh-Hans", "zh-Hant", "ar", "en-XA"};
    testing::Dataset d;
    for (const char* month : {"2025-01", "2025-02", "2025-03"}) {
        auto day = [&] { return std::string(month) + "-" + (upto(1) ? "01" : "28"); };
        for (const char* module : {"m1", "m2", "m3"}) {
            for (const char* locale : locales) {
                d.add(upto(8), day(), RecordType::ModuleStarted, module, locale);
                d.add(upto(3), day(), RecordType::ConsentCompleted, module, locale,
                      [&](Record& r, int) { r.content_version = upto(1) ? "1.0" : "1.1", r.content_hash = upto(1) ? "aa" : "bb"; });
            }
            d.add(upto(12), day(), RecordType::ModuleCompleted, module, "en", [&](Record& r, int) { r.duration_s = 30 * (1 + upto(9)); });
            d.add(upto(9), day(), RecordType::ModuleLeft, module);
            d.add(upto(9), day(), RecordType::ModuleStopped, module);
            d.add(upto(9), day(), RecordType::SessionTimedOut, module);
            for (const char* question : {"q1", "q2", "q3"}) {
                const int right = upto(12);
                d.add(right + upto(12), day(), RecordType::QuestionAnswered, module, "en", [=](Record& r, int i) {
                    r.question = question;
                    r.right_first_time = i < right ? 1 : 0;
                });
            }
            d.add(upto(4), day(), RecordType::MeditationCompleted, module);
            d.add(upto(4), day(), RecordType::IntentionCompleted, module);
        }
        d.add(upto(4), day(), RecordType::SessionTimedOut, "", "en", [](Record& r, int) { r.screen.clear(); });
        for (const char* locale : locales) d.add(upto(10), day(), RecordType::LanguageChosen, "", locale);
    }
    return d.records;
}

TEST_F(ForwardViewsMatchReport, OnRandomDatasets) {
    for (unsigned seed = 1; seed <= 4; ++seed) check(random_dataset(seed), seed % 2 ? 5 : 3, "random" + std::to_string(seed));
}

}  // namespace
}  // namespace anteroom
