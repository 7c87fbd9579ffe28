#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh Debian machine. Safe to run again:
# each step checks whether its work is already done.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/env.sh"

# valgrind: `perf peers --instructions` counts instructions under callgrind.
apt_packages=(rustc-web cargo-web rust-web-src lld-22 clang libclang-dev protobuf-compiler pkg-config binaryen python3 valgrind)
# --browser: Debian's Chromium too, which the web page's test drives headless (e2e/test/web.test.js).
if [ "${1:-}" = --browser ]; then apt_packages+=(chromium); fi
missing=()
for p in "${apt_packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "setup: installing ${missing[*]}"
	sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
	$sudo_cmd apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# rustup offers no wasm32 target here; Debian's rustc-web does, with the library sources for
# `-Z build-std`. substrate-wasm-builder gets a toolchain directory whose cargo turns build-std on
# for wasm32 builds only, so the host toolchain stays stable.
tc="$WASM_BUILD_TOOLCHAIN"
mkdir -p "$tc/bin"
cat > "$tc/bin/cargo.new" <<'WRAP'
#!/bin/sh
export RUSTC_BOOTSTRAP=1
case " $* " in *wasm32-unknown-unknown*) export CARGO_UNSTABLE_BUILD_STD="${CARGO_UNSTABLE_BUILD_STD:-core,alloc}";; esac
exec /usr/bin/cargo "$@"
WRAP
chmod +x "$tc/bin/cargo.new"
mv -f "$tc/bin/cargo.new" "$tc/bin/cargo"
ln -sfn /usr/bin/rustc "$tc/bin/rustc"
ln -sfn /usr/lib "$tc/lib"
mkdir -p "$CARGO_TARGET_DIR"
echo "setup: wasm toolchain at $tc ($("$tc/bin/rustc" --version)), cargo target dir $CARGO_TARGET_DIR"
