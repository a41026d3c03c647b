"""Rule family LAY."""

from __future__ import annotations

RULES: list[type] = []
