"""Configuration: ``[tool.corpuslint]`` in ``pyproject.toml`` or a ``corpuslint.toml``.

Found by walking up from the linted paths; CLI flags override it. Rule selection works like
ruff's: ``select`` replaces the default set, ``extend-select`` adds to it, ``ignore`` removes from
it, each entry a code or a prefix of codes (``"CHR"``, ``"CHR00"``, ``"CHR001"``), and for every
rule the most specific (longest) matching entry decides; at equal length ``ignore`` wins. A rule
that is off by default is only switched on by a selector that names it more precisely than its
family (``"VER005"``, or ``"ALL"`` which names every rule).
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import math
import os
import re
import sys
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any, Mapping, Sequence

from .rule import family_of

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILES = ("corpuslint.toml", ".corpuslint.toml", "pyproject.toml")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".corpuslint_cache", "node_modules", ".venv", "venv",
                   "__pycache__", ".tox", ".mypy_cache", ".pytest_cache")
DEFAULT_EXTENSIONS = (".txt", ".md", ".jsonl")


@lru_cache(maxsize=1 << 16)
def _relative(path: str, root: str) -> str | None:
    """``path`` relative to ``root`` (both resolved), or None outside it. Memoised: findings,
    excludes and the index ask for the same few paths many times in a run."""
    try:
        p = Path(path)
        if p.name in ("", ".", "..") or p.is_symlink():
            resolved = p.resolve()
        else:
            # A file that is not a link resolves inside its resolved folder: one lstat, not one
            # per part of the path (a corpus of many files in few folders).
            resolved = _resolved(str(p.parent)) / p.name
        return resolved.relative_to(_resolved(root)).as_posix()
    except (ValueError, OSError, RuntimeError):
        return None


@lru_cache(maxsize=65536)
def _relpath(path: str, root: str | None) -> str:
    """``Config.relpath``, memoised like the folders below: a run asks for each document's path
    four or five times (excludes, per-file ignores, the corpus entries, version keys)."""
    if root is not None:
        rel = _relative(path, root)
        if rel is not None:
            return rel
    return PurePosixPath(Path(path).as_posix()).as_posix()


@lru_cache(maxsize=4096)
def _resolved(folder: str) -> Path:
    return Path(folder).resolve()


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    rule_packs: tuple[Path, ...] = ()
    jsonl_field: str = "text"
    jsonl_id: str | None = "id"
    jsonl_group: str | None = None
    version_groups: tuple[tuple[str, ...], ...] = ()
    version_pattern: str | None = None
    root: Path | None = None  # folder of the config file, or where linting started
    source: Path | None = None  # the config file read, if any

    # -- selection -----------------------------------------------------------------------------
    def is_enabled(self, code: str, default_enabled: bool) -> bool:
        family_len = len(family_of(code))
        best_len, enabled = -1, False
        if self.select is None:
            best_len, enabled = (0, True) if default_enabled else (-1, False)
        for sel in (self.select or ()) + self.extend_select:
            n = _match_len(sel, code)
            if n < 0:
                continue
            if not default_enabled and n <= family_len and sel != "ALL":
                continue  # a family prefix does not switch on an opt-in rule
            if n > best_len or (n == best_len and not enabled):
                best_len, enabled = n, True
        for ign in self.ignore:
            n = _match_len(ign, code)
            if n >= 0 and n >= best_len:
                best_len, enabled = n, False
        return enabled

    def ignored_for_path(self, path: str | None) -> tuple[str, ...]:
        if not path or not self.per_file_ignores:
            return ()
        rel = self.relpath(path)
        out: list[str] = []
        for pattern, codes in self.per_file_ignores.items():
            if glob_match(rel, pattern):
                out.extend(codes)
        return tuple(out)

    def options_for(self, code: str) -> Mapping[str, Any]:
        return self.rule_options.get(code, {})

    def relpath(self, path: str) -> str:
        return _relpath(path, str(self.root) if self.root is not None else None)

    def is_excluded(self, path: Path) -> bool:
        return self.is_excluded_rel(self.relpath(str(path)))

    def is_excluded_rel(self, rel: str) -> bool:
        """``is_excluded`` for a posix path already relative to the root (the index's walk
        computes it per folder instead of resolving every file)."""
        parts = [p for p in rel.split("/") if p and p != "."]
        for pattern in DEFAULT_EXCLUDE:
            if pattern in parts:
                return True
        patterns = self.exclude + self.extend_exclude
        return bool(patterns) and any(glob_match(rel, pat) or any(fnmatch.fnmatch(part, pat) for part in parts)
                                      for pat in patterns)

    def excludes_by_name_only(self) -> bool:
        """Whether only the built-in folder names exclude (no configured pattern): a walk that
        has already entered a folder then needs no check per file but of its name."""
        return not (self.exclude or self.extend_exclude)

    def fingerprint(self) -> str:
        data = {
            "select": self.select, "extend_select": self.extend_select, "ignore": self.ignore,
            "options": self.rule_options, "packs": [str(p) for p in self.rule_packs],
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _match_len(selector: str, code: str) -> int:
    if selector == "ALL":
        return 0
    return len(selector) if code.startswith(selector) else -1


def glob_match(relpath: str, pattern: str) -> bool:
    """Glob over a posix relative path: ``**`` crosses folders; a pattern without ``/`` also
    matches the file name alone (as .gitignore does)."""
    pat = pattern.strip("/")
    if "/" not in pat and fnmatch.fnmatch(PurePosixPath(relpath).name, pat):
        return True
    if PurePosixPath(relpath).match(pat):
        return True
    return fnmatch.fnmatch(relpath, pat) or fnmatch.fnmatch(relpath, pat.replace("**/", ""))


# -- loading ---------------------------------------------------------------------------------
def find_config_file(start: Path) -> Path | None:
    start = Path(os.path.abspath(start))
    folder = start if start.is_dir() else start.parent
    for d in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = d / name
            if candidate.is_file():
                if name == "pyproject.toml" and not _has_tool_section(candidate):
                    continue
                return candidate
    return None


def _has_tool_section(path: Path) -> bool:
    """Whether a pyproject.toml holds ``[tool.corpuslint]``. One that cannot be parsed but
    names corpuslint is an error, not a file to skip (a parent config would silently win)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        if "corpuslint" in text:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
        return False
    return "corpuslint" in data.get("tool", {})


