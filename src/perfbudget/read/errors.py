"""The one error a reader raises: a file that cannot be read at all."""

from __future__ import annotations


class ReadError(Exception):
    """A file cannot be read. ``str()`` is one line naming the file, the place and the reason."""

    def __init__(self, path: str, reason: str, place: str | None = None):
        self.path = path
        self.reason = reason
        self.place = place
        where = f"{path}:{place}" if place else path
        super().__init__(f"{where}: {reason}")
