"""Rule family NRM: normalisation — punctuation width, mixed scripts, full-width letters and
digits."""

from __future__ import annotations

from .fullwidth_alphanumeric import FullwidthAlphanumeric
from .mixed_script import MixedScript
from .punctuation_width import PunctuationWidth

RULES: list[type] = [PunctuationWidth, MixedScript, FullwidthAlphanumeric]
