#!/usr/bin/env python3
"""Train the learned scorers of a language pack (LangPack.roles) on a gold set.

usage: train_roles.py GOLD_DIR CANDIDATES.jsonl [--out MODEL.yaml] [--lang ar]
                      [--cv-out PRED.jsonl] [--folds 5] [--l2 X] [--threshold T]

CANDIDATES.jsonl is `dipgraph extract --candidates --format json` of the gold set's
texts (eval/LANG/corpus.py GOLD_DIR) with a pack that has no roles: every
candidate fact with its features, and whether the frames stated it.

A candidate is labelled true when the gold file holds its fact (matched by names,
as ../shared/eval/FORMAT.md says score.py does). Only the candidates the frames
did not state are learned from: those are the ones a scorer decides.

--cv-out writes the set's predictions with the facts a scorer trained without the
document's outlet would add (folds by outlet): the cross-validated figure that
score.py then gives says how the scorers do on outlets they never saw. --out
writes the scorers trained on the whole set, as a language pack file.
"""
import argparse
import hashlib
import json
import math
import os
import random
import re
import sys
import unicodedata

import yaml

TYPES = ["MET_WITH", "ATTENDED", "SIGNED"]
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def norm(s):
    s = unicodedata.normalize("NFC", str(s))
    s = _DIACRITICS.sub("", s).translate(_ALEF)
    s = re.sub(r"[\"'“”«»()\[\]]", "", s)
    return re.sub(r"\s+", " ", s).strip().lower()


def pred_names(e):
    out = {norm(e.get("name", ""))}
    out.update(norm(a) for a in e.get("aliases") or [])
    out.update(norm(m.get("text", "")) for m in e.get("mentions") or [])
    out.discard("")
    return out


def load_gold(d):
    golds = {}
    for fn in sorted(os.listdir(d)):
        if fn.endswith(".gold.yaml"):
            g = yaml.safe_load(open(os.path.join(d, fn), encoding="utf-8"))
            golds[fn[: -len(".gold.yaml")] + ".txt"] = g
    return golds


def labels(gold, doc):
    """Label each candidate of doc: 1 when the gold holds its fact, else 0."""
    gnames = {e["name"]: {norm(e["name"])} | {norm(a) for a in e.get("aliases") or []}
              for e in gold.get("entities") or []}
    gtype = {e["name"]: e["type"] for e in gold.get("entities") or []}
    ents = {e["id"]: e for e in doc.get("entities") or []}

    def pm(pid):
        e = ents.get(pid)
        if e is None:
            return set()
        ns = pred_names(e)
        m = {n for n, s in gnames.items() if gtype[n] == e.get("type") and ns & s}
        return m or {n for n, s in gnames.items() if ns & s}

    rels = gold.get("relations") or []
    out = []
    for c in doc.get("candidates") or []:
        a, b = pm(c["from"]), pm(c["to"])
        y = 0
        for g in rels:
            if g["type"] != c["type"]:
                continue
            if c["type"] == "MET_WITH":
                x, z = g["between"]
                ok = (x in a and z in b) or (z in a and x in b)
            elif c["type"] == "ATTENDED":
                ok = g["from"] in a
            else:
                ok = g["from"] in a and g["to"] in b
            if ok:
                y = 1
                break
        out.append(y)
    return out


def gated(c, gate):
    """Whether candidate c is one the scorers decide: a fact of ends the frames
    stated nothing of."""
    if gate == "open":
        return c.get("open", False)
    if not gate:
        return True
    st = {f.split("=", 1)[1] for f in c["features"] if f.startswith("stated=")}
    if c["type"] == "ATTENDED":
        return not st
    if c["type"] == "MET_WITH":
        a = any(x.startswith("a-") for x in st)
        b = any(x.startswith("b-") for x in st)
        return not (a or b) if gate == "both" else not (a and b)
    return not any(x.endswith("-signed-by") for x in st)


def outlet_fold(gold, k):
    o = gold.get("outlet") or gold.get("url") or ""
    return int(hashlib.sha256(o.encode()).hexdigest(), 16) % k


def train(data, l2, epochs=40, seed=1, min_count=2):
    """Logistic regression by AdaGrad over sparse binary features."""
    counts = {}
    for fs, _ in data:
        for f in fs:
            counts[f] = counts.get(f, 0) + 1
    keep = {f for f, n in counts.items() if n >= min_count}
    w, g2 = {}, {}
    b, gb = 0.0, 1e-8
    rng = random.Random(seed)
    order = list(range(len(data)))
    lr = 0.3
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            fs, y = data[i]
            fs = [f for f in fs if f in keep]
            z = b + sum(w.get(f, 0.0) for f in fs)
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            g = p - y
            gb += g * g
            b -= lr * g / math.sqrt(gb)
            for f in fs:
                gf = g + l2 * w.get(f, 0.0)
                g2[f] = g2.get(f, 1e-8) + gf * gf
                w[f] = w.get(f, 0.0) - lr * gf / math.sqrt(g2[f])
    return b, {f: v for f, v in w.items() if abs(v) >= 1e-3}


