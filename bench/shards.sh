#!/usr/bin/env bash
# bench/shards.sh — N `dipgraph ingest --shard I/N` processes at once against one
# Neo4j: where does the single writer saturate?
#
# For each round and each N of SHARDS (alternating, so that the machine's load
# falls on every N alike): an empty database, a warm-up ingest of 300 other
# articles, then N shard processes started together on the same corpus. Records
# the wall time until the last shard ends, docs/s, the CPU seconds of the shards
# (user+sys, from GNU time) and of the Neo4j server (from /proc) over the run,
# and the summed counts of the shards' --json summaries, which must add up to
# the corpus (every document once).
#
# Usage: bench/shards.sh
# Settings (environment):
#   SHARDS   numbers of shard processes (default "1 2 4")
#   ROUNDS   rounds of every N (default 2)
#   N_DOCS   corpus size (default 3000)
#   INGEST_FLAGS   extra flags for every shard
#   and those of bench/lib.sh and bench/neo4j.sh.
# Results: $BENCH_DIR/shards.md, raw summaries beside it.
set -euo pipefail
here=$(dirname "$0")
source "$here/lib.sh"
source "$here/neo4j.sh"

shards_list=${SHARDS:-1 2 4}
rounds=${ROUNDS:-2}
n=${N_DOCS:-3000}
ensure_time
build
trap neo4j_stop EXIT
f=$(corpus "$n")
warm="$bench_dir/warmup-300.jsonl"
"$bin/dipgen" "${schema_flag[@]}" --seed 99 --n 300 | sed 's/"id":"/"id":"warm-/' >"$warm"

# server_cpu prints the Neo4j server's CPU seconds so far (user+sys).
server_cpu() {
	local pid
	pid=$(pgrep -f "java.*$DIPGRAPH_NEO4J_INSTANCE" | head -n1)
	awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14+$15)/hz}' "/proc/$pid/stat"
}

out="$bench_dir/shards.md"
{
	echo "# bench/shards.sh at $rev, $(date -u +%F), $n documents (seed $seed), $(nproc) cores"
	echo
	echo "| round | N | wall s | docs/s | vs N=1 this round | shards CPU s | Neo4j CPU s | written | skipped | failed | load |"
	echo "|---|---|---|---|---|---|---|---|---|---|---|"
} >"$out"
for r in $(seq 1 "$rounds"); do
	base=""
	for k in $shards_list; do
		neo4j_fresh
		"$bin/dipgraph" "${schema_flag[@]}" ingest --quiet "$warm" >/dev/null
		log "round $r: $k shard(s)"
		cpu0=$(server_cpu)
		t0=$(date +%s.%N)
		pids=()
		for i in $(seq 0 $((k - 1))); do
			(timed "$bench_dir/shards-r$r-n$k-$i.json" "$bin/dipgraph" "${schema_flag[@]}" ingest --json --quiet \
				--shard "$i/$k" ${INGEST_FLAGS:-} "$f" && echo "$cpu" >"$bench_dir/shards-r$r-n$k-$i.cpu") &
			pids+=($!)
		done
		for p in "${pids[@]}"; do wait "$p"; done
		t1=$(date +%s.%N)
		cpu1=$(server_cpu)
		wall=$(calc "$t1 - $t0")
		read -r written skipped failed shard_cpu < <(python3 - "$bench_dir" "$r" "$k" <<'PY'
import json, sys
d, r, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
w = s = f = 0
cpu = 0.0
for i in range(k):
    j = json.load(open(f"{d}/shards-r{r}-n{k}-{i}.json"))
    w, s, f = w + j["written"], s + j["skipped_unchanged"], f + j["failed"]
    cpu += float(open(f"{d}/shards-r{r}-n{k}-{i}.cpu").read())
print(w, s, f, "%.1f" % cpu)
PY
		)
		[ "$((written + failed))" = "$n" ] || log "WARNING: the shards wrote $written and failed $failed documents, not $n in all"
		rate=$(calc "$n / $wall")
		[ -n "$base" ] || base=$rate
		echo "| $r | $k | $wall | $rate | $(awk "BEGIN { printf \"%.2f\", $rate / $base }") | $shard_cpu | $(calc "$cpu1 - $cpu0") | $written | $skipped | $failed | $(loadavg) |" >>"$out"
		tail -n 1 "$out" >&2
	done
done
cat "$out"
