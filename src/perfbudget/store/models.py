"""Database records of imported documents.

The full core model of each document is kept as JSON (:attr:`Document.model_json`, the source of
truth, rebuilt by :meth:`Document.to_model`); tables, rows and findings are stored again as
records so that pages can query them: documents by department × year, tables by kind, rows by
code or name, findings by severity, rule or cell. Money never goes through a float: figures in
JSON are exact decimal strings, and numeric columns are exact decimals.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from perfbudget import model as core

NUMERIC = {"max_digits": 20, "decimal_places": 6}


class Department(models.Model):
    name = models.CharField("部门", max_length=200, unique=True)
    region = models.CharField("地区", max_length=100, blank=True)

    class Meta:
        ordering = ("name",)
        verbose_name = verbose_name_plural = "部门"

    def __str__(self) -> str:
        return self.name


class Document(models.Model):
    """One imported file; identical bytes are one document whatever the file was called."""

    sha256 = models.CharField(max_length=64, unique=True)
    file_name = models.CharField("文件名", max_length=255)
    path = models.TextField("路径", help_text="the path as given to the import")
    format = models.CharField(max_length=8)  # text | docx | xlsx | pdf
    encoding = models.CharField(max_length=32, blank=True)  # text files only
    size = models.PositiveBigIntegerField()
    family = models.CharField(max_length=40, default="unknown")
    department = models.ForeignKey(
        Department,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name="部门",
    )
    fiscal_year = models.PositiveSmallIntegerField("年度", null=True, blank=True)
    stage = models.CharField(max_length=8, blank=True)  # 预算 | 决算
    money_unit = models.CharField(max_length=16, blank=True)
    model_json = models.JSONField(help_text="perfbudget.model.Document.model_dump(mode='json')")
    imported_at = models.DateTimeField(default=timezone.now, db_index=True)
    reader_findings_count = models.PositiveIntegerField(default=0)
    # Computed once when stored (a stored document never changes; see perfbudget.store.summary):
    # findings by severity, and the headline total as printed, for the list pages.
    error_count = models.PositiveIntegerField(default=0)
    warning_count = models.PositiveIntegerField(default=0)
    info_count = models.PositiveIntegerField(default=0)
    total_text = models.TextField(blank=True)
    total_unit = models.CharField(max_length=16, blank=True)
    total_table = models.CharField(max_length=64, blank=True)
    total_anchor = models.TextField(blank=True)  # empty: no total found
    # publication and provenance (the web application)
    published = models.BooleanField("已发布", default=False, db_index=True)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="导入人",
    )

    class Meta:
        ordering = ("department__name", "-fiscal_year", "file_name")
        indexes = (
            models.Index(fields=["department", "fiscal_year"], name="doc_dept_year"),
            models.Index(fields=["fiscal_year", "family"], name="doc_year_family"),
        )
        verbose_name = verbose_name_plural = "文件"

    def __str__(self) -> str:
        return self.file_name

    def to_model(self) -> core.Document:
        return core.Document.model_validate(self.model_json)


class Table(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="tables")
    ident = models.CharField(max_length=64)  # the table id in the model, e.g. "t3"
    order = models.PositiveIntegerField()  # position in the document
    kind = models.CharField(max_length=64)
    kind_name = models.CharField(max_length=200, blank=True)
    title = models.TextField(blank=True)
    label = models.TextField(blank=True)
    unit = models.CharField(max_length=16, blank=True)
    issuer = models.CharField(max_length=200, blank=True)  # the unit it is printed for, if it says
    columns = models.JSONField(default=list)  # [{key, header: [...], side, measure}]
    header_rows = models.JSONField(default=list)
    notes = models.JSONField(default=list)
    declared_empty = models.BooleanField(default=False)
    line = models.PositiveIntegerField(null=True, blank=True)
    page = models.PositiveIntegerField(null=True, blank=True)
    sheet = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ("document", "order")
        constraints = (models.UniqueConstraint(fields=["document", "order"], name="table_order_unique"),)
        indexes = (
            models.Index(fields=["document", "kind"], name="table_doc_kind"),
            models.Index(fields=["document", "ident"], name="table_doc_ident"),
            models.Index(fields=["kind"], name="table_kind"),
        )
        verbose_name = verbose_name_plural = "表"

    def __str__(self) -> str:
        return f"{self.ident} {self.title}"


class Row(models.Model):
    """A table row; ``cells`` maps column key → {text, value (exact decimal string or null), line, page}."""

    table = models.ForeignKey(Table, on_delete=models.CASCADE, related_name="rows")
    index = models.PositiveIntegerField()  # position in the table, as in SourceRef.row
    label = models.TextField(blank=True)
    code = models.CharField(max_length=64, blank=True)
    code_system = models.CharField(max_length=32, blank=True)
    code_inferred = models.BooleanField(default=False)
    level = models.SmallIntegerField(null=True, blank=True)
    role = models.CharField(max_length=8, default=core.RowRole.ITEM.value)
    side = models.CharField(max_length=16, blank=True)
    group = models.CharField(max_length=100, blank=True)
    line = models.PositiveIntegerField(null=True, blank=True)
    page = models.PositiveIntegerField(null=True, blank=True)
    cells = models.JSONField(default=dict)

    class Meta:
        ordering = ("table", "index")
        constraints = (models.UniqueConstraint(fields=["table", "index"], name="row_index_unique"),)
        indexes = (models.Index(fields=["code"], name="row_code"),)
        verbose_name = verbose_name_plural = "行"

    def __str__(self) -> str:
        return self.label


class Finding(models.Model):
    """A reader or check finding, with its cited cells and the place of the first one for links."""

    class Origin(models.TextChoices):
        READER = "reader", "读取"
        CHECK = "check", "审核"

    class Status(models.TextChoices):
        OPEN = "open", "待复核"
        CONFIRMED = "confirmed", "已确认"
        DISMISSED = "dismissed", "已排除"

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="findings")
    origin = models.CharField(max_length=8, choices=Origin.choices)
    order = models.PositiveIntegerField()  # position among the document's findings of this origin
    rule = models.CharField(max_length=100)
    severity = models.CharField(max_length=8, choices=[(s.value, s.value) for s in core.Severity])
    message = models.TextField()
    cells = models.JSONField(default=list)  # CitedCell dumps: ref, text, value (exact string), role …
    # Numeric copies for sorting and filtering, rounded to 6 places (null when too large);
    # the exact values, as the check computed them, are in ``figures``.
    expected = models.DecimalField(null=True, blank=True, **NUMERIC)
    actual = models.DecimalField(null=True, blank=True, **NUMERIC)
    difference = models.DecimalField(null=True, blank=True, **NUMERIC)
    tolerance = models.DecimalField(null=True, blank=True, **NUMERIC)
    figures = models.JSONField(default=dict)  # {"expected": "1234.50", …} exact decimal strings
    table_ident = models.CharField(max_length=64, blank=True)
    row_index = models.PositiveIntegerField(null=True, blank=True)
    column_key = models.CharField(max_length=200, blank=True)
    # rule + cited places: lets a later re-check carry reviews over to the same finding
    fingerprint = models.CharField(max_length=40)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_comment = models.TextField(blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("document", "origin", "order")
        indexes = (
            models.Index(fields=["document", "severity"], name="finding_doc_severity"),
            models.Index(fields=["document", "table_ident", "row_index"], name="finding_doc_cell"),
            models.Index(fields=["rule", "severity"], name="finding_rule"),
            models.Index(fields=["severity", "status"], name="finding_severity_status"),
            models.Index(fields=["fingerprint"], name="finding_fingerprint"),
        )
        verbose_name = verbose_name_plural = "审核发现"

    def __str__(self) -> str:
        return f"{self.rule}: {self.message}"

    def to_model(self) -> core.Finding:
        return core.Finding.model_validate(
            {"rule": self.rule, "severity": self.severity, "message": self.message, "cells": self.cells}
            | self.figures
        )


# --- Web application: users, publication, kept originals, prose search, review history ---------


class Role(models.TextChoices):
    """What a signed-in user may do (see ``perfbudget.serve.web.access``)."""

    VIEWER = "viewer", "查阅人员"
    DEPARTMENT = "department", "部门财务人员"
    REVIEWER = "reviewer", "财政复核人员"
    ADMIN = "admin", "系统管理员"


class Profile(models.Model):
    """A user's role and, for department staff, their department."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField("角色", max_length=12, choices=Role.choices, default=Role.VIEWER)
    department = models.ForeignKey(
        Department,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff",
        verbose_name="所属部门",
    )

    class Meta:
        verbose_name = verbose_name_plural = "用户角色"

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class Original(models.Model):
    """An imported file's bytes (kept for uploads) and its lines, for showing where a figure was printed.

    Keyed by content like :class:`Document`; ``lines`` caches ``[[sheet, page, line, text], …]`` read
    once from the bytes (or from the imported path while it still holds the same content).
    """

    sha256 = models.CharField(max_length=64, unique=True)
    name = models.CharField(max_length=255)
    data = models.BinaryField(null=True, blank=True)
    lines = models.JSONField(null=True, blank=True)
    stored_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = verbose_name_plural = "原始文件"

    def __str__(self) -> str:
        return self.name


