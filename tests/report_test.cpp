// Unit tests of make_report and its formats: which records count where, which counts are hidden
// (and that no hidden count can be worked back from a shown total), and the text, CSV and JSON
// Lines a clinic reads.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/report.hpp"

namespace anteroom {
namespace {

// ---- Records by hand

Record record(RecordType type, const std::string& day, const std::string& module, const std::string& locale = "en") {
    Record r;
    r.id = "0123456789abcdef0123456789abcdef";
    r.day = day;
    r.kiosk = "kiosk";
    r.app_version = "1.0";
    r.content_version = "1";
    r.content_hash = "ab";
    r.locale = locale;
    r.type = type;
    if (type != RecordType::LanguageChosen) r.module = module;
    return r;
}
Record started(const std::string& module, const std::string& locale = "en", const std::string& day = "2026-11-02") {
    return record(RecordType::ModuleStarted, day, module, locale);
}
Record completed(const std::string& module, int duration_s = 300, const std::string& day = "2026-11-02") {
    Record r = record(RecordType::ModuleCompleted, day, module);
    r.duration_s = duration_s;
    return r;
}
Record ended(RecordType type, const std::string& module, const std::string& day = "2026-11-02") {
    Record r = record(type, day, module);
    r.screen = "page-2";
    return r;
}
Record answered(const std::string& module, const std::string& question, bool right,
                const std::string& day = "2026-11-02") {
    Record r = record(RecordType::QuestionAnswered, day, module);
    r.question = question;
    r.right_first_time = right ? 1 : 0;
    return r;
}
Record consented(const std::string& module, const std::string& version, const std::string& hash,
                 const std::string& locale = "en", const std::string& day = "2026-11-02") {
    Record r = record(RecordType::ConsentCompleted, day, module, locale);
    r.content_version = version;
    r.content_hash = hash;
    return r;
}
Record chose(const std::string& locale, const std::string& day = "2026-11-02") {
    return record(RecordType::LanguageChosen, day, "", locale);
}

void add(std::vector<Record>& records, int times, const Record& r) { records.insert(records.end(), times, r); }

// One funnel row's records: so many started, completed, left, stopped and timed out.
std::vector<Record> funnel_records(int start, int complete, int leave, int stop, int time_out,
                                   const std::string& module = "intro") {
    std::vector<Record> records;
    add(records, start, started(module));
    add(records, complete, completed(module));
    add(records, leave, ended(RecordType::ModuleLeft, module));
    add(records, stop, ended(RecordType::ModuleStopped, module));
    add(records, time_out, ended(RecordType::SessionTimedOut, module));
    return records;
}

Report report_of(const std::vector<Record>& records, int min_cell = 5, ReportPeriod period = ReportPeriod::All) {
    ReportOptions options;
    options.min_cell = min_cell;
    options.period = period;
    return make_report(records, options);
}

// One table of a report, kept when the report is gone.
Table table_of(const std::string& name, const std::vector<Record>& records, int min_cell = 5,
               ReportPeriod period = ReportPeriod::All) {
    return *report_of(records, min_cell, period).table(name);
}

// The cells of a table's only row, by column name, as text.
std::map<std::string, std::string> only_row(const Report& report, const std::string& table) {
    const Table* t = report.table(table);
    std::map<std::string, std::string> cells;
    if (!t || t->rows.size() != 1) {
        ADD_FAILURE() << table << " has " << (t ? t->rows.size() : 0) << " rows, not one";
        return cells;
    }
    for (std::size_t i = 0; i < t->columns.size(); ++i) cells[t->columns[i]] = t->rows[0][i].text;
    return cells;
}

std::size_t column(const Table& table, const std::string& name) {
    for (std::size_t i = 0; i < table.columns.size(); ++i)
        if (table.columns[i] == name) return i;
    ADD_FAILURE() << table.name << " has no column " << name;
    return 0;
}

// ---- Periods and range

TEST(ReportPeriods, IsoWeeksStartOnMondayAndBelongToTheYearOfTheirThursday) {
    EXPECT_EQ(period_of("2026-11-23", ReportPeriod::Week), "2026-W48");  // a Monday
    EXPECT_EQ(period_of("2026-11-22", ReportPeriod::Week), "2026-W47");  // the Sunday before
    EXPECT_EQ(period_of("2026-03-02", ReportPeriod::Week), "2026-W10");
    EXPECT_EQ(period_of("2026-12-31", ReportPeriod::Week), "2026-W53");
    EXPECT_EQ(period_of("2027-01-01", ReportPeriod::Week), "2026-W53");
    EXPECT_EQ(period_of("2027-01-04", ReportPeriod::Week), "2027-W01");
    EXPECT_EQ(period_of("2024-12-30", ReportPeriod::Week), "2025-W01");
    EXPECT_EQ(period_of("2026-01-01", ReportPeriod::Week), "2026-W01");
    EXPECT_EQ(period_of("2021-01-03", ReportPeriod::Week), "2020-W53");
}

TEST(ReportPeriods, MonthsAndAll) {
    EXPECT_EQ(period_of("2026-11-30", ReportPeriod::Month), "2026-11");
    EXPECT_EQ(period_of("2027-01-01", ReportPeriod::Month), "2027-01");
    EXPECT_EQ(period_of("2026-11-30", ReportPeriod::All), "all");
    EXPECT_EQ(period_of("2026-02-30", ReportPeriod::Week), "");
}

TEST(ReportPeriods, RowsAreSortedByPeriod) {
    std::vector<Record> records;
    for (const char* day : {"2027-01-04", "2026-03-02", "2026-12-31"}) add(records, 5, started("intro", "en", day));
    const Report report = report_of(records, 5, ReportPeriod::Week);
    const Table& funnel = *report.table("funnel");
    ASSERT_EQ(funnel.rows.size(), 3u);
    EXPECT_EQ(funnel.rows[0][0].text, "2026-W10");
    EXPECT_EQ(funnel.rows[1][0].text, "2026-W53");
    EXPECT_EQ(funnel.rows[2][0].text, "2027-W01");
}

TEST(ReportRange, SinceAndUntilAreBothIncluded) {
    std::vector<Record> records;
    for (const char* day : {"2026-10-31", "2026-11-01", "2026-11-15", "2026-11-30", "2026-12-01"})
        add(records, 1, started("intro", "en", day));
    ReportOptions options;
    options.since = "2026-11-01";
    options.until = "2026-11-30";
    const Report report = make_report(records, options);
    EXPECT_EQ(report.records, 3u);
    EXPECT_EQ(report.first_day, "2026-11-01");
    EXPECT_EQ(report.last_day, "2026-11-30");

    options.until.clear();  // open-ended
    const Report from = make_report(records, options);
    EXPECT_EQ(from.records, 4u);
    EXPECT_EQ(from.last_day, "2026-12-01");
}

TEST(ReportRange, ARecordWithoutARealDayIsLeftOut) {
    std::vector<Record> records;
    add(records, 5, started("intro", "en", "2026-11-02"));
    add(records, 5, started("intro", "en", "2026-02-30"));
    add(records, 5, started("intro", "en", ""));
    const Report report = report_of(records, 5, ReportPeriod::Week);
    EXPECT_EQ(report.records, 5u);
    EXPECT_EQ(only_row(report, "funnel")["period"], "2026-W45");
}

TEST(ReportRange, NoRecordsNoRowsAndNoDays) {
    const Report report = report_of({});
    EXPECT_EQ(report.records, 0u);
    EXPECT_EQ(report.first_day, "");
    ASSERT_EQ(report.tables.size(), 5u);
    const std::vector<std::string> names = {"funnel", "locales", "questions", "consent", "languages"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        EXPECT_EQ(report.tables[i].name, names[i]);
        EXPECT_TRUE(report.tables[i].rows.empty());
    }
}

// ---- Primary suppression

TEST(ReportSuppression, CountsUnderFiveShowAsLessThanFive) {
    const Report report = report_of(funnel_records(12, 5, 4, 0, 3));
    auto row = only_row(report, "funnel");
    EXPECT_EQ(row["started"], "12");
    EXPECT_EQ(row["completed"], "5");
    EXPECT_EQ(row["left"], "<5");
    EXPECT_EQ(row["stopped"], "<5");  // a zero is a count too
    EXPECT_EQ(row["timed_out"], "<5");
    const std::vector<Cell>& cells = report.table("funnel")->rows[0];
    EXPECT_EQ(cells[0], (Cell{"all", std::nullopt, false}));
    EXPECT_EQ(cells[1], (Cell{"intro", std::nullopt, false}));
    EXPECT_EQ(cells[2], (Cell{"12", 12, false}));
    EXPECT_EQ(cells[4], (Cell{"<5", std::nullopt, true}));
}

TEST(ReportSuppression, AtThreeOnlyCountsUnderThreeAreHidden) {
    const Report report = report_of(funnel_records(9, 3, 2, 3, 3), 3);
    auto row = only_row(report, "funnel");
    EXPECT_EQ(row["completed"], "<3");  // hidden with left, the smallest shown of the four
    EXPECT_EQ(row["left"], "<3");
    EXPECT_EQ(row["stopped"], "3");
    EXPECT_EQ(row["timed_out"], "3");
}

TEST(ReportSuppression, MinCellBelowThreeIsRaisedToThree) {
    const Report report = report_of(funnel_records(2, 0, 0, 0, 0), 2);
    EXPECT_EQ(report.options.min_cell, kLeastMinCell);
    EXPECT_EQ(only_row(report, "funnel")["started"], "<3");
    EXPECT_EQ(only_row(report_of(funnel_records(3, 0, 0, 0, 0), 2), "funnel")["started"], "3");
}

// ---- Funnel

TEST(ReportFunnel, OneHiddenOutcomeHidesTheSmallestShownOne) {
    auto row = only_row(report_of(funnel_records(30, 10, 2, 6, 6)), "funnel");
    EXPECT_EQ(row["completed"], "10");
    EXPECT_EQ(row["left"], "<5");
    EXPECT_EQ(row["stopped"], "<5");  // ties with timed_out: the first in column order
    EXPECT_EQ(row["timed_out"], "6");
    EXPECT_EQ(row["started"], "30");
}

TEST(ReportFunnel, TwoHiddenOutcomesHideNothingMore) {
    auto row = only_row(report_of(funnel_records(30, 10, 2, 1, 7)), "funnel");
    EXPECT_EQ(row["completed"], "10");
    EXPECT_EQ(row["left"], "<5");
    EXPECT_EQ(row["stopped"], "<5");
    EXPECT_EQ(row["timed_out"], "7");
}

TEST(ReportFunnel, NoHiddenOutcomeHidesNothing) {
    auto row = only_row(report_of(funnel_records(30, 5, 5, 5, 5)), "funnel");
    for (const char* name : {"completed", "left", "stopped", "timed_out"}) EXPECT_EQ(row[name], "5") << name;
}

TEST(ReportFunnel, MedianIsHiddenWithCompleted) {
    const Report few = report_of(funnel_records(10, 4, 6, 0, 0));
    const Table& funnel = *few.table("funnel");
    EXPECT_EQ(funnel.rows[0][column(funnel, "median_duration_s")], (Cell{"", std::nullopt, true}));

    // Completed is the smallest shown outcome, so hidden with timed_out; its median goes with it.
    const Report second = report_of(funnel_records(50, 5, 20, 20, 2));
    const Table& second_funnel = *second.table("funnel");
    EXPECT_TRUE(second_funnel.rows[0][column(second_funnel, "completed")].hidden);
    EXPECT_EQ(second_funnel.rows[0][column(second_funnel, "median_duration_s")], (Cell{"", std::nullopt, true}));
}

TEST(ReportFunnel, MedianIsTheLowerMedianOfTheCompletions) {
    std::vector<Record> even;
    for (int s : {180, 30, 120, 60, 150, 90}) even.push_back(completed("intro", s));
    const Table t = table_of("funnel", even);
    EXPECT_EQ(t.rows[0][column(t, "median_duration_s")], (Cell{"90", 90, false}));  // not 105

    std::vector<Record> odd;
    for (int s : {300, 30, 90, 60, 120}) odd.push_back(completed("intro", s));
    add(odd, 1, ended(RecordType::ModuleLeft, "intro"));  // only completions count
    EXPECT_EQ(only_row(report_of(odd, 3), "funnel")["median_duration_s"], "90");
}

TEST(ReportFunnel, ATimeOutOutsideAModuleIsInNoRow) {
    std::vector<Record> records = funnel_records(5, 5, 0, 0, 0);
    add(records, 9, ended(RecordType::SessionTimedOut, ""));
    const Report report = report_of(records);
    EXPECT_EQ(report.records, 19u);
    EXPECT_EQ(only_row(report, "funnel")["module"], "intro");
}

// ---- Locales, questions, consent, languages

TEST(ReportLocales, OneHiddenLocaleHidesTheSmallestShownOneInItsGroup) {
    std::vector<Record> records;
    add(records, 10, started("intro", "en"));
    add(records, 6, started("intro", "zh-Hans"));
    add(records, 6, started("intro", "es"));
    add(records, 2, started("intro", "vi"));
    add(records, 7, started("other", "en"));  // another group: untouched
    add(records, 7, started("other", "es"));
    const Table t = table_of("locales", records);
    ASSERT_EQ(t.rows.size(), 6u);
    std::vector<std::string> shown;
    for (const auto& row : t.rows) shown.push_back(row[1].text + " " + row[2].text + " " + row[3].text);
    EXPECT_EQ(shown, (std::vector<std::string>{"intro en 10", "intro es <5", "intro vi <5", "intro zh-Hans 6",
                                               "other en 7", "other es 7"}));
}

TEST(ReportLocales, GroupsAreByPeriodToo) {
    std::vector<Record> records;
    add(records, 2, started("intro", "en", "2026-11-02"));
    add(records, 8, started("intro", "es", "2026-11-02"));
    add(records, 8, started("intro", "es", "2026-12-02"));
    add(records, 9, started("intro", "en", "2026-12-02"));
    const Table t = table_of("locales", records, 5, ReportPeriod::Month);
    ASSERT_EQ(t.rows.size(), 4u);
    EXPECT_EQ(t.rows[1][3].text, "<5");  // 2026-11 es goes with 2026-11 en
    EXPECT_EQ(t.rows[2][3].text, "9");
    EXPECT_EQ(t.rows[3][3].text, "8");
}

TEST(ReportQuestions, OneHiddenPartHidesTheOtherAndThePercentage) {
    std::vector<Record> records;
    add(records, 10, answered("consent-iv", "q1", true));
    add(records, 2, answered("consent-iv", "q1", false));
    auto row = only_row(report_of(records), "questions");
    EXPECT_EQ(row["answered"], "12");
    EXPECT_EQ(row["right_first_time"], "<5");
    EXPECT_EQ(row["not_right_first_time"], "<5");
    EXPECT_EQ(row["right_first_time_pct"], "");
    EXPECT_TRUE(report_of(records).table("questions")->rows[0][6].hidden);
}

TEST(ReportQuestions, ThePercentageIsRoundedWhenBothPartsShow) {
    std::vector<Record> records;
    add(records, 5, answered("consent-iv", "q1", true));
    add(records, 3, answered("consent-iv", "q1", false));
    add(records, 7, answered("consent-iv", "q2", true));
    add(records, 5, answered("consent-iv", "q2", false));
    const Table t = table_of("questions", records, 3);
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0][6], (Cell{"63", 63, false}));  // 62.5
    EXPECT_EQ(t.rows[1][6], (Cell{"58", 58, false}));  // 58.3
    EXPECT_EQ(t.rows[1][3].text, "12");
}

