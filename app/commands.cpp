// [SECTION] Helpers   [SECTION] check   [SECTION] extract   [SECTION] run   [SECTION] transcript   [SECTION] proof
#include "commands.hpp"

#include <stb_image_write.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <optional>

#include "core/kiosk.hpp"
#include "core/loading.hpp"
#include "core/po.hpp"
#include "core/records.hpp"
#include "core/translations.hpp"
#include "core/transcript.hpp"
#include "platform/event_store.hpp"
#include "platform/forwarder.hpp"
#include "platform/runner.hpp"
#include "platform/window.hpp"
#include "ui/kiosk_ui.hpp"
#include "ui/theme.hpp"

namespace anteroom {

// [SECTION] Helpers ==========================================================================

namespace {

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
                 "`xvfb-run -a -s \"-screen 0 1920x1080x24\" build/anteroom`, "
                 "or render every screen to PNG with `build/anteroom proof --out proof`\n");
    return 1;
}

}  // namespace

// [SECTION] check ===========================================================================

namespace {

// How high the smallest text's capital letters are on the clinic's screen (at the standard text
// size, the smallest it can choose), as one line for `check`; a problem at the key's line when
// they are under the minimum.
std::string screen_report(const Loaded& l, const std::string& config_file, Diagnostics* problems) {
    const ClinicConfig& c = l.config.config;
    const bool diagonal_given = c.screen_diagonal_in > 0, pixels_given = l.config.lines.contains("screen_pixels");
    const float diagonal = static_cast<float>(diagonal_given ? c.screen_diagonal_in : kAssumedDiagonalIn);
    const ImVec2 pixels(static_cast<float>(c.screen_width), static_cast<float>(c.screen_height));
    const float mm = ui::smallest_cap_height_mm(pixels, diagonal);
    char screen[160], report[400];
    std::snprintf(screen, sizeof screen, "a %g-inch screen of %dx%d pixels", diagonal, c.screen_width, c.screen_height);
    const char* assumed = diagonal_given && pixels_given ? ""
                          : diagonal_given                 ? " (screen_pixels not set: 1920x1080 assumed)"
                          : pixels_given                   ? " (screen_diagonal_in not set: 24 inches assumed)"
                                                           : " (screen_diagonal_in and screen_pixels not set: 24 inches and 1920x1080 assumed)";
    std::snprintf(report, sizeof report, "%s: on %s%s, the smallest text's capital letters are %.1f mm high (at least %.1f mm, 3/16 inch)",
                  config_file.c_str(), screen, assumed, mm, ui::kMinCapHeightMm);
    if (mm < ui::kMinCapHeightMm) {
        // The least diagonal at which these pixels reach the minimum, to the tenth of an inch above.
        float least = diagonal;
        while (least < 110 && ui::smallest_cap_height_mm(pixels, least) < ui::kMinCapHeightMm) least += 0.1f;
        char message[400];
        std::snprintf(message, sizeof message,
                      "on %s the smallest text's capital letters would be %.1f mm high, under the %.1f mm (3/16 inch) every patient "
                      "needs, and the screens cannot be laid out with bigger text at this resolution: use a screen of at least %.1f "
                      "inches at %dx%d",
                      screen, mm, ui::kMinCapHeightMm, least, c.screen_width, c.screen_height);
        const auto line = [&](const char* key) { auto it = l.config.lines.find(key); return it == l.config.lines.end() ? 0 : it->second; };
        problems->push_back({config_file, diagonal_given ? line("screen_diagonal_in") : line("screen_pixels"), message});
    }
    return report;
}

}  // namespace

