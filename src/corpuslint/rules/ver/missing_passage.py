"""A passage present in one version of an article is missing from another (opt-in).

## What it finds
Inside the part two versions of one article share, a run of text (30 characters or more, not
counting punctuation) that one version has and the other lacks: a paragraph cut for the print
page, a sentence lost by OCR, a caption or an editor's note added. The finding sits on the
version that has the passage and points at the place in the other. Text before or after the
shared part (another article on the same page, page chrome) is not reported.

## Why it matters
A version that silently lost a passage is an incomplete copy; when versions are deduplicated, the
complete one should be kept.

## Example
```text
a.txt: …再次吹响高质量发展的号角。余姚经济开发区作为推动余姚经济新一轮发展的重要载体…
b.txt: …再次吹响高质量发展的号角。
```

## Fix
None: whether the passage belongs in the article needs a person.
"""

from __future__ import annotations

from typing import Any, Iterable

from ...core.findings import Finding, Severity, related
from ...corpus.differences import PASSAGE, Difference, Side, iter_kind, location, versions_in_reach
from ._base import VersionRule


class MissingPassage(VersionRule):
    code = "VER004"
    name = "missing-passage"
    summary = "A passage in one version of an article is missing from another"
    severity = Severity.INFO
    default_enabled = False
    fix = None
    kind = PASSAGE
    what = "passage missing from the other version"

    def finish(self, corpus: Any) -> Iterable[Finding]:
        if not versions_in_reach(corpus):
            return []
        out = []
        for _, has, lacks in iter_kind(lambda: self.classifier, corpus, PASSAGE, _longer_first):
            n = has.hi - has.lo
            out.append(self.finding(
                has.doc, has.start, has.end,
                f"passage of {n} characters not in the other version ({location(lacks.doc, lacks)})",
                related=[related(lacks.doc, lacks.start, lacks.end, "where the other version lacks it")]))
        return out


def _longer_first(d: Difference) -> tuple[Side, Side]:
    """The version that has the passage (the longer side), then the one that lacks it."""
    return (d.a, d.b) if d.a.hi - d.a.lo > d.b.hi - d.b.lo else (d.b, d.a)
