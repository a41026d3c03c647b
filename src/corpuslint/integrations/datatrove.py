"""datatrove steps: a filter that keeps or drops documents by corpuslint's assessment, and a
step that only annotates. Needs the ``datatrove`` extra.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from corpuslint.integrations.datatrove import CorpuslintFilter

    LocalPipelineExecutor(pipeline=[JsonlReader("in/"), CorpuslintFilter(clean=True),
                                    JsonlWriter("out/")], tasks=4).run()

Both write the assessment to ``doc.metadata`` (``corpuslint_keep``, ``corpuslint_score``,
``corpuslint_tags``, ``corpuslint_reasons``, ``corpuslint_chrome_share``,
``corpuslint_by_family``, ``corpuslint_codes``); a dropped document's first reason is the
filter's drop reason (datatrove counts it as ``dropped_<reason>`` and stores it as
``filter_reason`` for an exclusion writer). With ``batch_size`` > 1 the documents of a batch are
assessed together, so a near-duplicate of an earlier document of the batch is dropped. The
steps pickle small: each task builds its rules from the compiled rule packs.
"""

from __future__ import annotations

from typing import Any, Sequence

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.filters.base_filter import BaseFilter

from ..api import Linter
from ..assess import Assessment, Policy
from ..clean import CleanPolicy


def _record(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "text": doc.text}


class _Assessing:
    """What both steps share: a linter, a policy, and writing an assessment to a document."""

    linter: Linter
    policy: Policy | None
    clean: CleanPolicy | None

    def _setup(self, linter: Linter | None, policy: Policy | None, clean: bool | CleanPolicy,
               select: Sequence[str] | None, ignore: Sequence[str] | None) -> None:
        self.linter = linter if linter is not None else Linter(select=select, ignore=ignore)
        self.policy = policy
        self.clean = CleanPolicy() if clean is True else clean or None

    def _assess(self, batch: list[Document]) -> list[Assessment]:
        verdicts = self.linter.assess_batch([_record(d) for d in batch], policy=self.policy)
        for doc, a in zip(batch, verdicts):
            doc.metadata.update(a.metadata())
            if self.clean is not None and a.keep:
                doc.text = self.linter.clean_text(doc.text, self.clean)
        return verdicts


class CorpuslintFilter(_Assessing, BaseFilter):
    """Keeps a document when corpuslint's assessment keeps it (``Policy``); with ``clean`` a
    kept document's text is cleaned (chrome, exact repeats, safe hygiene; no typo guess)."""

    name = "🧹 corpuslint"

    def __init__(self, linter: Linter | None = None, *, policy: Policy | None = None,
                 clean: bool | CleanPolicy = False, select: Sequence[str] | None = None,
                 ignore: Sequence[str] | None = None, exclusion_writer: Any = None,
                 batch_size: int = 1) -> None:
        super().__init__(exclusion_writer=exclusion_writer, batch_size=batch_size)
        self._setup(linter, policy, clean, select, ignore)

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        return self.filter_batch([doc])[0]

    def filter_batch(self, batch: list[Document]) -> list[bool | tuple[bool, str]]:
        return [True if a.keep else (False, a.reasons[0]) for a in self._assess(batch)]


class CorpuslintAnnotator(_Assessing, PipelineStep):
    """Writes the assessment to every document's metadata and drops none (``clean`` cleans the
    text of the documents the assessment would keep)."""

    name = "🧹 corpuslint annotate"
    type = "🖊️ - ANNOTATOR"

    def __init__(self, linter: Linter | None = None, *, policy: Policy | None = None,
                 clean: bool | CleanPolicy = False, select: Sequence[str] | None = None,
                 ignore: Sequence[str] | None = None, batch_size: int = 1) -> None:
        super().__init__()
        self.batch_size = max(1, batch_size)
        self._setup(linter, policy, clean, select, ignore)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        batch: list[Document] = []
        for doc in data or ():
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield from self._flush(batch)
                batch = []
        yield from self._flush(batch)

    def _flush(self, batch: list[Document]) -> DocumentsPipeline:
        if not batch:
            return
        with self.track_time():
            verdicts = self._assess(batch)
        for doc, a in zip(batch, verdicts):
            self.stat_update("kept" if a.keep else "would_drop")
            self.update_doc_stats(doc)
            yield doc
