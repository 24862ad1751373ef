"""The parts of a document around its body: header (issuer, số/ký hiệu, place and date, type and trích yếu,
Kính gửi) and signature block (authority, title, name), following NĐ 30/2020 Điều 8 and TT 01/2011."""
import datetime
import re
from typing import Any

from ._layout import GAP, LO, UP, Doc, squash
from ._lexicon import ABBREVIATIONS, HEADER_TYPES

# --- số, ký hiệu ------------------------------------------------------------------------------------------------

_SYMBOL = r"[A-ZĐ][\w&]*(?:(?:-|–|/|&[^\S\n]?)[\w&]+)*"
NUMBER_LINE = re.compile(
    r"(?m)^[^\S\n]*(?:Số|SỐ|Sô)[^\S\n]*[:.]?[^\S\n]*(?:\n[^\S\n]*)?"
    r"(?P<num>\d{1,6}[A-Za-z]?)?[^\S\n]*(?:/[^\S\n]*(?P<year>(?:19|20)\d\d)[^\S\n]*)?/[^\S\n]*"
    rf"(?P<sym>{_SYMBOL})"
)
# "(Kèm theo văn bản số: /UBND-NNMT ngày ...)": an appendix naming its own document.
SELF_REFERENCE = re.compile(
    r"\((?:[Bb]an hành )?[Kk]èm theo\s+(?:[\w ]{0,30}?)số\s*:?\s*"
    r"(?P<num>\d{1,6})?\s*(?:/\s*(?P<year>(?:19|20)\d\d)\s*)?/\s*"
    rf"(?P<sym>{_SYMBOL})"
)


def clean_symbol(symbol: str) -> str:
    return symbol.replace("–", "-").strip(" -/&.")


_NUMBER_WORDS = ("Số", "SỐ", "Sô")  # what NUMBER_LINE opens with, after the indent


def find_number(doc: Doc, lo: int, hi: int):
    """The 'Số: N/KÝ-HIỆU' line of the header, or None.

    This is NUMBER_LINE.search(doc.C, lo, hi), tried only at the start of the lines where one of _NUMBER_WORDS
    follows the indent: those words are found by plain searches, much faster than the regex engine's attempt at
    every position (a document without a number line is scanned to `hi`)."""
    c = doc.C
    found = None
    stop = hi  # once a line matches, only earlier lines can do better
    for word in _NUMBER_WORDS:
        i = c.find(word, lo, stop)
        while i >= 0:
            start = doc.line_start(i)
            if start >= lo and (start == i or c[start:i].isspace()):
                m = NUMBER_LINE.match(c, start, hi)
                if m:
                    found = m
                    stop = start
                    break
            i = c.find(word, i + 1, stop)
    return found


def split_number(m) -> tuple:
    num = m.group("num")
    sym = clean_symbol(m.group("sym"))
    if m.group("year"):
        sym = f"{m.group('year')}/{sym}"
    return (num or None), (sym or None)


# --- motto ------------------------------------------------------------------------------------------------------

def find_motto(doc: Doc, hi: int):
    """(start, end) of 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' (OCR-tolerant) before `hi`, or None."""
    low = doc.L
    for probe in ("chủ nghĩa việt nam", "chủ nghĩa viết nam", "chủ nghĩa việt", "xã hội chủ nghĩa"):
        i = low.find(probe, 0, hi)
        if i >= 0:
            start = low.rfind("cộng", max(0, i - 40), i)
            if start < 0:
                start = low.rfind("c", max(0, i - 30), i)
            return (start if start >= 0 else i), i + len(probe)
    return None


_MOTTO_PART = re.compile(r"(?i)cộng\b|xã\s+hội\s+chủ|chủ\s+nghĩa|độc\s+lập|tự\s+do|hạnh\s+phúc")


def _has_motto_part(low: str) -> bool:
    """_MOTTO_PART.search(low) is not None, for a lower-cased text. The pattern (case-insensitive, so without a
    literal prefix) is tried at every character; it is run only when the first word of one of its branches is
    there: in lower-cased text those letters match only as written (their upper-case twins are gone)."""
    if "cộng" in low or "xã" in low or "chủ" in low or "độc" in low or "tự" in low or "hạnh" in low:
        return _MOTTO_PART.search(low) is not None
    return False
