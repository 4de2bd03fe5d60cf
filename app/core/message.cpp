#include "core/message.hpp"

#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/numfmt.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <vector>

namespace anteroom {

namespace {
// ICU places an unmatched brace at offset 0; find the brace itself so the line is right.
int32_t unmatched_brace(const icu::UnicodeString& text) {
    std::vector<int32_t> open;
    for (int32_t i = 0; i < text.length(); ++i) {
        if (text.charAt(i) == u'{') open.push_back(i);
        else if (text.charAt(i) == u'}' && open.empty()) return i;
        else if (text.charAt(i) == u'}') open.pop_back();
    }
    return open.empty() ? 0 : open.back();
}

int line_at(const icu::UnicodeString& text, int32_t offset) {
    int lines = 0;
    for (int32_t i = 0; i < std::min(offset, text.length()); ++i)
        if (text.charAt(i) == u'\n') ++lines;
    return lines;
}
}  // namespace

// The argument types ICU formats; anything else parses but fails when shown.
bool known_type(const icu::UnicodeString& type) {
    for (const char16_t* t : {u"number", u"date", u"time", u"spellout", u"ordinal", u"duration", u"plural", u"select",
                              u"selectordinal"})
        if (type == icu::UnicodeString(t)) return true;
    return false;
}

MessageCheck check_message(const std::string& pattern) {
    MessageCheck result;
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(pattern);
    icu::MessagePattern parsed(text, &parse_error, status);
    if (U_FAILURE(status)) {
        int32_t at = parse_error.offset;
        if (status == U_UNMATCHED_BRACES) {
            result.error = "a '{' or '}' has no partner (parameters look like {clinic_phone})";
            at = unmatched_brace(text);
        } else if (status == U_DEFAULT_KEYWORD_MISSING) {
            result.error = "a plural or select needs an 'other' case, like {n, plural, one {# hour} other {# hours}}";
            at = std::max(text.indexOf(u"plural"), text.indexOf(u"select"));
        } else {
            result.error = std::string("message syntax error: check the {parameters} and plural cases here (ICU: ") +
                           u_errorName(status) + ")";
        }
        result.error_line = line_at(text, at);
        return result;
    }
    for (int32_t i = 0; i < parsed.countParts(); ++i) {
        const icu::MessagePattern::Part& part = parsed.getPart(i);
        const int line = line_at(text, part.getIndex());
        if (part.getType() == UMSGPAT_PART_TYPE_ARG_NUMBER) {
            result.error = "parameters have names, like {clinic_phone}; a number such as {0} is not one";
            result.error_line = line;
            return result;
        }
        if (part.getType() == UMSGPAT_PART_TYPE_ARG_TYPE && !known_type(parsed.getSubstring(part))) {
            std::string type;
            parsed.getSubstring(part).toUTF8String(type);
            result.error = "'" + type + "' is not a kind of parameter; use plural, select, number, date or time";
            result.error_line = line;
            return result;
        }
        if (part.getType() == UMSGPAT_PART_TYPE_ARG_NAME) {
            std::string name;
            parsed.getSubstring(part).toUTF8String(name);
            if (std::none_of(result.arguments.begin(), result.arguments.end(),
                             [&](const MessageArgument& a) { return a.name == name; }))
                result.arguments.push_back({name, line});
        }
    }
    return result;
}

namespace {

std::string format_with(const icu::MessageFormat& format, const std::string& pattern, const Params& params,
                        std::string* error) {
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    names.reserve(params.size());
    values.reserve(params.size());
    for (const auto& [name, value] : params) {
        names.push_back(icu::UnicodeString::fromUTF8(name));
        if (const auto* text = std::get_if<std::string>(&value))
            values.emplace_back(icu::UnicodeString::fromUTF8(*text));
        else
            values.emplace_back(std::get<double>(value));
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out;
    format.format(names.data(), values.data(), static_cast<int32_t>(names.size()), out, status);
    if (U_FAILURE(status)) {
        if (error) *error = std::string("message cannot be formatted (") + u_errorName(status) + ")";
        return pattern;
    }
    std::string result;
    out.toUTF8String(result);
    return result;
}

// Compiles a pattern, or says why it cannot be used.
std::unique_ptr<icu::MessageFormat> compile(const std::string& pattern, const std::string& locale, std::string* error) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    auto format = std::make_unique<icu::MessageFormat>(icu::UnicodeString::fromUTF8(pattern), icu::Locale(locale.c_str()),
                                                       parse_error, status);
    if (U_FAILURE(status)) {
        *error = std::string("message syntax error (") + u_errorName(status) + ")";
        return nullptr;
    }
    if (!format->usesNamedArguments() && pattern.find('{') != std::string::npos) {
        icu::MessagePattern parsed(icu::UnicodeString::fromUTF8(pattern), nullptr, status);
        if (U_SUCCESS(status) && parsed.hasNumberedArguments()) {  // check_message rejects these too
            *error = "numbered parameters are not supported";
            return nullptr;
        }
    }
    return format;
}

}  // namespace

std::string format_message(const std::string& pattern, const Params& params, const std::string& locale,
                           std::string* error) {
    return Message(pattern, locale).format(params, error);
}

Message::Message(const std::string& pattern, const std::string& locale)
    : pattern_(pattern), format_(compile(pattern, locale, &error_)) {}

Message::~Message() = default;

std::string Message::format(const Params& params, std::string* error) const {
    if (!format_) {
        if (error) *error = error_;
        return pattern_;
    }
    return format_with(*format_, pattern_, params, error);
}

NumberFormatter::NumberFormatter(const std::string& locale) {
    UErrorCode status = U_ZERO_ERROR;
    format_.reset(icu::NumberFormat::createInstance(icu::Locale(locale.c_str()), status));
    if (U_FAILURE(status)) format_.reset();
}

NumberFormatter::~NumberFormatter() = default;

std::string NumberFormatter::format(double value) const {
    std::string out;
    if (!format_) return std::to_string(static_cast<long long>(value));
    icu::UnicodeString text;
    format_->format(value, text);
    text.toUTF8String(out);
    return out;
}

}  // namespace anteroom