def load_config(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: config is not UTF-8: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("corpuslint", {})
    return config_from_mapping(data, root=path.parent, source=path)


_KNOWN = {
    "select", "extend-select", "ignore", "per-file-ignores", "exclude", "extend-exclude",
    "extensions", "rules", "rule-packs", "jsonl-field", "jsonl-id", "jsonl-group",
    "version-groups", "version-pattern",
}


def config_from_mapping(data: Mapping[str, Any], *, root: Path | None = None,
                        source: Path | None = None) -> Config:
    where = str(source) if source else "config"
    data = {k.replace("_", "-"): v for k, v in data.items()}
    unknown = sorted(set(data) - _KNOWN)
    if unknown:
        raise ConfigError(f"{where}: unknown setting(s): {', '.join(unknown)}")

    def strings(key: str) -> tuple[str, ...] | None:
        if key not in data:
            return None
        value = data[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: {key} must be a list of strings")
        return tuple(value)

    for key in ("select", "extend-select", "ignore"):
        for code in strings(key) or ():
            if code != "ALL" and not _looks_like_selector(code):
                raise ConfigError(f"{where}: {key}: {code!r} is not a rule code or prefix")

    pfi_raw = data.get("per-file-ignores", {})
    if not isinstance(pfi_raw, dict):
        raise ConfigError(f"{where}: per-file-ignores must be a table of glob = [codes]")
    pfi: dict[str, tuple[str, ...]] = {}
    for glob, codes in pfi_raw.items():
        if isinstance(codes, str):
            codes = [codes]
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise ConfigError(f"{where}: per-file-ignores.{glob} must be a list of codes")
        if not codes:
            raise ConfigError(f"{where}: per-file-ignores.{glob} names no rule")
        for code in codes:
            if code != "ALL" and not _looks_like_selector(code):
                raise ConfigError(f"{where}: per-file-ignores.{glob}: {code!r} is not a rule code or prefix")
        pfi[glob] = tuple(codes)

    rules_raw = data.get("rules", {})
    if not isinstance(rules_raw, dict) or not all(isinstance(v, dict) for v in rules_raw.values()):
        raise ConfigError(f"{where}: [rules.CODE] tables hold per-rule options")
    options = {code: {k.replace("-", "_"): v for k, v in opts.items()}
               for code, opts in rules_raw.items()}

    packs = tuple((root / p) if root else Path(p) for p in strings("rule-packs") or ())
    for p in packs:
        if not p.is_dir():
            raise ConfigError(f"{where}: rule-packs folder {p} does not exist")
        _check_pack_folder(p, where)
    check_rule_options(options, where)

    groups_raw = data.get("version-groups", [])
    if not isinstance(groups_raw, list) or not all(
        isinstance(g, list) and all(isinstance(x, str) for x in g) for g in groups_raw
    ):
        raise ConfigError(f"{where}: version-groups must be a list of lists of paths")

    exts = strings("extensions")
    kwargs: dict[str, Any] = dict(
        select=strings("select"),
        extend_select=strings("extend-select") or (),
        ignore=strings("ignore") or (),
        per_file_ignores=pfi,
        exclude=strings("exclude") or (),
        extend_exclude=strings("extend-exclude") or (),
        rule_options=options,
        rule_packs=packs,
        version_groups=tuple(tuple(g) for g in groups_raw),
        root=root,
        source=source,
    )
    if exts is not None:
        kwargs["extensions"] = tuple(e if e.startswith(".") else "." + e for e in exts)
    for key, attr in (("jsonl-field", "jsonl_field"), ("jsonl-id", "jsonl_id"),
                      ("jsonl-group", "jsonl_group"), ("version-pattern", "version_pattern")):
        if key in data:
            if not isinstance(data[key], str):
                raise ConfigError(f"{where}: {key} must be a string")
            kwargs[attr] = data[key]
    if "version_pattern" in kwargs:
        try:
            re.compile(kwargs["version_pattern"])
        except re.error as exc:
            raise ConfigError(f"{where}: version-pattern {kwargs['version_pattern']!r} is not a valid "
                              f"regular expression: {exc}") from exc
    return Config(**kwargs)


def _check_pack_folder(folder: Path, where: str) -> None:
    """A rule-pack folder holds pack files, and every file under it is read for the cache key:
    ``/`` or the home folder is a mistake (a run would walk the whole disk), not a pack."""
    real = Path(os.path.realpath(folder))
    if real == Path(real.anchor):
        raise ConfigError(f"{where}: rule-packs folder {folder} is /, not a folder of rule packs")
    if real == Path(os.path.realpath(os.path.expanduser("~"))):
        raise ConfigError(f"{where}: rule-packs folder {folder} is the home folder, "
                          "not a folder of rule packs")


# Options whose meaning bounds their value: shares, thresholds and similarities are fractions,
# lengths in characters are never negative. Other options (TYP's gains) are left to their rules.
def _is_fraction(name: str) -> bool:
    return name in ("threshold", "max_similarity") or name.endswith("_share")


def _is_length(name: str) -> bool:
    return name == "min_chars" or (name.startswith("min_") and name.endswith("_chars"))


def check_rule_options(options: Mapping[str, Mapping[str, Any]], where: str = "config") -> None:
    """ConfigError for a fraction outside [0, 1] (or NaN) and a negative length. Values of the
    wrong type are left to the rule's own type check (``core.rule.resolve_options``)."""
    for code, opts in options.items():
        for name, value in opts.items():
            key = name.replace("_", "-")
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                continue
            if _is_fraction(name) and not (math.isfinite(value) and 0 <= value <= 1):
                raise ConfigError(f"{where}: [rules.{code}] {key} = {value!r}: must be between 0 and 1")
            if _is_length(name) and not (math.isfinite(value) and value >= 0):
                raise ConfigError(f"{where}: [rules.{code}] {key} = {value!r}: must be 0 or more")


def check_selectors(config: Config, codes: Sequence[str]) -> None:
    """Every selector of the config (select, extend-select, ignore, per-file-ignores) must
    match a known rule code, and every ``[rules.CODE]`` table name one: a typo would otherwise
    silently select, ignore or configure nothing."""
    where = str(config.source) if config.source else "config"
    named: list[tuple[str, str]] = [("select", s) for s in config.select or ()]
    named += [("extend-select", s) for s in config.extend_select]
    named += [("ignore", s) for s in config.ignore]
    named += [(f"per-file-ignores.{glob}", s) for glob, sels in config.per_file_ignores.items() for s in sels]
    for key, sel in named:
        if sel != "ALL" and not any(code.startswith(sel) for code in codes):
            raise ConfigError(f"{where}: {key}: {sel!r} matches no rule (`corpuslint rules` lists them)")
    for code in config.rule_options:
        if code not in codes:
            raise ConfigError(f"{where}: [rules.{code}]: no such rule (`corpuslint rules` lists them)")


def _looks_like_selector(code: str) -> bool:
    letters = code.rstrip("0123456789")
    return 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper() and len(code) <= len(letters) + 3


def discover_config(paths: Sequence[str], explicit: str | None = None) -> Config:
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        return load_config(path)
    folders = [_folder_of(p) for p in paths if p != "-"] or [Path(os.path.abspath(os.getcwd()))]
    found = find_config_file(folders[0])
    if found is not None:
        return load_config(found)
    return Config(root=default_root(folders))


REPOSITORY_MARKERS = (".git", ".hg", ".svn")


def default_root(folders: Sequence[Path]) -> Path | None:
    """Without a config file the corpus root is the enclosing repository (git, Mercurial,
    Subversion) of the first named path, else the named paths' common folder. The home folder
    and ``/`` are never taken implicitly: a root is walked and its text copied into the cache,
    and ``corpuslint check a.txt`` run from ``$HOME`` must not index the whole home. None then
    (no root: no cache, no index; paths are shown as given)."""
    never = {Path(os.path.abspath(os.path.expanduser("~"))), Path(os.path.abspath(os.sep))}
    start = Path(os.path.abspath(folders[0]))
    for d in (start, *start.parents):
        if d in never:
            break
        if any((d / marker).exists() for marker in REPOSITORY_MARKERS):
            return d
    common = Path(os.path.commonpath([os.path.abspath(f) for f in folders]))
    return None if common in never else common


def _folder_of(path: str) -> Path:
    # abspath, not resolve: a link is found where it is written (and a link loop cannot raise)
    p = Path(os.path.abspath(path))
    return p if p.is_dir() else p.parent
