#!/usr/bin/env python3
"""Write the scenarios of extract/testdata/scenarios as a gold set, for training.

usage: scenario_corpus.py SCENARIO_DIR LANG OUT_DIR

Each scenario (extract/testdata/scenarios/README.md) that is not `partial` lists
every MET_WITH, SIGNED and ATTENDED an analyst reads in its text: OUT_DIR/gold
gets one gold file per scenario of language LANG (files named en-* are English,
the others Arabic) and OUT_DIR/corpus.jsonl its text and date, the input of
`dipgraph extract --candidates`. OPTIONAL facts are true facts; NOT lines and
entities are left out. The scenarios of the scorers themselves (learned-*) are
never learned from.
"""
import json
import os
import re
import sys

FACT = re.compile(r"^(OPTIONAL\s+)?(MET_WITH|SIGNED|ATTENDED)\s+(.*?)(?:\s+@(\S+))?(?:\s+at:.*)?$")


def parse(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    date, partial, i = "", False, 0
    while i < len(lines) and lines[i].strip():
        ln = lines[i].strip()
        if ln.startswith("date:"):
            date = ln.split(":", 1)[1].strip()
        elif ln == "partial":
            partial = True
        i += 1
    j = i
    while j < len(lines) and not re.match(r"^-{4,}\s*$", lines[j]):
        j += 1
    text = "\n".join(lines[i:j]).strip("\n")
    facts = []
    for ln in lines[j + 1:]:
        ln = ln.split("#", 1)[0].strip()
        m = FACT.match(ln)
        if not m:
            continue
        opt, typ, body, d = m.groups()
        if typ == "MET_WITH":
            a, b = [x.strip() for x in body.split("|", 1)]
            facts.append({"type": typ, "between": [a, b]})
        elif typ == "SIGNED":
            a, b = [x.strip() for x in body.split("->", 1)]
            facts.append({"type": typ, "from": a, "to": b})
        else:
            facts.append({"type": typ, "from": body.strip()})
        if d:
            facts[-1]["date"] = d
        if opt:
            facts[-1]["optional"] = True
    return date, partial, text, facts


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    src, lang, out = sys.argv[1:]
    os.makedirs(os.path.join(out, "gold"), exist_ok=True)
    n = 0
    with open(os.path.join(out, "corpus.jsonl"), "w", encoding="utf-8") as f:
        for fn in sorted(os.listdir(src)):
            if not fn.endswith(".txt") or fn.startswith("en-") != (lang == "en"):
                continue
            if fn.startswith("learned-") or fn.startswith("en-learned-"):
                continue  # they test the scorers: never learned from
            date, partial, text, facts = parse(os.path.join(src, fn))
            if partial or not text:
                continue
            name = "sc-" + fn[:-4]
            doc = {"id": name, "source": name + ".txt", "lang": lang, "text": text}
            if date:
                doc["date"] = date
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
            names = set()
            for r in facts:
                names.update(r.get("between") or [])
                names.update(x for x in (r.get("from"), r.get("to")) if x)
            gold = {"doc": name + ".txt", "outlet": "scenario:" + name, "date": date,
                    "entities": [{"type": "Any", "name": x} for x in sorted(names)], "relations": facts}
            with open(os.path.join(out, "gold", name + ".gold.yaml"), "w", encoding="utf-8") as g:
                json.dump(gold, g, ensure_ascii=False, indent=1)
            n += 1
    print(f"{n} scenarios", file=sys.stderr)


if __name__ == "__main__":
    main()
