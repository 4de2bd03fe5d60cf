#include "support/spoken_ogg.hpp"

#include <cstdlib>
#include <stdexcept>

namespace anteroom::testing {

namespace {

bool have(const std::string& program) { return std::system(("command -v " + program + " >/dev/null 2>&1").c_str()) == 0; }

}  // namespace

std::filesystem::path make_spoken_ogg(const std::filesystem::path& dir, const std::string& sentence, const std::string& name) {
    if (sentence.find_first_of("'\"\\`$") != std::string::npos) throw std::runtime_error("make_spoken_ogg: no quotes in the sentence");
    if (!have("espeak-ng")) throw std::runtime_error("espeak-ng is not installed: the test fixture needs the Debian package espeak-ng (apt-get install espeak-ng)");
    if (!have("oggenc")) throw std::runtime_error("oggenc is not installed: the test fixture needs the Debian package vorbis-tools (apt-get install vorbis-tools)");
    const std::filesystem::path wav = dir / (name + ".wav"), ogg = dir / (name + ".ogg");
    if (std::system(("espeak-ng -v en -w '" + wav.string() + "' '" + sentence + "'").c_str()) != 0)
        throw std::runtime_error("espeak-ng -w " + wav.string() + " failed");
    if (std::system(("oggenc -Q -q 2 -o '" + ogg.string() + "' '" + wav.string() + "'").c_str()) != 0)
        throw std::runtime_error("oggenc " + wav.string() + " failed");
    std::filesystem::remove(wav);
    return ogg;
}

}  // namespace anteroom::testing