_SEPARATOR = re.compile(r"^[\s\-–—_=.~*]*$")


def _is_upper_block(text: str) -> bool:
    if len(text) > 90:
        return False
    letters = "".join(filter(str.isalpha, text))
    if len(letters) < 2:
        return False
    return sum(map(str.isupper, letters)) >= 0.8 * len(letters)


_RULE = re.compile(r"[\s\-–—_=~]{2,}$")


def _strip_rule(text: str) -> str:
    last = text[-1:]
    if last.isspace() or last in "-–—_=~":  # (a rule ends the text; the empty text passes too)
        text = _RULE.sub("", text)
    return text.strip(" -–—_=~")


_SO_WORD = re.compile(r"(?i)số\b")


def find_issuer(doc: Doc, anchor_line: int, stop_line: int):
    """The issuing body: capitalised lines before the header anchor, then left-column segments until the Số line."""
    parts = []
    i = anchor_line - 1
    budget = 10
    while i >= 0 and budget > 0:
        segs = doc.segments(i)
        if not segs or _SEPARATOR.match(segs[0][0]):
            i -= 1
            budget -= 1
            continue
        text = _strip_rule(segs[0][0])
        if text and _is_upper_block(text) and not _has_motto_part(text.lower()):
            parts.insert(0, text)
            i -= 1
            budget -= 1
            continue
        break
    for j in range(anchor_line, min(stop_line, anchor_line + 6, len(doc.line_starts))):
        segs = doc.segments(j)
        if not segs:
            continue
        text = _strip_rule(segs[0][0])
        if not text or _SEPARATOR.match(text):
            continue
        if _has_motto_part(text.lower()):
            continue
        if _SO_WORD.match(text):
            break
        if _is_upper_block(text):
            parts.append(text)
        else:
            break
    issuer = squash(" ".join(parts))
    return issuer or None


# --- place and date ---------------------------------------------------------------------------------------------

DATE_AFTER_PLACE = re.compile(
    r",\s*ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4})?", re.I
)


def _place_word(word: str) -> bool:
    w = word.strip(".")
    if not w or any(map(str.isdigit, w)) or "/" in w or ":" in w:
        return False
    if w.startswith("phố"):
        return True
    if not w[0].isupper():
        return False
    return not (w.isupper() and len(w) > 3)


_GAP = re.compile(GAP)


def _place_before(doc: Doc, comma: int):
    line = doc.line_index(comma)
    start = doc.line_starts[line]
    fragment = doc.C[start:comma]
    gaps = list(_GAP.finditer(fragment))
    if gaps:
        fragment = fragment[gaps[-1].end():]
    words = fragment.split()
    taken = []
    for w in reversed(words):
        if _place_word(w) and len(taken) < 6:
            taken.insert(0, w)
        else:
            break
    if taken and len(taken) == len(words) and line > 0:
        prev_segs = doc.segments(line - 1)
        if prev_segs:
            prev_words = prev_segs[-1][0].split()
            if 0 < len(prev_words) <= 5 and all(_place_word(w) for w in prev_words) and len(prev_segs) == 1:
                taken = prev_words + taken
    place = squash(" ".join(taken)).strip(" ,.")
    return place or None


def find_date(doc: Doc, lo: int, hi: int):
    """(match, place, iso date or None, impossible: bool) of the header's 'Place, ngày D tháng M năm Y'."""
    for m in DATE_AFTER_PLACE.finditer(doc.C, lo, hi):
        place = _place_before(doc, m.start())
        if not place:
            continue
        iso, impossible = make_date(m.group("d"), m.group("m"), m.group("y"))
        return m, place, iso, impossible
    return None


def make_date(day, month, year) -> tuple:
    """(ISO string or None, impossible?) from the written parts."""
    if not (day and month and year):
        return None, False
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat(), False
    except ValueError:
        return None, True


