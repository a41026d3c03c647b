"""Cleaning for pipelines: the fixes that only remove what a page or an OCR run added.

``--fix`` applies every safe fix, ``--unsafe-fixes`` every fix. A pipeline that strips pages
wants something else: the deletions of page chrome (every CHR fix that only deletes, safe or
not: chrome is what the pipeline is there to remove), of exact repeats (DUP001) and the safe
hygiene fixes (invisible characters and lines, control characters, punctuation and
full-width forms: ENC003–ENC005, NRM001, NRM003) — and never a guess at a typo, a join of
lines, a change of script or a transcoding.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from .core.document import Document
from .core.findings import Applicability, Finding
from .core.rule import family_of
from .fix import FixOutcome, fix_documents

HYGIENE_CODES = frozenset({"ENC003", "ENC004", "ENC005", "NRM001", "NRM003"})
REPEAT_CODES = frozenset({"DUP001"})
# The rules whose findings cleaning reads: selecting only them keeps cleaning fast.
CLEAN_SELECT = ("CHR", *sorted(REPEAT_CODES), *sorted(HYGIENE_CODES))


@dataclass(frozen=True)
class CleanPolicy:
    chrome: bool = True  # delete page chrome
    chrome_unsafe: bool = True  # also chrome deletions marked unsafe (CHR002/005/008-010)
    repeats: bool = True  # delete exactly repeated paragraphs
    hygiene: bool = True  # safe hygiene fixes


def cleaning_fix(f: Finding, policy: CleanPolicy) -> bool:
    """Whether cleaning applies this finding's fix."""
    fix = f.fix
    if fix is None or not fix.edits or fix.encoding is not None:
        return False
    if family_of(f.code) == "CHR":
        deletes = all(not e.content.strip() for e in fix.edits)
        return policy.chrome and deletes and (policy.chrome_unsafe or fix.applicability is Applicability.SAFE)
    if f.code in REPEAT_CODES:
        return policy.repeats and fix.applicability is Applicability.SAFE
    if f.code in HYGIENE_CODES:
        return policy.hygiene and fix.applicability is Applicability.SAFE
    return False


@dataclass
class _Only:
    findings: list[Finding]


def clean_documents(lint: Callable[[list[Document]], object], docs: Sequence[Document],
                    policy: CleanPolicy = CleanPolicy()) -> FixOutcome:
    """Apply the cleaning fixes to a fixed point (``lint`` as for ``fix.fix_documents``)."""
    def only_cleaning(current: list[Document]) -> _Only:
        found = lint(current).findings  # type: ignore[attr-defined]
        return _Only([f for f in found if cleaning_fix(f, policy)])

    return fix_documents(only_cleaning, list(docs), unsafe=True)