class Paragraph(models.Model):
    """A prose paragraph of a document (copied from the model so that it can be searched)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="paragraphs")
    order = models.PositiveIntegerField()
    text = models.TextField()
    line = models.PositiveIntegerField(null=True, blank=True)
    page = models.PositiveIntegerField(null=True, blank=True)
    heading = models.BooleanField(default=False)

    class Meta:
        ordering = ("document", "order")
        constraints = (models.UniqueConstraint(fields=["document", "order"], name="paragraph_order_unique"),)
        verbose_name = verbose_name_plural = "文字段落"

    def __str__(self) -> str:
        return self.text[:40]


class Review(models.Model):
    """One review decision on a finding; the finding keeps the latest, this keeps them all."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="reviews")
    status = models.CharField(max_length=10, choices=Finding.Status.choices)
    comment = models.TextField(blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("finding", "-at")
        verbose_name = verbose_name_plural = "复核记录"

    def __str__(self) -> str:
        return f"{self.finding_id}: {self.status}"


# --- Performance forms: 项目绩效目标, 整体绩效目标, 绩效自评, 绩效评价报告 and their indicators -------
#
# Query copies of ``model_json["project_targets"]`` … (the model stays the source of truth), written
# by :func:`perfbudget.store.performance.store_forms` in the import's transaction. Money and scores
# are exact decimals (``MONEY``: never rounded; a figure that does not fit is left null) next to the
# text as printed. ``span_start``/``span_end`` bound where the form was printed, as positions
# ``page × 1 000 000 + line`` (page 0 outside PDFs), so that findings citing a place in the form can
# be attributed to it (:func:`perfbudget.store.performance.position`).

MONEY = {"max_digits": 24, "decimal_places": 8}


class PerformanceForm(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="%(class)ss")
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="部门"
    )
    year = models.PositiveSmallIntegerField("年度", null=True, blank=True)
    form_index = models.PositiveIntegerField(help_text="position in the model's list of such forms")
    title = models.TextField("标题", blank=True)
    line = models.PositiveIntegerField(null=True, blank=True)
    end_line = models.PositiveIntegerField(null=True, blank=True)
    page = models.PositiveIntegerField(null=True, blank=True)
    span_start = models.BigIntegerField(null=True, blank=True)
    span_end = models.BigIntegerField(null=True, blank=True)
    indicator_count = models.PositiveIntegerField("指标数", default=0)

    class Meta:
        abstract = True