TEST(ReportQuestions, AHiddenAnsweredHidesOnlyItself) {
    std::vector<Record> records;
    add(records, 4, answered("consent-iv", "q1", true));
    auto row = only_row(report_of(records), "questions");
    EXPECT_EQ(row["answered"], "<5");
    EXPECT_EQ(row["right_first_time"], "<5");
    EXPECT_EQ(row["not_right_first_time"], "<5");
}

TEST(ReportConsent, KeysByVersionFullHashAndLocaleWithTheGroupRule) {
    const std::string hash_a(64, 'a'), hash_b(64, 'b');
    std::vector<Record> records;
    add(records, 9, consented("consent-iv", "2", hash_a, "en"));
    add(records, 5, consented("consent-iv", "2", hash_a, "es"));
    add(records, 1, consented("consent-iv", "3", hash_b, "en"));
    add(records, 5, consented("consent-nasal", "1", hash_b, "en"));
    const Table t = table_of("consent", records);
    ASSERT_EQ(t.rows.size(), 4u);
    EXPECT_EQ(t.columns, (std::vector<std::string>{"period", "module", "version", "hash", "locale", "completed"}));
    EXPECT_EQ(t.rows[0][3].text, hash_a);
    EXPECT_EQ(t.rows[0][5].text, "9");
    EXPECT_EQ(t.rows[1][5].text, "<5");  // the smallest shown in consent-iv
    EXPECT_EQ(t.rows[2][5].text, "<5");
    EXPECT_EQ(t.rows[3][5].text, "5");
}

