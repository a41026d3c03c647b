"""Pattern lists of the rule packs made into regexes: ``any_pattern`` and ``any_word`` (one
alternation, never matching when the list is empty), and ``AnyOf`` for the question "does any
of them match somewhere in a text?".

The rule packs list patterns one by one. Joined into one alternation (`a|b|c`), the `regex`
engine tries every alternative at every position and loses the fast scan for a literal or
a character class that starts each pattern alone: on ordinary news that is several times slower.
``AnyOf`` keeps the patterns that are anchored at the start of the text in one alternation
(tried at position 0 only) and searches for each other pattern by itself."""

from __future__ import annotations

from typing import Any, Iterable

import regex


NEVER = r"(?!)"


class LazyPattern:
    """A regex compiled when first used. The chrome detectors and the page model compile ~120
    pattern lists of the rule packs when a run's first document arrives (~0.15 CPU-s, the
    ``regex`` parser is Python); a pre-commit run on one file uses about half of them. Each
    method or attribute asked for is taken from the compiled pattern once and kept on this
    object, so later calls cost what calls of the compiled pattern cost."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self.compiled, name)
        setattr(self, name, value)
        return value

    @property
    def compiled(self) -> regex.Pattern[str]:
        got = self.__dict__.get("_compiled")
        if got is None:
            got = self.__dict__["_compiled"] = regex.compile(*self._source)
        return got


def any_pattern(patterns: Iterable[str], flags: int = 0) -> regex.Pattern[str]:
    """One regex matching where any of ``patterns`` does (each kept whole in its group),
    compiled on first use."""
    return LazyPattern("|".join(f"(?:{p})" for p in patterns) or NEVER, flags)  # type: ignore[return-value]


def any_word(words: Iterable[str], flags: int = 0) -> regex.Pattern[str]:
    """One regex matching any of ``words`` literally, tried in the order given, compiled on
    first use."""
    return LazyPattern("|".join(regex.escape(w) for w in words) or NEVER, flags)  # type: ignore[return-value]


class AnyOf:
    """``AnyOf(patterns, flags).found(text)`` is ``bool(regex.compile('|'.join(patterns),
    flags).search(text))``, computed faster."""

    def __init__(self, patterns: Iterable[str], flags: int = 0) -> None:
        pats = list(patterns)
        anchored = [p for p in pats if _anchored(p)]
        self.head = LazyPattern("|".join(f"(?:{p})" for p in anchored), flags) if anchored else None
        self.others = tuple(LazyPattern(p, flags) for p in pats if not _anchored(p))

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
