"""## What it finds
Share bars, QR-code and app prompts and print/send buttons left in the text of a page:
`分享给朋友:`, `分享到：`, `长按/扫一扫加…的微信号`, `扫一扫在手机打开当前页`, `打印本页`,
`下载法广应用程序跟踪国际时事`, `微信微博快手` (phrases in `rules/chr/share.toml`).

Only short lines that are not sentences are reported: `市民扫一扫二维码即可预约挂号。` is article
text.

## Why it matters
Prompts addressed to the reader of a web page mean nothing in a corpus and recur on every page
of a site.

## Example
```text
分享给朋友:        <- CHR003
```

## Fix
Delete the line. **Safe** when the line is only a prompt from the `whole_lines` list (`分享到：`,
`打印本页`); **unsafe** otherwise (the line may carry a name or a caption).

## Options
- `max_length` (int, 40): longest line considered.
"""

from __future__ import annotations

from ...core import Applicability
from ...page.chrome.share import ShareDetector
from ._base import ChromeRule


class SharePrompt(ChromeRule):
    code = "CHR003"
    name = "share-prompt"
    summary = "Share bar, QR-code or app prompt left in the text of a page"
    fix = Applicability.SAFE
    detector = ShareDetector
    options = dict(ShareDetector.defaults)
