"""The small core: documents, locations, findings, fixes, rules, config, registry, rule packs.

It knows nothing of the command line or of output formats.
"""

from .config import Config, ConfigError
from .document import BLANK_CHARS, Document, Line, Paragraph, Position
from .findings import Applicability, Edit, Finding, Fix, Location, Related, Severity, related
from .packs import PackError, PackStore
from .rule import CorpusRule, DocumentRule, OptionError, Rule, RuleContext, family_of

__all__ = [
    "BLANK_CHARS", "Applicability", "Config", "ConfigError", "CorpusRule", "Document",
    "DocumentRule", "Edit", "Finding", "Fix", "Line", "Location", "OptionError", "PackError",
    "PackStore", "Paragraph", "Position", "Related", "Rule", "RuleContext", "Severity",
    "family_of", "related",
]
