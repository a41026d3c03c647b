"""Rule family ENC: encodings, undecodable files, invisible and odd characters, mojibake."""

from __future__ import annotations

from .control_character import ControlCharacter
from .invisible_character import InvisibleCharacter
from .invisible_whitespace_line import InvisibleWhitespaceLine
from .mojibake import Mojibake
from .non_utf8_encoding import NonUtf8Encoding
from .undecodable_file import UndecodableFile

RULES: list[type] = [NonUtf8Encoding, UndecodableFile, InvisibleWhitespaceLine, ControlCharacter,
                     InvisibleCharacter, Mojibake]
