"""`chidao parse FILE... [--json] [--out DIR]`: read documents and print what the parser finds.

Each FILE is read (chidao.documents.reader.files.read_file) and parsed (chidao.documents.reader.parse); the
result
gets "source": {"file", "format", "encoding"}, and the reader's warnings go in front of the parser's.

    --json           one file: its JSON object; several files: a JSON list (unless --out)
    --out DIR        write DIR/<stem>.json for each file read, one line on stdout per file written
    (neither)        a short bilingual summary per file

A file that cannot be read gets one line on stderr ("lỗi: a.pdf: <Vietnamese> / a.pdf: <English>") and the
others
are still processed; the exit status is then 2, else 0. No traceback is ever printed: an unexpected
exception is
reported on that one line as an internal error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_FAILED = 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="chidao parse",
        description="Đọc văn bản hành chính (.txt, .md, .docx, .pdf) thành dữ liệu có cấu trúc / "
        "Read administrative documents into structured data.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="tệp cần đọc / files to read")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON / print JSON")
    p.add_argument(
        "--out", metavar="DIR", help="ghi DIR/<tên>.json cho mỗi tệp / write DIR/<stem>.json per file"
    )
    return p


def _safe_streams() -> None:
    """Never die on a terminal that cannot show Vietnamese: replace what it cannot encode."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if encoding not in ("utf-8", "utf8", "utf-16", "utf-32") and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # pragma: no cover - detached or closed stream
                pass


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _error_line(name: str, vi: str, en: str) -> str:
    return f"lỗi: {name}: {_one_line(vi)} / {name}: {_one_line(en)}"


def _warning_dict(w) -> dict:
    if isinstance(w, dict):
        return w
    return {"code": "parser", "vi": str(w), "en": str(w)}


def process(path: str) -> dict:
    """Read and parse one file. Raises UnreadableDocument (or an unexpected exception: a bug)."""
    from chidao.documents.reader import parse
    from chidao.documents.reader.files import read_file

    read = read_file(path)
    result = parse(read.text)
    if not isinstance(result, dict):
        raise TypeError(f"parse() returned {type(result).__name__}, not dict")
    result = dict(result)
    parser_warnings = result.get("warnings") or []
    if not isinstance(parser_warnings, list):
        parser_warnings = [parser_warnings]
    result["warnings"] = list(read.warnings) + list(parser_warnings)
    result["source"] = {"file": Path(path).name, "format": read.format, "encoding": read.encoding}
    return result


def _fmt(value) -> str:
    if value is None or value == "" or value == []:
        return "—"
    return str(value)


def summary(result: dict) -> str:
    """A short human-readable report of one parse result (labels in Vietnamese and English)."""
    src = result.get("source") or {}
    enc = f", {src['encoding']}" if src.get("encoding") else ""
    lines = [f"== {src.get('file', '?')} ({src.get('format', '?')}{enc}) =="]
    number, symbol = result.get("number"), result.get("symbol")
    numsym = "/".join(str(x) for x in (number, symbol) if x) or None
    lines.append(f"Loại văn bản (type): {_fmt(result.get('doc_type'))}")
    lines.append(f"Số/ký hiệu (number): {_fmt(numsym)}")
    lines.append(f"Cơ quan ban hành (issuer): {_fmt(result.get('issuer'))}")
    place = result.get("place")
    lines.append(f"Ngày (date): {_fmt(result.get('date'))}" + (f" — {place}" if place else ""))
    lines.append(f"Trích yếu (subject): {_fmt(result.get('subject'))}")
    recipients = result.get("recipients") or []
    lines.append(f"Nơi nhận (recipients): {len(recipients)}")
    assignees = result.get("assignees") or []
    lines.append(f"Cơ quan được giao (assignees): {len(assignees)}")
    lines.extend(f"  - {a}" for a in assignees)
    reporting = result.get("reporting") or []
    lines.append(f"Báo cáo định kỳ (reporting duties): {len(reporting)}")
    for r in reporting:
        if isinstance(r, dict):
            text = _fmt(r.get("frequency"))
            if r.get("to"):
                text += f" → {r['to']}"
            if r.get("via"):
                text += f" (qua/via {r['via']})"
        else:
            text = str(r)
        lines.append(f"  - {text}")
    if "tasks" in result:
        lines.append(f"Nhiệm vụ (tasks): {len(result.get('tasks') or [])}")
    signer = " ".join(
        str(x)
        for x in (result.get("signer_authority"), result.get("signer_title"), result.get("signer_name"))
        if x
    )
    lines.append(f"Người ký (signer): {_fmt(signer)}")
    warnings = [_warning_dict(w) for w in result.get("warnings") or []]
    lines.append(f"Cảnh báo (warnings): {len(warnings)}")
    for w in warnings:
        vi, en = _one_line(w.get("vi", "")), _one_line(w.get("en", ""))
        lines.append(f"  - [{w.get('code', '?')}] {vi}" + (f" / {en}" if en and en != vi else ""))
    return "\n".join(lines)


def _out_name(path: str, used: set[str]) -> str:
    p = Path(path)
    name = f"{p.stem}.json"
    if name in used:  # a.txt and a.pdf: a.json, then a.pdf.json
        name = f"{p.name}.json"
        k = 2
        while name in used:
            name = f"{p.name}.{k}.json"
            k += 1
    used.add(name)
    return name


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, default=str)


def main(argv: list[str] | None = None) -> int:
    from chidao.documents.reader.files import UnreadableDocument

    _safe_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _parser().parse_args(argv)
    except SystemExit as e:  # --help, or a usage error already printed by argparse
        return e.code if isinstance(e.code, int) else EXIT_FAILED

    out_dir = None
    if args.out:
        out_dir = Path(args.out)
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            reason = e.strerror or type(e).__name__
            print(
                _error_line(
                    args.out, f"không tạo được thư mục ({reason})", f"cannot create the directory ({reason})"
                ),
                file=sys.stderr,
            )
            return EXIT_FAILED

    failed = False
    results: list[dict] = []
    used: set[str] = set()
    for path in args.files:
        name = Path(path).name or path
        try:
            result = process(path)
        except UnreadableDocument as e:
            print(_error_line(name, e.vi, e.en), file=sys.stderr)
            failed = True
            continue
        except OSError as e:  # read_file turns these into UnreadableDocument; kept as a safety net
            reason = e.strerror or type(e).__name__
            print(
                _error_line(name, f"không đọc được tệp ({reason})", f"cannot read the file ({reason})"),
                file=sys.stderr,
            )
            failed = True
            continue
        except Exception as e:  # a bug in the reader or the parser: still one line, no traceback
            detail = _one_line(f"{type(e).__name__}: {e}")[:300]
            print(_error_line(name, f"lỗi nội bộ ({detail})", f"internal error ({detail})"), file=sys.stderr)
            failed = True
            continue

        if out_dir is not None:
            target = out_dir / _out_name(path, used)
            try:
                target.write_text(_dumps(result) + "\n", encoding="utf-8")
            except OSError as e:
                reason = e.strerror or type(e).__name__
                print(
                    _error_line(
                        name, f"không ghi được {target} ({reason})", f"cannot write {target} ({reason})"
                    ),
                    file=sys.stderr,
                )
                failed = True
                continue
            print(f"đã ghi / written: {target}")
        elif args.json:
            results.append(result)
        else:
            print(summary(result))
            print()

    if out_dir is None and args.json:
        if len(args.files) == 1:
            if results:
                print(_dumps(results[0]))
        else:
            print(_dumps(results))
    sys.stdout.flush()
    return EXIT_FAILED if failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
