"""corpuslint: a document-quality and dedup linter for Chinese text corpora."""

from __future__ import annotations

from .core.version import __version__
from .api import Linter, clean_text, fix_text, lint_paths, lint_text  # noqa: E402
from .assess import Assessment, Policy  # noqa: E402
from .core import (  # noqa: E402
    Applicability, Config, CorpusRule, Document, DocumentRule, Edit, Finding, Fix, Location,
    Related, Severity,
)

__all__ = [
    "Applicability", "Assessment", "Config", "CorpusRule", "Document", "DocumentRule", "Edit", "Finding", "Fix",
    "Linter", "Location", "Policy", "Related", "Severity", "__version__", "clean_text", "fix_text", "lint_paths", "lint_text",
]
