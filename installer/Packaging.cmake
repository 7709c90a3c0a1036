# Installation layout, desktop integration and CPack packaging (DEB, TGZ).
# Included at the end of the top-level CMakeLists.txt, so every target exists by now.
# Every install() of an executable lives here; resources/ installs the sample workspaces.
#
#   cmake --preset release && cmake --build --preset release --target package
#     -> build/release/firedrill_<version>_<arch>.deb and firedrill-<version>-Linux.tar.gz

set(FIREDRILL_APP_ID "org.firedrill.Firedrill")
set(FIREDRILL_PACKAGE_DOCDIR "${CMAKE_INSTALL_DATADIR}/doc/firedrill")
set(_firedrill_installer_dir "${CMAKE_CURRENT_LIST_DIR}")

# --- Executables ---------------------------------------------------------------------------------
if(TARGET firedrill-cli)
    install(TARGETS firedrill-cli RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
endif()

# --- GUI and its desktop integration (only when the GUI is built) --------------------------------
if(TARGET firedrill)
    install(TARGETS firedrill RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
    install(FILES "${_firedrill_installer_dir}/${FIREDRILL_APP_ID}.desktop"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
    install(FILES "${_firedrill_installer_dir}/${FIREDRILL_APP_ID}.metainfo.xml"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
    install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/firedrill.svg"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps"
            RENAME "${FIREDRILL_APP_ID}.svg")
endif()

# The workspace file type is useful to the command-line tool too.
install(FILES "${_firedrill_installer_dir}/firedrill-mime.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/mime/packages")

# --- Documentation -------------------------------------------------------------------------------
# Debian wants /usr/share/doc/<package>/copyright; LICENSE is the same text for tarball users.
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" "${_firedrill_installer_dir}/copyright"
        DESTINATION "${FIREDRILL_PACKAGE_DOCDIR}")
if(EXISTS "${PROJECT_SOURCE_DIR}/README.md")
    install(FILES "${PROJECT_SOURCE_DIR}/README.md" DESTINATION "${FIREDRILL_PACKAGE_DOCDIR}")
endif()

# --- CPack ---------------------------------------------------------------------------------------
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGE_NAME "firedrill")
set(CPACK_PACKAGE_VENDOR "Firedrill")
set(CPACK_PACKAGE_CONTACT "Firedrill maintainers <maintainers@firedrill.example.org>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "Firedrill models a system as a topology of regions, zones and sites holding routing, \
compute, data and messaging components, and replays outage scenarios against it: region \
and zone outages, crashes, network partitions, degradation, data corruption and demand \
surges. It shows what fails, what recovers and how long recovery takes. The package \
contains the desktop application (firedrill), the command-line tool (firedrill-cli) and \
sample workspaces.")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "firedrill")
set(CPACK_STRIP_FILES ON)
set(CPACK_VERBATIM_VARIABLES ON)

# Per-generator settings (install prefix inside each package) are applied when cpack runs.
set(CPACK_PROJECT_CONFIG_FILE "${_firedrill_installer_dir}/CPackProjectConfig.cmake")

# Debian package. Runtime dependencies come from dpkg-shlibdeps. The .desktop, icon and MIME
# files need no Depends: desktop-file-utils, hicolor-icon-theme and shared-mime-info pick them
# up through dpkg file triggers when they are installed.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
if(TARGET firedrill)
    # What the GUI loads with dlopen(), which dpkg-shlibdeps cannot see: its SVG icons go through
    # Qt's SVG image-format and icon-engine plugins (libqt6svg6), and on a desktop it needs the xcb
    # (X11) platform plugin (qt6-qpa-plugins, only a Recommends of libqt6gui6). The shlibdeps output
    # is appended to this. .ci/package-install checks both in a bare root.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6, qt6-qpa-plugins")
endif()

# Source tarball (cmake --build ... --target package_source).
set(CPACK_SOURCE_GENERATOR "TGZ")
set(CPACK_SOURCE_PACKAGE_FILE_NAME "firedrill-${PROJECT_VERSION}")
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build/" "/\\.cache/" "\\.swp$" "/compile_commands\\.json$")

include(CPack)
