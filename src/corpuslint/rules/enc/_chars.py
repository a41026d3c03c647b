"""Character tables of the ENC rules, read from the `enc/characters.toml` rule pack."""

from __future__ import annotations

from dataclasses import dataclass

from ...core import PackError, PackStore


@dataclass(frozen=True)
class CharInfo:
    char: str
    name: str
    safe: bool


def char_table(packs: PackStore, key: str) -> dict[str, CharInfo]:
    data = packs.toml("enc/characters.toml")
    out: dict[str, CharInfo] = {}
    for entry in data.get(key, []):
        ch = entry.get("char")
        if not isinstance(ch, str) or len(ch) != 1:
            raise PackError(f"enc/characters.toml: {key}: entry {entry!r} needs one 'char'")
        out[ch] = CharInfo(ch, str(entry.get("name", f"U+{ord(ch):04X}")), entry.get("fix", "safe") == "safe")
    return out
