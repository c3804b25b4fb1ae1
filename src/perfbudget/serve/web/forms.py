"""Forms: sign-in, filters, review, users. Django renders them with CSRF tokens and escapes values."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password

from perfbudget.store import models as db

STAGES = (("", "全部"), ("预算", "预算"), ("决算", "决算"))
SEVERITIES = (("", "全部"), ("error", "错误"), ("warning", "警告"), ("info", "提示"))


class SignInForm(AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update({"autofocus": True, "autocomplete": "username"})


def _choices(values, blank="全部"):
    return [("", blank), *((str(v), str(v)) for v in values)]


class DocumentFilter(forms.Form):
    region = forms.ChoiceField(label="地区", required=False)
    department = forms.ChoiceField(label="部门", required=False)
    year = forms.ChoiceField(label="年度", required=False)
    stage = forms.ChoiceField(label="阶段", required=False, choices=STAGES)

    def __init__(self, data, *, regions, departments, years, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["region"].choices = _choices(regions)
        self.fields["department"].choices = [("", "全部"), *((str(d.pk), d.name) for d in departments)]
        self.fields["year"].choices = _choices(years)


class FindingFilter(DocumentFilter):
    severity = forms.ChoiceField(label="级别", required=False, choices=SEVERITIES)
    rule = forms.ChoiceField(label="规则", required=False)
    status = forms.ChoiceField(
        label="复核状态", required=False, choices=[("", "全部"), *db.Finding.Status.choices]
    )

    def __init__(self, data, *, rules, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["rule"].choices = _choices(rules)


class ReviewForm(forms.Form):
    status = forms.ChoiceField(label="复核结论", choices=db.Finding.Status.choices)
    comment = forms.CharField(
        label="复核意见", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        data = super().clean()
        if data.get("status") == db.Finding.Status.DISMISSED and not (data.get("comment") or "").strip():
            self.add_error("comment", "排除一条审核发现时，请写明理由。")
        return data


class CompareForm(forms.Form):
    MODES = (("department", "一个部门，历年对比"), ("year", "同一年度，多个部门对比"))
    mode = forms.ChoiceField(label="对比方式", choices=MODES, initial="department", widget=forms.RadioSelect)
    stage = forms.ChoiceField(label="阶段", choices=STAGES[1:], initial="预算")
    department = forms.ChoiceField(label="部门", required=False)
    year = forms.ChoiceField(label="年度", required=False)
    departments = forms.MultipleChoiceField(
        label="部门（可多选）", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, data, *, departments, years, **kwargs):
        super().__init__(data, **kwargs)
        names = [(str(d.pk), d.name) for d in departments]
        self.fields["department"].choices = [("", "请选择"), *names]
        self.fields["departments"].choices = names
        self.fields["year"].choices = [("", "请选择"), *((str(y), f"{y} 年") for y in years)]


class UserForm(forms.Form):
    username = forms.CharField(label="用户名", max_length=150)
    full_name = forms.CharField(label="姓名", max_length=150, required=False)
    role = forms.ChoiceField(label="角色", choices=db.Role.choices)
    department = forms.ModelChoiceField(
        label="所属部门", queryset=db.Department.objects.all(), required=False, empty_label="（无）"
    )
    is_active = forms.BooleanField(label="启用", required=False, initial=True)
    password = forms.CharField(
        label="密码",
        required=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text="新建用户时必填；修改用户时留空表示不改密码。",
    )

    def __init__(self, *args, instance=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance = instance
        if instance is not None:
            self.fields["username"].disabled = True

    def clean_username(self):
        name = self.cleaned_data["username"].strip()
        users = get_user_model().objects.filter(username=name)
        if self.instance is not None:
            users = users.exclude(pk=self.instance.pk)
        if users.exists():
            raise forms.ValidationError("这个用户名已被使用。")
        return name

    def clean(self):
        data = super().clean()
        if data.get("role") == db.Role.DEPARTMENT and not data.get("department"):
            self.add_error("department", "部门财务人员需要指定所属部门。")
        password = data.get("password")
        if self.instance is None and not password:
            self.add_error("password", "请为新用户设置密码。")
        if password:
            try:
                validate_password(password, self.instance)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class ProjectFilter(forms.Form):
    """绩效项目: a department-year, or a name."""

    department = forms.ChoiceField(label="部门", required=False)
    year = forms.ChoiceField(label="年度", required=False)
    q = forms.CharField(label="项目名称", required=False, max_length=100)

    def __init__(self, data, *, departments, years, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["department"].choices = [("", "全部"), *((str(d.pk), d.name) for d in departments)]
        self.fields["year"].choices = _choices(years)
        self.fields["q"].widget.attrs.update({"placeholder": "两个字即可", "size": 14})


class IndicatorMixForm(forms.Form):
    """对比分析 › 指标结构: which forms' indicators, which year and which departments."""

    FORMS = (
        ("", "全部表单"),
        ("project", "项目绩效目标"),
        ("department_target", "整体绩效目标"),
        ("self_evaluation", "绩效自评"),
    )
    form = forms.ChoiceField(label="来源", required=False, choices=FORMS)
    year = forms.ChoiceField(label="年度", required=False)
    department = forms.ChoiceField(label="部门", required=False)

    def __init__(self, data, *, departments, years, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["department"].choices = [("", "全部"), *((str(d.pk), d.name) for d in departments)]
        self.fields["year"].choices = _choices(years)
