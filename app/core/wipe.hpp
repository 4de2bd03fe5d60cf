#pragma once
// Patient input and what was shown of it lives in memory only, and is wiped, not just freed,
// when a session ends: freed memory keeps its bytes until something else is written there.
#include <cstddef>
#include <string>

namespace anteroom {

// Overwrites every byte the string owns (its whole capacity), then empties it. The writes go
// through a volatile pointer, so the compiler cannot drop them as dead stores.
inline void wipe(std::string& s) {
    volatile char* p = s.data();
    for (std::size_t i = 0; i < s.capacity(); ++i) p[i] = 0;
    s.clear();
}

// The same for UTF-16 text handed to ICU.
inline void wipe(std::u16string& s) {
    volatile char16_t* p = s.data();
    for (std::size_t i = 0; i < s.capacity(); ++i) p[i] = 0;
    s.clear();
}

}  // namespace anteroom
