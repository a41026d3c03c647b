"""## What it finds
Advertising and contact blocks pasted into a page: lines giving phone numbers, WeChat ids,
e-mail addresses (`产业招商/厂房土地租售:400 0123 021`, `或微信/手机:13391219793`), together with
the short lines around them that belong to the same ad (`葛毅明微信号`, `请说明您的需求、用途…,
以便快速帮您对接资源。`, `长按/扫一扫加葛毅明的微信号`). Patterns and words are in
`rules/chr/contact.toml`.

A contact line is short, or opens with a contact label (`电话：`, `微信：`), and holds contact
data; a sentence of the article that mentions a hotline (`市民可拨打12345热线咨询。`) is not one.
From each contact line the block grows over neighbouring short lines that hold ad or contact
words (`微信`, `需求`, `对接`, `租售` …), at most `max_block` lines.

A notice's own contact section (introduced by `…联系方式：` or `联系人：` on the line above it, or
naming a `联系人`, with no advertising words or messenger ids in it) is the article's and is left.
So is one contact line alone between the article's sentences with no advertising in it (a list
of places, each with its `游客咨询电话：…`).

## Why it matters
Ads and contact details are not the article; phone numbers and ids are also personal data that
a corpus should not keep.

## Example
```text
葛毅明微信号                               <- CHR005 (block)
产业招商/厂房土地租售:400 0123 021
或微信/手机:13391219793
```

## Fix
Delete the block. **Unsafe**: the block is found from its contents, and its edges are a guess.

## Options
- `max_line_length` (int, 60): longest line taken as a contact line without a label.
- `max_block` (int, 8): most lines in one block.
"""

from __future__ import annotations

from ...core import Applicability
from ...page.chrome.contact import ContactDetector
from ._base import ChromeRule


class ContactBlock(ChromeRule):
    code = "CHR005"
    name = "contact-block"
    summary = "Advertising or contact block (phone numbers, WeChat ids) in a scraped page"
    fix = Applicability.UNSAFE
    detector = ContactDetector
    options = dict(ContactDetector.defaults)
