"""Numbers as Vietnamese officials type them: "1.234" is one thousand two hundred thirty-four, "1,5" is 1.5."""
import re
from decimal import Decimal, InvalidOperation

_GROUPED = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")  # 1.234 or 1.234.567,5
_PLAIN = re.compile(r"^-?\d+([.,]\d+)?$")


def parse_number(text: str) -> Decimal | None:
    """Decimal from typed text; None for blank; ValueError (bilingual message) for anything else.

    Dots group thousands and a comma marks decimals (Vietnamese usage). A single dot followed by other than
    three digits ("2.5") is read as a decimal point, as a spreadsheet would.
    """
    cleaned = re.sub(r"[\s\u00a0]", "", text or "")
    if not cleaned:
        return None
    if _GROUPED.match(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _PLAIN.match(cleaned):
        cleaned = cleaned.replace(",", ".")
    else:
        raise ValueError(f"“{text.strip()}” không phải là số / is not a number")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"“{text.strip()}” không phải là số / is not a number") from None
