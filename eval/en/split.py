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
import os
import sys

# The code is the Arabic set's, with this set's language: one implementation for both.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ar"))
import split  # noqa: E402

if __name__ == "__main__":
    split.main(__doc__)
