#!/usr/bin/env bash
# Installs the Debian 12 packages Firedrill needs to build, test and package.
# Only missing packages are installed; uses sudo when not run as root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git file dpkg-dev
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev qt6-qpa-plugins libgl-dev fonts-dejavu-core
  libyaml-cpp-dev libsqlite3-dev sqlite3 libcli11-dev nlohmann-json3-dev libical-dev
  xvfb xauth desktop-file-utils appstream shared-mime-info
  clang libclang-rt-14-dev clang-tidy cppcheck
)
# clang, clang-tidy (which provides run-clang-tidy) and cppcheck are for .ci/static-checks, which
# installs nothing itself; clang and libclang-rt-14-dev also build the fuzzers.

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "install-deps: missing packages (${missing[*]}) and neither root nor sudo is available" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