TEST(ReportLanguages, OnlyCountsUnderMinCellAreHidden) {
    std::vector<Record> records;
    add(records, 6, chose("en"));
    add(records, 2, chose("es"));
    add(records, 6, chose("vi"));
    const Table t = table_of("languages", records);
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_EQ(t.rows[0][2].text, "6");
    EXPECT_EQ(t.rows[1][2].text, "<5");
    EXPECT_EQ(t.rows[2][2].text, "6");
}

// ---- No hidden count can be worked out by subtraction

using Group = std::pair<std::string, std::string>;  // period, module

// What a report gives away, each said in words; nothing when it keeps every hidden count hidden.
class Leaks {
public:
    explicit Leaks(int min_cell) : min_cell_(min_cell) {}
    const std::vector<std::string>& found() const { return found_; }

    // A relation total = sum(parts): with the total shown, exactly one hidden part gives itself away.
    void check_sum(const Cell& total, const std::vector<const Cell*>& parts, const std::string& where) {
        if (total.hidden) return;
        if (std::count_if(parts.begin(), parts.end(), [](const Cell* c) { return c->hidden; }) == 1)
            found_.push_back(where + ": the total " + total.text + " gives away its one hidden part");
    }
    void check_shown_counts(const Report& report) {
        for (const Table& t : report.tables)
            for (const auto& row : t.rows)
                for (std::size_t i = 0; i < row.size(); ++i)
                    if (is_count(t.columns[i]) && row[i].number && *row[i].number < min_cell_)
                        found_.push_back(t.name + " shows " + t.columns[i] + " " + row[i].text);
    }
    void check_report(const Report& report) {
        check_shown_counts(report);
        const Table& funnel = *report.table("funnel");
        std::map<Group, const std::vector<Cell>*> funnel_rows;
        for (const auto& row : funnel.rows) {
            funnel_rows[{row[0].text, row[1].text}] = &row;
            const std::string where = "funnel " + row[0].text + " " + row[1].text;
            check_sum(row[column(funnel, "started")],
                      {&row[column(funnel, "completed")], &row[column(funnel, "left")], &row[column(funnel, "stopped")],
                       &row[column(funnel, "timed_out")]},
                      where);
            if (row[column(funnel, "completed")].hidden && !row[column(funnel, "median_duration_s")].hidden)
                found_.push_back(where + ": a median of hidden completions");
        }
        // The locales and consent groups add up to a funnel count; every group has its funnel row.
        const std::pair<const char*, const char*> sums[] = {{"locales", "started"}, {"consent", "completed"}};
        for (const auto& [table, total] : sums) {
            const Table& t = *report.table(table);
            std::map<Group, std::vector<const Cell*>> groups;
            for (const auto& row : t.rows) groups[{row[0].text, row[1].text}].push_back(&row.back());
            for (const auto& [group, parts] : groups) {
                const std::string where = std::string(table) + " " + group.first + " " + group.second;
                if (!funnel_rows.count(group)) found_.push_back(where + " has no funnel row");
                else check_sum((*funnel_rows[group])[column(funnel, total)], parts, where);
            }
        }
        const Table& questions = *report.table("questions");
        for (const auto& row : questions.rows) {
            const Cell& right = row[column(questions, "right_first_time")];
            const Cell& wrong = row[column(questions, "not_right_first_time")];
            const std::string where = "questions " + row[0].text + " " + row[1].text + " " + row[2].text;
            check_sum(row[column(questions, "answered")], {&right, &wrong}, where);
            if ((right.hidden || wrong.hidden) && !row[column(questions, "right_first_time_pct")].hidden)
                found_.push_back(where + ": a percentage of hidden parts");
        }
    }

private:
    static bool is_count(const std::string& column) {
        return column != "median_duration_s" && column != "right_first_time_pct";
    }
    int min_cell_;
    std::vector<std::string> found_;
};

