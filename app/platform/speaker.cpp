#include "platform/speaker.hpp"

#include <SDL.h>
#include <espeak-ng/speak_lib.h>
#define STB_VORBIS_HEADER_ONLY  // the decoder itself is Debian's libstb
#include <stb_vorbis.h>
#include <time.h>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace anteroom::platform {

namespace {

// espeak-ng counts text positions in characters (code points), from 1; the UI wants bytes.
size_t byte_of_character(const std::string& text, int character) {
    size_t at = 0;
    for (int c = 0; c < character && at < text.size(); ++c) {
        ++at;
        while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    }
    return at;
}

// A key names a file under speech/<locale>/: no way out of that folder.
bool safe_relative(const std::string& s) {
    if (s.empty() || s.front() == '/' || s.find('\\') != std::string::npos || s.find('\0') != std::string::npos) return false;
    size_t start = 0;
    for (;;) {
        const size_t slash = s.find('/', start);
        const std::string part = s.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (part.empty() || part == "." || part == "..") return false;
        if (slash == std::string::npos) return true;
        start = slash + 1;
    }
}

// Frees an SDL_AudioStream when it goes out of scope.
struct Resampler {
    SDL_AudioStream* stream = nullptr;
    Resampler(SDL_AudioFormat format, int channels, int from, int to)
        : stream(SDL_NewAudioStream(format, static_cast<Uint8>(channels), from, AUDIO_F32SYS, 1, to)) {}
    ~Resampler() {
        if (stream) SDL_FreeAudioStream(stream);
    }
    Resampler(const Resampler&) = delete;
    Resampler& operator=(const Resampler&) = delete;

    // Whatever is ready, appended to out.
    void take(std::vector<float>& out) {
        const int bytes = SDL_AudioStreamAvailable(stream);
        if (bytes <= 0) return;
        const size_t had = out.size();
        out.resize(had + static_cast<size_t>(bytes) / sizeof(float));
        const int got = SDL_AudioStreamGet(stream, out.data() + had, bytes);
        out.resize(had + static_cast<size_t>(std::max(got, 0)) / sizeof(float));
    }
};

}  // namespace

// A point in the output where what is heard changes: a word starts, or an utterance's
// speech ends (begin == end) and its pause starts.
struct Mark {
    std::int64_t at = 0;  // samples from the start of the job, at the output rate
    int utterance = -1;
    size_t begin = 0, end = 0;
};

struct Job {
    enum Kind { Page, Announcement };
    Kind kind = Page;
    std::uint64_t generation = 0;
    std::string page_key, locale;
    std::vector<Utterance> utterances;
};

struct Speaker::State {
    std::filesystem::path assets;
    int rate = 0;  // the output's
    bool audio = false;
    std::string audio_problem;

    mutable std::mutex m;
    std::condition_variable work;  // the worker waits for a job
    std::condition_variable room;  // the worker waits for the output to take samples
    bool quit = false;
    std::optional<Job> job;        // the newest request the worker has not started
    std::uint64_t generation = 0;  // of the request being heard: older work is dropped

    // What is being heard (generation `generation`).
    Job::Kind kind = Job::Page;
    std::string page_key;
    bool active = false, paused = false, finished = false, recorded = false, complete = false;
    std::string problem;
    std::deque<float> queue;
    std::size_t capacity = 0;  // samples the worker may be ahead of the output
    bool worker_waiting = false;
    std::int64_t played = 0;
    std::vector<Mark> marks;
    std::size_t heard = 0;  // marks[heard - 1] is the latest one played; 0: none yet
    std::int64_t first_sample_ns = 0;
    std::atomic<float> volume{1.f};

    std::thread worker;

    // ---- calling thread
    void start(Job j) {
        std::deque<float> old;  // freed after the lock, so the output is never kept waiting on it
        {
            std::lock_guard lock(m);
            old.swap(queue);
            j.generation = ++generation;
            kind = j.kind;
            page_key = j.kind == Job::Page ? j.page_key : std::string();
            active = true;
            paused = finished = recorded = complete = false;
            problem.clear();  // until this request meets one of its own
            played = 0;
            marks.clear();
            heard = 0;
            first_sample_ns = 0;
            job = std::move(j);
        }
        work.notify_one();
        room.notify_one();  // a worker waiting to push old samples gives up
    }

    void cancel() {
        std::deque<float> old;
        {
            std::lock_guard lock(m);
            old.swap(queue);
            ++generation;
            job.reset();
            active = paused = finished = recorded = complete = false;
            page_key.clear();
            marks.clear();
            heard = 0;
        }
        room.notify_one();
    }

