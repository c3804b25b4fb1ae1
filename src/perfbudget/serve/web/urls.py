from django.contrib.auth import views as auth_views
from django.urls import path

from perfbudget.serve.web.forms import SignInForm
from perfbudget.serve.web.views import (
    compare,
    documents,
    findings,
    home,
    imports,
    performance,
    search,
    source,
    users,
)

app_name = "web"

urlpatterns = [
    path("", home.home, name="home"),
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="web/login.html", authentication_form=SignInForm),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(template_name="web/password.html", success_url="/"),
        name="password",
    ),
    path("documents/", documents.document_list, name="documents"),
    path("documents/<int:pk>/", documents.document_page, name="document"),
    path("documents/<int:pk>/publish/", documents.publish, name="publish"),
    path("documents/<int:pk>/original/", source.download_original, name="original"),
    path("documents/<int:pk>/source/", source.source_excerpt, name="source"),
    path("findings/", findings.finding_list, name="findings"),
    path("findings/<int:pk>/", findings.finding_page, name="finding"),
    path("findings/<int:pk>/review/", findings.review, name="review"),
    path("projects/", performance.project_list, name="projects"),
    path("projects/<int:pk>/", performance.project_page, name="project"),
    path("targets/<int:pk>/", performance.department_target_page, name="department_target"),
    path("evaluations/<int:pk>/", performance.self_evaluation_page, name="self_evaluation"),
    path("reports/<int:pk>/", performance.evaluation_report_page, name="evaluation_report"),
    path("compare/", compare.compare_page, name="compare"),
    path("compare/indicators/", compare.indicator_mix_page, name="indicator_mix"),
    path("compare/export.<str:fmt>", compare.compare_export, name="compare_export"),
    path("search/", search.search_page, name="search"),
    path("import/", imports.import_page, name="import"),
    path("import/file/", imports.import_file, name="import_file"),
    path("users/", users.user_list, name="users"),
    path("users/new/", users.user_create, name="user_create"),
    path("users/<int:pk>/", users.user_edit, name="user_edit"),
]
