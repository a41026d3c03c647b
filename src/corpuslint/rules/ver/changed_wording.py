"""Two versions of one article use different words in the same place (opt-in).

## What it finds
Within aligned sentences of two versions of one article, a short span that differs where both
sides are real words and neither is a name: synonyms and near-synonyms (`汽车零配件` /
`汽车零部件`, `推动`/`推进`), or words an editor changed. Names are VER002, typos TYP004.

## Why it matters
Usually nothing is wrong — editors reword — but a corpus maintainer comparing sources, or
choosing which version to keep, may want to see every place where versions disagree.

## Example
```text
a.txt: 在汽车零配件产业,着力发展汽车轴承
b.txt: 在汽车零部件产业,着力发展汽车轴承
```

## Fix
None: both versions are acceptable text.
"""

from __future__ import annotations

from ...core.findings import Severity
from ...corpus.differences import WORDING
from ._base import VersionRule


class ChangedWording(VersionRule):
    code = "VER003"
    name = "changed-wording"
    summary = "Versions of one article use different words in the same place"
    severity = Severity.INFO
    default_enabled = False
    fix = None
    kind = WORDING
    what = "wording differs between versions"
