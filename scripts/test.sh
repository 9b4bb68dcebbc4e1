#!/usr/bin/env bash
# Runs every check `make test` promises, in order, and ends with one summary line:
#   N passed, N failed[, N skipped]
# The counts total the tests cargo (native and wasm), node's test runner (the FHIR
# validator, the WebKit runner) and Playwright (Chromium and Firefox) ran. A stage that
# fails without test counts of its own (fmt, clippy, a build) counts as one failure,
# so "0 failed" always means everything passed. Just above that line, each failing
# test is named with its stage (CI keeps only the tail of the output), and so is each
# browser test that failed once and passed on its one retry (playwright.config.mjs),
# so a flaky test is counted as passed but never goes unseen. Stages go on
# after a failure, to report as much as possible in one run; the exit status is
# non-zero if any failed.
#
# Each stage's full output is kept in target/test-logs/<stage>.log.
set -uo pipefail
KC_SCRIPT=test
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
load_toolchain

export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
logs="$KC_ROOT/target/test-logs"
mkdir -p "$logs"

passed=0
failed=0
skipped=0
failed_stages=()
failed_tests=()
started=$(date +%s)

# run_stage NAME KIND COMMAND...: KIND is cargo, node, playwright or check.
run_stage() {
  local name=$1 kind=$2
  shift 2
  local log="$logs/$name.log"
  local t0 status
  t0=$(date +%s)
  kc_say "── $name: $*"
  touch "$log.start"
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}

  local p=0 f=0 s=0 counted=0
  case $kind in
    cargo)
      # One "test result:" line per test binary (libtest and wasm-bindgen-test alike).
      read -r p f s counted < <(awk '
        /^test result: / {
          for (i = 1; i <= NF; i++) {
            if ($(i+1) ~ /^passed/) p += $i
            if ($(i+1) ~ /^failed/) f += $i
            if ($(i+1) ~ /^ignored/) s += $i
          }
          n++
        }
        END { print p+0, f+0, s+0, n+0 }' "$log")
      ;;
    node)
      # node --test with the TAP reporter ends with "# pass N", "# fail N", "# skipped N".
      read -r p f s counted < <(awk '
        /^# pass / { p = $3; n = 1 }
        /^# fail / { f = $3 }
        /^# skipped / { s = $3 }
        END { print p+0, f+0, s+0, n+0 }' "$log")
      ;;
    playwright)
      # Each Playwright stage writes its own JSON report (KC_E2E_RESULTS, set below).
      local results="$KC_ROOT/target/e2e/$name.json"
      if [[ -f $results && $results -nt $log.start ]]; then
        read -r p f s < <(node -e '
          const { stats } = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
          console.log(stats.expected + stats.flaky, stats.unexpected, stats.skipped);' "$results")
        counted=1
        # The failing tests by name, for the closing summary (CI keeps only the tail).
        mapfile -t -O "${#failed_tests[@]}" failed_tests < <(node -e '
          const report = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
          const walk = (suite, path) => {
            for (const child of suite.suites || []) walk(child, [...path, child.title]);
            for (const spec of suite.specs || [])
              for (const t of spec.tests)
                if (t.status === "unexpected" || t.status === "flaky") {
                  const failure = t.results.find((r) => r.error);
                  const error = failure?.error?.message?.replace(/\x1b\[[0-9;]*m/g, "").split("\n")[0] ?? "";
                  const what = t.status === "flaky" ? "flaky, passed on its retry" : "failed";
                  console.log(`${what}: ${process.argv[2]}: ${[...path, spec.title].join(" › ")} (${spec.file}:${spec.line}) ${error}`.slice(0, 400));
                }
          };
          for (const suite of report.suites) walk(suite, []);' "$results" "$name")
      fi
      ;;
  esac
  case $kind in
    cargo) mapfile -t -O "${#failed_tests[@]}" failed_tests < <(sed -n "s/^test \(.*\) \.\.\. FAILED$/failed: $name: \1/p" "$log") ;;
    node) mapfile -t -O "${#failed_tests[@]}" failed_tests < <(sed -n "s/^ *not ok [0-9]* - \(.*\)$/failed: $name: \1/p" "$log") ;;
  esac
  # A failing stage that reported no failing test (a compile error, a crash, a lint)
  # still counts as one failure.
  if ((status != 0 && f == 0)); then f=1; fi
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
  if ((status != 0)); then failed_stages+=("$name"); fi
  kc_say "── $name: $([[ $status == 0 ]] && echo ok || echo "FAILED (exit $status)")$([[ $kind != check ]] && echo ", $p passed, $f failed, $s skipped")$([[ $kind != check && $counted == 0 ]] && echo ' (no results found)') in $(($(date +%s) - t0)) s"
  return "$status"
}

