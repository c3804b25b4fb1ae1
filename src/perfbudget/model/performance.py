"""Performance forms: 绩效目标 (department and project), 绩效自评 and 绩效评价报告.

Every value that comes from the document keeps where it was printed: texts are :class:`Text`
(``text`` + ``line``/``page``), numbers are :class:`Figure` (the text as printed, its parsed
``value`` and the place). ``Figure.value`` is ``None`` when the cell was empty or held a
placeholder (``/``, ``—``, ``□`` …), which is not the same as a printed zero. Money is a
:class:`~decimal.Decimal` at the printed precision, never a float; the money unit is stated on
the record (``money_unit``) because one document may use 万元 in one form and 元 in another.

Indicator targets are kept twice: ``target_raw`` as printed and ``target`` parsed into a
:class:`Target` (comparison, number, unit, or a qualitative value). Indicator labels record how
they were obtained (:class:`LabelOrigin`): printed on the row, inherited from the merged group
above, or repaired from the label vocabulary when the group label is printed after its span.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, computed_field

from perfbudget.model.defaults import empty_list


class Text(BaseModel):
    """A text as printed (whitespace normalised) and where it starts."""

    model_config = ConfigDict(frozen=True)

    text: str
    line: int | None = None
    page: int | None = None


class Figure(BaseModel):
    """A number as printed: ``text`` verbatim, ``value`` parsed (``None`` = empty or placeholder).

    ``unit`` is the unit printed with the number (``%``, ``万元``, ``分``) when there is one.
    """

    model_config = ConfigDict(frozen=True)

    text: str = ""
    value: Decimal | None = None
    unit: str | None = None
    line: int | None = None
    page: int | None = None

    @property
    def is_empty(self) -> bool:
        return self.value is None


class Comparison(StrEnum):
    GE = "≥"
    LE = "≤"
    EQ = "="
    GT = ">"
    LT = "<"


# the words of a change against a baseline that mean a fall (the others mean a rise)
DECREASE_WORDS = frozenset({"下降", "降低", "减少", "压减", "缩减", "缩短"})


class Target(BaseModel):
    """A parsed 指标值 (or 实际完成值).

    * numeric: ``op`` (or ``None`` for a bare number), ``number`` and ``unit`` (``≥95%`` →
      ``≥``, ``95``, ``%``);
    * qualitative: ``qualitative`` holds the text (``得到提升``); ``op`` may still be set when a
      comparison precedes a non-numeric bound (``≤合同价/预算数``);
    * ``operator_only``: a comparison printed without its number (``≥``, ``$\\geq$``);
    * ``approximate``: the number is qualified as approximate (``60余篇``);
    * ``spelling``: how the comparison was written (``symbol``, ``fullwidth``, ``ascii``,
      ``book_title`` for 《 》, ``word`` for 不低于…, ``suffix`` for …以上, ``latex``,
      ``reversed`` for ``100%≥``, ``equals`` for ``=1次``, ``nature`` when it comes from the
      指标性质 / 指标方向 column: 正向 → ``≥``, 反向 → ``≤``), ``None`` for no comparison;
    * a range (``1-2次``, ``90%-95%``, ``不少于2次且不超过5次``): ``number`` is the lower bound and
      ``upper`` the upper bound, both in ``unit`` (``op`` is ``None``; ``spelling`` ``range``);
    * a change against a baseline (``较上年提高5%``, ``同比下降3%``): ``baseline`` and ``change`` as
      printed, ``number`` the size of the change;
    * ``零事故`` / ``无重大投诉``: ``number`` 0 and ``subject`` what is to be zero (``事故``);
    * a frequency (``每季度1次``) has the period in its unit (``次/季度``), as ``≥1次/年`` does.
    """

    model_config = ConfigDict(frozen=True)

    op: Comparison | None = None
    number: Decimal | None = None
    unit: str | None = None
    qualitative: str | None = None
    operator_only: bool = False
    approximate: bool = False
    spelling: str | None = None
    upper: Decimal | None = None  # a range's upper bound (``number`` is its lower bound)
    baseline: str | None = None  # 较上年 / 同比 / 比上年 …
    change: str | None = None  # 提高 / 增长 / 下降 …: ``number`` is the size of the change
    subject: str | None = None  # 零事故 → 事故

    @property
    def is_numeric(self) -> bool:
        return self.number is not None

    @property
    def is_range(self) -> bool:
        return self.number is not None and self.upper is not None

    @property
    def is_decrease(self) -> bool:
        return self.change in DECREASE_WORDS


class LabelOrigin(StrEnum):
    PRINTED = "printed"  # printed on this row
    INHERITED = "inherited"  # blank on this row: the merged group label printed above
    FOLLOWING = "following"  # blank on this row: the group label printed after its span (below)
    VOCABULARY = "vocabulary"  # implied by the level-2 / level-3 name (fixed template, label vocabulary)


class ScoreLevel(StrEnum):
    ROW = "row"  # one value per indicator row
    LEVEL2 = "level2"  # one value for the level-2 group (merged cell)
    LEVEL1 = "level1"  # one value for the level-1 group (merged cell)


class Period(StrEnum):
    ANNUAL = "年度"
    TERM = "实施期"


class Indicator(BaseModel):
    """One level-3 indicator row (绩效指标) with its level-1/level-2 group labels.

    ``level1``/``level2`` are the group names with layout blanks removed (``投入管理 指标`` →
    ``投入管理指标``); ``level3`` is the name as printed. ``*_origin`` tells whether a group
    label was printed on the row or inherited (``level1_inherited``/``level2_inherited``), and
    ``*_line`` where the label itself was printed.

    For self-evaluations ``weight`` (分值) and ``score`` (得分) may belong to a group:
    ``weight_level``/``score_level`` say at which level the figure is recorded, and the figure
    sits on the row where it was printed (the other rows of the group have ``None`` with the
    same level). An empty group cell is therefore not 0 points.

    ``not_applicable`` marks a row printed for a group that does not apply (no level-3 name and
    no value, or placeholders such as ``/``, ``\\``, ``—``, ``□``, ``此项目无经济效益``).
    ``repairs`` lists what was done to place shifted cells, in words.
    """

    level1: str | None = None
    level1_origin: LabelOrigin | None = None
    level1_line: int | None = None
    level2: str | None = None
    level2_origin: LabelOrigin | None = None
    level2_line: int | None = None
    level3: str | None = None
    description: Text | None = None  # 绩效指标描述 / 指标内容
    target_raw: Text | None = None  # 指标值 / 预期指标值 as printed
    target: Target | None = None
    unit_column: Text | None = None  # 度量单位
    nature: Text | None = None  # 指标性质 (``≥``, ``≤``, ``定性``), a column of its own in some templates
    basis: Text | None = None  # 指标值确定依据
    value_note: Text | None = None  # 指标值说明
    period: Period | None = None
    actual_raw: Text | None = None  # 实际完成指标值
    actual: Target | None = None
    weight: Figure | None = None  # 分值
    weight_level: ScoreLevel | None = None
    score: Figure | None = None  # 得分
    score_level: ScoreLevel | None = None
    deviation_reason: Text | None = None  # 偏差原因
    not_applicable: bool = False
    repairs: list[str] = Field(default_factory=empty_list)
    line: int | None = None
    page: int | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def level1_inherited(self) -> bool:
        return self.level1_origin is not None and self.level1_origin != LabelOrigin.PRINTED

    @computed_field  # type: ignore[prop-decorator]
    @property
    def level2_inherited(self) -> bool:
        return self.level2_origin is not None and self.level2_origin != LabelOrigin.PRINTED


class Task(BaseModel):
    """A 年度主要任务 (name and content; the budget where printed, with its 财政拨款 and 其他资金)."""

    name: Text | None = None
    content: Text | None = None
    budget: Figure | None = None
    fiscal: Figure | None = None  # 财政拨款
    other: Figure | None = None  # 其他资金
    line: int | None = None
    page: int | None = None


class FundingLine(BaseModel):
    """One line of a 按资金来源/按资金方向 list (``其中：一般公共预算资金 | 5607.46``)."""

    label: Text
    amount: Figure | None = None


class DepartmentBudget(BaseModel):
    """预算情况 of a department or unit (money in ``unit``).

    Either the fixed five lines (部门预算总额; 资金来源 财政性资金/其他资金; 资金结构 基本支出/
    项目支出) or two parallel lists by source and by direction.
    """

    unit: str | None = None
    unit_stated: bool = False  # the unit is printed on the form (else implied by the template)
    total: Figure | None = None
    fiscal: Figure | None = None  # 财政性资金
    other: Figure | None = None  # 其他资金
    basic: Figure | None = None  # 基本支出
    project: Figure | None = None  # 项目支出
    by_source: list[FundingLine] = Field(default_factory=empty_list)
    by_direction: list[FundingLine] = Field(default_factory=empty_list)


class Staffing(BaseModel):
    """部门基本信息 counts as printed (``309人`` → 309, unit 人)."""

    internal_divisions: Figure | None = None  # 内设职能部门数
    budget_units: Figure | None = None  # 所属预算单位
    authorized: Figure | None = None  # 核定的人员编制数
    actual: Figure | None = None  # 实际在职人员总数
    on_payroll: Figure | None = None  # 其中：在编人员数
    other: Figure | None = None  # 其他人员数


class Goal(BaseModel):
    """A goal: ``目标1`` … (``ordinal`` as printed), its text, period and, in a self-evaluation,
    what was actually achieved."""

    ordinal: str | None = None
    text: Text | None = None
    period: Period | None = None
    actual: Text | None = None


class SubGoal(BaseModel):
    """A 分项绩效目标 of the narrative department target: heading, 绩效目标 and 绩效指标 sentences."""

    title: Text
    goal: Text | None = None
    indicators: Text | None = None


class DepartmentTarget(BaseModel):
    """整体绩效目标 of a department or unit: a form (申报表) or the narrative variant.

    ``template`` says which: ``declaration`` (整体绩效目标申报表 with 年度履职目标, tasks, 预算情况
    and a 度量单位 column), ``expenditure`` (整体支出绩效申报表 with 部门基本信息, 职责, 战略目标,
    budget lists) or ``narrative`` (prose: 总体目标, 分项目标, 保障措施).
    """

    template: str
    title: Text | None = None
    year: int | None = None
    unit_name: Text | None = None  # 部门（单位）名称, code prefix removed
    unit_code: str | None = None  # ``211`` of ``211-…``
    annual_goal: Text | None = None  # 年度履职目标 / 年度绩效目标
    duties: Text | None = None  # 部门职责
    strategic_goal: Text | None = None  # 部门战略目标
    annual_tasks: Text | None = None  # 年度工作任务 (prose cell)
    tasks: list[Task] = Field(default_factory=empty_list)  # 年度主要任务
    budget: DepartmentBudget | None = None
    staffing: Staffing | None = None
    overall_goal: Text | None = None  # 总体绩效目标 (narrative)
    sub_goals: list[SubGoal] = Field(default_factory=empty_list)  # 分项绩效目标 (narrative)
    measures: list[Text] = Field(default_factory=empty_list)  # 工作保障措施 (narrative)
    indicators: list[Indicator] = Field(default_factory=empty_list)
    line: int | None = None
    end_line: int | None = None
    page: int | None = None


class Funding(BaseModel):
    """Project money for one period, by source (in the project's ``money_unit``).

    ``period`` is ``None`` when the form does not say (a single 预算数).
    """

    period: Period | None = None
    total: Figure | None = None  # 预算数 / 实施期资金总额 / 年度资金总额
    fiscal: Figure | None = None  # 财政资金
    central: Figure | None = None  # 中央财政资金
    provincial: Figure | None = None  # 省级财政资金
    local: Figure | None = None  # 市县（区）财政资金
    self_raised: Figure | None = None  # 单位自筹
    other: Figure | None = None  # 其他资金


class SpendingPlan(BaseModel):
    """资金支出计划: cumulative percentages at the end of months 3, 6, 10 and 12 (may be empty)."""

    march: Figure | None = None
    june: Figure | None = None
    october: Figure | None = None
    december: Figure | None = None
    line: int | None = None


class ProjectTarget(BaseModel):
    """项目绩效目标 (表).

    ``code`` is the project code as printed (formats vary); ``department_code`` the code printed
    with the 主管部门 (``211-…``). ``term`` is the 项目期 as printed; ``ongoing`` is true for the
    ``99年`` sentinel. ``attribute_kind`` is ``经常性`` or ``一次性``.
    """

    # "description" (描述/依据 columns) | "two_period" (实施期 and 年度 side by side) | "one_period"
    # (the national layout with the 年度 columns only)
    template: str
    title: Text | None = None
    year: int | None = None
    code: Text | None = None
    name: Text | None = None
    department: Text | None = None
    department_code: str | None = None
    implementing_unit: Text | None = None
    attribute: Text | None = None
    attribute_kind: str | None = None
    term: Text | None = None
    term_years: int | None = None
    ongoing: bool = False
    money_unit: str | None = None
    money_unit_stated: bool = False  # printed on the form (``项目资金（元）``), else implied
    funding: list[Funding] = Field(default_factory=empty_list)
    purpose: Text | None = None  # 资金用途
    overview: Text | None = None  # 项目概况
    basis: Text | None = None  # 立项依据
    necessity: Text | None = None  # 项目设立必要性
    measures: Text | None = None  # 保证项目实施的制度、措施
    plan: Text | None = None  # 项目实施计划
    spending_plan: SpendingPlan | None = None
    goals: list[Goal] = Field(default_factory=empty_list)
    indicators: list[Indicator] = Field(default_factory=empty_list)
    line: int | None = None
    end_line: int | None = None
    page: int | None = None

    def funding_for(self, period: Period | None) -> Funding | None:
        for funding in self.funding:
            if funding.period == period:
                return funding
        return None


class EvaluationTask(BaseModel):
    """A task row of a self-evaluation: 任务名称, 主要内容 (where printed), 完成情况 (where printed: the
    年度主要任务 of a 部门整体支出绩效自评表 may have none), 预算数/执行数 with 其中本级财政资金."""

    name: Text | None = None
    content: Text | None = None  # 主要内容
    completion: Text | None = None
    budget: Figure | None = None
    budget_own: Figure | None = None  # 其中：本级财政资金
    actual: Figure | None = None  # 执行数
    actual_own: Figure | None = None
    line: int | None = None
    page: int | None = None


class FundsLine(BaseModel):
    """One row of the 项目资金/部门资金 block of a self-evaluation (``年度资金总额``, ``其中：当年财政拨款``,
    ``上年结转资金``, ``其他资金``, ``基本支出`` …): 年初预算数, 全年预算数, 全年执行数 and, where the
    row prints them, 分值, 执行率 and 得分 (placeholders such as ``—`` are empty figures).

    A block split two ways side by side (按收入性质分: 财政拨款, 其他资金 | 按支出性质分: 基本支出,
    项目支出) gives one line per label, each with its ``group``; each group adds up to the total."""

    label: Text
    group: Text | None = None  # the split the row belongs to (按收入性质分, 按支出性质分), where printed
    initial: Figure | None = None  # 年初预算数
    budget: Figure | None = None  # 全年预算数
    actual: Figure | None = None  # 全年执行数
    weight: Figure | None = None  # 分值
    rate: Figure | None = None  # 执行率
    score: Figure | None = None  # 得分
    line: int | None = None
    page: int | None = None


class SelfEvaluation(BaseModel):
    """绩效自评表 (整体 or 项目).

    ``execution_rate`` is 预算执行率 as printed (``85.43%``, ``97.44`` or ``99``; ``value`` is the
    percentage number); ``execution_weight``/``execution_score`` its 分值 and 得分.
    ``goals`` are the 年度总体目标 split at their ordinals (``目标1：``…), ``goals_actual`` the
    实际完成情况 cell as printed; ``total_score`` is 自评得分 (or 总分's 得分, with its 分值 in
    ``total_weight``).

    The national templates (项目支出绩效自评表, 部门整体支出绩效自评表) print a money block instead of
    tasks: ``funds`` holds its rows as printed; the first (年度资金总额) also gives ``initial_budget``
    (年初预算数), ``total_budget`` (全年预算数), ``total_actual`` (全年执行数) and the 执行率 with its
    分值 and 得分. A project form names the project (``project_name``), its 主管部门 and 实施单位.
    """

    scope: str = "整体"  # 整体 | 项目
    title: Text | None = None
    year: int | None = None
    unit_name: Text | None = None
    project_name: Text | None = None  # 项目名称
    department: Text | None = None  # 主管部门, code prefix removed
    department_code: str | None = None
    implementing_unit: Text | None = None  # 实施单位
    money_unit: str | None = None
    tasks: list[EvaluationTask] = Field(default_factory=empty_list)
    funds: list[FundsLine] = Field(default_factory=empty_list)
    initial_budget: Figure | None = None  # 年初预算数
    total_budget: Figure | None = None
    total_budget_own: Figure | None = None
    total_actual: Figure | None = None
    total_actual_own: Figure | None = None
    execution_rate: Figure | None = None
    execution_weight: Figure | None = None
    execution_score: Figure | None = None
    goals: list[Goal] = Field(default_factory=empty_list)
    goals_actual: Text | None = None
    indicators: list[Indicator] = Field(default_factory=empty_list)
    total_score: Figure | None = None
    total_weight: Figure | None = None  # 总分's 分值 (100)
    grade: Text | None = None
    line: int | None = None
    end_line: int | None = None
    page: int | None = None


class ScoreItem(BaseModel):
    """A scored sub-item of an evaluation dimension, from one sentence or clause.

    ``预算执行率为76.27%，得7.63分`` → name ``预算执行率``, ``rate`` 76.27%, ``score`` 7.63;
    ``资金管理计17分`` → ``points`` 17.
    """

    name: Text
    points: Figure | None = None  # 计N分 / 满分
    score: Figure | None = None  # 得N分
    rate: Figure | None = None  # a percentage stated with it
    deduction: Figure | None = None  # 扣N分


class Dimension(BaseModel):
    """A scored dimension: printed name (``决策情况分析``, ``项目过程情况``), its canonical name
    (``决策``, ``过程``, ``产出``, ``效益``; 管理 → 过程, 效果 → 效益), points and score."""

    name: Text
    canonical: str | None = None
    points: Figure | None = None
    score: Figure | None = None
    items: list[ScoreItem] = Field(default_factory=empty_list)


class EvaluationReport(BaseModel):
    """绩效评价报告 (重点绩效评价 / 部门评价), prose.

    ``summary`` is the paragraph of the 情况说明 that announces the evaluation (with its type and
    score, ``summary_score``); the other fields come from the report itself.
    """

    attachment: str | None = None  # 附件1 …
    issuer: Text | None = None
    title: Text | None = None
    project: str | None = None
    year: int | None = None
    evaluation_type: Text | None = None  # 重点绩效评价 | 部门评价
    budget: Figure | None = None
    actual: Figure | None = None
    execution_rate: Figure | None = None
    cost_saving_rate: Figure | None = None
    dimensions: list[Dimension] = Field(default_factory=empty_list)
    total_points: Figure | None = None  # 满分 / 总分
    total: Figure | None = None
    grade: Text | None = None  # 优 良 中 差
    problems: list[Text] = Field(default_factory=empty_list)
    suggestions: list[Text] = Field(default_factory=empty_list)
    summary: Text | None = None
    summary_score: Figure | None = None
    line: int | None = None
    end_line: int | None = None
    page: int | None = None
