"""The library API: plain functions and a reusable ``Linter``; no global state.

    from corpuslint import Linter, lint_text, fix_text

    findings = lint_text("余姚\u200b经济开发区")
    new_text, applied = fix_text(text)
    linter = Linter(select=["DUP", "CHR"])
    for record_id, findings in linter.lint_records(records, text_field="content"):
        ...
    verdict = Linter().assess(text)          # keep/drop, score, tags (corpuslint.assess)
    cleaned = clean_text(text)               # chrome, repeats, safe hygiene; never a typo guess

A ``Linter`` pickles small (its configuration only): a worker process that unpickles it builds
its rules again, reading the compiled rule packs from the user cache.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

from .assess import Assessment, Policy, assess
from .clean import CLEAN_SELECT, CleanPolicy, clean_documents
from .core.config import Config, check_rule_options, config_from_mapping, discover_config
from .core.document import Document
from .core.findings import Finding, Fix
from .engine import Engine, LintResult
from .late_findings import doc_key, finding_order
from .fix import fix_documents
from .load import document_from_text, record_document

TextOrRecord = str | Mapping[str, Any]


class Linter:
    """A configured linter. Build it once, call it many times (rules and packs load once).

    ``config`` is a ``Config``, a mapping in the ``[tool.corpuslint]`` shape, or ``None`` for
    the defaults; ``select``/``ignore``/``options`` override it."""

    def __init__(self, config: Config | Mapping[str, Any] | None = None, *,
                 select: Sequence[str] | None = None, ignore: Sequence[str] | None = None,
                 options: Mapping[str, Mapping[str, Any]] | None = None,
                 cache: bool = False, jobs: int = 1) -> None:
        if config is None:
            cfg = Config(root=Path.cwd())
        elif isinstance(config, Config):
            cfg = config
        else:
            cfg = config_from_mapping(config, root=Path.cwd())
        if options:
            merged = {k: dict(v) for k, v in cfg.rule_options.items()}
            for code, opts in options.items():
                merged.setdefault(code, {}).update({k.replace("-", "_"): v for k, v in opts.items()})
            check_rule_options(merged, "options")
            cfg = cfg.with_overrides(rule_options=merged)
        cfg = cfg.with_overrides(select=tuple(select) if select is not None else None,
                                 ignore=tuple(ignore) if ignore is not None else None)
        self.config = cfg
        self._cache, self._jobs = cache, jobs
        self.engine = Engine(cfg, use_cache=cache, jobs=jobs)
        self.policy = Policy()
        self._seen: set[int] = set()  # hashes of the texts assessed so far (exact duplicates)

    # -- pickling: the configuration only; rules are rebuilt where the linter is unpickled --------
    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config, "cache": self._cache, "jobs": self._jobs, "policy": self.policy}

    def __setstate__(self, state: Mapping[str, Any]) -> None:
        self.config, self._cache, self._jobs = state["config"], state["cache"], state["jobs"]
        self.policy = state["policy"]
        self.engine = Engine(self.config, use_cache=self._cache, jobs=self._jobs)
        self._seen = set()

    @property
    def rules(self) -> list[str]:
        return self.engine.rules.codes

    def lint_text(self, text: str, path: str | None = None) -> list[Finding]:
        return self.engine.lint_documents([document_from_text(text, path=path)]).findings

    def lint_documents(self, docs: Iterable[Document]) -> LintResult:
        return self.engine.lint_documents(list(docs))

    def lint_paths(self, paths: Sequence[str | Path], *, keep_documents: bool = False) -> LintResult:
        """Lint files and folders; ``result.documents`` holds the documents only with
        ``keep_documents`` (a large corpus is streamed, not held)."""
        return self.engine.lint_paths([str(p) for p in paths], keep_documents=keep_documents)

    def lint_records(self, records: Iterable[Mapping[str, Any]], text_field: str = "text",
                     id_field: str | None = "id", *, merged: bool = False) -> Iterator[tuple[str, list[Finding]]]:
        """Stream ``(record_id, findings)`` as records arrive. Corpus rules (duplicates,
        versions) report once the input ends, as further ``(record_id, findings)`` items; with
        ``merged`` every record comes once, with all its findings, after the input ends (only
        findings are held, never the records)."""
        def docs() -> Iterator[Document]:
            for n, record in enumerate(records, 1):
                yield record_document(dict(record), path=None, line_no=n, config=self.config,
                                      text_field=text_field, id_field=id_field)

        if not merged:
            for doc, findings in self.engine.stream(docs()):
                yield doc.record or "", findings
            return
        held: dict[str, list[Finding]] = {}
        for doc, findings in self.engine.stream(docs()):
            held.setdefault(doc.record or "", []).extend(findings)
        for record_id, findings in held.items():
            yield record_id, sorted(findings, key=finding_order)

    def fix_text(self, text: str, *, unsafe: bool = False) -> tuple[str, list[Fix]]:
        doc = document_from_text(text)
        if doc.decode_error is not None:
            return text, []  # not valid Unicode (a lone surrogate): never fixed, left as given
        outcome = fix_documents(self.engine.lint_documents, [doc], unsafe=unsafe)
        return outcome.documents[0].text, outcome.applied.get(doc.id, [])

    # -- pipelines ---------------------------------------------------------------------------
    def assess(self, item: TextOrRecord, *, text_field: str = "text", id_field: str | None = "id",
               policy: Policy | None = None) -> Assessment:
        """Keep/drop, score, findings per family and tags for one text or record (see
        ``corpuslint.assess``). Corpus rules see only this document; ``assess_batch`` lets
        them compare the documents of a batch."""
        return self.assess_batch([item], text_field=text_field, id_field=id_field, policy=policy)[0]

    def assess_batch(self, items: Iterable[TextOrRecord], *, text_field: str = "text",
                     id_field: str | None = "id", policy: Policy | None = None) -> list[Assessment]:
        """Assess texts or records together, in order: a near-duplicate (DUP004) of an earlier
        item of the batch is dropped, as is the exact text of any item this linter assessed
        before (in this process)."""
        docs = [self._document(item, n, text_field, id_field) for n, item in enumerate(items, 1)]
        by_doc = self.engine.lint_documents(docs, keep_documents=False).by_document()
        out: list[Assessment] = []
        earlier: set[tuple[str | None, str | None]] = set()
        for doc in docs:
            key = int(doc.content_hash[:16], 16) if doc.content_hash and doc.decode_error is None else None
            seen = key is not None and bool(doc.text.strip()) and key in self._seen
            findings = by_doc.get(doc_key(doc.path, doc.record), [])
            out.append(assess(doc, findings, policy or self.policy, earlier=frozenset(earlier), seen_before=seen))
            earlier.add((doc.path, doc.record))
            if key is not None:
                self._seen.add(key)
        return out

    def clean_text(self, text: str, policy: CleanPolicy = CleanPolicy()) -> str:
        """The text with chrome and exact repeats deleted and the safe hygiene fixes applied;
        never a typo guess (``corpuslint.clean``)."""
        doc = document_from_text(text)
        return clean_documents(self._cleaner().engine.lint_documents, [doc], policy).documents[0].text

    def _cleaner(self) -> Linter:
        """This linter's configuration with only the cleaning rules (``clean.CLEAN_SELECT``):
        cleaning with the whole set would run every rule, TYP included, at each fix round."""
        got = self.__dict__.get("_cleaning")
        if got is None:
            same = set(self.config.select or ()) == set(CLEAN_SELECT)
            got = self.__dict__["_cleaning"] = self if same else Linter(self.config, select=list(CLEAN_SELECT))
        return got

    def _document(self, item: TextOrRecord, n: int, text_field: str, id_field: str | None) -> Document:
        if isinstance(item, str):
            return document_from_text(item, record=f"item{n}")
        return record_document(dict(item), path=None, line_no=n, config=self.config,
                               text_field=text_field, id_field=id_field)


def lint_text(text: str, *, path: str | None = None, select: Sequence[str] | None = None,
              ignore: Sequence[str] | None = None,
              options: Mapping[str, Mapping[str, Any]] | None = None) -> list[Finding]:
    return Linter(select=select, ignore=ignore, options=options).lint_text(text, path=path)


def lint_paths(paths: Sequence[str | Path], *, config: Config | Mapping[str, Any] | None = None,
               select: Sequence[str] | None = None, ignore: Sequence[str] | None = None) -> LintResult:
    if config is None:
        config = discover_config([str(p) for p in paths])
    return Linter(config, select=select, ignore=ignore).lint_paths(paths)


def fix_text(text: str, *, unsafe: bool = False, select: Sequence[str] | None = None,
             ignore: Sequence[str] | None = None) -> tuple[str, list[Fix]]:
    return Linter(select=select, ignore=ignore).fix_text(text, unsafe=unsafe)


_CLEANER: Linter | None = None


def clean_text(text: str, *, chrome: bool = True, chrome_unsafe: bool = True, repeats: bool = True,
               hygiene: bool = True, linter: Linter | None = None) -> str:
    """Strip page chrome and exact repeated paragraphs and apply the safe hygiene fixes; never
    a typo guess. Without ``linter`` a shared one with only the cleaning rules is used."""
    global _CLEANER
    if linter is None:
        if _CLEANER is None:
            _CLEANER = Linter(select=list(CLEAN_SELECT))
        linter = _CLEANER
    return linter.clean_text(text, CleanPolicy(chrome, chrome_unsafe, repeats, hygiene))
