"""The common shape of the VER rules: corpus rules that report one kind of difference."""

from __future__ import annotations

from typing import Any, ClassVar, Iterable

from ...core.findings import Finding
from ...core.rule import CorpusRule
from ...corpus.differences import (
    Difference, DifferenceClassifier, Side, classifier_for, location, versions_in_reach,
)
from ._report import report


class VersionRule(CorpusRule):
    aligns_versions = True
    kind: ClassVar[str]
    what: ClassVar[str]  # start of the message
    # How the message names the other version's place ({} is its "path:line").
    other_place: ClassVar[str] = "the other version ({})"

    @property
    def classifier(self) -> DifferenceClassifier:
        """Built on first use (a run with no version pair never loads its data)."""
        return classifier_for(self.ctx.packs)

    def headline(self, d: Difference) -> str:
        """What differs, the start of the message (a rule may name the kind of difference)."""
        return self.what

    def describe(self, d: Difference, own: Side, other: Side, own_show: str, other_show: str,
                 majority: tuple[int, int] | None) -> str:
        msg = (f"{self.headline(d)}: `{own_show}` here, `{other_show}` in "
               f"{self.other_place.format(location(other.doc, other))}")
        if majority is not None:
            msg += f"; {majority[0]} of {majority[1]} versions have `{other_show}`"
        return msg

    def skip_pair(self, corpus: Any, pair: Any) -> bool:
        return False

    def finish(self, corpus: Any) -> Iterable[Finding]:
        if not versions_in_reach(corpus):
            return []
        return list(report(self, self.classifier, corpus, self.kind, describe=self.describe,
                           skip_pair=lambda p: self.skip_pair(corpus, p)))