// Sessions as the kiosk records them: a module started in a language, then one way it ended (or
// none yet); a consent module's completion says consent was prepared, with its version and text.
std::vector<Record> random_records(std::mt19937& random) {
    const std::vector<std::string> modules = {"consent-iv", "consent-nasal", "intro", "breathing"};
    const std::vector<std::string> locales = {"en", "es", "vi", "zh-Hans"};
    const std::vector<std::string> days = {"2026-12-28", "2026-12-31", "2027-01-01", "2027-01-04", "2027-02-01"};
    // Few modules and days in a dataset, so that counts land near the threshold.
    const std::size_t module_count = 1 + random() % modules.size(), day_count = 1 + random() % days.size();
    auto pick = [&](const std::vector<std::string>& from, std::size_t count) { return from[random() % count]; };
    std::vector<Record> records;
    const int sessions = static_cast<int>(random() % 80);
    for (int i = 0; i < sessions; ++i) {
        const std::string module = pick(modules, module_count), day = pick(days, day_count);
        const std::string locale = pick(locales, locales.size());
        const bool consent = module.rfind("consent", 0) == 0;
        records.push_back(chose(locale, day));
        records.push_back(started(module, locale, day));
        for (const char* question : {"q1", "q2"})
            if (consent && random() % 2) records.push_back(answered(module, question, random() % 3 != 0, day));
        switch (random() % 5) {
        case 0:
            records.push_back(completed(module, 30 * static_cast<int>(1 + random() % 20), day));
            if (consent) records.push_back(consented(module, pick({"1", "2"}, 2), pick({"aa", "bb"}, 2), locale, day));
            break;
        case 1: records.push_back(ended(RecordType::ModuleLeft, module, day)); break;
        case 2: records.push_back(ended(RecordType::ModuleStopped, module, day)); break;
        case 3: records.push_back(ended(RecordType::SessionTimedOut, module, day)); break;
        default: break;  // still reading when the report was made
        }
    }
    return records;
}

