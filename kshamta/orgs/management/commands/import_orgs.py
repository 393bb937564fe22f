from __future__ import annotations

from collections.abc import Callable

from kshamta.orgs.actions import ImportReport, import_org_rows
from kshamta.orgs.management.commands._importing import TableImportCommand


class Command(TableImportCommand):
    help = (
        "Load or update the organisation tree from CSV/XLSX with columns code, parent_code, type, name_en, name_hi. "
        "The file is checked whole first: a missing parent or a cycle rejects it and nothing is written."
    )
    required_columns = ["code", "parent_code", "type", "name_en", "name_hi"]

    def importer(self) -> Callable[..., ImportReport]:
        return import_org_rows
