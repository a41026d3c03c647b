"""The page model (one layout per document, read by CHR, LAY, NRM, DUP and VER): paragraph kinds,
the page's tables (``tables``: rows and cells that are the text's own, ``Page.in_table``), a
reference page's sections (``sections``: between its `…[编辑]` headings, ``Page.sections``), runs
of same-kind lines, the text flow (``flow``: broken sentences, captions, lost text, hard
wrapping), the article body span, head and tail zones, the comment-thread zone
(``comments``), and the one line-deletion edit. Imports: core -> text -> page -> corpus -> rules."""

from .comments import CommentZone, comment_zone, comments
from .flow import Break, Flow, FlowData, Lost, flow, flow_data
from .kinds import ITEM_MAX, KindData, kind_data, running, unclosed
from .layout import REPEAT_MIN, SHORT_KINDS, Block, Page, delete_lines, is_prose, page, title_key
from .tables import Table, TableData, table_data
from .wrap import Wrap, wrap_width

__all__ = ["ITEM_MAX", "REPEAT_MIN", "SHORT_KINDS", "Block", "Break", "CommentZone", "comment_zone", "comments",
           "Flow", "FlowData", "KindData", "Lost", "Page", "Table", "TableData", "Wrap", "delete_lines", "flow", "flow_data",
           "is_prose", "kind_data", "page", "running", "table_data", "title_key", "unclosed", "wrap_width"]
