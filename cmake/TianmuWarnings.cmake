# An interface target that carries the project's warning flags; every target links it.
add_library(tianmu_warnings INTERFACE)
add_library(tianmu::warnings ALIAS tianmu_warnings)
target_compile_options(tianmu_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Woverloaded-virtual -Wold-style-cast)
if(TIANMU_WERROR)
    target_compile_options(tianmu_warnings INTERFACE -Werror)
endif()
