// anteroom_bench: measures what a clinic will notice about the kiosk -- how quickly it
// shows its first screen, how much memory it holds, whether it burns CPU while nobody
// touches it, how much CPU a frame of the heaviest screen costs, and what changing
// language costs (the font atlas of each script) -- and prints each figure beside its
// target. It is a benchmark, not a test: it prints numbers, and its exit status only says
// whether every figure could be measured (targets missed do not fail it).
//
// Sections 1-3 and the start-up part of section 5 start the real `anteroom` program
// (ANTEROOM_BINARY) and need an X display; scripts/bench runs this under Xvfb. Section 4
// and the rest of section 5 drive the real UI headless and need none.
//
// Section 6 (speech) plays through SDL's audio path: on SDL_AUDIODRIVER's driver, "dummy"
// (real-time consumption, no sound card) when it is unset.
//
//   anteroom_bench [--quick] [--only startup,memory,idle,frame,locales,speech,events]
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <SDL.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/reading.hpp"
#include "core/speech.hpp"
#include "core/records.hpp"
#include "platform/event_store.hpp"
#include "platform/runner.hpp"
#include "platform/speaker.hpp"
#include "support/headless.hpp"
#include "support/sample_record.hpp"

extern char** environ;

namespace {

using anteroom::Intent;
using anteroom::Place;
using anteroom::testing::Headless;

// [SECTION] Options and results =============================================================

struct Options {
    bool quick = false;  // one short run per figure: for working on the bench, not for numbers
    bool startup = true, memory = true, idle = true, frame = true, locales = true, speech = true, events = true;

    int process_runs() const { return quick ? 1 : 5; }
    double idle_window_s() const { return quick ? 10 : 30; }
};

constexpr int kWidth = 1920, kHeight = 1080;
const char* const kBackends[] = {"sdl", "glfw"};
const char* backend_name(const std::string& b) { return b == "sdl" ? "SDL2" : "GLFW"; }

struct Stats {
    double median = 0, min = 0, max = 0;
    int runs = 0;
};

Stats summarise(std::vector<double> v) {
    Stats s;
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    s.median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    s.min = v.front();
    s.max = v.back();
    s.runs = static_cast<int>(n);
    return s;
}

// One line of the final table. A row without a target is for information; a row whose
// measurement failed says why instead of showing numbers.
struct Row {
    std::string what;
    std::string unit;
    Stats stats;
    double target = -1;  // upper bound; negative: none
    std::string error;
    bool at_least = false;  // the target is a lower bound (a rate)
};

std::vector<Row> g_rows;
std::vector<std::string> g_notes;  // observations printed under the table

void note(const std::string& text) { g_notes.push_back(text); }

void add_row(const std::string& what, const std::string& unit, const std::vector<double>& values, double target = -1) {
    g_rows.push_back({what, unit, summarise(values), target, ""});
}

void add_rate(const std::string& what, const std::string& unit, const std::vector<double>& values, double least) {
    g_rows.push_back({what, unit, summarise(values), least, "", true});
}

void add_failure(const std::string& what, const std::string& error) { g_rows.push_back({what, "", {}, -1, error}); }

// Progress goes to stderr so the table on stdout stays clean; the full run takes minutes.
__attribute__((format(printf, 1, 2))) void progress(const char* format, ...) {
    va_list args;
    va_start(args, format);
    std::vfprintf(stderr, format, args);
    va_end(args);
    std::fflush(stderr);
}

// [SECTION] Clocks and /proc ================================================================

std::int64_t clock_ns(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

void sleep_s(double seconds) { std::this_thread::sleep_for(std::chrono::duration<double>(seconds)); }

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The number after "key:" in a /proc "key: value" file, or -1.
long long proc_field(const std::string& text, const std::string& key) {
    for (size_t at = text.find(key + ":"); at != std::string::npos; at = text.find(key + ":", at + 1))
        if (at == 0 || text[at - 1] == '\n') return std::atoll(text.c_str() + at + key.size() + 1);
    return -1;
}

// utime + stime of every thread of the process, in clock ticks (-1 when it has gone).
long long cpu_ticks(pid_t pid) {
    const std::string stat = read_file("/proc/" + std::to_string(pid) + "/stat");
    const size_t paren = stat.rfind(')');  // the command name may itself hold spaces or ')'
    if (paren == std::string::npos) return -1;
    std::istringstream fields(stat.substr(paren + 1));
    std::string field;
    long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) {  // fields are numbered from 1; ')' ends field 2
        if (i == 14) utime = std::atoll(field.c_str());
        if (i == 15) stime = std::atoll(field.c_str());
    }
    return utime + stime;
}

// Voluntary context switches summed over threads: roughly how often the process woke up.
// A kiosk that is truly idle sleeps in poll(); one that polls on a timer shows here first.
long long voluntary_switches(pid_t pid) {
    long long total = 0;
    std::error_code ec;
    for (const auto& task : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec))
        total += std::max(0LL, proc_field(read_file(task.path() / "status"), "voluntary_ctxt_switches"));
    return total;
}

long long pss_kb(pid_t pid) { return proc_field(read_file("/proc/" + std::to_string(pid) + "/smaps_rollup"), "Pss"); }

// [SECTION] Starting and stopping the kiosk =================================================

struct KioskProcess {
    pid_t pid = -1;
    std::int64_t started_ns = 0;  // CLOCK_MONOTONIC just before fork
    std::string log;              // the child's stdout and stderr
};

struct Ended {
    int status = 0;
    rusage usage{};
    bool ignored_sigterm = false;  // stop_kiosk had to SIGKILL it
    std::string how() const {
        if (ignored_sigterm) return "ignored SIGTERM, needed SIGKILL";
        if (WIFEXITED(status)) return "exit " + std::to_string(WEXITSTATUS(status));
        if (WIFSIGNALED(status)) return std::string("killed by SIG") + sigabbrev_np(WTERMSIG(status));
        return "status " + std::to_string(status);
    }
};

