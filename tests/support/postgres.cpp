#include "support/postgres.hpp"

#include <fcntl.h>
#include <grp.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace anteroom::testing {

namespace fs = std::filesystem;

namespace {

bool has_tools(const fs::path& dir) {
    std::error_code ec;
    return fs::exists(dir / "initdb", ec) && fs::exists(dir / "pg_ctl", ec);
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Where the servers' folders go: $ANTEROOM_PG_TMPDIR, else /dev/shm (initdb and a copy of a
// cluster take a tenth of the time they take on a disk), else $TMPDIR or /tmp.
std::string scratch_dir() {
    if (const char* env = std::getenv("ANTEROOM_PG_TMPDIR"); env && *env) return env;
    struct stat st {};
    if (::stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) && ::access("/dev/shm", W_OK) == 0) return "/dev/shm";
    const char* tmp = std::getenv("TMPDIR");
    return tmp && *tmp ? tmp : "/tmp";
}

}  // namespace

std::string postgres_bindir() {
    if (const char* env = std::getenv("ANTEROOM_PG_BINDIR"); env && *env && has_tools(env)) return env;
    if (std::FILE* p = popen("pg_config --bindir 2>/dev/null", "r")) {
        char line[4096] = {};
        const bool got = std::fgets(line, sizeof line, p) != nullptr;
        pclose(p);
        std::string dir = got ? line : "";
        while (!dir.empty() && (dir.back() == '\n' || dir.back() == ' ')) dir.pop_back();
        if (!dir.empty() && has_tools(dir)) return dir;
    }
    std::error_code ec;
    std::vector<fs::path> versions;  // Debian keeps each major version apart
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec))
        if (has_tools(entry.path() / "bin")) versions.push_back(entry.path() / "bin");
    std::sort(versions.begin(), versions.end(), [](const fs::path& a, const fs::path& b) {
        return std::atoi(a.parent_path().filename().c_str()) < std::atoi(b.parent_path().filename().c_str());
    });
    if (!versions.empty()) return versions.back();
    if (const char* path = std::getenv("PATH")) {
        std::stringstream ss(path);
        for (std::string dir; std::getline(ss, dir, ':');)
            if (!dir.empty() && has_tools(dir)) return dir;
    }
    return {};
}

// Runs a PostgreSQL tool, as the postgres user when we are root, its output to the folder's
// log; throws with the log when it fails.
void PostgresServer::run(const std::vector<std::string>& argv, const std::string& doing) const {
    const std::string log = dir_ + "/tools.log";
    const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0) throw std::runtime_error("cannot write " + log + ": " + std::strerror(errno));
    uid_t uid = 0;
    gid_t gid = 0;
    const bool root = geteuid() == 0;
    if (root) {
        const passwd* pw = getpwnam("postgres");
        if (!pw) {
            ::close(out);
            throw std::runtime_error("running as root, and there is no postgres user to run initdb and the server as");
        }
        uid = pw->pw_uid;
        gid = pw->pw_gid;
        if (fchown(out, uid, gid) != 0) {}
    }
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const pid_t pid = fork();
    if (pid < 0) {
        ::close(out);
        throw std::runtime_error(doing + ": fork: " + std::strerror(errno));
    }
    if (pid == 0) {  // only async-signal-safe calls until exec
        const int in = ::open("/dev/null", O_RDONLY);
        dup2(in, 0);
        dup2(out, 1);
        dup2(out, 2);
        syscall(SYS_close_range, 3U, ~0U, 0U);  // the server keeps none of the test's files
        if (root && (setgroups(0, nullptr) != 0 || setgid(gid) != 0 || setuid(uid) != 0)) _exit(126);
        execv(args[0], args.data());
        _exit(127);
    }
    ::close(out);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error(doing + " failed (" + argv[0] + ", status " + std::to_string(status) + "):\n" +
                                 read_file(log) + read_file(dir_ + "/server.log"));
}

