#include "core/report.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "core/config.hpp"

namespace anteroom {

namespace {

// Each table's name, its title for a person, its key columns and its value columns.
struct TableSpec {
    const char* name;
    const char* title;
    std::vector<std::string> keys;
    std::vector<std::string> values;
};
const std::vector<TableSpec>& table_specs() {
    static const std::vector<TableSpec> specs = {
        {"funnel", "Modules: started and how they ended", {"period", "module"},
         {"started", "completed", "left", "stopped", "timed_out", "median_duration_s"}},
        {"locales", "Languages each module was read in", {"period", "module", "locale"}, {"started"}},
        {"questions", "Consent questions: right the first time", {"period", "module", "question"},
         {"answered", "right_first_time", "not_right_first_time", "right_first_time_pct"}},
        {"consent", "Consent preparation completed, by text version", {"period", "module", "version", "hash", "locale"},
         {"completed"}},
        {"languages", "Languages chosen", {"period", "locale"}, {"chosen"}},
    };
    return specs;
}
const TableSpec* spec_of(std::string_view name) {
    for (const TableSpec& spec : table_specs())
        if (name == spec.name) return &spec;
    return nullptr;
}
// A table not made here (a caller's own) is read as all values: nothing is taken for a key.
std::size_t key_count(const Table& table) {
    const TableSpec* spec = spec_of(table.name);
    return spec ? spec->keys.size() : 0;
}

// ---- Periods

std::string iso_week(const std::chrono::year_month_day& date) {
    using namespace std::chrono;
    const sys_days day{date};
    // The Thursday of the day's week (Monday to Sunday) decides the year the week belongs to.
    const sys_days thursday = day - days{weekday{day}.iso_encoding() - 1} + days{3};
    const year week_year = year_month_day{thursday}.year();
    const long week = (thursday - sys_days{week_year / January / 1}).count() / 7 + 1;
    char text[32];
    std::snprintf(text, sizeof text, "%04d-W%02ld", static_cast<int>(week_year), week);
    return text;
}

std::optional<std::chrono::year_month_day> parse_date(const std::string& day) {
    if (!is_day(day)) return std::nullopt;
    using namespace std::chrono;
    return year_month_day{year{std::stoi(day.substr(0, 4))}, month{static_cast<unsigned>(std::stoi(day.substr(5, 2)))},
                          std::chrono::day{static_cast<unsigned>(std::stoi(day.substr(8, 2)))}};
}

// ---- Counting

using Key = std::vector<std::string>;

struct FunnelCounts {
    long long started = 0, completed = 0, left = 0, stopped = 0, timed_out = 0;
    std::vector<int> durations;  // of the completions
};
struct QuestionCounts {
    long long answered = 0, right = 0;
};

struct Counts {
    std::map<Key, FunnelCounts> funnel;
    std::map<Key, long long> locales;
    std::map<Key, QuestionCounts> questions;
    std::map<Key, long long> consent;
    std::map<Key, long long> languages;
};

void count_module_record(Counts& counts, const Record& r, const std::string& period) {
    const Key module_key{period, r.module};
    switch (r.type) {
    case RecordType::ModuleStarted:
        ++counts.funnel[module_key].started;
        ++counts.locales[{period, r.module, r.locale}];
        break;
    case RecordType::ModuleCompleted: {
        FunnelCounts& f = counts.funnel[module_key];
        ++f.completed;
        if (r.duration_s >= 0) f.durations.push_back(r.duration_s);
        break;
    }
    case RecordType::ModuleLeft: ++counts.funnel[module_key].left; break;
    case RecordType::ModuleStopped: ++counts.funnel[module_key].stopped; break;
    case RecordType::SessionTimedOut: ++counts.funnel[module_key].timed_out; break;
    case RecordType::QuestionAnswered: {
        QuestionCounts& q = counts.questions[{period, r.module, r.question}];
        ++q.answered;
        q.right += r.right_first_time == 1;  // anything else counts as not right, so the parts add up
        break;
    }
    case RecordType::ConsentCompleted:
        ++counts.consent[{period, r.module, r.content_version, r.content_hash, r.locale}];
        break;
    default: break;
    }
}

void count_record(Counts& counts, const Record& r, const std::string& period) {
    if (r.type == RecordType::LanguageChosen) {
        ++counts.languages[{period, r.locale}];
        return;
    }
    // Only a time-out outside a module has no module; it belongs to no module's row.
    if (!r.module.empty()) count_module_record(counts, r, period);
}

bool in_range(const std::string& day, const ReportOptions& options) {
    return (options.since.empty() || day >= options.since) && (options.until.empty() || day <= options.until);
}

// ---- Cells and suppression

Cell text_cell(std::string text) { return {std::move(text), std::nullopt, false}; }
Cell number_cell(long long n) { return {std::to_string(n), n, false}; }
Cell hidden_count(int min_cell) { return {"<" + std::to_string(min_cell), std::nullopt, true}; }
Cell hidden_blank() { return {"", std::nullopt, true}; }
Cell count_cell(long long n, int min_cell) { return n < min_cell ? hidden_count(min_cell) : number_cell(n); }

// Cells that add up to a shown total: one hidden alone could be worked out by subtraction, so
// the smallest shown one (the first of equals) is hidden with it. Two hidden ones cannot be told apart.
void hide_a_second(const std::vector<Cell*>& parts, int min_cell) {
    if (std::count_if(parts.begin(), parts.end(), [](const Cell* c) { return c->hidden; }) != 1) return;
    Cell* smallest = nullptr;
    for (Cell* c : parts)
        if (!c->hidden && (!smallest || *c->number < *smallest->number)) smallest = c;
    if (smallest) *smallest = hidden_count(min_cell);
}

// The group rule of locales and consent: rows with the same period and module add up to the
// funnel's total, so hide_a_second runs over the value column of each such group.
void hide_a_second_in_groups(Table& table, int min_cell) {
    const std::size_t value = table.columns.size() - 1;
    auto group_of = [](const std::vector<Cell>& row) { return std::pair{row[0].text, row[1].text}; };
    for (std::size_t begin = 0; begin < table.rows.size();) {
        std::size_t end = begin;
        std::vector<Cell*> parts;
        while (end < table.rows.size() && group_of(table.rows[end]) == group_of(table.rows[begin]))
            parts.push_back(&table.rows[end++][value]);
        hide_a_second(parts, min_cell);
        begin = end;
    }
}

// The lower median (PostgreSQL's percentile_disc(0.5)): always one of the durations kept.
long long lower_median(std::vector<int> values) {
    auto middle = values.begin() + static_cast<std::ptrdiff_t>((values.size() - 1) / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

Table empty_table(const TableSpec& spec) {
    Table table{spec.name, spec.keys, {}};
    table.columns.insert(table.columns.end(), spec.values.begin(), spec.values.end());
    return table;
}

std::vector<Cell> key_cells(const Key& key) {
    std::vector<Cell> cells;
    for (const std::string& part : key) cells.push_back(text_cell(part));
    return cells;
}

Table funnel_table(const std::map<Key, FunnelCounts>& funnel, int min_cell) {
    Table table = empty_table(*spec_of("funnel"));
    for (const auto& [key, f] : funnel) {
        std::vector<Cell> row = key_cells(key);
        for (long long n : {f.started, f.completed, f.left, f.stopped, f.timed_out})
            row.push_back(count_cell(n, min_cell));
        Cell& completed = row[3];
        hide_a_second({&completed, &row[4], &row[5], &row[6]}, min_cell);
        if (completed.hidden) row.push_back(hidden_blank());
        else row.push_back(f.durations.empty() ? text_cell("") : number_cell(lower_median(f.durations)));
        table.rows.push_back(std::move(row));
    }
    return table;
}

Table questions_table(const std::map<Key, QuestionCounts>& questions, int min_cell) {
    Table table = empty_table(*spec_of("questions"));
    for (const auto& [key, q] : questions) {
        std::vector<Cell> row = key_cells(key);
        row.push_back(count_cell(q.answered, min_cell));
        Cell right = count_cell(q.right, min_cell), not_right = count_cell(q.answered - q.right, min_cell);
        // With answered shown, either part gives the other away.
        if (right.hidden != not_right.hidden) right = not_right = hidden_count(min_cell);
        const bool both_shown = !right.hidden;
        row.push_back(right);
        row.push_back(not_right);
        // Rounded half up, in integers so the SQL views can say the same.
        row.push_back(both_shown ? number_cell((200 * q.right + q.answered) / (2 * q.answered)) : hidden_blank());
        table.rows.push_back(std::move(row));
    }
    return table;
}

// A table of keys and one count, primary suppression only.
Table count_table(const char* name, const std::map<Key, long long>& counts, int min_cell) {
    Table table = empty_table(*spec_of(name));
    for (const auto& [key, n] : counts) {
        std::vector<Cell> row = key_cells(key);
        row.push_back(count_cell(n, min_cell));
        table.rows.push_back(std::move(row));
    }
    return table;
}

// ---- Formatting

std::string with_commas_quoted(const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
    std::string quoted = "\"";
    for (char ch : field) {
        if (ch == '"') quoted += '"';
        quoted += ch;
    }
    return quoted + "\"";
}

std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (char ch : text) {
        const auto byte = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (byte < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
            out += escaped;
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

// A value cell in JSON: a shown number as a number, a hidden count as its "<5", no value as null.
std::string json_value(const Cell& cell) {
    if (cell.number) return std::to_string(*cell.number);
    if (cell.text.empty()) return "null";
    return json_string(cell.text);
}

std::string minutes_seconds(long long seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%lld:%02lld", seconds / 60, seconds % 60);
    return text;
}

// What a person reads in a cell: medians as m:ss, and hashes cut to a length an eye can compare.
std::string shown_text(const std::string& column, const Cell& cell) {
    if (column == "median_duration_s" && cell.number) return minutes_seconds(*cell.number);
    if (column == "hash") return cell.text.substr(0, 12);
    return cell.text;
}
std::string shown_header(const std::string& column) {
    return column == "median_duration_s" ? "median (m:ss)" : column;
}

// Columns are lined up by characters, not bytes, so a name in UTF-8 does not push its row out.
std::size_t width_of(const std::string& text) {
    auto starts_a_character = [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; };
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), starts_a_character));
}

std::string text_table(const Table& table) {
    if (table.rows.empty()) return "(none)\n";
    std::vector<std::vector<std::string>> lines{{}};
    for (const std::string& column : table.columns) lines[0].push_back(shown_header(column));
    for (const auto& row : table.rows) {
        lines.emplace_back();
        for (std::size_t i = 0; i < row.size(); ++i) lines.back().push_back(shown_text(table.columns[i], row[i]));
    }
    std::vector<std::size_t> widths(table.columns.size(), 0);
    for (const auto& line : lines)
        for (std::size_t i = 0; i < line.size(); ++i) widths[i] = std::max(widths[i], width_of(line[i]));
    const std::size_t keys = key_count(table);
    std::string out;
    for (const auto& line : lines) {
        std::string text;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const std::string padding(widths[i] - width_of(line[i]), ' ');
            if (i > 0) text += "  ";
            text += i < keys ? line[i] + padding : padding + line[i];  // names to the left, numbers to the right
        }
        text.erase(text.find_last_not_of(' ') + 1);
        out += text + "\n";
    }
    return out;
}

std::string heading(const Report& report) {
    const ReportOptions& o = report.options;
    const std::string from = o.since.empty() ? report.first_day : o.since;
    const std::string to = o.until.empty() ? report.last_day : o.until;
    std::string text = "Anteroom figures";
    if (!from.empty() && !to.empty()) text += ", " + from + " to " + to;
    else if (!from.empty()) text += " from " + from;  // only an open range with no records
    else if (!to.empty()) text += " up to " + to;
    if (report.records == 0) return text + ": no records.\n";
    text += " (" + std::to_string(report.records) + (report.records == 1 ? " record)" : " records)");
    if (o.period == ReportPeriod::Week) text += ", by week";
    if (o.period == ReportPeriod::Month) text += ", by month";
    const std::string hidden = "\"<" + std::to_string(o.min_cell) + "\"";
    return text + ". Counts under " + std::to_string(o.min_cell) + " show as " + hidden +
           "; another is hidden where a total would give it away.\n";
}

}  // namespace

std::string period_of(const std::string& day, ReportPeriod period) {
    if (period == ReportPeriod::All) return "all";
    const auto date = parse_date(day);
    if (!date) return {};
    if (period == ReportPeriod::Month) return day.substr(0, 7);
    return iso_week(*date);
}

const Table* Report::table(std::string_view name) const {
    for (const Table& t : tables)
        if (t.name == name) return &t;
    return nullptr;
}

Report make_report(const std::vector<Record>& records, const ReportOptions& options) {
    Report report;
    report.options = options;
    const int min_cell = report.options.min_cell = std::max(options.min_cell, kLeastMinCell);
    Counts counts;
    for (const Record& r : records) {
        // A record without a real day cannot be placed in a week or month, nor in the range.
        if (!is_day(r.day) || !in_range(r.day, options)) continue;
        ++report.records;
        if (report.first_day.empty() || r.day < report.first_day) report.first_day = r.day;
        if (report.last_day.empty() || r.day > report.last_day) report.last_day = r.day;
        count_record(counts, r, period_of(r.day, options.period));
    }
    report.tables.push_back(funnel_table(counts.funnel, min_cell));
    report.tables.push_back(count_table("locales", counts.locales, min_cell));
    hide_a_second_in_groups(report.tables.back(), min_cell);
    report.tables.push_back(questions_table(counts.questions, min_cell));
    report.tables.push_back(count_table("consent", counts.consent, min_cell));
    hide_a_second_in_groups(report.tables.back(), min_cell);
    report.tables.push_back(count_table("languages", counts.languages, min_cell));
    return report;
}

std::string format_text(const Report& report) {
    std::string out = heading(report);
    for (const Table& table : report.tables) {
        const TableSpec* spec = spec_of(table.name);
        out += "\n" + std::string(spec ? spec->title : table.name) + "\n" + text_table(table);
    }
    return out;
}

std::string format_csv(const Table& table) {
    auto line = [](const std::vector<std::string>& fields) {
        std::string text;
        for (std::size_t i = 0; i < fields.size(); ++i) text += (i ? "," : "") + with_commas_quoted(fields[i]);
        return text + "\r\n";
    };
    std::string out = line(table.columns);
    for (const auto& row : table.rows) {
        std::vector<std::string> fields;
        for (const Cell& cell : row) fields.push_back(cell.text);
        out += line(fields);
    }
    return out;
}

std::string format_jsonl(const Report& report, std::string_view only) {
    std::string out;
    for (const Table& table : report.tables) {
        if (!only.empty() && table.name != only) continue;
        const std::size_t keys = key_count(table);
        for (const auto& row : table.rows) {
            std::string line = "{\"table\":" + json_string(table.name);
            for (std::size_t i = 0; i < row.size(); ++i) {
                const std::string value = i < keys ? json_string(row[i].text) : json_value(row[i]);
                line += "," + json_string(table.columns[i]) + ":" + value;
            }
            out += line + "}\n";
        }
    }
    return out;
}

}  // namespace anteroom
