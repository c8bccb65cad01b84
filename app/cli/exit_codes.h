// Exit codes shared by every tianmu command.
#pragma once

namespace app {

enum ExitCode : int {
    ExitSuccess = 0,
    ExitFailure = 1,  // an internal failure: a bug or the system (disk full, …)
    ExitUsage = 2,    // the command line is wrong
    ExitBadInput = 3, // the input stopped the job; the message names the file and the fix
};

} // namespace app
