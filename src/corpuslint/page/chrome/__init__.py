"""The chrome detectors of the page model, one module per kind of chrome line: navigation
(breadcrumbs, menus), meta lines, share prompts, copyright notices, contact blocks, lists of
other articles, interface words and reader comments. Each recognises lines on a page; the CHR
rules turn its hits into findings and fixes, and ``page.anchors`` gathers the hits of all of
them (with their defaults) once per document as the page's chrome anchors."""

from ._base import MIN_CHARS, SEPARATORS, Detector, Hit, Lexicon, cover, tokens
from .article_list import ArticleListDetector
from .comments import CommentsDetector
from .contact import ContactDetector
from .copyright import CopyrightDetector
from .meta import MetaDetector
from .navigation import NavigationDetector
from .share import ShareDetector
from .ui import UiDetector

# in the order CHR001..CHR009 report them (the first that recognises a line names its anchor)
DETECTORS: tuple[type[Detector], ...] = (NavigationDetector, MetaDetector, ShareDetector, CopyrightDetector,
                                         ContactDetector, ArticleListDetector, UiDetector, CommentsDetector)

__all__ = ["DETECTORS", "MIN_CHARS", "SEPARATORS", "ArticleListDetector", "CommentsDetector", "ContactDetector",
           "CopyrightDetector", "Detector", "Hit", "Lexicon", "MetaDetector", "NavigationDetector",
           "ShareDetector", "UiDetector", "cover", "tokens"]
