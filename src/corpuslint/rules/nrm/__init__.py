"""Rule family NRM."""

from __future__ import annotations

RULES: list[type] = []
