#!/usr/bin/env bash
# Builds the Debian package: a release build of the app with its window, the desktop entry
# and the icons, as [package.metadata.deb] in Cargo.toml lists them. Prints the path of the
# .deb (under $CARGO_TARGET_DIR/debian/, or target/debian/) as its last line.
#
# usage: scripts/package-deb.sh [cargo-deb options...]
# Installs cargo-deb from crates.io first if it is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! cargo deb --version >/dev/null 2>&1; then
    echo "cargo-deb is not installed: installing it from crates.io" >&2
    cargo install cargo-deb --locked
fi

# cargo deb builds with `cargo build --release` and prints the .deb's path on stdout.
deb=$(cargo deb "$@" | tail -n 1)
if [[ ! -f "$deb" ]]; then
    echo "cargo deb did not say where the package is (it printed \"$deb\")" >&2
    exit 1
fi
dpkg-deb --info "$deb" | sed -n '/Package:/,$p' >&2
dpkg-deb --contents "$deb" >&2
echo "$deb"
