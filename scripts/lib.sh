# Shared helpers for the build scripts: sourced, never run.
#
# Every script works from the repository root and finds the tools that setup.sh
# installed (cargo's bin directory, node_modules/.bin) whatever PATH it was started with.

KC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$KC_ROOT"

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$KC_ROOT/node_modules/.bin:$PATH"
# Playwright must never try to download a browser: the tests use Debian's Chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# Where setup.sh records the toolchain route it chose (see load_toolchain).
KC_TOOLCHAIN_ENV="$KC_ROOT/target/toolchain.env"

kc_say() { printf '%s: %s\n' "${KC_SCRIPT:-knee-check}" "$*"; }
kc_die() {
  printf '%s: error: %s\n' "${KC_SCRIPT:-knee-check}" "$*" >&2
  exit 1
}

# Loads the route setup.sh chose: KC_ROUTE (rustup or debian), KC_CARGO (the cargo
# binary to call), KC_BUILD_STD (value for -Zbuild-std, empty for none) and the
# environment Route B needs (RUSTC, RUSTC_BOOTSTRAP, the wasm linker, its own target
# dir). Route B's settings live here rather than in .cargo/config.toml because a
# `linker = "wasm-ld-22"` there would also apply to Route A and break it.
load_toolchain() {
  [[ -f "$KC_TOOLCHAIN_ENV" ]] || "$KC_ROOT/scripts/setup.sh"
  # shellcheck source=/dev/null
  source "$KC_TOOLCHAIN_ENV"
}
