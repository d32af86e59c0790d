#!/usr/bin/env python3
"""Regenerate dictionaries/common-words.txt from the wordfreq package.

The list is the name matcher's guard of frequent English words: a token
such as "Will", "Grace" or "Mark" is far more often the word than a
misheard name, so it is never turned into a name on its own.

What it does, deterministically for a given wordfreq version:

  1. take the top N English words by frequency (wordfreq.top_n_list('en', N));
  2. keep only tokens made of letters, allowing an internal apostrophe
     ("don't", "o'clock"), and drop numbers, symbols and hyphenated tokens;
  3. lowercase and deduplicate;
  4. write CSV with the header "word,zipf", the Zipf frequency being
     wordfreq.zipf_frequency(word, 'en') rounded to 2 decimals, sorted by
     descending Zipf and then by word.

Usage (from the repository root):

    pip install wordfreq==3.1.1
    python3 scripts/make-common-words.py

The data is wordfreq's, under CC BY-SA 4.0; see
dictionaries/common-words.LICENSE.md for attribution.
"""

import re
import sys
from importlib.metadata import version
from pathlib import Path

import wordfreq

N = 40_000
LANG = "en"
OUT = Path(__file__).resolve().parent.parent / "dictionaries" / "common-words.txt"

# One or more runs of letters, joined by single apostrophes.
LETTERS = r"[^\W\d_]+"
WORD = re.compile(rf"{LETTERS}(?:'{LETTERS})*")


def main() -> int:
    words = set()
    for token in wordfreq.top_n_list(LANG, N):
        lower = token.lower()
        if WORD.fullmatch(lower):
            words.add(lower)

    rows = sorted(
        ((w, round(wordfreq.zipf_frequency(w, LANG), 2)) for w in words),
        key=lambda row: (-row[1], row[0]),
    )

    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        f.write("word,zipf\n")
        for word, zipf in rows:
            f.write(f"{word},{zipf:.2f}\n")

    print(
        f"wrote {len(rows)} words (top {N} '{LANG}' of wordfreq {version('wordfreq')}, "
        f"zipf {rows[0][1]:.2f} to {rows[-1][1]:.2f}) to {OUT}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
