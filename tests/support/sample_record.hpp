#pragma once
// One plausible record, for the store's tests, its crash child and the benchmark.
#include <string>

#include "core/records.hpp"

namespace anteroom::testing {

inline Record sample_record(const std::string& day = "2026-11-30", RecordType type = RecordType::ModuleStarted,
                            const std::string& kiosk = "test-kiosk") {
    Record r;
    r.id = random_record_id();
    r.day = day;
    r.kiosk = kiosk;
    r.app_version = "1.0";
    r.content_version = "1";
    r.content_hash = std::string(64, 'b');
    r.locale = "en";
    r.type = type;
    r.module = "education";
    return r;
}

}  // namespace anteroom::testing
