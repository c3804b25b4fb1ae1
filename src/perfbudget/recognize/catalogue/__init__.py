"""The catalogue of known table kinds and column headers, kept as data (TOML) beside this file."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from perfbudget.read.clean import squash
from perfbudget.recognize.vocabulary import HEADER_UNIT

_HERE = Path(__file__).parent
# a table label before a title: 公开01表, 表3, 表三 (not the 一 of a following 一般), 附表1-2, 附件2
TITLE_LABEL = (
    r"(?:(?:(?:部门|预算|决算)?公开(?:表)?\d+表?|附?表(?:\d+|[一二三四五六七八九十]+(?!般))(?:[-—]\d+)?"
    r"|附件\d+(?:[-—]\d+)?)[、.．：:]?)?"
)
_TITLE_PREFIX = re.compile(
    "^" + TITLE_LABEL + r"(?:\d{4}年度?)?"
    # an issuer: never a 表 (the issuer ends before the title) nor the 部 of 部门
    r"(?:[^\d表]{0,30}?(?:局|委|办|院|厅|部(?!门)|中心|站|所|队|馆|会|室)(?=\d{4}年|[^\d]{0,4}(?:部门|单位)?(?:预算|决算|收支|收入|支出|财政|一般|政府|国有|项目|三公|“|\"|机关|基本)))?"
    r"(?:\d{4}年度?)?"
)
_TITLE_SUFFIX = re.compile(r"[（(][^）)]{1,12}[）)]$")


@dataclass(frozen=True)
class TableKind:
    id: str
    name: str
    titles: tuple[re.Pattern[str], ...]
    rows: str
    code_system: str = "functional"
    scoped: bool = True  # a scope (一般公共预算财政拨款…) may stand before the title pattern


@dataclass(frozen=True)
class ColumnWord:
    pattern: re.Pattern[str]
    key: str
    kind: str  # measure | code | name | line_no | side | group


@cache
def _tables_toml() -> dict:
    return tomllib.loads((_HERE / "tables.toml").read_text(encoding="utf-8"))


@cache
def _never() -> re.Pattern[str]:
    return re.compile("|".join(_tables_toml().get("never", [])) or r"(?!)")


@cache
def kinds() -> tuple[TableKind, ...]:
    data = _tables_toml()
    return tuple(
        TableKind(
            id=k["id"],
            name=k["name"],
            titles=tuple(re.compile(t + "$") for t in k["titles"]),
            rows=k["rows"],
            code_system=k.get("code_system", "functional"),
            scoped=k.get("scoped", True),
        )
        for k in data["kind"]
    )


@cache
def column_words() -> tuple[ColumnWord, ...]:
    data = tomllib.loads((_HERE / "columns.toml").read_text(encoding="utf-8"))
    return tuple(
        ColumnWord(re.compile(c["pattern"]), c["key"], c.get("kind", "measure")) for c in data["column"]
    )


def title_core(text: str) -> str:
    """A title without whitespace, leading table label, issuer and year, and a trailing qualifier."""
    core = squash(text).strip("　")
    core = _TITLE_PREFIX.sub("", core, count=1)
    return core


def kind_of_title(text: str) -> TableKind | None:
    """The kind whose title pattern matches ``text``, or ``None``."""
    if len(text) > 80 or not text.rstrip(" \u3000□").endswith(("表", "）", ")")):
        return None  # cheap test first: most rows are not titles
    core = title_core(text)
    if not core.endswith(("表", "）", ")")) or len(core) > 48:
        return None
    if _never().search(core):
        return None
    bare = _TITLE_SUFFIX.sub("", core)
    # the qualifier first: （按经济科目） tells two tables of one name apart; （2024年） does not
    for candidate in (core, bare) if bare != core else (bare,):
        for kind in kinds():
            for pattern in kind.titles:
                match = pattern.search(candidate)
                if match is not None and _anchored(match, candidate, kind.scoped):
                    return kind
    return None


# words of a narrower scope, never of an issuer
_NARROWER = re.compile("收入|支出|拨款|资金|经费|采购|购买|补助|人员|结转|结余")


def _anchored(match: re.Match[str], bare: str, scoped: bool) -> bool:
    """The pattern must cover the whole title, apart from a short issuer/scope prefix (an issuer
    only, for a kind that a scope would narrow: 政府采购支出决算表 is no 支出决算表)."""
    start = match.start()
    return start == 0 or (start <= 12 and (scoped or _NARROWER.search(bare, 0, start) is None))


_YEAR = re.compile(r"(\d{4})")


@cache
def column_word(text: str) -> ColumnWord | None:
    """The column word a header text is (cached: headers repeat across tables and documents)."""
    key = squash(text)
    if not key:
        return None
    if key[-1] == "）" and (unit := HEADER_UNIT.search(key)) is not None and unit.start() > 0:
        key = key[: unit.start()]  # 合计（万元）: the unit belongs to the table, not to the key
    for word in column_words():
        if word.pattern.fullmatch(key):
            if word.kind == "group" and (year := _YEAR.search(key)):
                # 2023年预算数 | 2024年预算数 side by side: the year tells the groups apart
                return ColumnWord(word.pattern, f"{word.key}_{year.group(1)}", word.kind)
            return word
    return None
