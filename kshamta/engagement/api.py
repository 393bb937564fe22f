"""HTTP API of the engagement app (mounted under /api/v1/)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["engagement"])
