#pragma once
// `anteroom transcript`: every text a patient can see in one language, screen by screen in
// reading order, with the clinic's parameters filled in and only the routes it offers, for a
// medical director or a translator to read and sign. It is read_everything() (reading.hpp)
// written out, so it cannot drift from the screens.
#include <string>

#include "core/kiosk.hpp"

namespace anteroom {

enum class TranscriptFormat { Markdown, Html };

// review_status: the translation's X-Review-Status ("source" for English).
std::string write_transcript(const Kiosk& kiosk, const std::string& locale, TranscriptFormat format,
                             const std::string& review_status);

}  // namespace anteroom
