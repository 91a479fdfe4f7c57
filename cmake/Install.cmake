# Install layout and the man page (included from the top-level CMakeLists.txt).
#
#   bin/dmacheck
#   share/dmacheck/rules/     *.rules, docs/*.md, README.md (found by the binary
#                             as <exe dir>/../share/dmacheck/rules)
#   share/man/man1/dmacheck.1 generated at build time by `dmacheck --man`
#   share/doc/dmacheck/       README.md, docs/*.md
include(GNUInstallDirs)

# dmacheck.1 from the option table of the built binary; nothing generated is committed.
set(DMC_MAN_PAGE ${CMAKE_BINARY_DIR}/dmacheck.1)
add_custom_command(OUTPUT ${DMC_MAN_PAGE}
  COMMAND sh -c "\"$1\" --man > \"$2.tmp\" && mv \"$2.tmp\" \"$2\"" sh
          $<TARGET_FILE:dmacheck> ${DMC_MAN_PAGE}
  DEPENDS dmacheck
  COMMENT "Generating dmacheck.1"
  VERBATIM)
add_custom_target(dmacheck_man ALL DEPENDS ${DMC_MAN_PAGE})

install(TARGETS dmacheck RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/rules/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/dmacheck/rules
  FILES_MATCHING PATTERN "*.rules" PATTERN "*.md")
install(FILES ${DMC_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
file(GLOB DMC_DOCS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/docs/*.md)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${DMC_DOCS} DESTINATION ${CMAKE_INSTALL_DOCDIR})
