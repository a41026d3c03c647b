"""The engine: selected rules over a stream of documents in two passes, then the filters
(per-file ignores, inline suppressions). It knows nothing of the command line or of output
formats.

Pass 1 streams the documents (files, JSONL records, a Python iterable): each is read, checked by
the document rules, and reduced to its features — signatures, what each corpus rule extracts
(``CorpusRule.extract``), its inline suppressions — and a place in the spool; then it is
dropped. With ``jobs > 1`` worker processes do all of that for chunks of files and send back
findings and features, never documents. Pass 2 runs the corpus rules on the features
(``corpus.analyses``), re-reading only the documents they report on. The result is the same
whatever ``jobs`` is: documents keep their order and findings are sorted per document.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from .cache import Cache
from .core.config import Config, ConfigError
from .core.document import Document
from .core.findings import Finding
from .core.forked import fork_map
from .core.packs import PackStore
from .core.registry import discover
from .core.version import __version__
from .core.rule import CorpusRule, DocumentRule, Rule, RuleContext
from .corpus.analyses import CorpusAnalyses
from .corpus.differences import classified
from .corpus.model import DocFeatures, FeatureBuilder, corpus_settings
from .corpus.spool import Spool
from .late_findings import ByDocument, Merged, admitted, doc_key, filtered, finding_order
from .load import SourceError, expand_paths, read_source
from .suppress import parse_suppressions

VERSION_SALT = "corpuslint"
FILES_PER_TASK = 16  # files a worker reads, checks and signs per task
# progress(phase, done, total, bytes read): "reading" counts files, "corpus" counts corpus rules
Progress = Callable[[str, int, int, int], None]


def version() -> str:
    return __version__


Key = tuple[str | None, str | None]  # a document's (path, record)


@dataclass
class LintResult:
    findings: Sequence[Finding]  # a list; late_findings.Merged when pass 2's findings spilled to disk
    documents: list[Document]  # kept only when asked (``keep_documents``: the fixer needs them)
    errors: list[str] = field(default_factory=list)  # sources that could not be read at all
    paths: int = 0  # distinct document paths seen
    # (path, record) of both sides of every version pair of the run's documents, when documents
    # are kept and a rule had the version groups built (the HTML report shows them side by side)
    version_pairs: list[tuple[Key, Key]] = field(default_factory=list)
    # the differences the rules had classified for those pairs, by (a, b) as in version_pairs
    # (``corpus.differences.Difference``; the report reuses them instead of classifying again)
    pair_differences: dict[tuple[Key, Key], list[Any]] = field(default_factory=dict)
    # (path, record) -> a JSONL record's 1-based line in its file, for the run's records (the
    # first of two records sharing an id wins)
    record_lines: dict[tuple[str | None, str], int] = field(default_factory=dict)

    @property
    def files(self) -> int:
        return (self.paths or len({d.path for d in self.documents})) + len(self.errors)

    def by_document(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {}
        for f in self.findings:
            out.setdefault(doc_key(f.path, f.record), []).append(f)
        return out


class RuleSet:
    """The enabled rules of a config, instantiated once with their options and packs."""

    def __init__(self, config: Config, registry: Mapping[str, type[Rule]] | None = None) -> None:
        self.config = config
        self.registry = dict(registry if registry is not None else discover())
        self.packs = PackStore(config.rule_packs)
        unknown = sorted(set(config.rule_options) - set(self.registry))
        if unknown:
            raise ConfigError(f"options given for unknown rule(s): {', '.join(unknown)}")
        for kind, selectors in (("select", config.select or ()), ("extend-select", config.extend_select),
                                ("ignore", config.ignore)):
            for sel in selectors:
                if sel != "ALL" and not any(code.startswith(sel) for code in self.registry):
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

    def duplicate_options(self) -> list[tuple[str, Mapping[str, Any]]]:
        """(role, options) of the enabled rules that read duplicates, in code order."""
        return [(r.duplicate_role, r.opts) for r in sorted(self.corpus_rules, key=lambda r: r.code)
                if r.duplicate_role is not None]

    def fingerprint(self) -> str:
        return f"{version()}|{self.config.fingerprint()}|{','.join(self.codes)}|{self.packs.fingerprint()}"

    def check(self, doc: Document) -> list[Finding]:
        out: list[Finding] = []
        for rule in self.document_rules:
            if doc.decode_error is not None and not getattr(rule, "handles_undecodable", False):
                continue
            out.extend(rule.check(doc))
        return out

    def extract(self, doc: Document) -> dict[str, Any]:
        out = {}
        for rule in self.corpus_rules:
            got = rule.extract(doc)
            if got is not None:
                out[rule.code] = got
        return out


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


@dataclass
class Checked:
    """One document after pass 1: its filtered findings and its features (None when it takes
    no part in the corpus phase: undecodable, or no corpus rule enabled)."""

    key: str
    path: str | None
    findings: list[Finding]
    features: DocFeatures | None
    suppressions: Any
    doc: Document | None = None  # kept only when the caller keeps documents
    record: str | None = None
    record_line: int | None = None  # a JSONL record's 1-based line in its file


class DocumentPass:
    """Pass 1 for one process (a worker of ``-j N``, a Ray actor): check, extract, spool and
    sign documents."""

    def __init__(self, rules: RuleSet, cache: Cache | None, builder: FeatureBuilder | None) -> None:
        self.rules, self.cache, self.builder = rules, cache, builder

    def run(self, doc: Document, keep: bool) -> Checked:
        sup = parse_suppressions(doc)
        found = filtered(self.rules.config, _checked(self.rules, self.cache, doc), sup, doc.path)
        feats = None
        if self.builder is not None and doc.decode_error is None:
            feats = self.builder.add(doc, self.rules.extract(doc), sup)
        line = doc.meta.get("jsonl_line") if doc.record is not None else None
        return Checked(doc_key(doc.path, doc.record), doc.path, found, feats, sup, doc if keep else None,
                       doc.record, int(line) if line else None)


# Worker-process state for jobs > 1: built once per process by the initializer.
_WORKER: tuple[DocumentPass, bool] | None = None
# The parent's rule set while its pool starts: a forked worker inherits it, built and warm,
# instead of building its own (a spawned worker finds None and builds one).
_PARENT_RULES: RuleSet | None = None


def _init_worker(config: Config, cache_root: Path | None, salt: str, spool_dir: str | None,
                 with_index: bool, keep: bool) -> None:
    global _WORKER
    inherited = _PARENT_RULES
    rules = inherited if inherited is not None and inherited.fingerprint() == salt else RuleSet(config)
    builder = None
    if spool_dir is not None:
        settings, banding, _ = corpus_settings(rules.duplicate_options(), with_index)
        builder = FeatureBuilder(settings, banding, Spool(spool_dir))
    _WORKER = (DocumentPass(rules, Cache(cache_root, salt) if cache_root is not None else None, builder), keep)


def _work(paths: list[str]) -> list[list[Checked] | str]:
    assert _WORKER is not None
    one, keep = _WORKER
    out: list[list[Checked] | str] = []
    for path in paths:
        try:
            docs = read_source(path, one.rules.config)
        except SourceError as exc:
            out.append(str(exc))
            continue
        out.append([one.run(d, keep) for d in docs])
    if one.builder is not None:
        one.builder.flush()
    return out


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
    def lint_paths(self, paths: Sequence[str], *, stdin: bytes | None = None, progress: Progress | None = None,
                   keep_documents: bool = False) -> LintResult:
        files = expand_paths(paths, self.config)
        corpus = self.new_corpus()
        checked: list[Checked] = []
        errors: list[str] = []
        parallel = self.jobs > 1 and len(files) > 1 and "-" not in files
        if parallel:
            tasks = [files[i:i + FILES_PER_TASK] for i in range(0, len(files), FILES_PER_TASK)]
            for result in self._in_workers(tasks, corpus, keep_documents, len(files), progress):
                for item in result:
                    if isinstance(item, str):
                        errors.append(item)
                        continue
                    for c in item:
                        if corpus is not None and c.features is not None:
                            corpus.append(c.features)
                        checked.append(c)
        else:
            one = self._pass1(corpus)
            nbytes = 0
            for i, path in enumerate(files, 1):
                try:
                    docs = read_source(path, self.config, stdin=stdin if path == "-" else None)
                except SourceError as exc:
                    errors.append(str(exc))
                    continue
                for d in docs:
                    checked.append(self._take(one.run(d, keep_documents), corpus, d))
                if progress:
                    nbytes += _size(path)
                    progress("reading", i, len(files), nbytes)
        result = self._finish(checked, corpus, progress)
        result.errors = errors
        return result

    def _in_workers(self, tasks: list[list[str]], corpus: CorpusAnalyses | None, keep: bool, total: int,
                    progress: Progress | None) -> Iterator[list[list[Checked] | str]]:
        """Pass 1 of each task of files in a worker process, results in task order."""
        # Imported here: multiprocessing's modules cost every single-process run ~40 ms.
        from concurrent.futures import ProcessPoolExecutor

        global _PARENT_RULES
        _PARENT_RULES = self.rules
        try:
            with ProcessPoolExecutor(
                max_workers=min(self.jobs, len(tasks)), initializer=_init_worker,
                initargs=(self.config, self.cache_root, self.salt,
                          str(corpus.spool.folder) if corpus is not None else None,
                          corpus is not None and corpus.uses_index, keep),
            ) as pool:
                done = nbytes = 0
                for task, result in zip(tasks, pool.map(_work, tasks)):
                    yield result
                    done += len(result)
                    if progress:
                        nbytes += sum(_size(p) for p in task)
                        progress("reading", done, total, nbytes)
        finally:
            _PARENT_RULES = None

    def lint_documents(self, docs: Iterable[Document], *, keep_documents: bool = True) -> LintResult:
        corpus = self.new_corpus()
        one = self._pass1(corpus)
        return self._finish([self._take(one.run(d, keep_documents), corpus, d) for d in docs], corpus, None)

    def stream(self, docs: Iterable[Document]) -> Iterator[tuple[Document | DocFeatures, list[Finding]]]:
        """Per-document findings as documents arrive (document rules), then, once the input
        ends, the corpus rules' findings per document (with the document's features: the
        document itself is not kept). Memory stays flat when no corpus rule is enabled."""
        corpus = self.new_corpus()
        one = self._pass1(corpus)
        for doc in docs:
            c = self._take(one.run(doc, False), corpus, doc)
            yield doc, c.findings
        if corpus is None:
            return
        late = self._corpus_findings(corpus, None)
        for feats in corpus:
            extra = late.pop(doc_key(feats.path, feats.record))
            if extra:
                yield feats, filtered(self.config, extra, feats.suppressions, feats.path)

    # -- internals ---------------------------------------------------------------------------
    def new_corpus(self) -> CorpusAnalyses | None:
        """The run's corpus, or None when no corpus rule is enabled (nothing is kept)."""
        if not self.rules.corpus_rules:
            return None
        # Through ``folder()``: the signature index may be the only thing a run writes there (a
        # JSONL-only corpus caches no results), and the folder must still get its .gitignore.
        cache_dir = self.cache.folder() if self.cache is not None else None
        corpus = CorpusAnalyses(self.config, self.rules.packs, cache_dir=cache_dir,
                                duplicate_options=self.rules.duplicate_options())
        if self.jobs > 1 and any(r.aligns_versions for r in self.rules.corpus_rules):
            corpus.fork_map = fork_map(self.jobs)
        return corpus

    def _pass1(self, corpus: CorpusAnalyses | None) -> DocumentPass:
        return DocumentPass(self.rules, self.cache, corpus.builder if corpus is not None else None)

    @staticmethod
    def _take(c: Checked, corpus: CorpusAnalyses | None, doc: Document) -> Checked:
        if corpus is not None and c.features is not None:
            corpus.append(c.features)
            corpus.remember(doc, c.features)
        return c

    def _corpus_findings(self, corpus: CorpusAnalyses, progress: Progress | None) -> ByDocument:
        out = ByDocument()
        if not len(corpus):
            return out
        # Filtered as they come (``filtered`` again later is a no-op), so that a spilled
        # document's count is known without reading its findings back.
        run = {doc_key(f.path, f.record): f for f in corpus}
        ignored: dict[str | None, tuple[str, ...]] = {}
        n = len(self.rules.corpus_rules)
        for i, rule in enumerate(self.rules.corpus_rules):
            if progress:
                progress("corpus", i, n, 0)
            for f in rule.finish(corpus):
                key = doc_key(f.path, f.record)
                feats = run.get(key)
                if feats is not None:
                    if feats.path not in ignored:
                        ignored[feats.path] = self.config.ignored_for_path(feats.path)
                    if not admitted(f, ignored[feats.path], feats.suppressions):
                        continue
                out.add(key, f)
        if progress:
            progress("corpus", n, n, 0)
        return out

    def _finish(self, checked: list[Checked], corpus: CorpusAnalyses | None, progress: Progress | None) -> LintResult:
        late = self._corpus_findings(corpus, progress) if corpus is not None else ByDocument()
        findings: list[Finding] | Merged
        if late.spilled:  # pass 2's findings stay on disk; each document's are read when reported
            findings = Merged(late, finding_order)
            for c in checked:
                findings.add(c.findings, late.ids(c.key))
        else:
            findings = []
            for c in checked:
                extra = late.pop(c.key)
                if extra:
                    findings.extend(sorted([*c.findings, *filtered(self.config, extra, c.suppressions, c.path)],
                                           key=finding_order))
                else:
                    findings.extend(c.findings)
            late.close()
        documents = [c.doc for c in checked if c.doc is not None]
        pairs: list[tuple[Key, Key]] = []
        diffs: dict[tuple[Key, Key], list[Any]] = {}
        if corpus is not None:
            if documents:
                pairs, diffs = _version_pairs(corpus)
            corpus.close()
        lines: dict[tuple[str | None, str], int] = {}
        for c in checked:
            if c.record is not None and c.record_line is not None:
                lines.setdefault((c.path, c.record), c.record_line)
        return LintResult(findings, documents, paths=len({c.path for c in checked}), version_pairs=pairs,
                          pair_differences=diffs, record_lines=lines)


