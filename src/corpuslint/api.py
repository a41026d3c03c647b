"""The library API: plain functions and a reusable ``Linter``; no global state.

    from corpuslint import Linter, lint_text, fix_text

    findings = lint_text("余姚\u200b经济开发区")
    new_text, applied = fix_text(text)
    linter = Linter(select=["DUP", "CHR"])
    for record_id, findings in linter.lint_records(records, text_field="content"):
        ...
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

from .core.config import Config, check_rule_options, config_from_mapping, discover_config
from .core.document import Document
from .core.findings import Finding, Fix
from .engine import Engine, LintResult
from .fix import fix_documents
from .load import document_from_text, record_document


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
        self.engine = Engine(cfg, use_cache=cache, jobs=jobs)

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
                     id_field: str | None = "id") -> Iterator[tuple[str, list[Finding]]]:
        """Stream ``(record_id, findings)`` as records arrive. Corpus rules (duplicates,
        versions) report once the input ends, as further ``(record_id, findings)`` items."""
        def docs() -> Iterator[Document]:
            for n, record in enumerate(records, 1):
                yield record_document(dict(record), path=None, line_no=n, config=self.config,
                                      text_field=text_field, id_field=id_field)

        for doc, findings in self.engine.stream(docs()):
            yield doc.record or "", findings

    def fix_text(self, text: str, *, unsafe: bool = False) -> tuple[str, list[Fix]]:
        doc = document_from_text(text)
        if doc.decode_error is not None:
            return text, []  # not valid Unicode (a lone surrogate): never fixed, left as given
        outcome = fix_documents(self.engine.lint_documents, [doc], unsafe=unsafe)
        return outcome.documents[0].text, outcome.applied.get(doc.id, [])


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
