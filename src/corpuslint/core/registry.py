"""The rule registry: every rule, built-in or third-party, comes through one entry-point group.

A distribution registers rules under ``[project.entry-points."corpuslint.rules"]``; the entry
point names a rule class or a sequence of rule classes. corpuslint's own rules are registered the
same way (``corpuslint = "corpuslint.rules:ALL_RULES"``); when the package runs from a source tree
without installed metadata, the built-in entry is loaded directly so nothing is lost.
"""

from __future__ import annotations

import re
from importlib import import_module
from importlib.metadata import entry_points
from typing import Iterable

from .rule import CorpusRule, DocumentRule, Rule

GROUP = "corpuslint.rules"
BUILTIN = "corpuslint.rules:ALL_RULES"
CODE_RE = re.compile(r"^[A-Z]{2,5}\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class RegistryError(RuntimeError):
    pass


def _load(target: object, origin: str) -> list[type[Rule]]:
    items: Iterable[object]
    if isinstance(target, type):
        items = [target]
    elif isinstance(target, (list, tuple)):
        items = target
    else:
        raise RegistryError(f"{origin}: entry point must name a rule class or a list of them")
    out = []
    for item in items:
        if not (isinstance(item, type) and issubclass(item, (DocumentRule, CorpusRule))):
            raise RegistryError(f"{origin}: {item!r} is not a DocumentRule or CorpusRule")
        if not CODE_RE.match(getattr(item, "code", "")):
            raise RegistryError(f"{origin}: {item.__name__} has no valid code (e.g. ENC001)")
        if not NAME_RE.match(getattr(item, "name", "")):
            raise RegistryError(f"{origin}: {item.code} name must be kebab-case")
        out.append(item)
    return out


def _resolve(value: str) -> object:
    module, _, attr = value.partition(":")
    obj: object = import_module(module)
    for part in attr.split(".") if attr else ():
        obj = getattr(obj, part)
    return obj


def discover() -> dict[str, type[Rule]]:
    """All registered rules by code, in code order."""
    rules: dict[str, type[Rule]] = {}
    eps = list(entry_points(group=GROUP))
    values = [ep.value for ep in eps]
    sources = [(ep.value, ep.load, f"entry point {ep.name!r}") for ep in eps]
    if BUILTIN not in values:
        sources.insert(0, (BUILTIN, lambda: _resolve(BUILTIN), "built-in rules"))
    for _value, load, origin in sources:
        try:
            target = load()
        except Exception as exc:  # a broken plugin must not take the linter down silently
            raise RegistryError(f"cannot load {origin}: {exc}") from exc
        for rule in _load(target, origin):
            other = rules.get(rule.code)
            if other is not None and other is not rule:
                raise RegistryError(f"rule code {rule.code} is registered twice ({origin})")
            rules[rule.code] = rule
    return dict(sorted(rules.items()))
