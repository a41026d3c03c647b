"""Hugging Face ``datasets`` functions: annotate with ``map(batched=True)``, keep with
``filter(batched=True)``. Needs the ``hf`` extra.

    from corpuslint.integrations.hf import Assessor

    assessor = Assessor(text_column="text", clean=True)
    ds = ds.map(assessor, batched=True, num_proc=4)       # adds the corpuslint_* columns
    ds = ds.filter(assessor.keep, batched=True, num_proc=4)

``map`` adds ``corpuslint_keep`` (bool), ``corpuslint_score`` (float), ``corpuslint_tags``,
``corpuslint_reasons`` and ``corpuslint_codes`` (lists of strings) and
``corpuslint_by_family`` (a count for every rule family); with ``clean`` the text column is
replaced by its cleaned text for the rows kept. ``keep`` reads ``corpuslint_keep`` when the
batch has it, else assesses. The documents of one batch are assessed together (a
near-duplicate of an earlier row of the batch is dropped; exact repeats of earlier rows are
dropped within each worker process). An ``Assessor`` pickles small, so every ``num_proc``
worker receives its configuration and builds its rules from the compiled rule packs, and
``datasets`` can fingerprint it for its cache.
"""

from __future__ import annotations

from typing import Any, Sequence

from ..api import Linter
from ..assess import Policy
from ..clean import CleanPolicy

FAMILIES = ("CHR", "DUP", "ENC", "LAY", "NRM", "TYP", "VER")
COLUMNS = ("corpuslint_keep", "corpuslint_score", "corpuslint_tags", "corpuslint_reasons",
           "corpuslint_codes", "corpuslint_by_family")


class Assessor:
    def __init__(self, linter: Linter | None = None, *, text_column: str = "text",
                 policy: Policy | None = None, clean: bool | CleanPolicy = False,
                 select: Sequence[str] | None = None, ignore: Sequence[str] | None = None) -> None:
        self.linter = linter if linter is not None else Linter(select=select, ignore=ignore)
        self.text_column = text_column
        self.policy = policy
        self.clean = CleanPolicy() if clean is True else clean or None

    def __call__(self, batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        """For ``Dataset.map(batched=True)``: the batch with the corpuslint columns added."""
        texts = batch[self.text_column]
        verdicts = self.linter.assess_batch(_items(texts), policy=self.policy)
        out = dict(batch)
        out["corpuslint_keep"] = [a.keep for a in verdicts]
        out["corpuslint_score"] = [float(a.score) for a in verdicts]
        out["corpuslint_tags"] = [list(a.tags) for a in verdicts]
        out["corpuslint_reasons"] = [list(a.reasons) for a in verdicts]
        out["corpuslint_codes"] = [sorted({f.code for f in a.findings}) for a in verdicts]
        out["corpuslint_by_family"] = [{fam: a.by_family.get(fam, 0) for fam in FAMILIES} for a in verdicts]
        if self.clean is not None:
            out[self.text_column] = [self.linter.clean_text(t, self.clean) if a.keep and isinstance(t, str) else t
                                     for t, a in zip(texts, verdicts)]
        return out

    def keep(self, batch: dict[str, list[Any]]) -> list[bool]:
        """For ``Dataset.filter(batched=True)``: whether each row is kept."""
        if "corpuslint_keep" in batch:
            return [bool(k) for k in batch["corpuslint_keep"]]
        return [a.keep for a in self.linter.assess_batch(_items(batch[self.text_column]), policy=self.policy)]


def _items(texts: list[Any]) -> list[Any]:
    # a missing or non-string text becomes a record without text: assessed as undecodable
    return [t if isinstance(t, str) else {"text": t} for t in texts]


_DEFAULT: Assessor | None = None


def _default() -> Assessor:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Assessor()
    return _DEFAULT


def annotate(batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """``ds.map(annotate, batched=True)`` with the default linter and policy (column ``text``)."""
    return _default()(batch)


def keep(batch: dict[str, list[Any]]) -> list[bool]:
    """``ds.filter(keep, batched=True)`` with the default linter and policy (column ``text``)."""
    return _default().keep(batch)
