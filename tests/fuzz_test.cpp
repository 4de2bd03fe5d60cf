// Deterministic mutation fuzzing of everything that reads files clinic staff edit: the
// configuration, content folders, Markdown, MessageFormat and captions. A fixed seed makes every run
// the same; a failure prints the iteration and the input, so it can be turned into a unit test.
//
// Whatever the input, nothing may crash or throw, and every problem must be reported as a
// diagnostic naming a file, a line (>= 0) and a message.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/captions.hpp"
#include "core/config.hpp"
#include "core/content.hpp"
#include "core/markdown.hpp"
#include "core/message.hpp"
#include "core/presentation.hpp"
#include "support/headless.hpp"

namespace anteroom {
namespace {

namespace fs = std::filesystem;

// A small, portable generator (splitmix64): the same numbers on every platform and library.
class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed) {}
    uint64_t next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }
    bool chance(int percent) { return below(100) < static_cast<size_t>(percent); }
    template <typename T>
    const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }

private:
    uint64_t state_;
};

// Bytes that matter to TOML, MessageFormat and Markdown, and some that are not text at all.
const std::vector<std::string> kNasty = {
    "{", "}", "\"", "\"\"\"", "'", "[", "]", "[[", "=", "#", ",", "\\", "\n", "\r\n", "\t", " ",
    std::string(1, '\0'), "\xff", "\xc3", "\x80", "\xc3\x28", "\xed\xa0\x80", "\xf0\x9f\x98", "\xef\xbb\xbf",
    "0", "9", "-1", "1e999", "nan", "true", ".", "*", "`", "```", "- ", "# ", "{x}", "{#", "plural", "other",
};

std::string random_bytes(Rng& rng, size_t count) {
    std::string out;
    for (size_t i = 0; i < count; ++i) out += rng.chance(60) ? rng.pick(kNasty) : std::string(1, char(rng.below(256)));
    return out;
}

// One to four random edits: flips, replacements, insertions, deletions, truncation,
// duplicated and swapped lines.
std::string mutate(std::string s, Rng& rng) {
    const size_t edits = 1 + rng.below(4);
    for (size_t e = 0; e < edits; ++e) {
        const size_t at = rng.below(s.size() + 1);
        switch (rng.below(7)) {
        case 0:  // flip a bit
            if (!s.empty()) s[rng.below(s.size())] ^= char(1 << rng.below(8));
            break;
        case 1:  // replace a byte
            if (!s.empty()) s.replace(rng.below(s.size()), 1, rng.pick(kNasty));
            break;
        case 2:  // insert
            s.insert(at, random_bytes(rng, 1 + rng.below(6)));
            break;
        case 3:  // delete a run
            s.erase(at, 1 + rng.below(12));
            break;
        case 4:  // truncate
            s.resize(at);
            break;
        case 5: {  // duplicate a line elsewhere
            const size_t start = s.rfind('\n', at == 0 ? 0 : at - 1);
            const size_t from = start == std::string::npos ? 0 : start + 1;
            const size_t end = s.find('\n', from);
            const std::string line = s.substr(from, end == std::string::npos ? std::string::npos : end - from + 1);
            s.insert(rng.below(s.size() + 1), line);
            break;
        }
        default: {  // swap two chunks
            if (s.size() < 4) break;
            size_t a = rng.below(s.size() / 2), b = s.size() / 2 + rng.below(s.size() / 2);
            size_t len = 1 + rng.below(std::min<size_t>(16, b - a));
            if (b + len > s.size()) len = s.size() - b;
            std::string first = s.substr(a, len), second = s.substr(b, len);
            s.replace(b, len, first);
            s.replace(a, len, second);
            break;
        }
        }
    }
    return s;
}

std::string escaped(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (c == '\n') out += "\\n";
        else if (c == '\\') out += "\\\\";
        else if (c == '"') out += "\\\"";
        else if (c < 0x20 || c >= 0x7f) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex;
        } else out += char(c);
    }
    return out;
}

