"""Character classes and punctuation of Chinese text, from one data pack (rules/text/).

Every rule family and the page model read these definitions: what a Han character is, what
ends a sentence, what separates clauses, which marks open and close, what a bullet is.
Imports: core -> text -> page -> corpus -> rules.
"""

from .patterns import AnyOf, any_pattern, any_word
from .width import cell_width
from .nfkc import nfkc
from .chars import (
                    BULLET,
                    CHARS,
                    CLAUSE_PUNCT,
                    HAN,
                    HAN_CLASS,
                    KANA,
                    STRONG_END,
                    Chars,
                    char_class,
                    ends_sentence,
                    han_count,
                    has_han,
                    has_clause_punct,
                    is_han,
                    strip_closers,
)

__all__ = [
                    "AnyOf",
                    "any_pattern",
                    "any_word",
                    "cell_width",
                    "nfkc",
                    "BULLET",
                    "CHARS",
                    "CLAUSE_PUNCT",
                    "HAN",
                    "HAN_CLASS",
                    "KANA",
                    "STRONG_END",
                    "Chars",
                    "char_class",
                    "ends_sentence",
                    "han_count",
                    "has_han",
                    "has_clause_punct",
                    "is_han",
                    "strip_closers",
]