class Project(PerformanceForm):
    """项目绩效目标 (表): one project of a department-year."""

    template = models.CharField(max_length=20)
    code = models.CharField("项目编码", max_length=100, blank=True)
    name = models.TextField("项目名称")
    department_name = models.CharField("主管部门", max_length=200, blank=True)
    implementing_unit = models.CharField("实施单位", max_length=200, blank=True)
    attribute = models.CharField("项目属性", max_length=100, blank=True)
    attribute_kind = models.CharField(max_length=10, blank=True)
    term = models.CharField("项目期", max_length=100, blank=True)
    ongoing = models.BooleanField(default=False)
    money_unit = models.CharField("金额单位", max_length=8, blank=True)
    money_unit_stated = models.BooleanField(default=False)
    amount = models.DecimalField("年度资金总额", null=True, blank=True, **MONEY)
    amount_text = models.CharField(max_length=40, blank=True)
    term_amount = models.DecimalField("实施期资金总额", null=True, blank=True, **MONEY)
    term_amount_text = models.CharField(max_length=40, blank=True)
    amount_wan = models.DecimalField("年度资金（万元）", null=True, blank=True, **MONEY)
    goal_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ("document", "form_index")
        constraints = (
            models.UniqueConstraint(fields=["document", "form_index"], name="project_form_unique"),
        )
        indexes = (
            models.Index(fields=["department", "year"], name="project_dept_year"),
            models.Index(fields=["year"], name="project_year"),
        )
        verbose_name = verbose_name_plural = "绩效项目"

    def __str__(self) -> str:
        return self.name