def prob(model, fs):
    b, w = model
    z = b + sum(w.get(f, 0.0) for f in fs)
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir")
    ap.add_argument("candidates")
    ap.add_argument("--out")
    ap.add_argument("--also", nargs=2, action="append", metavar=("GOLD_DIR", "CANDIDATES"), default=[],
                    help="another set learned from in every fold (never scored): fixtures, scenarios")
    ap.add_argument("--lang", default="ar")
    ap.add_argument("--cv-out")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--threshold", action="append",
                    help="the threshold of a type, TYPE=T, or of all types, T (default 0.5)")
    ap.add_argument("--types", default=",".join(TYPES))
    ap.add_argument("--drop", default="", help="feature templates left out, comma-separated")
    ap.add_argument("--all", action="store_true", help="learn from the stated candidates too")
    ap.add_argument("--gate", default="", help="met: MET_WITH only of persons with no stated fact; either: of pairs one of which has none")
    ap.add_argument("--train-gated", action="store_true", help="learn from the gated candidates only")
    ap.add_argument("--alone", action="store_true", help="--cv-out keeps only the scorers' facts of the scored types")
    a = ap.parse_args()
    types = a.types.split(",")
    thr = {t: 0.5 for t in types}
    for v in a.threshold or []:
        if "=" in v:
            t, x = v.split("=")
            thr[t] = float(x)
        else:
            thr = {t: float(v) for t in types}
    drop = set(x for x in a.drop.split(",") if x)
    rows = []  # (doc index, candidate index, type, features, label, fold, gated); fold -1: learned from always
    docs = []
    ngold = 0
    for k, (gdir, cpath) in enumerate([(a.gold_dir, a.candidates)] + [tuple(x) for x in a.also]):
        golds = load_gold(gdir)
        ngold += len(golds)
        for line in open(cpath, encoding="utf-8"):
            if not line.strip():
                continue
            d = json.loads(line)
            di = len(docs) if k == 0 else -1
            if k == 0:
                docs.append(d)
            key = os.path.basename(str(d["document"].get("source") or d["document"].get("id")))
            g = golds.get(key)
            if g is None:
                continue
            fold = outlet_fold(g, a.folds) if k == 0 else -1
            for ci, (c, y) in enumerate(zip(d.get("candidates") or [], labels(g, d))):
                if c["type"] in types and (a.all or not c["stated"]):
                    fs = [f for f in c["features"] if f.split("=")[0] not in drop]
                    rows.append((di, ci, c["type"], fs, y, fold, gated(c, a.gate)))
    for t in types:
        n = [r for r in rows if r[2] == t]
        print(f"{t}: {len(n)} candidates the frames did not state, {sum(r[4] for r in n)} true", file=sys.stderr)
    if a.cv_out:
        add = {}
        for k in range(a.folds):
            for t in types:
                tr = [(r[3], r[4]) for r in rows if r[2] == t and r[5] != k and (r[6] or not a.train_gated)]
                if not tr:
                    continue
                m = train(tr, a.l2, a.epochs)
                for r in rows:
                    if r[2] == t and r[5] == k and r[6]:
                        p = prob(m, r[3])
                        if p >= thr[t]:
                            add.setdefault(r[0], []).append((r[1], p))
        with open(a.cv_out, "w", encoding="utf-8") as f:
            for di, d in enumerate(docs):
                d = dict(d)
                rels = [r for r in d.get("relations") or [] if ".learned." not in r.get("rule", "")]
                if a.alone:
                    rels = [r for r in rels if r["type"] not in types]
                for ci, p in add.get(di, []):
                    c = d["candidates"][ci]
                    props = {}
                    if c.get("date"):
                        props["date"] = c["date"]
                    if c.get("event"):
                        props["event"] = c["event"]
                    rels.append({"type": c["type"], "from": c["from"], "to": c["to"], "properties": props,
                                 "rule": f"{a.lang}.learned.cv", "confidence": round(p, 4)})
                d["relations"] = rels
                d.pop("candidates", None)
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
    if a.out:
        roles = {}
        for t in types:
            tr = [(r[3], r[4]) for r in rows if r[2] == t and (r[6] or not a.train_gated)]
            if not tr:
                continue
            b, w = train(tr, a.l2, a.epochs)
            roles[t] = (b, w)
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(f"# Learned scorers of the {a.lang} pack: trained by eval/train_roles.py on\n")
            f.write(f"# {a.gold_dir} and {len(a.also)} more sets ({ngold} documents), l2 {a.l2}. Generated: do not edit;\n")
            f.write("# retrain after changing the frames or the features (eval/README.md).\n")
            f.write("version: 1\nsource: eval/train_roles.py\nlanguages:\n")
            f.write(f"  - code: {a.lang}\n    roles:\n")
            for t, (b, w) in roles.items():
                f.write(f"      {t}:\n        threshold: {thr[t]}\n        bias: {round(b, 4)}\n        weights:\n")
                for k in sorted(w):
                    f.write(f"          {json.dumps(k, ensure_ascii=False)}: {round(w[k], 4)}\n")


if __name__ == "__main__":
    main()
