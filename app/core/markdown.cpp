#include "core/markdown.hpp"

#include <md4c.h>

#include <algorithm>
#include <cstdint>
#include <optional>

namespace anteroom {

std::string Block::plain() const {
    std::string out;
    for (const Span& s : spans) out += s.text;
    return out;
}

std::string RichText::plain() const {
    std::string out;
    for (const Block& b : blocks) {
        if (!out.empty()) out += '\n';
        out += b.plain();
    }
    return out;
}

RichText plain_text(std::string text, Style style) {
    RichText rich;
    if (!text.empty()) rich.blocks.push_back({BlockKind::Paragraph, 0, 0, {{std::move(text), style}}});
    return rich;
}

namespace {

struct Parser {
    std::string_view source;
    RichText result;
    std::vector<MarkdownProblem>* problems = nullptr;
    Block* current = nullptr;
    int bold = 0, italic = 0;
    int list_depth = 0;
    std::vector<std::pair<bool, int>> lists;  // (ordered, next number)
    static constexpr size_t kNoText = std::string_view::npos;
    size_t last_text = kNoText;  // where the last text seen in the source starts

    // md4c passes pointers into the source, except for soft and hard breaks and collapsed
    // spaces, where it passes its own string literals. Subtracting or comparing pointers into
    // different arrays is undefined behaviour; comparing their addresses as integers is not.
    std::optional<size_t> offset_in_source(const char* p) const {
        const auto at = reinterpret_cast<std::uintptr_t>(p), begin = reinterpret_cast<std::uintptr_t>(source.data());
        if (!p || at < begin || at >= begin + source.size()) return std::nullopt;
        return static_cast<size_t>(at - begin);
    }
    int line_at(size_t offset) const {  // 0-based
        if (offset == kNoText) return 0;
        return static_cast<int>(std::count(source.begin(), source.begin() + std::min(offset, source.size()), '\n'));
    }
    // md4c's callbacks carry no positions. An inline problem is placed on the line of the text
    // that follows it (a link or image with no text: of where it points); a block problem on
    // the first non-blank line after the last text seen.
    std::vector<std::string> pending;
    void problem(const std::string& what) { pending.push_back(what + " is not part of the content Markdown subset"); }
    void block_problem(const std::string& what) {
        if (!problems) return;
        auto line_end = [this](size_t at) { return std::min(source.size(), source.find('\n', at)); };
        size_t at = last_text != kNoText ? line_end(last_text) + 1 : 0;
        while (at < source.size() && source.substr(at, line_end(at) - at).find_first_not_of(" \t\r") == std::string_view::npos)
            at = line_end(at) + 1;  // skip blank lines
        problems->push_back({line_at(at), what + " is not part of the content Markdown subset"});
    }
    void place_pending(size_t at) {
        if (problems)
            for (auto& message : pending) problems->push_back({line_at(at), std::move(message)});
        pending.clear();
    }
    // Something md4c reported at p: a position, when p is in the source.
    void seen(const char* p) {
        if (auto at = offset_in_source(p)) {
            last_text = *at;
            place_pending(last_text);
        }
    }
    void open(BlockKind kind, int level, int number) {
        result.blocks.push_back({kind, level, number, {}});
        current = &result.blocks.back();
    }
    Style style() const {
        return static_cast<Style>((bold ? 1 : 0) | (italic ? 2 : 0));
    }
    void add_text(std::string_view text) {
        if (!current) open(BlockKind::Paragraph, 0, 0);  // text directly in a list item
        if (!current->spans.empty() && current->spans.back().style == style())
            current->spans.back().text += text;
        else
            current->spans.push_back({std::string(text), style()});
    }
};

std::string_view decode_entity(std::string_view entity) {
    if (entity == "&amp;") return "&";
    if (entity == "&lt;") return "<";
    if (entity == "&gt;") return ">";
    if (entity == "&quot;") return "\"";
    if (entity == "&nbsp;") return "\u00A0";
    return entity;
}

int enter_block(MD_BLOCKTYPE type, void* detail, void* data) {
    auto& p = *static_cast<Parser*>(data);
    switch (type) {
    case MD_BLOCK_DOC: break;
    case MD_BLOCK_H: p.open(BlockKind::Heading, static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level), 0); break;
    case MD_BLOCK_P: if (!(p.current && p.list_depth > 0 && p.current->spans.empty())) p.open(BlockKind::Paragraph, 0, 0); break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
        if (p.list_depth > 0) p.block_problem("A list inside a list");
        ++p.list_depth;
        p.lists.emplace_back(type == MD_BLOCK_OL,
                             type == MD_BLOCK_OL ? static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start) : 0);
        break;
    case MD_BLOCK_LI: {
        auto& [ordered, next] = p.lists.back();
        p.open(ordered ? BlockKind::Numbered : BlockKind::Bullet, 0, ordered ? next++ : 0);
        break;
    }
    case MD_BLOCK_QUOTE: p.block_problem("A quote block"); break;
    case MD_BLOCK_HR: p.block_problem("A horizontal rule"); break;
    case MD_BLOCK_CODE: p.block_problem("A code block"); p.open(BlockKind::Paragraph, 0, 0); break;
    case MD_BLOCK_HTML: p.block_problem("HTML"); p.open(BlockKind::Paragraph, 0, 0); break;
    default: p.block_problem("A table"); p.open(BlockKind::Paragraph, 0, 0); break;
    }
    return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* data) {
    auto& p = *static_cast<Parser*>(data);
    if (type == MD_BLOCK_UL || type == MD_BLOCK_OL) {
        --p.list_depth;
        p.lists.pop_back();
    }
    if (type != MD_BLOCK_DOC) p.current = nullptr;
    return 0;
}

