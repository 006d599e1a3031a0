#!/bin/sh
# `make fuzz`: builds the libFuzzer targets in Fuzz/ (-sanitize=fuzzer,address) and runs each for
# FUZZ_SECONDS, starting from seeds copied out of fixtures/. Fails on a crash, a leak, a hang
# (an input taking over FUZZ_TIMEOUT seconds) or memory over FUZZ_RSS_MB; prints each target's
# corpus size and execs/s. Everything it writes goes under FUZZ_DIR (git-ignored).
set -eu
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
SECONDS_PER_TARGET=${FUZZ_SECONDS:-200}
DIR=${FUZZ_DIR:-.build-fuzz}
CONFIG=${FUZZ_CONFIG:-release}
TARGETS=${FUZZ_TARGETS:-"warc jsonl extract"}
TIMEOUT=${FUZZ_TIMEOUT:-10}
RSS_MB=${FUZZ_RSS_MB:-2048}
# Longest input tried: seeds past it are cut. Small inputs run many times faster and reach every
# cap the targets set (their caps are a few KiB).
MAX_LEN=${FUZZ_MAX_LEN:-16384}

$SWIFT build -c "$CONFIG" --package-path Fuzz --scratch-path "$DIR/build" -Xswiftc -sanitize=fuzzer,address
BIN="$DIR/build/$CONFIG"

# Seeds: the fixtures of each target's input kind (copied, never linked: libFuzzer rewrites its corpus).
seeds() {
    case "$1" in
        warc) find fixtures/warc fixtures/bad -name '*.warc*' ;;
        jsonl) find fixtures/jsonl fixtures/bad -name '*.jsonl*' ;;
        extract) find fixtures/html fixtures/extraction fixtures/bad -name '*.html' ;;
    esac
}

binary() {
    case "$1" in
        warc) echo FuzzWARC ;;
        jsonl) echo FuzzJSONL ;;
        extract) echo FuzzExtract ;;
        *) echo "unknown fuzz target $1 (expected warc, jsonl, extract)" >&2; exit 64 ;;
    esac
}

status=0
summary=""
for target in $TARGETS; do
    program="$BIN/$(binary "$target")"
    corpus="$DIR/corpus/$target"
    artifacts="$DIR/artifacts/$target"
    log="$DIR/logs/$target.log"
    mkdir -p "$corpus" "$artifacts" "$DIR/logs"
    for seed in $(seeds "$target"); do
        cp "$seed" "$corpus/seed-$(echo "$seed" | tr '/' '_')"
    done
    echo "fuzzing $target for $SECONDS_PER_TARGET s (corpus $corpus, log $log)"
    if "$program" "$corpus" -max_total_time="$SECONDS_PER_TARGET" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" -max_len="$MAX_LEN" \
        -detect_leaks=1 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1; then
        result=ok
    else
        result="FAILED (exit $?): $(ls "$artifacts" | head -3 | tr '\n' ' ')"
        status=1
        tail -40 "$log" >&2
    fi
    files=$(find "$corpus" -type f | wc -l)
    bytes=$(du -sk "$corpus" | cut -f1)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
    coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    line="$target: $result; ${runs:-?} runs, ${rate:-?} execs/s, $coverage, corpus $files files ($bytes KiB), peak RSS ${rss:-?} MB"
    echo "$line"
    summary="$summary$line
"
done
echo
echo "fuzz summary ($SECONDS_PER_TARGET s per target):"
printf "%s" "$summary"
exit $status
