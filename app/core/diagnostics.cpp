#include "core/diagnostics.hpp"

namespace anteroom {

std::string Diagnostic::str() const {
    return file + ":" + std::to_string(line) + ": " + message;
}

}  // namespace anteroom
