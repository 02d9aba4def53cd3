#!/usr/bin/env python3
"""Write the JSON Lines input of a gold set: one line per gold file with its rebuilt text.

usage: corpus.py GOLD_DIR [TEXT_DIR] > set.jsonl

Each line has `id`, `source` (NAME.txt, which score.py pairs with NAME.gold.yaml), `url`,
`text`, and `date` only when the gold file took the document date from the URL
(`date_from: url`): the publication date a feed would carry. A date the text gives is
left for the extractor to read. TEXT_DIR defaults to $DIPGRAPH_CORPUS/en/texts.

`lang` is not given: the extractor reads these documents as English from their script.
"""
import os
import sys

# The code is the Arabic set's, with this set's language: one implementation for both.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ar"))
import corpus  # noqa: E402

if __name__ == "__main__":
    corpus.main("en", declare=False, doc=__doc__)
