"""Words that recur in every budget table: Chinese ordinals, total labels, meta rows."""

from __future__ import annotations

import re

from perfbudget.read.clean import squash

CHINESE_DIGITS = "一二三四五六七八九十"
# 一、 / （一）、 / （一） — the bracketed form needs no mark after it (（一）农林水支出)
ORDINAL = re.compile(
    rf"^(?:[（(][{CHINESE_DIGITS}]+[)）][、.．，,]?|[（(]?[{CHINESE_DIGITS}]+[)）]?[、.．，,])\s*"
)
NUMBERED = re.compile(r"^(?:\d+|[①②③④⑤⑥⑦⑧⑨⑩])[、.．]?\s*")

TOTAL_LABELS = re.compile(r"(?:^|[^其])(?:合计|总计)$|^合计|^总计")
META_ROW = re.compile(
    r"^(?:(?:部门|单位|填报单位|编制单位|编制部门|预算单位|部门名称|单位名称)[：:]|[（(]?(?:金额)?单位[：:]\s*(?:万?元|千元|亿元)|"
    r"\d{4}年度?$|预算代码[：:])"
)
# 续表 printed on a line of its own, or the title printed again with （续）: the table goes on
CONTINUED = re.compile(r"(?:续表|续上表|[（(]续表?[）)])[:：]?")
CONTINUED_MARK = re.compile(r"\s*[（(]续表?[）)]$|^续表\s*")
UNIT = re.compile(r"(?:金额)?单位[：:]\s*(万元|元|千元|亿元)")
# a unit printed in a column header: 合计（万元）, 金额(元)
HEADER_UNIT = re.compile(r"[（(](万元|元|千元|亿元)[）)]$")
LABEL = re.compile(
    r"^(?:(?:部门|预算|决算)?公开(?:表)?\d+表?|(?:预算|决算|部门)公开表\d+|附?表[一二三四五六七八九十\d]+)$"
)
NOTE = re.compile(r"^(?:注|说明|备注)\s*\d*\s*[：:]")
DECLARED_EMPTY = re.compile(
    r"本表无数据|无数据|(?:本|此|该)?表(?:为空|以空表|不涉及)|空表"
    r"|本(?:部门|单位)?(?:没有|无).{0,20}(?:故|因此)本表"
    r"|(?:本|我)(?:部门|单位)(?:本年度?|\d{4}年度?)?(?:无此项|不涉及此项|不涉及该项)"
)


def strip_ordinal(label: str) -> str:
    """``十一、节能环保支出`` → ``节能环保支出``; ``①公务用车购置费`` → ``公务用车购置费``."""
    label = ORDINAL.sub("", label, count=1)
    return NUMBERED.sub("", label, count=1) if label[:1] in "①②③④⑤⑥⑦⑧⑨⑩" else label


def has_ordinal(label: str) -> bool:
    return bool(ORDINAL.match(label))


def is_total_label(label: str) -> bool:
    # every total label ends in 合计 or 总计 (TOTAL_LABELS): without a 计 there is nothing to squash
    return "计" in label and TOTAL_LABELS.search(squash(label)) is not None


def is_column_numbers(texts: list[str]) -> bool:
    """A 栏次 row: ``栏次 | □ | 1 | …`` or ``1 | 2 | 3 …`` (consecutive column numbers)."""
    first = next(filter(None, texts), None)
    if first is None:
        return False
    if "次" in first and squash(first) in ("栏次", "行次"):
        return True
    if not first.isdigit():
        return False  # cheap test first: most rows start with a word
    filled = list(filter(None, texts))
    if len(filled) < 2 or not all(map(str.isdigit, filled)):
        return False
    numbers = list(map(int, filled))
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))
