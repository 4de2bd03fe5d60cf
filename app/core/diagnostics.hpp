#pragma once
// A problem found in content or configuration, always pointing at a file and line,
// so that clinic staff can find and fix it without reading code.
#include <string>
#include <vector>

namespace anteroom {

struct Diagnostic {
    std::string file;
    int line = 0;          // 1-based; 0 when the problem concerns the whole file
    std::string message;

    std::string str() const;  // "file:line: message"
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace anteroom
