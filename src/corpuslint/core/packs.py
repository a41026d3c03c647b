"""Declarative rule packs: the data rules read (patterns, lexicons, replacement tables).

Built-in packs live in the repository's top-level ``rules/`` folder, which the wheel ships as
``corpuslint/_rules``. Users add folders with ``rule-packs = ["my-rules"]``; a file there with
the same relative path as a built-in one *extends* it (its entries are read after the built-in
ones), unless its first line is ``# replace`` (text files) or it sets ``replace = true`` (TOML),
in which case it replaces everything read before it.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Sequence

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


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
        self.dirs: tuple[Path, ...] = (builtin_rules_dir(), *(Path(d) for d in user_dirs))

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


def _content_lines(raw: str) -> Iterator[str]:
    for line in raw.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            yield line.rstrip("\n")
