"""Rule family LAY: layout damage — broken sentences, captions among the text, lost text,
several articles in one file."""

from __future__ import annotations

from .broken_sentence import BrokenSentence
from .caption_in_text import CaptionInText
from .hard_wrapped_text import HardWrappedText
from .lost_text import LostText
from .multiple_articles import MultipleArticles

RULES: list[type] = [BrokenSentence, CaptionInText, LostText, MultipleArticles, HardWrappedText]
