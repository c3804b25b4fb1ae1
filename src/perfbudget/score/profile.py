"""Scoring profiles: the weights, completion bands and grade thresholds of a scoring scheme, as data.

A profile is one TOML file in ``score/profiles/`` (or any path): ``kind`` says what it scores
(``self_evaluation`` for 绩效自评表, ``evaluation`` for 绩效评价报告). ``docs/scoring.md`` lists every
key; adding a scheme is adding a file.
"""

from __future__ import annotations

import tomllib
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

PROFILES = Path(__file__).parent / "profiles"
DEFAULTS = {"self_evaluation": "national-self-evaluation", "evaluation": "national-evaluation"}
_ROUNDING = {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN}


class Execution(BaseModel):
    """预算执行率: its points are the rate times ``weight``, at most ``weight`` (a part of its own in a
    self-evaluation, an item of 过程 in an evaluation report)."""

    model_config = ConfigDict(frozen=True)

    name: str = "预算执行率"
    weight: Decimal


class Part(BaseModel):
    """A part of the score (产出指标, 决策 …): a level-1 group of a form, or a dimension of a report,
    belongs to it when its name contains one of ``labels``."""

    model_config = ConfigDict(frozen=True)

    key: str
    name: str
    weight: Decimal
    labels: tuple[str, ...]

    def matches(self, *names: str | None) -> bool:
        keys = ["".join((n or "").split()) for n in names]
        return any(label in key for label in self.labels for key in keys if key)


class Band(BaseModel):
    """A completion band of qualitative indicators: an actual value that is one of ``words`` earns
    ``share`` percent of the indicator's weight."""

    model_config = ConfigDict(frozen=True)

    name: str
    share: Decimal
    words: tuple[str, ...]


class Grade(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    min: Decimal


class Quantitative(BaseModel):
    model_config = ConfigDict(frozen=True)

    cap: Decimal = Decimal(100)  # completion is capped at this percentage


class Profile(BaseModel):
    model_config = ConfigDict(frozen=True, populate_by_name=True)

    name: str
    kind: str  # self_evaluation | evaluation
    title: str
    basis: str = ""
    use_document_weights: bool = True
    decimals: int = 2
    rounding: str = "half_up"
    execution: Execution | None = None
    parts: tuple[Part, ...] = Field(default=(), alias="part")
    quantitative: Quantitative = Quantitative()
    bands: tuple[Band, ...] = Field(default=(), alias="band")
    grades: tuple[Grade, ...] = Field(default=(), alias="grade")

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        if value not in DEFAULTS:
            raise ValueError(f"kind must be one of {', '.join(DEFAULTS)}, not {value!r}")
        return value

    @field_validator("rounding")
    @classmethod
    def _rounding(cls, value: str) -> str:
        if value not in _ROUNDING:
            raise ValueError(f"rounding must be one of {', '.join(_ROUNDING)}, not {value!r}")
        return value

    @property
    def total(self) -> Decimal:
        """The points of the whole scheme (100 for the national ones). 预算执行率 is a part of its own
        in a self-evaluation; in an evaluation it is an item of the 过程 dimension."""
        separate = self.execution.weight if self.execution and self.kind == "self_evaluation" else Decimal(0)
        return separate + sum((p.weight for p in self.parts), Decimal(0))

    def round(self, value: Decimal) -> Decimal:
        """Rounded to the profile's decimals the way the documents print (``half_up``: 6.105 → 6.11)."""
        return value.quantize(Decimal(1).scaleb(-self.decimals), rounding=_ROUNDING[self.rounding])

    def part_for(self, *names: str | None) -> Part | None:
        for part in self.parts:
            if part.matches(*names):
                return part
        return None

    def grade_of(self, total: Decimal | None) -> str | None:
        if total is None:
            return None
        for grade in sorted(self.grades, key=lambda g: g.min, reverse=True):
            if total >= grade.min:
                return grade.name
        return None

    def band_of(self, word: str) -> Band | None:
        key = "".join(word.split()).strip("。.，,；;")
        for band in self.bands:
            if key in band.words:
                return band
        return None

    def thresholds(self) -> str:
        """``优 ≥ 90，良 ≥ 80，中 ≥ 60，差 ≥ 0``."""
        ordered = sorted(self.grades, key=lambda g: g.min, reverse=True)
        return "，".join(f"{g.name} ≥ {g.min}" for g in ordered)


def parse_profile(text: str) -> Profile:
    return Profile.model_validate(tomllib.loads(text))


@cache
def load_profile(name: str) -> Profile:
    """A profile by name (``national-self-evaluation``, a file of ``score/profiles/``) or by path."""
    path = Path(name)
    if not path.suffix:
        path = PROFILES / f"{name}.toml"
    if not path.exists():
        known = ", ".join(available_profiles())
        raise ValueError(f"no scoring profile {name!r} (known: {known})")
    return parse_profile(path.read_text(encoding="utf-8"))


def default_profile(kind: str) -> Profile:
    return load_profile(DEFAULTS[kind])


def available_profiles() -> list[str]:
    return sorted(p.stem for p in PROFILES.glob("*.toml"))
