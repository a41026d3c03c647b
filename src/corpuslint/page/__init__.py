"""The page model (one layout per document, read by CHR, LAY, NRM, DUP and VER): paragraph kinds,
runs of same-kind lines, the article body span, head and tail zones, the comment-thread zone
(``comments``), and the one line-deletion edit. Imports: core -> text -> page -> corpus -> rules."""

from .comments import CommentZone, comment_zone, comments
from .kinds import ITEM_MAX, KindData, kind_data, running, unclosed
from .layout import REPEAT_MIN, Block, Page, delete_lines, is_prose, page, title_key

__all__ = ["ITEM_MAX", "REPEAT_MIN", "Block", "CommentZone", "comment_zone", "comments", "KindData", "Page", "delete_lines", "is_prose", "kind_data", "page",
           "running", "title_key", "unclosed"]
