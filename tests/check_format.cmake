# Fails when any C++ file of the project differs from clang-format's output.
file(GLOB_RECURSE sources
    ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h
    ${SOURCE_DIR}/geo/*.cpp ${SOURCE_DIR}/geo/*.h
    ${SOURCE_DIR}/data/*.cpp ${SOURCE_DIR}/data/*.h
    ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h)
execute_process(
    COMMAND ${CLANG_FORMAT} --dry-run --Werror ${sources}
    RESULT_VARIABLE result
    ERROR_VARIABLE diagnostics)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "${diagnostics}\nUnformatted source: run 'clang-format -i' on the files above "
                        "(or scripts/format.sh).")
endif()
