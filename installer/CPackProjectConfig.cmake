# Read by cpack once per generator (CPACK_GENERATOR holds the one being run).
if(CPACK_GENERATOR STREQUAL "DEB")
    # A Debian package always installs under /usr, whatever prefix the build was configured with.
    set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
elseif(CPACK_GENERATOR STREQUAL "TGZ")
    # firedrill-<version>-Linux/{bin,share}/...: unpack anywhere, or into a prefix with
    # tar --strip-components=1 -C /usr/local -xzf firedrill-<version>-Linux.tar.gz
    set(CPACK_PACKAGING_INSTALL_PREFIX "/")
endif()
