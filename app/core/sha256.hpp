#pragma once
// SHA-256 (FIPS 180-4), for the fingerprint of the text a patient sees. No library in the
// project's stack has it; it is short, and tests hold it to the standard's vectors.
#include <string>
#include <string_view>

namespace anteroom {

// The digest of the bytes, as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace anteroom
