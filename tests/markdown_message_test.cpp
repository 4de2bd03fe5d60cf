// The Markdown subset and ICU MessageFormat parameters.
#include <gtest/gtest.h>

#include "core/linebreak.hpp"
#include "core/markdown.hpp"
#include "core/message.hpp"

namespace anteroom {
namespace {

TEST(Markdown, ParsesHeadingsParagraphsListsAndEmphasis) {
    RichText t = parse_markdown("## Before\n\nEat **nothing** for *six* hours.\nReally.\n\n- one\n- two\n\n3. three\n4. four\n");
    ASSERT_EQ(t.blocks.size(), 6u);
    EXPECT_EQ(t.blocks[0].kind, BlockKind::Heading);
    EXPECT_EQ(t.blocks[0].level, 2);
    EXPECT_EQ(t.blocks[0].plain(), "Before");
    ASSERT_EQ(t.blocks[1].spans.size(), 5u);
    EXPECT_EQ(t.blocks[1].spans[1].text, "nothing");
    EXPECT_EQ(t.blocks[1].spans[1].style, Style::Bold);
    EXPECT_EQ(t.blocks[1].spans[3].style, Style::Italic);
    EXPECT_EQ(t.blocks[1].plain(), "Eat nothing for six hours. Really.");  // a soft break is a space
    EXPECT_EQ(t.blocks[2].kind, BlockKind::Bullet);
    EXPECT_EQ(t.blocks[3].plain(), "two");
    EXPECT_EQ(t.blocks[4].kind, BlockKind::Numbered);
    EXPECT_EQ(t.blocks[4].number, 3);
    EXPECT_EQ(t.blocks[5].number, 4);
}

TEST(Markdown, BoldItalicTogether) {
    RichText t = parse_markdown("***both***");
    ASSERT_EQ(t.blocks.size(), 1u);
    EXPECT_EQ(t.blocks[0].spans[0].style, Style::BoldItalic);
}

TEST(Markdown, ReportsWhatIsOutsideTheSubsetWithItsLine) {
    std::vector<MarkdownProblem> problems;
    RichText t = parse_markdown("Fine.\n\nSee [this](http://x).\n\n> quoted\n", &problems);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].line, 2);
    EXPECT_NE(problems[0].message.find("link"), std::string::npos);
    EXPECT_EQ(problems[1].line, 4);
    EXPECT_NE(problems[1].message.find("quote"), std::string::npos);
    EXPECT_NE(t.plain().find("this"), std::string::npos);  // the words are kept
}

// Guards a fixed bug: markdown.cpp took md4c's pointer for a soft break, which points at md4c's own "\n"
// literal and not into the text, as a place in the text: subtracting it is undefined behaviour,
// and a problem placed by it was reported on line 0 (or on a line made up from the address).
TEST(Markdown, ProblemBeforeASoftBreakKeepsItsLine) {
    for (const char* markup : {"[](https://example.org)", "![](chart.png)"}) {
        std::vector<MarkdownProblem> problems;
        parse_markdown(std::string("Fine.\n\nSee ") + markup + "\nand ask us.\n", &problems);
        ASSERT_EQ(problems.size(), 1u) << markup;
        EXPECT_EQ(problems[0].line, 2) << markup;
    }
}

TEST(Markdown, ProblemAfterASoftBrokenParagraphKeepsItsLine) {
    std::vector<MarkdownProblem> problems;
    // The paragraph's last text is a soft break (md4c's literal): nothing of the source comes after it.
    parse_markdown("Fine.\n\nThis is the chart:\n![](chart.png)\n\n> A quote\n", &problems);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].line, 3);
    EXPECT_NE(problems[0].message.find("image"), std::string::npos) << problems[0].message;
    EXPECT_EQ(problems[1].line, 5);
    EXPECT_NE(problems[1].message.find("quote"), std::string::npos) << problems[1].message;
}

TEST(Markdown, CollapsedSpacesDoNotMoveAProblem) {
    // With whitespace collapsed, md4c passes a space of its own between words.
    std::vector<MarkdownProblem> problems;
    parse_markdown("Fine.\n\nSee    [](https://example.org)    here,\nthen ask.\n\n> A quote\n", &problems);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].line, 2);
    EXPECT_EQ(problems[1].line, 5);
}

TEST(Markdown, IndentedTextIsNotCode) {
    std::vector<MarkdownProblem> problems;
    RichText t = parse_markdown("    Indented like TOML often is.\n", &problems);
    EXPECT_TRUE(problems.empty());
    ASSERT_EQ(t.blocks.size(), 1u);
    EXPECT_EQ(t.blocks[0].kind, BlockKind::Paragraph);
}

TEST(Message, FillsParametersWithPlurals) {
    const std::string pattern = "No food for {h, plural, one {# hour} other {# hours}} at {clinic}.";
    EXPECT_EQ(format_message(pattern, {{"h", 1.0}, {"clinic", std::string("Oak")}}, "en"), "No food for 1 hour at Oak.");
    EXPECT_EQ(format_message(pattern, {{"h", 6.0}, {"clinic", std::string("Oak")}}, "en"), "No food for 6 hours at Oak.");
    EXPECT_EQ(format_message(pattern, {{"h", 1.5}, {"clinic", std::string("Oak")}}, "en"), "No food for 1.5 hours at Oak.");
}

TEST(Message, KeepsApostrophesInOrdinaryWords) {
    EXPECT_EQ(format_message("You don't need to; it's fine.", {}, "en"), "You don't need to; it's fine.");
}

TEST(Message, ChecksSyntaxAndNamesArguments) {
    MessageCheck ok = check_message("Call {clinic_phone} or {crisis_line}.\n{n, plural, one {#} other {#}}");
    EXPECT_TRUE(ok.error.empty());
    ASSERT_EQ(ok.arguments.size(), 3u);
    EXPECT_EQ(ok.arguments[0].name, "clinic_phone");
    EXPECT_EQ(ok.arguments[2].name, "n");
    EXPECT_EQ(ok.arguments[2].line, 1);
    MessageCheck bad = check_message("line one\nline two {broken\n");
    EXPECT_FALSE(bad.error.empty());
    EXPECT_GE(bad.error_line, 1);
}

TEST(LineBreak, BreaksAfterSpacesInEnglish) {
    LineBreaker breaker("en");
    EXPECT_EQ(breaker.opportunities("one two three"), (std::vector<size_t>{4, 8, 13}));
}

TEST(LineBreak, BreaksBetweenChineseCharacters) {
    LineBreaker breaker("zh");
    const std::string text = "\u4f60\u597d\u4e16\u754c";  // four characters, three bytes each
    EXPECT_EQ(breaker.opportunities(text), (std::vector<size_t>{3, 6, 9, 12}));
    EXPECT_EQ(LineBreaker::characters(text), (std::vector<size_t>{3, 6, 9, 12}));
}

}  // namespace
}  // namespace anteroom
