#include "support/run.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace anteroom::testing {

std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

ProgramRun run_program(const std::vector<std::string>& argv) {
    static int count = 0;  // a file per run, so parallel tests do not share one
    const std::filesystem::path err_file = std::filesystem::temp_directory_path() /
                                           ("anteroom-test-" + std::to_string(::getpid()) + "-" + std::to_string(++count) + ".err");
    std::string command;
    for (const std::string& a : argv) command += (command.empty() ? "" : " ") + shell_quote(a);
    command += " 2>" + shell_quote(err_file.string());
    ProgramRun run;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return run;
    std::array<char, 4096> buffer;
    for (size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) run.out.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::ifstream in(err_file, std::ios::binary);
    std::stringstream err;
    err << in.rdbuf();
    run.err = err.str();
    std::filesystem::remove(err_file);
    return run;
}

}  // namespace anteroom::testing
