"""Rule family VER."""

from __future__ import annotations

RULES: list[type] = []
