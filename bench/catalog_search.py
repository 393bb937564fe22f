"""Benchmark: catalogue search and browse over 2,500 listed courses (issue 3, benchmark 3).

Uses its own scratch database (var/bench/catalog.sqlite3 unless DATABASE_URL says otherwise),
migrates it, and fills it up to ``--courses`` listed courses if it holds fewer: bilingual
titles and summaries from templates over 40 subjects by 16 variants, eight providers, 40
competencies, ratings, durations, languages and material types spread over their ranges.
Generation writes rows in bulk with the catalogue's own denormalised fields
(``search_text_for``) and is not timed.

It then signs a learner in and requests, one at a time and in-process through Django's test
Client (no network, no server), a fixed mix of searches: English words, Hindi words, mixed,
filters alone and with words, the empty query and page 5. Each search is sent as the full page
/courses/, as the htmx results fragment, and to the API /api/v1/courses (session auth), after
a few warm-up requests.

Prints one JSON line: {"name", "value" (p95 ms of the page), "unit", "baseline" (p95 ms of the
bare ORM listing ``list(Course.objects.filter(published_version__isnull=False,
is_retired=False)[:20])``, same run), "ratio", "page_p50_ms", "fragment_p95_ms", "api_p50_ms",
"api_p95_ms", "search_p95_ms" (search + count + one page through the ORM, no HTTP), ...}.

    .venv/bin/python bench/catalog_search.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kshamta_bench_catalog .venv/bin/python bench/catalog_search.py
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.benchlib import percentile  # noqa: E402

DEFAULT_SQLITE = ROOT / "var" / "bench" / "catalog.sqlite3"
BENCH_LEARNER = "bench.catalog@mp.gov.in"
MAX_ROUNDS = 100

# (English, Hindi) subject names: what state training institutes actually teach.
SUBJECTS = [
    ("Right to Information", "सूचना का अधिकार"),
    ("Financial Management", "वित्तीय प्रबंधन"),
    ("Public Procurement", "सार्वजनिक खरीद"),
    ("Disaster Management", "आपदा प्रबंधन"),
    ("e-Office File Management", "ई-ऑफ़िस फ़ाइल प्रबंधन"),
    ("Office Procedure and Noting", "कार्यालय प्रक्रिया और टिप्पण"),
    ("Service Rules", "सेवा नियम"),
    ("Prevention of Sexual Harassment", "यौन उत्पीड़न की रोकथाम"),
    ("Land Records", "भू-अभिलेख"),
    ("Revenue Court Procedure", "राजस्व न्यायालय प्रक्रिया"),
    ("Panchayati Raj", "पंचायती राज"),
    ("Public Health Programmes", "जन स्वास्थ्य कार्यक्रम"),
    ("Maternal and Child Health", "मातृ एवं शिशु स्वास्थ्य"),
    ("School Education Management", "विद्यालय शिक्षा प्रबंधन"),
    ("Cyber Security", "साइबर सुरक्षा"),
    ("Data Protection", "डेटा संरक्षण"),
    ("Citizen-centric Governance", "नागरिक-केंद्रित शासन"),
    ("Ethics in Public Service", "लोक सेवा में नैतिकता"),
    ("Leadership for Officers", "अधिकारियों के लिए नेतृत्व"),
    ("Communication Skills", "संवाद कौशल"),
    ("Project Management", "परियोजना प्रबंधन"),
    ("Budget Preparation", "बजट निर्माण"),
    ("Accounts and Audit", "लेखा एवं लेखा परीक्षा"),
    ("GST Basics", "जीएसटी की मूल बातें"),
    ("Agriculture Extension", "कृषि विस्तार"),
    ("Water Resources", "जल संसाधन"),
    ("Forest Conservation", "वन संरक्षण"),
    ("Urban Local Bodies", "नगरीय निकाय"),
    ("Social Welfare Schemes", "सामाजिक कल्याण योजनाएँ"),
    ("Public Distribution System", "सार्वजनिक वितरण प्रणाली"),
    ("Police and Public Order", "पुलिस और लोक व्यवस्था"),
    ("Court Cases and Legal Drafting", "न्यायालयीन प्रकरण और विधिक प्रारूपण"),
    ("Gender Sensitisation", "लैंगिक संवेदनशीलता"),
    ("Digital Payments", "डिजिटल भुगतान"),
    ("Grievance Redressal", "शिकायत निवारण"),
    ("Lok Sewa Guarantee", "लोक सेवा गारंटी"),
    ("Election Management", "निर्वाचन प्रबंधन"),
    ("Stress Management", "तनाव प्रबंधन"),
    ("Yoga for Wellbeing", "कल्याण के लिए योग"),
    ("Hindi Noting and Drafting", "हिंदी टिप्पण और आलेखन"),
]
# (English prefix, Hindi suffix) variants of a course on one subject.
VARIANTS = [
    ("Introduction to", "का परिचय"),
    ("Basics of", "की मूल बातें"),
    ("Advanced", "उन्नत पाठ्यक्रम"),
    ("Refresher on", "पुनश्चर्या"),
    ("Case Studies in", "केस अध्ययन"),
    ("Practical Guide to", "व्यावहारिक मार्गदर्शिका"),
    ("Rules and Procedures of", "नियम और प्रक्रियाएँ"),
    ("Workshop on", "कार्यशाला"),
    ("Certificate Course in", "प्रमाणपत्र पाठ्यक्रम"),
    ("Orientation on", "अभिमुखीकरण"),
    ("Toolkit for", "टूलकिट"),
    ("Field Training in", "क्षेत्रीय प्रशिक्षण"),
    ("Self-paced Module on", "स्व-गति मॉड्यूल"),
    ("Quick Course on", "त्वरित पाठ्यक्रम"),
    ("Deep Dive into", "गहन अध्ययन"),
    ("Essentials of", "आवश्यक बातें"),
]
AUDIENCES = [
    ("Patwaris and Revenue Inspectors", "पटवारियों और राजस्व निरीक्षकों"),
    ("Section Officers", "अनुभाग अधिकारियों"),
    ("District Officers", "ज़िला अधिकारियों"),
    ("Staff Nurses", "स्टाफ़ नर्सों"),
    ("Teachers", "शिक्षकों"),
    ("Panchayat Secretaries", "पंचायत सचिवों"),
]
PROVIDERS = [
    ("BENCH-ATI", "RCVP Noronha Academy of Administration", "आरसीवीपी नरोन्हा प्रशासन अकादमी"),
    ("BENCH-NIC", "National Informatics Centre", "राष्ट्रीय सूचना विज्ञान केंद्र"),
    ("BENCH-HEALTH", "State Institute of Health Management", "राज्य स्वास्थ्य प्रबंधन संस्थान"),
    ("BENCH-REV", "Revenue Training Cell", "राजस्व प्रशिक्षण प्रकोष्ठ"),
    ("BENCH-EDU", "State Council of Educational Research", "राज्य शैक्षिक अनुसंधान परिषद"),
    ("BENCH-PR", "State Institute of Rural Development", "राज्य ग्रामीण विकास संस्थान"),
    ("BENCH-FIN", "Institute of Financial Management", "वित्तीय प्रबंधन संस्थान"),
    ("BENCH-POL", "Police Training Academy", "पुलिस प्रशिक्षण अकादमी"),
]
DURATIONS = [10, 20, 30, 45, 60, 90, 120, 180, 240, 480, 960, 2880, 10080, 43200]
KINDS = ["video", "pdf", "text", "link", "audio", "assessment"]


def setup_django() -> None:
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{DEFAULT_SQLITE}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DEBUG"] = "0"  # no query log: it would grow with every request and slow them
    # Pages name hashed static files (manifest storage): collect them once, away from the tree.
    os.environ.setdefault("STATIC_ROOT", tempfile.mkdtemp(prefix="kshamta-bench-static-"))
    if os.environ["DATABASE_URL"].startswith("sqlite:///"):
        Path(os.environ["DATABASE_URL"].removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def _competencies() -> list[Any]:
    """The active framework's competencies; a benchmark framework of 40 if none is active."""
    from kshamta.competencies.models import Competency, Framework

    framework = Framework.objects.filter(is_active=True).first()
    if framework is None:
        framework = Framework.objects.create(code="BENCH", name_en="Benchmark framework", is_active=True)
    existing = list(Competency.objects.filter(framework=framework))
    if len(existing) >= 20:
        return existing
    kinds = [Competency.Kind.FUNCTIONAL, Competency.Kind.DOMAIN, Competency.Kind.BEHAVIOURAL]
    Competency.objects.bulk_create(
        Competency(
            framework=framework,
            code=f"BC-{n:02d}",
            kind=kinds[n % 3],
            name_en=SUBJECTS[n][0],
            name_hi=SUBJECTS[n][1],
            levels=[{"en": f"Level {level}", "hi": f"स्तर {level}"} for level in range(1, 6)],
        )
        for n in range(len(SUBJECTS))
    )
    return list(Competency.objects.filter(framework=framework))


