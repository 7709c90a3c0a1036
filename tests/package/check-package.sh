#!/usr/bin/env bash
# Builds the TGZ (and the DEB when dpkg-deb is available) from a build tree's CPackConfig.cmake
# into a temporary directory, then checks:
#   - each package's file list against expected-files.txt (readable diff on mismatch);
#   - the executables are executable;
#   - the DEB's control fields (name, version, section, shlibdeps-generated Depends);
#   - the .desktop file (desktop-file-validate), the AppStream metainfo (appstreamcli validate)
#     and the MIME package (update-mime-database), each only when the tool is installed;
#   - that the sample workspace carries the application_id the MIME magic looks for.
#
# usage: check-package.sh CPACK CPACK_CONFIG EXPECTED_FILES VERSION
set -euo pipefail

if [ $# -ne 4 ]; then
    echo "usage: $0 CPACK CPACK_CONFIG EXPECTED_FILES VERSION" >&2
    exit 2
fi
cpack=$1
config=$2
expected=$3
version=$4

app_id=org.firedrill.Firedrill
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }
skip() { echo "skip: $*"; }

[ -f "$config" ] || { echo "FAIL: $config not found (configure the build first)"; exit 1; }
[ -f "$expected" ] || { echo "FAIL: $expected not found"; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/firedrill-package.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# --- Build the packages ------------------------------------------------------------------------
generators=TGZ
if command -v dpkg-deb >/dev/null 2>&1 && command -v dpkg-shlibdeps >/dev/null 2>&1; then
    generators="TGZ;DEB"
else
    skip "DEB: dpkg-deb or dpkg-shlibdeps not installed (Debian package dpkg-dev)"
fi
if ! "$cpack" --config "$config" -G "$generators" -B "$tmp/out" >"$tmp/cpack.log" 2>&1; then
    cat "$tmp/cpack.log"
    echo "FAIL: cpack -G '$generators' failed"
    exit 1
fi
pass "cpack -G '$generators'"

tgz=$(find "$tmp/out" -maxdepth 1 -name 'firedrill-*.tar.gz' | head -n 1)
deb=$(find "$tmp/out" -maxdepth 1 -name 'firedrill_*.deb' | head -n 1)
[ -n "$tgz" ] || { ls -l "$tmp/out"; echo "FAIL: no firedrill-*.tar.gz produced"; exit 1; }
if [[ $generators == *DEB* && -z $deb ]]; then
    ls -l "$tmp/out"
    echo "FAIL: no firedrill_*.deb produced"
    exit 1
fi

# --- Expected list -------------------------------------------------------------------------------
exact=$tmp/expected-exact.txt
patterns=()
: >"$exact"
while IFS= read -r line || [ -n "$line" ]; do
    case $line in
        '' | '#'*) ;;
        *'*'*) patterns+=("$line") ;;
        *) printf '%s\n' "$line" >>"$exact" ;;
    esac
done <"$expected"
LC_ALL=C sort -o "$exact" "$exact"

# compare_list LABEL ACTUAL_LIST: files matching a pattern are dropped unless listed exactly,
# then the rest must equal the exact list.
compare_list() {
    local label=$1 actual=$2 filtered=$tmp/actual-filtered.txt f p matched
    : >"$filtered"
    while IFS= read -r f; do
        if grep -qxF -- "$f" "$exact"; then
            printf '%s\n' "$f" >>"$filtered"
            continue
        fi
        matched=0
        for p in ${patterns[@]+"${patterns[@]}"}; do
            # shellcheck disable=SC2053  # unquoted on purpose: glob match
            if [[ $f == $p ]]; then matched=1; break; fi
        done
        [ "$matched" -eq 1 ] || printf '%s\n' "$f" >>"$filtered"
    done <"$actual"
    LC_ALL=C sort -o "$filtered" "$filtered"
    if diff -u --label "expected-files.txt" --label "$label" "$exact" "$filtered" >"$tmp/diff.txt"; then
        pass "$label: file list matches expected-files.txt ($(wc -l <"$actual") files)"
    else
        fail "$label: file list differs from expected-files.txt ('-' = missing, '+' = unexpected):"
        sed 's/^/    /' "$tmp/diff.txt"
    fi
}

# --- TGZ -----------------------------------------------------------------------------------------
# Entries are <top>/<path>; drop the top-level directory and directories themselves.
tar -tzf "$tgz" | grep -v '/$' | sed 's|^[^/]*/||' | LC_ALL=C sort >"$tmp/tgz-files.txt"
compare_list "$(basename "$tgz")" "$tmp/tgz-files.txt"

mkdir -p "$tmp/tgz"
tar -xzf "$tgz" -C "$tmp/tgz" --strip-components=1
root=$tmp/tgz
for exe in bin/firedrill bin/firedrill-cli; do
    if [ -f "$root/$exe" ] && [ ! -x "$root/$exe" ]; then
        fail "$exe is not executable in the TGZ"
    fi
done

