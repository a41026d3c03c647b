"""Declarative rule packs: the data rules read (patterns, lexicons, replacement tables).

Built-in packs live in the repository's top-level ``rules/`` folder, which the wheel ships as
``corpuslint/_rules``. Users add folders with ``rule-packs = ["my-rules"]``; a file there with
the same relative path as a built-in one *extends* it (its entries are read after the built-in
ones), unless its first line is ``# replace`` (text files) or it sets ``replace = true`` (TOML),
in which case it replaces everything read before it.

A user pack is data from outside the project, read by rules that run every line of the corpus
through its patterns: every string of a user pack that compiles as a regular expression is
tried on probe lines built from its own characters under a time limit (``PATTERN_TIME_LIMIT``,
the ``regex`` module's ``timeout``). One that backtracks catastrophically (``(a|aa)+$``: 18 s on
a 34-character line) is a ``PackError`` naming the pack and the pattern, before any file is
linted, instead of a run that never ends.
"""

from __future__ import annotations

import sys
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Sequence

import regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PATTERN_TIME_LIMIT = 0.25  # seconds a user pattern may take on one probe line (of ~50 characters)
_PROBE_LENGTH = 48


class PackError(ValueError):
    pass


def builtin_rules_dir() -> Path:
    here = Path(__file__).resolve().parent.parent  # src/corpuslint
    shipped = here / "_rules"  # inside an installed wheel
    if shipped.is_dir():
        return shipped
    return here.parent.parent / "rules"  # source checkout / editable install


class PackStore:
    """Finds pack files in the built-in folder and in user folders, in that order."""

    def __init__(self, user_dirs: Sequence[Path | str] = ()) -> None:
        self.builtin = builtin_rules_dir()
        self.dirs: tuple[Path, ...] = (self.builtin, *(Path(d) for d in user_dirs))
        self._checked: set[Path] = set()

    def _check_user(self, path: Path, strings: Iterator[str]) -> None:
        """Refuse a user pack whose patterns run away (see the module docstring)."""
        if path in self._checked or path.parent == self.builtin or self.builtin in path.parents:
            return
        for text in strings:
            slow = runaway_pattern(text)
            if slow is not None:
                raise PackError(f"rule pack {path}: pattern {text!r} {slow}; simplify it (no nested "
                                "or overlapping repetition such as (a|aa)+ or (a+)+)")
        self._checked.add(path)

    def files(self, relpath: str) -> list[Path]:
        return [d / relpath for d in self.dirs if (d / relpath).is_file()]

    def _required(self, relpath: str) -> list[Path]:
        files = self.files(relpath)
        if not files:
            raise PackError(f"rule pack {relpath!r} not found in {', '.join(map(str, self.dirs))}")
        return files

    def fingerprint(self) -> str:
        """Changes when any pack file changes; part of the cache key."""
        parts = []
        for d in self.dirs:
            if d.is_dir():
                for p in sorted(d.rglob("*")):
                    if p.is_file():
                        st = p.stat()
                        parts.append(f"{p}:{st.st_size}:{st.st_mtime_ns}")
        return "|".join(parts)

    def lines(self, relpath: str) -> list[str]:
        """Non-empty, non-comment lines of a text pack (``#`` starts a comment line)."""
        out: list[str] = []
        for path in self._required(relpath):
            raw = _read(path)
            self._check_user(path, (cell for line in _content_lines(raw) for cell in line.split("\t")))
            if raw.lstrip().startswith("# replace"):
                out = []
            out.extend(_content_lines(raw))
        return out

    def chars(self, relpath: str) -> frozenset[str]:
        """The characters of a pack written as runs of characters, any number a line (spaces
        ignored): ``typ/surnames.txt``, ``ver/function_chars.txt`` and the like."""
        return frozenset("".join(self.lines(relpath)).replace(" ", ""))

    def table(self, relpath: str, columns: int | None = None) -> list[list[str]]:
        """Tab-separated rows of a text pack."""
        rows = []
        for line in self.lines(relpath):
            row = [c.strip() for c in line.split("\t")]
            if columns is not None and len(row) < columns:
                raise PackError(f"{relpath}: expected {columns} tab-separated columns in {line!r}")
            rows.append(row)
        return rows

    def toml(self, relpath: str) -> dict[str, Any]:
        """A TOML pack; list values of later files extend earlier ones, other values override."""
        merged: dict[str, Any] = {}
        for path in self._required(relpath):
            data = _load_toml(path)
            self._check_user(path, _strings(data))
            if data.get("replace"):
                merged = {}
            for key, value in data.items():
                if key == "replace":
                    continue
                if isinstance(value, list) and isinstance(merged.get(key), list):
                    merged[key] = merged[key] + value
                else:
                    merged[key] = value
        return merged


@lru_cache(maxsize=256)
def _read_cached(path: str, mtime: int) -> str:
    return Path(path).read_text(encoding="utf-8")


def _read(path: Path) -> str:
    try:
        return _read_cached(str(path), path.stat().st_mtime_ns)
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"cannot read rule pack {path}: {exc}") from exc


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(_read(path))
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{path}: invalid TOML: {exc}") from exc


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def runaway_pattern(pattern: str) -> str | None:
    """Why ``pattern`` (if it is a regular expression) is too slow to run on a corpus, or None.
    Probes: lines of the pattern's own literal characters, repeated, then one that matches
    nothing, which is what makes nested repetition backtrack exponentially."""
    if not any(c in pattern for c in "*+{"):
        return None  # no repetition, no runaway backtracking
    try:
        compiled = regex.compile(pattern)
    except (regex.error, ValueError, OverflowError):
        return None  # not a regular expression: literal text, matched as such
    unescaped = regex.sub(r"\\.", "", pattern)  # \d, \w, \s name classes, not characters
    literal = [c for c in dict.fromkeys(unescaped) if unicodedata.category(c)[0] in "LNS" and c not in "$^|"]
    units = literal[:4] + ["a", "1"]  # a letter and a digit stand for \w and \d
    probes = [u * _PROBE_LENGTH for u in units] + ["".join(units) * (_PROBE_LENGTH // len(units))]
    for probe in probes:
        for line in (probe + "\x00", probe + "\x00" + "".join(units), probe):
            try:
                compiled.search(line, timeout=PATTERN_TIME_LIMIT)
            except TimeoutError:
                return (f"takes more than {PATTERN_TIME_LIMIT} s on the line {line[:12]!r}… "
                        f"({len(line)} characters)")
    return None


def _content_lines(raw: str) -> Iterator[str]:
    for line in raw.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            yield line.rstrip("\n")