int run_check(const Options& options) {
    Loaded l = load_all(options.config_file, options.content_dir, options.locales_dir);
    // The screen, once the configuration is read: a configuration with errors has no screen to measure.
    const std::string screen = l.config.errors.empty() ? screen_report(l, options.config_file, &l.problems) : std::string();
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
    if (l.config.config.sample)
        std::printf("%s: a sample configuration (sample = true): its placeholders stand, and the kiosk says it is not for "
                    "patient use\n", options.config_file.c_str());
    if (!l.ok()) {
        std::fprintf(stderr, "anteroom check: %zu problem%s\n", l.problems.size(), l.problems.size() == 1 ? "" : "s");
        return 1;
    }
    std::printf("%s\n", screen.c_str());
    // Which text each language shows, for a clinic to cite: each module's version and the
    // SHA-256 of the words a patient sees (the transcript prints them too).
    const Kiosk kiosk(l.content.content, l.config.config, true, 0, l.translations.translations);
    for (const std::string& locale : kiosk.locales())
        for (size_t m = 0; m < kiosk.presentation(locale).modules.size(); ++m) {
            const ModuleFingerprint f = module_fingerprint(kiosk, locale, m);
            std::printf("%s: %s version %s, text sha256 %s%s\n", locale.c_str(), f.id.c_str(), f.version.empty() ? "(none)" : f.version.c_str(),
                        f.hash.c_str(), f.locale == locale ? "" : (" (shown in " + f.locale + ")").c_str());
        }
    // Where the records go, for whoever deploys it to see at a glance.
    const ClinicConfig& c = l.config.config;
    std::printf("events: %s as \"%s\", kept %d days; reports show no count under %d; %s\n",
                (c.event_store.empty() ? platform::default_event_store_path() : c.event_store).c_str(), c.kiosk_pseudonym.c_str(),
                c.retention_days, c.min_cell, c.forward_to.empty() ? "not forwarded" : ("forwarded to " + platform::mask_password(c.forward_to)).c_str());
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

    ui::ImGuiContextScope imgui;
    platform::WindowOptions window_options;
    window_options.fullscreen = !options.windowed;
    window_options.width = options.width;
    window_options.height = options.height;
    auto window = open(options, window_options);
    if (!window) return 1;

    Kiosk kiosk(std::move(l.content.content), l.config.config, l.ok(), window->now(), std::move(l.translations.translations));
    ui::KioskUi ui;
    platform::Runner runner(*window, kiosk, ui);
    platform::Speaker speaker(options.assets_dir);  // after the window: SDL is up; its reason goes to stderr when there is no sound
    runner.set_speaker(&speaker);
    // What is kept of the events: anonymised records (core/records.hpp), written on the
    // store's own thread, so no frame waits on the disk.
    const ClinicConfig& config = kiosk.config();
    platform::EventStore::Options store_options;
    store_options.path = config.event_store.empty() ? platform::default_event_store_path() : config.event_store;
    store_options.retention_days = config.retention_days;
    store_options.keep_unforwarded = !config.forward_to.empty();
    platform::EventStore store(store_options);
    // Several kiosks: the records of days that are over go to the clinic's server, on a thread
    // of their own (README, "Several kiosks").
    std::optional<platform::Forwarder> forwarder;
    if (!config.forward_to.empty()) {
        platform::Forwarder::Options forward_options;
        forward_options.store_path = store_options.path;
        forward_options.uri = config.forward_to;
        forward_options.min_cell = config.min_cell;
        forwarder.emplace(forward_options);
    }
    RecordContext context{config.kiosk_pseudonym, ANTEROOM_VERSION, {}};
    runner.on_event([&](const Event& e) {
        context.day = today();
        if (auto record = to_record(e, context)) store.post(std::move(*record));
    });
    // For scripts/bench: report when the first frame is on screen, then stop.
    const bool exit_after_first_frame = std::getenv("ANTEROOM_EXIT_AFTER_FIRST_FRAME") != nullptr;
    runner.run([&] {
        if (!exit_after_first_frame) return true;
        window->finish();
        timespec ts{};
        clock_gettime(CLOCK_MONOTONIC, &ts);
        std::printf("first_frame_monotonic_ns=%lld\n", static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec);
        return false;
    });
    return 0;
}

// [SECTION] transcript ======================================================================

