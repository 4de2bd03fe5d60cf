// Patient content a medical director can sign: what every clinic's patients see, in every
// language, read through the transcript (the same reading order as the screens): crisis
// help in reach everywhere, route-only text only where the route is offered, clinic values
// that read naturally, and the layout of benefits beside risks.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/reading.hpp"
#include "core/transcript.hpp"
#include "support/headless.hpp"

namespace anteroom {
namespace {

using testing::Headless;

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// A clinic with distinctive values, so a test finds exactly them; routes as given.
std::string clinic(const std::string& routes, const std::string& more = {}) {
    return "clinic_name = \"Hillside Clinic\"\nclinic_phone = \"503-281-4400\"\ncrisis_line = \"741741\"\n"
           "emergency_number = \"000\"\nroutes_offered = " + routes + "\n" + more;
}
const std::string kAllRoutes = "[\"iv\", \"im\", \"lozenge\", \"nasal\"]";
const std::string kIvOnly = "[\"iv\"]";

std::string page_text(const ReadingPage& page) {
    std::string all;
    for (const Reading& r : page.lines) all += r.text() + "\n";
    return all;
}

std::string transcript(const Kiosk& k, const std::string& locale) {
    std::string all;
    for (const ReadingPage& p : read_everything(k, locale)) all += page_text(p);
    return all;
}

bool is_module_page(const Kiosk& k, const ReadingPage& page) {
    for (const ShownModule& m : k.shown().modules)
        if (page.name.starts_with(m.id + " ")) return true;
    return false;
}

TEST(ContentSafety, EveryLanguageIsOffered) {
    Kiosk k = testing::bundled_kiosk(0, clinic(kAllRoutes));
    EXPECT_EQ(k.locales(), (std::vector<std::string>{"en", "ar", "es", "ko", "vi", "zh-Hans"}));
    for (const std::string& locale : k.locales())
        for (const ShownModule& m : k.presentation(locale).modules) EXPECT_EQ(m.locale, locale) << m.id << " is not fully translated";
}

// The crisis line on the "Questions?" card of every module screen and route page, and on
// every end screen, in every language.
TEST(ContentSafety, TheCrisisLineIsOnEveryModuleScreenAndEndScreenInEveryLanguage) {
    Kiosk k = testing::bundled_kiosk(0, clinic(kAllRoutes));
    for (const std::string& locale : k.locales()) {
        int pages = 0;
        for (const ReadingPage& page : read_everything(k, locale)) {
            if (!is_module_page(k, page)) continue;
            ++pages;
            EXPECT_TRUE(contains(page_text(page), "741741")) << locale << ": " << page.name;
        }
        EXPECT_GT(pages, 10) << locale;
    }
}

// Wherever suicide is mentioned, the crisis line is beside it: in the same line or the next.
TEST(ContentSafety, EveryMentionOfSuicideHasTheCrisisLineBesideIt) {
    Kiosk k = testing::bundled_kiosk(0, clinic(kAllRoutes));
    int mentions = 0;
    for (const ReadingPage& page : read_everything(k, "en")) {
        for (size_t i = 0; i < page.lines.size(); ++i) {
            std::string line = page.lines[i].text();
            std::transform(line.begin(), line.end(), line.begin(), ::tolower);
            if (!contains(line, "suicid")) continue;
            ++mentions;
            const bool here = contains(line, "741741");
            const bool next = i + 1 < page.lines.size() && contains(page.lines[i + 1].text(), "741741");
            EXPECT_TRUE(here || next) << page.name << ": " << page.lines[i].text();
        }
    }
    EXPECT_GT(mentions, 0) << "the mood warning mentions suicidal thoughts";
}

// Spravato's safety programme, its two-hour stay and its own rules are shown only to the
// patients of a clinic that offers the nasal spray: in no language does an IV-only clinic
// show REMS text, and in every language a clinic with the spray does.
TEST(ContentSafety, AClinicWithoutTheNasalSpraySeesNoRemsTextInAnyLanguage) {
    Kiosk iv = testing::bundled_kiosk(0, clinic(kIvOnly));
    Kiosk all = testing::bundled_kiosk(0, clinic(kAllRoutes));
    for (const std::string& locale : all.locales()) {
        EXPECT_FALSE(contains(transcript(iv, locale), "REMS")) << locale;
        EXPECT_TRUE(contains(transcript(all, locale), "REMS")) << locale;
    }
}

TEST(ContentSafety, RouteOnlyTextChangesWithTheRoutesOutsideTheRoutePagesToo) {
    Kiosk iv = testing::bundled_kiosk(0, clinic(kIvOnly));
    Kiosk all = testing::bundled_kiosk(0, clinic(kAllRoutes));
    for (const std::string& locale : all.locales()) {
        int differing = 0;
        const auto a = read_everything(iv, locale), b = read_everything(all, locale);
        for (const ReadingPage& p : a) {
            if (!is_module_page(iv, p) || contains(p.name, "routes")) continue;
            auto same = std::find_if(b.begin(), b.end(), [&](const ReadingPage& q) { return q.name == p.name; });
            ASSERT_NE(same, b.end()) << p.name;
            differing += page_text(*same) != page_text(p);
        }
        EXPECT_GE(differing, 2) << locale << ": route-only text should reach screens beyond the route pages";
    }
}

TEST(ContentSafety, TheEmergencyNumberAndAftercareAreThereInEveryLanguage) {
    Kiosk k = testing::bundled_kiosk(0, clinic(kAllRoutes));
    for (const std::string& locale : k.locales()) EXPECT_TRUE(contains(transcript(k, locale), "000")) << locale;
    EXPECT_TRUE(contains(transcript(k, "en"), "chest pain"));
}

// "Stop eating 0 hours before" is no sentence: with fasting_hours = 0 the text must say so
// in words, in every language, not just put a 0 where the 6 was.
TEST(ContentSafety, NoFastingReadsNaturallyInEveryLanguage) {
    Kiosk six = testing::bundled_kiosk(0, clinic(kIvOnly, "fasting_hours = 6\nclear_fluids_hours = 2\n"));
    Kiosk none = testing::bundled_kiosk(0, clinic(kIvOnly, "fasting_hours = 0\nclear_fluids_hours = 0\n"));
    for (const std::string& locale : six.locales()) {
        std::string with_six = transcript(six, locale), with_none = transcript(none, locale);
        std::string only_digits_changed = with_six;
        for (char& c : only_digits_changed)
            if (c == '6' || c == '2') c = '0';
        for (char& c : with_none)
            if (c == '6' || c == '2') c = '0';
        EXPECT_NE(with_none, only_digits_changed) << locale;
    }
    EXPECT_FALSE(contains(transcript(none, "en"), " 0 hours"));
}

TEST(ContentSafety, TheClinicsCostNoteIsShownOrPatientsAreToldToAsk) {
    const std::string note = "At Hillside, most insurance plans do not cover KAP.";
    Kiosk with = testing::bundled_kiosk(0, clinic(kIvOnly, "cost_note = \"" + note + "\"\n"));
    Kiosk without = testing::bundled_kiosk(0, clinic(kIvOnly));
    EXPECT_TRUE(contains(transcript(with, "en"), note));
    for (const std::string& locale : without.locales())
        EXPECT_NE(transcript(with, locale), transcript(without, locale)) << locale;
}

TEST(ContentSafety, WhetherATherapistIsPresentIsTheClinicsToSay) {
    Kiosk yes = testing::bundled_kiosk(0, clinic(kIvOnly, "therapist_during_dose = true\n"));
    Kiosk no = testing::bundled_kiosk(0, clinic(kIvOnly, "therapist_during_dose = false\n"));
    for (const std::string& locale : yes.locales()) EXPECT_NE(transcript(yes, locale), transcript(no, locale)) << locale;
}

TEST(ContentSafety, TheVisitLengthIsTheClinics) {
    Kiosk k = testing::bundled_kiosk(0, clinic(kIvOnly, "visit_minutes = 275\ninfusion_minutes = 55\nsessions_min = 3\nsessions_max = 11\n"));
    for (const std::string& locale : k.locales()) {
        const std::string t = transcript(k, locale);
        EXPECT_TRUE(contains(t, "275")) << locale;
        EXPECT_TRUE(contains(t, "55")) << locale;
        EXPECT_TRUE(contains(t, "11")) << locale;
    }
}

// ---- What the attract screen says about a sample kiosk --------------------------------------

TEST(ContentSafety, ASampleKioskSaysSoOnTheAttractScreen) {
    Headless sample;  // the bundled configuration is a sample
    ASSERT_TRUE(sample.kiosk().config().sample);
    EXPECT_TRUE(sample.probe().has_text(sample.text("attract.sample")));
    Headless clinic_kiosk({1920, 1080}, clinic(kAllRoutes));
    EXPECT_FALSE(clinic_kiosk.probe().has_text(clinic_kiosk.text("attract.sample")));
    EXPECT_FALSE(contains(transcript(clinic_kiosk.kiosk(), "en"), clinic_kiosk.text("attract.sample")));
}

// A clinic's own file that kept the sample's fictional numbers: the kiosk loads as the program
// does (run_kiosk) and shows "being prepared", never the placeholder.
TEST(ContentSafety, APlaceholderLeftInAClinicsFileShowsBeingPrepared) {
    const std::string text = "clinic_name = \"Hillside Clinic\"\nclinic_phone = \"555-0100\"\ncrisis_line = \"988\"\nemergency_number = \"911\"\n";
    Loaded l = load_all(parse_config(text, "clinic.toml"), "clinic.toml", testing::source_path("content"), testing::source_path("locales"));
    ASSERT_FALSE(l.ok());
    EXPECT_EQ(l.problems.front().str().rfind("clinic.toml:2: clinic_phone '555-0100' is a fictional", 0), 0u) << l.problems.front().str();
    Kiosk k(std::move(l.content.content), l.config.config, l.ok(), 0, std::move(l.translations.translations));
    EXPECT_EQ(k.session().place, Place::Preparing);
    k.apply({Intent::Begin}, 1);
    EXPECT_EQ(k.session().place, Place::Preparing) << "no way past it";
}

// ---- Benefits beside risks -------------------------------------------------------------------

const ui::ProbeText* find_text(const ui::Probe& probe, const std::string& text) {
    for (const ui::ProbeText& t : probe.texts)
        if (t.text == text) return &t;
    return nullptr;
}

void open_compare_screen(Headless& h) {
    ASSERT_TRUE(h.tap(h.text("attract.touch")));
    ASSERT_TRUE(h.tap("English"));
    ASSERT_TRUE(h.tap(h.kiosk().shown().modules.at(0).title));
    for (int i = 0; i < 20 && h.kiosk().current_screen()->kind->name != "compare"; ++i) ASSERT_TRUE(h.tap(h.text("nav.next")));
    ASSERT_EQ(h.kiosk().current_screen()->kind->name, "compare");
}

TEST(ContentSafety, BenefitsAndRisksStandSideBySideOnALandscapeScreen) {
    Headless h({1920, 1080});
    open_compare_screen(h);
    const ShownScreen& s = *h.kiosk().current_screen();
    const ui::ProbeText* left = find_text(h.probe(), s.text("left_heading").line);
    const ui::ProbeText* right = find_text(h.probe(), s.text("right_heading").line);
    ASSERT_NE(left, nullptr);
    ASSERT_NE(right, nullptr);
    EXPECT_EQ(left->box.Min.y, right->box.Min.y) << "the two headings share a line";
    EXPECT_LT(left->box.Max.x, right->box.Min.x) << "benefits on the left, risks on the right";
    EXPECT_TRUE(h.probe().overflows().empty());
}

TEST(ContentSafety, BenefitsAndRisksFollowEachOtherOnAPortraitScreen) {
    Headless h({1080, 1920});
    open_compare_screen(h);
    const ShownScreen& s = *h.kiosk().current_screen();
    const ui::ProbeText* left = find_text(h.probe(), s.text("left_heading").line);
    ASSERT_NE(left, nullptr);
    for (int i = 0; i < 20 && !find_text(h.probe(), s.text("right_heading").line); ++i) h.slow_drag({540, 1400}, {540, 600});
    const ui::ProbeText* right = find_text(h.probe(), s.text("right_heading").line);
    ASSERT_NE(right, nullptr);
    EXPECT_NEAR(right->box.Min.x, left->box.Min.x, 1.f) << "one column: both headings start at the same edge";
}

TEST(ContentSafety, InArabicBenefitsStandOnTheRight) {
    Headless h({1920, 1080});
    ASSERT_TRUE(h.tap(h.text("attract.touch")));
    ASSERT_TRUE(h.tap("العربية"));
    ASSERT_TRUE(h.tap(h.kiosk().shown().modules.at(0).title));
    for (int i = 0; i < 20 && h.kiosk().current_screen()->kind->name != "compare"; ++i) ASSERT_TRUE(h.tap(h.text("nav.next")));
    const ShownScreen& s = *h.kiosk().current_screen();
    ASSERT_EQ(s.kind->name, "compare");
    // Probe texts hold Arabic shaped and in visual order, so find the first side by where it
    // is: the first text drawn off the centred reading column belongs to it.
    const float middle = 960;
    const ui::ProbeText* first_side = nullptr;
    for (const ui::ProbeText& t : h.probe().texts)
        if (std::fabs(t.container.GetCenter().x - middle) > 100) {
            first_side = &t;
            break;
        }
    ASSERT_NE(first_side, nullptr);
    EXPECT_GT(first_side->container.GetCenter().x, middle) << "the first side is on the right in a right-to-left screen";
    EXPECT_TRUE(h.probe().overflows().empty());
}

}  // namespace
}  // namespace anteroom