TEST(ReportNoSubtraction, NoShownTotalLeavesExactlyOneOfItsPartsHidden) {
    const ReportPeriod periods[] = {ReportPeriod::All, ReportPeriod::Week, ReportPeriod::Month};
    std::size_t hidden = 0;
    for (unsigned seed = 1; seed <= 400; ++seed) {
        std::mt19937 random(seed);
        const int min_cell = 3 + static_cast<int>(seed % 4);
        const Report report = report_of(random_records(random), min_cell, periods[seed % 3]);
        Leaks leaks(min_cell);
        leaks.check_report(report);
        ASSERT_EQ(leaks.found(), std::vector<std::string>{}) << "seed " << seed;
        for (const Table& t : report.tables)
            for (const auto& row : t.rows)
                hidden += std::count_if(row.begin(), row.end(), [](const Cell& c) { return c.hidden; });
    }
    EXPECT_GT(hidden, 1000u);  // the datasets do come near the threshold
}

// The checker itself: each relation it knows catches a total that gives away one hidden part.
TEST(ReportNoSubtraction, TheCheckerCatchesOneHiddenPart) {
    std::vector<Record> records = funnel_records(30, 10, 2, 6, 6, "consent-iv");
    add(records, 2, started("consent-iv", "es"));  // 30 en, 2 es
    add(records, 10, answered("consent-iv", "q1", true));
    add(records, 2, answered("consent-iv", "q1", false));
    add(records, 8, consented("consent-iv", "1", "aa", "en"));
    add(records, 2, consented("consent-iv", "1", "aa", "es"));
    const Report honest = report_of(records);
    Leaks none(5);
    none.check_report(honest);
    EXPECT_EQ(none.found(), std::vector<std::string>{});

    const std::pair<const char*, const char*> unhidden[] = {
        {"funnel", "stopped"}, {"locales", "started"}, {"questions", "right_first_time"}, {"consent", "completed"}};
    for (const auto& [table, name] : unhidden) {
        Report report = honest;
        for (Table& t : report.tables) {
            if (t.name != table) continue;
            Cell& cell = t.rows[0][column(t, name)];  // the first row is the smallest shown one, hidden second
            ASSERT_TRUE(cell.hidden) << table;
            cell = Cell{"9", 9, false};
        }
        Leaks leaks(5);
        leaks.check_report(report);
        EXPECT_EQ(leaks.found().size(), 1u) << table;
    }
}

