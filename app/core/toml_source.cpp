#include "core/toml_source.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace anteroom {

namespace {
std::string describe_type(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "a whole number";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "true/false";
    case toml::node_type::array: return "a list";
    case toml::node_type::table: return "a table";
    default: return "a date or time";
    }
}

std::string_view nth_line(std::string_view text, int line) {  // 1-based
    for (int i = 1; i < line && !text.empty(); ++i) {
        size_t end = text.find('\n');
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    }
    return text.substr(0, text.find('\n'));
}

// What a path that is not a regular file is, in words for clinic staff.
std::string describe_file_type(std::filesystem::file_type type) {
    using std::filesystem::file_type;
    switch (type) {
    case file_type::fifo: return "a FIFO";
    case file_type::block: return "a block device";
    case file_type::character: return "a character device";
    case file_type::socket: return "a socket";
    default: return "a special file";
    }
}

std::string format_number(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}
}  // namespace

std::optional<toml::table> parse_toml_text(std::string_view text, const std::string& shown_name, Diagnostics& out) {
    try {
        return toml::parse(text, shown_name);
    } catch (const toml::parse_error& e) {
        out.push_back({shown_name, static_cast<int>(e.source().begin.line),
                       "not valid TOML: " + std::string(e.description())});
        return std::nullopt;
    }
}

bool read_text_file(const std::filesystem::path& path, const std::string& shown_name, std::string* text,
                    Diagnostics& out) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (status.type() == fs::file_type::directory) {
        out.push_back({shown_name, 0, "cannot be read: it is a folder, not a file"});
        return false;
    }
    // Opening a FIFO or a device would block for ever (or read without end): never open one.
    if (fs::exists(status) && status.type() != fs::file_type::regular) {
        out.push_back({shown_name, 0, "cannot be read: it is " + describe_file_type(status.type()) + ", not a regular file"});
        return false;
    }
    if (const std::uintmax_t size = fs::file_size(path, ec); !ec && size > kMaxTextFileBytes) {
        constexpr std::uintmax_t mib = 1024 * 1024;
        out.push_back({shown_name, 0, "cannot be read: it is " + std::to_string(size / mib) + " MiB; a file here may be at most " +
                                          std::to_string(kMaxTextFileBytes / mib) + " MiB"});
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        out.push_back({shown_name, 0, "cannot be read"});
        return false;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    *text = buffer.str();
    return true;
}

std::vector<std::filesystem::directory_entry> list_folder(const std::filesystem::path& dir, Diagnostics& out) {
    namespace fs = std::filesystem;
    std::vector<fs::directory_entry> entries;
    std::error_code ec;
    // Not a range-for: its ++ throws when reading the folder fails part-way.
    fs::directory_iterator it(dir, ec);
    if (ec == std::errc::no_such_file_or_directory) return entries;
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(*it);
    if (ec) out.push_back({dir.string(), 0, "cannot list this folder: " + ec.message()});
    return entries;
}

TableReader::TableReader(const toml::table& table, std::string file, Diagnostics& out, std::string_view source_text,
                         std::string context)
    : table_(&table), file_(std::move(file)), out_(&out), source_text_(source_text), context_(std::move(context)) {}

int TableReader::line_of(const toml::node& node) {
    return static_cast<int>(node.source().begin.line);
}

int TableReader::line_of(std::string_view key) const {
    const toml::node* node = table_->get(key);
    return node ? line_of(*node) : line();
}

int TableReader::line() const { return line_of(*table_); }

std::string TableReader::name(std::string_view key) const {
    return context_.empty() ? "'" + std::string(key) + "'" : context_ + ": '" + std::string(key) + "'";
}

void TableReader::error(int line, const std::string& message) { out_->push_back({file_, line, message}); }

bool TableReader::has(std::string_view key) const { return table_->contains(key); }

const toml::node* TableReader::take(std::string_view key, bool required) {
    read_.insert(std::string(key));
    const toml::node* node = table_->get(key);
    if (!node && required) error(line(), name(key) + " is missing");
    return node;
}

std::optional<SourceString> TableReader::string(std::string_view key, bool required) {
    const toml::node* node = take(key, required);
    if (!node) return std::nullopt;
    if (!node->is_string()) {
        error(line_of(*node), name(key) + " must be a string, not " + describe_type(*node));
        return std::nullopt;
    }
    // A multi-line string whose opening quotes end their line starts on the next line.
    int line = line_of(*node);
    const auto& begin = node->source().begin;
    std::string_view rest = nth_line(source_text_, line);
    rest.remove_prefix(std::min<size_t>(rest.size(), begin.column > 0 ? begin.column - 1 : 0));
    if ((rest.starts_with("\"\"\"") || rest.starts_with("'''")) && rest.find_first_not_of(" \t\r", 3) == std::string_view::npos)
        ++line;
    return SourceString{std::string(*node->value<std::string_view>()), line};
}

