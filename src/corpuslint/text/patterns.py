"""Pattern lists of the rule packs made into regexes: ``any_pattern`` and ``any_word`` (one
alternation, never matching when the list is empty), and ``AnyOf`` for the question "does any
of them match somewhere in a text?".

The rule packs list patterns one by one. Joined into one alternation (`a|b|c`), the `regex`
engine tries every alternative at every position and loses the fast scan for a literal or
a character class that starts each pattern alone: on ordinary news that is several times slower.
``AnyOf`` keeps the patterns that are anchored at the start of the text in one alternation
(tried at position 0 only) and searches for each other pattern by itself."""

from __future__ import annotations

from typing import Iterable

import regex


NEVER = r"(?!)"


def any_pattern(patterns: Iterable[str], flags: int = 0) -> regex.Pattern[str]:
    """One regex matching where any of ``patterns`` does (each kept whole in its group)."""
    return regex.compile("|".join(f"(?:{p})" for p in patterns) or NEVER, flags)


def any_word(words: Iterable[str], flags: int = 0) -> regex.Pattern[str]:
    """One regex matching any of ``words`` literally, tried in the order given."""
    return regex.compile("|".join(regex.escape(w) for w in words) or NEVER, flags)


class AnyOf:
    """``AnyOf(patterns, flags).found(text)`` is ``bool(regex.compile('|'.join(patterns),
    flags).search(text))``, computed faster."""

    def __init__(self, patterns: Iterable[str], flags: int = 0) -> None:
        pats = list(patterns)
        anchored = [p for p in pats if _anchored(p)]
        self.head = regex.compile("|".join(f"(?:{p})" for p in anchored), flags) if anchored else None
        self.others = tuple(regex.compile(p, flags) for p in pats if not _anchored(p))

    def found(self, text: str) -> bool:
        if self.head is not None and self.head.match(text):
            return True
        for p in self.others:  # (a plain loop: no generator to start on every call)
            if p.search(text):
                return True
        return False


def _anchored(pattern: str) -> bool:
    """Matches only at the start of the text: opens with ``^`` and has no ``|`` (an alternative
    of its own could match anywhere)."""
    return pattern.startswith("^") and "|" not in pattern
