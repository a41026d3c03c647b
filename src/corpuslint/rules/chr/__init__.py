"""Rule family CHR: scraped page chrome (navigation, meta lines, share prompts, notices, ads,
lists of other articles, interface words, site template lines) left in plain text."""

from __future__ import annotations

from .meta_line import MetaLine
from .navigation_line import NavigationLine

RULES: list[type] = [NavigationLine, MetaLine]
