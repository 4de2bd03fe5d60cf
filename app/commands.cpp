// [SECTION] Loading   [SECTION] check   [SECTION] extract   [SECTION] run   [SECTION] proof
#include "commands.hpp"

#include <stb_image_write.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "core/kiosk.hpp"
#include "core/loading.hpp"
#include "core/po.hpp"
#include "core/translations.hpp"
#include "platform/window.hpp"
#include "ui/kiosk_ui.hpp"

namespace anteroom {

// [SECTION] Helpers ==========================================================================

namespace {

double seconds_now() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

std::unique_ptr<platform::Window> open(const Options& options, const platform::WindowOptions& window_options) {
    std::string error;
    auto window = options.backend == "glfw" ? platform::open_glfw_window(window_options, &error)
                                            : platform::open_sdl_window(window_options, &error);
    if (!window) std::fprintf(stderr, "anteroom: %s\n", error.c_str());
    return window;
}

bool have_display() {
    auto set = [](const char* name) { return std::getenv(name) && *std::getenv(name); };
    return set("DISPLAY") || set("WAYLAND_DISPLAY");
}

int no_display() {
    std::fprintf(stderr,
                 "anteroom: no display (DISPLAY is not set): run it under a virtual one with "
                 "`xvfb-run -a -s \"-screen 0 1920x1080x24\" build/anteroom --windowed 1920x1080`, "
                 "or render every screen to PNG with `build/anteroom proof --out proof`\n");
    return 1;
}

struct ImGuiScope {
    ImGuiScope() {
        ImGui::CreateContext();
        ui::configure_imgui();
    }
    ~ImGuiScope() { ImGui::DestroyContext(); }
};

}  // namespace

// [SECTION] check ===========================================================================

int run_check(const Options& options) {
    Loaded l = load_all(options.config_file, options.content_dir, options.locales_dir);
    for (const Diagnostic& d : l.problems) std::printf("%s\n", d.str().c_str());
    // Coverage of each translation, per module: what a patient in that language will see.
    for (const auto& [locale, catalog] : l.translations.translations.catalogs) {
        const Coverage ui = coverage(catalog, interface_texts(l.content.content));
        std::printf("%s (%s, review: %s): interface %d/%d current, %d stale, %d missing\n", locale.c_str(), catalog.file.c_str(),
                    catalog.review_status.c_str(), ui.current, ui.total, ui.stale, ui.missing);
        for (const ModuleSource& m : l.content.content.modules) {
            const Coverage c = coverage(catalog, module_texts(m));
            std::printf("  %s: %d/%d current, %d stale, %d missing%s\n", m.id.c_str(), c.current, c.total, c.stale, c.missing,
                        c.complete() ? "" : " -> shown in the fallback language");
        }
    }
    if (!l.ok()) {
        std::fprintf(stderr, "anteroom check: %zu problem%s\n", l.problems.size(), l.problems.size() == 1 ? "" : "s");
        return 1;
    }
    size_t screens = 0;
    for (const auto& m : l.content.content.modules) screens += m.screens.size();
    std::printf("anteroom check: clean (%zu module%s, %zu screens, languages: ", l.content.content.modules.size(),
                l.content.content.modules.size() == 1 ? "" : "s", screens);
    const auto locales = available_locales(l.content.content, l.translations.translations);
    for (size_t i = 0; i < locales.size(); ++i) std::printf("%s%s", i ? ", " : "", locales[i].c_str());
    std::printf(")\n");
    return 0;
}

// [SECTION] extract =========================================================================

int run_extract(const Options& options) {
    ContentLoad content = load_content(options.content_dir);
    for (const Diagnostic& d : content.errors) std::fprintf(stderr, "%s\n", d.str().c_str());
    if (!content.errors.empty()) return 1;  // a template of broken content would mislead translators
    const std::filesystem::path out = options.out_dir;
    // References read "content/...", whichever folder the command runs in.
    const std::string pot =
        write_pot(content.content, std::filesystem::absolute(options.content_dir).lexically_normal().parent_path());
    FILE* file = std::fopen(out.c_str(), "wb");
    if (!file || std::fwrite(pot.data(), 1, pot.size(), file) != pot.size() || std::fclose(file) != 0) {
        std::fprintf(stderr, "anteroom extract: cannot write %s\n", out.c_str());
        return 1;
    }
    std::printf("anteroom extract: wrote %s\n", out.c_str());
    return 0;
}

// [SECTION] run =============================================================================

int run_kiosk(const Options& options) {
    Loaded l = load_all(options.config_file, options.content_dir, options.locales_dir);
    for (const Diagnostic& d : l.problems) std::fprintf(stderr, "%s\n", d.str().c_str());
    if (!l.ok()) std::fprintf(stderr, "anteroom: content or configuration has problems; showing \"being prepared\"\n");
    if (!have_display()) return no_display();

    ImGuiScope imgui;
    platform::WindowOptions window_options;
    window_options.fullscreen = !options.windowed;
    window_options.width = options.width;
    window_options.height = options.height;
    auto window = open(options, window_options);
    if (!window) return 1;

    Kiosk kiosk(std::move(l.content.content), l.config.config, l.ok(), seconds_now(), std::move(l.translations.translations));
    ui::KioskUi ui;
    // For scripts/bench: report when the first frame is on screen, then stop.
    const bool exit_after_first_frame = std::getenv("ANTEROOM_EXIT_AFTER_FIRST_FRAME") != nullptr;

    int frames_owed = 3;  // a few frames after every input let ImGui settle clicks and layout
    for (;;) {
        double now = seconds_now();
        double timeout = -1;  // nothing to do: sleep until an event
        if (frames_owed > 0 || ui.wants_frame()) timeout = 0;
        else if (double wake = kiosk.next_wakeup(now); wake != kNever) timeout = std::max(0.0, wake - now);

        const platform::Wake wake = window->wait(timeout);
        if (wake == platform::Wake::Quit) break;
        if (wake == platform::Wake::Input || wake == platform::Wake::Redraw) frames_owed = std::max(frames_owed, 3);
        now = seconds_now();
        if (frames_owed == 0 && !ui.wants_frame() && now < kiosk.next_wakeup(now) - 1e-3) continue;

        if (ui.prepare(kiosk, window->size())) {
            window->reload_fonts();
            if (!ui.font_error().empty()) std::fprintf(stderr, "anteroom: %s\n", ui.font_error().c_str());
        }
        window->new_frame();
        ImGui::NewFrame();
        ui.frame(kiosk, now);
        ImGui::Render();
        window->present();
        if (frames_owed > 0) --frames_owed;
        if (exit_after_first_frame) {
            window->finish();
            timespec ts{};
            clock_gettime(CLOCK_MONOTONIC, &ts);
            std::printf("first_frame_monotonic_ns=%lld\n", static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec);
            break;
        }
    }
    return 0;
}

// [SECTION] proof ===========================================================================

namespace {

class Proof {
public:
    Proof(platform::Window& window, ui::KioskUi& ui, std::filesystem::path dir, int width, int height)
        : window_(window), ui_(ui), dir_(std::move(dir)), width_(width), height_(height) {
        std::filesystem::create_directories(dir_);
    }

