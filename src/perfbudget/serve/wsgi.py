"""WSGI entry point: ``gunicorn perfbudget.serve.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "perfbudget.serve.settings")

application = get_wsgi_application()
