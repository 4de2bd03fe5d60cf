#pragma once
// Captions for a narrated practice, in a subset of WebVTT that any captions editor can write:
// a WEBVTT first line, then blank-line separated cues (an optional identifier line, a line of
// times "00:01.000 --> 00:04.000", and one or more lines of plain text) and NOTE comments.
// Not in the subset, and reported as errors: cue settings, markup such as <b> or <v Name>,
// overlapping cues (one caption shows at a time).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"

namespace anteroom {

struct Cue {
    double start = 0;  // seconds from the start of the narration
    double end = 0;    // after start; the cue shows during [start, end)
    std::string text;  // its lines joined with "\n"
    int line = 0;      // the line of its times, for messages
};

struct Captions {
    std::vector<Cue> cues;  // in order, none overlapping
    double end() const;     // when the last cue ends; 0 without cues
};

struct CaptionsLoad {
    Captions captions;  // empty when there are errors: a file with a mistake is not shown at all
    Diagnostics errors;
};

// Parses captions read from `file` (the name shown in messages). Any input gives either cues or
// errors, never an exception.
CaptionsLoad parse_captions(std::string_view text, const std::string& file);
// Reads and parses a file; one that is missing or cannot be read is one error on line 0.
CaptionsLoad load_captions(const std::filesystem::path& path);

// The cue showing at t (start <= t < end), or nullptr between cues, before the first and after
// the last. A binary search: the audio clock asks every frame.
const Cue* cue_at(const Captions& captions, double t);

}  // namespace anteroom
