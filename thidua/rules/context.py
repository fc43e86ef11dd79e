"""What a check sees: one value, whatever the stage, filled by the evaluation (thidua.evaluation).

Every check has the signature ``check(ctx: CheckContext) -> Iterable[Diagnostic]``.
A check reads the model and what the core already computed for it (totals, the
result, the previous year's handover proposal); it never loads a file and never
recomputes a figure, so a check module imports nothing but leaves at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: a rule module stays a leaf at run time
    from thidua.core.handover import Handover
    from thidua.core.results import BlocResult
    from thidua.core.scoring import MemberTotal
    from thidua.core.settings import Settings
    from thidua.model import BlocYear, Config, ProvinceUnits


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
    totals: every member's arithmetic (stage ``bloc`` on); empty without a scoring table.
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
    totals: tuple[MemberTotal, ...] = ()
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