cargo_cmd=("$KC_CARGO")
wasm_test_env=()
wasm_args=(--target wasm32-unknown-unknown)
if [[ $KC_ROUTE == debian ]]; then
  # Route B has no prebuilt std for wasm32: build it, with libtest for the test harness.
  wasm_args+=("-Zbuild-std=std,panic_abort,test")
fi

have_fmt=1 have_clippy=1
"$KC_CARGO" fmt --version >/dev/null 2>&1 || have_fmt=0
"$KC_CARGO" clippy --version >/dev/null 2>&1 || have_clippy=0

if ((have_fmt)); then
  run_stage fmt check "${cargo_cmd[@]}" fmt --all --check
else
  kc_say "── fmt: skipped (no rustfmt on route $KC_ROUTE)"
fi
if ((have_clippy)); then
  # Natively with the prerender (src/browser/prerender.rs: the app's views, drawn at build time).
  run_stage clippy-native check "${cargo_cmd[@]}" clippy --all-targets --features prerender -- -D warnings
  run_stage clippy-wasm check "${cargo_cmd[@]}" clippy --all-targets "${wasm_args[@]}" -- -D warnings
  run_stage clippy-checker check "${cargo_cmd[@]}" clippy --lib "${wasm_args[@]}" --features checker -- -D warnings
else
  kc_say "── clippy: skipped (no clippy on route $KC_ROUTE)"
fi
run_stage cargo-test-native cargo "${cargo_cmd[@]}" test --no-fail-fast --features prerender
# Doc tests run natively above; here only the lib, bins and tests/ run, in Chromium.
run_stage cargo-test-wasm cargo "${cargo_cmd[@]}" test --no-fail-fast "${wasm_args[@]}" --lib --bins --tests
# The FHIR exports, checked by an independent R4 validator (npm `fhir`), via the CLI
# that cargo test just built.
run_stage fhir node node --test --test-reporter=tap tests/fhir/
if run_stage dist check "$KC_ROOT/scripts/dist.sh"; then
  # Exact byte counts of the built files against the size guard (scripts/sizes.mjs).
  run_stage sizes check node "$KC_ROOT/scripts/sizes.mjs" --guard
  # The npm package and the release archive (make package), then the package installed
  # offline into a fresh project, type-checked and bundled; the browser half of those
  # checks is tests/e2e/package.spec.mjs below.
  if run_stage package check node "$KC_ROOT/scripts/package.mjs"; then
    run_stage package-tests node node --test --test-reporter=tap tests/package/
  fi
  # The whole Playwright suite in Chromium, then in Firefox ESR (tests tagged
  # @chromium-only need Chromium's DevTools protocol; see playwright.config.mjs).
  run_stage e2e playwright env KC_E2E_RESULTS=target/e2e/e2e.json npx playwright test --project=chromium
  run_stage e2e-firefox playwright env KC_E2E_RESULTS=target/e2e/e2e-firefox.json npx playwright test --project=firefox
  # WebKit (Safari's engine): WebKitWebDriver and MiniBrowser under Xvfb (tests/webkit/).
  run_stage e2e-webkit node node --test --test-reporter=tap --test-concurrency=1 tests/webkit/
else
  kc_say "── e2e: not run (no dist/)"
  failed=$((failed + 1))
fi

for t in "${failed_tests[@]}"; do kc_say "$t"; done
kc_say "finished in $(($(date +%s) - started)) s$( ((${#failed_stages[@]})) && echo "; failed stages: ${failed_stages[*]}")"
if ((skipped)); then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
((failed == 0))
