#pragma once
// Patient text is ICU MessageFormat: "{fasting_hours, plural, one {# hour} other {# hours}}".
// Parameters come from the clinic's configuration (and a few from the app, like a countdown).
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace anteroom {

using ParamValue = std::variant<std::string, double>;
using Params = std::map<std::string, ParamValue, std::less<>>;

struct MessageArgument {
    std::string name;
    int line = 0;  // 0-based line inside the message where it is first used
};

struct MessageCheck {
    std::vector<MessageArgument> arguments;  // every {name} the message uses, once each
    std::string error;                       // empty when the syntax is good
    int error_line = 0;                      // 0-based line inside the message
};

// Parses without formatting: syntax errors and the names of the arguments used.
MessageCheck check_message(const std::string& pattern);

// Formats a message for a locale. On error returns the pattern unchanged and sets *error.
std::string format_message(const std::string& pattern, const Params& params, const std::string& locale,
                           std::string* error = nullptr);

}  // namespace anteroom
