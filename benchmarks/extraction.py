"""Extraction speed on one core, beside the floor it cannot beat: tokenizing alone.

Prints articles per second for stage 2 (extract) over the dev corpus, repeated,
and for spaCy's Turkish tokenizer over the same texts in the same run; the
ratio says what the rules cost on top of reading the words. Gazetteer and
lexicons are loaded once before timing, as in a long ingest.

Read again, an article's words are all in the extractor's caches (what a word's
stem, key and lexicon entries are). The first reading of articles not read before
(tests/corpus, once each, before the repeated rounds) is what an ingest of new
articles meets, and is printed beside it.

    python benchmarks/extraction.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from cityrel.article import read_articles
from cityrel.extract import extract
from cityrel.extract.tokens import tokenize

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "articles"
UNSEEN = Path(__file__).resolve().parents[1] / "tests" / "corpus"


def rate(work, articles, rounds: int) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        for article in articles:
            work(article)
    return rounds * len(articles) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says
    source = CORPUS if CORPUS.is_dir() else SAMPLES
    articles = [a for a in read_articles([source]) if not isinstance(a, Exception)]
    unseen = [a for a in read_articles([UNSEEN]) if not isinstance(a, Exception)]
    extract(articles[0])  # load gazetteer, lexicons and tokenizer outside the timing
    first_reading = rate(extract, unseen, 1)
    extraction = rate(extract, articles, args.rounds)
    tokens = rate(lambda a: tokenize(a.text, a.body_start, a.body_end), articles, args.rounds)
    print(f"corpus: {source} ({len(articles)} articles x {args.rounds} rounds, one core); "
          f"first reading: {UNSEEN} ({len(unseen)} articles, once each)")
    print(f"{'stage':<36}{'articles/s':>12}")
    print(f"{'extract (cityrel), first reading':<36}{first_reading:>12.1f}")
    print(f"{'extract (cityrel), read again':<36}{extraction:>12.1f}")
    print(f"{'tokenize only (spaCy tr)':<36}{tokens:>12.1f}")
    print(f"ratio extract/tokenize: {extraction / tokens:.2f} read again, {first_reading / tokens:.2f} "
          "first reading (target: >= 100 articles/s)")


if __name__ == "__main__":
    main()
