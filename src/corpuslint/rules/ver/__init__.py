"""Rule family VER: versions of one article that disagree on figures, names and content."""

from __future__ import annotations

from .changed_wording import ChangedWording
from .inconsistent_figure import InconsistentFigure
from .inconsistent_name import InconsistentName
from .missing_passage import MissingPassage

RULES: list[type] = [InconsistentFigure, InconsistentName, ChangedWording, MissingPassage]
