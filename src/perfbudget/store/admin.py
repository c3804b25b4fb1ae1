"""Admin: imported records are read-only (imports write them); departments and reviews are edited."""

from django.contrib import admin

from perfbudget.store import models as db


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(db.Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("name", "region")
    search_fields = ("name", "region")


@admin.register(db.Document)
class DocumentAdmin(ReadOnlyAdmin):
    list_display = ("file_name", "department", "fiscal_year", "stage", "family", "format", "imported_at")
    list_filter = ("fiscal_year", "family", "stage", "format")
    search_fields = ("file_name", "path", "sha256", "department__name")
    list_select_related = ("department",)
    exclude = ("model_json",)  # megabytes of JSON; the tables and rows show it better
    date_hierarchy = "imported_at"


@admin.register(db.Table)
class TableAdmin(ReadOnlyAdmin):
    list_display = ("ident", "kind_name", "title", "issuer", "unit", "document")
    list_filter = ("kind",)
    search_fields = ("title", "label", "document__file_name")
    list_select_related = ("document",)
    raw_id_fields = ("document",)


@admin.register(db.Row)
class RowAdmin(ReadOnlyAdmin):
    list_display = ("label", "code", "role", "level", "table")
    list_filter = ("role", "code_system")
    search_fields = ("label", "code")
    list_select_related = ("table",)
    raw_id_fields = ("table",)


@admin.register(db.Finding)
class FindingAdmin(admin.ModelAdmin):
    """Findings are written by imports; only the review fields are edited here."""

    list_display = ("rule", "severity", "status", "message", "document", "table_ident", "row_index")
    list_filter = ("severity", "status", "origin", "rule")
    search_fields = ("message", "rule", "document__file_name")
    list_select_related = ("document",)
    raw_id_fields = ("document", "reviewer")
    readonly_fields = tuple(
        f.name
        for f in db.Finding._meta.fields
        if f.name not in {"status", "reviewer", "review_comment", "reviewed_at"}
    )

    def has_add_permission(self, request, obj=None):
        return False
