"""Rule family DUP."""

from __future__ import annotations

RULES: list[type] = []
