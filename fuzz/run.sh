#!/usr/bin/env bash
# Fuzzes one target, or all of them one after another, with cargo-fuzz (libFuzzer) on the
# stable toolchain. Usage: fuzz/run.sh TARGET|all [SECONDS per target, default 300].
# New inputs go to fuzz/corpus/TARGET (not committed); tests/fuzz_corpus/TARGET is read as
# seeds. A crash is written to fuzz/artifacts/TARGET/ and stops the run. See fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz/run.sh TARGET|all [SECONDS]}
secs=${2:-300}
# libFuzzer needs nightly-only rustc flags (-Zsanitizer, sancov); RUSTC_BOOTSTRAP lets the
# stable compiler take them, so no nightly toolchain is needed.
export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
if [ "$target" = all ]; then
  targets=$(ls fuzz_targets | sed 's/\.rs$//')
else
  targets=$target
fi
for t in $targets; do
  mkdir -p "corpus/$t"
  # Release code with debug assertions (overflow checks) and AddressSanitizer (the store maps
  # its files with unsafe code); 10 s per input is a hang, 2 GiB RSS unbounded memory.
  nice -n 19 cargo fuzz run --release --debug-assertions "$t" "corpus/$t" "../tests/fuzz_corpus/$t" -- \
    -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
done
