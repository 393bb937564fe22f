from __future__ import annotations

from collections.abc import Callable

from kshamta.orgs.actions import ImportReport, import_designation_rows
from kshamta.orgs.management.commands._importing import TableImportCommand


class Command(TableImportCommand):
    help = (
        "Load or update designations and sanctioned strength from CSV/XLSX with columns "
        "org_code, code, name_en, name_hi, group, sanctioned (optional: cadre). Each row is applied on its own."
    )
    required_columns = ["org_code", "code", "name_en", "name_hi", "group", "sanctioned"]

    def importer(self) -> Callable[..., ImportReport]:
        return import_designation_rows