// ---- Formats

TEST(ReportCsv, QuotesFieldsWithACommaOrQuoteAndEndsEveryLineWithCrLf) {
    Table table{"locales", {"period", "module", "started"}, {}};
    table.rows.push_back({Cell{"all"}, Cell{"a,\"b\""}, Cell{"7", 7, false}});
    table.rows.push_back({Cell{"all"}, Cell{"two\nlines"}, Cell{"<5", std::nullopt, true}});
    table.rows.push_back({Cell{"all"}, Cell{"plain"}, Cell{""}});
    EXPECT_EQ(format_csv(table), "period,module,started\r\n"
                                 "all,\"a,\"\"b\"\"\",7\r\n"
                                 "all,\"two\nlines\",<5\r\n"
                                 "all,plain,\r\n");
}

TEST(ReportCsv, TheFunnelWithAHiddenCountAndNoMedian) {
    const Report report = report_of(funnel_records(12, 4, 8, 0, 0));
    EXPECT_EQ(format_csv(*report.table("funnel")),
              "period,module,started,completed,left,stopped,timed_out,median_duration_s\r\n"
              "all,intro,12,<5,8,<5,<5,\r\n");
    EXPECT_EQ(format_csv(*report_of({}).table("languages")), "period,locale,chosen\r\n");
}

