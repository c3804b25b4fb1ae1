"""Performance forms: their query records, the 绩效项目 pages, search, the indicator mix and the API.

Seeds: 001 (13 项目绩效目标 in 万元), 004 (22 two-period project targets in 元 and one 整体支出绩效
申报表), 002 (8 整体绩效自评 and 5 绩效评价报告). Names and amounts are checked exactly as printed.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
import types
from decimal import Decimal

import pytest

from perfbudget.store import models as db

pytestmark = [pytest.mark.django_db, pytest.mark.db]


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


# --- storage ------------------------------------------------------------------------------------


def test_forms_are_stored_with_the_document(seed_004, seed_001, seed_002, parsed_004, parsed_001, parsed_002):
    for stored, (model, _) in ((seed_004, parsed_004), (seed_001, parsed_001), (seed_002, parsed_002)):
        assert db.Project.objects.filter(document=stored).count() == len(model.project_targets)
        assert db.DepartmentTarget.objects.filter(document=stored).count() == len(model.department_targets)
        assert db.SelfEvaluation.objects.filter(document=stored).count() == len(model.self_evaluations)
        assert db.EvaluationReport.objects.filter(document=stored).count() == len(model.evaluation_reports)
        indicators = sum(
            len(f.indicators)
            for f in (*model.project_targets, *model.department_targets, *model.self_evaluations)
        )
        assert db.Indicator.objects.filter(document=stored).count() == indicators
    assert db.Project.objects.filter(document=seed_004).count() == 22
    assert db.Project.objects.filter(document=seed_001).count() == 13


def test_project_money_is_exact(seed_004, seed_001, parsed_004):
    first = db.Project.objects.get(document=seed_004, form_index=0)
    assert first.name == "环境影响评价评估经费与企业排污权储备交易运行费"
    assert first.department.name == "临汾市生态环境局" and first.year == 2024
    assert first.money_unit == "元" and first.amount_text == "1,300,000"
    assert first.amount == Decimal("1300000") and first.amount_wan == Decimal("130")
    assert first.indicator_count == 40 and first.implementing_unit == "临汾市生态环境局"
    drinking = db.Project.objects.get(document=seed_004, name="集中式饮用水水源环境状况评估编制经费")
    assert (drinking.amount_text, drinking.term_amount_text) == ("110,000", "117,000")
    assert drinking.amount_wan == Decimal("11")
    air = db.Project.objects.get(document=seed_004, name="临汾市大气污染防治系统化服务项目")
    assert air.amount_wan == Decimal("2509.48")
    wages = db.Project.objects.get(document=seed_001, name="人员定补")
    assert (
        wages.money_unit == "万元"
        and wages.amount == Decimal("1530.32")
        and wages.amount_wan == Decimal("1530.32")
    )
    assert wages.code == "571-0601-YBN-GZGQ" and wages.year == 2021
    # the exact sum of the 22 annual amounts, in 万元, without any float
    from perfbudget.model.performance import Period

    total = sum(db.Project.objects.filter(document=seed_004).values_list("amount_wan", flat=True), Decimal(0))
    printed = sum(
        (p.funding_for(Period.ANNUAL).total.value for p in parsed_004[0].project_targets), Decimal(0)
    )
    assert total == printed / 10000 and total > 0


def test_indicators_keep_levels_targets_and_origins(seed_004, seed_002):
    first = db.Project.objects.get(document=seed_004, form_index=0)
    rows = list(first.indicators.order_by("order"))
    assert rows[0].level1 == "产出指标" and rows[0].level2 == "数量指标"
    assert rows[0].level3 == "评估建设项目环境影响评价文件" and rows[0].target_raw == "≥22个"
    assert (rows[0].op, rows[0].number, rows[0].unit, rows[0].period) == ("≥", Decimal("22"), "个", "实施期")
    assert rows[0].level1_inherited and rows[0].level1_origin == "inherited"
    evaluation = db.SelfEvaluation.objects.get(document=seed_002, unit_name="焦作市生态环境局")
    assert evaluation.total_score == Decimal("98.54") and evaluation.total_budget_text == "3543.811"
    assert evaluation.execution_rate_text == "85.43%" and evaluation.indicator_count == 31
    scored = evaluation.indicators.exclude(score=None)
    assert scored.exists() and all(isinstance(i.score, Decimal) for i in scored)


def test_a_failing_form_store_leaves_nothing(monkeypatch, seed_file):
    from perfbudget.store import importer, save

    def broken(*args, **kwargs):
        raise RuntimeError("forms could not be stored")

    monkeypatch.setattr(save, "store_forms", broken)
    with pytest.raises(RuntimeError):
        importer.import_data(seed_file("001").read_bytes(), "001.txt")
    assert (
        not db.Document.objects.exists()
        and not db.Project.objects.exists()
        and not db.Paragraph.objects.exists()
    )


def test_migration_back_fills_stored_documents(seed_004, seed_002):
    from django.apps import apps

    counts = {
        m: m.objects.count()
        for m in (db.Project, db.DepartmentTarget, db.SelfEvaluation, db.EvaluationReport, db.Indicator)
    }
    for model in (db.Indicator, db.Project, db.DepartmentTarget, db.SelfEvaluation, db.EvaluationReport):
        model.objects.all().delete()
    migration = importlib.import_module("perfbudget.store.migrations.0003_performance_forms")
    migration.store_existing_forms(apps, None)
    assert {m: m.objects.count() for m in counts} == counts
    assert db.Project.objects.get(document=seed_004, form_index=0).amount == Decimal("1300000")


# --- pages --------------------------------------------------------------------------------------


def test_project_list_of_a_department_year(clients, seed_004):
    department = seed_004.department_id
    html = page(clients["department"], f"/projects/?department={department}&year=2024")
    assert "项目绩效目标（22）" in html
    assert "环境影响评价评估经费与企业排污权储备交易运行费" in html and "1,300,000" in html
    assert "临汾市大气污染防治系统化服务项目" in html and "25,094,800" in html and "2,509.48" in html
    assert "机动车尾气固定遥感监测网络系统运维费" in html and "1,044,000" in html
    assert "整体绩效目标（1）" in html and "7152.64" in html  # the department target of the same year
    nav = re.search(r'<nav class="mainnav".*?</nav>', html, re.S).group(0)
    assert 'href="/projects/" class="current"' in nav and "绩效项目" in nav


def test_project_list_of_seed_001(clients, seed_001):
    html = page(clients["reviewer"], "/projects/?year=2021")
    assert "项目绩效目标（13）" in html
    for name, amount in (
        ("辐射环境监测工作经费", "15"),
        ("人员定补", "1530.32"),
        ("房屋租赁费", "39.5"),
        ("环境监测经费", "250"),
    ):
        row = re.search(rf">{name}</a>.*?</tr>", html, re.S).group(0)
        assert f'<td class="num">{amount} <small class="muted">万元</small>' in row, (name, row)
    monitoring = re.search(r">环境监测经费</a>.*?</tr>", html, re.S).group(0)
    assert '<td class="num">11</td>' in monitoring  # 11 indicators


def test_project_page_with_funding_plan_goals_and_grouped_indicators(clients, seed_001, seed_004):
    project = db.Project.objects.get(document=seed_001, name="辐射环境监测工作经费")
    html = page(clients["reviewer"], f"/projects/{project.pk}/")
    assert "<h1>辐射环境监测工作经费" in html and "571-0101-YBN-NFOY" in html
    assert 'id="chart-plan"' in html and "/static/web/project.js" in html
    plan = json.loads(
        re.search(r'<script id="plan-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    )
    assert plan["values"] == ["25", "50", "75", "100"] and plan["labels"] == [
        "3月底",
        "6月底",
        "10月底",
        "12月底",
    ]
    assert "完成我市涉及放射源和射线装置单位的监督性监测" in html  # a goal
    assert '<tr class="group-row"><th colspan="6">产出指标' in html and "效果指标" in html
    assert "=1次" in html and "得到提升" in html
    assert 'class="origin" title="原文此格为空（合并单元格），沿用上方的标签">↑' in html  # an inherited label
    two_period = db.Project.objects.get(document=seed_004, form_index=0)
    html = page(clients["reviewer"], f"/projects/{two_period.pk}/")
    assert "表中没有填写资金支出计划" in html and "实施期" in html and "1,300,000" in html and "130" in html
    assert "市县（区）财政资金" in html


def test_target_quality_findings_are_counted_per_project(clients, seed_004):
    project = db.Project.objects.get(document=seed_004, form_index=1)
    other = db.Project.objects.get(document=seed_004, form_index=2)
    url = f"/projects/?department={seed_004.department_id}&year=2024"

    def counts() -> tuple[int, int]:
        html = page(clients["reviewer"], url)
        found = []
        for p in (project, other):
            row = re.search(rf">{p.name}</a>.*?</tr>", html, re.S).group(0)
            found.append(int(re.search(r"问题 (\d+)", row).group(1)))
        return tuple(found)

    before = counts()  # what the target.* rules found in the seed (if they are installed)
    line = project.indicators.order_by("order").first().line
    for order, rule in enumerate(("target.test-unmeasurable", "target.test-missing-cost")):
        db.Finding.objects.create(
            document=seed_004,
            origin="check",
            order=1000 + order,
            rule=rule,
            severity="warning",
            message="指标值无法衡量",
            cells=[{"ref": {"file": "x", "line": line}, "text": ""}],
            fingerprint=f"t{order}",
        )
    db.Finding.objects.create(  # not a target rule: not counted
        document=seed_004,
        origin="check",
        order=1002,
        rule="budget.class-sum",
        severity="error",
        message="不平",
        cells=[{"ref": {"file": "x", "line": line}}],
        fingerprint="t3",
    )
    assert counts() == (before[0] + 2, before[1])
    detail = page(clients["reviewer"], f"/projects/{project.pk}/")
    assert "target.test-unmeasurable" in detail and "target.test-missing-cost" in detail
    assert "<code>budget.class-sum</code>" not in detail
    api = clients["reviewer"].get(f"/api/projects/{project.pk}").json()
    assert len(api["quality_findings"]) == before[0] + 2


def test_department_target_page(clients, seed_004):
    target = db.DepartmentTarget.objects.get(document=seed_004)
    html = page(clients["department"], f"/targets/{target.pk}/")
    assert "临汾市生态环境局" in html and "整体绩效目标" in html
    assert "7152.64" in html and "2411.64" in html and "4741" in html  # 预算总额, 基本支出, 项目支出
    assert "部门职责" in html and "年度履职目标" in html
    assert f"绩效指标（{target.indicator_count}）" in html and target.indicator_count == 31


def test_self_evaluation_pages_of_seed_002(clients, seed_002):
    html = page(clients["reviewer"], "/projects/?year=2020")
    assert "绩效自评（8）" in html and "绩效评价报告（5）" in html
    for unit, score in (
        ("焦作市生态环境局", "98.54"),
        ("焦作市环境信息中心", "98.9"),
        ("河南省焦作生态环境监测中心", "99.9"),
    ):
        row = re.search(rf">{unit}</a>.*?</tr>", html, re.S).group(0)
        assert f"<b>{score}</b>" in row, (unit, row)
    evaluation = db.SelfEvaluation.objects.get(document=seed_002, unit_name="焦作市生态环境局")
    html = page(clients["reviewer"], f"/evaluations/{evaluation.pk}/")
    assert "<b>98.54</b>" in html and "3543.811" in html and "3027.399" in html and "85.43%" in html
    assert "8.54" in html  # 预算执行率 得分
    assert "评分引擎（perfbudget.score）尚未启用" in html or "评分解释" in html
    assert "实际完成值" in html and "得分" in html


def test_evaluation_report_pages_of_seed_002(clients, seed_002):
    html = page(clients["reviewer"], "/projects/?year=2020")
    for project, score in (
        ("第二次全国污染源普查项目", "97.63"),
        ("环境宣传教育及对外合作项目", "99.81"),
        ("环境安全与应急管理业务保障项目", "91.24"),
    ):
        row = re.search(rf">{project}</a>.*?</tr>", html, re.S).group(0)
        assert f"<b>{score}</b>" in row and "优" in row, (project, row)
    report = db.EvaluationReport.objects.get(document=seed_002, project_name="第二次全国污染源普查项目")
    html = page(clients["reviewer"], f"/reports/{report.pk}/")
    assert "<b>97.63</b>" in html and "优" in html and "重点绩效评价" in html
    for name, score in (
        ("决策情况分析", "15"),
        ("管理情况分析", "22.63"),
        ("产出情况分析", "30"),
        ("效果情况分析", "30"),
    ):
        row = re.search(rf"<td>{name}</td>.*?</tr>", html, re.S).group(0)
        assert f"<b>{score}</b>" in row
    assert "预算执行率 76.27，得 7.63 分" in html


@pytest.fixture
def fake_engine(monkeypatch):
    """A scoring engine as perfbudget.score may provide it: recompute → explanation tree."""
    module = types.ModuleType("perfbudget.score")

    def explain(form):
        total = getattr(form, "total_score", None) or getattr(form, "total", None)
        return {
            "label": "总分",
            "score": "97.63",
            "printed": total.value if total else None,
            "children": [
                {"label": "决策", "score": "15", "points": "15", "note": "立项依据充分 2 分 + 程序 2 分 …"},
                {"label": "过程", "score": "22.63", "points": "25", "note": "预算执行率 76.27% × 10 = 7.63"},
            ],
        }

    module.explain = explain
    monkeypatch.setitem(sys.modules, "perfbudget.score", module)
    return module


def test_the_score_engine_tree_is_rendered_when_present(clients, seed_002, fake_engine):
    report = db.EvaluationReport.objects.get(document=seed_002, project_name="第二次全国污染源普查项目")
    html = page(clients["reviewer"], f"/reports/{report.pk}/")
    assert "评分解释" in html and "预算执行率 76.27% × 10 = 7.63" in html and "尚未启用" not in html
    assert '<span class="pill ok">一致</span>' in html  # recomputed 97.63 = printed 97.63
    data = clients["reviewer"].get(f"/api/evaluation-reports/{report.pk}").json()
    assert data["recomputed"]["engine"] is True and data["recomputed"]["score"] == "97.63"
    assert [c["label"] for c in data["recomputed"]["explanation"]["children"]] == ["决策", "过程"]
    assert data["printed_score"] == "97.63"


def test_without_the_engine_printed_scores_only(clients, seed_002, monkeypatch):
    monkeypatch.setitem(sys.modules, "perfbudget.score", None)  # import fails: no engine
    report = db.EvaluationReport.objects.get(document=seed_002, project_name="第二次全国污染源普查项目")
    html = page(clients["reviewer"], f"/reports/{report.pk}/")
    assert "评分引擎（perfbudget.score）尚未启用" in html
    data = clients["reviewer"].get(f"/api/evaluation-reports/{report.pk}").json()
    assert data["recomputed"] == {"engine": False, "score": None, "explanation": None}


def test_search_finds_projects_and_indicators_with_two_characters(clients, seed_001):
    html = page(clients["reviewer"], "/search/?q=租赁")
    assert "绩效项目（1）" in html and "<mark>租赁</mark>" in html
    html = page(clients["reviewer"], "/search/?q=办结")
    assert "绩效指标（" in html and "<mark>办结</mark>率" in html
    project = db.Project.objects.get(document=seed_001, name="房屋租赁费")
    assert f'href="/projects/{project.pk}/"' in page(clients["reviewer"], "/search/?q=租赁")


def test_forms_follow_their_document_visibility(clients, seed_002, seed_004):
    report = db.EvaluationReport.objects.filter(document=seed_002).first()
    assert clients["viewer"].get(f"/reports/{report.pk}/").status_code == 404
    assert "第二次全国污染源普查项目" not in page(clients["viewer"], "/projects/")
    assert "第二次全国污染源普查项目" not in page(clients["viewer"], "/search/?q=普查")
    assert clients["viewer"].get("/api/evaluation-reports").json()["count"] == 0
    seed_002.published = True
    seed_002.save(update_fields=["published"])
    assert clients["viewer"].get(f"/reports/{report.pk}/").status_code == 200
    assert clients["viewer"].get("/api/evaluation-reports").json()["count"] == 5
    # the department user (临汾) sees its own unpublished projects, not 焦作's before publication
    assert clients["department"].get("/api/projects").json()["count"] == 22


def test_indicator_mix_on_the_compare_page(clients, seed_004, seed_001):
    html = page(clients["reviewer"], "/compare/")
    assert 'href="/compare/indicators/"' in html and "指标结构" in html
    html = page(clients["reviewer"], "/compare/indicators/?form=project")
    assert 'id="chart-mix"' in html and "临汾市生态环境局 2024年" in html
    expected = db.Indicator.objects.filter(project__document=seed_004).count()
    row = re.search(r"<td>临汾市生态环境局 2024年</td>.*?</tr>", html, re.S).group(0)
    assert row.endswith(f'<td class="num"><b>{expected}</b></td></tr>')
    output = db.Indicator.objects.filter(project__document=seed_004, level1="产出指标").count()
    assert output > 0 and f"<b>{output}</b>" in row
    everything = page(clients["reviewer"], "/compare/indicators/?year=2024")
    row = re.search(r"<td>临汾市生态环境局 2024年</td>.*?</tr>", everything, re.S).group(0)
    assert row.endswith(f'<td class="num"><b>{expected + 31}</b></td></tr>')  # + the department target's 31


# --- API ----------------------------------------------------------------------------------------


def test_api_projects_filtered_paginated_and_exact(clients, seed_004, seed_001):
    data = (
        clients["reviewer"]
        .get("/api/projects", {"department": seed_004.department_id, "year": 2024, "page_size": 5})
        .json()
    )
    assert data["count"] == 22 and len(data["items"]) == 5
    first = data["items"][0]
    assert first["name"] == "环境影响评价评估经费与企业排污权储备交易运行费"
    assert (first["amount"], first["amount_text"], first["amount_wan"], first["money_unit"]) == (
        "1300000",
        "1,300,000",
        "130",
        "元",
    )
    assert clients["reviewer"].get("/api/projects", {"year": 2021}).json()["count"] == 13
    assert clients["reviewer"].get("/api/projects", {"q": "租赁"}).json()["items"][0]["amount"] == "39.5"
    detail = clients["reviewer"].get(f"/api/projects/{first['id']}").json()
    assert len(detail["indicator_list"]) == 40 and detail["indicator_list"][0]["target_raw"] == "≥22个"
    assert (
        detail["indicator_list"][0]["number"] == "22"
        and detail["indicator_list"][0]["level1_inherited"] is True
    )
    assert [f["period"] for f in detail["funding"]] == ["实施期", "年度"]
    wages = db.Project.objects.get(document=seed_001, name="辐射环境监测工作经费")
    plan = clients["reviewer"].get(f"/api/projects/{wages.pk}").json()["spending_plan"]
    assert [plan[k]["text"] for k in ("march", "june", "october", "december")] == ["25", "50", "75", "100"]


def test_api_indicators_by_level_and_category(clients, seed_004):
    everything = clients["reviewer"].get("/api/indicators").json()["count"]
    assert everything == db.Indicator.objects.count()
    output = clients["reviewer"].get("/api/indicators", {"level1": "产出指标", "form": "project"}).json()
    assert (
        output["count"] == db.Indicator.objects.filter(level1="产出指标", project__isnull=False).count() > 0
    )
    assert {i["level1"] for i in output["items"]} == {"产出指标"} and {
        i["form"] for i in output["items"]
    } == {"project"}
    satisfaction = clients["reviewer"].get("/api/indicators", {"category": "满意度"}).json()
    assert satisfaction["count"] > 0
    assert all("满意度" in i["level1"] + i["level2"] for i in satisfaction["items"])
    quantity = clients["reviewer"].get("/api/indicators", {"level2": "数量指标", "page_size": 1000}).json()
    assert quantity["count"] > 0 and len(quantity["items"]) == min(quantity["count"], 500)


def test_api_self_evaluations_and_reports_with_printed_scores(clients, seed_002):
    evaluations = clients["reviewer"].get("/api/self-evaluations", {"year": 2020}).json()
    assert evaluations["count"] == 8
    scores = {e["unit_name"]: e["printed_score"] for e in evaluations["items"]}
    assert scores["焦作市生态环境局"] == "98.54" and scores["焦作市环境信息中心"] == "98.9"
    first = next(e for e in evaluations["items"] if e["unit_name"] == "焦作市生态环境局")
    detail = clients["reviewer"].get(f"/api/self-evaluations/{first['id']}").json()
    assert (detail["execution_weight"], detail["execution_score"]) == ("10", "8.54")
    assert len(detail["indicator_list"]) == 31 and "engine" in detail["recomputed"]
    reports = clients["reviewer"].get("/api/evaluation-reports").json()
    assert reports["count"] == 5
    totals = {r["project_name"]: (r["printed_score"], r["grade"]) for r in reports["items"]}
    assert totals["第二次全国污染源普查项目"] == ("97.63", "优")
    assert totals["环境安全与应急管理业务保障项目"] == ("91.24", "优")
    census = next(r for r in reports["items"] if r["project_name"] == "第二次全国污染源普查项目")
    dims = clients["reviewer"].get(f"/api/evaluation-reports/{census['id']}").json()["dimensions"]
    assert [(d["canonical"], d["points"], d["score"]) for d in dims] == [
        ("决策", "15", "15"),
        ("过程", "25", "22.63"),
        ("产出", "30", "30"),
        ("效益", "30", "30"),
    ]


def test_openapi_lists_the_performance_endpoints(clients):
    paths = set(clients["viewer"].get("/api/openapi.json").json()["paths"])
    assert {
        "/api/projects",
        "/api/projects/{project_id}",
        "/api/indicators",
        "/api/department-targets",
        "/api/department-targets/{target_id}",
        "/api/self-evaluations",
        "/api/self-evaluations/{evaluation_id}",
        "/api/evaluation-reports",
        "/api/evaluation-reports/{report_id}",
    } <= paths
