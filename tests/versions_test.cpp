// Which text a patient saw: SHA-256 held to the standard's vectors, and each module's
// fingerprint changing exactly when the words a patient sees in that language change.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "core/reading.hpp"
#include "core/sha256.hpp"
#include "core/transcript.hpp"
#include "support/headless.hpp"

namespace anteroom {
namespace {

TEST(Sha256, MatchesTheStandardsVectors) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");  // two blocks of padding
    EXPECT_EQ(sha256_hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    EXPECT_EQ(sha256_hex(std::string(55, 'x')).size(), 64u);  // the longest message with one block of padding
    EXPECT_NE(sha256_hex(std::string(55, 'x')), sha256_hex(std::string(56, 'x')));
}

struct Fingerprints {
    std::map<std::string, ModuleFingerprint> by_locale;
};

Fingerprints fingerprints(const Loaded& l) {
    Kiosk k(l.content.content, l.config.config, true, 0, l.translations.translations);
    Fingerprints f;
    for (const std::string& locale : k.locales()) f.by_locale[locale] = module_fingerprint(k, locale, 0);
    return f;
}

TEST(Versions, EveryLanguageHasItsOwnFingerprintAndTheModulesVersion) {
    const Loaded l = testing::load_bundled();
    const Fingerprints f = fingerprints(l);
    std::set<std::string> hashes;
    for (const auto& [locale, print] : f.by_locale) {
        EXPECT_EQ(print.version, "1");
        EXPECT_EQ(print.locale, locale) << "every language is fully translated";
        EXPECT_EQ(print.hash.size(), 64u);
        hashes.insert(print.hash);
    }
    EXPECT_EQ(hashes.size(), f.by_locale.size()) << "each language's words are its own";
    EXPECT_EQ(fingerprints(l).by_locale.at("ar").hash, f.by_locale.at("ar").hash) << "the same text, the same hash";
}

TEST(Versions, OneWordChangedInATranslationChangesThatLanguageOnly) {
    Loaded l = testing::load_bundled();
    const Fingerprints before = fingerprints(l);
    PoEntry& entry = l.translations.translations.catalogs.at("es").entries.at("education/what-is-kap:title");
    entry.str += " ";  // one character
    entry.str.pop_back();
    EXPECT_EQ(fingerprints(l).by_locale.at("es").hash, before.by_locale.at("es").hash) << "put back: the same";
    entry.str = "¿Qué es la KAP? Hoy";
    const Fingerprints after = fingerprints(l);
    for (const auto& [locale, print] : after.by_locale) {
        if (locale == "es") {
            EXPECT_NE(print.hash, before.by_locale.at(locale).hash);
        } else {
            EXPECT_EQ(print.hash, before.by_locale.at(locale).hash) << locale;
        }
    }
}

TEST(Versions, OneWordChangedInEnglishChangesEveryLanguageThatShowsIt) {
    Loaded l = testing::load_bundled();
    const Fingerprints before = fingerprints(l);
    Text& title = l.content.content.modules.at(0).screens.at(0).texts.at(0);
    title.source += " today";
    const Fingerprints after = fingerprints(l);
    EXPECT_NE(after.by_locale.at("en").hash, before.by_locale.at("en").hash);
    for (const auto& [locale, print] : after.by_locale) {
        if (locale == "en") continue;
        // The translation is stale now: the language shows the whole module in English, with its hash.
        EXPECT_EQ(print.locale, "en") << locale;
        EXPECT_EQ(print.hash, after.by_locale.at("en").hash) << locale;
    }
}

TEST(Versions, TheKiosksOwnWordsAndOtherValuesLeaveTheModulesFingerprint) {
    Loaded l = testing::load_bundled();
    const Fingerprints before = fingerprints(l);
    l.content.content.interface.at("nav.next").source = "Onward";
    l.config.config.idle_warning_s = 61;
    const Fingerprints after = fingerprints(l);
    EXPECT_EQ(after.by_locale.at("en").hash, before.by_locale.at("en").hash);
    // A clinic's value in the text is part of what a patient sees.
    l.config.config.infusion_minutes = 55;
    EXPECT_NE(fingerprints(l).by_locale.at("en").hash, before.by_locale.at("en").hash);
}

TEST(Versions, TheTranscriptSaysWhichTextItHolds) {
    const Kiosk k = testing::bundled_kiosk(0);
    for (const char* locale : {"en", "ar"}) {
        const ModuleFingerprint f = module_fingerprint(k, locale, 0);
        const std::string md = write_transcript(k, locale, TranscriptFormat::Markdown, "draft");
        EXPECT_NE(md.find("Module education: version 1, text SHA-256 " + f.hash), std::string::npos) << locale;
    }
}

TEST(Versions, ModuleEventsSayWhichTextWasShown) {
    testing::Headless h;
    ASSERT_TRUE(h.tap(h.text("attract.touch")));
    ASSERT_TRUE(h.tap(locale_native_name("ko")));
    ASSERT_TRUE(h.tap(h.kiosk().shown().modules.at(0).title));
    ASSERT_TRUE(h.tap(h.text("nav.home")));
    const ModuleFingerprint f = module_fingerprint(h.kiosk(), "ko", 0);
    // Outside a module, an event names the text of every module: versions joined, hashes hashed.
    const ModuleFingerprint second = module_fingerprint(h.kiosk(), "ko", 1);
    const ModuleFingerprint first_en = module_fingerprint(h.kiosk(), "en", 0), second_en = module_fingerprint(h.kiosk(), "en", 1);
    int module_events = 0;
    for (const Event& e : h.take_events()) {
        if (e.module.empty()) {
            const bool korean = e.locale == "ko";
            EXPECT_EQ(e.version, f.version + "+" + second.version) << event_name(e.kind);
            EXPECT_EQ(e.hash, korean ? sha256_hex(f.hash + second.hash) : sha256_hex(first_en.hash + second_en.hash))
                << event_name(e.kind);
            continue;
        }
        ++module_events;
        EXPECT_EQ(e.locale, "ko");
        EXPECT_EQ(e.version, f.version) << event_name(e.kind);
        EXPECT_EQ(e.hash, f.hash) << event_name(e.kind);
    }
    EXPECT_EQ(module_events, 3);  // started, the first screen reached, left early
}

}  // namespace
}  // namespace anteroom