TEST(ReportJsonl, OneObjectPerRowWithNumbersStringsAndNulls) {
    std::vector<Record> records = funnel_records(12, 6, 0, 0, 6, "in\"tro\\\x01\n");
    add(records, 3, chose("en"));
    add(records, 7, chose("es"));
    const Report report = report_of(records);
    EXPECT_EQ(format_jsonl(report, "funnel"),
              "{\"table\":\"funnel\",\"period\":\"all\",\"module\":\"in\\\"tro\\\\\\u0001\\u000a\",\"started\":12,"
              "\"completed\":6,\"left\":\"<5\",\"stopped\":\"<5\",\"timed_out\":6,\"median_duration_s\":300}\n");
    EXPECT_EQ(format_jsonl(report, "languages"),
              "{\"table\":\"languages\",\"period\":\"all\",\"locale\":\"en\",\"chosen\":\"<5\"}\n"
              "{\"table\":\"languages\",\"period\":\"all\",\"locale\":\"es\",\"chosen\":7}\n");
    EXPECT_EQ(format_jsonl(report, "consent"), "");
}

TEST(ReportJsonl, HiddenPercentagesAndMediansAreNull) {
    std::vector<Record> records = funnel_records(12, 2, 0, 0, 0);
    add(records, 9, answered("intro", "q1", true));
    add(records, 1, answered("intro", "q1", false));
    const Report report = report_of(records);
    const std::string all = format_jsonl(report);
    EXPECT_NE(all.find("\"median_duration_s\":null}\n"), std::string::npos) << all;
    EXPECT_NE(all.find("\"answered\":10,\"right_first_time\":\"<5\",\"not_right_first_time\":\"<5\","
                       "\"right_first_time_pct\":null}\n"),
              std::string::npos)
        << all;
    EXPECT_EQ(std::count(all.begin(), all.end(), '\n'), 3);  // funnel, locales, questions
    EXPECT_EQ(all.rfind("{\"table\":\"funnel\"", 0), 0u);
}

