"""Regenerate the rule table of README.md from the registry: python tools/update_readme.py"""

import re
from pathlib import Path

from corpuslint.cli import rules_markdown
from corpuslint.core.registry import discover

readme = Path(__file__).resolve().parent.parent / "README.md"
text = readme.read_text(encoding="utf-8")
text = re.sub(r"(<!-- rules-table[^\n]*-->\n).*?(<!-- end rules-table -->)",
              lambda m: m.group(1) + rules_markdown(discover()) + m.group(2), text, flags=re.S)
readme.write_text(text, encoding="utf-8")
