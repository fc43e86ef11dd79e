"""What a check sees: one value, whatever the stage, filled by the evaluation (thidua.evaluation).

Every check has the signature ``check(ctx: CheckContext) -> Iterable[Diagnostic]``.
A check reads the model and what the core already computed for it (totals, the
result, the previous year's handover proposal); it never loads a file and never
recomputes a figure, so a check module imports nothing but leaves at run time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: a rule module stays a leaf at run time
    from thidua.core.handover import Handover
    from thidua.core.results import BlocResult
    from thidua.core.scoring import MemberTotal
    from thidua.core.settings import Settings
    from thidua.model import BlocYear, Config, ProvinceUnits


def _no_totals(member_id: str) -> None:
    return None


@dataclass(frozen=True, slots=True)
class CheckContext:
    """Attributes:
    config: the province's thidua.yaml.
    settings: the settings in force (the bloc's own, else the province's).
    by: the bloc-year being checked; None when thidua.yaml is checked on its own.
    folder: the name of the folder the file is in (must equal ``by.bloc``).
    stem: the file name without .yaml (must equal ``by.year``).
    previous: the same bloc's file for the year before, when it loads without errors.
    history: the bloc's earlier files that load, ascending, ending with ``previous``.
    total_of: a member's arithmetic by id (core.scoring.MemberTotal; None for an unknown id),
      computed once when first asked for.
    result: the scored bloc-year (stage ``score``).
    previous_handover: the handover proposed after ``previous`` (stage ``history``).
    units: the province's units in this year's and last year's files (stage ``province``).
    """

    config: Config
    settings: Settings
    by: BlocYear | None = None
    folder: str = ""
    stem: str = ""
    previous: BlocYear | None = None
    history: tuple[BlocYear, ...] = ()
    total_of: Callable[[str], MemberTotal | None] = _no_totals
    result: BlocResult | None = None
    previous_handover: Handover | None = None
    units: ProvinceUnits | None = None

    @property
    def scoring(self):
        return self.settings.scoring

    @property
    def awards(self):
        return self.settings.awards

    @property
    def rotation(self):
        return self.settings.rotation
