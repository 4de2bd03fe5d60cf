#pragma once
// Reports from the event store that single no one out: `anteroom stats` and `anteroom export`
// (and the PostgreSQL views, which apply the same rules in SQL). Every count below min_cell
// shows as "<5" (for min_cell 5), and where a shown total would let someone subtract their way
// back to a hidden count, another count is hidden too. Every rule works within one row or one
// group of rows, so SQL can say exactly the same:
//
//   funnel (period, module): started, completed, left, stopped, timed_out, median_duration_s.
//     If exactly one of completed, left, stopped, timed_out is hidden, the smallest shown one
//     is hidden too (ties: the first in that order). The median shows only when completed does.
//   locales (period, module, locale): started. They add up to the funnel's started: if exactly
//     one in a (period, module) group is hidden, the smallest shown one in the group is hidden
//     too (ties: the first locale in byte order).
//   questions (period, module, question): answered, right_first_time, not_right_first_time,
//     right_first_time_pct. If one of the two parts is hidden, so is the other; the percentage
//     shows only when both do.
//   consent (period, module, version, hash, locale): completed. Adds up to the funnel's
//     completed: the same group rule as locales, by (period, module).
//   languages (period, locale): chosen.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.hpp"

namespace anteroom {

enum class ReportPeriod { All, Week, Month };  // All: one period, the whole range

// The period a day falls in: "all", an ISO week "2026-W48" (weeks start on Monday; the first
// week holds the year's first Thursday), or a month "2026-11". The week or month of a day
// that is not one is empty.
std::string period_of(const std::string& day, ReportPeriod period);

struct ReportOptions {
    std::string since, until;  // YYYY-MM-DD, both included; empty: open-ended
    ReportPeriod period = ReportPeriod::All;
    int min_cell = 5;          // never below kLeastMinCell
};

struct Cell {
    std::string text;             // as shown: "12", "<5", "" (no value), or a name
    std::optional<long long> number;  // the value when it is a shown number
    bool hidden = false;          // a count below min_cell, or one hidden so it cannot be worked out
    bool operator==(const Cell&) const = default;
};

struct Table {
    std::string name;                  // funnel, locales, questions, consent, languages
    std::vector<std::string> columns;  // the first are the keys (period, module, ...), then the values
    std::vector<std::vector<Cell>> rows;
};

struct Report {
    ReportOptions options;  // as given, but min_cell raised to kLeastMinCell
    std::string first_day, last_day;  // of the records reported, empty when none
    std::size_t records = 0;          // how many records it was made from
    std::vector<Table> tables;        // in the order above
    const Table* table(std::string_view name) const;
};

// A record whose day is not a real day is left out: it has no period. A record of a module's
// kind that names no module (a time-out outside one) counts in `records`, in no table.
Report make_report(const std::vector<Record>& records, const ReportOptions& options);

// For a person at a terminal: a heading, then each table with aligned columns (medians as m:ss,
// hashes cut to their first 12 hex digits, "(none)" for a table with no rows).
std::string format_text(const Report& report);
// RFC 4180: a header row, CRLF line ends, fields with a comma, quote or line end quoted. One table.
std::string format_csv(const Table& table);
// JSON Lines: one object per row, {"table": name, column: value, ...}; a hidden count is the
// string "<5", an empty value null. Every table, or only `only` when given.
std::string format_jsonl(const Report& report, std::string_view only = {});

}  // namespace anteroom
