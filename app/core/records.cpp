#include "core/records.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <random>

namespace anteroom {

namespace {
struct TypeSpec {
    RecordType type;
    const char* name;
    std::vector<std::string_view> fields;
};
const std::vector<TypeSpec>& type_specs() {
    static const std::vector<TypeSpec> specs = {
        {RecordType::ModuleStarted, "module_started", {"module"}},
        {RecordType::ModuleCompleted, "module_completed", {"module", "duration_s"}},
        {RecordType::ModuleLeft, "module_left", {"module", "screen"}},
        {RecordType::ModuleStopped, "module_stopped", {"module", "screen"}},
        {RecordType::SessionTimedOut, "session_timed_out", {"module", "screen"}},
        {RecordType::LanguageChosen, "language_chosen", {}},
        {RecordType::ConsentCompleted, "consent_completed", {"module"}},
        {RecordType::QuestionAnswered, "question_answered", {"module", "question", "right_first_time"}},
        {RecordType::MeditationCompleted, "meditation_completed", {"module", "preset", "length_s"}},
        {RecordType::IntentionCompleted, "intention_completed", {"module", "prompts", "wrote"}},
    };
    return specs;
}
const TypeSpec& spec(RecordType type) { return type_specs()[static_cast<size_t>(type)]; }
}  // namespace

const char* record_type_name(RecordType type) { return spec(type).name; }

std::optional<RecordType> record_type_from_name(std::string_view name) {
    for (const TypeSpec& s : type_specs())
        if (name == s.name) return s.type;
    return std::nullopt;
}

const std::vector<std::string_view>& record_fields(RecordType type) { return spec(type).fields; }

const std::vector<std::string_view>& common_record_fields() {
    static const std::vector<std::string_view> fields = {"id", "day", "kiosk", "app_version", "content_version",
                                                         "content_hash", "locale", "type"};
    return fields;
}

int round_duration(double seconds) {
    const long steps = std::lround(std::max(0.0, seconds) / kDurationStepS);
    return static_cast<int>(std::max(1L, steps)) * kDurationStepS;
}

std::optional<Record> to_record(const Event& e, const RecordContext& context) {
    Record r;
    switch (e.kind) {
    case Event::ModuleStarted: r.type = RecordType::ModuleStarted; break;
    case Event::ModuleCompleted:
        r.type = RecordType::ModuleCompleted;
        r.duration_s = round_duration(e.seconds);
        break;
    case Event::ModuleLeftEarly:
        r.type = RecordType::ModuleLeft;
        r.screen = e.screen;
        break;
    case Event::ModuleStopped:
        r.type = RecordType::ModuleStopped;
        r.screen = e.screen;
        break;
    case Event::SessionTimedOut:
        r.type = RecordType::SessionTimedOut;
        r.screen = e.screen;
        break;
    case Event::LanguageChosen: r.type = RecordType::LanguageChosen; break;
    case Event::ConsentCompleted: r.type = RecordType::ConsentCompleted; break;
    case Event::QuestionAnswered:
        r.type = RecordType::QuestionAnswered;
        r.question = e.screen;
        r.right_first_time = e.right_first_time ? 1 : 0;
        break;
    case Event::MeditationCompleted:
        r.type = RecordType::MeditationCompleted;
        r.preset = e.preset;
        r.length_s = e.length_s;
        break;
    case Event::IntentionCompleted:
        r.type = RecordType::IntentionCompleted;
        r.prompts = e.prompts;
        r.wrote = e.wrote ? 1 : 0;
        break;
    case Event::SessionStarted:
    case Event::ScreenReached:
    case Event::SessionRestarted: return std::nullopt;
    }
    if (r.type != RecordType::LanguageChosen) r.module = e.module;
    r.id = random_record_id();
    r.day = context.day;
    r.kiosk = context.kiosk;
    r.app_version = context.app_version;
    r.content_version = e.version;
    r.content_hash = e.hash;
    r.locale = e.locale;
    return r;
}

std::string random_record_id() {
    static thread_local std::random_device device;  // getrandom(2): not seeded from the time or the device
    std::string id;
    char hex[9];
    for (int i = 0; i < 4; ++i) {
        std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(device()));
        id += hex;
    }
    return id;
}

std::string calendar_day(long long unix_seconds) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm local{};
    localtime_r(&t, &local);
    char day[16];
    std::strftime(day, sizeof day, "%Y-%m-%d", &local);
    return day;
}

std::string today() { return calendar_day(static_cast<long long>(std::time(nullptr))); }

namespace {
// Days since 1970-01-01 of a civil date, and back (Howard Hinnant's algorithms).
long long days_from_civil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}
void civil_from_days(long long z, long long& y, unsigned& m, unsigned& d) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<long long>(yoe) + era * 400 + (m <= 2);
}
bool parse_day(std::string_view text, long long& y, unsigned& m, unsigned& d) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return false;
    auto num = [&](size_t at, size_t n) {
        unsigned v = 0;
        for (size_t i = at; i < at + n; ++i) v = v * 10 + static_cast<unsigned>(text[i] - '0');
        return v;
    };
    y = num(0, 4);
    m = num(5, 2);
    d = num(8, 2);
    if (m < 1 || m > 12 || d < 1) return false;
    long long y2;
    unsigned m2, d2;
    civil_from_days(days_from_civil(y, m, d), y2, m2, d2);
    return y2 == y && m2 == m && d2 == d;  // 2026-02-30 is not a day
}
}  // namespace

bool is_day(std::string_view text) {
    long long y;
    unsigned m, d;
    return parse_day(text, y, m, d);
}

std::string add_days(const std::string& day, int days) {
    long long y;
    unsigned m, d;
    if (!parse_day(day, y, m, d)) return {};
    civil_from_days(days_from_civil(y, m, d) + days, y, m, d);
    char out[16];
    std::snprintf(out, sizeof out, "%04lld-%02u-%02u", y, m, d);
    return out;
}

}  // namespace anteroom
