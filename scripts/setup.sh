#!/usr/bin/env bash
# Brings a Debian machine (root or sudo, apt, rustup, Node.js 20 with npm) to the state
# `make dist`, `make serve` and `make test` need, installing only what is missing and
# saying what it installs. Safe to run again: with everything present it takes a few
# seconds and changes nothing.
#
# Toolchain routes (see /work/shared/TOOLCHAIN.md and README.md):
#   Route A (default): rustup's toolchain with the wasm32-unknown-unknown target and
#     the rust-src component (to rebuild std smaller with -Zbuild-std).
#   Route B: Debian's packaged Rust (rustc-web, cargo-web, rust-web-src, lld-22),
#     building std for wasm32 itself. Taken when KNEE_CHECK_TOOLCHAIN=debian, or when
#     rustup is missing or cannot add the wasm32 target.
# The choice is written to target/toolchain.env for the other scripts.
set -euo pipefail
KC_SCRIPT=setup
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

APT_UPDATED=0
apt_install() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || kc_die "need root (or sudo) to apt-get install ${missing[*]}"
    sudo=(sudo)
  fi
  command -v apt-get >/dev/null || kc_die "apt-get not found: install ${missing[*]} by hand"
  kc_say "installing with apt: ${missing[*]}"
  if ((APT_UPDATED == 0)); then
    "${sudo[@]}" apt-get update -qq || kc_die "apt-get update failed (needed for ${missing[*]})"
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || kc_die "apt-get install failed for: ${missing[*]}"
}

# ---------------------------------------------------------------- Node.js and npm
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
((node_major >= 20)) || kc_die "Node.js >= 20 is required (found $(node --version 2>/dev/null || echo none)); install it, e.g. from NodeSource"

# ---------------------------------------------------------------- Rust toolchain
mkdir -p "$KC_ROOT/target"
route=rustup
if [[ "${KNEE_CHECK_TOOLCHAIN:-}" == debian ]]; then
  route=debian
elif [[ -n "${KNEE_CHECK_TOOLCHAIN:-}" && "${KNEE_CHECK_TOOLCHAIN}" != rustup ]]; then
  kc_die "KNEE_CHECK_TOOLCHAIN must be 'rustup' or 'debian', not '${KNEE_CHECK_TOOLCHAIN}'"
elif ! command -v rustup >/dev/null; then
  kc_say "rustup not found: falling back to Debian's packaged Rust (Route B)"
  route=debian
else
  installed_targets=$(rustup target list --installed 2>/dev/null || true)
  if ! grep -qx wasm32-unknown-unknown <<<"$installed_targets"; then
    kc_say "installing with rustup: target wasm32-unknown-unknown"
    if ! rustup target add wasm32-unknown-unknown; then
      kc_say "rustup could not add wasm32-unknown-unknown: falling back to Debian's packaged Rust (Route B)"
      route=debian
    fi
  fi
  rustup_build_std=std,panic_abort
  if [[ $route == rustup ]]; then
    installed_components=$(rustup component list --installed 2>/dev/null || true)
    for component in rust-src rustfmt clippy; do
      if ! grep -q "^$component" <<<"$installed_components"; then
        kc_say "installing with rustup: component $component"
        if rustup component add "$component"; then
          continue
        elif [[ $component == rust-src ]]; then
          # Without std's sources the build falls back to the prebuilt (larger) std.
          kc_say "warning: rustup could not add rust-src: dist/ will use the prebuilt std"
          rustup_build_std=
        else
          kc_say "warning: rustup could not add $component: make test will skip its stage"
        fi
      fi
    done
  fi
fi

if [[ $route == debian ]]; then
  apt_install rustc-web cargo-web rust-web-src lld-22
  [[ -x /usr/bin/cargo && -x /usr/bin/rustc ]] || kc_die "Debian's cargo/rustc missing after installing cargo-web rustc-web"
  [[ -d /usr/lib/rustlib/src/rust/library ]] || kc_die "std sources missing at /usr/lib/rustlib/src/rust (package rust-web-src)"
  command -v wasm-ld-22 >/dev/null || kc_die "wasm-ld-22 not found (package lld-22)"
  # Clippy is optional on this route: make test skips the lint stages without it.
  (apt_install rust-web-clippy) || kc_say "rust-web-clippy unavailable: lint stages will be skipped"
  cat >"$KC_TOOLCHAIN_ENV.tmp" <<'EOF'
# Written by scripts/setup.sh: Route B, Debian's packaged Rust.
KC_ROUTE=debian
KC_CARGO=/usr/bin/cargo
KC_BUILD_STD=std,panic_abort
export RUSTC=/usr/bin/rustc
export RUSTDOC=/usr/bin/rustdoc
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22
export CARGO_TARGET_DIR="$KC_ROOT/target/debian"
# Debian's cargo finds its subcommands (cargo-clippy) on PATH, before rustup's proxies.
export PATH="/usr/bin:$PATH"
EOF
else
  cat >"$KC_TOOLCHAIN_ENV.tmp" <<'EOF'