    // ---- output thread
    void pull(float* out, int frames) {
        int n = 0;
        bool wake = false;
        {
            std::lock_guard lock(m);
            if (active && !paused) {
                n = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(frames), queue.size()));
                const float v = volume.load(std::memory_order_relaxed);
                std::copy_n(queue.begin(), n, out);
                for (int i = 0; i < n; ++i) out[i] *= v;
                queue.erase(queue.begin(), queue.begin() + n);
                played += n;
                if (n > 0 && first_sample_ns == 0) first_sample_ns = monotonic_ns();
                while (heard < marks.size() && marks[heard].at <= played) ++heard;
                if (complete && queue.empty()) {
                    active = false;
                    finished = kind == Job::Page;
                }
                wake = worker_waiting && n > 0;
            }
        }
        std::fill(out + n, out + frames, 0.f);
        if (wake) room.notify_one();
    }

    // ---- worker thread
    // Appends samples (and the marks among them) for job `gen`, waiting while the output is
    // far enough behind. False once the job is no longer wanted.
    bool push(std::uint64_t gen, const std::vector<float>& samples, const std::vector<Mark>& new_marks = {}) {
        std::unique_lock lock(m);
        if (gen != generation || quit) return false;
        marks.insert(marks.end(), new_marks.begin(), new_marks.end());
        std::size_t i = 0;
        while (i < samples.size()) {
            worker_waiting = true;
            room.wait(lock, [&] { return gen != generation || quit || queue.size() < capacity; });
            worker_waiting = false;
            if (gen != generation || quit) return false;
            const std::size_t k = std::min(capacity - queue.size(), samples.size() - i);
            queue.insert(queue.end(), samples.begin() + static_cast<std::ptrdiff_t>(i), samples.begin() + static_cast<std::ptrdiff_t>(i + k));
            i += k;
        }
        return true;
    }

    bool wanted(std::uint64_t gen) const {
        std::lock_guard lock(m);
        return gen == generation && !quit;
    }

    void done(std::uint64_t gen) {
        std::lock_guard lock(m);
        if (gen != generation || !active) return;  // cancelled, or failed
        complete = true;
        if (queue.empty()) {  // nothing to hear, or all of it heard already
            active = false;
            finished = kind == Job::Page;
        }
    }

    void fail(std::uint64_t gen, std::string why) {
        std::lock_guard lock(m);
        if (gen != generation) return;
        problem = std::move(why);
        active = false;
    }

    void run();
    bool play_recording(const Job& j);
    void synthesise(const Job& j);

    std::set<std::string> reported;  // files and voices already reported on stderr
    std::int64_t written = 0;  // samples pushed for the job, at the output rate
};

namespace {

// What the synthesis callback is filling: one utterance on the worker thread.
struct Synthesis {
    Speaker::State* state;
    std::uint64_t generation;
    int utterance;
    const std::string* text;
    std::int64_t start;  // its first sample in the job, at the output rate
    Resampler* resampler;
    std::vector<float> samples;
    std::vector<Mark> marks;
    std::int64_t last_mark = 0;
    bool cancelled = false;
};
thread_local Synthesis* g_synthesis = nullptr;  // espeak-ng's callback takes no context of ours

int on_synthesised(short* wav, int count, espeak_EVENT* events);

// espeak-ng's state is global to the process. It is made once, on the first worker that
// speaks, and used by one worker at a time, under `m`. It is never terminated:
// espeak_Terminate in 1.51 now and then hangs for ever on its internal thread, and
// initialising it again after that is unreliable, so the process keeps it until it exits.
// It sets LC_CTYPE to C.UTF-8 when it starts (its wide-character tests need it).
struct Espeak {
    std::mutex m;
    bool started = false;
    int rate = 0;
    std::string problem;  // why it cannot speak
    std::string voice;    // the voice loaded

    void start() {
        if (started) return;
        started = true;
        // Debian's data path (espeak-ng-data); without it, a problem rather than an exit.
        rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 40, nullptr, espeakINITIALIZE_DONT_EXIT);
        if (rate <= 0) {
            problem = "espeak-ng could not start: is espeak-ng-data installed?";
            std::fprintf(stderr, "anteroom: speech: %s\n", problem.c_str());
            return;
        }
        espeak_SetSynthCallback(&on_synthesised);
        // A little slower than espeak-ng's 175 words a minute: patients hear medical words new to them.
        espeak_SetParameter(espeakRATE, 160, 0);
    }
};
Espeak& espeak() {
    static Espeak e;
    return e;
}

