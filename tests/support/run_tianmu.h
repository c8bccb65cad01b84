// Runs the built tianmu executable as a user would, headless (no display variables), and
// collects its exit code and output: the one way the CLI tests start it.
#pragma once

#include <QString>
#include <QStringList>

namespace testing {

struct TianmuRun {
    int exitCode = -1;
    bool crashed = false;  // killed by a signal
    bool timedOut = false; // still running after the limit: a hang, killed
    QString out;
    QString err;
};

TianmuRun runTianmu(const QStringList& arguments, int timeoutSeconds = 300);

} // namespace testing
