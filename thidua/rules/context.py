"""What a bloc-year check sees: the bloc-year, the province config, and the year before."""

from __future__ import annotations

from dataclasses import dataclass

from thidua.model import AwardPolicy, BlocYear, Config, RotationPolicy, ScoringPolicy


@dataclass(frozen=True, slots=True)
class BlocCheck:
    """Attributes:
    by: the bloc-year being checked (loaded without fatal errors).
    config: the province's thidua.yaml.
    folder: the name of the folder the file is in (must equal ``by.bloc``).
    stem: the file name without .yaml (must equal ``by.year``).
    previous: the same bloc's file for the year before, when it loads.
    history: the bloc's earlier files that load, ascending (for cooldowns and lineage).
    """

    by: BlocYear
    config: Config
    folder: str
    stem: str
    previous: BlocYear | None = None
    history: tuple[BlocYear, ...] = ()  # earlier years, ascending, ending with ``previous``

    @property
    def scoring(self) -> ScoringPolicy:
        return self.by.scoring or self.config.scoring

    @property
    def awards(self) -> tuple[AwardPolicy, ...]:
        return self.by.awards or self.config.awards

    @property
    def rotation(self) -> RotationPolicy:
        return self.by.rotation or self.config.rotation