class DepartmentTarget(PerformanceForm):
    """整体绩效目标 of a department or unit."""

    template = models.CharField(max_length=20)
    unit_name = models.CharField("单位", max_length=200, blank=True)
    unit_code = models.CharField(max_length=40, blank=True)
    budget_unit = models.CharField(max_length=8, blank=True)
    budget_total = models.DecimalField("预算总额", null=True, blank=True, **MONEY)
    budget_total_text = models.CharField(max_length=40, blank=True)
    budget_total_wan = models.DecimalField(null=True, blank=True, **MONEY)
    task_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ("document", "form_index")
        constraints = (
            models.UniqueConstraint(fields=["document", "form_index"], name="department_target_form_unique"),
        )
        indexes = (models.Index(fields=["department", "year"], name="dtarget_dept_year"),)
        verbose_name = verbose_name_plural = "整体绩效目标"

    def __str__(self) -> str:
        return self.unit_name or self.title


class SelfEvaluation(PerformanceForm):
    """绩效自评表 (整体 or 项目) with its printed totals."""

    scope = models.CharField(max_length=8, default="整体")
    unit_name = models.CharField("单位", max_length=200, blank=True)
    project_name = models.TextField("项目名称", blank=True)
    money_unit = models.CharField(max_length=8, blank=True)
    total_budget = models.DecimalField("预算数", null=True, blank=True, **MONEY)
    total_budget_text = models.CharField(max_length=40, blank=True)
    total_actual = models.DecimalField("执行数", null=True, blank=True, **MONEY)
    total_actual_text = models.CharField(max_length=40, blank=True)
    execution_rate = models.DecimalField("预算执行率", null=True, blank=True, **MONEY)
    execution_rate_text = models.CharField(max_length=40, blank=True)
    total_score = models.DecimalField("自评得分", null=True, blank=True, **MONEY)
    total_score_text = models.CharField(max_length=40, blank=True)
    grade = models.CharField("等级", max_length=20, blank=True)

    class Meta:
        ordering = ("document", "form_index")
        constraints = (
            models.UniqueConstraint(fields=["document", "form_index"], name="self_evaluation_form_unique"),
        )
        indexes = (models.Index(fields=["department", "year"], name="selfeval_dept_year"),)
        verbose_name = verbose_name_plural = "绩效自评"

    def __str__(self) -> str:
        return self.unit_name or self.title


