"""Per-document assessment: a keep/drop decision, a score and tags from a document's findings.

A pipeline (datatrove, ``datasets``) wants one decision per document rather than a list of
findings. ``assess`` reads the findings the engine gave a document and applies a ``Policy``:

- **drop** when the document could not be decoded (ENC002), holds mojibake (ENC006), is a
  near-duplicate (DUP004) of a document seen earlier in the batch, repeats exactly the text of
  a document assessed earlier by the same linter, or when page chrome (CHR) covers more than
  ``max_chrome_share`` of its non-blank characters (the article is the smaller part: a page of
  short menu lines around a long article is kept, its chrome is for ``clean_text``); and when
  its score is below ``min_score``.
- **score** (0–1): the share of the document's non-blank characters outside chrome, repeated
  paragraphs (DUP001–DUP003) and mojibake, lowered by the density of the other findings (typos,
  layout, hygiene): ``clean_share × (1 − min(0.5, 0.05 × weight per 1,000 characters))``, where
  a finding with a safe fix weighs 0.2 (an invisible character is not a typo) and any other 1;
  0 for an undecodable document. 1.0 is a document with no finding.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .core.document import Document
from .core.findings import Applicability, Finding
from .core.rule import family_of

# Findings whose span is text a clean corpus would not have (the score's "covered" text).
_COVERING_FAMILIES = frozenset({"CHR"})
_COVERING_CODES = frozenset({"DUP001", "DUP002", "DUP003", "ENC006"})
SAFE_FIX_WEIGHT = 0.2  # what a finding with a safe fix counts for in the score's density
_TAGS = {"CHR": "chrome", "DUP": "duplicates", "ENC": "encoding", "LAY": "layout",
         "NRM": "normalisation", "TYP": "typos", "VER": "versions"}


@dataclass(frozen=True)
class Policy:
    """When ``assess`` drops a document (every threshold configurable)."""

    max_chrome_share: float = 0.5  # drop when chrome covers more than this share of non-blank characters
    drop_undecodable: bool = True  # ENC002
    drop_mojibake: bool = True  # ENC006
    drop_near_duplicates: bool = True  # DUP004 against an earlier document of the batch
    drop_exact_duplicates: bool = True  # the same text as a document assessed earlier
    min_score: float = 0.0  # drop below this score

    def __post_init__(self) -> None:
        for name in ("max_chrome_share", "min_score"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"Policy.{name} must be between 0 and 1, got {value!r}")


@dataclass(frozen=True)
class Assessment:
    keep: bool
    score: float  # 0–1, see the module's documentation
    by_family: dict[str, int]  # findings per rule family ("CHR": 3, ...)
    tags: list[str]  # families found ("chrome", "typos", ...) and "near-duplicate", "mojibake" …
    findings: list[Finding]
    # why it is dropped, as slugs (empty when kept): undecodable, mojibake, near-duplicate,
    # exact-duplicate, mostly-chrome, low-score
    reasons: list[str] = field(default_factory=list)
    chrome_share: float = 0.0  # share of non-blank characters chrome covers

    def metadata(self) -> dict[str, object]:
        """A flat, serialisable summary for a pipeline's per-document metadata."""
        return {"corpuslint_keep": self.keep, "corpuslint_score": round(self.score, 4),
                "corpuslint_chrome_share": round(self.chrome_share, 4),
                "corpuslint_tags": list(self.tags), "corpuslint_reasons": list(self.reasons),
                "corpuslint_by_family": dict(self.by_family),
                "corpuslint_codes": sorted({f.code for f in self.findings})}


def _covered_chars(doc: Document, findings: Iterable[Finding], covers: Callable[[str], bool]) -> int:
    """Non-blank characters inside the spans of the findings whose code ``covers`` accepts."""
    spans = sorted((f.location.start, f.location.end) for f in findings if covers(f.code))
    total, reach = 0, 0
    text = doc.text
    for start, end in spans:
        start = max(start, reach)
        if end > start:
            total += sum(1 for c in text[start:end] if not c.isspace())
            reach = end
    return total


def _is_chrome(code: str) -> bool:
    return family_of(code) == "CHR"


def _is_covering(code: str) -> bool:
    return family_of(code) in _COVERING_FAMILIES or code in _COVERING_CODES


def assess(doc: Document, findings: list[Finding], policy: Policy, *,
           earlier: frozenset[tuple[str | None, str | None]] = frozenset(),
           seen_before: bool = False) -> Assessment:
    """The assessment of one document from its findings. ``earlier`` holds the (path, record)
    of documents before it in its batch (a DUP004 partner among them makes it a near-duplicate
    of an earlier document); ``seen_before`` says its exact text was assessed already."""
    by_family = dict(sorted(Counter(family_of(f.code) for f in findings).items()))
    codes = {f.code for f in findings}
    tags = [_TAGS.get(fam, fam.lower()) for fam in by_family]
    reasons: list[str] = []

    chars = _nonblank(doc)
    chrome_share = _covered_chars(doc, findings, _is_chrome) / chars if chars else 0.0
    near_dup = any(f.code == "DUP004" and any((r.location.path, r.location.record) in earlier for r in f.related)
                   for f in findings)

    if doc.decode_error is not None or "ENC002" in codes:
        tags.append("undecodable")
        if policy.drop_undecodable:
            reasons.append("undecodable")
    if "ENC006" in codes:
        tags.append("mojibake")
        if policy.drop_mojibake:
            reasons.append("mojibake")
    if seen_before:
        tags.append("exact-duplicate")
        if policy.drop_exact_duplicates:
            reasons.append("exact-duplicate")
    if near_dup:
        tags.append("near-duplicate")
        if policy.drop_near_duplicates:
            reasons.append("near-duplicate")
    if chrome_share > policy.max_chrome_share:
        tags.append("mostly-chrome")
        reasons.append("mostly-chrome")

    score = _score(doc, findings, chars)
    if score < policy.min_score:
        reasons.append("low-score")
    return Assessment(keep=not reasons, score=score, by_family=by_family, tags=tags,
                      findings=list(findings), reasons=reasons, chrome_share=chrome_share)


def _nonblank(doc: Document) -> int:
    return sum(1 for c in doc.text if not c.isspace())


def _score(doc: Document, findings: list[Finding], chars: int) -> float:
    if doc.decode_error is not None:
        return 0.0
    if chars == 0:
        return 0.0 if findings else 1.0
    clean_share = max(0.0, 1.0 - _covered_chars(doc, findings, _is_covering) / chars)
    weight = sum(SAFE_FIX_WEIGHT if f.fix is not None and f.fix.applicability is Applicability.SAFE else 1.0
                 for f in findings if not _is_covering(f.code))
    density = weight * 1000 / chars
    return clean_share * (1.0 - min(0.5, 0.05 * density))