int on_synthesised(short* wav, int count, espeak_EVENT* events) {
    Synthesis* s = g_synthesis;
    if (!s) return 1;
    Speaker::State& st = *s->state;
    s->samples.clear();
    s->marks.clear();
    for (const espeak_EVENT* e = events; e && e->type != espeakEVENT_LIST_TERMINATED; ++e) {
        // espeak-ng also reports zero-length "words" at odd places (after "?" in Spanish).
        if (e->type != espeakEVENT_WORD || e->length <= 0) continue;
        const size_t begin = byte_of_character(*s->text, e->text_position - 1);
        const size_t end = byte_of_character(*s->text, e->text_position - 1 + e->length);
        std::int64_t at = s->start + static_cast<std::int64_t>(std::llround(e->audio_position * static_cast<double>(st.rate) / 1000));
        at = std::max(at, s->last_mark);  // the output meets marks in order
        s->last_mark = at;
        s->marks.push_back({at, s->utterance, begin, end});
    }
    if (wav && count > 0) {
        SDL_AudioStreamPut(s->resampler->stream, wav, count * static_cast<int>(sizeof(short)));
        s->resampler->take(s->samples);
    }
    if (!st.push(s->generation, s->samples, s->marks)) {
        s->cancelled = true;
        return 1;  // abort: espeak_Synth returns soon
    }
    st.written += static_cast<std::int64_t>(s->samples.size());
    return 0;
}

}  // namespace

bool Speaker::State::play_recording(const Job& j) {
    if (!safe_relative(j.page_key) || !safe_relative(j.locale)) return false;
    const std::filesystem::path file = assets / "speech" / j.locale / (j.page_key + ".ogg");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return false;
    auto report = [&](const std::string& what) {
        if (reported.insert(file.string()).second)
            std::fprintf(stderr, "anteroom: speech: %s: %s; the page is synthesised instead\n", file.c_str(), what.c_str());
    };
    int error = 0;
    stb_vorbis* v = stb_vorbis_open_filename(file.c_str(), &error, nullptr);
    if (!v) {
        report("not a readable OGG Vorbis file (stb_vorbis error " + std::to_string(error) + ")");
        return false;
    }
    const stb_vorbis_info info = stb_vorbis_get_info(v);
    if (info.channels < 1 || info.sample_rate <= 0) {
        stb_vorbis_close(v);
        report("no audio in it");
        return false;
    }
    // stb_vorbis decodes a damaged stream without complaint, to a stop where the damage is;
    // the length its last page gives shows a file damaged or cut short before a sample plays.
    const unsigned length = stb_vorbis_stream_length_in_samples(v);
    if (length == 0) {
        stb_vorbis_close(v);
        report("damaged or cut short (stb_vorbis finds no last page)");
        return false;
    }
    Resampler resampler(AUDIO_F32SYS, info.channels, static_cast<int>(info.sample_rate), rate);
    if (!resampler.stream) {
        stb_vorbis_close(v);
        report(std::string("cannot convert its audio: ") + SDL_GetError());
        return false;
    }
    {
        std::lock_guard lock(m);
        if (j.generation == generation) recorded = true;
    }
    std::vector<float> decoded(static_cast<size_t>(4096 * info.channels)), out;
    bool ok = true, cancelled = false;
    std::uint64_t total = 0;
    for (;;) {
        const int frames = stb_vorbis_get_samples_float_interleaved(v, info.channels, decoded.data(), static_cast<int>(decoded.size()));
        if (frames <= 0) {
            const int e = stb_vorbis_get_error(v);
            ok = (e == VORBIS__no_error || e == VORBIS_need_more_data) && total >= length;
            error = e;
            SDL_AudioStreamFlush(resampler.stream);
        } else {
            total += static_cast<std::uint64_t>(frames);
            SDL_AudioStreamPut(resampler.stream, decoded.data(), frames * info.channels * static_cast<int>(sizeof(float)));
        }
        out.clear();
        resampler.take(out);
        if (!push(j.generation, out)) {
            cancelled = true;
            break;
        }
        if (frames <= 0) break;
    }
    stb_vorbis_close(v);
    if (cancelled) return true;
    if (!ok) {
        report("damaged part way through: " + std::to_string(total) + " of its " + std::to_string(length) + " samples decoded (stb_vorbis error " +
               std::to_string(error) + ")");
        std::lock_guard lock(m);
        if (j.generation == generation) recorded = false;
        return false;
    }
    return true;
}

