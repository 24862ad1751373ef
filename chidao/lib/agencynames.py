"""Match agency names as Vietnamese officials write them.

"Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TBXH", "Sở Lao động, TB&XH" and "Sở Lao Động – TBXH" must meet on
one key: we fold case and diacritics (which also folds the two tone placements hoá/hóa), expand the usual
abbreviations and drop punctuation and "và". Pure Python, no Django.
"""
import difflib
import re
from collections.abc import Iterable

from chidao.lib.vntext import fold

# Applied in order to the folded text (ASCII, lower case); longer forms first.
_ABBREVIATIONS: list[tuple[str, str]] = [
    (r"ubmttqvn|ubmttq", "uy ban mat tran to quoc"),
    (r"mttqvn|mttq", "mat tran to quoc"),
    (r"ubnd", "uy ban nhan dan"),
    (r"hdnd", "hoi dong nhan dan"),
    (r"ld[\s,&-]*tb[\s,&-]*(?:va\s+)?xh|ldtbxh", "lao dong thuong binh xa hoi"),
    (r"tb\s*(?:&|va)\s*xh|tbxh", "thuong binh xa hoi"),
    (r"vh\s*,?\s*tt\s*(?:&|va|-)?\s*dl|vhttdl|vh-tt-dl", "van hoa the thao du lich"),
    (r"vh\s*-?\s*tt", "van hoa thong tin"),
    (r"gd\s*(?:&|va|-)?\s*dt|gddt", "giao duc dao tao"),
    (r"kh\s*(?:&|va|-)\s*dt|khdt", "ke hoach dau tu"),
    (r"tt\s*(?:&|va|-)\s*tt|tttt", "thong tin truyen thong"),
    (r"nn\s*(?:&|va|-)?\s*ptnt|nnptnt", "nong nghiep phat trien nong thon"),
    (r"nn\s*(?:&|va|-)\s*mt|nnmt", "nong nghiep moi truong"),
    (r"tn\s*(?:&|va|-)\s*mt|tnmt", "tai nguyen moi truong"),
    (r"kh\s*(?:&|va|-)\s*cn|khcn", "khoa hoc cong nghe"),
    (r"gtvt", "giao thong van tai"),
    (r"lhpn", "lien hiep phu nu"),
    (r"ccb", "cuu chien binh"),
    (r"bchqs", "bo chi huy quan su"),
    (r"bdbp", "bo doi bien phong"),
    (r"bch", "bo chi huy"),
    (r"tp\.?", "thanh pho"),
    (r"tx\.?", "thi xa"),
]
_ABBREVIATION_RES = [(re.compile(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])"), full) for pattern, full in _ABBREVIATIONS]
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_DROPPED = {"va"}


def name_key(name: str) -> str:
    """The comparison key of an agency name: folded, abbreviations expanded, punctuation and "và" dropped."""
    text = fold(name or "")
    for pattern, full in _ABBREVIATION_RES:
        text = pattern.sub(f" {full} ", text)
    return " ".join(word for word in _NOT_WORD.split(text) if word and word not in _DROPPED)


def rank_matches(text: str, candidates: Iterable[tuple[object, Iterable[str]]],
                 minimum: float = 0.86) -> list[tuple[object, float]]:
    """Candidates (id, names) ranked by how well one of their names matches `text`, best first.

    1.0: same key; 0.95: the text is a candidate name plus a qualifier ("Sở Y tế tỉnh Lai Châu");
    otherwise the similarity of the keys when it reaches `minimum`.
    """
    key = name_key(text)
    if not key:
        return []
    ranked = []
    for ident, names in candidates:
        best = 0.0
        for name in names:
            other = name_key(name)
            if not other:
                continue
            if other == key:
                score = 1.0
            elif key.startswith(other + " ") and len(other.split()) >= 2:
                score = 0.95
            else:
                score = difflib.SequenceMatcher(None, key, other).ratio()
                score = score * 0.9 if score >= minimum else 0.0
            best = max(best, score)
        if best:
            ranked.append((ident, best))
    ranked.sort(key=lambda pair: -pair[1])
    return ranked
