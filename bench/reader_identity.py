#!/usr/bin/env python3
"""Check that a change to the reader leaves its output unchanged: run once before the change, once after.

Usage:
    python bench/reader_identity.py write FILE [DIR ...]
    python bench/reader_identity.py compare FILE [DIR ...]

Every .txt under the DIRs (default: ../shared/corpus/docs where it exists, and tests/fixtures) is parsed as it is
and in variants that reach the reader's less travelled paths: cut at random points (head and tail), lines shuffled,
upper-cased, lower-cased, newlines removed, doubled. `write` stores each result (one JSON line per input) in FILE;
`compare` parses the same inputs again, prints the first differences and exits 1 if any input reads differently.
The variants are drawn from a fixed seed, so both runs see the same inputs.
"""
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from chidao.documents.reader import COMPILED, parse  # noqa: E402


def inputs(dirs: list):
    rnd = random.Random(7)
    for path in sorted(p for d in dirs for p in Path(d).rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        name = str(path)
        yield name, text
        for k in range(8):
            cut = rnd.randrange(len(text) + 1)
            yield f"{name}#head{k}", text[:cut]
            yield f"{name}#tail{k}", text[cut:]
        lines = text.split("\n")
        for k in range(4):
            shuffled = lines[:]
            rnd.shuffle(shuffled)
            yield f"{name}#shuffled{k}", "\n".join(shuffled)
        yield f"{name}#upper", text.upper()
        yield f"{name}#lower", text.lower()
        yield f"{name}#one-line", text.replace("\n", " ")
        yield f"{name}#doubled", text + "\n" + text


def results(dirs: list):
    for name, text in inputs(dirs):
        yield name, json.loads(json.dumps(parse(text), ensure_ascii=False, sort_keys=True))


def main(argv: list) -> int:
    if len(argv) < 2 or argv[0] not in ("write", "compare"):
        print(__doc__, file=sys.stderr)
        return 2
    command, file, dirs = argv[0], Path(argv[1]), argv[2:]
    if not dirs:
        shared = REPO.parent / "shared" / "corpus" / "docs"
        dirs = ([shared] if shared.is_dir() else []) + [REPO / "tests" / "fixtures"]
    if command == "write":
        with file.open("w", encoding="utf-8") as out:
            count = 0
            for name, result in results(dirs):
                out.write(json.dumps({"input": name, "result": result}, ensure_ascii=False) + "\n")
                count += 1
        print(f"{count} inputs written to {file}")
        return 0
    stored = [json.loads(line) for line in file.open(encoding="utf-8")]
    differing = 0
    count = 0
    for (name, result), before in zip(results(dirs), stored, strict=False):  # counts compared below
        count += 1
        if name != before["input"]:
            print(f"inputs differ from {file}: {name} != {before['input']} (other DIRs?)")
            return 2
        if result != before["result"]:
            differing += 1
            if differing <= 5:
                keys = [k for k in result if result[k] != before["result"].get(k)]
                print(f"{name}: {', '.join(keys)} differ")
                for key in keys[:3]:
                    print(f"   before {json.dumps(before['result'][key], ensure_ascii=False)[:300]}")
                    print(f"   after  {json.dumps(result[key], ensure_ascii=False)[:300]}")
    if count != len(stored):
        print(f"{count} inputs now, {len(stored)} in {file}")
        return 2
    print(f"{differing} of {count} inputs read differently ({'compiled' if COMPILED else 'plain-Python'} reader)")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