int run_transcript(const Options& options) {
    Loaded l = load_all(options.config_file, options.content_dir, options.locales_dir);
    for (const Diagnostic& d : l.problems) std::fprintf(stderr, "%s\n", d.str().c_str());
    if (!l.ok()) {  // a transcript of broken content would be signed for text no patient sees
        std::fprintf(stderr, "anteroom transcript: content or configuration has problems; fix them first\n");
        return 1;
    }
    const std::string locale = options.locales.empty() ? "en" : options.locales.front();
    const auto locales = available_locales(l.content.content, l.translations.translations, true);
    if (std::find(locales.begin(), locales.end(), locale) == locales.end()) {
        std::string known;
        for (const std::string& x : locales) known += (known.empty() ? "" : ", ") + x;
        std::fprintf(stderr, "anteroom transcript: '%s' is not an available language (%s)\n", locale.c_str(), known.c_str());
        return 2;
    }
    const bool html = options.format == "html" || (options.format.empty() && (options.out_dir.ends_with(".html") || options.out_dir.ends_with(".htm")));
    const Catalog* catalog = l.translations.translations.find(locale);
    const std::string review = catalog ? catalog->review_status : "source text";
    Kiosk kiosk(std::move(l.content.content), l.config.config, true, 0, std::move(l.translations.translations));
    const std::string text = write_transcript(kiosk, locale, html ? TranscriptFormat::Html : TranscriptFormat::Markdown, review);
    if (options.out_dir.empty()) {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return 0;
    }
    FILE* file = std::fopen(options.out_dir.c_str(), "wb");
    if (!file || std::fwrite(text.data(), 1, text.size(), file) != text.size() || std::fclose(file) != 0) {
        std::fprintf(stderr, "anteroom transcript: cannot write %s\n", options.out_dir.c_str());
        return 1;
    }
    std::printf("anteroom transcript: wrote %s (%s)\n", options.out_dir.c_str(), locale.c_str());
    return 0;
}

// [SECTION] proof ===========================================================================

namespace {

// The proof draws with a window's renderer at the size being proofed, on a fixed clock and
// with no finger on the glass, so nothing is pressed or hovered.
class ProofPlatform : public platform::Platform {
public:
    ProofPlatform(platform::Window& window, int width, int height) : window_(window), size_(float(width), float(height)) {}
    platform::Wake wait(double) override { return platform::Wake::Timeout; }
    void new_frame() override {
        window_.new_frame();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = size_;  // the proof size, not the window's
        io.DisplayFramebufferScale = {1, 1};
        io.MousePos = {-FLT_MAX, -FLT_MAX};
        for (bool& down : io.MouseDown) down = false;
    }
    void present() override {}  // shot() reads the frame back instead
    void reload_fonts() override { window_.reload_fonts(); }
    ImVec2 size() const override { return size_; }
    double now() const override { return now_; }
    void set_now(double now) { now_ = now; }

private:
    platform::Window& window_;
    ImVec2 size_;
    double now_ = 1000;  // a fixed clock: proofs do not depend on when they run
};

class Proof {
public:
    Proof(platform::Window& window, ui::KioskUi& ui, std::filesystem::path dir, int width, int height)
        : platform_(window, width, height), ui_(ui), dir_(std::move(dir)), width_(width), height_(height) {
        std::filesystem::create_directories(dir_);
    }

