"""Keep the search index and provenance of a document as it is stored, in the import's transaction."""

from __future__ import annotations

from django.db.models.signals import post_save
from django.dispatch import receiver

from perfbudget.serve.web import uploads
from perfbudget.store import models as db


@receiver(post_save, sender=db.Document, dispatch_uid="perfbudget.web.document_stored")
def document_stored(sender, instance: db.Document, created: bool, raw: bool = False, **kwargs) -> None:
    if not created or raw:
        return
    db.Paragraph.objects.bulk_create(
        db.Paragraph(
            document=instance,
            order=order,
            text=p.get("text") or "",
            line=p.get("line"),
            page=p.get("page"),
            heading=bool(p.get("heading")),
        )
        for order, p in enumerate((instance.model_json or {}).get("paragraphs") or [])
    )
    uploads.document_created(instance)
