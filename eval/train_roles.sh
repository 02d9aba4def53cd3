#!/usr/bin/env bash
# Retrain the learned scorers of the language packs (LANGS, default ar:
# schema/default/lang/ar-roles.yaml; LANGS=en: en-roles.yaml) from the
# development sets, the Arabic fixtures and the scenarios; never from a blind
# or fresh set. A pack not in LANGS keeps its scorers (eval/ar/README.md,
# "Learned scorers", says which articles each shipped scorer was trained on).
# Needs the rebuilt texts of eval/ar/dev and eval/en/dev (eval/*/README.md).
# Run after changing the frames, the features (extract/learned.go) or the
# gold, then bump extract.Version and run `go test ./extract -update`.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
threshold=${THRESHOLD:-0.8}
types=${TYPES:-ATTENDED}
langs=${LANGS:-ar}
for l in $langs; do
  [ -f "schema/default/lang/$l-roles.yaml" ] && mv "schema/default/lang/$l-roles.yaml" "$tmp/$l-roles.old.yaml"
done
go build -o "$tmp/dipgraph" ./cmd/dipgraph # candidates are read by the frames alone
for l in ar en; do
  python3 "eval/$l/corpus.py" "eval/$l/dev" > "$tmp/$l-dev.jsonl"
  "$tmp/dipgraph" extract --candidates --format json "$tmp/$l-dev.jsonl" > "$tmp/$l-dev-c.jsonl"
  python3 eval/scenario_corpus.py extract/testdata/scenarios "$l" "$tmp/sc-$l"
  "$tmp/dipgraph" extract --candidates --format json "$tmp/sc-$l/corpus.jsonl" > "$tmp/sc-$l-c.jsonl"
done
"$tmp/dipgraph" extract --candidates --format json fixtures/corpus.jsonl > "$tmp/fx-c.jsonl"
common=(--all --drop stated --l2 0.1 --epochs 10 --gate open --threshold "$threshold" --types "$types")
for l in $langs; do
  also=(--also "$tmp/sc-$l/gold" "$tmp/sc-$l-c.jsonl")
  [ "$l" = ar ] && also+=(--also fixtures/articles "$tmp/fx-c.jsonl")
  python3 eval/train_roles.py "eval/$l/dev" "$tmp/$l-dev-c.jsonl" --lang "$l" "${common[@]}" "${also[@]}" \
    --out "schema/default/lang/$l-roles.yaml"
done
