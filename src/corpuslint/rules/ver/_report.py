"""Reporting VER findings from the classified differences of ``corpus.differences``: which
version of a pair gets the finding, and with three or more versions, the majority's value."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...core.document import Document
from ...core.findings import Edit as FixEdit
from ...core.findings import Finding, Fix
from ...corpus.align import Alignment, alignment_of, stream_of
from ...corpus.differences import (
    FIGURE,
    Difference,
    DifferenceClassifier,
    figures_touching,
    other_version_has,
)

if TYPE_CHECKING:
    from ...core.rule import Rule
    from ...corpus.model import Corpus


# -- reporting --------------------------------------------------------------------------------
def report(rule: Rule, classifier: DifferenceClassifier, corpus: Corpus, kind: str, *,
           describe, skip_pair=None) -> Iterator[Finding]:
    """Findings for differences of one kind across all version groups.

    With two versions the finding goes on the later one and points at the earlier. With three
    or more, the value every version has is counted: when one value has a strict majority, each
    version with another value gets the finding, with an unsafe fix to the majority's text.
    ``describe(d, own, other, own_show, other_show, majority)`` returns the message.
    """
    index = corpus.versions
    seen: set[tuple[int, int, int]] = set()
    for pair in index.pairs():
        if skip_pair is not None and skip_pair(pair):
            continue
        group = index.group_of(pair.a)
        members = group.members if group is not None else [pair.a, pair.b]
        for d in classifier.differences(corpus, pair):
            if d.kind != kind:
                continue
            target, other, t_show, o_show = d.b, d.a, d.b_show, d.a_show
            majority = None
            if len(members) >= 3:
                votes = _votes(classifier, corpus, d, members)
                n = len(members)
                if votes is not None:
                    va, vb = votes
                    if va * 2 > n:
                        majority = (va, n)
                    elif vb * 2 > n:
                        target, other, t_show, o_show = d.a, d.b, d.a_show, d.b_show
                        majority = (vb, n)
            if majority is None and corpus.is_context(target.doc):
                # The other version lives outside this run: report on the run's document.
                target, other, t_show, o_show = other, target, o_show, t_show
            key = (id(target.doc), target.start, target.end)
            if key in seen:
                continue
            seen.add(key)
            fix = None
            if majority is not None and target.end > target.start:
                fix = Fix.unsafe(f"use `{other.text}`, as {majority[0]} of {majority[1]} versions do",
                                 FixEdit(target.start, target.end, other.text))
            message = describe(d, target, other, t_show, o_show, majority)
            yield rule.finding(target.doc, target.start, max(target.end, target.start), message,
                               fix=fix, related=[other_version_has(other)])


def _votes(classifier: DifferenceClassifier, corpus: Corpus, d: Difference, members: list[Document]) -> tuple[int, int] | None:
    """How many versions side with ``d.a``'s text and with ``d.b``'s at this place."""
    sa, sb = stream_of(corpus, d.pair.a), stream_of(corpus, d.pair.b)
    ka, kb = sa.text[d.a.lo:d.a.hi], sb.text[d.b.lo:d.b.hi]
    va, vb = 1, 1
    for z in members:
        if z is d.pair.a or z is d.pair.b:
            continue
        p = corpus.versions.pair(d.pair.a, z)
        if p is None:
            continue
        al: Alignment = alignment_of(corpus, p)
        zlo, zhi, same = al.map_range(d.a.lo, d.a.hi, reverse=p.a is not d.pair.a)
        if same:
            va += 1
            continue
        zs = stream_of(corpus, z)
        kz = zs.text[zlo:zhi]
        if d.kind == FIGURE and d.figure_b is not None:
            figs = figures_touching(classifier.doc_figures(corpus, z), zlo, zhi)
            vals = [f for f, _, _ in figs if f.comparable(d.figure_b)]
            if vals and vals[0].same_value(d.figure_b):
                vb += 1
            elif vals and d.figure_a is not None and vals[0].same_value(d.figure_a):
                va += 1
        elif kz == kb or kb in kz and len(kz) - len(kb) <= 2:
            vb += 1
        elif kz == ka:
            va += 1
    return va, vb


