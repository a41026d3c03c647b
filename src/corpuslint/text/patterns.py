"""Pattern lists of the rule packs made into regexes: ``any_pattern`` and ``any_word`` (one
alternation, never matching when the list is empty), and ``AnyOf`` for the question "does any
of them match somewhere in a text?".

The rule packs list patterns one by one. Joined into one alternation (`a|b|c`), the `regex`
engine tries every alternative at every position and loses the fast scan for a literal or
a character class that starts each pattern alone: on ordinary news that is several times slower.
``AnyOf`` keeps the patterns that are anchored at the start of the text in one alternation
(tried at position 0 only) and searches for each other pattern by itself."""

from __future__ import annotations

import re
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
    flags).search(text))``, computed faster: a pattern that cannot match without some
    character (``required``: `摄` in `…张三 摄(?:影)?$`) is searched only in a text
    holding it."""

    def __init__(self, patterns: Iterable[str], flags: int = 0) -> None:
        pats = list(patterns)
        anchored = [p for p in pats if _anchored(p)]
        self.head = LazyPattern("|".join(f"(?:{p})" for p in anchored), flags) if anchored else None
        self.others = tuple((LazyPattern(p, flags), required(p, flags)) for p in pats if not _anchored(p))

    def found(self, text: str) -> bool:
        if self.head is not None and self.head.match(text):
            return True
        for p, need in self.others:  # (a plain loop: no generator to start on every call)
            if need and need not in text:
                continue
            if p.search(text):
                return True
        return False


def _anchored(pattern: str) -> bool:
    """Matches only at the start of the text: opens with ``^`` and has no ``|`` outside its
    groups and classes (an alternative of its own could match anywhere)."""
    return pattern.startswith("^") and ("|" not in pattern or not _top_level_bar(pattern))


def _top_level_bar(p: str) -> bool:
    """``p`` has a ``|`` outside groups and classes (or is too odd to tell: True)."""
    i = 0
    while i < len(p):
        c = p[i]
        if c == "\\":
            i += 2
        elif c == "[":
            i = _class_end(p, i)
        elif c == "(":
            i = _group_end(p, i)
        elif c == "|":
            return True
        else:
            i += 1
        if i < 0:
            return True
    return False


_QUANTIFIERS = frozenset("?*+{")
_META = frozenset("\\[](){}|?*+.^$#")
# characters no case-insensitive match can change: Han ideographs and ASCII digits
_CASELESS = re.compile(r"[0-9\u3400-\u4dbf\u4e00-\u9fff]")


def required(pattern: str, flags: int = 0) -> str:
    """A character every match of ``pattern`` contains ('' when none is found): a literal
    outside any group, class or alternative and not quantified. Read conservatively: patterns
    with inline flags, verbose or version-1 syntax, an alternative at the top or an unmatched
    bracket give ''. Under ``IGNORECASE`` only Han characters and digits count."""
    if flags & (regex.VERBOSE | regex.V1) or _INLINE_FLAGS.search(pattern):
        return ""
    caseless = bool(flags & regex.IGNORECASE)
    out: list[int] = []  # positions in ``pattern`` of the literals kept
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            if i < n and pattern[i] == "{":  # \p{Han}, \N{…}, \x{…}, or a quantifier
                i = pattern.find("}", i) + 1
                if i == 0:
                    return ""
            # what may still belong to the escape (\x41, \012, \pL) is no literal of its own
            while i < n and pattern[i].isascii() and pattern[i].isalnum():
                i += 1
        elif c == "[":
            i = _class_end(pattern, i)
            if i < 0:
                return ""
        elif c == "(":
            i = _group_end(pattern, i)
            if i < 0:
                return ""
        elif c == "|" or c == ")" or c == "]":
            return ""
        elif c in _QUANTIFIERS:
            if out and out[-1] == i - 1:
                out.pop()  # the literal before is quantified
            if c == "{":
                i = pattern.find("}", i)
                if i < 0:
                    return ""
            i += 1
            continue
        else:
            if c not in _META and not c.isspace() and (not caseless or _CASELESS.match(c)):
                out.append(i)
            i += 1
            continue
        # an escape, class or group was skipped: a quantifier after it applies to it alone
    return pattern[out[-1]] if out else ""


_INLINE_FLAGS = re.compile(r"\(\?[a-zA-Z^-]")


def _class_end(p: str, i: int) -> int:
    """The index after the class opening at ``i`` (-1 when unclosed or nested)."""
    i += 1
    if i < len(p) and p[i] == "^":
        i += 1
    if i < len(p) and p[i] == "]":
        i += 1
    while i < len(p):
        c = p[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            return -1
        if c == "]":
            return i + 1
        i += 1
    return -1


def _group_end(p: str, i: int) -> int:
    """The index after the group opening at ``i`` (-1 when unclosed)."""
    depth = 0
    while i < len(p):
        c = p[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(p, i)
            if i < 0:
                return -1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1
