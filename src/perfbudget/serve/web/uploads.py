"""Import files uploaded through the browser: limits, the importer, and who imported what.

The importer stores each file in one transaction. The uploader and the file's bytes are recorded
from inside that transaction (by the ``post_save`` receiver in :mod:`signals`, through a context
variable), so a file is stored with its provenance and original, or not at all.
"""

from __future__ import annotations

import contextvars
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from perfbudget.read.paths import SUFFIXES
from perfbudget.store import models as db
from perfbudget.store.importer import FileResult, import_data


@dataclass(frozen=True)
class _Upload:
    user: object
    data: bytes
    name: str


_current: contextvars.ContextVar[_Upload | None] = contextvars.ContextVar("perfbudget_upload", default=None)


@dataclass(frozen=True)
class UploadResult:
    name: str
    status: str  # stored | duplicate | error
    message: str = ""
    document_id: int | None = None
    tables: int = 0
    rows: int = 0
    findings: dict | None = None
    department: str = ""
    warning: str = ""  # stored, but not under the uploader's department

    @property
    def status_label(self) -> str:
        return {"stored": "已入库", "duplicate": "重复，已存在", "error": "失败"}[self.status]


def max_bytes() -> int:
    return settings.PERFBUDGET_UPLOAD_MAX_MB * 1024 * 1024


def too_many(count: int) -> str | None:
    limit = settings.PERFBUDGET_UPLOAD_MAX_FILES
    if count > limit:
        return f"一次最多上传 {limit} 个文件，您选择了 {count} 个。请分批上传。"
    return None


def import_upload(upload: UploadedFile, user) -> UploadResult:
    """Import one uploaded file; every outcome is a result, never an exception for bad content."""
    name = Path(upload.name or "未命名文件").name
    if upload.size is not None and upload.size > max_bytes():
        size_mb = upload.size / 1024 / 1024
        return UploadResult(
            name,
            "error",
            f"文件过大（{size_mb:.1f} MB），单个文件上限为 {settings.PERFBUDGET_UPLOAD_MAX_MB} MB。",
        )
    if Path(name).suffix.lower() not in SUFFIXES:
        kinds = "、".join(sorted(SUFFIXES))
        return UploadResult(name, "error", f"不支持的文件类型，请上传 {kinds} 文件。")
    data = upload.read()
    if not data:
        return UploadResult(name, "error", "文件是空的。")
    return import_bytes(data, name, user)


def import_bytes(data: bytes, name: str, user) -> UploadResult:
    from perfbudget.check import run_checks

    token = _current.set(_Upload(user, data, name))
    try:
        result: FileResult = import_data(data, name, run_checks=run_checks)
    finally:
        _current.reset(token)
    if result.status == "duplicate" and result.document_id is not None:
        keep_original(result.sha256, name, data)  # an earlier import from disk kept no bytes
    return _result(result, user)


def document_created(document: db.Document) -> None:
    """Called as a document is stored (same transaction): record the uploader and keep the bytes."""
    upload = _current.get()
    if upload is None:
        return
    if getattr(upload.user, "pk", None) is not None:
        db.Document.objects.filter(pk=document.pk).update(imported_by=upload.user)
        document.imported_by = upload.user
    keep_original(document.sha256, upload.name, upload.data)


def keep_original(sha256: str, name: str, data: bytes) -> None:
    original, created = db.Original.objects.get_or_create(
        sha256=sha256, defaults={"name": name, "data": data}
    )
    if not created and original.data is None:
        original.data = data
        original.save(update_fields=["data"])


_REASONS = (  # the reader's one-line reasons (English) → what a user should read (first match)
    ("need LibreOffice", "读取旧版 Word（.doc）文件需要安装 LibreOffice，请另存为 .docx 后再上传。"),
    ("could not convert", "旧版 Word（.doc）文件无法转换（可能已损坏或设有密码）。"),
    ("did not convert it in time", "旧版 Word（.doc）文件转换超时。"),
    ("password-protected", "文件设有密码，无法读取。请取消密码后再上传。"),
    ("damaged", "文件已损坏或不完整，无法读取。"),
    ("truncated", "文件已损坏或不完整，无法读取。"),
    ("neither a Word", "压缩包既不是 Word 文件也不是 Excel 文件。"),
    ("unsupported file type", "不支持的文件类型。"),
    ("the file is empty", "文件是空的。"),
    ("holds no text", "文件中没有文字。"),
    ("NUL bytes", "这不是文本文件（含二进制内容）。"),
    ("wrongly encoded", "无法识别文件的文字编码。"),
    ("not valid UTF-8", "无法识别文件的文字编码（不是 UTF-8、GB18030 或 UTF-16）。"),
    ("unexpected", "读取时程序出错，请将该文件提供给系统管理员。"),
)


def explain(message: str) -> str:
    """A Chinese explanation of an import error, with the reader's own words kept for support."""
    for marker, text in _REASONS:
        if marker in message:
            return f"{text}（{message}）"
    return message


def _result(result: FileResult, user) -> UploadResult:
    department = ""
    warning = ""
    if result.document_id is not None:
        stored = db.Document.objects.select_related("department").filter(pk=result.document_id).first()
        if stored is not None and stored.department is not None:
            department = stored.department.name
        from perfbudget.serve.web.access import Role, department_of, role_of

        mine = department_of(user)
        mismatch = stored is not None and mine is not None and stored.department_id != mine.pk
        if role_of(user) == Role.DEPARTMENT and mismatch:
            warning = f"识别出的部门是“{department or '未识别'}”，不是您所在的“{mine.name}”。"
    return UploadResult(
        name=result.path,
        status=result.status,
        message=explain(result.message) if result.message else "",
        document_id=result.document_id,
        tables=result.tables,
        rows=result.rows,
        findings=dict(result.findings),
        department=department,
        warning=warning,
    )
