"""Rule family TYP."""

from __future__ import annotations

RULES: list[type] = []
