"""Lookups in the 政府收支分类科目 reference data (no seed files needed)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from perfbudget.reference import (
    Classification,
    ExpenseKind,
    NameStatus,
    System,
    check_name,
    economic,
    functional,
    get_classification,
    government_economic,
    join_code,
    level_of,
    name_matches,
    normalize_code,
    normalize_name,
    parse_path,
    revenue,
    strip_ordinal,
    system_for_code,
)

ALL_CLASSES = {
    "201": "一般公共服务支出",
    "202": "外交支出",
    "203": "国防支出",
    "204": "公共安全支出",
    "205": "教育支出",
    "206": "科学技术支出",
    "207": "文化旅游体育与传媒支出",
    "208": "社会保障和就业支出",
    "209": "社会保险基金支出",
    "210": "卫生健康支出",
    "211": "节能环保支出",
    "212": "城乡社区支出",
    "213": "农林水支出",
    "214": "交通运输支出",
    "215": "资源勘探工业信息等支出",
    "216": "商业服务业等支出",
    "217": "金融支出",
    "219": "援助其他地区支出",
    "220": "自然资源海洋气象等支出",
    "221": "住房保障支出",
    "222": "粮油物资储备支出",
    "223": "国有资本经营预算支出",
    "224": "灾害防治及应急管理支出",
    "227": "预备费",
    "229": "其他支出",
    "230": "转移性支出",
    "231": "债务还本支出",
    "232": "债务付息支出",
    "233": "债务发行费用支出",
    "234": "抗疫特别国债安排的支出",
}

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")


# ----------------------------------------------------------------- codes


def test_level_of():
    assert level_of("211") == 1
    assert level_of("21101") == 2
    assert level_of("2110101") == 3
    assert level_of(" 2110101 ") == 3
    assert level_of("21") is None
    assert level_of("2110") is None
    assert level_of("abc") is None


def test_normalize_and_join_code():
    assert normalize_code("211-01-01") == "2110101"
    assert normalize_code("２１１０１") == "21101"
    assert normalize_code("\t2110101") == "2110101"
    assert normalize_code("21101x") is None
    assert normalize_code(None) is None
    assert normalize_code("455.42") is None  # an amount is not a code
    assert level_of("74.90") is None
    assert join_code("211", "01", "01") == "2110101"
    assert join_code("211", "01") == "21101"
    assert join_code("211") == "211"
    assert join_code("211", "", "01") is None


def test_system_for_code():
    assert system_for_code("2110101") is System.FUNCTIONAL
    assert system_for_code("30201") is System.ECONOMIC
    assert system_for_code("50201") is System.GOVERNMENT_ECONOMIC
    assert system_for_code("1030148") is System.REVENUE
    assert system_for_code("7") is None


# ----------------------------------------------------------------- names


def test_normalize_name_rules():
    assert normalize_name(" 维修（护）费 ") == normalize_name("维修(护)费")
    assert normalize_name("其它就业补助支出") == normalize_name("其他就业补助支出")
    assert normalize_name("资源勘探工业信息等支出") == normalize_name("资源勘探工业信息支出")
    assert normalize_name("商业服务业等支出") == normalize_name("商业服务业支出")
    assert normalize_name("节能　环保 支出") == "节能环保支出"
    assert normalize_name("<b>节能环保支出</b>") == "节能环保支出"
    # 等 is only dropped right before a final 支出
    assert normalize_name("等级") == "等级"


def test_strip_ordinal():
    assert strip_ordinal("十一、节能环保支出") == "节能环保支出"
    assert strip_ordinal("二十九、债务发行费用支出") == "债务发行费用支出"
    assert strip_ordinal("（三）大气") == "大气"
    assert strip_ordinal("3．大气") == "大气"
    assert strip_ordinal("5.社会保障和就业支出") == "社会保障和就业支出"
    assert strip_ordinal("一般公共服务支出") == "一般公共服务支出"
    assert strip_ordinal("三峡水库库区基金支出") == "三峡水库库区基金支出"


def test_name_matches():
    s = functional.get("215")
    assert name_matches(s, "十五、资源勘探工业信息等支出")
    assert name_matches(s, "资源勘探工业信息支出")
    assert name_matches(s, "资源勘探信息等支出")  # the pre-2019 name (alias)
    assert not name_matches(s, "商业服务业等支出")
    assert not name_matches(s, "")


# ----------------------------------------------------------------- classes


def test_all_classes_present_with_names():
    assert {s.code: s.name for s in functional.classes()} == ALL_CLASSES


@pytest.mark.parametrize("year_list_start", [0, 1])
def test_every_class_resolves_from_ordinal_form(year_list_start):
    # ordinals differ between years (节能环保支出 is 十、 in 2020 and 十一、 in 2024): any ordinal works
    for i, (code, name) in enumerate(ALL_CLASSES.items(), start=1 + year_list_start):
        printed = f"{chinese_numeral(i)}、{name}"
        assert functional.class_by_name(printed).code == code, printed


@pytest.mark.parametrize(
    ("printed", "code"),
    [
        ("十、节能环保支出", "211"),
        ("十一、节能环保支出", "211"),
        ("十五、资源勘探工业信息等支出", "215"),
        ("十五、资源勘探工业信息支出", "215"),
        ("十六、商业服务业等支出", "216"),
        ("十六、商业服务业支出", "216"),
        ("十九、自然资源海洋气象等支出", "220"),
        ("十九、自然资源海洋气象支出", "220"),
        ("二十五、其它支出", "229"),
        ("七、文化体育与传媒支出", "207"),  # pre-2019 name
        ("九、医疗卫生与计划生育支出", "210"),  # 2014-2018 name
        ("国土海洋气象等支出", "220"),
    ],
)
def test_class_name_drift(printed, code):
    assert functional.class_by_name(printed).code == code


def test_class_by_name_rejects_non_classes():
    assert functional.class_by_name("行政运行") is None
    assert functional.class_by_name("一、一般公共预算") is None


# ----------------------------------------------------------------- hierarchy


def test_hierarchy():
    assert functional.get("2110101").parent == "21101"
    assert functional.parent("2110101").code == "21101"
    assert functional.parent("211") is None
    assert [s.code for s in functional.ancestors("2110101")] == ["211", "21101", "2110101"]
    kids = [s.code for s in functional.children("21103")]
    assert kids[:2] == ["2110301", "2110302"] and kids == sorted(kids)
    assert functional.children(None) == functional.classes()
    assert {s.code for s in functional.children("21111")} >= {"2111101", "2111102", "2111103"}
    assert functional.children("2999999") == ()
    assert all(s.code.startswith("211") for s in functional.descendants("211"))
    assert functional.get("2110101").level_name == "项"


def test_classes_in_focus_have_their_kuan():
    expected = {
        "205": {"20501", "20502", "20503", "20508", "20509", "20599"},
        "208": {"20801", "20802", "20805", "20807", "20808", "20810", "20811", "20819", "20828", "20899"},
        "210": {"21001", "21002", "21003", "21004", "21007", "21011", "21012", "21013", "21015", "21099"},
        "211": {
            "21101",
            "21102",
            "21103",
            "21104",
            "21105",
            "21106",
            "21110",
            "21111",
            "21112",
            "21114",
            "21199",
        },
        "212": {"21201", "21202", "21203", "21205", "21208", "21210", "21213", "21214", "21299"},
        "221": {"22101", "22102", "22103"},
        "229": {"22902", "22960", "22999"},
    }
    for cls, kuan in expected.items():
        assert kuan <= {s.code for s in functional.children(cls)}, cls


# ----------------------------------------------------------------- name checks


def test_check_name_match():
    result = check_name("functional", "2110101", "行政运行")
    assert result.ok and result.status is NameStatus.MATCH
    assert result.reference_name == "行政运行"


def test_check_name_wrong_name_reports_reference():
    result = check_name(System.FUNCTIONAL, "2110101", "一般行政管理事务")
    assert not result.ok
    assert result.status is NameStatus.MISMATCH
    assert result.reference_name == "行政运行"
    assert [s.code for s in result.candidates] == ["2110102"]
    assert "科目名称与编码不符" in result.message
    assert "行政运行" in result.message and "2110102" in result.message


def test_check_name_alias_is_ok_but_flagged():
    result = check_name("functional", "2080599", "其他行政事业单位离退休支出")
    assert result.ok and result.status is NameStatus.ALIAS
    assert result.reference_name == "其他行政事业单位养老支出"
    assert result.matched_name == "其他行政事业单位离退休支出"


def test_check_name_tolerates_drift_and_width():
    assert check_name("functional", "215", "资源勘探工业信息支出").ok
    assert check_name("functional", "2080799", "其它就业补助支出").ok
    assert check_name("economic", "30213", "维修(护)费").ok
    assert check_name("economic", "30212", "因公出国(境)费用").ok


def test_check_name_unknown_code():
    result = check_name("functional", "2119999", "其他节能环保支出")
    assert result.status is NameStatus.UNKNOWN_CODE
    assert result.subject is None and result.reference_name is None
    assert [s.code for s in result.candidates] == ["2119901"]  # the nearest code of that name


def test_check_name_year_validity():
    assert check_name("functional", "224", "灾害防治及应急管理支出", year=2018).in_force is False
    assert check_name("functional", "224", "灾害防治及应急管理支出", year=2024).in_force is True
    assert check_name("functional", "224", "灾害防治及应急管理支出").in_force is None


# ----------------------------------------------------------------- name lookups


def test_economic_by_name():
    assert economic.by_name("办公费").code == "30201"
    assert economic.by_name("工资福利支出").code == "301"
    assert economic.by_name("商品和服务支出").code == "302"
    assert economic.by_name("对个人和家庭的补助").code == "303"
    assert economic.by_name("资本性支出").code == "310"
    assert economic.by_name("维修(护)费").code == "30213"
    assert economic.by_name("其他交通费用").code == "30239"
    assert economic.by_name("其他支出").code == "399"  # 类 before 款 39999
    assert economic.by_name("其他支出", level=2).code == "39999"


def test_economic_ambiguous_name_needs_scope():
    assert economic.by_name("办公设备购置") is None
    assert [s.code for s in economic.find_by_name("办公设备购置")] == ["30902", "31002"]
    assert economic.by_name("办公设备购置", under="310").code == "31002"


def test_government_economic_by_name():
    gov = government_economic
    assert gov.by_name("办公经费").code == "50201"
    assert gov.by_name("工资奖金津补贴").code == "50101"
    assert gov.by_name("社会保障缴费").code == "50102"
    assert gov.by_name("住房公积金").code == "50103"
    assert gov.by_name("其他工资福利支出").code == "50199"
    assert gov.by_name("工资福利支出").code == "50501"
    assert gov.by_name("商品和服务支出").code == "50502"
    assert gov.by_name("离退休费").code == "50905"
    assert gov.by_name("社会福利和救助").code == "50901"
    assert gov.by_name("机关工资福利支出").code == "501"
    # 资本性支出 is 50601 资本性支出（一） or 50602 资本性支出（二）: ambiguous, both offered
    assert gov.by_name("资本性支出") is None
    assert [s.code for s in gov.find_by_name("资本性支出")] == ["50601", "50602"]


def test_functional_by_name_scoped():
    assert functional.by_name("行政运行") is None
    assert functional.by_name("行政运行", under="21101").code == "2110101"
    assert functional.by_name("其他节能环保支出").code == "21199"
    assert functional.by_name("2024年") is None


def test_economic_classes_complete():
    assert [s.code for s in economic.classes()] == [
        "301",
        "302",
        "303",
        "307",
        "309",
        "310",
        "311",
        "312",
        "313",
        "399",
    ]
    assert [s.code for s in government_economic.classes()] == [
        *(str(c) for c in range(501, 515)),
        "599",
    ]


def test_expense_kind():
    for code in ("301", "303", "30101", "30302"):
        assert economic.get(code).expense_kind is ExpenseKind.PERSONNEL, code
    for code in ("302", "307", "310", "399", "30201", "31002"):
        assert economic.get(code).expense_kind is ExpenseKind.PUBLIC, code
    assert economic.get("312").expense_kind is None
    assert government_economic.get("50501").expense_kind is ExpenseKind.PERSONNEL
    assert government_economic.get("50502").expense_kind is ExpenseKind.PUBLIC
    assert ExpenseKind.PERSONNEL.label == "人员经费"


def test_revenue():
    assert [s.code for s in revenue.classes()] == ["101", "102", "103", "104", "105", "110"]
    assert revenue.get("103").name == "非税收入"
    assert revenue.get("10301").name == "政府性基金收入"
    assert revenue.get("1030148").name == "国有土地使用权出让收入"
    assert revenue.parent("1030148").code == "10301"
    assert revenue.by_name("国有土地使用权出让收入").code == "1030148"
    assert check_name("revenue", "1030148", "国有土地使用权出让收入").ok


# ----------------------------------------------------------------- paths


def test_parse_path():
    assert parse_path("1．教育支出（类）进修及培训（款）培训支出（项）。年初预算为9.65万元") == [
        "教育支出",
        "进修及培训",
        "培训支出",
    ]
    assert parse_path("“社会保障和就业支出（208类）行政事业单位养老支出（05款）行政单位离退休（01项）”") == [
        "社会保障和就业支出",
        "行政事业单位养老支出",
        "行政单位离退休",
    ]


def test_resolve_path():
    assert functional.resolve_path(["教育支出", "进修及培训", "培训支出"]).code == "2050803"
    assert functional.resolve_path("节能环保支出（类）污染防治（款）大气（项）").code == "2110301"
    assert functional.resolve_path(["节能环保支出"]).code == "211"
    # a misprinted 款 name is skipped unless strict, as long as the 项 name is unique in the class
    path = ["社会保障和就业支出", "行政事业单位养老", "其他行政事业单位离退休支出"]
    assert functional.resolve_path(path).code == "2080599"
    assert functional.resolve_path(path, strict=True) is None
    # an ambiguous 项 name after a bad 款 does not resolve
    assert functional.resolve_path(["节能环保支出", "没有这个款", "行政运行"]) is None
    assert functional.resolve_path(["没有这个类", "行政运行"]) is None


# ----------------------------------------------------------------- systems and data integrity


def test_get_classification():
    assert get_classification("functional") is functional
    assert get_classification(System.ECONOMIC) is economic
    assert get_classification("economic_dept") is economic
    assert get_classification("government_economic") is government_economic
    assert get_classification("revenue") is revenue
    with pytest.raises(ValueError):
        get_classification("nonsense")


@pytest.mark.parametrize("system", list(System))
def test_data_integrity(system):
    cls = get_classification(system)
    subjects = list(cls)
    assert len(subjects) == len({s.code for s in subjects})
    for s in subjects:
        assert s.system is system
        assert s.level == level_of(s.code)
        assert s.parent is None or cls.get(s.parent) is not None
        assert s.evidence in {"seed", "web", "memory"}, s
        assert s.name and s.name == s.name.strip()
        assert s.valid_from is None or s.valid_to is None or s.valid_from <= s.valid_to
    # sibling names (and aliases) are distinct after normalisation, so a name never hides a code
    for parent in {s.parent for s in subjects}:
        names = [normalize_name(n) for s in cls.children(parent) for n in s.names]
        assert len(names) == len(set(names)), parent


def test_counts():
    assert len(functional) > 800
    assert len(economic) > 100
    assert len(government_economic) > 70
    assert len(revenue) > 40


def test_bad_data_is_refused():
    from perfbudget.reference.classification import _build_index

    row = {
        "code": "21101",
        "name": "x",
        "level": "2",
        "parent": "211",
        "aliases": "",
        "valid_from": "",
        "valid_to": "",
        "evidence": "memory",
        "note": "",
    }
    with pytest.raises(ValueError, match="no parent"):
        _build_index(System.FUNCTIONAL, [row])
    with pytest.raises(ValueError, match="level"):
        _build_index(System.FUNCTIONAL, [{**row, "code": "211", "parent": ""}])


def test_loading_is_lazy_and_once():
    cls = Classification(System.REVENUE, "revenue.csv")
    assert not cls.is_loaded
    first = cls.get("103")
    assert cls.is_loaded
    assert cls.get("103") is first


def test_import_is_light():
    code = (
        "import sys, time, json\n"
        "t = time.perf_counter()\n"
        "import perfbudget.reference as r\n"
        "elapsed = time.perf_counter() - t\n"
        "print(json.dumps({'elapsed': elapsed,"
        " 'loaded': [c.is_loaded for c in (r.functional, r.economic, r.government_economic, r.revenue)],"
        " 'heavy': [m for m in ('django', 'pydantic', 'csv') if m in sys.modules]}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    report = json.loads(out.stdout)
    assert report["loaded"] == [False, False, False, False]
    assert report["heavy"] == []
    assert report["elapsed"] < 0.5, report
