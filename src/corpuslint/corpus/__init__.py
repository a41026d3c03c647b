"""Shared corpus model: normalisation, paragraphs, signatures, version groups."""

from .model import Corpus, DocFeatures
from .normalize import fold, fold_with_offsets, to_simplified

__all__ = ["Corpus", "DocFeatures", "fold", "fold_with_offsets", "to_simplified"]
