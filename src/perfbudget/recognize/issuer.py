"""Whom a table is printed for: the department or unit its meta rows name (部门：…, 单位名称：…)
or its title prints before the year or kind (青川市生态环境局2025年部门收支总表)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from perfbudget.read.blocks import RawRow
from perfbudget.recognize.catalogue import TITLE_LABEL

_DEPARTMENT = re.compile(r"(?:部门名称|部门|单位名称|预算单位|填报单位|编制单位)[：:]\s*([^\s|，,]{2,40})")
# The issuer printed at the head of a title: 青川市生态环境局2025年部门收支总表, 2025年青川市
# 生态环境局部门预算. It ends with what a public body's name ends with, and a budget word follows.
_ISSUER = re.compile(
    "^" + TITLE_LABEL + r"(?:\d{4}年度?)?"
    r"([^\d\s“”\"（）()、，,：:]{2,30}?(?:局|委员会|委|办公室|办|院|厅|部|中心|站|所|队|馆|会|室|处|署|社|学校|中学|小学|大学|幼儿园|医院|机关)"
    r"(?:[（(](?:汇总|本级|合并)[）)])?)"
    r"(?=\d{4}年|(?:部门|单位)?(?:预算|决算|收支|收入|支出|财政拨款|一般公共预算|政府性基金|国有资本|项目支出|三公|“三公”|机关运行|基本支出))"
)
# 焦作市生态环境局（汇总）: the department consolidated over its units, or its own office alone
SCOPE = re.compile(r"[（(](汇总|本级|合并)[）)]$")
_NOT_AN_ISSUER = ("部门", "单位", "本部门", "本单位", "市级部门", "省级部门", "县级部门")


def without_scope(name: str) -> str:
    """``焦作市生态环境局（汇总）`` → ``焦作市生态环境局``."""
    return SCOPE.sub("", name)


def named_in(rows: Iterable[RawRow]) -> list[str]:
    """The departments or units that meta rows name, in order (部门：焦作市生态环境局（汇总）)."""
    names = []
    for row in rows:
        for cell in row.filled:
            match = _DEPARTMENT.search(cell.text)
            if match:
                names.append(match.group(1))
    return names


def issuer_of_title(title: str) -> str | None:
    """The department a title prints before its year or kind, if any (most titles print none)."""
    match = _ISSUER.match("".join(title.split()))
    if match is None or match.group(1) in _NOT_AN_ISSUER:
        return None
    return match.group(1)


def table_issuer(title: str, meta: list[RawRow]) -> str | None:
    """Whom one table is printed for: its meta rows say it, else its title."""
    names = named_in(meta)
    return names[0] if names else issuer_of_title(title)
