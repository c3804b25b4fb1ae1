"""``perfbudget serve``: migrate, make sure someone can sign in, then run the web server."""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path


def ensure_admin(username: str = "admin") -> str | None:
    """Create an administrator when the database has no user at all; returns the new password."""
    from django.contrib.auth import get_user_model

    from perfbudget.store import models as db

    users = get_user_model().objects
    if users.exists():
        return None
    password = secrets.token_urlsafe(9)
    user = users.create_superuser(username=username, email="", password=password)
    db.Profile.objects.update_or_create(user=user, defaults={"role": db.Role.ADMIN})
    return password


def serve(host: str = "127.0.0.1", port: int = 8000, home: Path | None = None, reload: bool = False) -> int:
    if home is not None:
        os.environ["PERFBUDGET_HOME"] = str(home)
    from perfbudget.store.django_setup import migrate

    migrate()
    from django.conf import settings
    from django.core.management import call_command

    password = ensure_admin()
    address = f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
    out = sys.stderr
    out.write(f"perfbudget 网页：{address}\n")
    out.write(f"  JSON API：{address}api/（文档 {address}api/docs）\n")
    out.write(f"  数据库：{settings.DATABASES['default']['NAME']}\n")
    if password:
        out.write(f"  已创建管理员账号：用户名 admin，密码 {password}（请登录后在“修改密码”中更改）\n")
    out.write("按 Ctrl+C 停止。\n")
    out.flush()
    call_command(
        "runserver",
        f"{host}:{port}" if ":" not in host else f"[{host}]:{port}",
        use_reloader=reload,
        use_threading=True,
        insecure_serving=True,  # CSS and JavaScript also when PERFBUDGET_DEBUG=0
    )
    return 0