std::optional<double> TableReader::number(std::string_view key, bool required, double min, double max) {
    const toml::node* node = take(key, required);
    if (!node) return std::nullopt;
    if (!node->is_number()) {
        error(line_of(*node), name(key) + " must be a number, not " + describe_type(*node));
        return std::nullopt;
    }
    // A whole number too big for a double has no exact double value: read it as an integer.
    const double v = node->is_integer() ? static_cast<double>(*node->value<long long>()) : *node->value<double>();
    if (!std::isfinite(v) || v < min || v > max) {
        error(line_of(*node), name(key) + " is " + format_number(v) + " but must be between " + format_number(min) +
                                  " and " + format_number(max));
        return std::nullopt;
    }
    return v;
}

std::optional<bool> TableReader::boolean(std::string_view key, bool required) {
    const toml::node* node = take(key, required);
    if (!node) return std::nullopt;
    if (!node->is_boolean()) {
        error(line_of(*node), name(key) + " must be true or false, not " + describe_type(*node));
        return std::nullopt;
    }
    return *node->value<bool>();
}

std::optional<long long> TableReader::integer(std::string_view key, bool required, long long min, long long max) {
    const toml::node* node = take(key, required);
    if (!node) return std::nullopt;
    if (!node->is_integer()) {
        error(line_of(*node), name(key) + " must be a whole number, not " + describe_type(*node));
        return std::nullopt;
    }
    long long v = *node->value<long long>();
    if (v < min || v > max) {
        error(line_of(*node), name(key) + " is " + std::to_string(v) + " but must be between " + std::to_string(min) +
                                  " and " + std::to_string(max));
        return std::nullopt;
    }
    return v;
}

std::optional<std::vector<SourceString>> TableReader::string_array(std::string_view key, bool required) {
    const toml::node* node = take(key, required);
    if (!node) return std::nullopt;
    const toml::array* array = node->as_array();
    if (!array) {
        error(line_of(*node), name(key) + " must be a list of strings, not " + describe_type(*node));
        return std::nullopt;
    }
    std::vector<SourceString> result;
    for (const toml::node& item : *array) {
        if (!item.is_string()) {
            error(line_of(item), name(key) + " must hold only strings, not " + describe_type(item));
            return std::nullopt;
        }
        result.push_back({std::string(*item.value<std::string_view>()), line_of(item)});
    }
    return result;
}

std::vector<TableReader> TableReader::table_array(std::string_view key) {
    std::vector<TableReader> result;
    const toml::node* node = take(key, false);
    if (!node) return result;
    const toml::array* array = node->as_array();
    if (!array || !array->is_array_of_tables()) {
        error(line_of(*node), name(key) + " must be written as [[" + std::string(key) + "]] tables");
        return result;
    }
    int index = 1;
    for (const toml::node& item : *array)
        result.emplace_back(*item.as_table(), file_, *out_, source_text_, std::string(key) + " " + std::to_string(index++));
    return result;
}

std::optional<TableReader> TableReader::table(std::string_view key, bool required) {
    const toml::node* node = take(key, required);
    if (!node) return std::nullopt;
    const toml::table* table = node->as_table();
    if (!table) {
        error(line_of(*node), name(key) + " must be written as a [" + std::string(key) + "] table, not " + describe_type(*node));
        return std::nullopt;
    }
    return TableReader(*table, file_, *out_, source_text_, std::string(key));
}

std::vector<std::string> TableReader::keys() const {
    std::vector<std::pair<toml::source_position, std::string>> placed;
    for (const auto& [key, node] : *table_) placed.emplace_back(key.source().begin, std::string(key.str()));
    std::stable_sort(placed.begin(), placed.end(), [](const auto& a, const auto& b) {
        return a.first.line != b.first.line ? a.first.line < b.first.line : a.first.column < b.first.column;
    });
    std::vector<std::string> result;
    for (auto& [where, key] : placed) result.push_back(std::move(key));
    return result;
}

void TableReader::finish() {
    for (const auto& [key, node] : *table_) {
        if (!read_.contains(key.str()))
            error(line_of(node), "unknown key " + name(key.str()));
    }
}

}  // namespace anteroom
