// Unit tests of load_content, validate and present: on the bundled content (what the kiosk
// ships with) and on the small content fixture in tests/fixtures/content/good.
#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <functional>
#include <regex>
#include <set>
#include <string>

#include <dirent.h>
#include <dlfcn.h>
#include <unistd.h>

#include "core/config.hpp"
#include "core/content.hpp"
#include "core/loading.hpp"
#include "core/presentation.hpp"
#include "core/translations.hpp"
#include "support/headless.hpp"

// Fault injection for folders that fail part-way (a disk or share going away during a scan):
// while g_failing_folder names a folder, readdir on it hands out g_entries_before_failure
// entries, then fails with EIO. libstdc++'s directory_iterator calls readdir through the
// dynamic linker, which finds this definition in the test program before the C library's.
namespace {
std::string g_failing_folder;  // empty: readdir works as usual
int g_entries_before_failure = 0;
}  // namespace

extern "C" dirent* readdir(DIR* dir) {
    static const auto real_readdir = reinterpret_cast<dirent* (*)(DIR*)>(dlsym(RTLD_NEXT, "readdir"));
    if (!g_failing_folder.empty()) {
        std::error_code ec;
        if (std::filesystem::read_symlink("/proc/self/fd/" + std::to_string(dirfd(dir)), ec) == g_failing_folder) {
            if (g_entries_before_failure == 0) {
                errno = EIO;
                return nullptr;
            }
            dirent* entry = real_readdir(dir);
            if (entry && std::string_view(entry->d_name) != "." && std::string_view(entry->d_name) != "..")
                --g_entries_before_failure;
            return entry;
        }
    }
    return real_readdir(dir);
}

namespace anteroom {
namespace {

namespace fs = std::filesystem;

std::string describe(const Diagnostics& errors) {
    std::string out;
    for (const Diagnostic& d : errors) out += "\n  " + d.str();
    return out.empty() ? " (none)" : out;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

const ScreenSource* find_screen(const ModuleSource& m, const std::string& id) {
    for (const ScreenSource& s : m.screens)
        if (s.id == id) return &s;
    return nullptr;
}

const ShownScreen* find_shown(const ShownModule& m, const std::string& id) {
    for (const ShownScreen& s : m.screens)
        if (s.id == id) return &s;
    return nullptr;
}

// Calls f on every piece of patient text a module holds.
void for_each_text(const ModuleSource& m, const std::function<void(const std::string& where, const Text&)>& f) {
    f(m.id + " title", m.title);
    f(m.id + " summary", m.summary);
    for (const ScreenSource& s : m.screens) {
        for (size_t i = 0; i < s.texts.size(); ++i) f(s.id + " " + std::string(s.kind->fields[i].key), s.texts[i]);
        for (const ItemSource& item : s.items)
            for (size_t i = 0; i < item.texts.size(); ++i)
                f(s.id + " " + std::string(s.kind->list.table) + " " + item.id + " " + std::string(item.list->fields[i].key), item.texts[i]);
    }
}

// ---- The bundled content ------------------------------------------------------------------

class ContentBundled : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        load_ = new ContentLoad(load_content(testing::source_path("content")));
        config_ = new ConfigLoad(load_config(testing::source_path("content/anteroom.toml")));
    }
    static void TearDownTestSuite() {
        delete load_;
        delete config_;
    }
    static const ContentSource& content() { return load_->content; }
    static const ModuleSource& education() {
        for (const ModuleSource& m : content().modules)
            if (m.id == "education") return m;
        throw std::runtime_error("no education module");
    }
    static ClinicConfig config() { return config_->config; }

    static ContentLoad* load_;
    static ConfigLoad* config_;
};
ContentLoad* ContentBundled::load_ = nullptr;
ConfigLoad* ContentBundled::config_ = nullptr;

TEST_F(ContentBundled, LoadsAndValidatesClean) {
    ASSERT_TRUE(load_->errors.empty()) << describe(load_->errors);
    ASSERT_TRUE(config_->errors.empty()) << describe(config_->errors);
    Diagnostics problems = validate(content(), config(), "anteroom.toml");
    EXPECT_TRUE(problems.empty()) << describe(problems);
}

TEST_F(ContentBundled, EducationModuleHasItsNineScreensInOrder) {
    ASSERT_TRUE(load_->errors.empty()) << describe(load_->errors);
    const ModuleSource& m = education();
    std::vector<std::string> ids;
    for (const ScreenSource& s : m.screens) ids.push_back(s.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"what-is-kap", "how-it-works", "routes", "path-of-care", "before",
                                             "during-after", "benefits-risks", "not-right-for", "faq"}));
    EXPECT_FALSE(m.title.empty());
    EXPECT_FALSE(m.summary.empty());
    EXPECT_GT(m.minutes, 0);
}

