// The whole program behind the thin `tianmu` executable: headless commands or the window.
#pragma once

namespace app {

int runTianmu(int argc, char** argv);

} // namespace app