// Starts `anteroom --windowed 1920x1080 --backend B [extra...]`. Its output goes to a file
// rather than a pipe so that a long run can never block on a full pipe we forgot to drain.
KioskProcess start_kiosk(const std::string& backend, bool exit_after_first_frame,
                         const std::vector<std::string>& extra_args = {}) {
    KioskProcess k;
    char log[] = "/tmp/anteroom-bench-XXXXXX";
    const int fd = mkstemp(log);
    if (fd < 0) throw std::runtime_error(std::string("mkstemp: ") + std::strerror(errno));
    k.log = log;

    // Everything the child needs is built before fork, so the timed path is fork + exec only.
    const std::string size = std::to_string(kWidth) + "x" + std::to_string(kHeight);
    std::vector<std::string> args = {ANTEROOM_BINARY, "--windowed", size, "--backend", backend};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e)
        if (std::strncmp(*e, "ANTEROOM_EXIT_AFTER_FIRST_FRAME=", 32) != 0) env.emplace_back(*e);
    if (exit_after_first_frame) env.emplace_back("ANTEROOM_EXIT_AFTER_FIRST_FRAME=1");
    std::vector<char*> argv, envp;
    for (auto& a : args) argv.push_back(a.data());
    for (auto& e : env) envp.push_back(e.data());
    argv.push_back(nullptr);
    envp.push_back(nullptr);

    k.started_ns = clock_ns(CLOCK_MONOTONIC);
    k.pid = fork();
    if (k.pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    if (k.pid == 0) {
        dup2(fd, STDOUT_FILENO);
        dup2(fd, STDERR_FILENO);
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    close(fd);
    return k;
}

// Waits up to timeout_s for the child to end; nothing if it is still running. Blocks in
// poll() on a pidfd rather than polling waitpid, so the bench takes no CPU from the kiosk.
std::optional<Ended> wait_for(pid_t pid, double timeout_s) {
    Ended e;
    const int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
    if (pidfd >= 0) {
        pollfd p{pidfd, POLLIN, 0};
        const int ready = poll(&p, 1, static_cast<int>(timeout_s * 1000));
        close(pidfd);
        if (ready <= 0) return std::nullopt;
        if (wait4(pid, &e.status, 0, &e.usage) == pid) return e;
        return std::nullopt;
    }
    // Kernels before 5.3 have no pidfd: poll waitpid instead.
    for (double waited = 0; waited < timeout_s; waited += 0.005) {
        if (wait4(pid, &e.status, WNOHANG, &e.usage) == pid) return e;
        sleep_s(0.005);
    }
    return std::nullopt;
}

// Asks the kiosk to stop as a service manager would (SIGTERM), and kills it if it will not.
Ended stop_kiosk(const KioskProcess& k) {
    kill(k.pid, SIGTERM);
    if (auto e = wait_for(k.pid, 5)) return *e;
    kill(k.pid, SIGKILL);
    Ended e = wait_for(k.pid, 5).value_or(Ended{});
    e.ignored_sigterm = true;
    return e;
}

std::string take_log(const KioskProcess& k) {
    std::string text = read_file(k.log);
    std::remove(k.log.c_str());
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

// The kiosk writes "anteroom: ..." only when something is wrong: broken content or config
// (it then shows only "being prepared"), or a missing font (ImGui's own font stands in).
// Either way it is not the program a clinic runs, so its figures would mislead.
void require_clean_log(const std::string& log) {
    const size_t at = log.find("anteroom: ");
    if (at == std::string::npos) return;
    const size_t end = log.find('\n', at);
    throw std::runtime_error("the kiosk reported a problem: " + log.substr(at, end == std::string::npos ? end : end - at));
}

// [SECTION] 1. Start to first frame =========================================================

// One run: fork+exec to the first_frame_monotonic_ns the kiosk prints after glFinish.
double first_frame_ms(const std::string& backend, const std::vector<std::string>& extra_args = {}) {
    const KioskProcess k = start_kiosk(backend, true, extra_args);
    const std::optional<Ended> e = wait_for(k.pid, 30);
    if (!e) {
        kill(k.pid, SIGKILL);
        wait_for(k.pid, 5);
        throw std::runtime_error("no first frame within 30 s: " + take_log(k));
    }
    const std::string log = take_log(k);
    const size_t at = log.find("first_frame_monotonic_ns=");
    if (at == std::string::npos || !WIFEXITED(e->status) || WEXITSTATUS(e->status) != 0)
        throw std::runtime_error(e->how() + " without a first frame: " + log);
    require_clean_log(log);
    const long long presented = std::atoll(log.c_str() + at + std::strlen("first_frame_monotonic_ns="));
    return (presented - k.started_ns) / 1e6;
}

void bench_startup(const Options& o) {
    for (const std::string backend : kBackends) {
        const std::string what = std::string("start to first frame, ") + backend_name(backend);
        try {
            // The very first start pays for the disk cache and Mesa's shader cache: shown
            // as information, left out of the median that a restart of a running kiosk sees.
            const double cold = first_frame_ms(backend);
            progress("  %s: cold start %.1f ms (not counted)\n", what.c_str(), cold);
            std::vector<double> ms;
            for (int run = 0; run < o.process_runs(); ++run) {
                sleep_s(0.3);  // let Xvfb finish with the last window
                ms.push_back(first_frame_ms(backend));
                progress("  %s: run %d/%d %.1f ms\n", what.c_str(), run + 1, o.process_runs(), ms.back());
            }
            add_row(what, "ms", ms, 150);
            add_row("  first start, cold caches, " + std::string(backend_name(backend)), "ms", {cold});
        } catch (const std::exception& ex) {
            add_failure(what, ex.what());
        }
    }
    note("start to first frame: CLOCK_MONOTONIC before fork to the kiosk's first_frame_monotonic_ns (after glFinish); "
         "the first start of each backend warms the caches and is shown apart, not in the median.");
}

// [SECTION] 2. Memory =======================================================================

void bench_memory(const Options& o) {
    note("PSS shares each library page among the processes mapping it, so it falls when other GL programs run; "
         "peak RSS is the steadier figure.");
    for (const std::string backend : kBackends) {
        const std::string name = backend_name(backend);
        try {
            std::vector<double> pss, rss;
            std::string ended;
            for (int run = 0; run < o.process_runs(); ++run) {
                const KioskProcess k = start_kiosk(backend, false);
                // First frames are up well within 1 s (section 1); then sample as it sits.
                sleep_s(1.0);
                long long peak_pss = -1;
                for (int i = 0; i < 10; ++i) {
                    peak_pss = std::max(peak_pss, pss_kb(k.pid));
                    sleep_s(0.2);
                }
                const Ended e = stop_kiosk(k);
                const std::string log = take_log(k);
                if (peak_pss < 0) throw std::runtime_error("the kiosk exited early (" + e.how() + "): " + log);
                require_clean_log(log);
                pss.push_back(peak_pss / 1024.0);
                rss.push_back(e.usage.ru_maxrss / 1024.0);  // ru_maxrss is in KiB on Linux
                ended = e.how();
                progress("  memory, %s: run %d/%d PSS %.1f MiB, peak RSS %.1f MiB, on SIGTERM: %s\n", name.c_str(), run + 1,
                         o.process_runs(), pss.back(), rss.back(), ended.c_str());
            }
            add_row("PSS while running (max over 2 s), " + name, "MiB", pss);
            add_row("peak RSS (ru_maxrss), " + name, "MiB", rss);
            note(name + " on SIGTERM: " + ended + (ended == "exit 0" ? " (clean shutdown)" : " (NOT a clean shutdown)"));
        } catch (const std::exception& ex) {
            add_failure("memory, " + name, ex.what());
        }
    }
}

// [SECTION] 3. CPU on a static screen =======================================================

void bench_idle(const Options& o) {
    const long ticks_per_s = sysconf(_SC_CLK_TCK);
    const double window = o.idle_window_s();
    for (const std::string backend : kBackends) {
        const std::string what = "idle CPU, attract screen, " + std::string(backend_name(backend));
        try {
            std::vector<double> percent, wakeups;
            for (int run = 0; run < o.process_runs(); ++run) {
                // Runs one at a time: with two kiosks on a two-core machine, each would share
                // Xvfb and the cores with the other, and any busy loop would hide in the noise.
                const KioskProcess k = start_kiosk(backend, false);
                sleep_s(2.0);  // start-up and the settling frames are not "idle"
                const long long ticks0 = cpu_ticks(k.pid), switches0 = voluntary_switches(k.pid);
                const std::int64_t t0 = clock_ns(CLOCK_MONOTONIC);
                sleep_s(window);
                const long long ticks1 = cpu_ticks(k.pid), switches1 = voluntary_switches(k.pid);
                const double elapsed = (clock_ns(CLOCK_MONOTONIC) - t0) / 1e9;
                const Ended e = stop_kiosk(k);
                const std::string log = take_log(k);
                if (ticks0 < 0 || ticks1 < 0) throw std::runtime_error("the kiosk exited early (" + e.how() + "): " + log);
                require_clean_log(log);
                percent.push_back(100.0 * (ticks1 - ticks0) / ticks_per_s / elapsed);
                wakeups.push_back((switches1 - switches0) / elapsed);
                progress("  %s: run %d/%d %.3f %% of a core, %.1f wakeups/s over %.0f s\n", what.c_str(), run + 1,
                         o.process_runs(), percent.back(), wakeups.back(), elapsed);
            }
            add_row(what, "% core", percent, 0.5);
            add_row("  wakeups (voluntary switches), " + std::string(backend_name(backend)), "/s", wakeups);
        } catch (const std::exception& ex) {
            add_failure(what, ex.what());
        }
    }
    char text[200];
    std::snprintf(text, sizeof text,
                  "idle CPU is the kiosk's own utime+stime (/proc/PID/stat, 10 ms ticks) over %.0f s, from 2 s after "
                  "start; Xvfb's work is not counted.",
                  window);
    note(text);
}

// [SECTION] 4. CPU per frame, headless ======================================================

const char* const kModule = "Understanding your treatment";

void require(bool ok, const std::string& what) {
    if (!ok) throw std::runtime_error("navigation failed: " + what);
}

// Walks a patient's way from the attract screen into the module, by the words on the
// buttons, then on to the screen where pred() holds.
template <typename Pred>
void open_module_screen(Headless& h, Pred pred) {
    if (!h.ui().font_error().empty()) throw std::runtime_error(h.ui().font_error());  // not the real fonts: not real figures
    require(h.tap(h.text("attract.touch")), "no \"" + h.text("attract.touch") + "\" on the attract screen");
    require(h.tap(anteroom::locale_native_name("en")), "no English on the language screen");
    require(h.tap(kModule), std::string("no module card \"") + kModule + "\"");
    for (int i = 0; i < 30 && h.session().place == Place::Module; ++i) {
        if (pred(*h.kiosk().current_screen())) return;
        require(h.tap(h.text("nav.next")), "no Next button");
    }
    throw std::runtime_error("navigation failed: the module has no such screen");
}

bool is_faq(const anteroom::ShownScreen& s) { return s.kind->name == "faq"; }
bool is_text(const anteroom::ShownScreen& s) { return s.kind->name == "text"; }

// Opens every answer: by tapping the question where it is on screen, as a patient would;
// questions pushed below the fold by answers already open are toggled directly.
void open_all_answers(Headless& h) {
    const auto& questions = h.kiosk().current_screen()->items;
    for (size_t i = 0; i < questions.size(); ++i) {
        if (h.session().open_items.contains(static_cast<int>(i))) continue;
        if (!h.tap(questions[i].text("q").line)) h.kiosk().apply({Intent::ToggleItem, static_cast<int>(i)}, h.now());
    }
    h.frames(3);
    require(h.session().open_items.size() == questions.size(), "not every FAQ answer opened");
}

// CPU ms per frame over `frames` frames with no input: the steady state of a screen someone
// is reading. The idle timer is reset first, so the warning overlay never appears mid-run.
double steady_frame_ms(Headless& h, int frames) {
    const anteroom::Session before = h.session();
    h.kiosk().touched(h.now());
    const std::int64_t t0 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
    h.frames(frames);
    const std::int64_t t1 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
    require(h.session().place == before.place && h.session().screen == before.screen &&
                h.session().open_items == before.open_items,
            "the screen changed while measuring");
    return (t1 - t0) / 1e6 / frames;
}

void bench_frames(const Options&) {
    constexpr int kFrames = 2000, kReps = 5;
    const ImVec2 display{kWidth, kHeight};
    // One Headless at a time: Headless's constructor configures whichever ImGui context is
    // current, so a second one alive at once would be set up wrongly.
    try {
        Headless h(display);
        open_module_screen(h, is_faq);
        open_all_answers(h);
        h.frames(10);  // scroll extent and layout settle over a couple of frames
        std::vector<double> ms;
        for (int rep = 0; rep < kReps; ++rep) ms.push_back(steady_frame_ms(h, kFrames));
        progress("  FAQ, all answers open: %.4f ms/frame (median of %d x %d frames)\n", summarise(ms).median, kReps, kFrames);
        add_row("CPU/frame, FAQ with every answer open", "ms", ms, 0.5);

        // A fresh KioskUi rebuilds the font atlas and starts with an empty layout cache, as
        // a language change does, but stays in English with Headless's own kiosk; section 5
        // measures real changes between the six languages.
        std::vector<double> atlas, layout;
        for (int rep = 0; rep < kReps; ++rep) {
            h.new_ui();
            const std::int64_t t0 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
            h.ui().prepare(h.kiosk(), display);
            const std::int64_t t1 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
            h.frame();
            const std::int64_t t2 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
            atlas.push_back((t1 - t0) / 1e6);
            layout.push_back((t2 - t1) / 1e6);
        }
        add_row("fresh UI in English: font atlas build", "ms", atlas);
        add_row("fresh UI in English: first FAQ frame", "ms", layout);
    } catch (const std::exception& ex) {
        add_failure("CPU/frame, FAQ", ex.what());
    }

    try {
        Headless h(display);
        open_module_screen(h, is_text);
        h.frames(10);
        std::vector<double> ms;
        for (int rep = 0; rep < kReps; ++rep) ms.push_back(steady_frame_ms(h, kFrames));
        progress("  text screen: %.4f ms/frame\n", summarise(ms).median);
        add_row("CPU/frame, text screen \"" + h.kiosk().current_screen()->text("title").line + "\"", "ms", ms, 0.5);
    } catch (const std::exception& ex) {
        add_failure("CPU/frame, text screen", ex.what());
    }

    // Arriving on a screen lays out text never laid out before. The cache keeps layouts
    // for the life of the fonts, so each sample needs a new UI that has not seen the FAQ.
    try {
        std::vector<double> ms;
        for (int rep = 0; rep < kReps; ++rep) {
            Headless h(display);
            open_module_screen(h, is_faq);
            h.kiosk().apply({Intent::Back}, h.now());  // the screen before the FAQ...
            h.frames(3);
            h.kiosk().apply({Intent::Next}, h.now());  // ...and on to it, answers open at once
            for (int i = 0; i < static_cast<int>(h.kiosk().current_screen()->items.size()); ++i)
                h.kiosk().apply({Intent::ToggleItem, i}, h.now());
            const std::int64_t t0 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
            h.frame();
            ms.push_back((clock_ns(CLOCK_PROCESS_CPUTIME_ID) - t0) / 1e6);
        }
        add_row("first frame on the FAQ, every answer open", "ms", ms);
    } catch (const std::exception& ex) {
        add_failure("first frame on the FAQ", ex.what());
    }
    note("CPU/frame is CLOCK_PROCESS_CPUTIME_ID over 2000 headless frames x 5: ImGui::NewFrame, the screen and "
         "ImGui::Render (draw lists); the GL draw and swap of the real program are not included.");
}

// One patient's walk through the education module, attract screen to end, made by the real
// Runner's event-driven loop on the headless platform: the patient reads each screen for a
// while (simulated time), then taps. The figures are the frames the loop chose to draw and
// the CPU they cost, so they show the idling too: a frame only when something changed.
class WalkingPatient : public anteroom::platform::HeadlessPlatform {
public:
    WalkingPatient(ImVec2 display, const anteroom::ui::KioskUi& ui, std::vector<std::function<std::string()>> labels)
        : HeadlessPlatform(display), ui_(ui), labels_(std::move(labels)) {}

    anteroom::platform::Wake wait(double timeout_s) override {
        using anteroom::platform::Wake;
        if (lifting_) {  // the finger lifts a tenth of a second after it touched
            advance(0.1);
            pointer(pointer_pos(), false);
            lifting_ = false;
            return Wake::Input;
        }
        const double touch_at = last_input_ + kReadingSeconds;
        if (step_ < labels_.size() && (timeout_s < 0 || now() + timeout_s >= touch_at)) {
            advance(touch_at - now());
            const anteroom::ui::ProbeItem* item = ui_.probe().find(labels_[step_]());
            if (!item) throw std::runtime_error("the walk found no \"" + labels_[step_]() + "\" to tap");
            pointer(item->visible.GetCenter(), true);
            lifting_ = true;
            last_input_ = now();
            ++step_;
            return Wake::Input;
        }
        if (timeout_s < 0) return Wake::Quit;
        advance(timeout_s > 0 ? timeout_s : kFrameStep);
        return Wake::Timeout;
    }
    bool done() const { return step_ == labels_.size() && !lifting_; }

    static constexpr double kReadingSeconds = 20;

private:
    const anteroom::ui::KioskUi& ui_;
    std::vector<std::function<std::string()>> labels_;
    size_t step_ = 0;
    bool lifting_ = false;
    double last_input_ = 1000;
};

void bench_walk(const Options& o) {
    try {
        std::vector<double> frames, cpu_ms, taps;
        for (int rep = 0; rep < (o.quick ? 1 : 5); ++rep) {
            anteroom::ui::ImGuiContextScope imgui;
            anteroom::Kiosk kiosk = anteroom::testing::bundled_kiosk(1000);
            anteroom::ui::KioskUi ui;
            std::vector<std::function<std::string()>> labels = {
                [&] { return kiosk.shown().text("attract.touch"); }, [] { return std::string("English"); },
                [&] { return kiosk.shown().modules.at(0).title; }};
            const size_t screens = kiosk.presentation("en").modules.at(0).screens.size();
            for (size_t i = 0; i < screens; ++i)
                labels.push_back([&, last = i + 1 == screens] { return kiosk.shown().text(last ? "nav.finish" : "nav.next"); });
            WalkingPatient patient({kWidth, kHeight}, ui, labels);
            anteroom::platform::Runner runner(patient, kiosk, ui);
            const std::int64_t t0 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
            runner.run([&] { return !(patient.done() && kiosk.session().place == Place::End); });
            cpu_ms.push_back((clock_ns(CLOCK_PROCESS_CPUTIME_ID) - t0) / 1e6);
            require(kiosk.session().place == Place::End, "the walk did not reach the end screen");
            frames.push_back(runner.frames());
            taps.push_back(static_cast<double>(labels.size()));
        }
        add_row("walk attract to end with the runner: taps", "count", taps);
        add_row("walk attract to end with the runner: frames drawn", "count", frames);
        add_row("walk attract to end with the runner: CPU", "ms", cpu_ms);
        note("The walk: one tap every 20 s of simulated time, a finger lifted 0.1 s after it touched; its CPU includes the "
             "first atlas builds (on the worker) and every screen's first layout.");
    } catch (const std::exception& ex) {
        add_failure("walk attract to end with the runner", ex.what());
    }
}

// [SECTION] 5. Languages ====================================================================

// The order a visitor trying the languages might take; each switch starts from the language
// before it, and the last goes back to English.
const char* const kSwitchTo[] = {"es", "zh-Hans", "vi", "ko", "ar", "en"};

// A copy of content/anteroom.toml that starts the kiosk in `locale`, as a temporary file.
std::string config_file_for(const std::string& locale) {
    std::istringstream in(read_file(anteroom::testing::source_path("content/anteroom.toml")));
    std::string text, line;
    bool replaced = false;
    while (std::getline(in, line)) {
        if (line.starts_with("default_locale")) line = "default_locale = \"" + locale + "\"", replaced = true;
        text += line + "\n";
    }
    if (!replaced) text += "default_locale = \"" + locale + "\"\n";
    char path[] = "/tmp/anteroom-bench-XXXXXX.toml";
    const int fd = mkstemps(path, 5);
    if (fd < 0) throw std::runtime_error(std::string("mkstemps: ") + std::strerror(errno));
    const bool written = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    close(fd);
    if (!written) throw std::runtime_error(std::string("cannot write ") + path);
    return path;
}

const char* const kStartLocales[] = {"zh-Hans", "ar"};

void bench_locale_startup(const Options& o) {
    for (const std::string locale : kStartLocales) {
        const std::string what = "start to first frame, SDL2, " + locale;
        std::string config;
        try {
            config = config_file_for(locale);
            const std::vector<std::string> args = {"--config", config};
            const double first = first_frame_ms("sdl", args);
            progress("  %s: first start %.1f ms (not counted)\n", what.c_str(), first);
            std::vector<double> ms;
            for (int run = 0; run < o.process_runs(); ++run) {
                sleep_s(0.3);
                ms.push_back(first_frame_ms("sdl", args));
                progress("  %s: run %d/%d %.1f ms\n", what.c_str(), run + 1, o.process_runs(), ms.back());
            }
            add_row(what, "ms", ms, 150);
            add_row("  first start in " + locale + ", SDL2", "ms", {first});
        } catch (const std::exception& ex) {
            add_failure(what, ex.what());
        }
        if (!config.empty()) std::remove(config.c_str());
    }
    note("start to first frame in zh-Hans and ar: as for English, with --config naming a copy of content/anteroom.toml "
         "whose default_locale is that language, so the attract screen and its atlas are built in it.");
}

// Where an atlas's pixels go: per font role, its glyphs and the atlas pixels they cover,
// split by the script (and so the font) they come from.
struct RoleUse {
    std::string name;
    float size = 0;
    int glyphs = 0, cjk_glyphs = 0, arabic_glyphs = 0;
    double px = 0, cjk_px = 0, arabic_px = 0;
};

bool is_cjk(unsigned cp) {
    return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xA960 && cp <= 0xA97F) ||
           (cp >= 0xAC00 && cp <= 0xD7FF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
           (cp >= 0xFF00 && cp <= 0xFFEF);
}
bool is_arabic(unsigned cp) {
    return (cp >= 0x0600 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
}

std::vector<RoleUse> atlas_roles(const anteroom::ui::FontSet& f, const ImFontAtlas& atlas) {
    const std::pair<const char*, ImFont*> roles[] = {{"body", f.body[0]},      {"bold", f.body[1]},   {"italic", f.body[2]},
                                                     {"bold italic", f.body[3]}, {"small", f.small},  {"heading", f.heading},
                                                     {"title", f.title},        {"display", f.display}};
    std::vector<RoleUse> out;
    std::vector<const ImFont*> seen;
    for (const auto& [name, font] : roles) {
        if (!font) continue;
        if (std::find(seen.begin(), seen.end(), font) != seen.end()) continue;  // CJK italics share the upright font
        seen.push_back(font);
        RoleUse r{name, font->FontSize};
        for (const ImFontGlyph& g : font->Glyphs) {
            const double px = (g.U1 - g.U0) * atlas.TexWidth * ((g.V1 - g.V0) * atlas.TexHeight);
            ++r.glyphs;
            r.px += px;
            if (is_cjk(g.Codepoint)) ++r.cjk_glyphs, r.cjk_px += px;
            if (is_arabic(g.Codepoint)) ++r.arabic_glyphs, r.arabic_px += px;
        }
        out.push_back(r);
    }
    return out;
}

// The last row of the atlas that holds a glyph: what is left below is power-of-two padding.
int atlas_rows_used(const ImFontAtlas& atlas) {
    float v = 0;
    for (const ImFont* font : atlas.Fonts)
        for (const ImFontGlyph& g : font->Glyphs) v = std::max(v, g.V1);
    return static_cast<int>(std::ceil(v * atlas.TexHeight));
}

std::string describe_atlas(const std::vector<RoleUse>& roles, const ImFontAtlas& atlas) {
    double total = 0;
    for (const RoleUse& r : roles) total += r.px;
    char text[400];
    std::snprintf(text, sizeof text, "%dx%d, rows used %d; glyph pixels %.2f M of %.2f M:", atlas.TexWidth, atlas.TexHeight,
                  atlas_rows_used(atlas), total / 1e6, 1.0 * atlas.TexWidth * atlas.TexHeight / 1e6);
    std::string s = text;
    for (const RoleUse& r : roles) {
        std::snprintf(text, sizeof text, " %s %.0fpx %d glyphs %.2f M (%.0f%%", r.name.c_str(), r.size, r.glyphs, r.px / 1e6,
                      total > 0 ? 100 * r.px / total : 0.0);
        s += text;
        if (r.cjk_glyphs) std::snprintf(text, sizeof text, "; CJK %d glyphs %.2f M", r.cjk_glyphs, r.cjk_px / 1e6), s += text;
        if (r.arabic_glyphs)
            std::snprintf(text, sizeof text, "; Arabic %d glyphs %.2f M", r.arabic_glyphs, r.arabic_px / 1e6), s += text;
        s += ");";
    }
    s.pop_back();
    return s;
}

struct LocaleFigures {
    std::vector<double> present, prepare, frame, total, texture_mib, build, build_cpu;
    std::string atlas;         // WxH
    std::string roles;         // describe_atlas, from the last run
    bool kept_answers = true;  // the open FAQ answers stayed open
};

void bench_locales(const Options&) {
    constexpr int kRuns = 5;
    const ImVec2 display{kWidth, kHeight};
    std::map<std::string, LocaleFigures> figures;
    try {
        anteroom::ui::FontFiles font_files;
        for (int run = 0; run < kRuns; ++run) {
            // A fresh kiosk each run: no language but English has been presented yet, as
            // when the first patient of the day changes language.
            Headless h(display);
            h.frames(2);  // with the constructor's, the three after which the worker starts
            // The worker builds every language's atlas once the first screen is up; a patient
            // changes language after reading for a while, so wait for it (at most 10 s).
            for (int wait = 0; wait < 1000 && !h.ui().fonts_prebuilt(); ++wait)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            require(h.ui().fonts_prebuilt(), "the font atlases were not built within 10 s");
            for (const char* locale : kSwitchTo) {
                const auto& available = h.kiosk().locales();
                if (std::find(available.begin(), available.end(), locale) == available.end())
                    throw std::runtime_error(std::string(locale) + " is not offered (its interface translation is incomplete or stale)");
            }
            open_module_screen(h, is_faq);
            open_all_answers(h);
            h.frames(10);
            for (const char* locale : kSwitchTo) {
                const anteroom::Session before = h.session();
                const std::int64_t t0 = clock_ns(CLOCK_MONOTONIC);
                h.kiosk().apply({Intent::ChooseLanguage, -1, locale}, h.now());
                const std::int64_t t1 = clock_ns(CLOCK_MONOTONIC);
                const bool rebuilt = h.ui().prepare(h.kiosk(), display);
                const std::int64_t t2 = clock_ns(CLOCK_MONOTONIC);
                h.frame();  // its prepare() finds the fonts already right
                const std::int64_t t3 = clock_ns(CLOCK_MONOTONIC);
                const anteroom::Session& after = h.session();
                require(after.locale == locale, std::string("the language did not change to ") + locale);
                require(rebuilt, std::string("no font atlas rebuild for ") + locale);
                require(after.place == before.place && after.module == before.module && after.screen == before.screen &&
                            after.page == before.page,
                        std::string("changing to ") + locale + " lost the place (module " + std::to_string(before.module) + " screen " +
                            std::to_string(before.screen) + " -> module " + std::to_string(after.module) + " screen " +
                            std::to_string(after.screen) + ")");
                if (!h.ui().font_error().empty()) throw std::runtime_error(h.ui().font_error());

                ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
                LocaleFigures& f = figures[locale];
                f.kept_answers = f.kept_answers && after.open_items == before.open_items;
                f.present.push_back((t1 - t0) / 1e6);
                f.prepare.push_back((t2 - t1) / 1e6);
                f.frame.push_back((t3 - t2) / 1e6);
                f.total.push_back((t3 - t0) / 1e6);
                // The real program uploads these pixels as they are: one byte each (opengl.cpp).
                unsigned char* pixels = nullptr;
                int w = 0, hgt = 0;
                atlas.GetTexDataAsAlpha8(&pixels, &w, &hgt);
                f.texture_mib.push_back(1.0 * w * hgt / (1 << 20));
                f.atlas = std::to_string(w) + "x" + std::to_string(hgt);
                {  // what the worker spent on this atlas: a cold build, font files already mapped
                    ImFontAtlas cold;
                    anteroom::ui::FontSet set;
                    std::string error;
                    const anteroom::ui::FontText text = anteroom::ui::font_text(h.kiosk(), locale);
                    const std::int64_t b0 = clock_ns(CLOCK_MONOTONIC), c0 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
                    anteroom::ui::build_fonts(cold, font_files, h.ui().fonts().em, locale, text, &set, &error);
                    f.build.push_back((clock_ns(CLOCK_MONOTONIC) - b0) / 1e6);
                    f.build_cpu.push_back((clock_ns(CLOCK_PROCESS_CPUTIME_ID) - c0) / 1e6);
                }
                const std::vector<RoleUse> roles = atlas_roles(h.ui().fonts(), atlas);
                f.roles = describe_atlas(roles, atlas);
                progress("  run %d/%d, to %-7s %6.1f ms (present %.1f, atlas %.1f, frame %.1f), atlas %s\n", run + 1, kRuns,
                         locale, f.total.back(), f.present.back(), f.prepare.back(), f.frame.back(), f.atlas.c_str());
                h.frames(5);
            }
        }
    } catch (const std::exception& ex) {
        add_failure("language switch", ex.what());
        return;
    }

    for (const char* locale : kSwitchTo) {
        const LocaleFigures& f = figures[locale];
        const bool cjk = anteroom::ui::is_cjk_locale(locale);  // the atlas targets are for these
        add_row(std::string("language switch to ") + locale + ", FAQ open", "ms", f.total, 50);
        add_row(std::string("  atlas swap for ") + locale + " (prepare)", "ms", f.prepare, cjk ? 10 : -1);
        add_row(std::string("  atlas build for ") + locale + " (worker, in the background)", "ms", f.build, cjk ? 10 : -1);
        add_row(std::string("  atlas build for ") + locale + ", CPU time, all threads", "ms", f.build_cpu);
        add_row("  atlas " + f.atlas + " texture, " + locale, "MiB", f.texture_mib, cjk ? 4 : -1);
    }
    note("language switch: CLOCK_MONOTONIC from Kiosk::apply(ChooseLanguage) through KioskUi::prepare (the worker "
         "thread drew the glyphs after the first frame, the bench waits for it; the UI thread then assembles the atlas) and one headless frame (NewFrame, ui.frame, Render) on the FAQ with every answer open, 1920x1080, "
         "in the order es, zh-Hans, vi, ko, ar, en from a fresh kiosk each of 5 runs (so each language is presented for "
         "the first time). Place, module, screen and route are checked unchanged after each switch. Not included: the "
         "real program's upload of the atlas (glTexImage2D).");
    note("atlas build: build_fonts() from scratch in the bench's thread, font files already mapped, as the worker "
         "and the UI thread do it: glyphs packed with stb_rect_pack and drawn on every core (here " + std::to_string(std::thread::hardware_concurrency()) +
         "), then the atlas assembled. Wall time, and the CPU time of every thread of the process while it ran.");
    note("atlas size: TexWidth x TexHeight at one byte a pixel, in MiB (4 MiB = 4194304 bytes): the Alpha8 pixels ImGui "
         "rasterises, kept in memory, and the GL_R8 texture they are uploaded to (opengl.cpp; no RGBA32 copy is made).");
    for (const char* locale : kSwitchTo) {
        const LocaleFigures& f = figures[locale];
        char text[300];
        std::snprintf(text, sizeof text,
                      "switch to %s, medians: present (apply) %.2f ms, atlas (prepare) %.2f ms, first frame %.2f ms; "
                      "open answers %s",
                      locale, summarise(f.present).median, summarise(f.prepare).median, summarise(f.frame).median,
                      f.kept_answers ? "kept" : "NOT kept");
        note(text);
    }
    for (const char* locale : kSwitchTo) note(std::string("atlas ") + locale + ": " + figures[locale].roles);

}

// [SECTION] 6. Speech ======================================================================

const char* const kSpeechLocales[] = {"en", "es", "zh-Hans", "vi", "ko", "ar"};

// A real page of the education module in a language, as speech reads it.
std::vector<anteroom::Utterance> speech_page(const anteroom::Kiosk& kiosk, const std::string& locale, const std::string& screen) {
    for (const anteroom::ReadingPage& page : anteroom::read_everything(kiosk, locale))
        if (page.name.ends_with(": " + screen)) return anteroom::utterances(page);
    throw std::runtime_error("no " + screen + " screen in " + locale);
}

template <typename Pred>
bool poll_until(Pred pred, double timeout_s) {
    const std::int64_t end = clock_ns(CLOCK_MONOTONIC) + static_cast<std::int64_t>(timeout_s * 1e9);
    while (!pred()) {
        if (clock_ns(CLOCK_MONOTONIC) > end) return false;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    return true;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p / 100 * static_cast<double>(v.size())))];
}

void bench_speech(const Options& o) {
    setenv("SDL_AUDIODRIVER", "dummy", 0);
    const int runs = o.quick ? 2 : 7;
    anteroom::Kiosk kiosk = anteroom::testing::bundled_kiosk(1000);
    std::string driver;
    try {
        anteroom::platform::Speaker speaker(anteroom::testing::source_path("assets"));
        const anteroom::platform::SpeechStatus first = speaker.status();
        if (!first.audio_available) throw std::runtime_error(first.problem);
        driver = SDL_GetCurrentAudioDriver() ? SDL_GetCurrentAudioDriver() : "?";

        // 6a. speak() of the routes screen to the first sample the device callback takes. The
        // languages take turns, so every speak() also loads its voice, as a language change does.
        std::map<std::string, std::vector<double>> latency;
        std::vector<double> call_us;
        std::map<std::string, std::vector<anteroom::Utterance>> pages;
        for (const char* locale : kSpeechLocales) pages[locale] = speech_page(kiosk, locale, "routes");
        for (int run = 0; run < runs; ++run)
            for (const char* locale : kSpeechLocales) {
                speaker.stop();
                sleep_s(0.05);
                const std::int64_t t0 = clock_ns(CLOCK_MONOTONIC);
                speaker.speak("education/routes", locale, pages[locale]);
                call_us.push_back((clock_ns(CLOCK_MONOTONIC) - t0) / 1e3);
                if (!poll_until([&] { return speaker.status().first_sample_ns != 0; }, 5))
                    throw std::runtime_error(std::string("no audio within 5 s in ") + locale + ": " + speaker.status().problem);
                latency[locale].push_back((speaker.status().first_sample_ns - t0) / 1e6);
            }
        for (const char* locale : kSpeechLocales) {
            add_row(std::string("speech: speak() to first sample, ") + locale, "ms", latency[locale], 300);
            progress("  speak() to first sample, %s: median %.1f ms, max %.1f ms\n", locale, summarise(latency[locale]).median,
                     summarise(latency[locale]).max);
        }
        add_row("speech: the speak() call itself", "us", call_us);

        // 6b. CPU of the whole process while a long page plays in real time.
        const std::vector<anteroom::Utterance> faq = speech_page(kiosk, "en", "faq");
        const double window = o.quick ? 5 : 20;
        speaker.stop();
        sleep_s(0.2);
        const std::int64_t c0 = clock_ns(CLOCK_PROCESS_CPUTIME_ID), w0 = clock_ns(CLOCK_MONOTONIC);
        speaker.speak("education/faq", "en", faq);
        sleep_s(window);
        const double cpu = (clock_ns(CLOCK_PROCESS_CPUTIME_ID) - c0) / 1e9, wall = (clock_ns(CLOCK_MONOTONIC) - w0) / 1e9;
        if (!speaker.status().speaking) note("speech CPU: the FAQ page ended before the window did");
        speaker.stop();
        add_row("speech: CPU while reading the FAQ aloud", "% core", {100 * cpu / wall});
        progress("  CPU while speaking: %.2f %% of a core over %.0f s\n", 100 * cpu / wall, wall);
    } catch (const std::exception& ex) {
        add_failure("speech", ex.what());
        return;
    }

    // 6b'. The patient's own wait: a tap on "Read aloud" on the first module screen, through the
    // real UI and runner (which reads the page and calls speak()), to the first sample heard.
    try {
        std::vector<double> tap_ms;
        for (int run = 0; run < runs; ++run) {
            Headless h({kWidth, kHeight});
            anteroom::platform::Speaker& speaker = h.speak_into(nullptr);
            if (!speaker.status().audio_available) throw std::runtime_error(speaker.status().problem);
            open_module_screen(h, [](const anteroom::ShownScreen&) { return true; });
            h.frames(5);
            const std::int64_t t0 = clock_ns(CLOCK_MONOTONIC);
            if (!h.tap(h.text("speech.read"))) throw std::runtime_error("no Read aloud button");
            if (!poll_until([&] { return speaker.status().first_sample_ns != 0; }, 5)) throw std::runtime_error("no audio within 5 s");
            tap_ms.push_back((speaker.status().first_sample_ns - t0) / 1e6);
        }
        add_row("speech: tap on Read aloud to first sample heard", "ms", tap_ms, 300);
        progress("  tap on Read aloud to first sample: median %.1f ms, max %.1f ms\n", summarise(tap_ms).median, summarise(tap_ms).max);
    } catch (const std::exception& ex) {
        add_failure("speech from a tap", ex.what());
    }

    // 6c. Frames of the headless runner while speech is synthesised beside it: each frame's
    // wall time, with a new page in a new language every half second, so synthesis (and
    // voice loading) runs on the worker the whole time, against the same frames without it.
    try {
        const int frames = o.quick ? 300 : 900;
        std::vector<double> quiet, speaking;
        std::map<std::string, std::vector<anteroom::Utterance>> pages;
        for (const char* locale : kSpeechLocales) pages[locale] = speech_page(kiosk, locale, "faq");
        for (int pass = 0; pass < 2; ++pass) {
            Headless h({kWidth, kHeight});
            open_module_screen(h, is_faq);
            open_all_answers(h);
            h.frames(10);
            std::optional<anteroom::platform::Speaker> speaker;
            if (pass == 1) speaker.emplace(anteroom::testing::source_path("assets"));
            std::vector<double>& ms = pass == 0 ? quiet : speaking;
            for (int i = 0; i < frames; ++i) {
                if (speaker && i % 30 == 0) {
                    const char* locale = kSpeechLocales[(i / 30) % std::size(kSpeechLocales)];
                    speaker->speak("education/faq", locale, pages[locale]);
                }
                h.kiosk().touched(h.now());
                const std::int64_t t0 = clock_ns(CLOCK_MONOTONIC);
                h.frame();
                ms.push_back((clock_ns(CLOCK_MONOTONIC) - t0) / 1e6);
                // The runner's pace on a 60 Hz display, so the worker has the time it has there.
                std::this_thread::sleep_for(std::chrono::microseconds(16667) - std::chrono::nanoseconds(clock_ns(CLOCK_MONOTONIC) - t0));
            }
        }
        add_row("frame time, FAQ open, no speech: max", "ms", {summarise(quiet).max}, 16.7);
        add_row("frame time, FAQ open, no speech: 99th percentile", "ms", {percentile(quiet, 99)});
        add_row("frame time, FAQ open, speech synthesised: max", "ms", {summarise(speaking).max}, 16.7);
        add_row("frame time, FAQ open, speech synthesised: 99th percentile", "ms", {percentile(speaking, 99)});
        add_row("frame time, FAQ open, speech synthesised: median", "ms", {summarise(speaking).median});
        progress("  frames while synthesising: max %.2f ms, p99 %.2f ms (without speech: max %.2f, p99 %.2f)\n",
                 summarise(speaking).max, percentile(speaking, 99), summarise(quiet).max, percentile(quiet, 99));
    } catch (const std::exception& ex) {
        add_failure("frame time while speaking", ex.what());
    }
    note("speech: SDL audio driver \"" + driver + "\" (SDL_AUDIODRIVER, dummy when unset: it takes samples in real time " +
         "with no sound card). speak() to first sample: CLOCK_MONOTONIC before speak() to the device callback's first " +
         "sample of it, the routes screen, the six languages in turn (" + std::to_string(runs) + " rounds), so each includes " +
         "loading its voice; the sound card's own buffer comes on top. CPU: the process's CPU time over wall time while " +
         "the English FAQ (every answer open) plays. Frame time: wall time of each headless frame of the FAQ with every " +
         "answer open, paced at 60 Hz, while a new page in the next language is spoken every 30 frames.");
}

// [SECTION] Event store =====================================================================

anteroom::Record bench_record(int i) {
    anteroom::Record r = anteroom::testing::sample_record(
        "2026-11-30", i % 2 ? anteroom::RecordType::ModuleStarted : anteroom::RecordType::QuestionAnswered, "bench");
    r.locale = i % 3 ? "en" : "es";
    r.module = "consent";
    if (r.type == anteroom::RecordType::QuestionAnswered) {
        r.question = "quiz-risks";
        r.right_first_time = i % 5 ? 1 : 0;
    }
    return r;
}

void bench_events(const Options& o) {
    namespace fs = std::filesystem;
    char name[] = "/tmp/anteroom-bench-store-XXXXXX";
    const fs::path dir = mkdtemp(name);
    // 7a. Records committed per second through the writer thread: posted as fast as possible,
    // timed from the first post until the last is durable (WAL, synchronous=FULL) on this disk.
    try {
        const int count = o.quick ? 50000 : 200000;
        std::vector<double> rates;
        for (int run = 0; run < (o.quick ? 1 : 3); ++run) {
            std::vector<anteroom::Record> records;
            for (int i = 0; i < count; ++i) records.push_back(bench_record(i));
            anteroom::platform::EventStore::Options options;
            options.path = (dir / ("rate-" + std::to_string(run) + ".db")).string();
            anteroom::platform::EventStore store(options);
            const std::int64_t t0 = clock_ns(CLOCK_MONOTONIC);
            for (anteroom::Record& r : records) store.post(std::move(r));
            if (!store.flush(300)) throw std::runtime_error(anteroom::platform::condition_name(store.health().condition));
            rates.push_back(count / ((clock_ns(CLOCK_MONOTONIC) - t0) / 1e9));
        }
        add_rate("events: records committed through the writer", "/s", rates, 10000);
        progress("  committed: median %.0f records/s\n", summarise(rates).median);
    } catch (const std::exception& ex) {
        add_failure("events committed", ex.what());
    }
    // 7b. Frames while records are written: the headless UI walks the consent module paced at
    // 60 Hz while 50 records a frame (3,000 a second, far beyond any clinic) go to the store,
    // against the same frames with no store.
    try {
        const int frames = o.quick ? 600 : 1800;
        std::vector<double> quiet, writing;
        for (int pass = 0; pass < 2; ++pass) {
            std::optional<anteroom::platform::EventStore> store;
            if (pass == 1) {
                anteroom::platform::EventStore::Options options;
                options.path = (dir / "frames.db").string();
                store.emplace(options);
            }
            Headless h({kWidth, kHeight});
            h.tap(h.text("attract.touch"));
            h.tap("English");
            h.tap(h.kiosk().shown().modules.at(1).title);
            std::vector<double>& ms = pass == 0 ? quiet : writing;
            for (int i = 0; i < frames; ++i) {
                if (store)
                    for (int k = 0; k < 50; ++k) store->post(bench_record(i * 50 + k));
                if (i % 20 == 0) h.kiosk().apply({Intent::PageRead}, h.now());
                if (i % 20 == 10) h.kiosk().apply({Intent::Next}, h.now());
                h.kiosk().touched(h.now());
                const std::int64_t t0 = clock_ns(CLOCK_MONOTONIC);
                h.frame();
                ms.push_back((clock_ns(CLOCK_MONOTONIC) - t0) / 1e6);
                std::this_thread::sleep_for(std::chrono::microseconds(16667) - std::chrono::nanoseconds(clock_ns(CLOCK_MONOTONIC) - t0));
            }
            if (store && !store->flush(60)) throw std::runtime_error("the store did not catch up");
        }
        add_row("frame time while records are written: max", "ms", {summarise(writing).max}, 16.7);
        add_row("frame time while records are written: 99th percentile", "ms", {percentile(writing, 99)});
        add_row("frame time, same walk, no store: 99th percentile", "ms", {percentile(quiet, 99)});
        progress("  frames while writing: max %.2f ms, p99 %.2f ms (no store: max %.2f, p99 %.2f)\n", summarise(writing).max,
                 percentile(writing, 99), summarise(quiet).max, percentile(quiet, 99));
    } catch (const std::exception& ex) {
        add_failure("frame time while writing records", ex.what());
    }
    fs::remove_all(dir);
    note("events: records posted to a fresh SQLite store in /tmp (WAL, synchronous=FULL) as fast as possible; the rate is "
         "records over the time from the first post to the last commit. Frames: the consent module walked headless at 60 Hz "
         "while 50 records a frame are posted.");
}

// [SECTION] Report ==========================================================================

void print_table() {
    std::printf("\nAnteroom benchmark, %dx%d, %ld CPUs (median of the runs shown; min and max beside it)\n\n", kWidth, kHeight,
                sysconf(_SC_NPROCESSORS_ONLN));
    std::printf("%-50s %4s %10s %10s %10s %9s  %s\n", "measure", "runs", "median", "min", "max", "target", "result");
    std::printf("%s\n", std::string(106, '-').c_str());
    for (const Row& r : g_rows) {
        if (!r.error.empty()) {
            std::printf("%-50s  FAILED: %s\n", r.what.c_str(), r.error.c_str());
            continue;
        }
        const std::string what = r.what + " (" + r.unit + ")";
        const int digits = r.stats.median < 10 ? 3 : 1;
        char target[32] = "-";
        if (r.target >= 0) std::snprintf(target, sizeof target, "%s %g", r.at_least ? ">=" : "<=", r.target);
        const bool met = r.at_least ? r.stats.median >= r.target : r.stats.median <= r.target;
        const char* result = r.target < 0 ? "" : met ? "PASS" : r.at_least ? "UNDER" : "OVER";
        std::printf("%-50s %4d %10.*f %10.*f %10.*f %9s  %s\n", what.c_str(), r.stats.runs, digits, r.stats.median, digits,
                    r.stats.min, digits, r.stats.max, target, result);
    }
    if (!g_notes.empty()) std::printf("\n");
    for (const std::string& n : g_notes) std::printf("note: %s\n", n.c_str());
}

int usage(FILE* out, const char* problem) {
    std::fprintf(out,
                 "%s%susage: anteroom_bench [--quick] [--only startup,memory,idle,frame,locales,speech,events]\n"
                 "  --quick  one run per process figure and a 10 s idle window (for working on the bench)\n"
                 "  --only   run only the listed sections\n"
                 "Sections startup, memory and idle, and locales' start-up figures, need an X display\n"
                 "(scripts/bench provides Xvfb).\n",
                 problem ? problem : "", problem ? "\n" : "");
    return out == stdout ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--quick") {
            o.quick = true;
        } else if (arg == "--only" && i + 1 < argc) {
            const std::string list = std::string(",") + argv[++i] + ",";
            auto has = [&](const char* s) { return list.find(std::string(",") + s + ",") != std::string::npos; };
            o.startup = has("startup"), o.memory = has("memory"), o.idle = has("idle"), o.frame = has("frame");
            o.locales = has("locales");
            o.speech = has("speech");
            o.events = has("events");
            if (!o.startup && !o.memory && !o.idle && !o.frame && !o.locales && !o.speech && !o.events)
                return usage(stderr, "--only: no known section named");
        } else if (arg == "--help" || arg == "-h") {
            return usage(stdout, nullptr);
        } else {
            return usage(stderr, ("unknown option " + arg).c_str());
        }
    }

    const bool display = std::getenv("DISPLAY") && *std::getenv("DISPLAY");
    const std::string load_at_start = read_file("/proc/loadavg").substr(0, 14);
    if (o.quick) note("--quick: 1 run per process figure and a 10 s idle window; these numbers are for development only.");
    // The process sections come first, while this process is still small: fork is part of
    // the start-up figure, and a bench bloated by ImGui contexts would fork more slowly.
    if (o.startup || o.memory || o.idle || o.locales) {
        if (!display) {
            const char* why = "no X display: run scripts/bench, which starts Xvfb";
            if (o.startup) add_failure("start to first frame", why);
            if (o.memory) add_failure("memory", why);
            if (o.idle) add_failure("CPU on the attract screen", why);
            if (o.locales) add_failure("start to first frame in zh-Hans and ar", why);
        } else {
            if (o.startup) progress("1. start to first frame\n"), bench_startup(o);
            if (o.memory) progress("2. memory\n"), bench_memory(o);
            if (o.idle) {
                progress("3. CPU on a static screen: %d run(s) of %.0f s per backend, one after another\n", o.process_runs(),
                         o.idle_window_s());
                bench_idle(o);
            }
            if (o.locales) progress("5a. start to first frame in zh-Hans and ar\n"), bench_locale_startup(o);
        }
    }
    if (o.frame) progress("4. CPU per frame, headless\n"), bench_frames(o);
    if (o.frame) progress("4b. a walk through the education module with the runner, headless\n"), bench_walk(o);
    if (o.locales) progress("5b. language switch and font atlas per language, headless\n"), bench_locales(o);
    if (o.speech) progress("6. speech output\n"), bench_speech(o);
    if (o.events) progress("7. the event store\n"), bench_events(o);
    // Other work on the machine (a build, a test run) slows start-up most: say how busy it was.
    note("load average (1, 5, 15 min) at the start: " + load_at_start + ", at the end: " + read_file("/proc/loadavg").substr(0, 14));

    print_table();
    const bool failed = std::any_of(g_rows.begin(), g_rows.end(), [](const Row& r) { return !r.error.empty(); });
    return failed ? 1 : 0;
}
