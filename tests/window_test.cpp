// The kiosk as it is started on a bare X server with no window manager (Xvfb here): without
// --windowed, each backend's window covers the whole screen at 0,0, landscape, 1280x800 and
// portrait, and what is on the screen is, but for rounding, the attract screen that
// `anteroom proof` renders at that size. A tap leaves the attract screen, and SIGTERM ends
// the program cleanly.
//
// Needs Xvfb, xdotool, xwininfo (x11-utils) and ImageMagick's import (scripts/build installs
// them). A screen size that the current DISPLAY does not have gets an Xvfb of its own.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <stb_image.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <X11/Xlib.h>  // last: its macros (None, Bool, Status) would upset the headers above

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// The small fixture content, with no translations: its proof takes seconds, not minutes,
// and the attract screen is drawn the same way whatever the content.
const std::string kContent = std::string(ANTEROOM_FIXTURES) + "/content/good";
// With the screen's diagonal given, as the proof has no display to ask for it.
const std::string kConfig = std::string(ANTEROOM_FIXTURES) + "/config/clinic-screen-given.toml";

struct Size {
    int width, height;
    std::string str() const { return std::to_string(width) + "x" + std::to_string(height); }
};
void PrintTo(const Size& size, std::ostream* out) { *out << size.str(); }

struct Result {
    int exit_code = -1;
    std::string output;  // stdout and stderr
};

