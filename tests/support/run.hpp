#pragma once
// Runs a program the way a shell would and keeps what it printed: for tests of the
// `anteroom` command line.
#include <string>
#include <vector>

namespace anteroom::testing {

struct ProgramRun {
    int exit_code = -1;
    std::string out, err;
    std::string both() const { return "stdout:\n" + out + "stderr:\n" + err; }
};

std::string shell_quote(const std::string& s);

// argv[0] is the program; every argument is quoted, so none is split or expanded.
ProgramRun run_program(const std::vector<std::string>& argv);

}  // namespace anteroom::testing
