#pragma once
// A short spoken OGG Vorbis file made at test time with Debian's tools (espeak-ng -w, then
// vorbis-tools' oggenc), so no recording is kept in the repository.
#include <filesystem>
#include <string>

namespace anteroom::testing {

// Writes `dir/<name>.ogg` saying `sentence` (letters, spaces and punctuation other than
// quotes) and returns its path. Throws std::runtime_error naming the Debian package to install
// when espeak-ng or oggenc is missing, or saying which step failed.
std::filesystem::path make_spoken_ogg(const std::filesystem::path& dir, const std::string& sentence,
                                      const std::string& name = "practice");

}  // namespace anteroom::testing
