#!/usr/bin/env bash
# bench/bigdoc.sh — extraction time and memory for one large document.
#
# Builds one text document of each size (MB, 10^6 bytes; default 1 2 4 8 16) by
# concatenating the fixture articles (fixtures/articles/*.txt) until the size is
# reached, cut at a line end, and runs `dipgraph extract --format json` on it
# alone under GNU time: wall and CPU seconds, seconds per MB and peak RSS. Linear
# extraction shows a flat s/MB column and RSS a small multiple of the text. Then
# it sends SIGTERM to an extraction of the largest document once it has run for
# a second and reports how long the process took to exit (dipgraph promises
# under a second).
#
# The documents are generated under $BENCH_DIR, never committed.
#
# An extraction that runs longer than BIGDOC_LIMIT seconds (default 600) is
# stopped and reported as such, and the larger sizes are skipped.
#
# Usage: bench/bigdoc.sh [SIZE_MB…]     (results in $BENCH_DIR/bigdoc.md)
# Settings: BIGDOC_LIMIT; the others of bench/lib.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 2 4 8 16)
limit=${BIGDOC_LIMIT:-600}
ensure_time
build

# bigdoc MB prints the path of a document of MB megabytes, generating it once.
bigdoc() {
	local mb=$1 f="$bench_dir/bigdoc-$rev-${1}MB.txt"
	if [ ! -s "$f" ]; then
		log "generating a ${mb} MB document from the fixtures"
		python3 - "$src/fixtures/articles" "$mb" "$f.tmp" <<'EOF'
import glob, sys
src, mb, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
texts = [open(p, encoding="utf-8").read().strip() + "\n\n" for p in sorted(glob.glob(src + "/*.txt"))]
want, parts, size, i = int(mb * 1e6), [], 0, 0
while size < want:
    t = texts[i % len(texts)].encode()
    if size + len(t) > want:  # cut at the last line end that fits
        cut = t.rfind(b"\n", 0, want - size)
        if cut < 0:
            break
        t = t[: cut + 1]
    parts.append(t)
    size += len(t)
    i += 1
open(out, "wb").write(b"".join(parts))
EOF
		mv "$f.tmp" "$f"
	fi
	echo "$f"
}

res="$bench_dir/bigdoc.md"
{
	echo "| document MB | bytes | wall s | CPU s | s per MB | peak RSS MB | RSS / text | load avg |"
	echo "|---|---|---|---|---|---|---|---|"
} >"$res"
for mb in "${sizes[@]}"; do
	f=$(bigdoc "$mb")
	bytes=$(wc -c <"$f")
	log "extract one ${mb} MB document (at most ${limit} s)"
	if ! timed /dev/null timeout "$limit" "$bin/dipgraph" "${schema_flag[@]}" extract --format json --workers 1 \
		--max-doc-size "$((bytes + 1))" "$f"; then
		echo "| $mb | $bytes | > $limit (stopped) | $cpu | | $rss (when stopped) | | $(loadavg) |" >>"$res"
		log "stopped after ${limit} s; larger sizes skipped"
		break
	fi
	text_mb=$(calc "$bytes/1e6")
	echo "| $mb | $bytes | $wall | $cpu | $(calc "$wall/$text_mb") | $rss | $(calc "$rss/$text_mb") | $(loadavg) |" >>"$res"
done

largest=$(bigdoc "${sizes[-1]}")
bytes=$(wc -c <"$largest")
log "SIGTERM one second into the extraction of the ${sizes[-1]} MB document"
"$bin/dipgraph" "${schema_flag[@]}" extract --format json --workers 1 --max-doc-size "$((bytes + 1))" "$largest" >/dev/null 2>&1 &
pid=$!
sleep 1
if kill -0 "$pid" 2>/dev/null; then
	t0=$(date +%s.%N)
	kill -TERM "$pid"
	set +e
	wait "$pid"
	code=$?
	set -e
	t1=$(date +%s.%N)
	echo "SIGTERM after 1 s of extracting the ${sizes[-1]} MB document: exited in $(awk "BEGIN { printf \"%.3f\", $t1 - $t0 }") s with code $code (130: interrupted)" >>"$res"
else
	echo "SIGTERM: the ${sizes[-1]} MB document took less than a second; nothing to interrupt" >>"$res"
fi
cat "$res"
