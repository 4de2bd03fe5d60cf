#include "core/message.hpp"

#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
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

int line_at(const std::string& utf8, int32_t utf16_offset) {
    icu::UnicodeString prefix = icu::UnicodeString::fromUTF8(utf8).tempSubString(0, std::max(0, utf16_offset));
    int lines = 0;
    for (int32_t i = 0; i < prefix.length(); ++i)
        if (prefix.charAt(i) == u'\n') ++lines;
    return lines;
}
}  // namespace

MessageCheck check_message(const std::string& pattern) {
    MessageCheck result;
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(pattern);
    icu::MessagePattern parsed(text, &parse_error, status);
    if (U_FAILURE(status)) {
        const bool braces = status == U_UNMATCHED_BRACES;
        result.error = braces ? "a '{' or '}' has no partner (parameters look like {clinic_phone})"
                              : std::string("message syntax error (") + u_errorName(status) + ")";
        result.error_line = line_at(pattern, braces ? unmatched_brace(text) : parse_error.offset);
        return result;
    }
    for (int32_t i = 0; i < parsed.countParts(); ++i) {
        const icu::MessagePattern::Part& part = parsed.getPart(i);
        if (part.getType() == UMSGPAT_PART_TYPE_ARG_NAME) {
            std::string name;
            parsed.getSubstring(part).toUTF8String(name);
            if (std::find(result.argument_names.begin(), result.argument_names.end(), name) ==
                result.argument_names.end())
                result.argument_names.push_back(name);
        }
    }
    return result;
}

std::string format_message(const std::string& pattern, const Params& params, const std::string& locale,
                           std::string* error) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    icu::MessageFormat format(icu::UnicodeString::fromUTF8(pattern), icu::Locale(locale.c_str()), parse_error, status);
    if (U_FAILURE(status)) {
        if (error) *error = std::string("message syntax error (") + u_errorName(status) + ")";
        return pattern;
    }
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

}  // namespace anteroom
