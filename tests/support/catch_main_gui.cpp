// Entry point of tests that need Qt's GUI classes. The platform is set to offscreen before
// the application exists, because test discovery runs this binary without the test's
// environment and there is no display in CI.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    return Catch::Session().run(argc, argv);
}