TEST_F(ContentBundled, ScreensHaveTheirKinds) {
    const ModuleSource& m = education();
    for (const ScreenSource& s : m.screens) {
        const std::string expected = s.id == "faq"              ? "faq"
                                     : s.id == "routes"         ? "routes"
                                     : s.id == "path-of-care"   ? "timeline"
                                     : s.id == "benefits-risks" ? "compare"
                                                                : "text";
        EXPECT_EQ(s.kind->name, expected) << s.id;
        EXPECT_FALSE(s.text("title").empty()) << s.id;
        if (s.kind->name == "text") {
            EXPECT_FALSE(s.text("body").empty()) << s.id;
        }
    }
    ASSERT_NE(find_screen(m, "path-of-care"), nullptr);
    EXPECT_GE(find_screen(m, "path-of-care")->items.size(), 3u);
}

TEST_F(ContentBundled, FaqHasAtLeastTenAnsweredQuestions) {
    const ScreenSource* faq = find_screen(education(), "faq");
    ASSERT_NE(faq, nullptr);
    EXPECT_GE(faq->items.size(), 10u);
    std::set<std::string> seen;
    for (const ItemSource& q : faq->items) {
        const std::string& question = q.text("q").source;
        EXPECT_FALSE(q.text("a").empty()) << question;
        EXPECT_EQ(question.back(), '?') << question;
        EXPECT_TRUE(seen.insert(question).second) << "asked twice: " << question;
    }
}

TEST_F(ContentBundled, RoutesScreenHasEveryRoute) {
    const ScreenSource* routes = find_screen(education(), "routes");
    ASSERT_NE(routes, nullptr);
    std::vector<std::string> ids;
    for (const ItemSource& r : routes->items) {
        ids.push_back(r.id);
        EXPECT_FALSE(r.text("title").empty()) << r.id;
        EXPECT_FALSE(r.text("summary").empty()) << r.id;
        EXPECT_FALSE(r.text("body").empty()) << r.id;
    }
    std::sort(ids.begin(), ids.end());
    std::vector<std::string> all = kRouteIds;
    std::sort(all.begin(), all.end());
    EXPECT_EQ(ids, all);
}

TEST_F(ContentBundled, InterfaceHasEveryKey) {
    for (const InterfaceKey& k : interface_keys()) {
        auto it = content().interface.find(k.key);
        ASSERT_NE(it, content().interface.end()) << k.key;
        EXPECT_FALSE(it->second.empty()) << k.key;
    }
}

TEST_F(ContentBundled, TextsWriteNoClinicNumbersForFastingOrMonitoring) {
    // Fasting and monitoring times differ between clinics: text must use {fasting_hours},
    // {clear_fluids_hours} and {monitoring_minutes}, never this clinic's numbers. (Other
    // durations, like Spravato's own 2 hours, are facts about a medicine and may be written.)
    const ClinicConfig c = config();
    auto number = [](double v) { return std::to_string(static_cast<long long>(v)); };
    const std::regex clinic_number("\\b(" + number(c.fasting_hours) + "|six) hours?\\b|\\b(" +
                                       number(c.monitoring_minutes) + "|sixty) minutes\\b|\\b(1|one) hour\\b",
                                   std::regex::icase);
    std::set<std::string> params_used;
    for_each_text(education(), [&](const std::string& where, const Text& t) {
        std::smatch match;
        EXPECT_FALSE(std::regex_search(t.source, match, clinic_number))
            << where << " (" << t.file << ":" << t.line << ") writes \"" << match.str() << "\"";
        for (const char* p : {"fasting_hours", "clear_fluids_hours", "monitoring_minutes"})
            if (contains(t.source, std::string("{") + p)) params_used.insert(p);
    });
    EXPECT_EQ(params_used, (std::set<std::string>{"clear_fluids_hours", "fasting_hours", "monitoring_minutes"}));
}

