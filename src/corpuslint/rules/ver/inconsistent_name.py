"""Two versions of one article name the same organisation, company, zone or place differently.

## What it finds
Within aligned sentences of two versions of one article, a short span that differs where both
sides are real words and one of them is (part of) a name: it is, or ends in, a head of names of
companies, organisations, zones and places (`精机`, `精密`, `科技`, `园区`, `开发区`, `研究院`…, from
`ver/name_heads.txt`). `2022年新落户丞达精机` in one version and `2022年新落户丞达精密` in the other;
`高新技术产业园区` and `高新技术产业开发区`; `浙江大学` and `浙工大学` (a changed stem before the head
`大学`: the name is on either side, whatever the other side reads as). A bare head is no name
(`该公司`/`该企业`). A term of three characters or more changed in one character is reported too,
as a term (`汽车零配件`/`汽车零部件`).

Not reported: a look-alike character that forms no word on one side (a typo, TYP004), abbreviations and full forms
(`规上`/`规模以上`, from `ver/equivalents.txt`), synonyms from `ver/synonyms.txt` and other
changes of wording (VER003), inserted or deleted words.

## Why it matters
Names are what users search a corpus for. When versions disagree, at least one misnames a real
company or zone, and a deduplicated corpus keeps either at random.

## Example
```text
a.txt: 2022年新落户丞达精机、景昇智能玻璃等8个亿元以上投资项目
b.txt: 2022年新落户丞达精密、景昇智能玻璃等8个亿元以上投资项目
```

## Fix
With two versions: none (which name is right is a question for a person). With three or more,
when one spelling has a strict majority, the others get an unsafe fix to it.
"""

from __future__ import annotations

from ...core.findings import Applicability, Severity
from ...corpus.differences import NAME, Difference
from ._base import VersionRule


class InconsistentName(VersionRule):
    code = "VER002"
    name = "inconsistent-name"
    summary = "Versions of one article name the same organisation, company or place differently"
    severity = Severity.WARNING
    fix = Applicability.UNSAFE
    kind = NAME
    what = "name differs between versions"
    other_place = "{}"

    def headline(self, d: Difference) -> str:
        return "term differs between versions" if d.reason == "a term" else self.what
