#pragma once
// What the event store keeps: anonymised completion records, from a fixed list of types, each
// with fixed fields. A record says what happened on which calendar day, in which language and
// to which text; never when in the day, never to whom, never anything typed, and nothing that
// ties it to another record of the same patient (no session id, no sequence number).
// The Kiosk's events are richer (screens reached, exact seconds); to_record() keeps only this.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/kiosk.hpp"

namespace anteroom {

enum class RecordType {
    ModuleStarted,      // module
    ModuleCompleted,    // module, duration_s
    ModuleLeft,         // module, screen: left early (Back, Home, a new session) at that screen
    ModuleStopped,      // module, screen: "I'd like to stop" on that screen
    SessionTimedOut,    // module and screen when it happened inside one, else neither
    LanguageChosen,     // (the locale every record has)
    ConsentCompleted,   // module: a module that prepares consent, read to its end (with its version and hash)
    QuestionAnswered,   // module, question, right_first_time
    MeditationCompleted,  // module, preset (a breathing preset or "practice"), length_s
    IntentionCompleted,   // module, prompts (how many chosen), wrote (whether words were written, never the words)
};
inline constexpr RecordType kRecordTypes[] = {
    RecordType::ModuleStarted, RecordType::ModuleCompleted, RecordType::ModuleLeft, RecordType::ModuleStopped,
    RecordType::SessionTimedOut, RecordType::LanguageChosen, RecordType::ConsentCompleted,
    RecordType::QuestionAnswered, RecordType::MeditationCompleted, RecordType::IntentionCompleted};

// The name stored for a type ("module_started"), and back; nullopt for a name not on the list.
const char* record_type_name(RecordType type);
std::optional<RecordType> record_type_from_name(std::string_view name);

// Durations are kept to the nearest 30 seconds (at least 30), so a time cannot pick out a patient.
inline constexpr int kDurationStepS = 30;
int round_duration(double seconds);

struct Record {
    // Every record:
    std::string id;               // 32 random hex digits: only so a forwarded record is counted once
    std::string day;              // the calendar day, YYYY-MM-DD, in the kiosk's local time
    std::string kiosk;            // the pseudonym the clinic gave this kiosk (kiosk_pseudonym)
    std::string app_version;      // Anteroom's version
    std::string content_version;  // the module's version; outside a module, every module's, joined by "+"
    std::string content_hash;     // SHA-256 of the words shown, in that language (module_fingerprint)
    std::string locale;
    RecordType type = RecordType::ModuleStarted;
    // Some types (see RecordType): empty or -1 where a type has no such field.
    std::string module;
    std::string screen;
    std::string question;
    int right_first_time = -1;  // 0 or 1
    int duration_s = -1;
    std::string preset;
    int length_s = -1;
    int prompts = -1;
    int wrote = -1;  // 0 or 1

    bool operator==(const Record&) const = default;
};

// The fields a type fills, besides those every record has; and the fields every record has.
const std::vector<std::string_view>& record_fields(RecordType type);
const std::vector<std::string_view>& common_record_fields();

// What stays the same for every record of this kiosk, and the day it is.
struct RecordContext {
    std::string kiosk;
    std::string app_version;
    std::string day;
};

// The record kept for a Kiosk event, or nullopt for an event that is not kept (a session
// starting, a screen reached, a restart): those would only link one record to another.
std::optional<Record> to_record(const Event& event, const RecordContext& context);

// 32 hex digits from the operating system's random source: unrelated to time, the device or
// any other record.
std::string random_record_id();

// The local calendar day of a wall-clock time (seconds since 1970), YYYY-MM-DD; and of now.
std::string calendar_day(long long unix_seconds);
std::string today();
// The day `days` after a YYYY-MM-DD day (negative: before); empty for a day that is not one.
std::string add_days(const std::string& day, int days);
bool is_day(std::string_view text);  // a real calendar day written YYYY-MM-DD

}  // namespace anteroom
