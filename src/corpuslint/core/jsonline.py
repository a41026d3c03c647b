"""One JSONL line: parsed without recursion limits, and its string fields located exactly.

``json.loads`` recurses once per nesting level, so a line nested a thousand deep raises
``RecursionError`` (not ``ValueError``) and a hostile record anywhere under the corpus root would
abort a run. ``parse_json_line`` measures the nesting depth first with a flat scan and refuses a
line deeper than ``MAX_DEPTH`` with a clear ``JsonLineError``.

``field_span`` finds where a top-level key's value is in the line, so ``--fix`` can replace
exactly those characters and nothing else: ``1e999``, ``1E5``, long decimals, key order,
duplicate keys and the spacing of the record survive byte for byte. Like ``json.loads``, the
last of duplicate keys is the one read, so it is the one replaced.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

MAX_DEPTH = 200  # no corpus record nests deeper; json.loads would recurse ~1000 levels at most

# Strings (skipped whole, so brackets inside them do not count) and brackets.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)
_WS = " \t\n\r"
_SCAN = json.JSONDecoder().scan_once


class JsonLineError(ValueError):
    """A line that is not a JSON object (the message says why, without the line number)."""


def nesting_depth(line: str) -> int:
    depth = deepest = 0
    for m in _TOKEN.finditer(line):
        c = m.group()[0]
        if c in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif c in "]}":
            depth -= 1
    return deepest


def parse_json_line(line: str) -> dict[str, Any]:
    """The JSON object on ``line``; ``JsonLineError`` when it is not valid JSON, not an object,
    or nested more than ``MAX_DEPTH`` levels deep."""
    if nesting_depth(line) > MAX_DEPTH:
        raise JsonLineError(f"is nested more than {MAX_DEPTH} levels deep")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise JsonLineError(f"is not valid JSON: {exc.msg}") from exc
    except RecursionError as exc:  # pragma: no cover - the depth check comes first
        raise JsonLineError("is nested too deeply") from exc
    if not isinstance(record, dict):
        raise JsonLineError("is not a JSON object")
    return record


def field_span(line: str, key: str) -> tuple[int, int] | None:
    """(start, end) of the value of top-level ``key`` on a line holding a JSON object, in code
    points (the value's whole token: quotes included for a string); None when the key is absent.
    The line must have passed ``parse_json_line``."""
    i = _skip(line, 0)
    if i >= len(line) or line[i] != "{":
        raise JsonLineError("is not a JSON object")
    i = _skip(line, i + 1)
    found: tuple[int, int] | None = None
    if i < len(line) and line[i] == "}":
        return None
    while True:
        if i >= len(line) or line[i] != '"':
            raise JsonLineError("is not valid JSON: expected a key")
        name, i = scanstring(line, i + 1)
        i = _skip(line, i)
        if i >= len(line) or line[i] != ":":
            raise JsonLineError("is not valid JSON: expected ':'")
        start = _skip(line, i + 1)
        try:
            _, end = _SCAN(line, start)
        except StopIteration as exc:
            raise JsonLineError("is not valid JSON: expected a value") from exc
        if name == key:
            found = (start, end)  # the last of duplicate keys wins, as in json.loads
        i = _skip(line, end)
        if i < len(line) and line[i] == ",":
            i = _skip(line, i + 1)
            continue
        if i < len(line) and line[i] == "}":
            return found
        raise JsonLineError("is not valid JSON: expected ',' or '}'")


def _skip(line: str, i: int) -> int:
    while i < len(line) and line[i] in _WS:
        i += 1
    return i