int enter_span(MD_SPANTYPE type, void*, void* data) {
    auto& p = *static_cast<Parser*>(data);
    if (type == MD_SPAN_STRONG) ++p.bold;
    else if (type == MD_SPAN_EM) ++p.italic;
    else if (type == MD_SPAN_A) p.problem("A link");
    else if (type == MD_SPAN_IMG) p.problem("An image");
    else if (type == MD_SPAN_CODE) p.problem("Inline code");
    else p.problem("This kind of inline markup");
    return 0;
}

int leave_span(MD_SPANTYPE type, void* detail, void* data) {
    auto& p = *static_cast<Parser*>(data);
    if (type == MD_SPAN_STRONG) --p.bold;
    else if (type == MD_SPAN_EM) --p.italic;
    // No text inside placed its problem: where it points is on its line (unless a reference's).
    else if (type == MD_SPAN_A && !p.pending.empty()) p.seen(static_cast<MD_SPAN_A_DETAIL*>(detail)->href.text);
    else if (type == MD_SPAN_IMG && !p.pending.empty()) p.seen(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src.text);
    return 0;
}

int text(MD_TEXTTYPE type, const MD_CHAR* chars, MD_SIZE size, void* data) {
    auto& p = *static_cast<Parser*>(data);
    p.seen(chars);  // breaks and collapsed spaces, md4c's own literals, have no position
    std::string_view t(chars, size);
    switch (type) {
    case MD_TEXT_SOFTBR:
    case MD_TEXT_BR: p.add_text(" "); break;
    case MD_TEXT_ENTITY: p.add_text(decode_entity(t)); break;
    case MD_TEXT_NULLCHAR: break;
    case MD_TEXT_HTML: p.problem("HTML"); p.add_text(t); break;
    default: p.add_text(t); break;
    }
    return 0;
}

}  // namespace

RichText parse_markdown(std::string_view source, std::vector<MarkdownProblem>* problems) {
    Parser p;
    p.source = source;
    p.problems = problems;
    MD_PARSER parser{};
    parser.flags = MD_FLAG_COLLAPSEWHITESPACE | MD_FLAG_NOINDENTEDCODEBLOCKS | MD_FLAG_NOHTML;
    parser.enter_block = enter_block;
    parser.leave_block = leave_block;
    parser.enter_span = enter_span;
    parser.leave_span = leave_span;
    parser.text = text;
    md_parse(source.data(), static_cast<MD_SIZE>(source.size()), &parser, &p);
    p.place_pending(p.last_text);
    // Trim stray spaces left by soft breaks at block edges, and drop empty blocks.
    for (Block& b : p.result.blocks) {
        if (!b.spans.empty()) {
            auto& first = b.spans.front().text;
            first.erase(0, first.find_first_not_of(' ') == std::string::npos ? first.size() : first.find_first_not_of(' '));
            auto& last = b.spans.back().text;
            while (!last.empty() && last.back() == ' ') last.pop_back();
        }
    }
    std::erase_if(p.result.blocks, [](const Block& b) { return b.plain().empty(); });
    return std::move(p.result);
}

}  // namespace anteroom