# --- type and trích yếu -----------------------------------------------------------------------------------------

_TYPE_BY_UPPER = {t.upper(): t for t in HEADER_TYPES}
TYPE_LINE = re.compile(
    r"(?:(?m:^)|(?<=\d{4})[^\S\n]+)[^\S\n]*(?P<type>"
    + "|".join(sorted((re.escape(t.upper()) for t in HEADER_TYPES), key=len, reverse=True))
    + r")(?![\w:])(?![^\S\n]*(?::|SỐ\b|số\b|\d))"
)
VV = re.compile(r"(?:V/v|V/V|v/v|Về việc|VỀ VIỆC|V\.v)[^\S\n]*[:.]?[^\S\n]*")
_BODY_OPENERS = re.compile(
    r"(?:Căn cứ|Thực hiện|Triển khai|Nhằm|Theo|Xét|Trong|Ngày|Để|Trên cơ sở|Kính gửi|Trả lời|Tiếp theo|Sau khi|"
    r"Hiện nay|Vừa qua|Qua|Nhận được|Thời gian qua)\b"
)
_AUTHORITY_LINE = re.compile(
    r"(?:ỦY BAN|UỶ BAN|CHỦ TỊCH|BỘ TRƯỞNG|GIÁM ĐỐC|HỘI ĐỒNG|TỔNG GIÁM ĐỐC|THỦ TƯỚNG|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|"
    r"CỤC TRƯỞNG|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|VIỆN TRƯỞNG|CHÁNH ÁN)\b"
)


def find_type_line(doc: Doc, lo: int, hi: int):
    return TYPE_LINE.search(doc.C, lo, hi)


def _is_uppercase_text(text: str) -> bool:
    letters = "".join(filter(str.isalpha, text))
    return bool(letters) and sum(map(str.isupper, letters)) >= 0.85 * len(letters)


def read_subject_after_type(doc: Doc, type_match, issuer):
    """(subject, end offset) of the trích yếu following a type line ('KẾ HOẠCH' / 'QUYẾT ĐỊNH' ...)."""
    pos = type_match.end()
    line = doc.line_index(pos)
    first_line = line
    rest = doc.C[pos:doc.line_end(pos)]
    pieces = []
    end = pos
    started_upper = None
    n_lines = len(doc.line_starts)
    budget = 8
    text = rest
    start_of_text = pos
    while budget > 0:
        stripped = text.strip()
        if not stripped:
            if pieces:
                break
        else:
            if pieces:
                if _BODY_OPENERS.match(stripped):
                    break
                upper = _is_uppercase_text(stripped)
                if started_upper is not None and upper != started_upper and len(stripped) > 3:
                    break
                if upper and _AUTHORITY_LINE.match(stripped):
                    break
                if KINH_GUI.match(stripped):
                    break
            else:
                started_upper = _is_uppercase_text(stripped)
                if line != first_line and _AUTHORITY_LINE.match(stripped) and started_upper:
                    break
            pieces.append(stripped)
            end = start_of_text + len(text.rstrip())
        budget -= 1
        line += 1
        if line >= n_lines:
            break
        start_of_text, stop = doc.line_span(line)
        text = doc.C[start_of_text:stop]
    subject = squash(" ".join(pieces))
    subject = strip_subject(subject, issuer)
    return subject or None, end


_SUBJECT_LABEL = re.compile(r"^(?:V/v|V/V|v/v|Về việc|VỀ VIỆC|Về|VỀ)\b[\s.:]*")
_UBND_TAIL = re.compile(
    r"\s(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|CHỦ TỊCH ỦY BAN NHÂN DÂN|CHỦ TỊCH UỶ BAN NHÂN DÂN)"
    rf"[{UP}\s]*$"
)


def strip_subject(subject: str, issuer) -> str:
    subject = _SUBJECT_LABEL.sub("", subject).strip()
    if issuer and subject.upper().endswith(issuer.upper()) and len(subject) > len(issuer) + 5:
        subject = subject[: -len(issuer)].rstrip()
    # (every name _UBND_TAIL looks for contains "BAN NHÂN DÂN")
    m = _UBND_TAIL.search(subject) if "BAN NHÂN DÂN" in subject else None
    if m and m.start() > 10:
        subject = subject[: m.start()].rstrip()
    return subject.strip(" *-–")


