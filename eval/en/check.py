#!/usr/bin/env python3
"""Check real-article gold files: header, aliases in the text, relation ends, dates.

usage: check.py GOLD_DIR [TEXT_DIR]

GOLD_DIR holds NAME.gold.yaml files (eval/en/dev, eval/en/blind); TEXT_DIR holds the
rebuilt texts NAME.txt (default: $DIPGRAPH_CORPUS/en/texts, else /work/corpus/en/texts).
A missing text is reported, not fatal: the gold's own checks still run. The rules are
those of ../ar/ANNOTATION.md with the English adaptations of README.md. Exit status 1 when something is wrong.
"""
import os
import sys

# The code is the Arabic set's, with this set's language: one implementation for both.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ar"))
import check  # noqa: E402

if __name__ == "__main__":
    sys.exit(check.main("en", __doc__))
