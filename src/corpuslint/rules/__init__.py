"""corpuslint's built-in rules, one module per rule, grouped by family.

Registered through the ``corpuslint.rules`` entry point as ``ALL_RULES``, exactly like a
third-party plugin's rules.
"""

from __future__ import annotations

from . import chr, dup, enc, lay, nrm, typ, ver

FAMILIES = {
    "ENC": "encoding and invisible characters",
    "DUP": "duplicate and near-duplicate text",
    "CHR": "scraped page chrome",
    "TYP": "OCR typos and misspellings",
    "VER": "inconsistencies between versions of one article",
    "LAY": "layout damage",
    "NRM": "normalisation",
}

ALL_RULES: list[type] = [*enc.RULES, *dup.RULES, *chr.RULES, *typ.RULES, *ver.RULES,
                         *lay.RULES, *nrm.RULES]
