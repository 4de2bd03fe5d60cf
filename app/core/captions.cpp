#include "core/captions.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "core/toml_source.hpp"

namespace anteroom {

namespace {

// Past this many, a file is more likely the wrong file than one with mistakes: stop listing.
constexpr size_t kMaxErrors = 100;

const char* const kTimesExample = "\"00:01.000 --> 00:04.000\"";

// Lines ending in LF, CRLF or CR, numbered from 1.
class LineReader {
public:
    explicit LineReader(std::string_view text) : rest_(text) {}

    bool next(std::string_view* line) {
        if (finished_) return false;
        ++number_;
        const size_t end = rest_.find_first_of("\r\n");
        if (end == std::string_view::npos) {
            *line = rest_;
            finished_ = true;
            return true;
        }
        *line = rest_.substr(0, end);
        const bool crlf = rest_[end] == '\r' && end + 1 < rest_.size() && rest_[end + 1] == '\n';
        rest_.remove_prefix(end + (crlf ? 2 : 1));
        return true;
    }
    int number() const { return number_; }

private:
    std::string_view rest_;
    int number_ = 0;
    bool finished_ = false;
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF), and no NUL,
// which would cut the caption short when drawn.
bool is_utf8_text(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const unsigned char lead = static_cast<unsigned char>(s[i]);
        if (lead == 0) return false;
        if (lead < 0x80) {
            ++i;
            continue;
        }
        size_t more;
        char32_t c, least;
        if ((lead & 0xE0) == 0xC0) more = 1, c = lead & 0x1F, least = 0x80;
        else if ((lead & 0xF0) == 0xE0) more = 2, c = lead & 0x0F, least = 0x800;
        else if ((lead & 0xF8) == 0xF0) more = 3, c = lead & 0x07, least = 0x10000;
        else return false;
        if (s.size() - i - 1 < more) return false;
        for (size_t k = 1; k <= more; ++k) {
            const unsigned char next = static_cast<unsigned char>(s[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            c = (c << 6) | (next & 0x3F);
        }
        if (c < least || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
        i += 1 + more;
    }
    return true;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

long long to_number(std::string_view digits) {
    long long v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return v;
}

// "mm:ss.ttt", with hours first ("hh:mm:ss.ttt") past an hour.
std::string format_time(long long ms) {
    const long long h = ms / 3600000, m = ms / 60000 % 60, s = ms / 1000 % 60, t = ms % 1000;
    char out[48];
    if (h > 0) std::snprintf(out, sizeof out, "%02lld:%02lld:%02lld.%03lld", h, m, s, t);
    else std::snprintf(out, sizeof out, "%02lld:%02lld.%03lld", m, s, t);
    return out;
}

// Reads [hh:]mm:ss.ttt into milliseconds: hours two or more digits (at most nine, so no number
// overflows), minutes and seconds two, thousandths three. Returns what is wrong, or nothing.
std::string read_time(std::string_view s, const char* which, long long* ms) {
    const std::string the = std::string("the ") + which + " time";
    const std::string form =
        the + " must be written minutes:seconds.thousandths, such as \"00:01.500\", or with hours first, such as " +
        "\"01:00:01.500\"";
    const auto colons = std::count(s.begin(), s.end(), ':');
    if (colons < 1 || colons > 2) return form;
    std::string_view hours = "00";
    if (colons == 2) {
        hours = s.substr(0, s.find(':'));
        s.remove_prefix(hours.size() + 1);
    }
    const std::string_view minutes = s.substr(0, s.find(':'));
    const std::string_view rest = s.substr(minutes.size() + 1);
    if (!all_digits(hours) || hours.size() < 2 || hours.size() > 9 || minutes.size() != 2 || !all_digits(minutes) ||
        rest.size() != 6 || rest[2] != '.' || !all_digits(rest.substr(0, 2)) || !all_digits(rest.substr(3)))
        return form;
    const long long m = to_number(minutes), sec = to_number(rest.substr(0, 2));
    if (m >= 60)
        return the + " has " + std::to_string(m) + " minutes: write 00 to 59 minutes, with hours first for longer " +
               "times, such as \"01:15:00.000\"";
    if (sec >= 60) return the + " has " + std::to_string(sec) + " seconds: write 00 to 59 seconds";
    *ms = ((to_number(hours) * 60 + m) * 60 + sec) * 1000 + to_number(rest.substr(3));
    return {};
}

bool is_note(std::string_view line) {
    return line == "NOTE" || line.starts_with("NOTE ") || line.starts_with("NOTE\t");
}

class Parser {
public:
    Parser(std::string_view text, const std::string& file) : text_(text), file_(file) {}

    CaptionsLoad parse() {
        if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
        LineReader lines(text_);
        std::string_view line;
        lines.next(&line);
        if (line != "WEBVTT" && !line.starts_with("WEBVTT ") && !line.starts_with("WEBVTT\t")) {
            error(1, "the first line must be WEBVTT: this is not a WebVTT captions file, or its first line was "
                     "changed");
            return finish();
        }
        check_utf8(line, 1);
        // Lines straight after WEBVTT, up to a blank line, are the header's: WebVTT ignores them.
        state_ = State::Skip;
        while (!stopped_ && lines.next(&line)) {
            check_utf8(line, lines.number());
            take(line, lines.number());
        }
        end_block();
        if (!timings_seen_) {
            error(0, std::string("has no captions: after the WEBVTT line, add cues such as ") + kTimesExample +
                         " followed by their text");
        }
        return finish();
    }

private:
    enum class State {
        Between,     // between blocks
        Identifier,  // after a cue's identifier line: its times come next
        Text,        // reading a cue's text
        Skip,        // in the header, a NOTE or a block already reported, up to a blank line
    };

    // Reported once: a file in another encoding has many such lines, and one fix for them all.
    void check_utf8(std::string_view line, int number) {
        if (utf8_reported_ || is_utf8_text(line)) return;
        error(number, "this line is not UTF-8 text: save the file as UTF-8 (this is the first such line; there may "
                      "be more)");
        utf8_reported_ = true;
    }

    // A line is blank when it looks blank: spaces and tabs count as nothing.
    void take(std::string_view line, int number) {
        if (trim(line).empty()) {
            end_block();
            return;
        }
        const bool times = line.find("-->") != std::string_view::npos;
        switch (state_) {
        case State::Between:
            if (is_note(line)) {
                state_ = State::Skip;
            } else if (times) {
                start_cue(line, number);
            } else {
                state_ = State::Identifier;
                identifier_line_ = number;
            }
            return;
        case State::Identifier:
            if (times) {
                start_cue(line, number);
            } else {
                not_a_cue();
                state_ = State::Skip;
            }
            return;
        case State::Text:
        case State::Skip:
            if (times) {
                // WebVTT would start a new cue here; a missing blank line is more likely a slip.
                end_cue();
                error(number, "a blank line must come before a cue's times: add one above this line");
                start_cue(line, number);
            } else if (state_ == State::Text) {
                add_text(line, number);
            }
            return;
        }
    }

    void end_block() {
        if (state_ == State::Identifier) not_a_cue();
        end_cue();
        state_ = State::Between;
    }

    void not_a_cue() {
        error(identifier_line_, std::string("this is not a cue: a cue is a line of times such as ") + kTimesExample +
                                    " (a name line may come before it) and then its text; a comment starts with NOTE");
    }

    void start_cue(std::string_view line, int number) {
        timings_seen_ = true;
        state_ = State::Text;
        cue_ = Cue{};
        cue_->line = number;
        cue_ok_ = true;

        const size_t arrow = line.find("-->");
        const std::string_view start_text = trim(line.substr(0, arrow));
        const std::string_view after = trim(line.substr(arrow + 3));
        const std::string_view end_text = after.substr(0, after.find_first_of(" \t"));
        const std::string_view settings = trim(after.substr(end_text.size()));
        long long start = 0, end = 0;
        const std::string start_problem = read_time(start_text, "start", &start);
        const std::string end_problem = read_time(end_text, "end", &end);
        if (!start_problem.empty()) error(number, start_problem);
        if (!end_problem.empty()) error(number, end_problem);
        if (!settings.empty()) {
            error(number, "cue settings after the end time (such as \"align:start\") are not supported in these "
                          "captions: remove everything after the end time");
        }
        if (!start_problem.empty() || !end_problem.empty()) {
            cue_ok_ = false;
            return;
        }
        if (end <= start) {
            error(number, "the cue ends at " + format_time(end) + ", which is not after it starts (" +
                              format_time(start) + "): the end time must be later than the start time");
        } else if (previous_ && start < previous_->start_ms) {
            error(number, "this cue starts at " + format_time(start) + ", before the cue on line " +
                              std::to_string(previous_->line) + " (at " + format_time(previous_->start_ms) +
                              "): put the cues in the order they are spoken");
        } else if (previous_ && start < previous_->end_ms) {
            error(number, "this cue starts at " + format_time(start) + ", before the cue on line " +
                              std::to_string(previous_->line) + " ends (at " + format_time(previous_->end_ms) +
                              "): one caption shows at a time, so start this one when or after that one ends");
        }
        // Later cues are checked against this one, mistaken or not, so one slip is one message.
        previous_ = Timing{start, end, number};
        cue_->start = start / 1000.0;
        cue_->end = end / 1000.0;
    }

    void add_text(std::string_view line, int number) {
        if (line.find('<') != std::string_view::npos) {
            error(number, "markup such as <b> or <v Name> is not supported in these captions: remove it and keep only "
                          "the words (a \"<\" always starts markup)");
            cue_ok_ = false;
        }
        if (!cue_->text.empty()) cue_->text += '\n';
        cue_->text += line;
    }

    void end_cue() {
        if (!cue_) return;
        if (cue_->text.empty()) {
            error(cue_->line, "this cue has no text: write its words on the lines after its times");
        } else if (cue_ok_) {
            result_.captions.cues.push_back(std::move(*cue_));
        }
        cue_.reset();
    }

    void error(int line, std::string message) {
        if (stopped_) return;
        result_.errors.push_back({file_, line, std::move(message)});
        if (result_.errors.size() >= kMaxErrors) {
            result_.errors.push_back(
                {file_, line, "too many mistakes to list them all: fix these and check the file again"});
            stopped_ = true;
        }
    }

    CaptionsLoad finish() {
        if (!result_.errors.empty()) result_.captions.cues.clear();
        return std::move(result_);
    }

    struct Timing {
        long long start_ms, end_ms;
        int line;
    };

    std::string_view text_;
    const std::string& file_;
    CaptionsLoad result_;
    State state_ = State::Between;
    std::optional<Cue> cue_;  // the cue being read
    bool cue_ok_ = false;     // no mistake found in it yet
    std::optional<Timing> previous_;
    int identifier_line_ = 0;
    bool timings_seen_ = false;
    bool utf8_reported_ = false;
    bool stopped_ = false;
};

}  // namespace

double Captions::end() const { return cues.empty() ? 0 : cues.back().end; }

CaptionsLoad parse_captions(std::string_view text, const std::string& file) { return Parser(text, file).parse(); }

CaptionsLoad load_captions(const std::filesystem::path& path) {
    CaptionsLoad result;
    std::string text;
    if (!read_text_file(path, path.string(), &text, result.errors)) return result;
    return parse_captions(text, path.string());
}

const Cue* cue_at(const Captions& captions, double t) {
    // The last cue starting at or before t is the only one that can be showing.
    const auto after = std::upper_bound(captions.cues.begin(), captions.cues.end(), t,
                                        [](double time, const Cue& cue) { return time < cue.start; });
    if (after == captions.cues.begin()) return nullptr;
    const Cue& cue = *std::prev(after);
    return t < cue.end ? &cue : nullptr;
}

}  // namespace anteroom
