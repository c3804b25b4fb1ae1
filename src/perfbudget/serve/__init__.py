"""The Django project that serves stored documents on the web (settings, URLs, WSGI)."""