    // Renders the kiosk's current screen; a screen taller than the display goes page by page.
    void shot(Kiosk& kiosk, const std::string& name, double now, bool paged = true) {
        ++count_;
        char prefix[16];
        std::snprintf(prefix, sizeof prefix, "%02d-", count_);
        for (int i = 0; i < 3; ++i) render(kiosk, now);  // content size settles over two frames
        const ui::ScrollState& scroll = ui_.scroll();
        const float step = std::max(100.f, scroll.view * 0.8f);
        const int pages = paged && scroll.max_y > 0.5f ? 1 + static_cast<int>(std::ceil(scroll.max_y / step)) : 1;
        for (int page = 0; page < pages; ++page) {
            ui_.scroll_to(std::min(scroll.max_y, page * step));
            render(kiosk, now);
            render(kiosk, now);
            for (const std::string& o : ui_.probe().overflows()) overflows_.push_back(name + ": " + o);
            std::string file = prefix + name;
            if (pages > 1) file += '-' + std::to_string(page + 1);
            file += ".png";
            auto pixels = platform::capture_frame(width_, height_);
            if (pixels.empty() || !stbi_write_png((dir_ / file).c_str(), width_, height_, 4, pixels.data(), width_ * 4)) {
                std::fprintf(stderr, "anteroom proof: could not write %s\n", (dir_ / file).c_str());
                failed_ = true;
            }
            ++files_;
        }
    }

    int files() const { return files_; }
    bool failed() const { return failed_; }
    const std::vector<std::string>& overflows() const { return overflows_; }

private:
    void render(Kiosk& kiosk, double now) {
        const ImVec2 size{static_cast<float>(width_), static_cast<float>(height_)};
        if (ui_.prepare(kiosk, size)) {
            window_.reload_fonts();
            if (!ui_.font_error().empty()) {
                std::fprintf(stderr, "anteroom proof: %s\n", ui_.font_error().c_str());
                failed_ = true;
            }
        }
        window_.new_frame();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = size;  // the proof size, not the window's
        io.DisplayFramebufferScale = {1, 1};
        io.MousePos = {-FLT_MAX, -FLT_MAX};  // no finger: nothing pressed or hovered
        for (bool& down : io.MouseDown) down = false;
        ImGui::NewFrame();
        ui_.frame(kiosk, now);
        ImGui::Render();
    }

