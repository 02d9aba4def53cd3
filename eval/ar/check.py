#!/usr/bin/env python3
"""Check real-article gold files: header, aliases in the text, relation ends, dates.

usage: check.py GOLD_DIR [TEXT_DIR]

GOLD_DIR holds NAME.gold.yaml files (eval/ar/dev, eval/ar/blind); TEXT_DIR holds the
rebuilt texts NAME.txt (default: $DIPGRAPH_CORPUS/ar/texts, else /work/corpus/ar/texts).
A missing text is reported, not fatal: the gold's own checks still run. The rules are
those of ANNOTATION.md. Exit status 1 when something is wrong.
"""
import datetime
import hashlib
import os
import re
import sys

import yaml

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
HEADER = ["doc", "url", "search_key", "outlet", "classes", "date_from"]
CLASSES = {"signing-officials", "state-signers", "summit", "delegation", "unknown-person",
           "bilateral", "visit", "phone-call", "planned", "denied"}
TYPES = {"Person", "Country", "City", "Venue", "Organization", "Treaty", "Event"}
RELS = {"MET_WITH", "SIGNED", "ATTENDED", "VISITED", "HOLDS_OFFICE", "PARTY_TO", "LOCATED_IN", "PARTICIPATED_IN"}
CLITICS = ["و", "ف", "ب", "ل", "ك"]


def occurs(alias, text):
    if alias in text:
        return True
    if alias.startswith("ال") and ("ل" + alias[1:]) in text:
        return True  # لل: لـ + الـ
    if alias.startswith("الل") and alias[1:] in text:
        return True  # للجنة: لـ + اللجنة, the article's lam merged with the word's
    return False


def check(path, text):
    errs = []
    g = yaml.safe_load(open(path, encoding="utf-8"))
    fn = os.path.basename(path)
    for k in HEADER:
        if not g.get(k):
            errs.append(f"header field {k!r} missing")
    if g.get("doc") != fn.replace(".gold.yaml", ".txt"):
        errs.append(f"doc {g.get('doc')!r} does not match the file name")
    for c in g.get("classes") or []:
        if c not in CLASSES:
            errs.append(f"unknown class {c!r}")
    if g.get("date_from") not in (None, "text", "url", "none"):
        errs.append(f"date_from {g.get('date_from')!r}")
    d = g.get("date")
    if d is not None and not isinstance(d, datetime.date) and not ISO.match(str(d)):
        errs.append(f"document date {d!r}")
    if text is not None and g.get("text_sha256"):
        h = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if h != g["text_sha256"]:
            errs.append("text_sha256 differs from the text file")
    names = set()
    for e in g.get("entities") or []:
        if e.get("type") not in TYPES:
            errs.append(f"entity type {e.get('type')!r}")
        if e.get("name") in names:
            errs.append(f"duplicate entity {e.get('name')!r}")
        names.add(e.get("name"))
        for a in e.get("aliases") or []:
            if text is not None and not occurs(str(a), text):
                errs.append(f"alias not in text: {e['type']} {e['name']!r}: {a!r}")
        if e.get("type") != "Treaty" and not e.get("aliases") and text is not None:
            errs.append(f"entity without aliases: {e.get('name')!r}")
    for r in g.get("relations") or []:
        t = r.get("type")
        if t not in RELS:
            errs.append(f"relation type {t!r}")
            continue
        if t == "MET_WITH":
            ends = list(r.get("between") or [])
            if len(ends) != 2:
                errs.append(f"MET_WITH needs two ends: {r}")
        elif t == "ATTENDED":
            ends = [r.get("from")]
            if not r.get("event_of"):
                errs.append(f"ATTENDED without event_of: {r}")
            else:
                ev = list(r["event_of"])
                if len(ev) != 1 or ev[0] in names:
                    ends += ev  # principals must be entities; a single free name is an event
        else:
            ends = [r.get("from"), r.get("to")]
        for n in ends:
            if n not in names:
                errs.append(f"{t} end {n!r} is not an entity of this file")
        d = r.get("date")
        if d is not None and not isinstance(d, datetime.date) and not ISO.match(str(d)):
            errs.append(f"{t} date {d!r}")
        if r.get("venue") and r["venue"] not in names:
            errs.append(f"venue {r['venue']!r} is not an entity of this file")
    return errs


def main(lang="ar", doc=__doc__):
    """Check the gold directory named on the command line; lang names the texts' directory."""
    if len(sys.argv) < 2:
        sys.exit(doc)
    gold_dir = sys.argv[1]
    corpus = os.environ.get("DIPGRAPH_CORPUS", "/work/corpus")
    text_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(corpus, lang, "texts")
    bad = missing = 0
    files = sorted(f for f in os.listdir(gold_dir) if f.endswith(".gold.yaml"))
    for fn in files:
        tp = os.path.join(text_dir, fn.replace(".gold.yaml", ".txt"))
        text = open(tp, encoding="utf-8").read() if os.path.exists(tp) else None
        missing += text is None
        try:
            errs = check(os.path.join(gold_dir, fn), text)
        except Exception as e:  # a file that does not parse
            errs = [f"unreadable: {e}"]
        for e in errs:
            print(f"{fn}: {e}")
        bad += bool(errs)
    print(f"{len(files)} gold files, {bad} with problems, {missing} without text")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