void Speaker::State::synthesise(const Job& j) {
    Espeak& es = espeak();
    std::lock_guard hold(es.m);  // for the whole job: the voice is global too
    es.start();
    if (!es.problem.empty()) return fail(j.generation, es.problem);
    const std::string wanted_voice = voice_for(j.locale);
    std::string& voice = es.voice;
    if (wanted_voice.empty() || wanted_voice != voice) {
        if (wanted_voice.empty() || espeak_SetVoiceByName(wanted_voice.c_str()) != EE_OK) {
            const std::string why = "no speech voice for " + j.locale + (wanted_voice.empty() ? "" : " (espeak-ng voice " + wanted_voice + ")");
            if (reported.insert(why).second) std::fprintf(stderr, "anteroom: speech: %s\n", why.c_str());
            voice.clear();
            return fail(j.generation, why);
        }
        voice = wanted_voice;
    }
    Resampler resampler(AUDIO_S16SYS, 1, es.rate, rate);
    if (!resampler.stream) return fail(j.generation, std::string("cannot convert speech audio: ") + SDL_GetError());
    for (size_t u = 0; u < j.utterances.size(); ++u) {
        const Utterance& utt = j.utterances[u];
        Synthesis s{this, j.generation, static_cast<int>(u), &utt.text, written, &resampler, {}, {}, written};
        g_synthesis = &s;
        espeak_Synth(utt.text.c_str(), utt.text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
        g_synthesis = nullptr;
        if (s.cancelled || !wanted(j.generation)) return;
        // The end of the utterance's speech: no word is heard in the pause after it.
        SDL_AudioStreamFlush(resampler.stream);
        std::vector<float> tail;
        resampler.take(tail);
        SDL_AudioStreamClear(resampler.stream);
        const std::vector<Mark> end = {{written + static_cast<std::int64_t>(tail.size()), static_cast<int>(u), 0, 0}};
        if (u + 1 < j.utterances.size()) tail.resize(tail.size() + static_cast<size_t>(utt.pause_after_ms) * static_cast<size_t>(rate) / 1000);
        if (!push(j.generation, tail, end)) return;
        written += static_cast<std::int64_t>(tail.size());
    }
}

void Speaker::State::run() {
    for (;;) {
        Job j;
        {
            std::unique_lock lock(m);
            work.wait(lock, [&] { return quit || job; });
            if (quit) break;
            j = std::move(*job);
            job.reset();
        }
        written = 0;
        if (j.kind == Job::Page && play_recording(j)) {
            done(j.generation);
            continue;
        }
        synthesise(j);
        done(j.generation);
    }
}

Speaker::Speaker(std::filesystem::path assets_dir, std::unique_ptr<AudioSink> sink)
    : state_(std::make_unique<State>()), sink_(sink ? std::move(sink) : std::make_unique<SdlAudioSink>()) {
    State& s = *state_;
    s.assets = std::move(assets_dir);
    s.audio = sink_->start([&s](float* out, int frames) { s.pull(out, frames); });
    if (!s.audio) {
        s.audio_problem = sink_->problem().empty() ? "no audio output" : sink_->problem();
        std::fprintf(stderr, "anteroom: speech: %s\n", s.audio_problem.c_str());
        return;
    }
    s.rate = sink_->rate();
    s.capacity = static_cast<std::size_t>(s.rate) * 3;  // seconds ahead: enough to ride out a busy moment
    s.worker = std::thread([&s] { s.run(); });
}

Speaker::~Speaker() {
    sink_->stop();  // no pull runs after this
    {
        std::lock_guard lock(state_->m);
        state_->quit = true;
    }
    state_->work.notify_one();
    state_->room.notify_one();
    if (state_->worker.joinable()) state_->worker.join();
}

void Speaker::speak(std::string page_key, std::string locale, std::vector<Utterance> utterances) {
    if (!state_->audio) return;
    state_->start({Job::Page, 0, std::move(page_key), std::move(locale), std::move(utterances)});
}

void Speaker::announce(std::string locale, std::string text) {
    if (!state_->audio) return;
    std::vector<Utterance> one;
    one.push_back({std::move(text), 0, 0});
    state_->start({Job::Announcement, 0, {}, std::move(locale), std::move(one)});
}

void Speaker::pause() {
    std::lock_guard lock(state_->m);
    if (state_->active) state_->paused = true;
}

void Speaker::resume() {
    std::lock_guard lock(state_->m);
    state_->paused = false;
}

void Speaker::stop() {
    if (state_->audio) state_->cancel();
}

void Speaker::set_volume(float zero_to_one) {
    state_->volume.store(std::isfinite(zero_to_one) ? std::clamp(zero_to_one, 0.f, 1.f) : 1.f, std::memory_order_relaxed);
}

int Speaker::output_rate() const { return state_->rate; }

SpeechStatus Speaker::status() const {
    const State& s = *state_;
    SpeechStatus out;
    out.audio_available = s.audio;
    if (!s.audio) {
        out.problem = s.audio_problem;
        return out;
    }
    std::lock_guard lock(s.m);
    out.problem = s.problem;
    out.speaking = s.active;
    out.paused = s.active && s.paused;
    out.page_key = s.page_key;
    out.finished = s.finished;
    out.recorded = s.active && s.recorded;
    out.announcing = s.active && s.kind == Job::Announcement;
    out.first_sample_ns = s.first_sample_ns;
    if (s.active && s.kind == Job::Page && !s.recorded && s.heard > 0) {
        const Mark& mark = s.marks[s.heard - 1];
        out.utterance = mark.utterance;
        out.word_begin = mark.begin;
        out.word_end = mark.end;
    }
    return out;
}

}  // namespace anteroom::platform
