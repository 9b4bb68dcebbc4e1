#!/usr/bin/env bash
# Builds the shippable widget into dist/:
#   cargo (release, wasm32) -> wasm-bindgen --target web -> wasm-opt -Oz
#   -> scripts/assemble-dist.mjs (content-hashed names, loader, demo page, manifest).
#
# Size levers (measured numbers in README.md, "Performance"): std is rebuilt with
# -Zbuild-std=std,panic_abort and its optimize_for_size feature, without panic
# locations and Debug formatting, and a panic is a wasm trap at once
# (-Cpanic=immediate-abort), which web/knee-check.js turns into the polite failure
# message. That needs RUSTC_BOOTSTRAP=1 and rust-src; KNEE_CHECK_BUILD_STD=0 builds
# against the prebuilt std instead (larger, but plain stable Rust; panics then run the
# hook in src/embed.rs). Both get a 128 KiB stack instead of 1 MiB: the widget's deepest
# recursion (a custom questionnaire nested to the reader's limit) needs a few KiB.
set -euo pipefail
KC_SCRIPT=dist
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
load_toolchain

target_dir="${CARGO_TARGET_DIR:-$KC_ROOT/target}"
stage="$target_dir/dist-stage"
started=$(date +%s)

cargo_args=(build --lib --release --target wasm32-unknown-unknown)
stack="-Clink-arg=-zstack-size=131072"
build_env=("RUSTFLAGS=$stack")
if [[ "${KNEE_CHECK_BUILD_STD:-1}" != 0 && -n "$KC_BUILD_STD" ]]; then
  # optimize_for_size makes std pick its smaller implementations (sorting, formatting).
  cargo_args+=("-Zbuild-std=$KC_BUILD_STD" "-Zbuild-std-features=optimize_for_size")
  # No file:line, no `{:?}` output and no panic machinery at all: they only grow the
  # binary and mean nothing to a reader. A panic traps; the loader shows the failure.
  build_env=(RUSTC_BOOTSTRAP=1
    "RUSTFLAGS=-Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort $stack")
  mode="build-std, immediate-abort"
else
  mode="prebuilt std"
fi

kc_say "cargo ${cargo_args[*]} (route $KC_ROUTE, $mode)"
env "${build_env[@]}" "$KC_CARGO" "${cargo_args[@]}"

wasm="$target_dir/wasm32-unknown-unknown/release/knee_check.wasm"
[[ -f "$wasm" ]] || kc_die "cargo did not produce $wasm"

# wasm-bindgen and wasm-opt take most of a warm build: skip them while cargo's output,
# this script and the tools are what they were last time.
key=$(cat "$wasm" "${BASH_SOURCE[0]}" <(wasm-bindgen --version) <(wasm-opt --version) | sha256sum | cut -d' ' -f1)
if [[ -f "$stage/.key" && "$(cat "$stage/.key")" == "$key" ]]; then
  kc_say "wasm unchanged: reusing wasm-bindgen and wasm-opt output"
else
  rm -rf "$stage"
  kc_say "wasm-bindgen --target web"
  wasm-bindgen --target web --no-typescript --out-dir "$stage" --out-name knee_check "$wasm"

  kc_say "wasm-opt -Oz"
  # Rust >= 1.87 emits these features by default; wasm-opt must be told it may keep them.
  wasm-opt -Oz \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    --strip-debug --strip-producers --strip-target-features \
    "$stage/knee_check_bg.wasm" -o "$stage/knee_check_bg.opt.wasm"
  mv "$stage/knee_check_bg.opt.wasm" "$stage/knee_check_bg.wasm"
  echo "$key" >"$stage/.key"
fi

node scripts/assemble-dist.mjs --stage "$stage" --out "$KC_ROOT/dist"
kc_say "done in $(($(date +%s) - started)) s"