// Every command is bounded by `timeout`, so a wedged X client cannot hang the test.
Result run(const std::string& display, const std::string& command, int limit_s = 20) {
    Result r;
    const std::string line = "DISPLAY=" + display + " timeout " + std::to_string(limit_s) + " " + command + " 2>&1";
    FILE* pipe = popen(line.c_str(), "r");
    if (!pipe) return r;
    std::array<char, 4096> buffer;
    size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

fs::path temp_dir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("anteroom-window-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// Waits up to `limit` for a child to exit; its exit code, or nullopt if it is still running.
std::optional<int> wait_exit(pid_t pid, std::chrono::milliseconds limit) {
    const auto end = Clock::now() + limit;
    for (;;) {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        if (Clock::now() >= end) return std::nullopt;
        std::this_thread::sleep_for(20ms);
    }
}

void stop(pid_t pid) {
    kill(pid, SIGTERM);
    if (!wait_exit(pid, 5s)) {
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
    }
}

// An Xvfb of the given size; -displayfd tells which display number was free.
class Xvfb {
public:
    explicit Xvfb(Size size) {
        int fds[2];
        if (pipe(fds) != 0) return;
        pid_ = fork();
        if (pid_ == 0) {
            close(fds[0]);
            const std::string fd = std::to_string(fds[1]), screen = size.str() + "x24";
            execl(ANTEROOM_XVFB, "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", screen.c_str(), "-nolisten", "tcp", "-noreset",
                  static_cast<char*>(nullptr));
            _exit(127);
        }
        close(fds[1]);
        // Xvfb writes the number and the newline apart, and dies if the pipe is closed between.
        std::string number;
        for (auto end = Clock::now() + 15s; pid_ > 0 && Clock::now() < end;) {
            pollfd ready{fds[0], POLLIN, 0};
            char c;
            if (poll(&ready, 1, 100) == 1 && read(fds[0], &c, 1) == 1) {
                if (c == '\n') {
                    display_ = ":" + number;
                    break;
                }
                number += c;
            } else if (ready.revents & POLLHUP) break;  // it exited
        }
        close(fds[0]);
    }
    ~Xvfb() {
        if (pid_ > 0) stop(pid_);
    }
    const std::string& display() const { return display_; }  // empty if it did not start

private:
    pid_t pid_ = -1;
    std::string display_;
};

struct Geometry {
    int x = -1, y = -1, width = -1, height = -1;
    bool viewable = false;
};

Geometry geometry(const std::string& display, const std::string& window) {
    const Result r = run(display, "xwininfo " + (window == "root" ? std::string("-root") : "-id " + window));
    Geometry g;
    auto field = [&](const char* name) {
        const size_t at = r.output.find(name);
        return at == std::string::npos ? -1 : std::atoi(r.output.c_str() + at + strlen(name));
    };
    g.x = field("Absolute upper-left X:");
    g.y = field("Absolute upper-left Y:");
    g.width = field("Width:");
    g.height = field("Height:");
    g.viewable = r.output.find("Map State: IsViewable") != std::string::npos;
    return g;
}

struct Image {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;
};

Image load(const fs::path& png) {
    Image image;
    int channels = 0;
    if (unsigned char* pixels = stbi_load(png.c_str(), &image.width, &image.height, &channels, 3)) {
        image.rgb.assign(pixels, pixels + image.width * image.height * 3);
        stbi_image_free(pixels);
    }
    return image;
}

Image screenshot(const std::string& display, const fs::path& png) {
    fs::remove(png);
    run(display, "import -window root png24:" + png.string());
    return load(png);
}

// How many pixels differ, and by how much at most in any channel.
struct Difference {
    long pixels = -1;  // -1: the sizes differ
    int most = 0;
};

Difference compare(const Image& a, const Image& b) {
    Difference d;
    if (a.width != b.width || a.height != b.height || a.rgb.empty()) return d;
    d.pixels = 0;
    for (size_t i = 0; i < a.rgb.size(); i += 3) {
        int most = 0;
        for (size_t c = 0; c < 3; ++c) most = std::max(most, std::abs(a.rgb[i + c] - b.rgb[i + c]));
        d.pixels += most > 0;
        d.most = std::max(d.most, most);
    }
    return d;
}

// The same renderer draws both, and the X server leaves its cursor out of a screenshot.
// Only blending rounds differently by one unit on a few antialiased edges (the window's
// 24-bit visual against the proof's RGBA8 framebuffer): about ten pixels at 1080p. A window
// of the wrong size or place differs in a large part of the screen.
bool looks_the_same(const Difference& d, Size size) {
    return d.pixels >= 0 && d.pixels <= static_cast<long>(size.width) * size.height / 10000 && d.most <= 1;
}

// A 1920x1080 screen that has settled: two shots alike, after something changed it from
// `before` (in more than 1 pixel in 200); empty after 10 s without. Shots go to dir/name.png.
Image settled_screen(const std::string& display, const fs::path& dir, const Image& before, const std::string& name) {
    Image previous, now;
    for (auto end = Clock::now() + 10s; Clock::now() < end; std::this_thread::sleep_for(150ms)) {
        now = screenshot(display, dir / (name + ".png"));
        const Difference moved = compare(now, before);
        if ((before.rgb.empty() || moved.pixels > 1920 * 1080 / 200) && compare(now, previous).pixels == 0) return now;
        previous = now;
    }
    return Image{};
}

class Fullscreen : public ::testing::TestWithParam<std::tuple<const char*, Size>> {
protected:
    static void SetUpTestSuite() {
        // Without -noreset (xvfb-run passes none) an X server resets when its last client
        // leaves, refusing connections meanwhile: between one kiosk and the next. Stay connected.
        if (const char* current = std::getenv("DISPLAY"); current && *current) connection_ = XOpenDisplay(current);
        proof_ = new fs::path(temp_dir("proof"));
        fs::create_directories(*proof_ / "no-locales");  // no translations: English only, and a quicker proof
        const std::string display = display_for({1920, 1080});
        ASSERT_FALSE(display.empty());
        const Result r = run(display, std::string(ANTEROOM_BINARY) + " proof --content " + kContent + " --config " + kConfig +
                                          " --locales " + (*proof_ / "no-locales").string() + " --out " + proof_->string() +
                                          " --locale en --fast-png --first-page-only --size 1920x1080 --size 1280x800 --size 1080x1920",
                             180);
        proof_ok_ = r.exit_code == 0;
        ASSERT_TRUE(proof_ok_) << r.output;
    }
    static void TearDownTestSuite() {
        fs::remove_all(*proof_);
        delete proof_;
        screens().clear();
        if (connection_) XCloseDisplay(connection_);
        connection_ = nullptr;
    }

    // The current DISPLAY when its screen is this size, otherwise an Xvfb of this size.
    static std::string display_for(Size size) {
        const char* current = std::getenv("DISPLAY");
        if (current && *current) {
            const Geometry root = geometry(current, "root");
            if (root.width == size.width && root.height == size.height) return current;
        }
        auto& screen = screens()[size.str()];
        if (!screen) screen = std::make_unique<Xvfb>(size);
        return screen->display();
    }
    static std::map<std::string, std::unique_ptr<Xvfb>>& screens() {
        static std::map<std::string, std::unique_ptr<Xvfb>> screens;
        return screens;
    }

    static fs::path* proof_;
    static bool proof_ok_;
    static Display* connection_;
};

fs::path* Fullscreen::proof_ = nullptr;
bool Fullscreen::proof_ok_ = false;
Display* Fullscreen::connection_ = nullptr;

TEST_P(Fullscreen, CoversTheScreenShowsTheAttractScreenAndLeavesItOnATap) {
    ASSERT_TRUE(proof_ok_);
    const auto [backend, size] = GetParam();
    const std::string display = display_for(size);
    ASSERT_FALSE(display.empty()) << "no Xvfb for " << size.str();
    const Image expected = load(*proof_ / "en" / size.str() / "01-attract.png");
    ASSERT_EQ(expected.width, size.width);

    const fs::path dir = temp_dir(std::string(backend) + "-" + size.str());
    const fs::path log = dir / "anteroom.log";
    const pid_t pid = fork();
    if (pid == 0) {
        const int out = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(out, 1);
        dup2(out, 2);
        setenv("DISPLAY", display.c_str(), 1);
        setenv("XDG_STATE_HOME", dir.c_str(), 1);  // its event store, in the test's folder
        const std::string locales = (*proof_ / "no-locales").string();
        execl(ANTEROOM_BINARY, ANTEROOM_BINARY, "--backend", backend, "--content", kContent.c_str(), "--config", kConfig.c_str(),
              "--locales", locales.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    ASSERT_GT(pid, 0);
    auto log_text = [&] {
        std::string text;
        if (FILE* f = std::fopen(log.c_str(), "r")) {
            for (int c; (c = std::fgetc(f)) != EOF;) text += static_cast<char>(c);
            std::fclose(f);
        }
        return "anteroom's output:\n" + text;
    };
    struct Stopper {  // however the test ends, the kiosk does not outlive it
        pid_t pid;
        bool stopped = false;
        ~Stopper() {
            if (!stopped) stop(pid);
        }
    } stopper{pid};

    // The window: mapped and named, found by the kiosk's own pid.
    std::string window;
    for (auto end = Clock::now() + 20s; window.empty() && Clock::now() < end; std::this_thread::sleep_for(100ms)) {
        ASSERT_FALSE(wait_exit(pid, 0ms)) << "anteroom exited before its window appeared\n" << log_text();
        const Result r = run(display, "xdotool search --all --onlyvisible --pid " + std::to_string(pid) + " --name '^Anteroom$'");
        if (r.exit_code == 0) window = r.output.substr(0, r.output.find('\n'));
    }
    ASSERT_FALSE(window.empty()) << "no visible Anteroom window within 20 s\n" << log_text();

    // The kiosk draws a few frames and then sleeps until an event: poll until the screen
    // shows the proof's attract screen, or give up with the last difference.
    Image shot;
    Difference attract;
    for (auto end = Clock::now() + 20s; Clock::now() < end; std::this_thread::sleep_for(200ms)) {
        shot = screenshot(display, dir / "attract.png");
        attract = compare(shot, expected);
        if (looks_the_same(attract, size)) break;
    }
    const Geometry g = geometry(display, window);
    EXPECT_TRUE(g.viewable);
    EXPECT_EQ(g.x, 0);
    EXPECT_EQ(g.y, 0);
    EXPECT_EQ(g.width, size.width);
    EXPECT_EQ(g.height, size.height);
    EXPECT_TRUE(looks_the_same(attract, size))
        << "the screen (" << shot.width << "x" << shot.height << ", kept in " << dir << ") is not the proof's attract screen: "
        << attract.pixels << " pixels differ, a channel by up to " << attract.most;

    // A tap anywhere on the attract screen begins: the screen changes. (No --sync: it waits
    // for the pointer to move, for ever when it is already there, as Xvfb starts it.)
    run(display, "xdotool mousemove " + std::to_string(size.width / 2) + " " + std::to_string(size.height / 2) + " click 1");
    // Wait for a screen that has settled (two shots alike), so a pill still drawn pressed
    // does not count as having left.
    Difference after;
    Image previous;
    bool left = false;
    for (auto end = Clock::now() + 10s; !left && Clock::now() < end; std::this_thread::sleep_for(200ms)) {
        Image now = screenshot(display, dir / "after-tap.png");
        after = compare(now, expected);
        left = after.pixels > size.width * size.height / 100 && compare(now, previous).pixels == 0;
        previous = std::move(now);
    }
    EXPECT_TRUE(left) << "a tap did not leave the attract screen for a settled one (the last shot differs from it in "
                      << after.pixels << " pixels)\n" << log_text();

    kill(pid, SIGTERM);
    const std::optional<int> code = wait_exit(pid, 10s);
    stopper.stopped = code.has_value();
    ASSERT_TRUE(code) << "anteroom did not exit within 10 s of SIGTERM\n" << log_text();
    EXPECT_EQ(*code, 0) << log_text();
    if (!HasFailure()) fs::remove_all(dir);
}

// A finger dragged up a long screen scrolls it, in both backends, on the bare X server. (ImGui
// 1.86's SDL backend stops reading the pointer while it is captured without focus, so the
// page stood still under SDL2 until the window took the pointer from its own events.) The
// bundled content's first screen is long; with no translations the flow is attract, English,
// the module's card: at 1920x1080 those are the taps below.
class Drag : public ::testing::TestWithParam<const char*> {};

TEST_P(Drag, AFingerDragScrollsALongScreen) {
    const char* display_name = std::getenv("DISPLAY");
    ASSERT_TRUE(display_name && *display_name);
    const std::string display = display_name;
    const Geometry root = geometry(display, "root");
    ASSERT_EQ(root.width, 1920) << "run under xvfb-run -s '-screen 0 1920x1080x24'";
    Display* connection = XOpenDisplay(display.c_str());  // keeps xvfb-run's server from resetting between kiosks

    const fs::path dir = temp_dir(std::string("drag-") + GetParam());
    fs::create_directories(dir / "no-locales");
    const pid_t pid = fork();
    if (pid == 0) {
        const int out = open((dir / "anteroom.log").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(out, 1);
        dup2(out, 2);
        const std::string locales = (dir / "no-locales").string();
        setenv("XDG_STATE_HOME", dir.c_str(), 1);  // its event store, in the test's folder
        execl(ANTEROOM_BINARY, ANTEROOM_BINARY, "--backend", GetParam(), "--locales", locales.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    ASSERT_GT(pid, 0);
    struct Stopper {
        pid_t pid;
        ~Stopper() { stop(pid); }
    } stopper{pid};

    auto settled = [&](const Image& before, const std::string& name) { return settled_screen(display, dir, before, name); };
    auto tap = [&](int x, int y) { run(display, "xdotool mousemove " + std::to_string(x) + " " + std::to_string(y) + " click 1"); };

    Image screen = settled({}, "attract");
    ASSERT_FALSE(screen.rgb.empty()) << "no settled attract screen";
    tap(960, 540);
    screen = settled(screen, "language");
    ASSERT_FALSE(screen.rgb.empty()) << "the tap did not begin";
    tap(960, 585);  // English, the only language
    screen = settled(screen, "home");
    ASSERT_FALSE(screen.rgb.empty()) << "English was not chosen";
    tap(960, 400);  // the module's card
    const Image top = settled(screen, "module");
    ASSERT_FALSE(top.rgb.empty()) << "the module did not open";

    run(display, "xdotool mousemove 960 800");
    run(display, "xdotool mousedown 1");
    for (int y = 790; y >= 400; y -= 30) {
        run(display, "xdotool mousemove 960 " + std::to_string(y));
        std::this_thread::sleep_for(30ms);
    }
    std::this_thread::sleep_for(400ms);  // the finger rests: no fling
    run(display, "xdotool mouseup 1");
    const Image scrolled = settled(top, "scrolled");
    EXPECT_FALSE(scrolled.rgb.empty()) << "the page did not move under the finger (shots in " << dir << ")";
    if (connection) XCloseDisplay(connection);
    if (!HasFailure()) fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(BareX, Drag, ::testing::Values("sdl", "glfw"));

// A tactile keypad or a keyboard alone, through real X key events (xdotool's XTEST): from the
// attract screen through every screen of the education module to its end, in both backends.
// The end screen must then be the proof's, pixel for pixel (its focus ring has gone with the
// Finish button). With no translations the flow is: any key; Tab to English (after Read aloud
// and Aa); Tab to the module's card (after the top bar's three); Tab to Next (after Home, the
// three and Back), then Enter on each screen, as Next keeps the focus from screen to screen;
// on the last, Shift+Tab from nothing in focus lands on Finish, the last target.
class Keys : public ::testing::TestWithParam<const char*> {};

TEST_P(Keys, TheEducationModuleWalksFromAttractToEndWithTheKeyboardAlone) {
    const char* display_name = std::getenv("DISPLAY");
    ASSERT_TRUE(display_name && *display_name);
    const std::string display = display_name;
    ASSERT_EQ(geometry(display, "root").width, 1920) << "run under xvfb-run -s '-screen 0 1920x1080x24'";
    Display* connection = XOpenDisplay(display.c_str());  // keeps xvfb-run's server from resetting between kiosks

    const fs::path dir = temp_dir(std::string("keys-") + GetParam());
    fs::create_directories(dir / "no-locales");
    const std::string locales = (dir / "no-locales").string();
    // The bundled sample clinic, on a screen of a size said (GLFW would ask Xvfb's made-up one).
    const std::string config = (dir / "anteroom.toml").string();
    fs::copy_file(std::string(ANTEROOM_FIXTURES) + "/../../content/anteroom.toml", config);
    if (FILE* f = std::fopen(config.c_str(), "a")) {
        std::fputs("\nscreen_diagonal_in = 24\n", f);
        std::fclose(f);
    }
    const Result proof = run(display, std::string(ANTEROOM_BINARY) + " proof --locales " + locales + " --config " + config + " --out " +
                                          (dir / "proof").string() + " --locale en --fast-png --first-page-only --size 1920x1080", 120);
    ASSERT_EQ(proof.exit_code, 0) << proof.output;
    fs::path end_png;
    for (const auto& entry : fs::directory_iterator(dir / "proof" / "en" / "1920x1080"))
        if (entry.path().filename().string().ends_with("-education-end.png")) end_png = entry.path();
    const Image expected_end = load(end_png);
    ASSERT_EQ(expected_end.width, 1920) << end_png;

    const pid_t pid = fork();
    if (pid == 0) {
        const int out = open((dir / "anteroom.log").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(out, 1);
        dup2(out, 2);
        // Everything it may write is under dir: its event store, a home and a temporary folder.
        for (const char* sub : {"state", "home", "tmp"}) fs::create_directories(dir / sub);
        setenv("XDG_STATE_HOME", (dir / "state").c_str(), 1);
        setenv("HOME", (dir / "home").c_str(), 1);
        setenv("TMPDIR", (dir / "tmp").c_str(), 1);
        execl(ANTEROOM_BINARY, ANTEROOM_BINARY, "--backend", GetParam(), "--locales", locales.c_str(), "--config", config.c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    ASSERT_GT(pid, 0);
    struct Stopper {
        pid_t pid;
        bool stopped = false;
        ~Stopper() {
            if (!stopped) stop(pid);
        }
    } stopper{pid};
    // A patient types a word no text holds, here and there on the way: it must be nowhere after.
    const std::string secret = "Quokkaplum";
    auto type_secret = [&] { run(display, "xdotool type --delay 20 " + secret); };

    auto settled = [&](const Image& before, const std::string& name) { return settled_screen(display, dir, before, name); };
    auto key = [&](const char* keys) {  // the focus ring moves: too small a change to wait for, so a pause
        run(display, std::string("xdotool key --delay 60 ") + keys);
        std::this_thread::sleep_for(150ms);
    };
    Image screen = settled({}, "attract");
    ASSERT_FALSE(screen.rgb.empty()) << "no settled attract screen";
    run(display, "xdotool mousemove 1900 1060");  // the pointer over the window (no window manager: focus follows it), clicking nothing
    run(display, "xdotool key space");
    screen = settled(screen, "language");
    ASSERT_FALSE(screen.rgb.empty()) << "a key did not begin";
    type_secret();
    key("Tab Tab Tab");
    run(display, "xdotool key Return");
    screen = settled(screen, "home");
    ASSERT_FALSE(screen.rgb.empty()) << "Enter on English did not choose it";
    key("Tab Tab Tab Tab");
    run(display, "xdotool key Return");
    screen = settled(screen, "screen-1");
    ASSERT_FALSE(screen.rgb.empty()) << "Enter on the module's card did not open it";
    type_secret();
    key("Tab Tab Tab Tab Tab Tab");
    for (int next = 2; next <= 9; ++next) {
        run(display, "xdotool key Return");
        screen = settled(screen, "screen-" + std::to_string(next));
        ASSERT_FALSE(screen.rgb.empty()) << "Enter on Next did not reach screen " << next << " (shots in " << dir << ")";
    }
    key("shift+Tab");
    run(display, "xdotool key KP_Enter");
    screen = settled(screen, "end");
    ASSERT_FALSE(screen.rgb.empty()) << "Enter on Finish did not end the module (shots in " << dir << ")";
    const Difference d = compare(screen, expected_end);
    EXPECT_TRUE(looks_the_same(d, {1920, 1080})) << "the end screen differs from the proof's in " << d.pixels << " pixels, by up to "
                                                 << d.most << " (shots in " << dir << ")";
    type_secret();
    stop(pid);  // as systemd stops it: SIGTERM, and the store commits what it holds
    stopper.stopped = true;
    // The walk was recorded, and the word typed is in no file the kiosk wrote.
    const fs::path db = dir / "state" / "anteroom" / "events.db";
    ASSERT_TRUE(fs::exists(db)) << "no event store (shots in " << dir << ")";
    for (const char* where : {"state", "home", "tmp"})
        for (const auto& entry : fs::recursive_directory_iterator(dir / where)) {
            if (!entry.is_regular_file()) continue;
            std::ifstream in(entry.path(), std::ios::binary);
            const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            EXPECT_EQ(bytes.find(secret), std::string::npos) << "what the patient typed is in " << entry.path();
            if (entry.path() == db) {
                EXPECT_NE(bytes.find("module_completed"), std::string::npos) << "the walk was not recorded";
            }
        }
    if (connection) XCloseDisplay(connection);
    if (!HasFailure()) fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(BareX, Keys, ::testing::Values("sdl", "glfw"));

INSTANTIATE_TEST_SUITE_P(BareX, Fullscreen,
                         ::testing::Combine(::testing::Values("sdl", "glfw"),
                                            ::testing::Values(Size{1920, 1080}, Size{1280, 800}, Size{1080, 1920})),
                         [](const auto& info) {
                             return std::string(std::get<0>(info.param)) + "_" + std::get<1>(info.param).str();
                         });

}  // namespace
