#pragma once
// Reading TOML with diagnostics: every getter reports a wrong type, a missing key or an
// out-of-range value as "file:line: ...", and finish() reports keys nobody asked for.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "core/diagnostics.hpp"

namespace anteroom {

// A string read from a file, with where it came from.
struct SourceString {
    std::string text;
    int line = 0;
};

// The largest content, configuration or translation file read; anything bigger is a mistake.
inline constexpr std::uintmax_t kMaxTextFileBytes = 16 * 1024 * 1024;

// Reads a whole regular file into *text; on failure (a folder, FIFO or device, a file over
// kMaxTextFileBytes, or unreadable) adds a diagnostic and returns false.
bool read_text_file(const std::filesystem::path& path, const std::string& shown_name, std::string* text,
                    Diagnostics& out);
// The entries of a folder, in no particular order; none for a folder that does not exist.
// A folder that cannot be read, at once or part-way, adds a diagnostic naming it.
std::vector<std::filesystem::directory_entry> list_folder(const std::filesystem::path& dir, Diagnostics& out);
// Parses TOML; on failure adds a diagnostic and returns nullopt.
std::optional<toml::table> parse_toml_text(std::string_view text, const std::string& shown_name, Diagnostics& out);

class TableReader {
public:
    // source_text is the whole file, used to place multi-line strings on their first line of text.
    TableReader(const toml::table& table, std::string file, Diagnostics& out, std::string_view source_text = {},
                std::string context = {});

    bool has(std::string_view key) const;
    std::optional<SourceString> string(std::string_view key, bool required);
    std::optional<double> number(std::string_view key, bool required, double min, double max);
    std::optional<bool> boolean(std::string_view key, bool required);
    std::optional<long long> integer(std::string_view key, bool required, long long min, long long max);
    std::optional<std::vector<SourceString>> string_array(std::string_view key, bool required);
    std::vector<TableReader> table_array(std::string_view key);
    // A [key] table whose own keys the caller names (see keys()); nullopt when absent or not a table.
    std::optional<TableReader> table(std::string_view key, bool required);
    // The table's keys, in the order they are written.
    std::vector<std::string> keys() const;

    // Reports every key that was never read as unknown. Call once, after all getters.
    void finish();

    int line() const;
    int line_of(std::string_view key) const;  // where key is written; the table's line when absent
    const std::string& file() const { return file_; }
    void error(int line, const std::string& message);

private:
    const toml::node* take(std::string_view key, bool required);
    static int line_of(const toml::node& node);
    std::string name(std::string_view key) const;

    const toml::table* table_;
    std::string file_;
    Diagnostics* out_;
    std::string_view source_text_;
    std::string context_;  // "question 3" and the like, to place a message inside arrays
    std::set<std::string, std::less<>> read_;
};

}  // namespace anteroom
