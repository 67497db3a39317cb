"""motesplan: plan the meeting year of bodies that meet in linked series.

State the rules once (:class:`Problem`), solve them with OR-Tools CP-SAT
(:func:`solve`), check any plan against them (:func:`check`), and write the
plan for people and for programs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from motesplan._convert import Weekday
from motesplan._files import write_atomic
from motesplan.checker import CheckResult, Violation, check
from motesplan.config import Config, config_from_text, load_config
from motesplan.cost_report import format_costs
from motesplan.diff import Changes, changes
from motesplan.errors import ConfigError, MotesplanError, PlanFormatError, ValidationError
from motesplan.explain import ConflictRule, Explanation, format_explanation
from motesplan.freedays import Calendar, Slot
from motesplan.ics import (
    invitation,
    meeting_uid,
    publish_calendar,
    stamp_from_environment,
    write_changes,
    write_invitations,
)
from motesplan.ics_read import BusyCalendar, read_calendar
from motesplan.model import (
    Body,
    Count,
    DateRange,
    Form,
    Link,
    Member,
    Pin,
    Problem,
    Series,
    Weights,
)
from motesplan.plan import Cost, Meeting, MeetingStatus, Plan, Result, Status
from motesplan.plan_json import plan_from_json, plan_to_json, read_plan_json, result_to_json
from motesplan.replan import Alternative, Alternatives, ReplanResult
from motesplan.replan_report import format_alternatives, format_replan
from motesplan.report import format_plan, format_result
from motesplan.rotation import (
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
from motesplan.rotation_checker import RotationCheck, RotationViolation, check_rotation
from motesplan.rotation_report import format_rotation_table, rotation_markdown, rotation_to_json
from motesplan.unavailable import (
    Block,
    BlockKind,
    BridgeDays,
    ClosedDates,
    ClosedPeriod,
    PublicHolidays,
    SchoolBreaks,
)

# ``from motesplan.replan import ...`` above bound the submodule as this package's
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


def __getattr__(name: str) -> Any:
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
    "Calendar",
    "Changes",
    "CheckResult",
    "ClosedDates",
    "ClosedPeriod",
    "Config",
    "ConfigError",
    "ConflictRule",
    "Cost",
    "Count",
    "DateRange",
    "Deviation",
    "Exclusion",
    "Explanation",
    "Form",
    "Grouping",
    "Link",
    "Meeting",
    "MeetingStatus",
    "Member",
    "MotesplanError",
    "Pin",
    "Plan",
    "PlanFormatError",
    "Problem",
    "Progress",
    "PublicHolidays",
    "ReplanResult",
    "Result",
    "Role",
    "RotationCheck",
    "RotationPlan",
    "RotationProblem",
    "RotationResult",
    "RotationViolation",
    "RotationYear",
    "SchoolBreaks",
    "Series",
    "Slot",
    "SolveOptions",
    "Status",
    "Term",
    "ValidationError",
    "Violation",
    "Weekday",
    "Weights",
    "__version__",
    "alternatives",
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
    "invitation",
    "load_config",
    "meeting_uid",
    "plan_from_json",
    "plan_to_json",
    "publish_calendar",
    "read_calendar",
    "read_plan_json",
    "replan",
    "result_to_json",
    "rotation_markdown",
    "rotation_to_json",
    "solve",
    "solve_rotation",
    "stamp_from_environment",
    "write_atomic",
    "write_changes",
    "write_invitations",
]
