"""The document page: seed 004's tables as printed, findings linked to their cells, sources shown."""

from __future__ import annotations

import re

import pytest

from perfbudget.store import models as db

pytestmark = [pytest.mark.django_db, pytest.mark.db]


@pytest.fixture
def page(clients, seed_004) -> str:
    response = clients["reviewer"].get(f"/documents/{seed_004.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, ident: str) -> str:
    start = html.index(f'<section class="printed" id="t-{ident}">')
    return html[start : html.index("</section>", start)]


def test_every_table_is_rendered_in_order(page, seed_004):
    idents = re.findall(r'<section class="printed" id="t-(t\d+)">', page)
    assert idents == list(seed_004.tables.order_by("order").values_list("ident", flat=True))
    assert "2024年预算支出总表" in page and "2024年财政拨款安排“三公”经费支出预算表" in page


def test_expenditure_table_cells_as_printed(page):
    html = section(page, "t3")
    # merged header: 项目 over two columns, 2024年预算数 over three
    assert '<th colspan="2">项目</th><th colspan="3">2024年预算数</th>' in html
    assert "<th>科目编码</th><th>科目名称</th><th>合计</th><th>基本支出</th><th>项目支出</th>" in html
    # the total row: the exact printed figures, each linked to its source
    assert re.search(
        r'<td id="c-t3-0-total" class="num[^"]*"><a class="fig" href="[^"]*t=t3&amp;r=0&amp;c=total">11967.10</a>',
        html,
    )
    assert ">2411.64</a>" in html and ">9555.45</a>" in html
    # codes in their own column, names indented by level
    assert '<td class="code">2080501</td><td class="label lvl-3">' in html
    assert '<td class="code">208</td><td class="label lvl-1">' in html


def test_two_sided_table_pairs_income_and_expenditure(page):
    html = section(page, "t1")
    assert '<th colspan="2">收入</th><th colspan="4">支出</th>' in html
    first_row = html[html.index("<tbody>") : html.index("</tr>", html.index("<tbody>"))]
    assert "一、一般公共预算" in first_row and "5607.46" in first_row and "一、一般公共服务支出" in first_row


def test_three_public_parts(page):
    html = section(page, "t10")
    assert "公务接待费" in html and ">1.00</a>" in html and ">2.40</a>" in html


def test_cells_cited_by_findings_are_highlighted_and_linked(page, seed_004):
    finding = seed_004.findings.filter(severity="info", column_key="total").order_by("pk").first()
    anchor = f"c-{finding.table_ident}-{finding.row_index}-{finding.column_key}"
    cell = re.search(rf'<td id="{anchor}" class="([^"]*)">(.*?)</td>', page).groups()
    assert "flagged" in cell[0] and "flag-info" in cell[0]
    assert f'href="#f-{finding.pk}"' in cell[1]
    # and the finding in the panel links back to the cell
    item = page[page.index(f'id="f-{finding.pk}"') :]
    assert f'href="#{anchor}"' in item[: item.index("</li>")]


def test_findings_page_links_to_the_cell(clients, seed_004):
    html = clients["reviewer"].get("/findings/?severity=info").content.decode()
    finding = seed_004.findings.filter(severity="info").exclude(column_key="").order_by("pk").first()
    anchor = f"/documents/{seed_004.pk}/#c-{finding.table_ident}-{finding.row_index}-{finding.column_key}"
    assert anchor in html


def test_finding_detail_lists_cells_and_figures(clients, seed_004):
    finding = seed_004.findings.filter(rule="budget.total-sum").order_by("pk").first()
    html = clients["reviewer"].get(f"/findings/{finding.pk}/").content.decode()
    assert finding.message in html
    assert finding.figures["expected"] in html.replace(",", "")
    for cell in finding.cells[:3]:
        assert f"#c-{cell['ref']['table']}-{cell['ref']['row']}-{cell['ref']['column']}" in html


def test_source_excerpt_from_the_imported_path(clients, seed_004, settings):
    # seed 004 was imported from its path, which still holds the same bytes: the excerpt is re-read
    response = clients["reviewer"].get(
        f"/documents/{seed_004.pk}/source/?t=t3&r=0&c=total", HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    row = seed_004.tables.get(ident="t3").rows.get(index=0)
    line = row.cells["total"]["line"]
    assert f"第 {line} 行" in html
    cited = re.search(r'<span class="ln cited"><i>(\d+)</i>(.*?)</span>', html).groups()
    assert cited[0] == str(line) and "11967.10" in cited[1]
    assert "<html" not in html  # a fragment for the side panel
    # lines around it are shown too, and the lines are cached with the original
    assert html.count('<span class="ln') > 5
    assert db.Original.objects.get(sha256=seed_004.sha256).lines


def test_source_excerpt_when_the_original_is_gone(clients, seed_004):
    db.Document.objects.filter(pk=seed_004.pk).update(path="/nonexistent/004.txt")
    html = clients["reviewer"].get(f"/documents/{seed_004.pk}/source/?t=t3&r=0&c=total").content.decode()
    assert "原文件没有保存在系统中" in html
    assert "11967.10" in html  # the cell itself is still named


def test_unknown_table_is_404(clients, seed_004):
    assert clients["reviewer"].get(f"/documents/{seed_004.pk}/source/?t=t999").status_code == 404


def test_prose_paragraphs_are_shown_and_indexed(page, seed_004):
    assert seed_004.paragraphs.count() == len(seed_004.model_json["paragraphs"]) > 0
    first = seed_004.paragraphs.get(order=0)
    assert f'id="p-0">{first.text}' in page


def test_publish_and_unpublish(clients, seed_004, users):
    assert (
        clients["reviewer"].post(f"/documents/{seed_004.pk}/publish/", {"published": "1"}).status_code == 302
    )
    seed_004.refresh_from_db()
    assert seed_004.published and seed_004.published_at is not None
    assert clients["viewer"].get(f"/documents/{seed_004.pk}/").status_code == 200
    clients["admin"].post(f"/documents/{seed_004.pk}/publish/", {"published": "0"})
    seed_004.refresh_from_db()
    assert not seed_004.published
    assert clients["viewer"].get(f"/documents/{seed_004.pk}/").status_code == 404


def test_home_counts_and_totals(clients, seed_004, published_other):
    html = clients["reviewer"].get("/").content.decode()
    assert "临汾市生态环境局" in html and "11967.10" in html
    assert "青川市财政局" in html and "1,000.50" in html
    errors = seed_004.findings.filter(severity="error").count()
    assert f"错误 {errors}" in html
    filtered = body(clients["reviewer"].get("/?year=2025"))
    assert "青川市财政局" in filtered and "临汾市生态环境局" not in filtered
    by_region = body(clients["reviewer"].get("/?region=临汾市"))
    assert "临汾市生态环境局" in by_region and "青川市财政局" not in by_region


def body(response) -> str:
    """The results table of a page (not the filter choices)."""
    html = response.content.decode()
    return html[html.index("<tbody>") :]
