"""Rule family CHR."""

from __future__ import annotations

RULES: list[type] = []
