#!/usr/bin/env bash
# bench/extract.sh — extraction speed and memory of `dipgraph extract`.
#
# Measures, on a generated corpus (dipgen, seed 1): MB/s of article text and
# docs/s, in total and per core, with --workers 1 and --workers 2, the CPU
# seconds used, and the peak RSS of dipgraph (GNU time), at 10k and at N
# articles to show memory stays flat. Then a CPU profile of extraction alone
# (bench/extractprof, one goroutine, 10k articles) summarised with
# `go tool pprof -top`.
#
# Usage: bench/extract.sh [N]     (default N=100000; results in $BENCH_DIR/extract.md)
# Settings: see bench/lib.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

n=${1:-100000}
ensure_time
build
big=$(corpus "$n")
small="$bench_dir/corpus-$rev-s$seed-n10000.jsonl"
[ -s "$small" ] || head -n 10000 "$big" >"$small"
res="$bench_dir/extract.md"
{
	echo "| corpus | workers | docs | text MB | wall s | CPU s | MB/s | docs/s | MB per CPU-s | docs per CPU-s | peak RSS MB | load avg |"
	echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
} >"$res"
for f in "$small" "$big"; do
	docs=$(wc -l <"$f")
	mb=$(text_mb "$f")
	for w in 1 2; do
		log "extract $docs docs, --workers $w"
		timed /dev/null "$bin/dipgraph" "${schema_flag[@]}" extract --format json --workers "$w" "$f"
		echo "| $(basename "$f") | $w | $docs | $mb | $wall | $cpu | $(calc "$mb/$wall") | $(calc "$docs/$wall") | $(calc "$mb/$cpu") | $(calc "$docs/$cpu") | $rss | $(loadavg) |" >>"$res"
	done
done
log "CPU profile of extraction alone (10k articles, one goroutine)"
"$bin/extractprof" "${schema_flag[@]}" --cpuprofile "$bench_dir/extract.prof" "$small" | tee "$bench_dir/extractprof.txt"
(cd "$src" && go tool pprof -top -nodecount=30 "$bin/extractprof" "$bench_dir/extract.prof") >"$bench_dir/extract-pprof-top.txt" 2>/dev/null
(cd "$src" && go tool pprof -top -cum -nodecount=30 "$bin/extractprof" "$bench_dir/extract.prof") >"$bench_dir/extract-pprof-cum.txt" 2>/dev/null
cat "$res"
log "profile: $bench_dir/extract-pprof-top.txt, $bench_dir/extract-pprof-cum.txt"
