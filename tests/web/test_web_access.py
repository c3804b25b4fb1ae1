"""Who may open which page and call which endpoint: one table, every role, every page family."""

from __future__ import annotations

import pytest

from perfbudget.store import models as db

pytestmark = [pytest.mark.django_db, pytest.mark.db]

ROLES = ("anonymous", "viewer", "department", "reviewer", "admin")
LOGIN = 302  # the sign-in page
NOT_STAFF = 302  # the admin's own sign-in page

# url template, then the status for anonymous, viewer, department, reviewer, admin.
# {doc}: seed 004 (临汾, not published); {pub}: a published document of another department;
# {finding}/{table}: a finding and a table of seed 004.
GET_MATRIX = [
    ("/", LOGIN, 200, 200, 200, 200),
    ("/documents/", LOGIN, 200, 200, 200, 200),
    ("/documents/{doc}/", LOGIN, 404, 200, 200, 200),
    ("/documents/{pub}/", LOGIN, 200, 200, 200, 200),
    ("/documents/{doc}/source/?t=t3&r=0&c=total", LOGIN, 404, 200, 200, 200),
    ("/documents/{pub}/source/?t=t1&r=0&c=total", LOGIN, 200, 200, 200, 200),
    ("/documents/{doc}/original/", LOGIN, 404, 200, 200, 200),
    ("/findings/", LOGIN, 200, 200, 200, 200),
    ("/findings/?severity=info", LOGIN, 200, 200, 200, 200),
    ("/findings/{finding}/", LOGIN, 404, 200, 200, 200),
    ("/compare/", LOGIN, 200, 200, 200, 200),
    # a viewer cannot choose a department or year of documents it may not see: 400, nothing leaks
    ("/compare/export.csv?mode=department&stage=预算&department={dept}", LOGIN, 400, 200, 200, 200),
    ("/compare/export.xlsx?mode=year&stage=预算&year=2024", LOGIN, 400, 200, 200, 200),
    ("/compare/export.csv?mode=year&stage=预算&year=2025", LOGIN, 200, 200, 200, 200),
    ("/search/?q=监测", LOGIN, 200, 200, 200, 200),
    ("/import/", LOGIN, 403, 200, 200, 200),
    ("/users/", LOGIN, 403, 403, 403, 200),
    ("/users/new/", LOGIN, 403, 403, 403, 200),
    ("/users/{viewer}/", LOGIN, 403, 403, 403, 200),
    ("/password/", LOGIN, 200, 200, 200, 200),
    ("/admin/", NOT_STAFF, NOT_STAFF, NOT_STAFF, NOT_STAFF, 200),
    ("/api/me", 401, 200, 200, 200, 200),
    ("/api/departments", 401, 200, 200, 200, 200),
    ("/api/documents", 401, 200, 200, 200, 200),
    ("/api/documents/{doc}", 401, 404, 200, 200, 200),
    ("/api/documents/{pub}", 401, 200, 200, 200, 200),
    ("/api/documents/{doc}/tables", 401, 404, 200, 200, 200),
    ("/api/tables/{table}", 401, 404, 200, 200, 200),
    ("/api/findings", 401, 200, 200, 200, 200),
    ("/api/findings/{finding}", 401, 404, 200, 200, 200),
    # performance forms: visible exactly when their document is ({project}/{dtarget}: seed 004, the
    # department user's own; {evaluation}/{report}: seed 002, another department, unpublished)
    ("/projects/", LOGIN, 200, 200, 200, 200),
    ("/projects/?department={dept}&year=2024", LOGIN, 200, 200, 200, 200),
    ("/projects/{project}/", LOGIN, 404, 200, 200, 200),
    ("/targets/{dtarget}/", LOGIN, 404, 200, 200, 200),
    ("/evaluations/{evaluation}/", LOGIN, 404, 404, 200, 200),
    ("/reports/{report}/", LOGIN, 404, 404, 200, 200),
    ("/compare/indicators/", LOGIN, 200, 200, 200, 200),
    ("/compare/indicators/?form=project&year=2024", LOGIN, 200, 200, 200, 200),
    ("/search/?q=监测经费", LOGIN, 200, 200, 200, 200),
    ("/api/projects", 401, 200, 200, 200, 200),
    ("/api/projects?department={dept}&year=2024", 401, 200, 200, 200, 200),
    ("/api/projects/{project}", 401, 404, 200, 200, 200),
    ("/api/indicators", 401, 200, 200, 200, 200),
    ("/api/indicators?level1=产出指标", 401, 200, 200, 200, 200),
    ("/api/department-targets", 401, 200, 200, 200, 200),
    ("/api/department-targets/{dtarget}", 401, 404, 200, 200, 200),
    ("/api/self-evaluations", 401, 200, 200, 200, 200),
    ("/api/self-evaluations/{evaluation}", 401, 404, 404, 200, 200),
    ("/api/evaluation-reports", 401, 200, 200, 200, 200),
    ("/api/evaluation-reports/{report}", 401, 404, 404, 200, 200),
    ("/api/docs", LOGIN, 200, 200, 200, 200),
    ("/api/openapi.json", LOGIN, 200, 200, 200, 200),
]

