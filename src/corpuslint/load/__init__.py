"""From sources to documents: ``decode`` (bytes to text), ``jsonl`` (records), ``sources``
(paths, links, stdin). Imports run decode <- jsonl <- sources."""

from .decode import (
    Decoded, SourceError, decode_bytes, detect_newline, document_from_bytes, document_from_text, hash_bytes,
)
from .jsonl import check_jsonl_field, is_jsonl, jsonl_documents, jsonl_lines, record_document, record_lines
from .sources import documents_from_bytes, expand_paths, iter_documents, outside_link, read_source

__all__ = [
    "Decoded", "SourceError", "check_jsonl_field", "decode_bytes", "detect_newline", "document_from_bytes",
    "document_from_text", "documents_from_bytes", "expand_paths", "hash_bytes", "is_jsonl", "iter_documents",
    "jsonl_documents", "jsonl_lines", "outside_link", "read_source", "record_document", "record_lines",
]
