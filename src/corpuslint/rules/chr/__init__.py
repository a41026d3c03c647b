"""Rule family CHR: scraped page chrome (navigation, meta lines, share prompts, notices, ads,
lists of other articles, interface words, site template lines) left in plain text."""

from __future__ import annotations

from .article_list import ArticleList
from .chrome_block import ChromeBlock
from .contact_block import ContactBlock
from .copyright_notice import CopyrightNotice
from .meta_line import MetaLine
from .navigation_line import NavigationLine
from .reader_comments import ReaderComments
from .share_prompt import SharePrompt
from .site_ui_text import SiteUiText
from .template_line import TemplateLine

RULES: list[type] = [NavigationLine, MetaLine, SharePrompt, CopyrightNotice, ContactBlock,
                     ArticleList, SiteUiText, TemplateLine, ReaderComments, ChromeBlock]
