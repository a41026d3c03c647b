"""Rule family TYP: OCR typos and misspellings, found offline with high precision."""

from __future__ import annotations

import importlib

from ...core.rule import Rule
from .doubled_character import DoubledCharacter

RULES: list[type] = [DoubledCharacter]

# Optional modules: rules written in parallel (version_typo.py belongs to the VER work) are
# registered when present, so this package never breaks on a missing or half-written module.
for _mod in ("known_misspelling", "confusable_character", "version_typo", "corpus_confusable"):
    try:
        _m = importlib.import_module(f"{__name__}.{_mod}")
    except ImportError:
        continue
    for _obj in vars(_m).values():
        if (isinstance(_obj, type) and issubclass(_obj, Rule) and _obj.__module__ == _m.__name__
                and str(getattr(_obj, "code", "")).startswith("TYP") and _obj not in RULES):
            RULES.append(_obj)
RULES.sort(key=lambda r: r.code)
