// tianmu (田亩): the executable is only this; everything else lives in the app library.
#include "app/tianmu_main.h"

int main(int argc, char** argv) {
    return app::runTianmu(argc, argv);
}