# -- for an engine that runs pass 1 elsewhere (corpuslint.ray): the same code, driven apart ------


def corpus_pass(engine: Engine, corpus: CorpusAnalyses, progress: Progress | None = None
                ) -> dict[str, list[Finding]]:
    """Pass 2 on a corpus filled through ``Corpus.append`` with features built elsewhere: the
    corpus rules' findings per document key, filtered and sorted as ``lint_paths`` filters them
    (merge them into a document's own findings with ``merged``)."""
    late = engine._corpus_findings(corpus, progress)
    out: dict[str, list[Finding]] = {}
    for feats in corpus:
        extra = late.pop(doc_key(feats.path, feats.record))
        if extra:
            out[doc_key(feats.path, feats.record)] = filtered(engine.config, extra, feats.suppressions, feats.path)
    return out


def merged(own: list[Finding], extra: list[Finding]) -> list[Finding]:
    """A document's findings after pass 2, in the order ``lint_paths`` reports them."""
    return sorted([*own, *extra], key=finding_order)


def _version_pairs(corpus: CorpusAnalyses) -> tuple[list[tuple[Key, Key]], dict[tuple[Key, Key], list[Any]]]:
    """The run's version pairs, and the differences the rules had classified for them."""
    if not corpus.versions_built():  # no rule asked for them: not built for the report alone
        return [], {}
    pairs: list[tuple[Key, Key]] = []
    diffs: dict[tuple[Key, Key], list[Any]] = {}
    for p in corpus.versions.pairs():
        if corpus.is_context(p.a) or corpus.is_context(p.b):
            continue
        key = ((p.a.path, p.a.record), (p.b.path, p.b.record))
        pairs.append(key)
        got = classified(corpus, p)
        if got is not None:
            diffs[key] = got
    return pairs, diffs


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))
