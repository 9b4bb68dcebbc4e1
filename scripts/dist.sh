#!/usr/bin/env bash
# Builds the shippable widget into dist/ (or $KC_DIST_OUT):
#   cargo (release, wasm32; the widget, then the questionnaire checker)
#   -> wasm-bindgen --target web -> wasm-opt -Oz
#   -> scripts/assemble-dist.mjs (content-hashed names, loader, demo page, manifest).
#
# Size levers (measured numbers in README.md, "Performance"): std is rebuilt with
# -Zbuild-std=std,panic_abort and its optimize_for_size feature, without panic
# locations and Debug formatting, and a panic is a wasm trap at once
# (-Cpanic=immediate-abort), which web/knee-check.js turns into the polite failure
# message. That needs RUSTC_BOOTSTRAP=1 and rust-src; KNEE_CHECK_BUILD_STD=0 builds
# against the prebuilt std instead (larger, but plain stable Rust; panics then run the
# hook in src/browser/embed.rs). Both get a 128 KiB stack instead of 1 MiB: the widget's deepest
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

# Two modules from one crate: the widget, and the questionnaire checker (src/browser/checker.rs)
# that the loader fetches only for a page with a custom questionnaire. Each is copied out
# of cargo's output before the next build overwrites it.
wasm="$target_dir/wasm32-unknown-unknown/release/knee_check.wasm"
mkdir -p "$target_dir/dist-wasm"
for module in knee_check knee_check_checker; do
  features=()
  [[ $module == knee_check_checker ]] && features=(--features checker)
  kc_say "cargo ${cargo_args[*]} ${features[*]} (route $KC_ROUTE, $mode)"
  env "${build_env[@]}" "$KC_CARGO" "${cargo_args[@]}" "${features[@]}"
  [[ -f "$wasm" ]] || kc_die "cargo did not produce $wasm"
  cp "$wasm" "$target_dir/dist-wasm/$module.wasm"
done

# wasm-bindgen and wasm-opt take most of a warm build: skip them while cargo's output,
# this script and the tools are what they were last time.
key=$(cat "$target_dir"/dist-wasm/*.wasm "${BASH_SOURCE[0]}" <(wasm-bindgen --version) <(wasm-opt --version) | sha256sum | cut -d' ' -f1)
if [[ -f "$stage/.key" && "$(cat "$stage/.key")" == "$key" ]]; then
  kc_say "wasm unchanged: reusing wasm-bindgen and wasm-opt output"
else
  rm -rf "$stage"
  for module in knee_check knee_check_checker; do
    kc_say "wasm-bindgen --target web ($module)"
    wasm-bindgen --target web --no-typescript --out-dir "$stage" --out-name "$module" "$target_dir/dist-wasm/$module.wasm"

    kc_say "wasm-opt -Oz ($module)"
    # Rust >= 1.87 emits these features by default; wasm-opt must be told it may keep them.
    # --converge repeats -Oz until it stops shrinking: about 0.5 KB gzip for 4 s.
    wasm-opt -Oz --converge \
      --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      --strip-debug --strip-producers --strip-target-features \
      "$stage/${module}_bg.wasm" -o "$stage/${module}_bg.opt.wasm"
    mv "$stage/${module}_bg.opt.wasm" "$stage/${module}_bg.wasm"

    # wasm-bindgen names every import `__wbg_<api>_<16 hex>` and exports long Rust names;
    # both are spelled out in the wasm and again in the glue. Renamed to one or two
    # letters (about 4 KB gzip less in all); scripts/assemble-dist.mjs renames them in
    # the glue from the map wasm-opt prints, which also keeps the real names for the
    # import audit (tests/e2e/audit.spec.mjs).
    kc_say "wasm-opt --minify-imports-and-exports-and-modules ($module)"
    wasm-opt --minify-imports-and-exports-and-modules \
      --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$stage/${module}_bg.wasm" -o "$stage/${module}_bg.min.wasm" >"$stage/${module}.names.json"
    mv "$stage/${module}_bg.min.wasm" "$stage/${module}_bg.wasm"
  done
  echo "$key" >"$stage/.key"
fi

# The first screen in each language, drawn natively by Yew's server renderer from the
# app's own views (src/browser/prerender.rs); the loader shows it before the wasm.
kc_say "cargo run --features prerender --bin knee-check-prerender"
"$KC_CARGO" run --quiet --features prerender --bin knee-check-prerender >"$target_dir/first-screens.json"

node scripts/assemble-dist.mjs --stage "$stage" --out "${KC_DIST_OUT:-$KC_ROOT/dist}" --first-screens "$target_dir/first-screens.json"
kc_say "done in $(($(date +%s) - started)) s"
