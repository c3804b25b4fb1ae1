"""The report a person reads: summary counts, findings with their sentence, table excerpt and
arithmetic, and everything taken from the document escaped."""

from __future__ import annotations

from typer.testing import CliRunner

from perfbudget.cli.main import app
from perfbudget.export.report import build_report, md_escape, render_html, render_markdown
from perfbudget.pipeline import load_document

HOSTILE = "<script>alert('x')</script>"


def test_summary_counts(seed):
    report = build_report(seed("002"))
    summary = report.summary
    assert (summary.statements, summary.mapped) == (166, 114)
    assert summary.checked == 100
    assert (summary.agree, summary.disagree) == (97, 3)  # 占0.00%, 完成…109.82, the renamed 项
    # all rules: the 2 narrative errors and the 3 score.* errors of 002 (#7 预算执行率, #8 自评得分)
    assert summary.by_severity["error"] == 5 and summary.by_severity["warning"] == 1
    report = build_report(seed("004"))
    assert (report.summary.statements, report.summary.checked, report.summary.disagree) == (96, 82, 0)


def test_finding_entries_carry_sentence_excerpt_and_arithmetic(seed):
    report = build_report(seed("002"))
    share = next(
        e for e in report.entries if e.finding.rule == "narrative.share" and e.finding.severity == "error"
    )
    assert share.section == "二、收入决算情况说明"
    assert any("占0.00%" in sentence for sentence, _ in share.sentences)
    assert any(line.startswith("相差") for line in share.arithmetic)
    renamed = next(e for e in report.entries if e.finding.rule == "narrative.name")
    assert renamed.excerpts, "the name finding shows the table rows around the code"
    excerpt = renamed.excerpts[0]
    assert any(row[0] == "2080599" for row in excerpt.rows)
    assert len(excerpt.rows) <= 5


def test_html_and_markdown_render(seed):
    report = build_report(seed("002"))
    page = render_html(report)
    assert page.startswith("<!DOCTYPE html>")
    assert "核对不一致</th><td>3</td>" in page
    assert "<mark>0.00</mark>" in page  # the cited figure is marked in the quoted sentence
    assert 'class="cited"' in page  # and the cited cell in the table excerpt
    text = render_markdown(report)
    assert "| 核对不一致 | 3 |" in text
    assert "## 错误（5）" in text and "## 警告（1）" in text  # 2 narrative + 3 score.* errors


def _hostile(seed_file) -> bytes:
    """Seed 002 with markup planted in a sentence that has a finding and in a table row label."""
    path = seed_file("002")
    text = path.read_bytes().decode("utf-8")
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if "其他收入11.82万元，占0.00%" in line)
    lines[index] = HOSTILE + lines[index]
    index = next(i for i, line in enumerate(lines) if line.strip() == "其他行政事业单位养老支出")
    lines[index] = lines[index].replace(
        "其他行政事业单位养老支出", "其他行政事业单位养老支出<img src=x onerror=alert(1)>"
    )
    return "\n".join(lines).encode("utf-8")


def test_everything_from_the_document_is_escaped(seed_file):
    path = seed_file("002")
    document = load_document(path, data=_hostile(seed_file), display_path=str(path))
    report = build_report(document)
    assert any(HOSTILE in sentence for e in report.entries for sentence, _ in e.sentences)
    page = render_html(report)
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;" in page
    text = render_markdown(report)
    assert "<script" not in text and "<img" not in text
    assert "&lt;script&gt;" in text


def test_md_escape():
    assert md_escape("a|b*c_<d>") == r"a\|b\*c\_&lt;d&gt;"


def test_report_command_writes_both_files(seed_file, tmp_path):
    html_file, md_file = tmp_path / "r.html", tmp_path / "r.md"
    result = CliRunner().invoke(
        app, ["report", str(seed_file("004")), "--html", str(html_file), "--markdown", str(md_file)]
    )
    assert result.exit_code == 0, result.output
    assert "核对报告" in html_file.read_text(encoding="utf-8")
    assert "| 已核对的陈述 | 82 |" in md_file.read_text(encoding="utf-8")


def test_report_command_prints_markdown_and_refuses_unreadable(seed_file, tmp_path):
    result = CliRunner().invoke(app, ["report", str(seed_file("002"))])
    assert result.exit_code == 0
    assert result.stdout.startswith("# 核对报告")
    missing = tmp_path / "nothing.txt"
    result = CliRunner().invoke(app, ["report", str(missing)])
    assert result.exit_code == 2
