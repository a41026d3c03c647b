"""Rule family TYP: OCR typos and misspellings, found offline with high precision."""

from __future__ import annotations

from .confusable_character import ConfusableCharacter
from .corpus_confusable import CorpusConfusable
from .doubled_character import DoubledCharacter
from .known_misspelling import KnownMisspelling
from .version_typo import VersionTypo

RULES: list[type] = [DoubledCharacter, KnownMisspelling, ConfusableCharacter, VersionTypo, CorpusConfusable]
