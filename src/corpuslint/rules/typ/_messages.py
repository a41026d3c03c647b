"""TYP003's messages: what looks wrong, the likely intended text, and why, in words."""

from __future__ import annotations

# How a finding says why the replacement is confusable, by the evidence the channel used.
WHY_TEXT = {"ocr": "OCR often reads '{alt}' as '{c}'",
             "sound": "'{c}' sounds like '{alt}' (a typing slip)",
             "shape": "'{c}' looks like '{alt}'", "shape-derived": "'{c}' looks like '{alt}'",
             "glyph": "'{c}' looks like '{alt}' in print",
             "shape+sound": "'{c}' looks and sounds like '{alt}'",
             "contains": "'{c}' looks like '{alt}' (one is part of the other)",
             "contains+sound": "'{c}' looks and sounds like '{alt}' (one is part of the other)"}


def confusion_message(c: str, alt: str, orig: str, word: str, why: str, rare: bool) -> str:
    """What TYP003 tells the maintainer: the odd string, the word it likely was, and the evidence
    in words (no internal units)."""
    rarity = f"; '{c}' itself is a rare character" if rare else ""
    return (f"'{orig}' is not a word; '{word}' is, and " + WHY_TEXT[why].format(c=c, alt=alt)
            + f"{rarity}: likely '{alt}'")
