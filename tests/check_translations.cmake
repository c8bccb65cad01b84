# Fails when the sources hold a string the committed .ts files lack or leave untranslated:
# lupdate runs over copies of them in the build tree, so the source tree is never touched.
# The [language] GUI test checks the .ts files themselves; this catches strings added to the
# code without running `update_translations`.
execute_process(
    COMMAND ${CMAKE_COMMAND} -DIN_FILE=${PROJECT_CMAKE} -DOUT_FILE=${WORK_DIR}/project.json
            -P ${GENERATOR}
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cannot generate the lupdate project from ${PROJECT_CMAKE}")
endif()
file(GLOB ts_files ${TS_DIR}/*.ts)
if(NOT ts_files)
    message(FATAL_ERROR "no .ts files in '${TS_DIR}'")
endif()
foreach(ts IN LISTS ts_files)
    get_filename_component(name ${ts} NAME)
    configure_file(${ts} ${WORK_DIR}/${name} COPYONLY)
    execute_process(
        COMMAND ${LUPDATE} -project ${WORK_DIR}/project.json -no-obsolete -locations none
                -ts ${WORK_DIR}/${name}
        RESULT_VARIABLE result
        OUTPUT_VARIABLE output
        ERROR_VARIABLE output)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${name}:\n${output}")
    endif()
    file(READ ${WORK_DIR}/${name} content)
    string(REGEX MATCHALL "<source>[^<]*</source>[ \n]*<translation type=\"unfinished\"" missing
           "${content}")
    if(missing)
        list(LENGTH missing count)
        string(REPLACE ";" "\n" missing "${missing}")
        message(FATAL_ERROR "${name}: ${count} string(s) of the code are not translated:\n"
                            "${missing}\nRun 'cmake --build build --target update_translations' "
                            "and translate them (see README, Translations).")
    endif()
endforeach()
