# Obtain tree-sitter-c 0.23.6 (ABI 14, loadable by Debian's libtree-sitter 0.20.7)
# with `npm pack` into the build tree and compile its generated parser.c.
# Nothing from the package is committed; a copy of the tarball is kept under
# ~/.cache/dmacheck so that a rebuild does not need the registry.
set(TSC_VERSION 0.23.6)
set(TSC_TARBALL_NAME tree-sitter-c-${TSC_VERSION}.tgz)
set(TSC_DIR ${CMAKE_BINARY_DIR}/_deps/tree-sitter-c)
if(DEFINED ENV{HOME})
  set(TSC_CACHE $ENV{HOME}/.cache/dmacheck)
else()
  set(TSC_CACHE ${CMAKE_BINARY_DIR}/_deps)
endif()

if(NOT EXISTS ${TSC_DIR}/package/src/parser.c)
  file(MAKE_DIRECTORY ${TSC_DIR} ${TSC_CACHE})
  if(NOT EXISTS ${TSC_CACHE}/${TSC_TARBALL_NAME})
    find_program(NPM npm)
    if(NOT NPM)
      message(FATAL_ERROR "npm is needed once to fetch tree-sitter-c@${TSC_VERSION} (apt-get install npm)")
    endif()
    message(STATUS "Fetching tree-sitter-c@${TSC_VERSION} with npm pack")
    execute_process(COMMAND ${NPM} pack tree-sitter-c@${TSC_VERSION} --silent
                    WORKING_DIRECTORY ${TSC_CACHE}
                    RESULT_VARIABLE rc OUTPUT_QUIET)
    if(NOT rc EQUAL 0 OR NOT EXISTS ${TSC_CACHE}/${TSC_TARBALL_NAME})
      message(FATAL_ERROR "npm pack tree-sitter-c@${TSC_VERSION} failed (rc=${rc})")
    endif()
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E tar xzf ${TSC_CACHE}/${TSC_TARBALL_NAME}
                  WORKING_DIRECTORY ${TSC_DIR} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT EXISTS ${TSC_DIR}/package/src/parser.c)
    message(FATAL_ERROR "could not unpack ${TSC_TARBALL_NAME}")
  endif()
  file(STRINGS ${TSC_DIR}/package/src/parser.c abi_line REGEX "^#define LANGUAGE_VERSION ")
  if(NOT abi_line MATCHES "LANGUAGE_VERSION 14$")
    message(FATAL_ERROR "tree-sitter-c ${TSC_VERSION} is not ABI 14: ${abi_line}")
  endif()
endif()

add_library(tree_sitter_c STATIC ${TSC_DIR}/package/src/parser.c)
target_include_directories(tree_sitter_c PRIVATE ${TSC_DIR}/package/src)
target_compile_options(tree_sitter_c PRIVATE -O2 -w)
set_target_properties(tree_sitter_c PROPERTIES POSITION_INDEPENDENT_CODE ON)
