"""corpuslint: a document-quality and dedup linter for Chinese text corpora."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .core.version import __version__

# The module each public name comes from, imported on first use: the ``corpuslint`` command
# imports the package first and needs none of the library API (the fixer, the cleaner, the
# assessor and what they import cost every pre-commit run ~30 ms).
_FROM = {
    **dict.fromkeys(("Linter", "clean_text", "fix_text", "lint_paths", "lint_text"), "api"),
    **dict.fromkeys(("Assessment", "Policy"), "assess"),
    **dict.fromkeys(("Applicability", "Config", "CorpusRule", "Document", "DocumentRule", "Edit", "Finding",
                     "Fix", "Location", "Related", "Severity"), "core"),
}

__all__ = [
    "Applicability", "Assessment", "Config", "CorpusRule", "Document", "DocumentRule", "Edit", "Finding", "Fix",
    "Linter", "Location", "Policy", "Related", "Severity", "__version__", "clean_text", "fix_text", "lint_paths", "lint_text",
]


def __getattr__(name: str) -> Any:
    module = _FROM.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:
    from .api import Linter, clean_text, fix_text, lint_paths, lint_text
    from .assess import Assessment, Policy
    from .core import (Applicability, Config, CorpusRule, Document, DocumentRule, Edit, Finding, Fix,
                       Location, Related, Severity)
