# Shared environment for every build and test script; source it, don't run it.
# The cargo target directory lives outside the clone so that CI and developers reuse builds.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/wasm-contracts-target}"
# Toolchain directory whose cargo enables build-std for wasm32 (see scripts/setup.sh).
export WASM_BUILD_TOOLCHAIN="${WASM_BUILD_TOOLCHAIN:-$HOME/.cache/wasm-contracts-toolchain}"
export PATH="$HOME/.cargo/bin:$PATH"