    platform::Window& window_;
    ui::KioskUi& ui_;
    std::filesystem::path dir_;
    int width_, height_;
    int count_ = 0, files_ = 0;
    bool failed_ = false;
    std::vector<std::string> overflows_;
};

// Walks a kiosk through every screen it has, as a patient would, taking a shot of each.
void walk(Proof& proof, Kiosk& kiosk, const std::string& locale, double now) {
    kiosk.apply({Intent::Begin}, now);  // choose the language, then back: the first screens in it too
    kiosk.apply({Intent::ChooseLanguage, -1, locale}, now);
    kiosk.apply({Intent::Back}, now);
    kiosk.apply({Intent::Back}, now);
    proof.shot(kiosk, "attract", now);
    kiosk.apply({Intent::Begin}, now);
    proof.shot(kiosk, "language", now);
    kiosk.apply({Intent::ChooseLanguage, -1, locale}, now);
    proof.shot(kiosk, "home", now);
    const auto& modules = kiosk.shown().modules;
    for (size_t m = 0; m < modules.size(); ++m) {
        kiosk.apply({Intent::OpenModule, static_cast<int>(m)}, now);
        for (size_t s = 0; s < modules[m].screens.size(); ++s) {
            const ShownScreen& screen = modules[m].screens[s];
            char name[160];
            std::snprintf(name, sizeof name, "%s-%02zu-%s", modules[m].id.c_str(), s + 1, screen.id.c_str());
            proof.shot(kiosk, name, now);
            if (screen.kind == ScreenKind::Faq) {
                for (size_t q = 0; q < screen.questions.size(); ++q) kiosk.apply({Intent::ToggleQuestion, static_cast<int>(q)}, now);
                proof.shot(kiosk, std::string(name) + "-answers", now);
            }
            for (const ShownRoute& route : screen.routes) {
                kiosk.apply({Intent::OpenRoute, -1, route.id}, now);
                proof.shot(kiosk, std::string(name) + "-" + route.id, now);
                kiosk.apply({Intent::Back}, now);
            }
            if (s == 0) {  // the inactivity warning, over the first screen
                proof.shot(kiosk, "idle-warning", now + kiosk.config().idle_warning_s + 3, false);
                kiosk.touched(now);
            }
            kiosk.apply({Intent::Next}, now);
        }
        proof.shot(kiosk, modules[m].id + "-end", now);
        kiosk.apply({Intent::Home}, now);
    }
}

}  // namespace

int run_proof(const Options& options) {
    Loaded l = load_all(options.config_file, options.content_dir, options.locales_dir);
    for (const Diagnostic& d : l.problems) std::fprintf(stderr, "%s\n", d.str().c_str());
    if (!have_display()) return no_display();
    ImGuiScope imgui;
    platform::WindowOptions window_options;
    window_options.fullscreen = false;
    window_options.width = 640;
    window_options.height = 400;
    auto window = open(options, window_options);
    if (!window) return 1;

    int files = 0;
    bool failed = false;
    std::vector<std::string> overflows;
    const double now = 1000;  // a fixed clock: proofs do not depend on when they run
    ClinicConfig config = l.config.config;
    config.pseudo_locales = true;  // proofs cover the layout-testing locales too
    const std::vector<std::string> locales =
        l.ok() ? available_locales(l.content.content, l.translations.translations, true) : std::vector<std::string>{"en"};
    for (const auto& [w, h] : options.sizes) {
        ui::KioskUi ui;  // one per size: the atlas of each language, built once, serves its walk
        for (const std::string& locale : locales) {
            Proof proof(*window, ui, std::filesystem::path(options.out_dir) / locale / (std::to_string(w) + "x" + std::to_string(h)), w, h);
            if (l.ok()) {
                Kiosk kiosk(l.content.content, config, true, now, l.translations.translations);
                walk(proof, kiosk, locale, now);
            }
            Kiosk preparing(l.content.content, config, false, now, l.translations.translations);
            proof.shot(preparing, "preparing", now);
            files += proof.files();
            failed = failed || proof.failed();
            overflows.insert(overflows.end(), proof.overflows().begin(), proof.overflows().end());
        }
    }
    for (const std::string& o : overflows) std::printf("overflow: %s\n", o.c_str());
    std::printf("anteroom proof: %d images in %s, %zu text overflows\n", files, options.out_dir.c_str(), overflows.size());
    return failed || !overflows.empty() || !l.ok() ? 1 : 0;
}

}  // namespace anteroom