_GAP_THEN_TEXT = re.compile(GAP + r"\S")
_KINH_GUI_OR_SO = re.compile(r"(?i)kính\s*gửi|số\s*:")


def read_vv(doc: Doc, vv_match, stop_at: int):
    """(subject, end) of the 'V/v ...' block of a công văn."""
    pos = vv_match.end()
    line = doc.line_index(pos)
    text = doc.C[pos:doc.line_end(pos)]
    gap = _GAP_THEN_TEXT.search(text)
    if gap:
        text = text[: gap.start()]
    text_start = pos
    pieces = []
    end = pos
    n_lines = len(doc.line_starts)
    while len(pieces) < 8:
        stripped = text.strip()
        if stripped:
            if pieces and (_KINH_GUI_OR_SO.match(stripped) or _BODY_OPENERS.match(stripped)
                           or DATE_AFTER_PLACE.search(stripped) or _has_motto_part(stripped.lower())
                           or (_is_uppercase_text(stripped) and len(stripped) > 12)):
                break
            cut = KINH_GUI.search(stripped)
            if cut:
                stripped = stripped[: cut.start()].strip()
                if stripped:
                    pieces.append(stripped)
                    end = text_start + text.find(stripped) + len(stripped)
                break
            pieces.append(stripped)
            end = text_start + len(text.rstrip())
        elif pieces:
            break
        line += 1
        if line >= n_lines or doc.line_starts[line] >= stop_at:
            break
        segs = doc.segments(line)
        if not segs:
            text = ""
            continue
        if segs[0][1] - doc.line_starts[line] > 25:
            break
        text, text_start = segs[0]
    subject = squash(" ".join(pieces))
    return strip_subject(subject, None) or None, end


def type_from_symbol(symbol):
    if not symbol:
        return None
    first = re.split(r"[-/]", symbol.split("/")[-1] if re.match(r"\d{4}/", symbol) else symbol)[0]
    return ABBREVIATIONS.get(first.upper())


# --- Kính gửi -----------------------------------------------------------------------------------------------------

# "(?i)kính\s*gửi\s*:?" opening with the class of what "(?i)k" matches (K, k, the Kelvin sign): the regex engine
# skips ahead to those characters instead of trying the pattern at every position
KINH_GUI = re.compile(r"[Kk\u212a](?i:ính\s*gửi\s*:?)")
_BULLET = re.compile(r"^[-+•–—]\s*")
_FIELD = re.compile(r"(?i)^(?:mã số thuế|mst|địa chỉ|điện thoại|đt|email|e-mail|fax|số điện thoại)\b[^:]{0,40}:")
_FLATTENED_CUT = re.compile(
    r"\s(?=(?:Trong|Thực hiện|Căn cứ|Theo|Ngày|Để|Nhằm|Xét|Sau khi|Hiện nay|Vừa qua|Trả lời|Tiếp theo|"
    r"Trên cơ sở|Nhận được|Thời gian qua|Qua)\b)"
)
_RECIPIENT_OPENER = re.compile(
    r"(?:Trong|Thực hiện|Căn cứ|Theo|Ngày|Để|Nhằm|Xét|Sau khi|Hiện nay|Vừa qua|Trả lời|Tiếp theo|Trên cơ sở|"
    r"Nhận được|Thời gian qua|Qua|\(Sau đây)\b"
)