int line_count(const std::string& text) { return 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

// Stops a fuzz loop after a few failures, so one bug does not print thousands of them.
struct Failures {
    int count = 0;
    bool enough() const { return count >= 5; }
};

// ---- parse_config on mutated content/anteroom.toml ---------------------------------------

// What any configuration that loaded without errors must satisfy.
std::string config_invariant_broken(const ClinicConfig& c) {
    if (c.clinic_name.empty()) return "empty clinic_name";
    if (c.clinic_phone.empty()) return "empty clinic_phone";
    if (c.routes_offered.empty()) return "no routes";
    for (const std::string& r : c.routes_offered)
        if (std::count(kRouteIds.begin(), kRouteIds.end(), r) != 1 ||
            std::count(c.routes_offered.begin(), c.routes_offered.end(), r) != 1)
            return "bad route " + r;
    if (!(c.fasting_hours >= 0 && c.fasting_hours <= 12)) return "fasting_hours out of range";
    if (!(c.clear_fluids_hours >= 0 && c.clear_fluids_hours <= c.fasting_hours)) return "clear_fluids_hours out of range";
    if (!(c.monitoring_minutes >= 15 && c.monitoring_minutes <= 480)) return "monitoring_minutes out of range";
    if (c.idle_reset_s - c.idle_warning_s < kMinIdleCountdown) return "idle countdown too short";
    return {};
}

TEST(FuzzConfig, MutatedConfigurationNeverCrashesAndAlwaysExplains) {
    const std::string original = read_file(testing::source_path("content/anteroom.toml"));
    ASSERT_TRUE(parse_config(original, "anteroom.toml").errors.empty());
    Rng rng(0xA17E0001);
    Failures failures;
    int rejected = 0;
    for (int i = 0; i < 20000 && !failures.enough(); ++i) {
        const std::string text = mutate(original, rng);
        const std::string where = "iteration " + std::to_string(i) + ", input \"" + escaped(text) + "\"";
        ConfigLoad load;
        try {
            load = parse_config(text, "anteroom.toml");
        } catch (const std::exception& e) {
            ADD_FAILURE() << "exception " << e.what() << " at " << where;
            ++failures.count;
            continue;
        }
        if (!load.errors.empty()) ++rejected;
        for (const Diagnostic& d : load.errors) {
            if (d.file != "anteroom.toml" || d.message.empty() || d.line < 0 || d.line > line_count(text) + 1) {
                ADD_FAILURE() << "bad diagnostic \"" << d.str() << "\" at " << where;
                ++failures.count;
            }
        }
        if (load.errors.empty()) {
            if (std::string broken = config_invariant_broken(load.config); !broken.empty()) {
                ADD_FAILURE() << "accepted a bad configuration (" << broken << ") at " << where;
                ++failures.count;
            }
        }
    }
    // The mutations must actually break things most of the time, or this tests nothing.
    EXPECT_GT(rejected, 10000);
}

// ---- load_content on a mutated copy of tests/fixtures/content/good ------------------------

class FuzzContent : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("anteroom-fuzz-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::copy(std::string(ANTEROOM_FIXTURES) + "/content/good", dir_, fs::copy_options::recursive);
        for (const auto& entry : fs::recursive_directory_iterator(dir_))
            if (entry.is_regular_file()) originals_[entry.path()] = read_file(entry.path());
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path dir_;
    std::map<fs::path, std::string> originals_;
};

// Checks one diagnostic from loading or validating the content in dir.
std::string bad_diagnostic(const Diagnostic& d, const fs::path& dir, bool check_line_in_file) {
    if (d.file.empty() || d.message.empty() || d.line < 0) return "empty field or negative line";
    if (d.file.find('\0') != std::string::npos || d.message.find('\0') != std::string::npos)
        return "a NUL byte, which cuts the printed line short";
    if (d.file.rfind(dir.string(), 0) != 0) return "a file outside the content folder";
    if (check_line_in_file && fs::is_regular_file(d.file) && d.line > line_count(read_file(d.file)) + 1)
        return "a line after the end of the file";
    return {};
}

TEST_F(FuzzContent, MutatedContentNeverCrashesAndAlwaysExplains) {
    ASSERT_EQ(originals_.size(), 7u);  // interface.toml, two module.toml, four screens
    ConfigLoad config = load_config(std::string(ANTEROOM_FIXTURES) + "/config/clinic.toml");
    ASSERT_TRUE(config.errors.empty());
    {
        ContentLoad clean = load_content(dir_);
        ASSERT_TRUE(clean.errors.empty()) << clean.errors.front().str();
    }
    std::vector<fs::path> files;
    for (const auto& [path, text] : originals_) files.push_back(path);

    Rng rng(0xA17E0002);
    Failures failures;
    int rejected = 0, presented = 0;
    for (int i = 0; i < 3000 && !failures.enough(); ++i) {
        // Mutate one file, sometimes two.
        std::vector<fs::path> changed = {rng.pick(files)};
        if (rng.chance(20)) changed.push_back(rng.pick(files));
        std::string where = "iteration " + std::to_string(i);
        for (const fs::path& f : changed) {
            const std::string text = mutate(read_file(f), rng);
            write_file(f, text);
            where += ", " + fs::relative(f, dir_).string() + " = \"" + escaped(text) + "\"";
        }
        auto fail = [&](const std::string& what) {
            ADD_FAILURE() << what << " at " << where;
            ++failures.count;
        };
        try {
            ContentLoad load = load_content(dir_);
            for (const Diagnostic& d : load.errors)
                if (std::string bad = bad_diagnostic(d, dir_, true); !bad.empty()) fail(bad + ": \"" + d.str() + "\"");
            if (!load.errors.empty()) {
                ++rejected;
            } else {
                // A load without errors is complete: every module, screen and interface key.
                const ContentSource& c = load.content;
                if (c.modules.size() != 2) fail("loaded without errors but with " + std::to_string(c.modules.size()) + " modules");
                for (const ModuleSource& m : c.modules)
                    if (m.screens.empty()) fail("module " + m.id + " loaded without errors but without screens");
                for (const InterfaceKey& k : interface_keys())
                    if (k.required && !c.interface.contains(k.key)) fail(std::string("loaded without errors but without ") + k.key);
                Diagnostics problems = validate(c, config.config, "clinic.toml");
                for (const Diagnostic& d : problems)
                    if (std::string bad = bad_diagnostic(d, dir_, false); !bad.empty()) fail(bad + ": \"" + d.str() + "\"");
                if (problems.empty()) {
                    ++presented;
                    Presentation p = present(c, config.config, "en");
                    if (p.all_text().empty()) fail("presented nothing");
                }
            }
        } catch (const std::exception& e) {
            fail(std::string("exception: ") + e.what());
        }
        for (const fs::path& f : changed) write_file(f, originals_[f]);
    }
    // Most mutations must be caught, and some must still load: both paths are exercised.
    EXPECT_GT(rejected, 1500);
    EXPECT_GT(presented, 20);
}

// Screen names are file names: any string a module lists must give a diagnostic on its line
// of module.toml, not an exception or a mangled report.
void expect_screen_name_reported(const fs::path& dir, const std::string& toml_name) {
    const fs::path module = dir / "visit" / "module.toml";
    write_file(module, "format = 1\nminutes = 5\ntitle = \"Your visit\"\nsummary = \"On the day.\"\n"
                       "screens = [\"arrival\", \"questions\", \"routes\",\n  \"" + toml_name + "\"]\n");
    ContentLoad load;
    ASSERT_NO_THROW(load = load_content(dir));
    bool reported = false;
    for (const Diagnostic& d : load.errors) {
        EXPECT_EQ(bad_diagnostic(d, dir, true), "") << escaped(d.str());
        if (d.file == module.string() && d.line == 6) reported = true;
    }
    EXPECT_TRUE(reported) << "no diagnostic on module.toml line 6";
}

// Guards a fixed bug: content.cpp load_module() calls the throwing fs::exists(); a name longer than the
// file system allows (ENAMETOOLONG) throws std::filesystem::filesystem_error out of
// load_content, and `anteroom check` aborts (exit 134).
TEST_F(FuzzContent, ScreenNameTooLongForAFile) { expect_screen_name_reported(dir_, std::string(300, 'x')); }

// Guards a fixed bug: "\u0000" makes the path ".../screens/\0.toml", which the OS reads as the screens
// folder itself: fs::exists() is true, the folder is "read" as an empty screen, and the
// diagnostics' file names hold a NUL, so `check` prints them cut short, with neither line nor
// message.
TEST_F(FuzzContent, ScreenNameWithANulByte) { expect_screen_name_reported(dir_, "\\u0000"); }

// ---- parse_markdown on random and mutated text --------------------------------------------

const std::vector<std::string> kMarkdownPieces = {
    "# ", "## ", "### ", "#### ", "- ", "* ", "+ ", "1. ", "2) ", "> ", "```", "~~~", "`", "**", "*", "_", "__",
    "[", "](", ")", "![", "---", "***", "===", "\n", "\n\n", "  ", "    ", "\t", "<b>", "</b>", "<!--", "&amp;",
    "&nbsp;", "&#0;", "&", "|", "| a | b |\n|---|---|\n", "\\", "word ", "Ketamine ", "{fasting_hours}",
    std::string(1, '\0'), "\xff", "\xc3\xa9", "\xc3", "\xed\xa0\x80", "\xe2\x80\xa8",
};

std::string random_pieces(Rng& rng, const std::vector<std::string>& pieces, size_t max_count) {
    std::string out;
    const size_t count = rng.below(max_count + 1);
    for (size_t i = 0; i < count; ++i) out += rng.pick(pieces);
    return out;
}

void check_markdown(const std::string& source, const std::string& where, Failures& failures) {
    std::vector<MarkdownProblem> problems;
    RichText rich;
    try {
        rich = parse_markdown(source, &problems);
        rich.plain();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "exception " << e.what() << " at " << where;
        ++failures.count;
        return;
    }
    const int last_line = line_count(source) - 1;  // problem lines are 0-based
    for (const MarkdownProblem& p : problems) {
        if (p.message.empty() || p.line < 0 || p.line > last_line) {
            ADD_FAILURE() << "bad problem (line " << p.line << ", \"" << p.message << "\") at " << where;
            ++failures.count;
        }
    }
    for (const Block& b : rich.blocks) {
        if (b.plain().empty() || (b.kind == BlockKind::Heading && (b.level < 1 || b.level > 6))) {
            ADD_FAILURE() << "empty block or bad heading level at " << where;
            ++failures.count;
        }
    }
}

TEST(FuzzMarkdown, RandomTextNeverCrashes) {
    Rng rng(0xA17E0003);
    Failures failures;
    for (int i = 0; i < 20000 && !failures.enough(); ++i) {
        const std::string source = rng.chance(80) ? random_pieces(rng, kMarkdownPieces, 40) : random_bytes(rng, rng.below(200));
        check_markdown(source, "iteration " + std::to_string(i) + ", input \"" + escaped(source) + "\"", failures);
    }
}

// Every Markdown text of the bundled content, mutated.
std::vector<std::string> bundled_texts(bool markdown_only) {
    ContentLoad load = load_content(testing::source_path("content"));
    std::vector<std::string> texts;
    auto add = [&](const Text& t) {
        if (!t.empty()) texts.push_back(t.source);
    };
    for (const ModuleSource& m : load.content.modules) {
        if (!markdown_only) add(m.title), add(m.summary);
        for (const ScreenSource& s : m.screens) {
            for (const Text& t : s.texts)
                if (!markdown_only || t.markdown) add(t);
            for (const ItemSource& item : s.items)
                for (const Text& t : item.texts)
                    if (!markdown_only || t.markdown) add(t);
        }
    }
    if (!markdown_only)
        for (const auto& [key, t] : load.content.interface) add(t);
    return texts;
}

TEST(FuzzMarkdown, MutatedBundledTextNeverCrashes) {
    const std::vector<std::string> texts = bundled_texts(true);
    ASSERT_GT(texts.size(), 20u);
    Rng rng(0xA17E0004);
    Failures failures;
    for (int i = 0; i < 10000 && !failures.enough(); ++i) {
        const std::string source = mutate(rng.pick(texts), rng);
        check_markdown(source, "iteration " + std::to_string(i) + ", input \"" + escaped(source) + "\"", failures);
    }
}

// ---- check_message and format_message on random and mutated patterns ---------------------

const std::vector<std::string> kMessagePieces = {
    "{", "}", "{fasting_hours", "{seconds", "{x", ", plural", ", select", ", selectordinal", ", number", ", date",
    ", choice", ", spellout", ", plurl", ",", " one ", " other ", " few ", " =0 ", " =1 ", " offset:1 ", "#", "'",
    "''", "'{'", "|", "::", "::currency/EUR", " integer", "0#", "<", "\n", " ", "hours ", "Stop eating ",
    std::string(1, '\0'), "\xff", "\xc3\xa9", "\xed\xa0\x80",
};

void check_pattern(const std::string& pattern, const std::string& where, Failures& failures) {
    const Params params = {{"fasting_hours", 6.0}, {"seconds", 1.0}, {"x", std::string("text")}};
    try {
        MessageCheck check = check_message(pattern);
        std::string format_error;
        const std::string shown = format_message(pattern, params, "en", &format_error);
        const int last_line = line_count(pattern) - 1;
        if (!check.error.empty() && (check.error_line < 0 || check.error_line > last_line)) {
            ADD_FAILURE() << "error line " << check.error_line << " outside the message at " << where;
            ++failures.count;
        }
        // A message check rejects must never be shown formatted: the kiosk shows its source.
        if (!check.error.empty() && (format_error.empty() || shown != pattern)) {
            ADD_FAILURE() << "check rejects but format accepts at " << where;
            ++failures.count;
        }
    } catch (const std::exception& e) {
        ADD_FAILURE() << "exception " << e.what() << " at " << where;
        ++failures.count;
    }
}

TEST(FuzzMessage, RandomPatternsNeverCrash) {
    Rng rng(0xA17E0005);
    Failures failures;
    for (int i = 0; i < 20000 && !failures.enough(); ++i) {
        const std::string pattern = rng.chance(85) ? random_pieces(rng, kMessagePieces, 24) : random_bytes(rng, rng.below(80));
        check_pattern(pattern, "iteration " + std::to_string(i) + ", input \"" + escaped(pattern) + "\"", failures);
    }
}

TEST(FuzzMessage, MutatedBundledMessagesNeverCrash) {
    const std::vector<std::string> texts = bundled_texts(false);
    Rng rng(0xA17E0006);
    Failures failures;
    for (int i = 0; i < 10000 && !failures.enough(); ++i) {
        const std::string pattern = mutate(rng.pick(texts), rng);
        check_pattern(pattern, "iteration " + std::to_string(i) + ", input \"" + escaped(pattern) + "\"", failures);
    }
}

// ---- parse_captions on mutated tests/fixtures/captions/practice.vtt -----------------------
// Named CaptionsFuzz, not FuzzCaptions, so that the captions' own filter (Captions*) runs it.

// Lines as the captions count them: LF, CRLF and CR each end one.
int caption_line_count(const std::string& text) {
    int lines = 1;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++lines;
    }
    return lines;
}

