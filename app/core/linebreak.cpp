#include "core/linebreak.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>

namespace anteroom {

struct LineBreaker::Impl {
    std::unique_ptr<icu::BreakIterator> iterator;
    bool keep_words = false;  // Korean: break at spaces only, not inside a word (ICU 72 ignores lw=keepall)
};

LineBreaker::LineBreaker(const std::string& locale) : impl_(new Impl) {
    UErrorCode status = U_ZERO_ERROR;
    impl_->iterator.reset(icu::BreakIterator::createLineInstance(icu::Locale(locale.c_str()), status));
    if (U_FAILURE(status)) impl_->iterator.reset();
    impl_->keep_words = locale.starts_with("ko");
}

LineBreaker::~LineBreaker() { delete impl_; }

std::vector<size_t> LineBreaker::opportunities(std::string_view utf8) {
    std::vector<size_t> result;
    if (!impl_->iterator) {
        result.push_back(utf8.size());
        return result;
    }
    UErrorCode status = U_ZERO_ERROR;
    // UText over UTF-8 reports boundaries as byte offsets into the same buffer.
    UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    if (U_FAILURE(status)) {
        result.push_back(utf8.size());
        return result;
    }
    impl_->iterator->setText(text, status);
    for (int32_t b = impl_->iterator->next(); b != icu::BreakIterator::DONE; b = impl_->iterator->next()) {
        const size_t at = static_cast<size_t>(b);
        if (impl_->keep_words && at < utf8.size() && at > 0 && utf8[at - 1] != ' ' && utf8[at - 1] != '\n') continue;
        result.push_back(at);
    }
    utext_close(text);
    if (result.empty() || result.back() != utf8.size()) result.push_back(utf8.size());
    return result;
}

std::vector<size_t> LineBreaker::characters(std::string_view utf8) {
    std::vector<size_t> result;
    for (size_t i = 1; i <= utf8.size(); ++i)
        if (i == utf8.size() || (static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80) result.push_back(i);
    return result;
}

}  // namespace anteroom