TEST_F(ContentBundled, PresentShowsTheClinicsOwnNumbers) {
    ClinicConfig c = config();
    c.fasting_hours = 7;
    c.clear_fluids_hours = 3;
    c.monitoring_minutes = 75;
    Presentation p = present(content(), c, "en");
    ASSERT_EQ(p.modules.size(), content().modules.size());
    const ShownModule& m = p.modules[0];
    const ShownScreen* before = find_shown(m, "before");
    const ShownScreen* during = find_shown(m, "during-after");
    ASSERT_TRUE(before && during);
    EXPECT_TRUE(contains(before->plain(), "Stop eating 7 hours before")) << before->plain();
    EXPECT_TRUE(contains(before->plain(), "until 3 hours before")) << before->plain();
    EXPECT_TRUE(contains(during->plain(), "at least 75 minutes after")) << during->plain();

    c.fasting_hours = 1;
    c.clear_fluids_hours = 1;
    p = present(content(), c, "en");
    EXPECT_TRUE(contains(find_shown(p.modules[0], "before")->plain(), "Stop eating 1 hour before"));
}

TEST_F(ContentBundled, PresentLeavesNoPatternUnformatted) {
    Presentation p = present(content(), config(), "en");
    std::string all;  // every screen; interface strings wait for their own parameters
    for (const ShownModule& m : p.modules) {
        all += m.title + "\n" + m.summary + "\n";
        for (const ShownScreen& s : m.screens) all += s.plain() + "\n";
    }
    EXPECT_FALSE(contains(all, "{")) << "a message was shown as its source";
    EXPECT_FALSE(contains(all, "}"));
    EXPECT_TRUE(contains(all, config().clinic_name));
    EXPECT_TRUE(contains(all, config().clinic_phone));
}

TEST_F(ContentBundled, PresentKeepsOnlyTheRoutesTheClinicOffers) {
    ClinicConfig c = config();
    c.routes_offered = {"iv"};
    Presentation p = present(content(), c, "en");
    const ShownScreen* routes = find_shown(p.modules[0], "routes");
    ASSERT_NE(routes, nullptr);
    ASSERT_EQ(routes->items.size(), 1u);
    EXPECT_EQ(routes->items[0].id, "iv");
    EXPECT_FALSE(routes->items[0].text("body").empty());
    EXPECT_FALSE(contains(routes->plain(), "Spravato")) << "the nasal page leaked into an IV-only clinic";

    c.routes_offered = {"nasal", "iv"};  // shown in content order, not the config's
    p = present(content(), c, "en");
    routes = find_shown(p.modules[0], "routes");
    ASSERT_EQ(routes->items.size(), 2u);
    EXPECT_EQ(routes->items[0].id, "iv");
    EXPECT_EQ(routes->items[1].id, "nasal");
}

// ---- The fixture: tests/fixtures/content/good ---------------------------------------------

std::string fixture(const std::string& relative) { return std::string(ANTEROOM_FIXTURES) + "/" + relative; }

class ContentFixture : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fixture("content/good");
        load_ = load_content(dir_);
        ASSERT_TRUE(load_.errors.empty()) << describe(load_.errors);
        ConfigLoad config = load_config(fixture("config/clinic.toml"));
        ASSERT_TRUE(config.errors.empty()) << describe(config.errors);
        config_ = config.config;
    }
    const ModuleSource& visit() const { return load_.content.modules.at(0); }

    std::string dir_;
    ContentLoad load_;
    ClinicConfig config_;
};

TEST_F(ContentFixture, ModulesFollowTheirOrderNotTheirFolderNames) {
    ASSERT_EQ(load_.content.modules.size(), 2u);
    EXPECT_EQ(load_.content.modules[0].id, "visit");      // order = 1
    EXPECT_EQ(load_.content.modules[1].id, "aftercare");  // order = 2, though it sorts first by name
}