    // Renders the kiosk's current screen; a screen taller than the display goes page by page.
    // at: the clock, when the shot needs time to have passed (the inactivity warning).
    void shot(Kiosk& kiosk, const std::string& name, bool paged = true, double at = 0) {
        platform_.set_now(at ? at : kProofClock);
        platform::Runner runner(platform_, kiosk, ui_);
        ++count_;
        char prefix[16];
        std::snprintf(prefix, sizeof prefix, "%02d-", count_);
        for (int i = 0; i < 3; ++i) runner.frame();  // content size settles over two frames
        const ui::ScrollState& scroll = ui_.scroll();
        const float step = std::max(100.f, scroll.view * 0.8f);
        const int pages = paged && scroll.max_y > 0.5f ? 1 + static_cast<int>(std::ceil(scroll.max_y / step)) : 1;
        for (int page = 0; page < pages; ++page) {
            ui_.scroll_to(std::min(scroll.max_y, page * step));
            runner.frame();
            runner.frame();
            for (const std::string& o : ui_.probe().overflows()) overflows_.push_back(name + ": " + o);
            if (page > 0 && first_page_only_) continue;  // laid out and checked for overflow, not drawn or written
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
        if (!runner.font_error().empty()) failed_ = true;
    }

    void set_first_page_only(bool on) { first_page_only_ = on; }  // proof --first-page-only (tests)
    int files() const { return files_; }
    bool failed() const { return failed_; }
    const std::vector<std::string>& overflows() const { return overflows_; }
    static constexpr double kProofClock = 1000;

private:
    ProofPlatform platform_;
    ui::KioskUi& ui_;
    std::filesystem::path dir_;
    int width_, height_;
    int count_ = 0, files_ = 0;
    bool failed_ = false;
    bool first_page_only_ = false;
    std::vector<std::string> overflows_;
};

// Walks a kiosk through every screen it has, as a patient would, taking a shot of each: every
// answer of a kind that opens in place, every page of a kind whose items have their own.
void walk(Proof& proof, Kiosk& kiosk, const std::string& locale) {
    const double now = Proof::kProofClock;
    kiosk.apply({Intent::Begin}, now);  // choose the language, then back: the first screens in it too
    kiosk.apply({Intent::ChooseLanguage, -1, locale}, now);
    kiosk.apply({Intent::Back}, now);
    kiosk.apply({Intent::Back}, now);
    proof.shot(kiosk, "attract");
    kiosk.apply({Intent::Begin}, now);
    proof.shot(kiosk, "language");
    kiosk.apply({Intent::ChooseLanguage, -1, locale}, now);
    proof.shot(kiosk, "home");
    kiosk.apply({Intent::OpenSettings}, now);
    proof.shot(kiosk, "display-settings");
    kiosk.apply({Intent::CloseSettings}, now);
    const auto& modules = kiosk.shown().modules;
    for (size_t m = 0; m < modules.size(); ++m) {
        kiosk.apply({Intent::OpenModule, static_cast<int>(m)}, now);
        for (size_t s = 0; s < modules[m].screens.size(); ++s) {
            const ShownScreen& screen = modules[m].screens[s];
            char name[160];
            std::snprintf(name, sizeof name, "%s-%02zu-%s", modules[m].id.c_str(), s + 1, screen.id.c_str());
            proof.shot(kiosk, name);
            if (screen.kind->list.action == ItemAction::Toggle) {
                for (size_t i = 0; i < screen.items.size(); ++i) kiosk.apply({Intent::ToggleItem, static_cast<int>(i)}, now);
                proof.shot(kiosk, std::string(name) + "-answers");
            }
            if (screen.kind->list.action == ItemAction::OpenPage) {
                for (const ShownItem& item : screen.items) {
                    kiosk.apply({Intent::OpenItem, -1, item.id}, now);
                    proof.shot(kiosk, std::string(name) + "-" + item.id);
                    kiosk.apply({Intent::Back}, now);
                }
            }
            if (screen.kind->consent) {  // read, confirmed, one page on the list; a question answered wrong, then right
                kiosk.apply({Intent::PageRead}, now);
                for (size_t i = 0; i < screen.items.size() && screen.kind->list.flag.empty(); ++i)
                    kiosk.apply({Intent::Confirm, static_cast<int>(i)}, now);
                if (screen.kind->list.flag.empty() && kiosk.session().questions.empty()) kiosk.apply({Intent::AddQuestion}, now);
                for (size_t i = 0; i < screen.items.size() && !screen.kind->list.flag.empty(); ++i)
                    if (!screen.items[i].flag) {
                        kiosk.apply({Intent::Answer, static_cast<int>(i)}, now);
                        proof.shot(kiosk, std::string(name) + "-wrong");
                        kiosk.apply({Intent::TryAgain}, now);
                        break;
                    }
                for (size_t i = 0; i < screen.items.size(); ++i)
                    if (screen.items[i].flag) kiosk.apply({Intent::Answer, static_cast<int>(i)}, now);
            }
            if (m == 0 && s == 0) {  // reading aloud (its controls), then the inactivity warning, over the first screen
                kiosk.apply({Intent::ReadAloud}, now);
                proof.shot(kiosk, "reading-aloud", false);
                kiosk.apply({Intent::StopSpeech}, now);
                proof.shot(kiosk, "idle-warning", false, now + kiosk.config().idle_warning_s + 3);
                kiosk.touched(now);
            }
            kiosk.apply({Intent::Next}, now);
        }
        proof.shot(kiosk, modules[m].id + "-end");
        kiosk.apply({Intent::Home}, now);
        if (modules[m].screens.front().kind->consent) {  // "I'd like to stop", from its first screen
            kiosk.apply({Intent::OpenModule, static_cast<int>(m)}, now);
            kiosk.apply({Intent::StopModule}, now);
            proof.shot(kiosk, modules[m].id + "-stopped");
            kiosk.apply({Intent::Home}, now);
        }
    }
}

}  // namespace

int run_proof(const Options& options) {
    Loaded l = load_all(options.config_file, options.content_dir, options.locales_dir);
    for (const Diagnostic& d : l.problems) std::fprintf(stderr, "%s\n", d.str().c_str());
    if (!have_display()) return no_display();
    ui::ImGuiContextScope imgui;
    platform::WindowOptions window_options;
    window_options.fullscreen = false;
    window_options.width = 640;
    window_options.height = 400;
    auto window = open(options, window_options);
    if (!window) return 1;

    int files = 0;
    bool failed = false;
    std::vector<std::string> overflows;
    ClinicConfig config = l.config.config;
    config.pseudo_locales = true;  // proofs cover the layout-testing locales too
    if (options.text_size >= 0) config.defaults.text_size = kTextSizes[options.text_size];
    if (options.high_contrast) config.defaults.high_contrast = true;
    std::vector<std::string> locales =
        l.ok() ? available_locales(l.content.content, l.translations.translations, true) : std::vector<std::string>{"en"};
    if (!options.locales.empty() && l.ok()) {  // --locale: only these (broken content proofs "being prepared" in English)
        for (const std::string& wanted : options.locales)
            if (std::find(locales.begin(), locales.end(), wanted) == locales.end()) {
                std::string known;
                for (const std::string& x : locales) known += (known.empty() ? "" : ", ") + x;
                std::fprintf(stderr, "anteroom proof: '%s' is not an available language (%s)\n", wanted.c_str(), known.c_str());
                return 2;
            }
        std::erase_if(locales, [&](const std::string& x) {
            return std::find(options.locales.begin(), options.locales.end(), x) == options.locales.end();
        });
    }
    if (options.fast_png) {  // tests: no filter and stb's least effort; the same pixels, about 3x faster to write
        stbi_write_png_compression_level = 1;
        stbi_write_force_png_filter = 0;
    }
    for (const auto& [w, h] : options.sizes) {
        ui::KioskUi ui;  // one per size: the atlas of each language, built once, serves its walk
        for (const std::string& locale : locales) {
            Proof proof(*window, ui, std::filesystem::path(options.out_dir) / locale / (std::to_string(w) + "x" + std::to_string(h)), w, h);
            proof.set_first_page_only(options.first_page_only);
            if (l.ok()) {
                Kiosk kiosk(l.content.content, config, true, Proof::kProofClock, l.translations.translations);
                walk(proof, kiosk, locale);
            }
            Kiosk preparing(l.content.content, config, false, Proof::kProofClock, l.translations.translations);
            proof.shot(preparing, "preparing");
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
