#!/usr/bin/env python3
"""Write the JSON Lines input of a gold set: one line per gold file with its rebuilt text.

usage: corpus.py GOLD_DIR [TEXT_DIR] > set.jsonl

Each line has `id`, `source` (NAME.txt, which score.py pairs with NAME.gold.yaml), `url`,
`text`, and `date` only when the gold file took the document date from the URL
(`date_from: url`): the publication date a feed would carry. A date the text gives is
left for the extractor to read. TEXT_DIR defaults to $DIPGRAPH_CORPUS/ar/texts.
"""
import json
import os
import sys

import yaml


def main(lang="ar", declare=True, doc=__doc__):
    """Write the set named on the command line; lang names the texts' directory and,
    when declare is true, each document's `lang` (else the extractor detects it)."""
    if len(sys.argv) < 2:
        sys.exit(doc)
    gold_dir = sys.argv[1]
    corpus = os.environ.get("DIPGRAPH_CORPUS", "/work/corpus")
    text_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(corpus, lang, "texts")
    missing = 0
    for fn in sorted(os.listdir(gold_dir)):
        if not fn.endswith(".gold.yaml"):
            continue
        g = yaml.safe_load(open(os.path.join(gold_dir, fn), encoding="utf-8"))
        name = fn[: -len(".gold.yaml")]
        path = os.path.join(text_dir, name + ".txt")
        if not os.path.exists(path):
            missing += 1
            continue
        doc = {"id": name, "source": name + ".txt", "url": g.get("url", "")}
        if declare:
            doc["lang"] = lang
        doc["text"] = open(path, encoding="utf-8").read()
        if g.get("date_from") == "url" and g.get("date"):
            doc["date"] = str(g["date"])
        print(json.dumps(doc, ensure_ascii=False))
    if missing:
        print(f"corpus.py: {missing} text(s) missing in {text_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
