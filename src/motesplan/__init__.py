"""motesplan: plan the meeting year of bodies that meet in linked series.

State the rules once (:class:`Problem`), solve them with OR-Tools CP-SAT
(:func:`solve`), check any plan against them (:func:`check`), and write the
plan for people and for programs.
"""

from __future__ import annotations

import importlib
import warnings
from typing import TYPE_CHECKING, Any

from motesplan._convert import Weekday
from motesplan._files import write_atomic
from motesplan._version import __version__
from motesplan.booking.caldav_sync import (
    CaldavError,
    Change,
    ChangeKind,
    SyncReport,
    publish_to_caldav,
)
from motesplan.booking.mail import (
    Mail,
    MailError,
    Security,
    SendReport,
    SentRecord,
    SmtpServer,
    mails,
    send_mails,
    write_eml,
)
from motesplan.config import Config, config_from_text, load_config
from motesplan.errors import ConfigError, MotesplanError, PlanFormatError, ValidationError
from motesplan.formats.ics_read import read_calendar
from motesplan.formats.ics_write import (
    CalendarMessage,
    change_messages,
    invitation,
    invitation_messages,
    meeting_uid,
    publish_calendar,
    stamp_from_environment,
    write_changes,
    write_invitations,
)
from motesplan.formats.plan_json import plan_from_json, plan_to_json, read_plan_json, result_to_json
from motesplan.formats.rotation_json import rotation_to_json
from motesplan.planner.busy import BusyCalendar
from motesplan.planner.checker import CheckResult, Violation, check
from motesplan.planner.diff import Changes, changes
from motesplan.planner.explanation import ConflictRule, Explanation
from motesplan.planner.freedays import FreeDays, Slot
from motesplan.planner.plan import Cost, Meeting, MeetingStatus, Plan, Result, Status
from motesplan.planner.problem import (
    Body,
    Count,
    CountPer,
    DateRange,
    Form,
    Invitee,
    Link,
    Member,
    Milestone,
    Pin,
    Problem,
    Representative,
    Series,
    Weights,
)
from motesplan.planner.replan import Alternative, Alternatives, ReplanResult
from motesplan.planner.rules import MeetingRef, Rule
from motesplan.planner.unavailable import (
    Block,
    BlockKind,
    BridgeDays,
    ClosedDates,
    ClosedPeriod,
    PublicHolidays,
    SchoolBreaks,
)
from motesplan.reports.costs import format_costs
from motesplan.reports.explanation import format_explanation
from motesplan.reports.pages import plan_page, rotation_page
from motesplan.reports.pdf import PdfError, html_to_pdf
from motesplan.reports.plan import format_plan, format_result
from motesplan.reports.replan import format_alternatives, format_replan
from motesplan.reports.rotation import format_rotation_table, rotation_markdown
from motesplan.rotation.checker import RotationCheck, RotationViolation, check_rotation
from motesplan.rotation.problem import (
    Agreement,
    Deviation,
    Exclusion,
    Grouping,
    Role,
    RotationPlan,
    RotationProblem,
    RotationResult,
    RotationYear,
    Term,
)
from motesplan.rotation.rules import RotationRule
from motesplan.source import Source

# ``from motesplan.planner.replan import ...`` above bound the submodule as this package's
# attribute ``replan``; that name is the solver's function, looked up below.
globals().pop("replan", None)

if TYPE_CHECKING:
    from motesplan.solver import (
        Progress,
        SolveOptions,
        alternatives,
        replan,
        solve,
        solve_rotation,
    )

# The solver loads OR-Tools (and numpy, pandas, protobuf), which takes longer than all
# the rest of motesplan: it is imported on first use of one of these names (PEP 562), so
# checking a plan, listing free days or ``motesplan --help`` never load it.
_SOLVER_NAMES = frozenset(
    {"Progress", "SolveOptions", "alternatives", "replan", "solve", "solve_rotation"}
)


_RENAMED = {"Calendar": "FreeDays"}
"""Old public names, still importable for a while with a DeprecationWarning."""


def __getattr__(name: str) -> Any:
    if name in _RENAMED:
        new = _RENAMED[name]
        warnings.warn(
            f"motesplan.{name} is now motesplan.{new} (the free days of a problem, not a"
            f" calendar file); the old name will go in a later version",
            DeprecationWarning,
            stacklevel=2,
        )
        return globals()[new]
    if name in _SOLVER_NAMES:
        value = getattr(importlib.import_module("motesplan.solver"), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _SOLVER_NAMES)


__all__ = [
    "Agreement",
    "Alternative",
    "Alternatives",
    "Block",
    "BlockKind",
    "Body",
    "BridgeDays",
    "BusyCalendar",
    "CaldavError",
    "CalendarMessage",
    "Change",
    "ChangeKind",
    "Changes",
    "CheckResult",
    "ClosedDates",
    "ClosedPeriod",
    "Config",
    "ConfigError",
    "ConflictRule",
    "Cost",
    "Count",
    "CountPer",
    "DateRange",
    "Deviation",
    "Exclusion",
    "Explanation",
    "Form",
    "FreeDays",
    "Grouping",
    "Invitee",
    "Link",
    "Mail",
    "MailError",
    "Meeting",
    "MeetingRef",
    "MeetingStatus",
    "Member",
    "Milestone",
    "MotesplanError",
    "PdfError",
    "Pin",
    "Plan",
    "PlanFormatError",
    "Problem",
    "Progress",
    "PublicHolidays",
    "ReplanResult",
    "Representative",
    "Result",
    "Role",
    "RotationCheck",
    "RotationPlan",
    "RotationProblem",
    "RotationResult",
    "RotationRule",
    "RotationViolation",
    "RotationYear",
    "Rule",
    "SchoolBreaks",
    "Security",
    "SendReport",
    "SentRecord",
    "Series",
    "Slot",
    "SmtpServer",
    "SolveOptions",
    "Source",
    "Status",
    "SyncReport",
    "Term",
    "ValidationError",
    "Violation",
    "Weekday",
    "Weights",
    "__version__",
    "alternatives",
    "change_messages",
    "changes",
    "check",
    "check_rotation",
    "config_from_text",
    "format_alternatives",
    "format_costs",
    "format_explanation",
    "format_plan",
    "format_replan",
    "format_result",
    "format_rotation_table",
    "html_to_pdf",
    "invitation",
    "invitation_messages",
    "load_config",
    "mails",
    "meeting_uid",
    "plan_from_json",
    "plan_page",
    "plan_to_json",
    "publish_calendar",
    "publish_to_caldav",
    "read_calendar",
    "read_plan_json",
    "replan",
    "result_to_json",
    "rotation_markdown",
    "rotation_page",
    "rotation_to_json",
    "send_mails",
    "solve",
    "solve_rotation",
    "stamp_from_environment",
    "write_atomic",
    "write_changes",
    "write_eml",
    "write_invitations",
]
