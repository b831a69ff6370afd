# Installs the Python module alone into a temporary prefix and runs python_test.py on it there.
string(RANDOM LENGTH 8 suffix)
set(prefix "${BUILD_DIR}/python-install-${suffix}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}" --component python
                OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${PYTHON}" "${SOURCE_DIR}/tests/packaging/python_test.py" "${prefix}/${PYTHON_DIR}"
                        "${SOURCE_DIR}" "${BRIEFKIT_EXE}"
                RESULT_VARIABLE result)
file(REMOVE_RECURSE "${prefix}")
if(NOT result EQUAL 0)
  message(FATAL_ERROR "python_test.py failed (${result})")
endif()
