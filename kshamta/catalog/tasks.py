"""Background job of the catalogue upload page."""

from __future__ import annotations

from typing import Any

from django_tasks import task

from kshamta.catalog import importing


@task()
def import_uploaded_catalogue(token: str) -> dict[str, Any]:
    """Load the catalogue stored under ``token``; the page polls its progress record."""
    status = importing.run_stored_import(token)
    return {"state": status.get("state", ""), "counts": status.get("counts", {})}
