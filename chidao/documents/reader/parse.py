"""Placeholder: replaced by the real parser."""


def parse(text: str) -> dict:
    return {"warnings": ["not implemented"]}
