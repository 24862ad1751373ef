"""parse(text) -> dict: read a Vietnamese administrative document (NĐ 30/2020/NĐ-CP, TT 01/2011/TT-BNV layout).

The result holds every field of SCHEMA.md (doc_type, number, symbol, issuer, place, date, subject, recipients,
cited_documents, reporting, assignees, signer_authority, signer_title, signer_name) and:

    sections  [{"number", "heading", "assignee", "text", "start", "end"}]  the body's numbered parts
    tasks     [{"assignee", "text", "start", "end"}]                        each assignment found
    warnings  [{"code", "vi", "en"}]

`parse` normalises the input to NFC first; every start/end is an offset into `unicodedata.normalize("NFC",
text)`, so `nfc_text[start:end]` is the part a UI should highlight. The "text" of a section or task is that span
with markup (markdown emphasis, table pipes) removed and white space collapsed. Reporting duties carry, besides
frequency/to/via, the sender ("from"), a "deadline" phrase, their "text" and its span.

`parse` never raises: on any input it returns a dict with all keys (None / [] where the document does not say).
Pure Python, standard library only.
"""
import re

from ._body import (
    SectionIndex,
    analyse_sentence,
    build_tasks,
    clear_name_lists,
    find_citations,
    find_reporting,
    find_sections,
    issuer_keys,
    paragraphs,
    quoted_spans,
    section_heading,
    sentences,
    table_findings,
)
from ._header import (
    KINH_GUI,
    NOI_NHAN,
    SELF_REFERENCE,
    VV,
    find_date,
    find_issuer,
    find_motto,
    find_number,
    find_type_line,
    flattened_body_start,
    read_recipients,
    read_signature,
    read_subject_after_type,
    read_vv,
    split_number,
    type_from_symbol,
)
from ._layout import Doc, squash

KEYS = [
    "doc_type", "number", "symbol", "issuer", "place", "date", "subject", "recipients", "cited_documents",
    "reporting", "assignees", "signer_authority", "signer_title", "signer_name", "sections", "tasks", "warnings",
]
LIST_KEYS = {"recipients", "cited_documents", "reporting", "assignees", "sections", "tasks", "warnings"}

WARNINGS = {
    "empty": ("Văn bản trống.", "The document is empty."),
    "no_number": ("Không tìm thấy số, ký hiệu văn bản.", "No document number found."),
    "no_date": ("Không tìm thấy ngày ban hành.", "No issue date found."),
    "date_impossible": ("Ngày ban hành không hợp lệ.", "The issue date is not a real date."),
    "no_type": ("Không xác định được loại văn bản.", "The document type could not be determined."),
    "truncated": ("Văn bản có vẻ bị cắt cụt (thiếu phần kết thúc, nơi nhận, chữ ký).",
                  "The text looks truncated (no ending, recipients list or signature)."),
    "no_signature": ("Không tìm thấy chữ ký, thẩm quyền ký.", "No signature block found."),
    "no_assignee": ("Không tìm thấy cơ quan, đơn vị được giao nhiệm vụ.", "No assignee found."),
    "too_long": ("Văn bản rất dài; chỉ phần đầu được đọc.", "Very long text: only its beginning was read."),
    "internal_error": ("Lỗi khi đọc văn bản; kết quả có thể thiếu.",
                       "The reader failed; the result may be incomplete."),
}
MAX_CHARS = 2_000_000
MAX_SECTIONS = 3000
MAX_SENTENCES = 30000
_APPENDIX = re.compile(
    r"(?m)^[^\S\n]*(?:PHỤ LỤC|Phụ lục|QUY CHẾ|QUY ĐỊNH|CHƯƠNG TRÌNH|DANH MỤC|ĐIỀU LỆ|HƯỚNG DẪN|KẾ HOẠCH|ĐỀ ÁN|"
    r"BIỂU MẪU|PHƯƠNG ÁN|ĐỀ CƯƠNG)\b"
)
_PREFIX_LINE = re.compile(r"(?m)^[^\S\n]*(?:TM|KT|TL|TUQ|Q)\.[^\S\n]*[A-ZĐỦỶ]")


def _find_noi_nhan(doc: Doc, lo: int, hi: int):
    """The 'Nơi nhận:' of the signature block, found by a plain search and checked to open a line or a column."""
    low = doc.L
    for probe in ("nơi nhận", "nơi gửi", "nơi\nnhận"):
        i = low.find(probe, lo, hi)
        while i >= 0:
            m = NOI_NHAN.match(doc.C, doc.line_start(i), hi)
            if m:
                return m
            i = low.find(probe, i + 1, hi)
    return None


