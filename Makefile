# knee-check: the two commands that matter are `make serve` and `make test`; both set
# up a fresh Debian machine first (scripts/setup.sh, quick when all is in place).
# KNEE_CHECK_TOOLCHAIN=debian builds with Debian's packaged Rust instead of rustup's.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
PORT ?= 8080

.PHONY: all setup dist package serve test bench clean distclean

all: dist

## setup: install whatever is missing (wasm32 target, wasm-bindgen CLI, npm tools, Chromium)
setup:
	@scripts/setup.sh

## dist: release build of the widget into dist/ (hashed names, manifest.json with SRI)
dist: setup
	@scripts/dist.sh

## package: dist, then the npm package and the release archive in target/package/ (scripts/package.mjs)
package: dist
	@node scripts/package.mjs

## serve: build dist/ and serve it on http://127.0.0.1:$(PORT)/ (PORT=... to change)
serve: dist
	@node scripts/serve.mjs --root dist --port $(PORT)

## test: fmt, clippy (native + wasm), cargo test (native + headless Chromium), dist, Playwright
test: setup
	@scripts/test.sh

## bench: dist, then sizes against the budget and startup against a static page (scripts/bench.mjs)
bench: dist
	@node scripts/bench.mjs

## clean: remove build output (keeps node_modules and installed tools)
clean:
	rm -rf target dist dist.tmp test-results playwright-report

## distclean: clean, and remove node_modules too
distclean: clean
	rm -rf node_modules
