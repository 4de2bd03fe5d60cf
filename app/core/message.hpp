#pragma once
// Patient text is ICU MessageFormat: "{fasting_hours, plural, one {# hour} other {# hours}}".
// Parameters come from the clinic's configuration (and a few from the app, like a countdown).
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class MessageFormat;
class NumberFormat;
U_NAMESPACE_END

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

// A message compiled once for a locale, to format many times (a countdown, a progress line).
class Message {
public:
    Message(const std::string& pattern, const std::string& locale);
    ~Message();
    Message(const Message&) = delete;
    Message& operator=(const Message&) = delete;
    // As format_message: the pattern unchanged when it cannot be formatted.
    std::string format(const Params& params, std::string* error = nullptr) const;

private:
    std::string pattern_;
    std::string error_;  // why it does not compile (before format_, which sets it)
    std::unique_ptr<icu::MessageFormat> format_;  // null when the pattern does not compile
};

// Numbers as a locale writes them, with ICU: "12", "١٢".
class NumberFormatter {
public:
    explicit NumberFormatter(const std::string& locale);
    ~NumberFormatter();
    NumberFormatter(const NumberFormatter&) = delete;
    NumberFormatter& operator=(const NumberFormatter&) = delete;
    std::string format(double value) const;

private:
    std::unique_ptr<icu::NumberFormat> format_;
};

}  // namespace anteroom