def _find_kinh_gui(doc: Doc, lo: int, hi: int):
    """KINH_GUI.search(C, lo, hi), tried only where L spells "kính": the case-insensitive pattern opens with it, and
    every character it accepts there lower-cases to that letter (a search ignoring case scans slowly)."""
    low = doc.L
    i = low.find("kính", lo, hi)
    while i >= 0:
        m = KINH_GUI.match(doc.C, i, hi)
        if m:
            return m
        i = low.find("kính", i + 1, hi)
    return None


def _warning(code: str) -> dict:
    vi, en = WARNINGS[code]
    return {"code": code, "vi": vi, "en": en}


def empty_result() -> dict:
    return {key: ([] if key in LIST_KEYS else None) for key in KEYS}


def parse(text: object) -> dict:
    """Read an administrative document into a dict (see the module docstring). Never raises: anything not a string
    is read as its str() (None as empty)."""
    try:
        source = text if isinstance(text, str) else ("" if text is None else str(text))
        return _parse(source)
    except Exception:  # noqa: BLE001 - the reader must answer on any input
        result = empty_result()
        result["warnings"].append(_warning("internal_error"))
        return result


def _parse(text: str) -> dict:
    result = empty_result()
    warnings = result["warnings"]
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        warnings.append(_warning("too_long"))
    doc = Doc(text)
    if not doc.S.strip():
        warnings.append(_warning("empty"))
        return result
    n = doc.n
    probe_hi = min(n, 15000)

    # --- header -----------------------------------------------------------------------------------------------
    motto = find_motto(doc, probe_hi)
    num_m = find_number(doc, 0, probe_hi)
    if num_m and motto and num_m.start() > motto[1] + 2500:
        num_m = find_number(doc, max(0, motto[0] - 1500), min(n, motto[1] + 2500))
    anchor = None
    for pos in ((motto[0] if motto else None), (num_m.start() if num_m else None)):
        if pos is not None and (anchor is None or pos < anchor):
            anchor = pos
    head_lo = doc.line_start(anchor) if anchor is not None else 0
    kg = _find_kinh_gui(doc, head_lo, min(n, head_lo + 5000))
    if kg and anchor is None and kg.start() > 3000:
        kg = None

    number = symbol = None
    if num_m:
        number, symbol = split_number(num_m)
    if anchor is not None:
        stop_line = doc.line_index(num_m.start()) if num_m else doc.line_index(anchor) + 6
        result["issuer"] = find_issuer(doc, doc.line_index(anchor), stop_line)

    ends = [head_lo]
    if motto:
        ends.append(motto[1])
    if num_m:
        ends.append(num_m.end())
    date_lo = max(0, anchor - 300) if anchor is not None else 0
    date_hi = min(n, (num_m.end() if num_m else (anchor if anchor is not None else 0)) + 1500)
    if kg:
        date_hi = min(date_hi, kg.start() + 200)
    date = find_date(doc, date_lo, date_hi)
    impossible = False
    if date:
        m, place, iso, impossible = date
        result["place"] = place
        result["date"] = iso
        ends.append(m.end())

    type_lo = num_m.end() if num_m else (motto[1] if motto else head_lo)
    type_hi = min(n, type_lo + 2500)
    if kg:
        type_hi = min(type_hi, kg.start())
    type_m = find_type_line(doc, type_lo, type_hi) if type_hi > type_lo else None
    vv_lo = num_m.start() if num_m else head_lo
    vv_hi = min(n, vv_lo + 2500)
    if kg:
        vv_hi = min(vv_hi, kg.start())
    vv_m = VV.search(doc.C, vv_lo, vv_hi) if vv_hi > vv_lo else None
    if vv_m and type_m and type_m.start() < vv_m.start():
        vv_m = None if doc.line_index(vv_m.start()) <= doc.line_index(type_m.end()) + 1 else vv_m
    if vv_m and (type_m is None or vv_m.start() < type_m.start()):
        result["doc_type"] = "Công văn"
        subject, end = read_vv(doc, vv_m, kg.start() if kg else n)
        result["subject"] = subject
        ends.append(end)
    elif type_m:
        name = type_m.group("type")
        result["doc_type"] = next((t for t in _title_types() if t.upper() == name), name.title())
        subject, end = read_subject_after_type(doc, type_m, result["issuer"])
        result["subject"] = subject
        ends.append(end)

    if kg:
        recipients, end = read_recipients(doc, kg, n)
        result["recipients"] = recipients
        ends.append(min(end, flattened_body_start(doc, kg, end)) if recipients else kg.end())
        if result["doc_type"] is None:
            result["doc_type"] = "Công văn"
    body_start = max(ends)
    if kg and result["recipients"]:
        flat = flattened_body_start(doc, kg, body_start)
        if flat < body_start:
            body_start = flat

    # --- end of the document, signature, appendices ----------------------------------------------------------
    doc_end = doc.furniture_after(body_start)
    nn = _find_noi_nhan(doc, body_start, doc_end)
    if nn:
        doc_end = doc.furniture_after(body_start, nn.start())
    body_end = nn.start() if nn else None
    sig_lo = body_end
    closing = doc.C.rfind("./.", body_start, body_end if body_end is not None else doc_end)
    prefix_search_lo = closing if closing >= 0 else body_start
    if nn:
        before = _PREFIX_LINE.search(doc.C, prefix_search_lo, nn.start()) if closing >= 0 else None
        if before:
            body_end = sig_lo = doc.line_start(before.start())
    else:
        first_prefix = _PREFIX_LINE.search(doc.C, prefix_search_lo, doc_end)
        if first_prefix:
            body_end = sig_lo = doc.line_start(first_prefix.start())
    if body_end is None:
        body_end = doc_end
    appendix_start = None
    if sig_lo is not None:
        app = _APPENDIX.search(doc.C, min(doc_end, sig_lo + 20), doc_end)
        if app:
            appendix_start = doc.line_start(app.start())
        sig_hi = min(appendix_start or doc_end, sig_lo + 2500)
        result.update(read_signature(doc, sig_lo, sig_hi))

    if num_m is None:
        tail_lo = appendix_start or body_end
        own = SELF_REFERENCE.search(doc.C, tail_lo, doc_end) if tail_lo < doc_end else None
        if own:
            number, symbol = split_number(own)
    result["number"] = number
    result["symbol"] = symbol
    if result["doc_type"] is None:
        result["doc_type"] = type_from_symbol(symbol)

    # --- body ---------------------------------------------------------------------------------------------------
    regions = [(body_start, body_end)]
    if appendix_start is not None and appendix_start < doc_end:
        regions.append((appendix_start, doc_end))
    keys = issuer_keys(result["issuer"])
    all_sections = []
    all_sents = []
    for lo, hi in regions:
        if hi <= lo:
            continue
        paras = paragraphs(doc, lo, hi)
        all_sections.extend(find_sections(doc, paras, lo, hi))
        all_sents.extend(sentences(doc, paras))
    # bounds for pathological input (work grows with sections x sentences)
    del all_sections[MAX_SECTIONS:]
    del all_sents[MAX_SENTENCES:]
    findings = []
    for sent in all_sents:
        findings.extend(analyse_sentence(doc, sent, keys))
    for lo, hi in regions:
        findings.extend(table_findings(doc, lo, hi))
    for sec in all_sections:
        section_heading(doc, sec, keys)
    clear_name_lists(all_sections)
    quotes = []
    for lo, hi in regions:
        quotes.extend(quoted_spans(doc, lo, hi))
    index = SectionIndex(all_sections)  # for build_tasks and find_reporting both
    tasks, assignees = build_tasks(doc, all_sections, findings, quotes, index)
    result["tasks"] = tasks
    result["assignees"] = assignees
    result["reporting"] = find_reporting(doc, all_sents, findings, index)
    result["sections"] = [
        {
            "number": sec.number, "heading": sec.heading,
            "assignee": "; ".join([name for name, _ in sec.items]) or None,
            "text": sec.text or squash(doc.C[sec.start:sec.end]), "start": sec.start, "end": sec.end,
        }
        for sec in all_sections
    ]
    cite_ranges = [((num_m.end() if num_m else (motto[1] if motto else head_lo)), body_end)]
    if appendix_start is not None:
        cite_ranges.append((appendix_start, doc_end))
    result["cited_documents"] = find_citations(doc, [(a, b) for a, b in cite_ranges if b > a], (number, symbol))

    # --- warnings -------------------------------------------------------------------------------------------------
    if not number:
        warnings.append(_warning("no_number"))
    if impossible:
        warnings.append(_warning("date_impossible"))
    elif not result["date"]:
        warnings.append(_warning("no_date"))
    if not result["doc_type"]:
        warnings.append(_warning("no_type"))
    if nn is None and sig_lo is None:
        # the body of an administrative document closes with "./."; without it, and without Nơi nhận or
        # signature, the text stops before the end
        closed = doc.C.find("./.", body_start, doc_end) >= 0
        warnings.append(_warning("no_signature" if closed else "truncated"))
    elif not (result["signer_authority"] or result["signer_title"] or result["signer_name"]):
        warnings.append(_warning("no_signature"))
    if not result["assignees"]:
        warnings.append(_warning("no_assignee"))
    return result


_TYPES_CACHE = []


def _title_types() -> list:
    if not _TYPES_CACHE:
        from ._lexicon import HEADER_TYPES
        _TYPES_CACHE.extend(HEADER_TYPES)
    return _TYPES_CACHE
