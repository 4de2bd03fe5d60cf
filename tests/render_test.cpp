// Real windows under Xvfb: both backends open, draw and exit cleanly, and `anteroom proof`
// renders every screen to PNGs that are not blank and have no text outside its container.
// The proof runs once per language (Locales/ProofOf.*/<locale>), so ctest can register one
// entry per language and run them side by side; tests/CMakeLists.txt lists the languages.
#include <gtest/gtest.h>
#include <stb_image.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Result {
    int exit_code = -1;
    std::string output;  // stdout and stderr
};

Result run(const std::string& command) {
    Result r;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return r;
    std::array<char, 4096> buffer;
    size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

fs::path temp_dir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("anteroom-render-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// The languages tests/CMakeLists.txt registers a rendering entry for, in ANTEROOM_PROOF_LOCALES
// ("en,es,...").
std::vector<std::string> proof_locales() {
    std::vector<std::string> locales;
    std::stringstream list(ANTEROOM_PROOF_LOCALES);
    for (std::string locale; std::getline(list, locale, ',');)
        if (!locale.empty()) locales.push_back(locale);
    return locales;
}

// A real screen has text and shapes: many distinct colours, and enough pixels off the background.
void expect_not_blank(const fs::path& png, int width, int height) {
    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load(png.c_str(), &w, &h, &channels, 4);
    ASSERT_NE(pixels, nullptr) << png;
    EXPECT_EQ(w, width) << png;
    EXPECT_EQ(h, height) << png;
    constexpr size_t kEnoughColours = 21;  // more than 20: once there are that many, stop looking them up
    std::set<unsigned> colours;
    const unsigned background = pixels[0] | pixels[1] << 8 | pixels[2] << 16;
    size_t differing = 0;
    for (int i = 0; i < w * h; ++i) {
        const unsigned c = pixels[i * 4] | pixels[i * 4 + 1] << 8 | pixels[i * 4 + 2] << 16;
        if (colours.size() < kEnoughColours) colours.insert(c);
        differing += c != background;
    }
    stbi_image_free(pixels);
    EXPECT_GE(colours.size(), kEnoughColours) << png << ": too few colours to hold any text";
    EXPECT_GT(differing, static_cast<size_t>(w * h / 200)) << png << ": almost all background";
}

// Every page of a long screen, as reviewers get it, or only its first (--first-page-only): the
// later pages are still laid out and checked for overflow, only not drawn and written. On a later
// page the header and the Back and Next buttons alone would pass expect_not_blank.
enum class Pages { Every, First };

// One language's proof: only that language is rendered, every screen is there, and no image is
// blank. --fast-png writes the same pixels as a reviewer's proof, with cheaper compression.
void proof_is_complete(const std::string& backend, const std::string& locale, const std::vector<std::pair<int, int>>& sizes,
                       Pages pages) {
    const fs::path out = temp_dir(backend + "-" + locale);
    std::string command =
        std::string(ANTEROOM_BINARY) + " proof --fast-png --backend " + backend + " --locale " + locale + " --out " + out.string();
    if (pages == Pages::First) command += " --first-page-only";
    for (const auto& [w, h] : sizes) command += " --size " + std::to_string(w) + "x" + std::to_string(h);
    const Result r = run(command);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find(", 0 text overflows"), std::string::npos) << r.output;
    std::set<std::string> rendered;
    for (const auto& entry : fs::directory_iterator(out)) rendered.insert(entry.path().filename().string());
    EXPECT_EQ(rendered, std::set<std::string>{locale}) << "--locale " << locale << " rendered other languages";
    for (const auto& [w, h] : sizes) {
        const fs::path dir = out / locale / (std::to_string(w) + "x" + std::to_string(h));
        ASSERT_TRUE(fs::is_directory(dir)) << dir;
        std::set<std::string> names;
        for (const auto& entry : fs::directory_iterator(dir)) {
            names.insert(entry.path().filename().string());
            expect_not_blank(entry.path(), w, h);
        }
        // Every place in the flow is there, and every screen of the module.
        // (The language screen scrolls when there are many languages: the proof offers eight.)
        for (const char* expected : {"01-attract", "02-language", "03-home", "04-display-settings"})
            EXPECT_TRUE(std::any_of(names.begin(), names.end(), [&](const std::string& n) { return n.starts_with(expected); })) << dir << ": " << expected;
        int screens = 0, routes = 0, idle = 0, end = 0, preparing = 0, second_pages = 0, reading = 0;
        for (const std::string& n : names) {
            second_pages += n.ends_with("-2.png");
            screens += n.find("-education-") != std::string::npos;
            routes += n.find("-routes-") != std::string::npos;
            idle += n.find("idle-warning") != std::string::npos;
            end += n.find("education-end") != std::string::npos;
            preparing += n.find("preparing") != std::string::npos;
            reading += n.find("reading-aloud") != std::string::npos;
        }
        EXPECT_EQ(reading, 1) << dir;
        EXPECT_GE(screens, 9) << dir;
        EXPECT_GE(routes, 4) << dir;
        EXPECT_EQ(idle, 1) << dir;
        EXPECT_EQ(end, 1) << dir;
        EXPECT_EQ(preparing, 1) << dir;
        if (pages == Pages::Every) EXPECT_GT(second_pages, 0) << dir << ": long screens come out page by page";
        else EXPECT_EQ(second_pages, 0) << dir << ": --first-page-only wrote a later page";
    }
    fs::remove_all(out);
}

class ProofOf : public ::testing::TestWithParam<std::string> {};

// All three sizes in every language: 1920x1080 and 1080x1920 with SDL2 (first pages), 1280x800,
// where screens have the most pages, with GLFW (every page).
TEST_P(ProofOf, EverySdlScreenLandscapeAndPortrait) {
    proof_is_complete("sdl", GetParam(), {{1920, 1080}, {1080, 1920}}, Pages::First);
}

TEST_P(ProofOf, EveryGlfwScreenAt1280x800) { proof_is_complete("glfw", GetParam(), {{1280, 800}}, Pages::Every); }

INSTANTIATE_TEST_SUITE_P(Locales, ProofOf, ::testing::ValuesIn(proof_locales()), [](const auto& info) {
    std::string name = info.param;  // zh-Hans -> zh_Hans: gtest names are letters, digits and _
    for (char& c : name)
        if (c == '-') c = '_';
    return name;
});

// The entries registered are exactly the languages the proof walks (the ones the kiosk offers,
// and the pseudo-languages), which `proof --locale` names when asked for one it does not know.
TEST(ProofLanguages, OneRenderingEntryForEveryLanguageTheProofWalks) {
    const fs::path out = temp_dir("languages");
    const Result r = run(std::string(ANTEROOM_BINARY) + " proof --locale no-such-language --out " + out.string());
    EXPECT_EQ(r.exit_code, 2) << r.output;
    const size_t open = r.output.find("'no-such-language' is not an available language (");
    ASSERT_NE(open, std::string::npos) << r.output;
    const size_t from = r.output.find('(', open) + 1;
    std::set<std::string> offered;
    std::stringstream list(r.output.substr(from, r.output.find(')', from) - from));
    for (std::string locale; std::getline(list, locale, ',');) offered.insert(locale.substr(locale.find_first_not_of(' ')));
    const std::vector<std::string> registered = proof_locales();
    EXPECT_EQ(std::set<std::string>(registered.begin(), registered.end()), offered)
        << "add each language to ANTEROOM_PROOF_LOCALES in tests/CMakeLists.txt";
    EXPECT_TRUE(fs::is_empty(out)) << "an unknown --locale renders nothing";
    fs::remove_all(out);
}

class RealWindow : public ::testing::TestWithParam<const char*> {};

TEST_P(RealWindow, OpensDrawsAFrameAndExits) {
    const Result r = run(std::string("ANTEROOM_EXIT_AFTER_FIRST_FRAME=1 ") + ANTEROOM_BINARY + " --windowed 1280x800 --backend " + GetParam());
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("first_frame_monotonic_ns="), std::string::npos) << r.output;
}

TEST_P(RealWindow, BrokenContentShowsPreparingAndNamesTheProblem) {
    const fs::path content = temp_dir(std::string("broken-") + GetParam());
    const Result r = run(std::string("ANTEROOM_EXIT_AFTER_FIRST_FRAME=1 ") + ANTEROOM_BINARY + " --windowed 1280x800 --backend " + GetParam() +
                         " --content " + (content / "missing").string());
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find((content / "missing").string() + ":0: is not a content folder"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("being prepared"), std::string::npos) << r.output;
    fs::remove_all(content);
}

INSTANTIATE_TEST_SUITE_P(Backends, RealWindow, ::testing::Values("sdl", "glfw"));

}  // namespace