POST_MATRIX = [
    # url, form data, statuses
    ("/findings/{finding}/review/", {"status": "confirmed", "comment": "已核实"}, LOGIN, 403, 403, 302, 302),
    ("/documents/{doc}/publish/", {"published": "1"}, LOGIN, 403, 403, 302, 302),
    ("/users/new/", {}, LOGIN, 403, 403, 403, 200),  # an empty form: shown again with errors
]


@pytest.fixture
def places(seed_004, seed_002, published_other, users):
    finding = seed_004.findings.order_by("pk").first()
    return {
        "project": db.Project.objects.filter(document=seed_004).order_by("pk").first().pk,
        "dtarget": db.DepartmentTarget.objects.get(document=seed_004).pk,
        "evaluation": db.SelfEvaluation.objects.filter(document=seed_002).order_by("pk").first().pk,
        "report": db.EvaluationReport.objects.filter(document=seed_002).order_by("pk").first().pk,
        "doc": seed_004.pk,
        "pub": published_other.pk,
        "finding": finding.pk,
        "table": seed_004.tables.get(ident="t1").pk,
        "dept": seed_004.department_id,
        "viewer": users["viewer"].pk,
    }


@pytest.fixture
def with_original(seed_004):
    db.Original.objects.create(sha256=seed_004.sha256, name=seed_004.file_name, data=b"kept bytes")


@pytest.mark.parametrize(("url", *ROLES), GET_MATRIX, ids=[row[0] for row in GET_MATRIX])
def test_get(clients, places, with_original, url, anonymous, viewer, department, reviewer, admin):
    expected = dict(zip(ROLES, (anonymous, viewer, department, reviewer, admin), strict=True))
    got = {role: clients[role].get(url.format(**places)).status_code for role in ROLES}
    assert got == expected


@pytest.mark.parametrize(("url", "data", *ROLES), POST_MATRIX, ids=[row[0] for row in POST_MATRIX])
def test_post(clients, places, url, data, anonymous, viewer, department, reviewer, admin):
    expected = dict(zip(ROLES, (anonymous, viewer, department, reviewer, admin), strict=True))
    got = {role: clients[role].post(url.format(**places), data).status_code for role in ROLES}
    assert got == expected


def test_import_endpoint_by_role(clients):
    from django.core.files.uploadedfile import SimpleUploadedFile

    got = {}
    for role in ROLES:
        upload = SimpleUploadedFile("空.txt", b"")
        got[role] = clients[role].post("/import/file/", {"file": upload}).status_code
    assert got == {"anonymous": LOGIN, "viewer": 403, "department": 200, "reviewer": 200, "admin": 200}


def test_api_review_by_role(clients, places):
    got = {}
    for role in ROLES:
        response = clients[role].post(
            f"/api/findings/{places['finding']}/review",
            {"status": "confirmed", "comment": "核对无误"},
            content_type="application/json",
        )
        got[role] = response.status_code
    assert got == {"anonymous": 401, "viewer": 403, "department": 403, "reviewer": 200, "admin": 200}


def test_anonymous_is_sent_to_sign_in(clients, places):
    response = clients["anonymous"].get(f"/documents/{places['doc']}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=/documents/")


def test_viewer_sees_only_published(clients, seed_004, published_other):
    page = clients["viewer"].get("/documents/").content.decode()
    assert published_other.file_name in page
    assert seed_004.file_name not in page
    api = clients["viewer"].get("/api/documents").json()
    assert [d["id"] for d in api["items"]] == [published_other.pk]


def test_department_user_sees_own_department_and_published(clients, seed_004, published_other, users):
    other = db.Document.objects.create(
        sha256="f" * 64,
        file_name="他部门.txt",
        path="他部门.txt",
        format="text",
        size=1,
        department=db.Department.objects.create(name="青川市教育局"),
        model_json={},
    )
    ids = {d["id"] for d in clients["department"].get("/api/documents").json()["items"]}
    assert ids == {seed_004.pk, published_other.pk}
    assert other.pk not in ids
    assert clients["reviewer"].get(f"/documents/{other.pk}/").status_code == 200
    assert clients["department"].get(f"/documents/{other.pk}/").status_code == 404


def test_inactive_user_cannot_use_api(users, places):
    from django.test import Client

    user = users["reviewer"]
    user.is_active = False
    user.save()
    client = Client()
    client.force_login(user)
    assert client.get("/api/documents").status_code == 401


def test_basic_auth_for_scripts(users, places, password):
    import base64

    from django.test import Client

    token = base64.b64encode(f"reviewer:{password}".encode()).decode()
    response = Client().get("/api/documents", HTTP_AUTHORIZATION=f"Basic {token}")
    assert (
        response.status_code == 200 and response.json()["count"] == 3
    )  # seeds 004 and 002, and the published one
    wrong = base64.b64encode(b"reviewer:wrong").decode()
    assert Client().get("/api/documents", HTTP_AUTHORIZATION=f"Basic {wrong}").status_code == 401


def test_forms_need_csrf(users, places):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(users["reviewer"])
    response = client.post(f"/findings/{places['finding']}/review/", {"status": "confirmed"})
    assert response.status_code == 403
    api = client.post(
        f"/api/findings/{places['finding']}/review", {"status": "confirmed"}, content_type="application/json"
    )
    assert api.status_code == 403  # a session without the CSRF token cannot write through the API either
