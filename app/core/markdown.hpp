#pragma once
// The Markdown subset patient text is written in: headings, paragraphs, bullet and
// numbered lists, bold and italic. Parsed by md4c into blocks the UI lays out.
#include <string>
#include <string_view>
#include <vector>

namespace anteroom {

enum class Style : unsigned char { Regular = 0, Bold = 1, Italic = 2, BoldItalic = 3 };

struct Span {
    std::string text;
    Style style = Style::Regular;
};

enum class BlockKind { Heading, Paragraph, Bullet, Numbered };

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    int level = 0;   // heading level (1-3)
    int number = 0;  // for numbered list items
    std::vector<Span> spans;

    std::string plain() const;
};

struct RichText {
    std::vector<Block> blocks;

    bool empty() const { return blocks.empty(); }
    std::string plain() const;  // blocks joined by newlines, for readability scoring and search
};

struct MarkdownProblem {
    int line = 0;  // 0-based line inside the source
    std::string message;
};

// Parses the subset. Anything outside it (links, code, quotes, tables, HTML, nested lists)
// is reported in *problems; its text is still kept as plain text.
RichText parse_markdown(std::string_view source, std::vector<MarkdownProblem>* problems = nullptr);

// A one-paragraph rich text holding plain text (titles, questions).
RichText plain_text(std::string text, Style style = Style::Regular);

}  // namespace anteroom
