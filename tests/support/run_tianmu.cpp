#include "run_tianmu.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace testing {

TianmuRun runTianmu(const QStringList& arguments, int timeoutSeconds) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(name);
    process.setProcessEnvironment(env);
    process.start(TIANMU_EXECUTABLE, arguments);
    TianmuRun run;
    if (!process.waitForFinished(timeoutSeconds * 1000)) {
        process.kill();
        process.waitForFinished();
        run.timedOut = true;
        run.err = "timed out";
        return run;
    }
    run.exitCode = process.exitCode();
    run.crashed = process.exitStatus() == QProcess::CrashExit;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace testing
