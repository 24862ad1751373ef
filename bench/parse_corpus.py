#!/usr/bin/env python3
"""Score the document reader on a labelled corpus and measure its speed.

Usage:
    python bench/parse_corpus.py [CORPUS_DIR] [--keep DIR] [--passes N] [score.py options ...]

CORPUS_DIR holds docs/NNN.txt, labels/NNN.json and score.py (default: ../shared/corpus next to the repository,
i.e. /work/shared/corpus; in a clone without it, give tests/fixtures/corpus). Every document is parsed, its
prediction written to a temporary directory (or --keep DIR) as NNN.json, and the corpus's own score.py prints the
field table; options it knows (--detail, --min 0.95, --min-labelled assignees=0.8 ...) are passed on, and its exit
status is this script's. Then parse() alone is timed over the whole corpus, in-process, best of --passes runs
(default 5), and documents per second are printed.
"""
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from chidao.documents.reader import COMPILED, parse  # noqa: E402


def main(argv: list) -> int:
    corpus = None
    keep = None
    passes = 5
    score_args = []
    it = iter(argv)
    for arg in it:
        if arg == "--keep":
            keep = Path(next(it))
        elif arg == "--passes":
            passes = max(1, int(next(it)))
        elif arg.startswith("--"):
            score_args.append(arg)
            if arg in ("--min", "--min-labelled"):
                score_args.append(next(it))
        elif corpus is None:
            corpus = Path(arg)
        else:
            score_args.append(arg)
    corpus = corpus or (REPO.parent / "shared" / "corpus")
    docs = sorted((corpus / "docs").glob("*.txt"))
    if not docs or not (corpus / "labels").is_dir() or not (corpus / "score.py").is_file():
        print(f"{corpus}: expected docs/*.txt, labels/ and score.py", file=sys.stderr)
        return 2
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in docs]

    with tempfile.TemporaryDirectory() as tmp:
        out = keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        for stem, text in texts:
            (out / f"{stem}.json").write_text(json.dumps(parse(text), ensure_ascii=False, indent=1),
                                              encoding="utf-8")
        print(f"corpus {corpus} ({len(texts)} documents), predictions in {out}")
        status = subprocess.call([sys.executable, str(corpus / "score.py"), str(corpus / "labels"), str(out),
                                  *score_args])

    best = best_cpu = float("inf")
    for _ in range(passes):
        t0, c0 = time.perf_counter(), time.process_time()
        for _, text in texts:
            parse(text)
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    size = sum(len(t) for _, t in texts)
    print(f"reader: {'compiled by mypyc' if COMPILED else 'plain Python'}, {sys.executable} {sys.version.split()[0]}")
    print(f"parse(): {len(texts) / best:,.0f} documents/s ({size / best / 1e6:.2f} M characters/s), "
          f"best of {passes} passes, {best * 1000:.1f} ms per pass (wall clock); "
          f"{len(texts) / best_cpu:,.0f} documents/s in CPU time")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
