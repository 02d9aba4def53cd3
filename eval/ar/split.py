#!/usr/bin/env python3
"""Split annotated articles into dev and blind by outlet.

usage: split.py POOL_DIR OUT_DIR

POOL_DIR holds NAME.gold.yaml files; each names its `outlet`. Every outlet goes
wholly to one side: blind when the first byte of the SHA-256 of its key is
divisible by 3 (about one outlet in three), dev otherwise, so an outlet's house
style never crosses over and an article added later lands where its outlet
already is. The key is the outlet's registrable domain (news.example.com and
example.com are one outlet). Gold files are copied to OUT_DIR/dev and
OUT_DIR/blind; the split of each outlet is printed.
"""
import hashlib
import os
import shutil
import sys

import yaml

# Public suffixes of two labels seen among the outlets.
SUFFIX2 = {"com.sa", "gov.sa", "org.sa", "net.sa", "co.kr", "com.tr", "gov.ae", "net.kw", "com.eg",
           "gov.eg", "org.eg", "com.lb", "com.jo", "gov.jo", "com.qa", "gov.qa", "com.om", "gov.om",
           "co.uk", "com.ly", "com.iq", "gov.iq", "com.sy", "gov.sy", "com.tn", "co.ma", "gov.ma",
           "com.dz", "gov.dz", "com.pk", "co.in", "com.cn", "org.cn", "com.my", "gov.my", "com.bh",
           "gov.bh", "com.ye", "com.sd", "gov.sd", "com.so", "com.ps", "gov.ps", "org.ps", "co.il",
           "com.mr", "gov.mr", "com.kw", "gov.kw", "com.br", "com.ar", "com.mx", "co.jp", "com.au",
           "com.ng", "co.ke", "co.za", "com.af", "gov.af", "com.ir", "gov.ir", "ac.ir", "com.az",
           "co.nz", "org.uk", "gov.uk", "ac.uk", "gov.in", "nic.in", "co.id", "com.sg", "com.ph",
           "com.vn", "co.th", "com.bd", "com.gh", "co.tz", "co.ug", "gob.ve", "gov.by", "org.kh", "co.zw", "gov.rs",
           "com.mt", "co.rw", "gob.es", "gob.ec", "gov.zm", "go.jp", "go.id", "gov.tm", "gov.tl", "com.pe", "gob.cl", "gov.rw", "gov.lv"}


def outlet_key(host):
    host = host.lower().strip().removeprefix("www.")
    labels = host.split(".")
    if len(labels) >= 3 and ".".join(labels[-2:]) in SUFFIX2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def side(key):
    return "blind" if hashlib.sha256(key.encode()).digest()[0] % 3 == 0 else "dev"


def main(doc=__doc__):
    """Split the pool named on the command line into its dev and blind sides."""
    if len(sys.argv) != 3:
        sys.exit(doc)
    pool, out = sys.argv[1], sys.argv[2]
    counts = {"dev": 0, "blind": 0}
    outlets = {"dev": set(), "blind": set()}
    for d in ("dev", "blind"):
        os.makedirs(os.path.join(out, d), exist_ok=True)
    for fn in sorted(os.listdir(pool)):
        if not fn.endswith(".gold.yaml"):
            continue
        g = yaml.safe_load(open(os.path.join(pool, fn), encoding="utf-8"))
        key = outlet_key(g["outlet"])
        s = side(key)
        counts[s] += 1
        outlets[s].add(key)
        shutil.copy(os.path.join(pool, fn), os.path.join(out, s, fn))
    for s in ("dev", "blind"):
        print(f"{s}: {counts[s]} articles from {len(outlets[s])} outlets")


if __name__ == "__main__":
    main()
