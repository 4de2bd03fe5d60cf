// Real windows under Xvfb: both backends open, draw and exit cleanly, and `anteroom proof`
// renders every screen to PNGs that are not blank and have no text outside its container.
#include <gtest/gtest.h>
#include <stb_image.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>

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

// A real screen has text and shapes: many distinct colours, and enough pixels off the background.
void expect_not_blank(const fs::path& png, int width, int height) {
    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load(png.c_str(), &w, &h, &channels, 4);
    ASSERT_NE(pixels, nullptr) << png;
    EXPECT_EQ(w, width) << png;
    EXPECT_EQ(h, height) << png;
    std::set<unsigned> colours;
    const unsigned background = pixels[0] | pixels[1] << 8 | pixels[2] << 16;
    size_t differing = 0;
    for (int i = 0; i < w * h; ++i) {
        const unsigned c = pixels[i * 4] | pixels[i * 4 + 1] << 8 | pixels[i * 4 + 2] << 16;
        if (colours.size() < 1000) colours.insert(c);
        differing += c != background;
    }
    stbi_image_free(pixels);
    EXPECT_GT(colours.size(), 20u) << png << ": too few colours to hold any text";
    EXPECT_GT(differing, static_cast<size_t>(w * h / 200)) << png << ": almost all background";
}

void proof_is_complete(const std::string& backend, const std::vector<std::pair<int, int>>& sizes) {
    const fs::path out = temp_dir(backend);
    std::string command = std::string(ANTEROOM_BINARY) + " proof --backend " + backend + " --out " + out.string();
    for (const auto& [w, h] : sizes) command += " --size " + std::to_string(w) + "x" + std::to_string(h);
    const Result r = run(command);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find(", 0 text overflows"), std::string::npos) << r.output;
    // Every language and pseudo-language, every screen.
    for (const char* locale : {"en", "es", "zh-Hans", "vi", "ko", "ar", "en-XA", "ar-XB"})
    for (const auto& [w, h] : sizes) {
        const fs::path dir = out / locale / (std::to_string(w) + "x" + std::to_string(h));
        ASSERT_TRUE(fs::is_directory(dir)) << dir;
        std::set<std::string> names;
        for (const auto& entry : fs::directory_iterator(dir)) {
            names.insert(entry.path().filename().string());
            expect_not_blank(entry.path(), w, h);
        }
        // Every place in the flow is there, and every screen of the module.
        for (const char* expected : {"01-attract.png", "02-language.png", "03-home.png"}) EXPECT_TRUE(names.contains(expected)) << dir;
        int screens = 0, routes = 0, idle = 0, end = 0, preparing = 0;
        for (const std::string& n : names) {
            screens += n.find("-education-") != std::string::npos;
            routes += n.find("-routes-") != std::string::npos;
            idle += n.find("idle-warning") != std::string::npos;
            end += n.find("education-end") != std::string::npos;
            preparing += n.find("preparing") != std::string::npos;
        }
        EXPECT_GE(screens, 9) << dir;
        EXPECT_GE(routes, 4) << dir;
        EXPECT_EQ(idle, 1) << dir;
        EXPECT_EQ(end, 1) << dir;
        EXPECT_EQ(preparing, 1) << dir;
    }
    fs::remove_all(out);
}

TEST(Render, SdlProofOfEveryScreenLandscapeAndPortrait) { proof_is_complete("sdl", {{1920, 1080}, {1080, 1920}}); }

TEST(Render, GlfwProofOfEveryScreenAt1280x800) { proof_is_complete("glfw", {{1280, 800}}); }

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
