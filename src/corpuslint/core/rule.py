"""Rule protocols.

A rule is a class with metadata as class attributes and its documentation as the module's (or
class's) docstring, in the manner of ruff's rule pages. There are two kinds:

* ``DocumentRule.check(doc, ctx)`` sees one document at a time; it may run in a worker process.
* ``CorpusRule`` extracts what it needs of each document as it streams by (``extract``, which
  may run in a worker process; the document is then dropped) and reports across the corpus
  (``finish``), reading its extracts and the shared, computed-once analyses (duplicates,
  version groups) from the ``Corpus`` it is given, which re-reads a document on demand.

Rules only describe problems; the fixer applies their edits.
"""

from __future__ import annotations

import inspect
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Mapping

from .document import Document
from .findings import Applicability, Finding, Fix, Location, Related, Severity

if TYPE_CHECKING:
    from .packs import PackStore


class OptionError(ValueError):
    pass


@dataclass(frozen=True)
class RuleContext:
    """What a rule may consult besides the document: its options and the rule packs."""

    options: Mapping[str, Any]
    packs: PackStore


class Rule:
    code: ClassVar[str]  # family prefix + three digits, e.g. "ENC003"; never renumbered
    name: ClassVar[str]  # kebab-case name of the problem
    summary: ClassVar[str]  # one line
    severity: ClassVar[Severity] = Severity.WARNING
    default_enabled: ClassVar[bool] = True
    fix: ClassVar[Applicability | None] = None  # the best applicability its fixes can have
    options: ClassVar[Mapping[str, Any]] = {}  # option name -> default value

    def __init__(self, ctx: RuleContext) -> None:
        self.ctx = ctx
        self.opts = resolve_options(type(self), ctx.options)
        self.setup()

    def setup(self) -> None:
        """Load data, compile patterns: called once per rule instance."""

    @property
    def family(self) -> str:
        return family_of(self.code)

    def finding(
        self,
        doc: Document,
        start: int,
        end: int,
        message: str,
        *,
        fix: Fix | None = None,
        related: Iterable[Related] = (),
        severity: Severity | None = None,
    ) -> Finding:
        return Finding(
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message,
            location=Location.of(doc, start, end),
            related=tuple(related),
            fix=fix,
            flagged_text=doc.text[start:end],
        )

    @classmethod
    def documentation(cls) -> str:
        module = sys.modules.get(cls.__module__)
        doc = inspect.getdoc(module) if module is not None else None
        return inspect.cleandoc(cls.__doc__ or "") if not doc else doc


class DocumentRule(Rule):
    def check(self, doc: Document) -> Iterable[Finding]:
        raise NotImplementedError


class CorpusRule(Rule):
    """Sees all documents, then reports.

    ``extract(doc)`` returns the compact, picklable data the rule will need of the document
    (or None): it runs once per document in the streaming pass, possibly in a worker process,
    and the corpus keeps the result in ``DocFeatures.data[code]``. ``finish(corpus)`` runs once
    every document has streamed by. A rule that reads shared duplicates sets
    ``duplicate_role`` ("paragraph" or "document") so its options shape the signatures. A rule
    that reads the differences of version pairs sets ``aligns_versions``: with ``-j N`` the pairs
    are then aligned in worker processes before the corpus rules finish."""

    duplicate_role: ClassVar[str | None] = None
    aligns_versions: ClassVar[bool] = False

    def extract(self, doc: Document) -> Any:
        return None

    def finish(self, corpus: Any) -> Iterable[Finding]:
        raise NotImplementedError


def family_of(code: str) -> str:
    return code.rstrip("0123456789")


def resolve_options(rule: type[Rule], given: Mapping[str, Any]) -> dict[str, Any]:
    """Merge user options over defaults, checking names and types (a clear error, not a crash).
    Messages spell option names in kebab-case, as the config file and the docs do."""
    out = dict(rule.options)
    for key, value in given.items():
        name = key.replace("-", "_")
        shown = name.replace("_", "-")
        if name not in out:
            known = ", ".join(sorted(k.replace("_", "-") for k in rule.options)) or "none"
            raise OptionError(f"[rules.{rule.code}]: unknown option {shown!r} (known: {known})")
        default = out[name]
        if default is not None and not _same_kind(default, value):
            raise OptionError(
                f"[rules.{rule.code}]: option {shown!r} must be {type(default).__name__}, got {value!r}"
            )
        out[name] = value
    return out


def _same_kind(default: Any, value: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(default, (list, tuple)):
        return isinstance(value, (list, tuple))
    return isinstance(value, type(default))