TEST_F(ContentFixture, ModuleAndScreensAreRead) {
    const ModuleSource& m = visit();
    EXPECT_EQ(m.file, dir_ + "/visit/module.toml");
    EXPECT_EQ(m.title.source, "Your visit");
    EXPECT_EQ(m.minutes, 5);
    ASSERT_EQ(m.screens.size(), 3u);
    EXPECT_EQ(m.screens[0].id, "arrival");
    EXPECT_EQ(m.screens[0].kind->name, "text");
    EXPECT_EQ(m.screens[1].id, "questions");
    EXPECT_EQ(m.screens[1].kind->name, "faq");
    ASSERT_EQ(m.screens[1].items.size(), 2u);
    EXPECT_EQ(m.screens[1].items[0].text("q").source, "Can I drive home?");
    EXPECT_EQ(m.screens[1].items[0].text("a").source, "No.\nAn adult you trust must drive you home.\n");
    EXPECT_EQ(m.screens[2].kind->name, "routes");
    ASSERT_EQ(m.screens[2].items.size(), 2u);
    EXPECT_EQ(m.screens[2].items[0].id, "iv");
    EXPECT_EQ(m.screens[2].items[1].id, "im");
    const ModuleSource& after = load_.content.modules[1];
    ASSERT_EQ(after.screens.size(), 1u);
    EXPECT_EQ(after.screens[0].kind->name, "timeline");
    EXPECT_EQ(after.screens[0].items.size(), 2u);
}

TEST_F(ContentFixture, TextsRememberTheirFileAndLine) {
    // A multi-line string whose """ ends its line starts on the next line.
    const ScreenSource& arrival = visit().screens[0];
    EXPECT_EQ(arrival.text("body").file, dir_ + "/visit/screens/arrival.toml");
    EXPECT_EQ(arrival.text("title").line, 2);
    EXPECT_EQ(arrival.text("body").line, 4);
    const ScreenSource& questions = visit().screens[1];
    EXPECT_EQ(questions.text("intro").line, 3);
    EXPECT_EQ(questions.items[0].text("q").line, 6);
    EXPECT_EQ(questions.items[0].text("a").line, 8);
    EXPECT_EQ(questions.items[1].text("a").line, 14);
    const ScreenSource& routes = visit().screens[2];
    EXPECT_EQ(routes.items[0].text("body").line, 10);
    EXPECT_EQ(routes.items[1].text("summary").line, 19);
    EXPECT_EQ(load_.content.interface.at("idle.body").line, 46);
}

TEST_F(ContentFixture, ValidWithTheClinicsConfig) {
    Diagnostics problems = validate(load_.content, config_, "clinic.toml");
    EXPECT_TRUE(problems.empty()) << describe(problems);
}

TEST_F(ContentFixture, EveryOfferedRouteNeedsAPage) {
    ClinicConfig c = config_;
    c.routes_offered = kRouteIds;  // the fixture has pages only for iv and im
    Diagnostics problems = validate(load_.content, c, "clinic.toml");
    ASSERT_EQ(problems.size(), 2u) << describe(problems);
    for (const Diagnostic& d : problems) {
        EXPECT_EQ(d.file, dir_ + "/visit/screens/routes.toml");
        EXPECT_TRUE(contains(d.message, "(clinic.toml)")) << d.str();
    }
    EXPECT_TRUE(contains(problems[0].message, "'lozenge'"));
    EXPECT_TRUE(contains(problems[1].message, "'nasal'"));
}

TEST_F(ContentFixture, PresentFillsInTheClinicsValues) {
    Presentation p = present(load_.content, config_, "en");
    ASSERT_EQ(p.modules.size(), 2u);
    const std::string arrival = p.modules[0].screens[0].plain();
    EXPECT_TRUE(contains(arrival, "Welcome to Hillside Clinic.")) << arrival;
    EXPECT_TRUE(contains(arrival, "Stop eating 8 hours before")) << arrival;
    EXPECT_TRUE(contains(arrival, "until 3 hours before")) << arrival;
    EXPECT_TRUE(contains(arrival, "at least 90 minutes.")) << arrival;
    // Markdown: a heading and two bullets between two paragraphs.
    const RichText& body = p.modules[0].screens[0].text("body").rich;
    ASSERT_EQ(body.blocks.size(), 5u);
    EXPECT_EQ(body.blocks[1].kind, BlockKind::Heading);
    EXPECT_EQ(body.blocks[2].kind, BlockKind::Bullet);
    EXPECT_EQ(body.blocks[3].kind, BlockKind::Bullet);
    EXPECT_EQ(p.text("idle.body", {{"seconds", 1.0}}), "This screen will start over in 1 second.");
    EXPECT_EQ(p.text("attract.welcome"), "Welcome to Hillside Clinic");
}

