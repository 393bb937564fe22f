"""Write the demo's department documents from ``content.py``.

    .venv/bin/python kshamta/planning/demo_docs/make_docs.py

Writes, next to this script:
  revenue_organogram.xlsx        the organogram (openpyxl), English headers
  revenue_work_allocation.docx   the work allocation (python-docx), a heading per designation or wing
  revenue_annual_report.pdf      the annual report (kshamta.core.pdf), a page per chapter
  revenue_acts_rules.txt         acts and rules summarised, one page (form feed) per act
  health_organogram.csv          a Health organogram with Hindi headers
  health_work_allocation.txt     a short Health work allocation
"""

from __future__ import annotations

import csv
import datetime
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kshamta.planning.demo_docs import content  # noqa: E402

FIXED_TIME = datetime.datetime(2026, 3, 1, 10, 0, 0)


def organogram_xlsx() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Organogram"
    sheet.append(["Designation", "Group", "Sanctioned posts", "Reports to", "Wing"])
    for row in content.REVENUE_ORGANOGRAM:
        sheet.append(list(row))
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def work_allocation_docx() -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.created = FIXED_TIME
    document.core_properties.modified = FIXED_TIME
    document.add_heading(content.REVENUE_TITLE, level=0)
    for paragraph in content.REVENUE_PREAMBLE:
        document.add_paragraph(paragraph)
    for heading, duties in content.REVENUE_WORK:
        document.add_heading(heading, level=2)
        for duty in duties:
            document.add_paragraph(duty, style="List Number")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def annual_report_pdf() -> bytes:
    from kshamta.core.pdf import MUTED, new_document

    pdf = new_document()
    pdf.set_title(content.REVENUE_REPORT_TITLE[1])
    pdf.set_creation_date(FIXED_TIME)
    pdf.add_page()
    pdf.y = 70
    pdf.text_line(content.REVENUE_REPORT_TITLE[0], 20, bold=True, align="C")
    pdf.text_line(content.REVENUE_REPORT_TITLE[1], 16, bold=True, align="C")
    pdf.text_line("मध्य प्रदेश शासन / Government of Madhya Pradesh", 12, align="C", colour=MUTED)
    for heading, paragraphs in content.REVENUE_REPORT:
        pdf.add_page()
        pdf.text_line(heading, 14, bold=True)
        pdf.y += 2
        for paragraph in paragraphs:
            pdf.paragraph(paragraph, 11, space_after=3)
    return bytes(pdf.output())


def acts_txt() -> str:
    pages = []
    for heading, sections in content.REVENUE_ACTS:
        pages.append("\n".join([heading, "", *sections, ""]))
    return "\f".join(pages)


def health_organogram_csv() -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["पदनाम", "समूह", "स्वीकृत पद", "किसे रिपोर्ट करता है", "शाखा"])
    for row in content.HEALTH_ORGANOGRAM:
        writer.writerow(row)
    return out.getvalue()


def health_work_txt() -> str:
    lines = ["स्वास्थ्य विभाग — कार्य आवंटन", ""]
    for heading, duties in content.HEALTH_WORK:
        lines.append(heading)
        lines.extend(f"- {duty}" for duty in duties)
        lines.append("")
    return "\n".join(lines)


def write_all(folder: Path = HERE) -> list[Path]:
    written = {
        "revenue_organogram.xlsx": organogram_xlsx(),
        "revenue_work_allocation.docx": work_allocation_docx(),
        "revenue_annual_report.pdf": annual_report_pdf(),
        "revenue_acts_rules.txt": acts_txt().encode(),
        "health_organogram.csv": health_organogram_csv().encode(),
        "health_work_allocation.txt": health_work_txt().encode(),
    }
    paths = []
    for name, data in written.items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


if __name__ == "__main__":
    for path in write_all():
        print(f"{path.name}: {path.stat().st_size} bytes")