PostgresServer::PostgresServer() : bindir_(postgres_bindir()) {
    if (bindir_.empty())
        throw std::runtime_error(
            "PostgreSQL's initdb and pg_ctl are not installed (the forwarding tests need them: apt-get install "
            "postgresql, or set ANTEROOM_PG_BINDIR)");
    std::string pattern = scratch_dir() + "/anteroom-pg-XXXXXX";
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot make a folder like " + pattern + ": " + std::strerror(errno));
    dir_ = pattern;
    if (geteuid() == 0) {
        if (const passwd* pw = getpwnam("postgres"); pw && chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0)
            throw std::runtime_error("cannot give " + dir_ + " to the postgres user: " + std::strerror(errno));
    }
    // The socket is in our own folder, so the port only names it; still, each process its own.
    const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    port_ = 20000 + static_cast<int>((static_cast<unsigned long long>(getpid()) * 7919ULL + static_cast<unsigned long long>(now)) % 30000);
    try {
        // initdb takes half a second or more, a copy of a fresh cluster a tenth of that: the first
        // server of a machine keeps a copy beside the folders (made whole, then renamed into
        // place, so a process running at the same time sees all of it or none).
        const std::string copy = template_path();
        if (usable_template(copy)) {
            run({"/bin/cp", "-a", copy, dir_ + "/data"}, "copying " + copy);
        } else {
            run({bindir_ + "/initdb", "-D", dir_ + "/data", "-A", "trust", "-U", "anteroom", "--no-sync", "-E", "UTF8",
                 "--locale=C", "--no-instructions"},
                "initdb");
            const std::string part = copy + ".part-" + std::to_string(getpid());
            run({"/bin/cp", "-a", dir_ + "/data", part}, "keeping a copy of the fresh cluster");
            std::error_code ec;
            fs::rename(part, copy, ec);
            if (ec) fs::remove_all(part, ec);  // another process was first
        }
        start();
    } catch (...) {
        std::error_code ec;
        fs::remove_all(dir_, ec);
        throw;
    }
}

// Beside the servers' folders, one per PostgreSQL build and user; "v1": initdb's options above.
std::string PostgresServer::template_path() const {
    std::string key = bindir_;
    std::replace(key.begin(), key.end(), '/', '_');
    return scratch_dir() + "/anteroom-pg-template-v1" + key + "-" + std::to_string(server_uid());
}

// A copy made by the user the server runs as, and whole.
bool PostgresServer::usable_template(const std::string& path) const {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == server_uid() &&
           fs::exists(fs::path(path) / "PG_VERSION") && fs::exists(fs::path(path) / "global" / "pg_control");
}

unsigned PostgresServer::server_uid() const {
    if (geteuid() != 0) return geteuid();
    const passwd* pw = getpwnam("postgres");
    return pw ? pw->pw_uid : 0;
}

PostgresServer::~PostgresServer() {
    if (running_) {
        try {
            stop("immediate");
        } catch (const std::exception& e) {
            std::fprintf(stderr, "PostgresServer: %s\n", e.what());
        }
    }
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

void PostgresServer::start() {
    run({bindir_ + "/pg_ctl", "-D", dir_ + "/data", "-l", dir_ + "/server.log", "-w", "-t", "60", "-o",
         "-k " + dir_ + " -c listen_addresses='' -p " + std::to_string(port_) + " -F -c full_page_writes=off", "start"},
        "starting PostgreSQL");
    running_ = true;
}

void PostgresServer::stop(const std::string& mode) {
    run({bindir_ + "/pg_ctl", "-D", dir_ + "/data", "-m", mode, "-w", "-t", "60", "stop"}, "stopping PostgreSQL");
    running_ = false;
}

std::string PostgresServer::uri(const std::string& database) const {
    return "postgresql:///" + database + "?host=" + dir_ + "&port=" + std::to_string(port_) + "&user=anteroom";
}

std::string PostgresServer::create_database(const std::string& name) {
    query("DROP DATABASE IF EXISTS \"" + name + "\"");
    query("CREATE DATABASE \"" + name + "\"");
    return uri(name);
}

PostgresServer::Rows PostgresServer::query(const std::string& sql, const std::string& database) const {
    std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(uri(database).c_str()), PQfinish);
    if (PQstatus(conn.get()) != CONNECTION_OK) throw std::runtime_error("connecting: " + std::string(PQerrorMessage(conn.get())));
    PQsetNoticeProcessor(conn.get(), [](void*, const char*) {}, nullptr);
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), sql.c_str()), PQclear);
    const ExecStatusType status = PQresultStatus(result.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        throw std::runtime_error(sql + ": " + PQresultErrorMessage(result.get()));
    Rows rows;
    for (int r = 0; r < PQntuples(result.get()); ++r) {
        auto& row = rows.emplace_back();
        for (int c = 0; c < PQnfields(result.get()); ++c)
            row.push_back(PQgetisnull(result.get(), r, c) ? std::nullopt
                                                           : std::optional<std::string>(PQgetvalue(result.get(), r, c)));
    }
    return rows;
}

}  // namespace anteroom::testing
