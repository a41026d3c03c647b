"""Two versions of one article give different figures for the same thing.

## What it finds
Versions of one article — a web page and its newspaper print, an original and a reprint — are
aligned character by character, and every figure where they differ is compared by value: a
number with its unit and what it measures (an amount of money, a percentage, a year, a count,
a rank). `总投资约为15亿元` in one version and `总投资约为13亿元` in the other is reported, with
both values and both places.

Figures written differently but equal are not reported: `２０１２`/`2012`, `1.5万`/`15000`,
`百分之四十`/`40%`, `二十三`/`23`, `210亿元` in `规上工业总产值210亿元` and
`规模以上工业总产值达210亿元`. A date facing a relative date word (`2021年`/`去年`) is not
reported either: both may be right.

## Why it matters
At least one of the versions is wrong, and deduplication usually keeps one of them at random.
Whoever trains on or quotes the corpus inherits the wrong number without any sign of doubt.

## Example
```text
a.txt: 2022年新落户8个亿元以上投资项目,总投资约为15亿元。
b.txt: 2022年新落户8个亿元以上投资项目,总投资约为13亿元。
```
`b.txt` gets the finding, pointing at `a.txt`.

Two documents that share their wording but differ in most of their figures (at least
`template-differences` differing figures, more than `template-share` of all) are editions of a
template — a daily market or weather report — not versions of one article: nothing is reported
for them.

## Options
- `template-differences` (int, default 5) and `template-share` (float, default 0.6): when a pair
  counts as template editions rather than versions.

## Fix
With two versions nobody can tell which is right: no fix. With three or more, when one value has
a strict majority, the other versions get an unsafe fix to the majority's figure (a majority of
copies is evidence, not proof).
"""

from __future__ import annotations

from ...core.findings import Applicability, Severity
from ...corpus.differences import FIGURE, Difference
from ._base import VersionRule


class InconsistentFigure(VersionRule):
    code = "VER001"
    name = "inconsistent-figure"
    summary = "Versions of one article give different figures for the same thing"
    severity = Severity.WARNING
    fix = Applicability.UNSAFE
    kind = FIGURE
    what = "figure differs between versions"
    other_place = "{}"
    options = {"template_differences": 5, "template_share": 0.6}

    def skip_pair(self, corpus, pair) -> bool:
        """Two editions of a template (a daily market or weather report) share their wording and
        differ in most figures: they are not versions of one article, so say nothing."""
        same, diff = self.classifier.figure_agreement(corpus, pair)
        return diff >= self.opts["template_differences"] and diff > self.opts["template_share"] * (same + diff)

    def headline(self, d: Difference) -> str:
        fig = d.figure_a or d.figure_b
        what = f"{fig.category} " if fig is not None and fig.category not in ("number", "count") else ""
        return what + self.what