// What any captions that parsed without errors must satisfy.
std::string captions_invariant_broken(const Captions& c, int lines) {
    if (c.cues.empty()) return "no cues";
    for (size_t i = 0; i < c.cues.size(); ++i) {
        const Cue& cue = c.cues[i];
        if (!(cue.start >= 0 && cue.start < cue.end)) return "a cue that does not end after it starts";
        if (i > 0 && cue.start < c.cues[i - 1].end) return "cues overlapping or out of order";
        if (cue.text.empty()) return "a cue without text";
        if (cue.text.find('<') != std::string::npos) return "markup in a cue";
        if (cue.text.find('\0') != std::string::npos) return "a NUL in a cue";
        if (cue.line < 1 || cue.line > lines) return "a cue's line outside the file";
        if (cue_at(c, cue.start) != &cue) return "cue_at does not find a cue at its start";
    }
    return {};
}

TEST(CaptionsFuzz, MutatedCaptionsNeverCrashAndAlwaysExplain) {
    const std::string original = read_file(std::string(ANTEROOM_FIXTURES) + "/captions/practice.vtt");
    ASSERT_TRUE(parse_captions(original, "practice.vtt").errors.empty());
    Rng rng(0xA17E0007);
    Failures failures;
    int rejected = 0, accepted = 0;
    for (int i = 0; i < 20000 && !failures.enough(); ++i) {
        const std::string text = mutate(original, rng);
        const std::string where = "iteration " + std::to_string(i) + ", input \"" + escaped(text) + "\"";
        auto fail = [&](const std::string& what) {
            ADD_FAILURE() << what << " at " << where;
            ++failures.count;
        };
        CaptionsLoad load;
        try {
            load = parse_captions(text, "practice.vtt");
        } catch (const std::exception& e) {
            fail(std::string("exception ") + e.what());
            continue;
        }
        const int lines = caption_line_count(text);
        for (const Diagnostic& d : load.errors) {
            if (d.file != "practice.vtt" || d.message.empty() || d.line < 0 || d.line > lines ||
                d.message.find('\0') != std::string::npos)
                fail("bad diagnostic \"" + escaped(d.str()) + "\"");
        }
        if (!load.errors.empty()) {
            ++rejected;
            if (!load.captions.cues.empty()) fail("cues kept from a file with errors");
        } else if (std::string broken = captions_invariant_broken(load.captions, lines); !broken.empty()) {
            fail("accepted bad captions (" + broken + ")");
        } else {
            ++accepted;
        }
    }
    // Both paths are exercised: many mutations break the file, and some leave it readable.
    EXPECT_GT(rejected, 10000);
    EXPECT_GT(accepted, 2000);
}

}  // namespace
}  // namespace anteroom