def read_recipients(doc: Doc, kg_match, stop_at: int) -> tuple:
    """([recipient], end offset) of the Kính gửi block."""
    items: list[list[Any]] = []  # [text, ended]
    mode = None
    line = doc.line_index(kg_match.end())
    first = True
    end = kg_match.end()
    n_lines = len(doc.line_starts)
    blank_run = 0
    while line < n_lines and len(items) < 40:
        start, stop = doc.line_span(line)
        if start >= stop_at:
            break
        if first:
            text = doc.C[kg_match.end():stop]
            seg_start = kg_match.end()
            first = False
        else:
            text = doc.C[start:stop]
            seg_start = start
        stripped = text.strip()
        line += 1
        if not stripped:
            blank_run += 1
            if items and (mode == "single" or blank_run > 1 or items[-1][1]):
                break
            continue
        blank_run = 0
        lead = seg_start + len(text) - len(text.lstrip())
        bullet = _BULLET.match(stripped)
        if bullet:
            items.append([stripped[bullet.end():], False])
            mode = "list"
        elif not items:
            if _RECIPIENT_OPENER.match(stripped):
                break
            items.append([stripped, False])
            mode = "single"
        elif not items[-1][1] and not _RECIPIENT_OPENER.match(stripped):
            items[-1][0] += " " + stripped
        elif mode == "single" and items[-1][1] and not _RECIPIENT_OPENER.match(stripped) and \
                items[-1][0].rstrip().endswith(";"):
            items.append([stripped, False])
        else:
            break
        end = lead + len(stripped)
        last = items[-1][0].rstrip()
        items[-1][1] = last.endswith((";", ".", ":")) and not last.endswith("./.")
        if last.endswith("."):
            # a full stop closes a list
            if mode == "list" or mode == "single":
                items[-1][1] = True
    out = []
    for text, _ in items:
        text = squash(text)
        cut = _FLATTENED_CUT.search(text)
        if cut and cut.start() > 8:
            text = text[: cut.start()]
        text = text.strip(" ;.,:")
        if not text or _FIELD.match(text):
            continue
        out.append(text)
    return out, end


def flattened_body_start(doc: Doc, kg_match, end: int) -> int:
    """Where a body glued to its only recipient starts ('... Trung ương Trong thời gian qua, ...')."""
    text = doc.C[kg_match.end():end]
    m = _FLATTENED_CUT.search(text)
    if m and m.start() > 8 and "\n" not in text[: m.start()].strip():
        return kg_match.end() + m.start() + 1
    return end


# --- signature ----------------------------------------------------------------------------------------------------

PREFIX = re.compile(rf"\b(?:TM|KT|TL|TUQ|Q)\.[^\S\n]*(?=[{UP}])")
_LONE_PREFIX = re.compile(r"^(?:TM|KT|TL|TUQ|Q)\.$")
NOI_NHAN = re.compile(r"(?im)^[^\S\n]*(?:nơi\s*nhận|nơi\s*gửi)\s*:?")
_NAME_WORD = re.compile(rf"^[{UP}][{LO}]+$")
_TITLE_SPLIT = re.compile(r"[^\S\n]+(?=PHÓ[^\S\n]|THỨ TRƯỞNG\b)")
_TM_TITLE_SPLIT = re.compile(r"[^\S\n]+(?=CHỦ TỊCH\b|TRƯỞNG BAN\b|BỘ TRƯỞNG\b|GIÁM ĐỐC\b)")
_UPPER_THEN_NAME = re.compile(
    rf"^(?P<upper>(?:[{UP}][{UP}.,]*[^\S\n]+)+?)(?P<name>[{UP}][{LO}]+(?:[^\S\n]+[{UP}][{LO}]+){{1,4}})$"
)
_LO_SET = frozenset(LO)
_TAIL_UPPER_NAME = re.compile(
    rf"(?P<upper>(?:[{UP}]{{2,}}[,.]?[^\S\n]+){{1,6}})(?P<name>[{UP}][{LO}]+(?:[^\S\n]+[{UP}][{LO}]+){{1,4}})\s*$"
)


def _is_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 5 or len(text) > 45:
        return False
    # "Nguyễn Thị Ý": a one-letter word may close a name, not open it
    return _NAME_WORD.match(words[0]) is not None and all(
        _NAME_WORD.match(w) or (len(w) == 1 and w.isupper()) for w in words[1:])