TEST(ReportText, AHeadingThenEachTableWithAlignedColumns) {
    std::vector<Record> records = funnel_records(12, 6, 2, 0, 6, "consent-iv");
    for (Record& r : records)
        if (r.type == RecordType::ModuleCompleted) r.duration_s = 270;
    add(records, 12, consented("consent-iv", "2", "0123456789abcdef0123456789abcdef", "en"));
    ReportOptions options;
    options.since = "2026-11-01";
    options.until = "2026-11-30";
    options.period = ReportPeriod::Week;
    const std::string text = format_text(make_report(records, options));
    EXPECT_EQ(text,
              "Anteroom figures, 2026-11-01 to 2026-11-30 (38 records), by week. Counts under 5 show as \"<5\"; "
              "another is hidden where a total would give it away.\n"
              "\n"
              "Modules: started and how they ended\n"
              "period    module      started  completed  left  stopped  timed_out  median (m:ss)\n"
              "2026-W45  consent-iv       12          6    <5       <5          6           4:30\n"
              "\n"
              "Languages each module was read in\n"
              "period    module      locale  started\n"
              "2026-W45  consent-iv  en           12\n"
              "\n"
              "Consent questions: right the first time\n"
              "(none)\n"
              "\n"
              "Consent preparation completed, by text version\n"
              "period    module      version  hash          locale  completed\n"
              "2026-W45  consent-iv  2        0123456789ab  en             12\n"
              "\n"
              "Languages chosen\n"
              "(none)\n");
}

TEST(ReportText, HeadingsForAMonthAllAndNoRecords) {
    std::vector<Record> records;
    add(records, 1, started("intro", "en", "2026-11-03"));
    add(records, 1, started("intro", "en", "2026-11-20"));
    const std::string month = format_text(report_of(records, 3, ReportPeriod::Month));
    EXPECT_EQ(month.substr(0, month.find('\n')),
              "Anteroom figures, 2026-11-03 to 2026-11-20 (2 records), by month. Counts under 3 show as \"<3\"; "
              "another is hidden where a total would give it away.");
    const std::string all = format_text(report_of({started("intro")}));
    EXPECT_EQ(all.substr(0, all.find('\n')),
              "Anteroom figures, 2026-11-02 to 2026-11-02 (1 record). Counts under 5 show as \"<5\"; "
              "another is hidden where a total would give it away.");
    const std::string none = format_text(report_of({}));
    EXPECT_EQ(none.substr(0, none.find('\n')), "Anteroom figures: no records.");
    EXPECT_NE(none.find("Languages chosen\n(none)\n"), std::string::npos);
}

}  // namespace
}  // namespace anteroom
