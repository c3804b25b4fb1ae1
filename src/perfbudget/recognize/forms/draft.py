"""A mutable stand-in for :class:`~perfbudget.model.performance.Indicator` while a form is read
(labels are filled in later, sometimes from rows below); frozen into the model at the end."""

from __future__ import annotations

from perfbudget.model.performance import Indicator

_DEFAULTS = {name: None for name in Indicator.model_fields}
_DEFAULTS["not_applicable"] = False


class Draft:
    """Same attribute names as :class:`Indicator`; a plain object, cheap to create and to change."""

    def __init__(self, line: int | None = None, page: int | None = None, period=None) -> None:
        self.__dict__.update(_DEFAULTS)
        self.repairs = []
        self.line, self.page, self.period = line, page, period

    def freeze(self) -> Indicator:
        return _validate(self.__dict__)


_validate = Indicator.__pydantic_validator__.validate_python  # Indicator(**fields), without the plumbing


def freeze(drafts: list[Draft]) -> list[Indicator]:
    return [_validate(draft.__dict__) for draft in drafts]
