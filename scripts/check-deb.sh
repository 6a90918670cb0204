#!/usr/bin/env bash
# Checks the Debian package as a user would meet it: installs it with dpkg -i (and apt-get
# for the libraries it depends on), runs the installed `signer-dashboard summary`, validates
# the installed desktop entry, checks the icons are in place, then removes the package and
# checks that every file it installed is gone.
#
# usage: scripts/check-deb.sh [PACKAGE.deb]
# Without PACKAGE.deb it builds one with scripts/package-deb.sh. Runs as root (or through
# sudo); it refuses to run where signer-dashboard is already installed as a package, as it
# would remove it. The libraries apt-get installs for it stay installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

package=signer-dashboard
as_root=()
if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "check-deb: run as root: it installs and removes a package" >&2; exit 2; }
    as_root=(sudo)
fi
apt_install() {
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}
is_installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" == "install ok installed" ]]
}
fail() {
    echo "check-deb: FAILED: $*" >&2
    exit 1
}

if is_installed; then
    echo "check-deb: $package is already installed as a package here; remove it first (this check would)" >&2
    exit 2
fi

deb=${1:-}
if [[ -z "$deb" ]]; then
    deb=$(scripts/package-deb.sh | tail -n 1)
fi
[[ -f "$deb" ]] || fail "no package at $deb"
echo "==> checking $deb"

if ! command -v desktop-file-validate >/dev/null; then
    "${as_root[@]}" apt-get update -qq
    apt_install desktop-file-utils
fi

# Whatever happens below, do not leave the package installed.
installed_by_us=0
cleanup() {
    if [[ $installed_by_us -eq 1 ]] && is_installed; then
        "${as_root[@]}" dpkg --purge "$package" >/dev/null || true
    fi
}
trap cleanup EXIT

echo "==> dpkg -i"
installed_by_us=1
if ! "${as_root[@]}" dpkg -i "$deb"; then
    echo "==> apt-get -f install: the libraries it depends on"
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -f install -y -qq --no-install-recommends
fi
is_installed || fail "$package is not installed after dpkg -i and apt-get -f install"
dpkg-query -W -f='${Package} ${Version} ${Architecture}\nDepends: ${Depends}\n' "$package"

mapfile -t files < <(dpkg-query -L "$package" | while read -r path; do [[ -f "$path" ]] && echo "$path"; done)
echo "installed ${#files[@]} files"

echo "==> /usr/bin/signer-dashboard summary"
summary=$(/usr/bin/signer-dashboard summary)
echo "$summary" | head -n 8
grep -qx "Signers: 25" <<<"$summary" || fail "summary does not count the sample's 25 signers"
/usr/bin/signer-dashboard --version

echo "==> desktop-file-validate"
entry=/usr/share/applications/signer-dashboard.desktop
desktop-file-validate "$entry" || fail "the installed desktop entry is not valid"
grep -qx "Exec=signer-dashboard %f" "$entry" || fail "the entry does not run signer-dashboard %f"
echo "$entry is valid"

echo "==> icons"
for size in 32 48 64 128 256 512; do
    icon=/usr/share/icons/hicolor/${size}x${size}/apps/signer-dashboard.png
    cmp -s "$icon" "assets/icons/signer-dashboard-$size.png" || fail "$icon is missing or not the app's"
    # The PNG header says width and height (bytes 16-23, big-endian).
    read -r width height < <(od -An -tu1 -j16 -N8 "$icon" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
    [[ "$width" == "$size" && "$height" == "$size" ]] || fail "$icon is ${width}x${height}, not ${size}x${size}"
done
icon=/usr/share/icons/hicolor/scalable/apps/signer-dashboard.svg
cmp -s "$icon" assets/icons/signer-dashboard.svg || fail "$icon is missing or not the app's"
echo "7 icons in place"

echo "==> dpkg --purge"
"${as_root[@]}" dpkg --purge "$package"
installed_by_us=0
status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
[[ -z "$status" || "$status" == *not-installed ]] || fail "$package is still known to dpkg: $status"
for path in "${files[@]}"; do
    [[ ! -e "$path" ]] || fail "$path is still there after removal"
done
echo "all ${#files[@]} files are gone"

echo
echo "check-deb passed: $deb"