def _split_upper(text: str) -> list:
    """'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH' -> ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']."""
    pieces = []
    starts = [m.start() for m in PREFIX.finditer(text)]
    if not starts or starts[0] != 0:
        starts = [0] + starts
    for a, b in zip(starts, starts[1:] + [len(text)], strict=True):
        piece = text[a:b].strip()
        if piece:
            pieces.append(piece)
    out = []
    for piece in pieces:
        prefix = PREFIX.match(piece)
        if prefix:
            body = piece[prefix.end():]
            cut = _TITLE_SPLIT.search(body)
            if cut is None and piece.startswith("TM.") and len(body.split()) > 3:
                cut = _TM_TITLE_SPLIT.search(body)
                if cut and cut.start() < 4:
                    cut = None
            if cut:
                head = piece[: prefix.end() + cut.start()].strip()
                out.extend([head, body[cut.end():].strip()])
                continue
        out.append(piece)
    return [p for p in out if p]


def read_signature(doc: Doc, lo: int, hi: int) -> dict:
    """signer_authority, signer_title, signer_name from the lines in [lo, hi)."""
    upper_items = []  # (text, is_continuation_line)
    name = None
    if hi <= lo:
        return {"signer_authority": None, "signer_title": None, "signer_name": None}
    first_line = doc.line_index(lo)
    last_line = doc.line_index(max(lo, hi - 1))
    pending_name = None
    pending_prefix = None
    for index in range(first_line, last_line + 1):
        if name:
            break  # nothing after the name changes the result
        for text, start in doc.segments(index):
            if start < lo or start >= hi:
                continue
            text = text.strip()
            if not text:
                continue
            low = text.lower()
            if low.startswith(("nơi nhận", "nơi gửi")) or _BULLET.match(text):
                m = PREFIX.search(text) if "." in text else None  # "TM." ... have a full stop
                if m:
                    text = text[m.start():]
                else:
                    tail = _flattened_tail(text)
                    if not tail:
                        continue
                    text = tail
            if name:
                break
            if pending_name is not None:
                joined = f"{pending_name} {text}"
                pending_name = None
                if _is_name(joined):
                    name = joined
                    continue
            if _is_name(text):
                if upper_items:
                    name = text
                continue
            if len(text.split()) == 1 and _NAME_WORD.match(text) and upper_items:
                pending_name = text
                continue
            if _LONE_PREFIX.match(text):
                pending_prefix = text
                continue
            if _is_uppercase_text(text) and len(text) <= 80:
                if pending_prefix:
                    text = f"{pending_prefix} {text}"
                    pending_prefix = None
                for piece in _split_upper(text):
                    upper_items.append(piece)
                continue
            m = _UPPER_THEN_NAME.match(text)
            if m and _is_uppercase_text(m.group("upper")):
                upper_items.extend(_split_upper(m.group("upper").strip()))
                name = m.group("name")
    authority = title = None
    items = [squash(i).strip(" ,") for i in upper_items if i.strip(" ,")]
    items = [i for i in items if not _has_motto_part(i.lower()) and len(i) >= 2]
    if items:
        prefixed = [bool(PREFIX.match(i)) for i in items]
        if not prefixed[-1] and (len(items) > 1 or name) and len(items[-1].split()) >= 2:
            title = items[-1]
            body = items[:-1]
            body_prefixed = prefixed[:-1]
        else:
            body = items
            body_prefixed = prefixed
        if body and body_prefixed[0]:
            auth = [body[0]]
            for item, is_prefixed in zip(body[1:], body_prefixed[1:], strict=True):
                if is_prefixed:
                    break
                auth.append(item)
            authority = " ".join(auth)
        elif not title and body and len(body[-1].split()) >= 2:
            title = body[-1]
    return {"signer_authority": authority, "signer_title": title, "signer_name": name}


def _flattened_tail(text: str):
    """In a flattened Nơi nhận line ending '... Lưu: VT, X. Trung Anh BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến Dũng', the
    title and name at its end."""
    if text.rstrip()[-1:] not in _LO_SET:
        return None  # the name's last letter must end the text: most Nơi nhận lines end with ';' or '.'
    m = _TAIL_UPPER_NAME.search(text)
    if m and len(m.group("upper").split()) >= 2:
        return m.group(0).strip()
    return None
