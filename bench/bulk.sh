#!/usr/bin/env bash
# bench/bulk.sh — dipgraph ingest --bulk: the same graph as online ingest, and its speed.
#
# Proof (step "same"): a corpus of BULK_N + ONLINE_M articles (dipgen, seed 1).
#   A: the first BULK_N loaded with `dipgraph ingest --bulk` into a new instance that
#      was never started (neo4j-admin database import full), Neo4j started, the schema
#      applied (constraints and indexes after the import), then `dipgraph ingest` of all
#      BULK_N + ONLINE_M online (the imported documents are skipped by their
#      fingerprint), then once more (nothing written);
#   B: all BULK_N + ONLINE_M with `dipgraph ingest` into an empty database.
# bench/snapshot of A and B must be equal byte for byte.
# Speed (step "speed"): BULK_N articles, bulk (extraction, CSV, import, then the
# schema applied on the started server) against online ingest into an empty
# database, alternately, each on a new instance; server start-up is not counted.
#
# Usage: bench/bulk.sh [step…]   steps: same speed (default: same)
# Settings: BULK_N (10000), ONLINE_M (1000), and those of bench/lib.sh, bench/neo4j.sh.
# Results: $BENCH_DIR/bulk-*.md; the snapshots next to them.
set -euo pipefail
here=$(dirname "$0")
source "$here/lib.sh"
source "$here/neo4j.sh"

steps=${*:-same}
n=${BULK_N:-10000}
m=${ONLINE_M:-1000}
ensure_time
build
trap neo4j_stop EXIT

# neo4j_new removes the bench instance: the next start or import creates it.
neo4j_new() {
	neo4j_stop
	rm -rf "$DIPGRAPH_NEO4J_INSTANCE"
}
neo4j_up() {
	"$src/scripts/neo4j" start 2>&1 | tail -n 1 >&2
	eval "$("$src/scripts/neo4j" env)"
}

# bulk FILE TAG: dipgraph ingest --bulk into a new instance, timed; then start and
# apply the schema, timed; sets bulk_s (import) and apply_s.
bulk() {
	neo4j_new
	log "bulk import of $(wc -l <"$1") articles"
	timed "$bench_dir/bulk-$2.json" "$bin/dipgraph" "${schema_flag[@]}" ingest --bulk --json --quiet \
		--neo4j-admin "$src/scripts/neo4j admin" "$1" 2>"$bench_dir/bulk-$2.err"
	bulk_s=$wall bulk_rss=$rss
	neo4j_up
	local t0
	t0=$(date +%s.%N)
	"$bin/dipgraph" "${schema_flag[@]}" schema apply >&2
	apply_s=$(calc "$(date +%s.%N)-$t0")
}

online() {
	log "online ingest of $(wc -l <"$1") articles"
	timed "$bench_dir/online-$2.json" "$bin/dipgraph" "${schema_flag[@]}" ingest --json --quiet "$1"
	online_s=$wall online_rss=$rss
}

if [[ " $steps " == *" same "* ]]; then
	all=$(corpus $((n + m)))
	first="$bench_dir/corpus-$rev-s$seed-first$n.jsonl"
	head -n "$n" "$all" >"$first"
	bulk "$first" "same-n$n"
	online "$all" "after-bulk"
	after=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(s["skipped_unchanged"], s["written"])' "$bench_dir/online-after-bulk.json")
	online "$all" "after-bulk-again"
	again=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(s["written"], s["nodes_created"], s["relationships_created"])' "$bench_dir/online-after-bulk-again.json")
	"$bin/snapshot" --out "$bench_dir/snapshot-bulk.txt"
	neo4j_new
	neo4j_up
	online "$all" "same-n$((n + m))"
	"$bin/snapshot" --out "$bench_dir/snapshot-online.txt"
	res="$bench_dir/bulk-same.md"
	{
		echo "bulk $n + online $m (skipped, written: $after; again written, nodes, rels created: $again) against online $((n + m)), code $rev:"
		if cmp -s "$bench_dir/snapshot-bulk.txt" "$bench_dir/snapshot-online.txt"; then
			echo "SAME: $(wc -l <"$bench_dir/snapshot-online.txt") lines, sha256 $(sha256sum <"$bench_dir/snapshot-online.txt" | cut -c1-16)"
		else
			echo "DIFFERENT: diff $bench_dir/snapshot-bulk.txt $bench_dir/snapshot-online.txt"
		fi
	} >"$res"
	cat "$res"
	grep -q '^SAME' "$res"
fi

if [[ " $steps " == *" speed "* ]]; then
	f=$(corpus "$n")
	res="$bench_dir/bulk-speed.md"
	echo "| corpus | method | wall s | docs/s | dipgraph peak RSS MB | load avg |" >"$res"
	echo "|---|---|---|---|---|---|" >>"$res"
	bulk "$f" "speed-n$n"
	echo "| $n | bulk: extraction, CSV and neo4j-admin import | $bulk_s | $(calc "$n/$bulk_s") | $bulk_rss | $(loadavg) |" >>"$res"
	echo "| $n | bulk: schema apply after the import | $apply_s | | | $(loadavg) |" >>"$res"
	echo "| $n | bulk: total | $(calc "$bulk_s+$apply_s") | $(calc "$n/($bulk_s+$apply_s)") | | |" >>"$res"
	neo4j_new
	neo4j_up
	online "$f" "speed-n$n"
	echo "| $n | online ingest into an empty database | $online_s | $(calc "$n/$online_s") | $online_rss | $(loadavg) |" >>"$res"
	echo "online / bulk total: $(calc "$online_s/($bulk_s+$apply_s)")×, code $rev" >>"$res"
	cat "$res"
fi
