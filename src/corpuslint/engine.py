"""The engine: selected rules over documents, then the filters (per-file ignores, inline
suppressions). It knows nothing of the command line or of output formats.

Document rules run per document (in worker processes with ``jobs > 1``); corpus rules observe
every document in path order, in this process, and report when all are seen. The result is the
same whatever ``jobs`` is: documents keep their order and findings are sorted per document.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from .cache import Cache
from .core.config import Config
from .core.document import Document
from .core.findings import Finding
from .core.packs import PackStore
from .core.registry import discover
from .core.rule import CorpusRule, DocumentRule, Rule, RuleContext
from .corpus.model import Corpus
from .load import SourceError, expand_paths, read_source
from .suppress import apply_inline

VERSION_SALT = "corpuslint"


def version() -> str:
    from . import __version__

    return __version__


@dataclass
class LintResult:
    findings: list[Finding]
    documents: list[Document]
    errors: list[str] = field(default_factory=list)  # sources that could not be read at all

    @property
    def files(self) -> int:
        return len({d.path for d in self.documents}) + len(self.errors)

    def by_document(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {}
        for f in self.findings:
            out.setdefault(_doc_key(f.path, f.record), []).append(f)
        return out


def _doc_key(path: str | None, record: str | None) -> str:
    return f"{path}\0{record}"


class RuleSet:
    """The enabled rules of a config, instantiated once with their options and packs."""

    def __init__(self, config: Config, registry: Mapping[str, type[Rule]] | None = None) -> None:
        self.config = config
        self.registry = dict(registry if registry is not None else discover())
        self.packs = PackStore(config.rule_packs)
        unknown = sorted(set(config.rule_options) - set(self.registry))
        if unknown:
            from .core.config import ConfigError

            raise ConfigError(f"options given for unknown rule(s): {', '.join(unknown)}")
        for kind, selectors in (("select", config.select or ()), ("extend-select", config.extend_select),
                                ("ignore", config.ignore)):
            for sel in selectors:
                if sel != "ALL" and not any(code.startswith(sel) for code in self.registry):
                    from .core.config import ConfigError

                    raise ConfigError(f"{kind}: {sel!r} matches no rule (`corpuslint rules` lists them)")
        self.document_rules: list[DocumentRule] = []
        self.corpus_rules: list[CorpusRule] = []
        for code, cls in self.registry.items():
            if not config.is_enabled(code, cls.default_enabled):
                continue
            rule = cls(RuleContext(config.options_for(code), self.packs))
            if isinstance(rule, CorpusRule):
                self.corpus_rules.append(rule)
            else:
                self.document_rules.append(rule)  # type: ignore[arg-type]

    @property
    def codes(self) -> list[str]:
        return sorted(r.code for r in (*self.document_rules, *self.corpus_rules))

    def fingerprint(self) -> str:
        return f"{version()}|{self.config.fingerprint()}|{','.join(self.codes)}|{self.packs.fingerprint()}"

    def check(self, doc: Document) -> list[Finding]:
        out: list[Finding] = []
        for rule in self.document_rules:
            if doc.decode_error is not None and not getattr(rule, "handles_undecodable", False):
                continue
            out.extend(rule.check(doc))
        return out


# Worker-process state for jobs > 1: built once per process by the initializer.
_WORKER: tuple[RuleSet, Cache | None] | None = None


def _init_worker(config: Config, cache_root: Path | None, salt: str) -> None:
    global _WORKER
    rules = RuleSet(config)
    _WORKER = (rules, Cache(cache_root, salt) if cache_root is not None else None)


def _work(path: str) -> list[tuple[Document, list[Finding]]] | str:
    assert _WORKER is not None
    rules, cache = _WORKER
    try:
        docs = read_source(path, rules.config)
    except SourceError as exc:
        return str(exc)
    return [(d, _checked(rules, cache, d)) for d in docs]


def _checked(rules: RuleSet, cache: Cache | None, doc: Document) -> list[Finding]:
    # JSONL records are not cached one by one: a corpus of millions of records would become
    # millions of cache files. Records are linted afresh; text files are cached.
    if doc.record is not None:
        cache = None
    if cache is not None:
        hit = cache.get(doc)
        if hit is not None:
            return hit
    found = rules.check(doc)
    if cache is not None:
        cache.put(doc, found)
    return found


class Engine:
    def __init__(self, config: Config, *, use_cache: bool = False, jobs: int = 1,
                 registry: Mapping[str, type[Rule]] | None = None) -> None:
        self.config = config
        self.rules = RuleSet(config, registry)
        self.jobs = max(1, jobs)
        self.cache_root = (config.root or Path.cwd()) if use_cache else None
        self.salt = self.rules.fingerprint()
        self.cache = Cache(self.cache_root, self.salt) if self.cache_root is not None else None

    # -- entry points ------------------------------------------------------------------------
    def lint_paths(self, paths: Sequence[str], *, stdin: bytes | None = None,
                   progress: Callable[[int, int], None] | None = None) -> LintResult:
        files = expand_paths(paths, self.config)
        checked: list[tuple[Document, list[Finding]]] = []
        errors: list[str] = []
        parallel = self.jobs > 1 and len(files) > 1 and "-" not in files
        if parallel:
            with ProcessPoolExecutor(
                max_workers=min(self.jobs, len(files)), initializer=_init_worker,
                initargs=(self.config, self.cache_root, self.salt),
            ) as pool:
                for i, result in enumerate(pool.map(_work, files, chunksize=8), 1):
                    if isinstance(result, str):
                        errors.append(result)
                    else:
                        checked.extend(result)
                    if progress:
                        progress(i, len(files))
        else:
            for i, path in enumerate(files, 1):
                try:
                    docs = read_source(path, self.config, stdin=stdin if path == "-" else None)
                except SourceError as exc:
                    errors.append(str(exc))
                    continue
                checked.extend((d, _checked(self.rules, self.cache, d)) for d in docs)
                if progress:
                    progress(i, len(files))
        result = self._finish(checked)
        result.errors = errors
        return result

    def lint_documents(self, docs: Iterable[Document]) -> LintResult:
        return self._finish([(d, _checked(self.rules, self.cache, d)) for d in docs])

    def stream(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Finding]]]:
        """Per-document findings as documents arrive (document rules and whatever corpus rules
        can say at once), then, once the input ends, the corpus rules' findings per document."""
        corpus = self.new_corpus()
        late: dict[int, Document] = {}
        for doc in docs:
            found = _checked(self.rules, self.cache, doc)
            if doc.decode_error is None:
                corpus.add(doc)
                for rule in self.rules.corpus_rules:
                    found.extend(rule.observe(doc, corpus))
            late[id(doc)] = doc
            yield doc, self._filter(doc, found)
        by_doc: dict[str, list[Finding]] = {}
        for rule in self.rules.corpus_rules:
            for f in rule.finish(corpus):
                by_doc.setdefault(_doc_key(f.path, f.record), []).append(f)
        for doc in corpus.documents:
            extra = by_doc.get(_doc_key(doc.path, doc.record))
            if extra:
                yield doc, self._filter(doc, extra)

    # -- internals ---------------------------------------------------------------------------
    def new_corpus(self) -> Corpus:
        # Through ``folder()``: the signature index may be the only thing a run writes there (a
        # JSONL-only corpus caches no results), and the folder must still get its .gitignore.
        cache_dir = self.cache.folder() if self.cache is not None else None
        return Corpus(self.config, self.rules.packs, cache_dir=cache_dir)

    def _finish(self, checked: list[tuple[Document, list[Finding]]]) -> LintResult:
        corpus = self.new_corpus()
        per_doc: dict[str, list[Finding]] = {}
        docs = [d for d, _ in checked]
        for doc, found in checked:
            per_doc.setdefault(_doc_key(doc.path, doc.record), []).extend(found)
            if doc.decode_error is None:
                corpus.add(doc)
        if self.rules.corpus_rules and len(corpus):
            for doc in corpus.documents:
                for rule in self.rules.corpus_rules:
                    for f in rule.observe(doc, corpus):
                        per_doc.setdefault(_doc_key(f.path, f.record), []).append(f)
            for rule in self.rules.corpus_rules:
                for f in rule.finish(corpus):
                    per_doc.setdefault(_doc_key(f.path, f.record), []).append(f)
        findings: list[Finding] = []
        for doc in docs:
            found = per_doc.pop(_doc_key(doc.path, doc.record), [])
            findings.extend(self._filter(doc, found))
        return LintResult(findings, docs)

    def _filter(self, doc: Document, found: list[Finding]) -> list[Finding]:
        ignored = self.config.ignored_for_path(doc.path)
        if ignored:
            found = [f for f in found if not any(f.code.startswith(c) for c in ignored)]
        found = apply_inline(found, doc)
        return sorted(found, key=lambda f: (f.location.start, f.location.end, f.code, f.message))


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))