# --- DEB -----------------------------------------------------------------------------------------
if [ -n "$deb" ]; then
    # Paths under /usr are reported relative to it (like the TGZ); anything else stays absolute.
    dpkg-deb --fsys-tarfile "$deb" | tar -tf - | grep -v '/$' \
        | sed -e 's|^\./usr/||' -e 's|^\./|/|' | LC_ALL=C sort >"$tmp/deb-files.txt"
    compare_list "$(basename "$deb")" "$tmp/deb-files.txt"

    field() { dpkg-deb -f "$deb" "$1"; }
    [ "$(field Package)" = firedrill ] || fail "DEB Package is '$(field Package)', expected 'firedrill'"
    [ "$(field Version)" = "$version" ] || fail "DEB Version is '$(field Version)', expected '$version'"
    [ "$(field Section)" = utils ] || fail "DEB Section is '$(field Section)', expected 'utils'"
    depends=$(field Depends)
    case $depends in
        *libc6*) pass "DEB control fields (Depends: $depends)" ;;
        *) fail "DEB Depends '$depends' lacks libc6: dpkg-shlibdeps did not run" ;;
    esac
    # Loaded with dlopen(), so dpkg-shlibdeps cannot find them: listed by hand in Packaging.cmake.
    for plugin_package in libqt6svg6 qt6-qpa-plugins; do
        case ", $depends," in
            *", $plugin_package,"*|*", $plugin_package ("*) pass "DEB Depends names $plugin_package" ;;
            *) fail "DEB Depends '$depends' lacks $plugin_package (a plugin the GUI loads)" ;;
        esac
    done
    for exe in usr/bin/firedrill usr/bin/firedrill-cli; do
        mode=$(dpkg-deb -c "$deb" | awk -v p="./$exe" '$NF == p { print $1 }')
        if [ -n "$mode" ] && [ "${mode:3:1}" != x ]; then
            fail "/$exe is not executable in the DEB ($mode)"
        fi
    done
fi

# --- Desktop integration files -------------------------------------------------------------------
desktop=$root/share/applications/$app_id.desktop
metainfo=$root/share/metainfo/$app_id.metainfo.xml
mime=$root/share/mime/packages/firedrill-mime.xml

if [ ! -f "$desktop" ]; then
    skip "desktop-file-validate: no .desktop file in the package"
elif command -v desktop-file-validate >/dev/null 2>&1; then
    if desktop-file-validate "$desktop" >"$tmp/dfv.txt" 2>&1; then
        pass "desktop-file-validate"
    else
        fail "desktop-file-validate:"
        sed 's/^/    /' "$tmp/dfv.txt"
    fi
else
    skip "desktop-file-validate not installed (Debian package desktop-file-utils)"
fi

if [ ! -f "$metainfo" ]; then
    skip "appstreamcli validate: no metainfo file in the package"
elif command -v appstreamcli >/dev/null 2>&1; then
    if appstreamcli validate --no-net "$metainfo" >"$tmp/as.txt" 2>&1; then
        pass "appstreamcli validate --no-net"
    else
        fail "appstreamcli validate --no-net:"
        sed 's/^/    /' "$tmp/as.txt"
    fi
else
    skip "appstreamcli not installed (Debian package appstream)"
fi

if [ ! -f "$mime" ]; then
    skip "update-mime-database: no MIME package in the package"
elif command -v update-mime-database >/dev/null 2>&1; then
    mkdir -p "$tmp/mime/packages"
    cp "$mime" "$tmp/mime/packages/"
    # XDG_DATA_HOME points at the scratch tree so the tool does not warn that it is off the search path.
    if XDG_DATA_HOME=$tmp update-mime-database "$tmp/mime" >"$tmp/umd.txt" 2>&1 && [ ! -s "$tmp/umd.txt" ] \
        && grep -qx 'application/x-firedrill-workspace:\*\.firedrill' "$tmp/mime/globs" \
        && grep -qF 'application/x-firedrill-workspace' "$tmp/mime/magic"; then
        pass "update-mime-database (glob *.firedrill and magic registered)"
    else
        fail "update-mime-database rejected or ignored firedrill-mime.xml:"
        sed 's/^/    /' "$tmp/umd.txt"
    fi
else
    skip "update-mime-database not installed (Debian package shared-mime-info)"
fi

# The MIME magic matches PRAGMA application_id 0x46445231 ("FDR1", big-endian at offset 68).
sample=$root/share/firedrill/samples/two-region.firedrill
if [ -f "$sample" ]; then
    header=$(head -c 16 "$sample" | tr -d '\0')
    appid=$(dd if="$sample" bs=1 skip=68 count=4 2>/dev/null | tr -d '\0')
    if [ "$header" = "SQLite format 3" ] && [ "$appid" = FDR1 ]; then
        pass "two-region.firedrill is an SQLite workspace with application_id FDR1"
    else
        fail "two-region.firedrill: expected an SQLite 3 header and application_id 'FDR1' at offset 68, got '$header' / '$appid'"
    fi
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures package check(s) failed"
    exit 1
fi
echo "all package checks passed"
