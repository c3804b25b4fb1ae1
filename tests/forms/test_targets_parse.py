"""The indicator-value parser: every spelling of a comparison found in the wild, and a property test
that any spelling of a generated (comparison, number, unit) parses back to the same triple."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perfbudget.model.performance import Comparison
from perfbudget.recognize.forms.targets import parse_target

GE, LE, EQ, GT, LT = Comparison.GE, Comparison.LE, Comparison.EQ, Comparison.GT, Comparison.LT

CASES = [
    # (printed, op, number, unit, spelling)
    ("≥95%", GE, "95", "%", "symbol"),
    ("≤10", LE, "10", None, "symbol"),
    ("≥100%", GE, "100", "%", "symbol"),
    ("＞85％", GT, "85", "%", "fullwidth"),
    ("＜4000件", LT, "4000", "件", "fullwidth"),
    ("≧90%", GE, "90", "%", "fullwidth"),
    ("》90%", GE, "90", "%", "book_title"),
    ("《15万元", LE, "15", "万元", "book_title"),
    ("=1次", EQ, "1", "次", "equals"),
    ("=100%", EQ, "100", "%", "equals"),
    (">=5次", GE, "5", "次", "ascii"),
    ("<=4人", LE, "4", "人", "ascii"),
    (">2500家次", GT, "2500", "家次", "ascii"),
    ("<4000件", LT, "4000", "件", "ascii"),
    ("> 85 %", GT, "85", "%", "ascii"),
    (r"$\geq 100$", GE, "100", None, "latex"),
    (r"$\leq 0$", LE, "0", None, "latex"),
    (r"$\geq 98\%$", GE, "98", "%", "latex"),
    ("100%≥", GE, "100", "%", "reversed"),
    ("95%以上", GE, "95", "%", "suffix"),
    ("10%以下", LE, "10", "%", "suffix"),
    ("5天以内", LE, "5", "天", "suffix"),
    ("不低于95%", GE, "95", "%", "word"),
    ("不少于200篇", GE, "200", "篇", "word"),
    ("不高于106ug/m3", LE, "106", "ug/m3", "word"),
    ("不超过3000元", LE, "3000", "元", "word"),
    ("达到95%", GE, "95", "%", "word"),
    ("大于70%", GT, "70", "%", "word"),
    ("小于5%", LT, "5", "%", "word"),
    ("501个", None, "501", "个", None),
    ("1,300,000", None, "1300000", None, None),
    ("≤1044000元", LE, "1044000", "元", "symbol"),
    ("≥2509.48万元", GE, "2509.48", "万元", "symbol"),
    ("≤20元/册", LE, "20", "元/册", "symbol"),
    ("≥1500人/次", GE, "1500", "人/次", "symbol"),
    ("０.５万元", None, "0.5", "万元", None),
]


@pytest.mark.parametrize(("printed", "op", "number", "unit", "spelling"), CASES)
def test_spellings(printed, op, number, unit, spelling):
    target = parse_target(printed)
    assert target is not None
    assert (target.op, target.number, target.unit, target.spelling) == (op, Decimal(number), unit, spelling)
    assert target.qualitative is None and not target.operator_only


@pytest.mark.parametrize(("printed", "op"), [("≥", GE), (r"$\geq$", GE), ("≤", LE), ("＞", GT)])
def test_operator_without_number(printed, op):
    target = parse_target(printed)
    assert target.op == op and target.operator_only and target.number is None


@pytest.mark.parametrize(
    "printed",
    [
        "得到提升",
        "全部到位",
        "达到或优于Ⅲ类比例保持100%",
        "PM10不高于106ug/m3，PM2.5不高于60ug/m3，",
        "每季度一次，每次不低于5%",
        "2020年12月底",
        "2024年9月前",
        "成本节约率4.14%",
        "不超预算",
        "无",
    ],
)
def test_qualitative_values_are_kept_whole(printed):
    target = parse_target(printed)
    assert target.qualitative == printed and target.op is None and target.number is None


def test_comparison_before_a_non_numeric_bound():
    target = parse_target("≤合同价/预算数")
    assert target.op == LE and target.number is None and target.qualitative == "合同价/预算数"


def test_book_title_marks_are_operators_only_at_the_start():
    assert parse_target("《国家地表水水质自动监测站运行管理办法》").qualitative is not None
    assert parse_target("已形成《焦作市区域环境空气质量预报》881期").op is None


@pytest.mark.parametrize("printed", ["", "  ", "/", "\\", "—", "□", "...", "…"])
def test_empty_and_placeholders_are_no_target(printed):
    assert parse_target(printed) is None


def test_approximate_number():
    target = parse_target("60余篇")
    assert target.number == Decimal("60") and target.unit == "篇" and target.approximate


def test_zero_is_a_number_not_empty():
    target = parse_target("0")
    assert target is not None and target.number == Decimal("0")


# -- property: any spelling of (op, number, unit) parses back to the same triple -----------------

_SPELLINGS = {
    GE: [
        "≥{n}{u}",
        "＞＝{n}{u}",
        "≧{n}{u}",
        ">={n}{u}",
        "》{n}{u}",
        "不低于{n}{u}",
        "不少于{n}{u}",
        "达到{n}{u}",
        "{n}{u}以上",
        "$\\geq {n}$",
        "{n}{u}≥",
    ],
    LE: [
        "≤{n}{u}",
        "≦{n}{u}",
        "<={n}{u}",
        "《{n}{u}",
        "不高于{n}{u}",
        "不超过{n}{u}",
        "{n}{u}以下",
        "$\\leq {n}$",
        "{n}{u}≤",
    ],
    GT: [">{n}{u}", "＞{n}{u}", "大于{n}{u}", "高于{n}{u}", "超过{n}{u}"],
    LT: ["<{n}{u}", "＜{n}{u}", "小于{n}{u}", "低于{n}{u}"],
    EQ: ["={n}{u}", "＝{n}{u}"],
    None: ["{n}{u}"],
}
_UNITS = ["", "%", "个", "次", "万元", "元", "元/册", "人/次", "小时", "家次", "ug/m3", "平方米"]


@st.composite
def spelled(draw):
    op = draw(st.sampled_from(list(_SPELLINGS)))
    template = draw(st.sampled_from(_SPELLINGS[op]))
    unit = "" if "$" in template else draw(st.sampled_from(_UNITS))
    integer = draw(st.integers(min_value=0, max_value=10**9))
    places = draw(st.integers(min_value=0, max_value=4))
    number = Decimal(integer).scaleb(-places)
    printed = str(number)
    if draw(st.booleans()) and places == 0 and integer >= 1000:
        printed = f"{integer:,}"  # thousands separators
    return template.format(n=printed, u=unit), op, number, unit or None


@given(spelled())
def test_any_spelling_parses_back(case):
    printed, op, number, unit = case
    target = parse_target(printed)
    assert target is not None, printed
    assert (target.op, target.number, target.unit) == (op, number, unit), printed
    assert target.qualitative is None