class EvaluationReport(PerformanceForm):
    """绩效评价报告 with its printed total and grade."""

    attachment = models.CharField(max_length=20, blank=True)
    project_name = models.TextField("项目名称", blank=True)
    unit_name = models.CharField("评价单位", max_length=200, blank=True)
    evaluation_type = models.CharField("评价类型", max_length=40, blank=True)
    budget = models.DecimalField(null=True, blank=True, **MONEY)
    budget_text = models.CharField(max_length=40, blank=True)
    actual = models.DecimalField(null=True, blank=True, **MONEY)
    actual_text = models.CharField(max_length=40, blank=True)
    execution_rate = models.DecimalField(null=True, blank=True, **MONEY)
    execution_rate_text = models.CharField(max_length=40, blank=True)
    total_points = models.DecimalField(null=True, blank=True, **MONEY)
    total_points_text = models.CharField(max_length=40, blank=True)
    total = models.DecimalField("评价得分", null=True, blank=True, **MONEY)
    total_text = models.CharField(max_length=40, blank=True)
    grade = models.CharField("等级", max_length=20, blank=True)
    dimension_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ("document", "form_index")
        constraints = (
            models.UniqueConstraint(fields=["document", "form_index"], name="evaluation_report_form_unique"),
        )
        indexes = (models.Index(fields=["department", "year"], name="report_dept_year"),)
        verbose_name = verbose_name_plural = "绩效评价报告"

    def __str__(self) -> str:
        return self.project_name or self.title


class Indicator(models.Model):
    """One 绩效指标 row of a project target, a department target or a self-evaluation."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="indicators")
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.CASCADE, related_name="indicators"
    )
    department_target = models.ForeignKey(
        DepartmentTarget, null=True, blank=True, on_delete=models.CASCADE, related_name="indicators"
    )
    self_evaluation = models.ForeignKey(
        SelfEvaluation, null=True, blank=True, on_delete=models.CASCADE, related_name="indicators"
    )
    order = models.PositiveIntegerField()  # position in its form's list of indicators
    level1 = models.CharField("一级指标", max_length=100, blank=True)
    level1_origin = models.CharField(max_length=12, blank=True)
    level1_inherited = models.BooleanField(default=False)
    level2 = models.CharField("二级指标", max_length=100, blank=True)
    level2_origin = models.CharField(max_length=12, blank=True)
    level2_inherited = models.BooleanField(default=False)
    level3 = models.TextField("三级指标", blank=True)
    description = models.TextField(blank=True)
    target_raw = models.TextField("指标值", blank=True)
    op = models.CharField(max_length=2, blank=True)
    number = models.DecimalField(null=True, blank=True, **MONEY)
    unit = models.CharField(max_length=40, blank=True)
    qualitative = models.TextField(blank=True)
    period = models.CharField(max_length=8, blank=True)
    actual_raw = models.TextField("实际完成值", blank=True)
    actual_number = models.DecimalField(null=True, blank=True, **MONEY)
    weight = models.DecimalField("分值", null=True, blank=True, **MONEY)
    weight_text = models.CharField(max_length=40, blank=True)
    weight_level = models.CharField(max_length=8, blank=True)
    score = models.DecimalField("得分", null=True, blank=True, **MONEY)
    score_text = models.CharField(max_length=40, blank=True)
    score_level = models.CharField(max_length=8, blank=True)
    not_applicable = models.BooleanField(default=False)
    line = models.PositiveIntegerField(null=True, blank=True)
    page = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ("document", "project", "department_target", "self_evaluation", "order")
        constraints = (
            models.CheckConstraint(
                condition=(
                    models.Q(
                        project__isnull=False, department_target__isnull=True, self_evaluation__isnull=True
                    )
                    | models.Q(
                        project__isnull=True, department_target__isnull=False, self_evaluation__isnull=True
                    )
                    | models.Q(
                        project__isnull=True, department_target__isnull=True, self_evaluation__isnull=False
                    )
                ),
                name="indicator_one_form",
            ),
        )
        indexes = (
            models.Index(fields=["level1", "level2"], name="indicator_category"),
            models.Index(fields=["document"], name="indicator_document"),
        )
        verbose_name = verbose_name_plural = "绩效指标"

    def __str__(self) -> str:
        return self.level3 or self.level2
