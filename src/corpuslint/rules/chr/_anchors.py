"""The chrome anchors of a page: every line a CHR detector recognises (navigation, meta lines,
share prompts, notices, contact blocks, article lists, interface words, reader comments), each
detector with its default options, computed once per document and kept on the page model.

CHR010 grows blocks of chrome from these lines; it does not run the rules (whether they are
enabled in a run or not, the anchors are the same)."""

from __future__ import annotations

from functools import lru_cache

from ...core import Document, PackStore, RuleContext
from ._base import ChromeRule, hits_of
from .article_list import ArticleList
from .contact_block import ContactBlock
from .copyright_notice import CopyrightNotice
from .meta_line import MetaLine
from .navigation_line import NavigationLine
from .reader_comments import ReaderComments
from .share_prompt import SharePrompt
from .site_ui_text import SiteUiText

DETECTORS: tuple[type[ChromeRule], ...] = (NavigationLine, MetaLine, SharePrompt, CopyrightNotice,
                                           ContactBlock, ArticleList, SiteUiText, ReaderComments)


@lru_cache(maxsize=8)
def _detectors(dirs: tuple) -> tuple[ChromeRule, ...]:  # type: ignore[type-arg]
    packs = PackStore(dirs[1:])
    return tuple(cls(RuleContext({}, packs)) for cls in DETECTORS)


def chrome_anchors(doc: Document, packs: PackStore) -> dict[int, str]:
    """Block index -> code of the first detector that recognised the line."""
    out: dict[int, str] = {}
    for det in _detectors(tuple(packs.dirs)):
        for hit in hits_of(det, doc):
            for b in hit.blocks:
                out.setdefault(b.para.index, det.code)
    return out
