// Plain language: the Flesch-Kincaid grade of every English screen, and of the module.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

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

TEST(Readability, FindsLongWordsThatAShortSentenceHides) {
    const std::string text =
        "Sit here. We can help. Tell us how you feel. You can rest now. Do not take benzodiazepines. "
        "Ask us. We are here. Psychotherapy helps. Take your time. You are safe with us.";
    EXPECT_LT(count_readability(text).grade(), 8.0) << "the grade alone lets this through";
    EXPECT_EQ(long_words(text), (std::vector<std::string>{"benzodiazepines", "psychotherapy"}));
    EXPECT_TRUE(long_words("The cat sat on the mat with a friend.").empty());
}

// Long words a patient meets on the screens, each one either everyday or explained in plain
// words where it first appears (the content says how: "lamotrigine (a medicine for seizures
// and mood)"). A new long word fails the test until it is explained and added here, or
// replaced by a shorter one.
const std::set<std::string> kExplainedLongWords = {
    "psychotherapy",    // ketamine-assisted psychotherapy (KAP): explained on the first screen
    "esketamine",       // one form of the ketamine molecule, the nasal spray Spravato
    "serotonin",        // a brain chemical most pills for depression act on
    "dissociation",     // feeling apart from your body or surroundings
    "dissociative",
    "benzodiazepines",  // a type of pill for anxiety or sleep
    "lamotrigine",      // a medicine for seizures and mood
    "schizophrenia",    // seeing, hearing or believing things that others do not
    "preparation",      // a step of the path of care, explained by its own text
    "integration",      // sessions after a dose to make sense of it, explained where used
    "anesthetic",       // a medicine used to put people to sleep for surgery
    "antidepressant",   // a medicine for depression
    "antidepressants",
};

// The bundled English content: every screen at grade 8 or below, the module at 7 or below,
// and no long word that is not explained.
TEST(Readability, EveryEnglishScreenIsPlainLanguage) {
    Kiosk k = testing::bundled_kiosk(0);
    for (const ShownModule& module : k.shown().modules) {
        double total = 0;
        for (const ShownScreen& screen : module.screens) {
            const std::string text = screen.plain();
            const double grade = count_readability(text).grade();
            EXPECT_LE(grade, 8.0) << module.id << "/" << screen.id;
            total += grade;
            std::string hard;
            for (const std::string& word : long_words(text))
                if (!kExplainedLongWords.contains(word)) hard += " " + word;
            EXPECT_TRUE(hard.empty()) << module.id << "/" << screen.id << ": long words not explained:" << hard;
            std::printf("  %-24s grade %.1f\n", screen.id.c_str(), grade);
        }
        const double average = total / static_cast<double>(module.screens.size());
        std::printf("  %-24s grade %.1f (average)\n", module.id.c_str(), average);
        EXPECT_LE(average, 7.0) << module.id;
    }
}

}  // namespace
}  // namespace anteroom
