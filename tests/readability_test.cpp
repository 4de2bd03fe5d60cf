// Plain language: the Flesch-Kincaid grade of every English screen, and of the module.
#include <gtest/gtest.h>

#include "core/readability.hpp"
#include "support/headless.hpp"

namespace anteroom {
namespace {

TEST(Readability, CountsSyllablesWithTheUsualHeuristic) {
    EXPECT_EQ(count_syllables("the"), 1);
    EXPECT_EQ(count_syllables("care"), 1);
    EXPECT_EQ(count_syllables("session"), 2);
    EXPECT_EQ(count_syllables("ketamine"), 3);
    EXPECT_EQ(count_syllables("psychotherapy"), 5);
}

TEST(Readability, GradesSimpleAndHardTextApart) {
    const double simple = count_readability("The cat sat. The dog ran. We had fun.").grade();
    const double hard = count_readability(
                            "Ketamine-assisted psychotherapy combines subanesthetic pharmacological intervention with "
                            "comprehensive psychotherapeutic integration, facilitating neuroplasticity.")
                            .grade();
    EXPECT_LT(simple, 2);
    EXPECT_GT(hard, 15);
}

TEST(Readability, EachLineEndsASentence) {
    ReadabilityCounts c = count_readability("A list item\nAnother one\nA sentence. And another!");
    EXPECT_EQ(c.sentences, 4);
    EXPECT_EQ(c.words, 9);
}

// The bundled English content: every screen at grade 9 or below, the module at 8 or below.
TEST(Readability, EveryEnglishScreenIsPlainLanguage) {
    Kiosk k = testing::bundled_kiosk(0);
    for (const ShownModule& module : k.shown().modules) {
        double total = 0;
        for (const ShownScreen& screen : module.screens) {
            const double grade = count_readability(screen.plain()).grade();
            EXPECT_LE(grade, 9.0) << module.id << "/" << screen.id;
            total += grade;
            std::printf("  %-24s grade %.1f\n", screen.id.c_str(), grade);
        }
        const double average = total / static_cast<double>(module.screens.size());
        std::printf("  %-24s grade %.1f (average)\n", module.id.c_str(), average);
        EXPECT_LE(average, 8.0) << module.id;
    }
}

}  // namespace
}  // namespace anteroom
