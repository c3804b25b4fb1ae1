"""Web fixtures: one user per role, seed 004 (临汾 2024 部门预算) stored with its check findings,
and a small published document of another (fictional) department; seeds 001 (项目绩效目标) and
002 (绩效自评, 绩效评价报告) for the performance pages.

Seed 004 is parsed and checked once per session (pure Python); each test stores it again, which
is only database inserts.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from perfbudget import model as core
from perfbudget.store import models as db
from perfbudget.store.save import save_document

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
PASSWORD = "Perfbudget-test-2024"
ROLES = ("viewer", "department", "reviewer", "admin")


def seed_path(number: str) -> Path:
    matches = sorted(SEEDS.glob(f"{number}_*.txt"))
    if not matches:
        pytest.skip(f"seed {number} not found under {SEEDS}")
    return matches[0]


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # tests only


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture
def seed_file():
    """``seed_file("004")``: the path of a seed text file (the test is skipped without seeds)."""
    return seed_path


@pytest.fixture(scope="session")
def parsed_004():
    from perfbudget.check import run_checks
    from perfbudget.pipeline import load_document

    document = load_document(seed_path("004"))
    return document, run_checks(document)


@pytest.fixture
def seed_004(parsed_004) -> db.Document:
    document, findings = parsed_004
    return save_document(document, findings).document


def _parsed(number: str):
    from perfbudget.check import run_checks
    from perfbudget.pipeline import load_document

    document = load_document(seed_path(number))
    return document, run_checks(document)


@pytest.fixture(scope="session")
def parsed_001():
    """Seed 001 (承德 2021 项目绩效目标, 13 projects in 万元, no department named)."""
    return _parsed("001")


@pytest.fixture(scope="session")
def parsed_002():
    """Seed 002 (焦作 2020 决算 with 8 整体绩效自评 and 5 绩效评价报告)."""
    return _parsed("002")


@pytest.fixture
def seed_001(parsed_001) -> db.Document:
    document, findings = parsed_001
    return save_document(document, findings).document


@pytest.fixture
def seed_002(parsed_002) -> db.Document:
    document, findings = parsed_002
    return save_document(document, findings).document


def other_document(name: str = "青川市财政局", script: str = "") -> core.Document:
    """A small 支出总表 of a fictional department; ``script`` goes into a cell and a label."""
    source = core.SourceFile(
        path=f"{name}2025.txt",
        name=f"{name}2025.txt",
        sha256=hashlib.sha256((name + script).encode()).hexdigest(),
        size=100,
        format="text",
        encoding="utf-8",
    )
    columns = [
        core.Column(key="code", header=["项目", "科目编码"], measure=False),
        core.Column(key="name", header=["项目", "科目名称"], measure=False),
        core.Column(key="total", header=["2025年预算数", "合计"]),
        core.Column(key="basic", header=["2025年预算数", "基本支出"]),
        core.Column(key="project", header=["2025年预算数", "项目支出"]),
        core.Column(key="note", header=["备注"], measure=False),
    ]

    def cells(line, total, basic, project, note=""):
        def cell(text):
            return core.Cell(text=text, value=Decimal(text.replace(",", "")) if text else None, line=line)

        return {
            "total": cell(total),
            "basic": cell(basic),
            "project": cell(project),
            "note": core.Cell(text=note, line=line),
        }

    rows = [
        core.Row(
            label="合计",
            role=core.RowRole.TOTAL,
            level=0,
            line=5,
            cells=cells(5, "1,000.50", "600.25", "400.25", script),
        ),
        core.Row(
            label="一般公共服务支出" + script,
            code="201",
            code_system="functional",
            level=1,
            role=core.RowRole.GROUP,
            line=6,
            cells=cells(6, "1,000.50", "600.25", "400.25"),
        ),
    ]
    table = core.Table(
        id="t1",
        kind="expenditure",
        kind_name="支出总表",
        title=f"{name}2025年预算支出总表",
        unit="万元",
        columns=columns,
        header_rows=[
            ["项目", "项目", "2025年预算数", "2025年预算数", "2025年预算数", "备注"],
            ["科目编码", "科目名称", "合计", "基本支出", "项目支出", ""],
        ],
        rows=rows,
        line=3,
    )
    return core.Document(
        source=source,
        family="budget_disclosure",
        department=name,
        fiscal_year=2025,
        stage="预算",
        money_unit="万元",
        tables=[table],
        paragraphs=[core.Paragraph(text=f"{name}负责全市财政收支管理。{script}", line=1)],
    )


@pytest.fixture
def published_other() -> db.Document:
    stored = save_document(other_document()).document
    stored.published = True
    stored.save(update_fields=["published"])
    return stored


@pytest.fixture
def users(db) -> dict:
    """One user per role; the department user belongs to seed 004's department."""
    department, _ = db_department("临汾市生态环境局")
    made = {}
    for role in ROLES:
        user = get_user_model().objects.create_user(
            username=role, password=PASSWORD, first_name=f"测试{role}"
        )
        if role == "admin":
            user.is_staff = user.is_superuser = True
            user.save()
        db_profile(user, role, department if role == "department" else None)
        made[role] = user
    return made


def db_department(name: str):
    return db.Department.objects.get_or_create(name=name)


def db_profile(user, role: str, department=None):
    return db.Profile.objects.update_or_create(user=user, defaults={"role": role, "department": department})


@pytest.fixture
def clients(users) -> dict[str, Client]:
    """A signed-in client per role, plus ``anonymous``."""
    made = {"anonymous": Client()}
    for role, user in users.items():
        client = Client()
        client.force_login(user)
        made[role] = client
    return made
