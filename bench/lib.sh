# bench/lib.sh — helpers shared by the benchmark scripts (sourced, not run).
#
# Settings (environment):
#   BENCH_DIR      work directory for binaries, corpora and results (default /tmp/dipgraph-bench)
#   BENCH_SEED     corpus seed (default 1)
#   BENCH_SCHEMA   schema directory passed to every tool (default: the built-in schema)
#   BENCH_REV      commit whose code is measured (default HEAD)

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_dir=${BENCH_DIR:-/tmp/dipgraph-bench}
# The tools are built from a snapshot of a commit (BENCH_REV, default HEAD), not
# from the work tree, so that figures name the code they measure and a
# half-edited file elsewhere cannot break a long run.
rev=$(git -C "$root" rev-parse --short "${BENCH_REV:-HEAD}")
src="$bench_dir/src-$rev"
if [ ! -d "$src" ]; then
	mkdir -p "$src.tmp"
	git -C "$root" archive "$rev" | tar -x -C "$src.tmp"
	mv "$src.tmp" "$src"
fi
seed=${BENCH_SEED:-1}
schema_flag=()
[ -n "${BENCH_SCHEMA:-}" ] && schema_flag=(--schema "$BENCH_SCHEMA")
bin="$bench_dir/bin"
mkdir -p "$bin"

log() { echo "bench: $*" >&2; }

# build compiles dipgraph, dipgen and the bench programs into $bin.
build() {
	log "building $rev into $bin"
	(cd "$src" && go build -o "$bin/" ./cmd/dipgraph ./cmd/dipgen ./bench/extractprof ./bench/naive ./bench/csvexport ./bench/snapshot)
}

# ensure_time installs GNU time (/usr/bin/time -v) if it is missing.
ensure_time() {
	[ -x /usr/bin/time ] && return 0
	log "installing GNU time"
	apt-get install -y -qq time >/dev/null
}

# corpus N prints the path of an N-article corpus, generating it once. Article i
# does not depend on N, so smaller corpora are prefixes of the largest.
corpus() {
	local n=$1 f="$bench_dir/corpus-$rev-s$seed-n$1.jsonl"
	if [ ! -s "$f" ]; then
		log "generating $n articles (seed $seed)"
		"$bin/dipgen" "${schema_flag[@]}" --seed "$seed" --n "$n" >"$f.tmp"
		mv "$f.tmp" "$f"
	fi
	echo "$f"
}

# text_mb FILE prints the megabytes (10^6 bytes) of article text in a corpus.
text_mb() {
	local f=$1
	if [ ! -s "$f.textmb" ]; then
		python3 -c 'import json,sys
print("%.2f" % (sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1], encoding="utf-8")) / 1e6))' "$f" >"$f.textmb"
	fi
	cat "$f.textmb"
}

# timed OUT CMD… runs CMD under GNU time, its stdout to OUT; sets wall (s),
# cpu (user+sys s) and rss (peak resident set, MB), and returns CMD's status.
timed() {
	local out=$1 t rc=0
	shift
	t=$(mktemp)
	/usr/bin/time -v -o "$t" "$@" >"$out" || rc=$?
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$t")
	cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u+s}' "$t")
	rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$t")
	rm -f "$t"
	return "$rc"
}

# calc EXPR evaluates a floating-point expression.
calc() { awk "BEGIN { printf \"%.1f\", $* }"; }

# loadavg prints the 1-minute load average: the machine is shared, and a load
# above the core count means the figure next to it is pessimistic.
loadavg() { cut -d' ' -f1 /proc/loadavg; }