def generate(count: int, seed: int) -> int:
    """Add listed courses until there are ``count``; returns how many were added."""
    from django.db import transaction
    from django.utils import timezone

    from kshamta.catalog import actions
    from kshamta.catalog.models import Course, CourseCompetency, CourseVersion
    from kshamta.catalog.search import listed_courses

    missing = count - listed_courses().count()
    if missing <= 0:
        return 0
    rng = random.Random(seed)
    competencies = _competencies()
    providers = [
        actions.do_save_provider(code=code, name_en=en, name_hi=hi, acting_user=None)[0] for code, en, hi in PROVIDERS
    ]
    start = Course.objects.filter(code__startswith="BENCH-C").count()
    now = timezone.now()
    with transaction.atomic():
        courses = Course.objects.bulk_create(
            Course(code=f"BENCH-C{start + i:05d}", provider=providers[rng.randrange(len(providers))])
            for i in range(missing)
        )
        courses = list(Course.objects.filter(code__in=[c.code for c in courses]).select_related("provider"))
        versions = []
        for i, course in enumerate(courses):
            n = start + i
            subject_en, subject_hi = SUBJECTS[n % len(SUBJECTS)]
            variant_en, variant_hi = VARIANTS[(n // len(SUBJECTS)) % len(VARIANTS)]
            audience_en, audience_hi = AUDIENCES[rng.randrange(len(AUDIENCES))]
            languages = rng.choice(["hi,en", "hi,en", "hi", "en"])
            edition = n // (len(SUBJECTS) * len(VARIANTS)) + 1
            suffix = f" ({edition})" if edition > 1 else ""
            versions.append(
                CourseVersion(
                    course=course,
                    number=1,
                    status=CourseVersion.Status.PUBLISHED,
                    title_en=f"{variant_en} {subject_en}{suffix}" if languages != "hi" else "",
                    title_hi=f"{subject_hi}: {variant_hi}{suffix}" if languages != "en" else "",
                    summary_en=(
                        f"A course on {subject_en.lower()} for {audience_en}: the rules, the everyday "
                        f"work and the common mistakes, with examples from district offices."
                        if languages != "hi"
                        else ""
                    ),
                    summary_hi=(
                        f"{audience_hi} के लिए {subject_hi} पर पाठ्यक्रम: नियम, रोज़मर्रा का काम और आम गलतियाँ, "
                        "ज़िला कार्यालयों के उदाहरणों के साथ।"
                        if languages != "en"
                        else ""
                    ),
                    languages=languages,
                    duration_minutes=rng.choice(DURATIONS),
                    level=rng.choice(["beginner", "beginner", "intermediate", "advanced"]),
                    tags=", ".join(rng.sample(["mandatory", "new", "popular", "state", "induction", "refresher"], 2)),
                    published_at=now,
                )
            )
        versions = CourseVersion.objects.bulk_create(versions)
        links = []
        for i, version in enumerate(versions):
            n = start + i
            chosen = {competencies[n % len(competencies)]} | set(rng.sample(competencies, rng.randint(0, 2)))
            links += [CourseCompetency(version=version, competency=c, level=rng.randint(1, 5)) for c in chosen]
        CourseCompetency.objects.bulk_create(links)
        for course, version in zip(courses, versions, strict=True):
            version.course = course
            kinds = sorted(set(rng.sample(KINDS, rng.randint(1, 3))))
            codes = sorted(link.competency.code for link in version.competencies.select_related("competency"))
            course.published_version = version
            for name in ("title_en", "title_hi", "summary_en", "summary_hi", "languages", "duration_minutes", "level"):
                setattr(course, name, getattr(version, name))
            course.resource_kinds = ",".join(kinds)
            course.competency_codes = "," + ",".join(codes) + ","
            course.search_text = actions.search_text_for(version)
            course.published_at = now - datetime.timedelta(minutes=rng.randrange(0, 525600))
            course.rating_count = rng.choice([0, 0, 1, 3, 12, 40])
            course.rating_sum = sum(rng.randint(2, 5) for _ in range(course.rating_count))
        Course.objects.bulk_update(
            courses,
            [
                "published_version",
                "title_en",
                "title_hi",
                "summary_en",
                "summary_hi",
                "languages",
                "duration_minutes",
                "level",
                "resource_kinds",
                "competency_codes",
                "search_text",
                "published_at",
                "rating_count",
                "rating_sum",
            ],
            batch_size=500,
        )
    return missing


def learner() -> Any:
    from kshamta.accounts.models import User

    user = User.objects.filter(email=BENCH_LEARNER).first()
    if user is None:
        user = User.objects.create_user(email=BENCH_LEARNER, name_en="Catalogue Learner", name_hi="पाठ्यक्रम शिक्षार्थी")
    return user


def searches() -> list[tuple[str, dict[str, Any]]]:
    """(kind, GET parameters): the fixed mix, with filter values read from the database."""
    from kshamta.catalog.models import Provider
    from kshamta.catalog.search import listed_courses

    provider = Provider.objects.filter(code="BENCH-ATI").first() or Provider.objects.first()
    sample = listed_courses().exclude(competency_codes="").values_list("competency_codes", flat=True).first() or ""
    competency = sample.strip(",").split(",")[0] if sample else ""
    return [
        ("english_word", {"q": "information"}),
        ("english_words", {"q": "financial management"}),
        ("english_two_words", {"q": "introduction ethics"}),
        ("english_rare", {"q": "cyber security"}),
        ("hindi_word", {"q": "सूचना"}),
        ("hindi_words", {"q": "आपदा प्रबंधन"}),
        ("hindi_word_2", {"q": "पंचायती"}),
        ("mixed_scripts", {"q": "योग wellbeing"}),
        ("no_match", {"q": "quantum teleportation"}),
        ("filter_language", {"language": "hi"}),
        ("filter_duration_kind", {"duration": "2h", "kind": "video"}),
        ("filter_provider", {"provider": provider.code if provider else ""}),
        ("filter_competency", {"competency": competency}),
        ("words_and_filters", {"q": "management", "level": "advanced", "language": "en"}),
        ("empty", {}),
        ("empty_page_5", {"page": 5}),
        ("words_page_5", {"q": "course", "page": 5}),
    ]


def timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--courses", type=int, default=2500, help="listed courses to have (default 2500)")
    parser.add_argument("--rounds", type=int, default=12, help="times the search mix is sent (default 12)")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rounds = max(1, min(args.rounds, MAX_ROUNDS))

    setup_django()
    from django.core.paginator import Paginator
    from django.db import connection
    from django.test import Client

    from kshamta.catalog.models import Course
    from kshamta.catalog.search import PAGE_SIZE, CourseQuery, listed_courses, search_courses

    started = time.perf_counter()
    added = generate(args.courses, args.seed)
    generation_s = time.perf_counter() - started
    client = Client()
    client.force_login(learner())
    mix = searches()

    def page(params: dict[str, Any], **headers: str) -> Callable[[], object]:
        def call() -> object:
            response = client.get("/courses/", params, headers={"Accept-Language": "hi", **headers})
            if response.status_code != 200:
                raise SystemExit(f"{response.status_code} from /courses/ {params}: {response.content[:200]!r}")
            return response

        return call

    def api(params: dict[str, Any]) -> Callable[[], object]:
        api_params = {k: v for k, v in params.items() if k != "page"}
        if "page" in params:
            api_params["offset"] = (int(params["page"]) - 1) * PAGE_SIZE
        api_params["limit"] = PAGE_SIZE

        def call() -> object:
            response = client.get("/api/v1/courses", api_params, headers={"Accept-Language": "hi"})
            if response.status_code != 200:
                raise SystemExit(f"{response.status_code} from the API {params}: {response.content[:200]!r}")
            return response.json()["count"]

        return call

    def search_only(params: dict[str, Any]) -> Callable[[], object]:
        def call() -> object:
            query = CourseQuery.from_mapping(params)
            result = Paginator(search_courses(query), PAGE_SIZE).get_page(params.get("page"))
            return [course.provider.code for course in result.object_list]

        return call

    def bare_orm() -> object:
        return list(Course.objects.filter(published_version__isnull=False, is_retired=False)[:20])

    for _kind, params in mix:  # warm caches: templates, URL resolver, database pages
        page(params)()
        page(params, **{"HX-Request": "true"})()
        api(params)()
        bare_orm()
    timings: dict[str, list[float]] = {"page": [], "fragment": [], "api": [], "search": [], "orm": []}
    page_by_kind: dict[str, list[float]] = {}
    matches: dict[str, int] = {}
    for _round in range(rounds):
        for kind, params in mix:
            ms = timed(page(params))
            timings["page"].append(ms)
            page_by_kind.setdefault(kind, []).append(ms)
            timings["fragment"].append(timed(page(params, **{"HX-Request": "true"})))
            timings["api"].append(timed(api(params)))
            timings["search"].append(timed(search_only(params)))
            timings["orm"].append(timed(bare_orm))
    for kind, params in mix:
        matches[kind] = int(str(api({k: v for k, v in params.items() if k != "page"})()))

    value, base = percentile(timings["page"], 95), percentile(timings["orm"], 95)
    print(
        json.dumps(
            {
                "name": "catalog_search",
                "value": round(value, 1),
                "unit": "ms",
                "baseline": round(base, 2),
                "ratio": round(value / base, 1) if base else None,
                "page_p50_ms": round(percentile(timings["page"], 50), 1),
                "page_p95_ms": round(value, 1),
                "fragment_p50_ms": round(percentile(timings["fragment"], 50), 1),
                "fragment_p95_ms": round(percentile(timings["fragment"], 95), 1),
                "api_p50_ms": round(percentile(timings["api"], 50), 1),
                "api_p95_ms": round(percentile(timings["api"], 95), 1),
                "search_p50_ms": round(percentile(timings["search"], 50), 2),
                "search_p95_ms": round(percentile(timings["search"], 95), 2),
                "orm_listing_p50_ms": round(percentile(timings["orm"], 50), 2),
                "orm_listing_p95_ms": round(base, 2),
                "page_p95_ms_by_kind": {k: round(percentile(v, 95), 1) for k, v in sorted(page_by_kind.items())},
                "page_mean_ms": round(statistics.mean(timings["page"]), 1),
                "matches_by_kind": matches,
                "requests_per_endpoint": len(timings["page"]),
                "listed_courses": listed_courses().count(),
                "courses_generated_now": added,
                "generation_s": round(generation_s, 1),
                "database": connection.vendor,
                "client": "django.test.Client, in-process",
                "cpus": os.cpu_count(),
                "load_average_1m": round(os.getloadavg()[0], 2),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
