#pragma once
// Where a line of text may wrap, by Unicode rules (UAX #14) for the text's locale: spaces
// in English, between characters in Chinese, and so on. The UI measures; this decides.
#include <string>
#include <string_view>
#include <vector>

namespace anteroom {

class LineBreaker {
public:
    explicit LineBreaker(const std::string& locale);
    ~LineBreaker();
    LineBreaker(const LineBreaker&) = delete;
    LineBreaker& operator=(const LineBreaker&) = delete;

    // Byte offsets into utf8 where a new line may start, ascending, ending with utf8.size().
    std::vector<size_t> opportunities(std::string_view utf8);

    // Byte offsets of every character boundary: the fallback for a word wider than a line.
    static std::vector<size_t> characters(std::string_view utf8);

private:
    struct Impl;
    Impl* impl_;
};

}  // namespace anteroom