TEST(ContentMissing, NoFolderIsOneDiagnostic) {
    const std::string dir = fixture("content/does-not-exist");
    ContentLoad load = load_content(dir);
    ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
    EXPECT_EQ(load.errors[0].file, dir);
    EXPECT_EQ(load.errors[0].line, 0);
    EXPECT_TRUE(contains(load.errors[0].message, "is not a content folder"));
    EXPECT_TRUE(load.content.modules.empty());
}

TEST(ContentMissing, EmptyFolderNamesWhatIsMissing) {
    const fs::path dir = fs::temp_directory_path() / ("anteroom-content-empty-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    ContentLoad load = load_content(dir);
    fs::remove_all(dir);
    ASSERT_EQ(load.errors.size(), 2u) << describe(load.errors);
    EXPECT_EQ(load.errors[0].file, (dir / "interface.toml").string());
    EXPECT_TRUE(contains(load.errors[0].message, "cannot be read"));
    EXPECT_EQ(load.errors[1].file, dir.string());
    EXPECT_TRUE(contains(load.errors[1].message, "holds no module"));
}

// ---- The clinic's languages, checked once the translations are loaded ----------------------

// The good fixture content with the Spanish of locales/complete, and this configuration text.
Loaded load_with_languages(const std::string& config_lines) {
    const std::string text = "clinic_name = \"Hillside Clinic\"\nclinic_phone = \"503-281-4400\"\ncrisis_line = \"988\"\nemergency_number = \"911\"\nroutes_offered = [\"iv\", \"im\"]\n" + config_lines;
    return load_all(parse_config(text, "clinic.toml"), "clinic.toml", fixture("content/good"), fixture("locales/complete"));
}

TEST(ConfigLocales, TranslatedLanguagesMayBeTheDefaultAndTheFallback) {
    Loaded l = load_with_languages("default_locale = \"es\"\nfallback_locale = \"es\"\n");
    EXPECT_TRUE(l.ok()) << describe(l.problems);
}

// Guards a fixed bug: presentation.cpp validate() accepted the pseudo-locales as a default even with
// pseudo_locales = false, so every patient would start in accented pseudo-English.
TEST(ConfigLocales, PseudoDefaultNeedsPseudoLocales) {
    Loaded l = load_with_languages("\ndefault_locale = \"en-XA\"\n");
    ASSERT_EQ(l.problems.size(), 1u) << describe(l.problems);
    EXPECT_EQ(l.problems[0].str(),
              "clinic.toml:7: default_locale 'en-XA' is a layout-testing pseudo-language; set pseudo_locales = true to offer it");
    for (const char* locale : {"en-XA", "ar-XB"}) {
        Loaded asked = load_with_languages("pseudo_locales = true\ndefault_locale = \"" + std::string(locale) + "\"\n");
        EXPECT_TRUE(asked.ok()) << locale << describe(asked.problems);
    }
}

// Guards a fixed bug: an unknown default_locale was reported on line 0, naming no language there is.
TEST(ConfigLocales, UnknownDefaultIsReportedOnItsLineWithTheAvailableOnes) {
    Loaded l = load_with_languages("default_locale = \"xx\"\n");
    ASSERT_EQ(l.problems.size(), 1u) << describe(l.problems);
    EXPECT_EQ(l.problems[0].str(), "clinic.toml:6: default_locale 'xx' is not an available language (available: en, es)");
    // With no translations, English is the only language.
    Loaded english = load_all(parse_config("clinic_name = \"A\"\nclinic_phone = \"1\"\ncrisis_line = \"988\"\nemergency_number = \"911\"\nroutes_offered = [\"iv\", \"im\"]\ndefault_locale = \"es\"\n", "clinic.toml"),
                              "clinic.toml", fixture("content/good"), fixture("locales/none"));
    ASSERT_EQ(english.problems.size(), 1u) << describe(english.problems);
    EXPECT_EQ(english.problems[0].str(), "clinic.toml:6: default_locale 'es' is not an available language (available: en)");
}

TEST(ConfigLocales, FallbackMustBeARealAvailableLanguage) {
    Loaded unknown = load_with_languages("fallback_locale = \"fr\"\n");
    ASSERT_EQ(unknown.problems.size(), 1u) << describe(unknown.problems);
    EXPECT_EQ(unknown.problems[0].str(), "clinic.toml:6: fallback_locale 'fr' is not an available language (available: en, es)");
    // Patients read the fallback: a pseudo-language is never one, even when offered for testing.
    Loaded pseudo = load_with_languages("pseudo_locales = true\nfallback_locale = \"ar-XB\"\n");
    ASSERT_EQ(pseudo.problems.size(), 1u) << describe(pseudo.problems);
    EXPECT_EQ(pseudo.problems[0].str(),
              "clinic.toml:7: fallback_locale 'ar-XB' is a layout-testing pseudo-language; name a real one (available: en, es)");
}

TEST(ConfigLocales, ReportedBeforeEverythingElse) {
    // Problems in the configuration come first, even those found only once translations load.
    Loaded l = load_all(parse_config("clinic_name = \"A\"\nclinic_phone = \"1\"\ncrisis_line = \"988\"\nemergency_number = \"911\"\ndefault_locale = \"xx\"\n", "clinic.toml"),
                        "clinic.toml", fixture("content/good"), fixture("locales/none"));
    ASSERT_EQ(l.problems.size(), 3u) << describe(l.problems);  // and two routes with no page
    EXPECT_EQ(l.problems[0].file, "clinic.toml");
    EXPECT_EQ(l.problems[0].line, 5);
}

// ---- Folders that cannot be read to the end -----------------------------------------------

// While alive, readdir fails on `folder` after handing out `entries` of its entries.
class FailingFolder {
public:
    FailingFolder(const fs::path& folder, int entries) {
        g_failing_folder = fs::canonical(folder).string();
        g_entries_before_failure = entries;
    }
    ~FailingFolder() { g_failing_folder.clear(); }
};

bool reports_folder(const Diagnostics& problems, const fs::path& folder) {
    return std::any_of(problems.begin(), problems.end(), [&](const Diagnostic& d) {
        return d.file == folder.string() && d.line == 0 && d.message == "cannot list this folder: Input/output error";
    });
}

// Guards a fixed bug: content.cpp and translations.cpp read folders with a range-for over
// directory_iterator(dir, ec), whose ++ throws std::filesystem::error: the error code catches
// only a folder that cannot be opened at all (and hides that one).
TEST(ContentFolders, ContentFolderFailingPartWayIsReported) {
    const fs::path dir = fixture("content/good");
    ContentLoad load;
    {
        FailingFolder failing(dir, 1);
        EXPECT_NO_THROW(load = load_content(dir));
    }
    EXPECT_TRUE(reports_folder(load.errors, dir)) << describe(load.errors);
}

TEST(ContentFolders, ScreensFolderFailingPartWayIsReported) {
    const fs::path dir = fixture("content/good");
    ContentLoad load;
    {
        FailingFolder failing(dir / "visit" / "screens", 1);
        EXPECT_NO_THROW(load = load_content(dir));
    }
    ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
    EXPECT_TRUE(reports_folder(load.errors, dir / "visit" / "screens")) << describe(load.errors);
    EXPECT_EQ(load.content.modules.size(), 2u);  // its listed screens are still read
}

TEST(ContentFolders, LocalesFolderFailingPartWayIsReported) {
    const fs::path dir = fixture("locales/complete");
    TranslationsLoad load;
    {
        FailingFolder failing(dir, 1);
        EXPECT_NO_THROW(load = load_translations(dir));
    }
    ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
    EXPECT_TRUE(reports_folder(load.errors, dir)) << describe(load.errors);
}

TEST(ContentFolders, FolderThatCannotBeOpenedIsReported) {
    const fs::path dir = fixture("locales/complete");
    TranslationsLoad load;
    {
        FailingFolder failing(dir, 0);  // fails at its first entry, as the folder is opened
        load = load_translations(dir);
    }
    ASSERT_EQ(load.errors.size(), 1u) << describe(load.errors);
    EXPECT_TRUE(reports_folder(load.errors, dir)) << describe(load.errors);
}

}  // namespace
}  // namespace anteroom
