"""Rule family DUP: repeated and near-duplicate paragraphs and documents."""

from __future__ import annotations

from .cross_document_duplicate_paragraph import CrossDocumentDuplicateParagraph
from .near_duplicate_document import NearDuplicateDocument
from .near_duplicate_paragraph import NearDuplicateParagraph
from .repeated_paragraph import RepeatedParagraph

RULES: list[type] = [RepeatedParagraph, NearDuplicateParagraph, CrossDocumentDuplicateParagraph,
                     NearDuplicateDocument]
