"""A typo shown by another version of the same article (`辐射射材` where the other has `溅射靶材`).

## What it finds
Versions of one article (grouped by near-duplicate detection, the config or a JSONL field) are
aligned character by character and every difference is labelled by the one difference classifier
(`corpus.differences`). A difference is a typo when one side is not made of words where the
other is:

* it doubles a character that the other version does not (`辐射射材` / `溅射靶材`,
  `超超纯` / `超高纯`, `3月份份` / `3月份`), and the doubled pair is not a word (`常常`);
* or one or two of its characters form no word with their neighbours where the other version's
  do (`工作入员` / `工作人员`, `丙名` / `两名`, `经济开友区` / `经济开发区`), however common the
  wrong character is as a word on its own — two grammatical characters swapped (`与`/`和`) are
  an editor's choice, not a typo;
* or its characters are OCR look-alikes (the shape and OCR data of `rules/typ/`) and one side
  reads far worse in both versions' contexts, by the words around it and by character bigrams:
  whether both read as words (`推进士地` / `推进土地`, `木轮比赛` / `本轮比赛`) or neither does
  (`会议甲市政府主持` / `会议由市政府主持`). A pair the real recognizer confused needs less
  evidence than one only the shape tables hold (`至`/`到` look alike, yet editors swap them);
* or a figure's unit became impossible (`2023日05月` / `2023年05月`).

When both sides are real words the difference is not a typo but an inconsistent name or a change
of wording (VER002, VER003).

## Why it matters
OCR damage that no dictionary-only checker can correct with confidence becomes certain when
another copy of the same sentence is at hand; the other copy also supplies the correction.

## Example
```text
a.txt: 以新材料产业溅射靶材制造为核心,向上游拓展超高纯金属材料的提纯制备
b.txt: 以新材料产业辐射射材制造为核心,向上游拓展超超纯金属材料提纯制备
```
`b.txt` gets two findings, `辐射射材` and `超超`, with `a.txt`'s text as the fix.

## Fix
Unsafe: the other version's text. The other version is a witness, not an authority — it may
carry its own typo elsewhere — so the replacement is offered for review.
"""

from __future__ import annotations

from typing import Any, Iterable

from ...core.findings import Applicability, Edit, Finding, Fix, Severity
from ...core.rule import CorpusRule
from ...corpus.differences import (
    TYPO,
    Difference,
    DifferenceClassifier,
    Side,
    classifier_for,
    iter_kind,
    location,
    other_version_has,
    versions_in_reach,
)


class VersionTypo(CorpusRule):
    code = "TYP004"
    name = "version-typo"
    summary = "Typo shown by another version of the same article"
    severity = Severity.WARNING
    fix = Applicability.UNSAFE
    aligns_versions = True

    @property
    def classifier(self) -> DifferenceClassifier:
        """Built on first use (a run with no version pair never loads its data)."""
        return classifier_for(self.ctx.packs)

    def finish(self, corpus: Any) -> Iterable[Finding]:
        if not versions_in_reach(corpus):
            return []
        out = []
        for d, bad, good in iter_kind(lambda: self.classifier, corpus, TYPO, _typo_first):
            if bad.end <= bad.start:
                continue
            where = location(good.doc, good)
            fix = Fix.unsafe(f"use `{good.text}` from the other version",
                             Edit(bad.start, bad.end, good.text))
            out.append(self.finding(
                bad.doc, bad.start, bad.end,
                f"`{bad.text}` looks like a typo ({d.reason}): the other version has `{good.text}` ({where})",
                fix=fix, related=[other_version_has(good)]))
        return out


def _typo_first(d: Difference) -> tuple[Side, Side]:
    """The side with the typo, then the other version's."""
    return (d.a, d.b) if d.typo_side == "a" else (d.b, d.a)
