"""placement-validator: prove that the figures of a share-financing release agree."""

__version__ = "0.1.0"

from .figures import Figure, Interval, Kind, Qualifier, Span  # noqa: E402
from .notation import Notation, detect, for_locale  # noqa: E402
from .pipeline import check_document, check_file, check_files, check_text  # noqa: E402
from .reader import Document, InputError  # noqa: E402
from .report import Check, DocumentReport, Report, Status  # noqa: E402
from .rulefiles import RuleFileError  # noqa: E402
from .rules import Rule, load_rules  # noqa: E402
from .settings import Settings  # noqa: E402

__all__ = [
    "Check", "Document", "DocumentReport", "Figure", "InputError", "Interval", "Kind",
    "Notation", "Qualifier", "Report", "Rule", "RuleFileError", "Settings", "Span", "Status",
    "check_document", "check_file", "check_files", "check_text", "detect", "for_locale",
    "load_rules",
]
