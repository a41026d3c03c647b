"""A pre-commit-sized run in two processes: the document rules in a forked child, the corpus
phase here, at once.

``corpuslint check CHANGED.txt`` in a large corpus spends its time in two parts that share
nothing but the run's few documents: the document rules (TYP's lexicon and tables, the chrome
detectors' patterns) and the corpus phase (git's listing, the signature index's refresh and
queries, DUP/VER/CHR008 over the candidates it finds). On two cores they can run side by side:
after the documents are read the process forks; the child runs the document rules on the
documents the result cache does not hold, stores their results in the cache and sends their
findings back through a pipe; this process meanwhile builds the documents' features and runs
the corpus phase, then merges the child's findings in as ``Engine.lint_paths`` does (same
findings, same order). A child that fails (an error in a rule, a signal) hands its documents
back: they are checked here, as in one process, so an error surfaces as it would have.

Only for a few plain files (not JSONL, not stdin, ``-j 1``), on Linux, and only while a core is
idle (the load average below the cores less one): the two processes repeat some work (the page
model, the text folding), which costs a run on a busy machine more than it saves. Any other run
returns None and goes the ordinary way.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from typing import Sequence

from .core.document import Document
from .core.findings import Finding
from .engine import Checked, Engine, LintResult, Progress, corpus_pass, merged
from .late_findings import doc_key, filtered
from .load import SourceError, expand_paths, is_jsonl, read_source
from .suppress import parse_suppressions

MAX_FILES = 16  # more files than a commit usually touches: the ordinary run (or -j N) then
MAX_BYTES = 4 << 20  # the run's files together; past it the document rules dominate anyway


def lint_paths_split(engine: Engine, paths: Sequence[str], progress: Progress | None = None, *,
                     when_idle: bool = True) -> LintResult | None:
    """``engine.lint_paths(paths)`` with the document rules in a forked child, or None when the
    run is not one for it (``when_idle``: nor while no core is idle)."""
    if not _applies(engine) or (when_idle and not idle_core()):
        return None
    files = expand_paths(paths, engine.config)
    if not files or len(files) > MAX_FILES or any(p == "-" or is_jsonl(p) for p in files):
        return None
    sizes = [_size(p) for p in files]
    if sum(sizes) > MAX_BYTES:
        return None
    corpus = engine.new_corpus()
    assert corpus is not None  # _applies: corpus rules are enabled
    docs: list[Document] = []
    errors: list[str] = []
    nbytes = 0
    for i, path in enumerate(files, 1):
        try:
            docs.extend(read_source(path, engine.config))
        except SourceError as exc:
            errors.append(str(exc))
        if progress:
            nbytes += sizes[i - 1]
            progress("reading", i, len(files), nbytes)
    cache = engine.cache
    own: list[list[Finding] | None] = [cache.get(d) if cache is not None else None for d in docs]
    todo = [i for i, f in enumerate(own) if f is None]
    child = _fork_rules(engine, [docs[i] for i in todo]) if todo else None
    try:
        checked = []
        for d in docs:
            sup = parse_suppressions(d)
            feats = None
            if d.decode_error is None:
                feats = corpus.builder.add(d, engine.rules.extract(d), sup)
            c = Checked(doc_key(d.path, d.record), d.path, [], feats, sup)
            checked.append(engine._take(c, corpus, d))
        extra = corpus_pass(engine, corpus, progress)
        got = child.result() if child is not None else None
        child = None
        if got is None:  # no child, or it failed: the rest checked here
            got = [_checked_here(engine, docs[i]) for i in todo]
        for i, found in zip(todo, got):
            own[i] = found
        findings: list[Finding] = []
        for c, found in zip(checked, own):
            assert found is not None
            mine = filtered(engine.config, found, c.suppressions, c.path)
            late = extra.get(c.key)
            findings.extend(merged(mine, late) if late else mine)
    finally:
        if child is not None:
            child.kill()
        corpus.close()
    return LintResult(findings, [], errors, paths=len({c.path for c in checked}))


def _applies(engine: Engine) -> bool:
    return (engine.jobs == 1 and sys.platform.startswith("linux") and hasattr(os, "fork")
            and bool(engine.rules.corpus_rules) and bool(engine.rules.document_rules))


def idle_core() -> bool:
    """Whether the 1-minute load average leaves a core idle for the child."""
    try:
        cores = len(os.sched_getaffinity(0))
        return os.getloadavg()[0] < cores - 1
    except (AttributeError, OSError):
        return False


def _checked_here(engine: Engine, doc: Document) -> list[Finding]:
    found = engine.rules.check(doc)
    if engine.cache is not None:
        engine.cache.put(doc, found)
    return found


class _Child:
    """The forked child checking documents; ``result()`` their findings, or None if it failed."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid, self.fd = pid, fd

    def result(self) -> list[list[Finding]] | None:
        chunks = []
        try:
            with os.fdopen(self.fd, "rb") as fh:
                self.fd = -1
                while True:
                    chunk = fh.read(1 << 20)
                    if not chunk:
                        break
                    chunks.append(chunk)
        finally:
            _, status = os.waitpid(self.pid, 0)
            self.pid = 0
        if not (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0):
            return None
        try:
            return pickle.loads(b"".join(chunks))  # type: ignore[no-any-return]
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
            return None

    def kill(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
            self.pid = 0


def _fork_rules(engine: Engine, docs: list[Document]) -> _Child | None:
    try:
        r, w = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(r)
        os.close(w)
        return None
    if pid:
        os.close(w)
        return _Child(pid, r)
    status = 1
    try:  # the child: never returns into the caller
        os.close(r)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        payload = pickle.dumps([_checked_here(engine, d) for d in docs], protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(w, "wb") as fh:
            fh.write(payload)
        status = 0
    finally:
        os._exit(status)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
