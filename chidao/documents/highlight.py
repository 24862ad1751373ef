"""Cut a text into plain and highlighted pieces from (start, end, label) spans. Pure Python."""


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str | None]]:
    """Pieces in order; where spans overlap the earlier-starting one wins, the rest of the later is kept."""
    pieces: list[tuple[str, str | None]] = []
    cursor = 0
    for start, end, label in sorted(spans):
        start, end = max(start, cursor), min(end, len(text))
        if start >= end:
            continue
        if start > cursor:
            pieces.append((text[cursor:start], None))
        pieces.append((text[start:end], label))
        cursor = end
    if cursor < len(text):
        pieces.append((text[cursor:], None))
    return pieces
