#pragma once
// A throwaway PostgreSQL server for the forwarding tests and benchmark: initdb into a new
// temporary folder (in /dev/shm where there is one; trust, user anteroom, no fsync), started
// on a Unix socket in that folder
// only (no TCP), so several test processes can each have their own at once. Run as root (CI),
// initdb and the server run as the postgres user, as they refuse root. A copy of a fresh
// cluster is kept beside the folders, so only a machine's first server runs initdb.
#include <optional>
#include <string>
#include <vector>

namespace anteroom::testing {

// Where initdb and pg_ctl are: $ANTEROOM_PG_BINDIR, else `pg_config --bindir`, else the newest
// /usr/lib/postgresql/*/bin, else the PATH; empty when none has them.
std::string postgres_bindir();

class PostgresServer {
public:
    // Makes and starts a server; throws std::runtime_error saying what failed (with its log).
    PostgresServer();
    ~PostgresServer();  // stops it at once (-m immediate) and removes its folder
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;

    void stop(const std::string& mode = "fast");  // pg_ctl stop -m mode; throws if it cannot
    void start();                                 // again after stop(); waits until it takes connections
    bool running() const { return running_; }

    // A URI for a database of this server, by its socket.
    std::string uri(const std::string& database = "postgres") const;
    // A new database (dropped first if it exists); its URI.
    std::string create_database(const std::string& name);

    // Runs SQL (the last statement's rows, every value as text, NULL as nullopt); throws on error.
    using Rows = std::vector<std::vector<std::optional<std::string>>>;
    Rows query(const std::string& sql, const std::string& database = "postgres") const;

    const std::string& dir() const { return dir_; }
    int port() const { return port_; }

private:
    std::string template_path() const;
    bool usable_template(const std::string& path) const;
    unsigned server_uid() const;
    void run(const std::vector<std::string>& argv, const std::string& doing) const;
    std::string bindir_, dir_;
    int port_ = 0;
    bool running_ = false;
};

}  // namespace anteroom::testing