# Written by scripts/setup.sh: Route A, rustup's toolchain.
KC_ROUTE=rustup
KC_CARGO=cargo
EOF
  echo "KC_BUILD_STD=$rustup_build_std" >>"$KC_TOOLCHAIN_ENV.tmp"
fi
mv "$KC_TOOLCHAIN_ENV.tmp" "$KC_TOOLCHAIN_ENV"
source "$KC_TOOLCHAIN_ENV"

# ---------------------------------------------------------------- wasm-bindgen CLI
# The CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock, or the
# generated glue and the wasm disagree.
if [[ ! -f Cargo.lock ]]; then
  kc_say "Cargo.lock missing: resolving dependencies"
  "$KC_CARGO" generate-lockfile
fi
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[[ -n "$wb_version" ]] || kc_die "no wasm-bindgen package in Cargo.lock"
have_wb() {
  [[ "$(wasm-bindgen --version 2>/dev/null)" == "wasm-bindgen $wb_version" ]] \
    && [[ "$(wasm-bindgen-test-runner --version 2>/dev/null)" == "wasm-bindgen-test-runner $wb_version" ]]
}
if ! have_wb; then
  kc_say "installing with cargo: wasm-bindgen-cli $wb_version (takes about 4 minutes)"
  # No --locked: the CLI's own lockfile names a dependency version the registry lacks.
  "$KC_CARGO" install wasm-bindgen-cli --version "$wb_version" \
    || kc_die "cargo install wasm-bindgen-cli --version $wb_version failed"
  have_wb || kc_die "wasm-bindgen $wb_version not on PATH after installing it (is ${CARGO_HOME:-$HOME/.cargo}/bin on PATH?)"
fi

# ---------------------------------------------------------------- npm packages
# binaryen (wasm-opt) and the end-to-end test tools. The stamp holds the lockfile's
# hash, so npm ci runs only when package-lock.json changed or node_modules is gone.
stamp=node_modules/.knee-check-lock.sha256
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $stamp || "$(cat "$stamp")" != "$lock_hash" ]]; then
  kc_say "installing with npm ci: $(node -p 'Object.keys(require("./package.json").devDependencies).join(", ")')"
  npm ci --no-audit --no-fund --loglevel=error || kc_die "npm ci failed"
  echo "$lock_hash" >"$stamp"
fi
wasm-opt --version >/dev/null 2>&1 || kc_die "wasm-opt (npm package binaryen) does not run; try rm -rf node_modules"

# ---------------------------------------------------------------- Chromium
# Debian's Chromium and its matching ChromeDriver run the browser tests.
if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  apt_install chromium chromium-driver
fi
[[ -x /usr/bin/chromium ]] || kc_die "/usr/bin/chromium missing (package chromium)"
[[ -x /usr/bin/chromedriver ]] || kc_die "/usr/bin/chromedriver missing (package chromium-driver)"

# ---------------------------------------------------------------- Firefox ESR and WebKit
# The other two engines readers use, both from Debian's archive (no browser download):
# Firefox ESR, driven by Playwright over WebDriver BiDi (playwright.config.mjs), and
# WebKitGTK's WebDriver with its MiniBrowser under Xvfb, driven by selenium-webdriver
# (tests/webkit/). The Playwright pin (1.64.1) matches Firefox ESR 153.
firefox_bin=/usr/lib/firefox-esr/firefox-esr
minibrowser=/usr/lib/$(uname -m)-linux-gnu/webkit2gtk-4.1/MiniBrowser
if [[ ! -x $firefox_bin || ! -x /usr/bin/WebKitWebDriver || ! -x $minibrowser || ! -x /usr/bin/Xvfb ]]; then
  apt_install firefox-esr webkit2gtk-driver xvfb
fi
[[ -x $firefox_bin ]] || kc_die "$firefox_bin missing (package firefox-esr)"
[[ -x /usr/bin/WebKitWebDriver && -x $minibrowser ]] || kc_die "WebKitWebDriver or $minibrowser missing (package webkit2gtk-driver)"
[[ -x /usr/bin/Xvfb ]] || kc_die "/usr/bin/Xvfb missing (package xvfb)"
firefox_version=$(dpkg-query -W -f='${Version}' firefox-esr 2>/dev/null || echo unknown)
webkit_version=$(dpkg-query -W -f='${Version}' webkit2gtk-driver 2>/dev/null || echo unknown)

kc_say "ok: route $KC_ROUTE ($("$KC_CARGO" --version | cut -d' ' -f1-2)), wasm-bindgen $wb_version, $(wasm-opt --version | cut -d' ' -f1-3), node $(node --version), $(/usr/bin/chromium --version 2>/dev/null | head -n1), Firefox ESR $firefox_version, WebKitGTK $webkit_version"
