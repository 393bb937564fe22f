"""Generate a realistic catalogue: thousands of published, bilingual courses in seconds.

For the demo (a long tail next to the hand-written courses, so browse and search have
pages) and for benchmarks. Titles and summaries come from subject, format and audience
templates in Hindi and English; each course has a provider, competencies from the active
framework, a duration from 7 minutes to 90 days, languages, a level, tags and ratings
(carried over, as a catalogue imported from another platform brings its ratings), and one
published version with one module holding a reading (and sometimes an external link), so
it can be enrolled in and opened.

Rows are bulk-inserted; every catalogue field of a course is set exactly as
``kshamta.catalog.actions.do_publish`` sets it (``search_text`` as ``search_text_for``
builds it). One audit event records the generation. Codes are ``<prefix>-00001`` ...;
codes that exist already are skipped, so generating again only adds what is missing.
The same ``seed`` gives the same catalogue.
"""

from __future__ import annotations

import datetime
import random
import time
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.html import escape

from kshamta.catalog import actions
from kshamta.catalog.demo_content.providers import PROVIDERS as DEMO_PROVIDERS
from kshamta.catalog.demo_content.spec import ProviderSpec
from kshamta.catalog.models import Course, CourseCompetency, CourseVersion, Module, Provider, Resource
from kshamta.competencies.models import Competency
from kshamta.core import audit
from kshamta.orgs.models import Organisation


@dataclass(frozen=True)
class Subject:
    en: str
    hi: str
    about_en: str  # what the course covers, as a phrase
    about_hi: str
    competencies: tuple[str, ...]
    tags: str
    url: str = ""


S = Subject
SUBJECTS: tuple[Subject, ...] = (
    S("Right to Information", "सूचना का अधिकार", "applications, time limits, exemptions and appeals under the RTI Act",
      "आरटीआई अधिनियम के अंतर्गत आवेदन, समय-सीमा, छूट और अपील", ("FUN-RTI", "BEH-ACCOUNTABILITY"), "RTI, पारदर्शिता",
      "https://rti.gov.in/"),
    S("Workplace harassment prevention (POSH)", "कार्यस्थल पर लैंगिक उत्पीड़न की रोकथाम",
      "the POSH Act, Internal Committees and a respectful workplace",
      "पॉश अधिनियम, आंतरिक समिति और सम्मानजनक कार्यस्थल", ("BEH-GENDER", "BEH-INTEGRITY"), "POSH, लैंगिक संवेदनशीलता"),
    S("e-Office", "ई-ऑफिस", "receipts, e-files, noting and digital signatures in e-Office",
      "ई-ऑफिस में आवक, ई-फ़ाइल, नोटिंग और डिजिटल हस्ताक्षर", ("FUN-EGOV", "FUN-NOTING"), "e-Office, ई-फ़ाइल"),
    S("Noting and drafting", "नोटिंग एवं ड्राफ्टिंग", "clear notes, letters, orders and office memoranda",
      "स्पष्ट टिप्पणी, पत्र, आदेश और कार्यालय ज्ञापन", ("FUN-NOTING", "BEH-COMMUNICATION"), "drafting, प्रारूपण"),
    S("Public procurement on GeM", "जेम पर लोक क्रय", "buying goods and services on the Government e-Marketplace",
      "गवर्नमेंट ई-मार्केटप्लेस पर वस्तुओं और सेवाओं का क्रय", ("FUN-PROCUREMENT", "BEH-INTEGRITY"), "GeM, क्रय",
      "https://gem.gov.in/"),
    S("Financial rules", "वित्तीय नियम", "budget, sanctions, bills and the treasury rules",
      "बजट, स्वीकृतियाँ, देयक और कोषालय नियम", ("FUN-FINANCE", "FUN-AUDIT"), "finance, वित्त"),
    S("Audit paras and inspection reports", "ऑडिट कंडिकाएँ और निरीक्षण प्रतिवेदन",
      "answering audit objections and settling paras", "ऑडिट आपत्तियों का उत्तर और कंडिकाओं का निराकरण",
      ("FUN-AUDIT", "FUN-FINANCE"), "audit, लेखा परीक्षा"),
    S("Service rules and pension", "सेवा नियम एवं पेंशन", "leave, increments, seniority and pension cases",
      "अवकाश, वेतनवृद्धि, वरिष्ठता और पेंशन प्रकरण", ("FUN-HR",), "service rules, सेवा नियम"),
    S("Departmental inquiries", "विभागीय जाँच", "charge sheets, inquiries and orders under the CCA rules",
      "सीसीए नियमों के अंतर्गत आरोप-पत्र, जाँच और आदेश", ("FUN-DISCIPLINE", "FUN-LEGAL"), "inquiry, विभागीय जाँच"),
    S("Writing quasi-judicial orders", "अर्ध-न्यायिक आदेश लेखन", "hearings, natural justice and speaking orders",
      "सुनवाई, नैसर्गिक न्याय और सकारण आदेश", ("FUN-LEGAL", "DOM-REVENUE"), "orders, आदेश लेखन"),
    S("Land records", "भू-अभिलेख", "khasra, B-1, maps, mutation and demarcation",
      "खसरा, बी-1, नक्शा, नामांतरण और सीमांकन", ("DOM-LANDREC", "DOM-REVENUE"), "land records, भू-अभिलेख"),
    S("Revenue courts", "राजस्व न्यायालय", "case management and the Land Revenue Code",
      "प्रकरण प्रबंधन और भू-राजस्व संहिता", ("DOM-REVENUE", "FUN-LEGAL"), "RCMS, राजस्व"),
    S("Lok Sewa Guarantee", "लोक सेवा गारंटी", "notified services, time limits and appeals",
      "अधिसूचित सेवाएँ, समय-सीमा और अपील", ("FUN-SERVICE", "BEH-CITIZEN"), "public services, लोक सेवा"),
    S("Grievance redressal (CM Helpline)", "शिकायत निवारण (सीएम हेल्पलाइन)",
      "resolving grievances on merit and on time", "शिकायतों का गुण-दोष के आधार पर समय में निराकरण",
      ("FUN-GRIEVANCE", "BEH-CITIZEN"), "CM Helpline, जन सुनवाई", "https://cmhelpline.mp.gov.in/"),
    S("Disaster management", "आपदा प्रबंधन", "preparedness, response and relief",
      "तैयारी, प्रतिक्रिया और राहत", ("DOM-DISASTER", "BEH-DECISION"), "disaster, आपदा", "https://ndma.gov.in/"),
    S("Cyber hygiene", "साइबर स्वच्छता", "passwords, phishing, devices and reporting incidents",
      "पासवर्ड, फ़िशिंग, उपकरण और घटनाओं की सूचना", ("FUN-CYBER", "FUN-EGOV"), "cyber, साइबर सुरक्षा",
      "https://www.cert-in.org.in/"),
    S("Data analysis with spreadsheets", "स्प्रेडशीट से डेटा विश्लेषण", "formulas, pivot tables and honest charts",
      "सूत्र, पिवट टेबल और सही चार्ट", ("FUN-DATA", "FUN-MONITORING"), "Excel, डेटा"),
    S("Project management", "परियोजना प्रबंधन", "scope, schedule, cost and risk of public works",
      "सार्वजनिक कार्यों का दायरा, समय-सारणी, लागत और जोखिम", ("FUN-PROJECT", "FUN-MONITORING"), "projects, परियोजना"),
    S("Monitoring and evaluation", "अनुश्रवण एवं मूल्यांकन", "indicators, reviews and evaluations of schemes",
      "योजनाओं के संकेतक, समीक्षा और मूल्यांकन", ("FUN-MONITORING", "FUN-DATA"), "M&E, मूल्यांकन"),
    S("Public health programmes", "लोक स्वास्थ्य कार्यक्रम", "immunisation, maternal health and disease surveillance",
      "टीकाकरण, मातृ स्वास्थ्य और रोग निगरानी", ("DOM-PUBHEALTH", "BEH-EMPATHY"), "health, स्वास्थ्य"),
    S("School education", "स्कूल शिक्षा", "enrolment, learning outcomes and school management",
      "नामांकन, अधिगम परिणाम और शाला प्रबंधन", ("DOM-SCHOOLEDU",), "education, शिक्षा"),
    S("Agriculture extension", "कृषि विस्तार", "soil health, crop insurance and farmer outreach",
      "मृदा स्वास्थ्य, फसल बीमा और किसानों तक पहुँच", ("DOM-AGRIEXT",), "agriculture, कृषि"),
    S("MGNREGA", "मनरेगा", "works, wages, job cards and social audit",
      "कार्य, मज़दूरी, जॉब कार्ड और सामाजिक अंकेक्षण", ("DOM-RURALDEV", "FUN-MONITORING"), "MGNREGA, रोज़गार गारंटी",
      "https://nrega.nic.in/"),
    S("PM Awas Yojana (Gramin)", "प्रधानमंत्री आवास योजना (ग्रामीण)", "beneficiary selection, instalments and geo-tagging",
      "हितग्राही चयन, किश्तें और जियो-टैगिंग", ("DOM-RURALDEV",), "PMAY-G, आवास"),
    S("Public distribution system", "सार्वजनिक वितरण प्रणाली", "eligibility, fair price shops and ePoS",
      "पात्रता, उचित मूल्य दुकानें और ई-पॉस", ("DOM-PDS",), "PDS, राशन"),
    S("GST administration", "जीएसटी प्रशासन", "registration, returns, refunds and audit",
      "पंजीयन, विवरणी, प्रतिदाय और ऑडिट", ("DOM-GST",), "GST, कर"),
    S("Municipal administration", "नगरीय प्रशासन", "property tax, building permission and sanitation",
      "संपत्ति कर, भवन अनुज्ञा और स्वच्छता", ("DOM-ULB",), "municipal, नगर निकाय"),
    S("Police station management", "थाना प्रबंधन", "FIRs, the new criminal laws and CCTNS",
      "प्रथम सूचना रिपोर्ट, नए आपराधिक कानून और सीसीटीएनएस", ("DOM-POLICE",), "police, पुलिस"),
    S("Anganwadi services and nutrition", "आंगनवाड़ी सेवाएँ एवं पोषण",
      "growth monitoring, take-home ration and Poshan Tracker", "वृद्धि निगरानी, टेक-होम राशन और पोषण ट्रैकर",
      ("DOM-WCD", "BEH-EMPATHY"), "nutrition, पोषण"),
    S("Forest rights", "वन अधिकार", "claims under the Forest Rights Act and joint forest management",
      "वन अधिकार अधिनियम के अंतर्गत दावे और संयुक्त वन प्रबंधन", ("DOM-FOREST", "DOM-TRIBAL"), "forest, वन"),
    S("PESA and tribal welfare", "पेसा एवं जनजातीय कल्याण", "gram sabhas in scheduled areas and welfare schemes",
      "अनुसूचित क्षेत्रों में ग्राम सभा और कल्याणकारी योजनाएँ", ("DOM-TRIBAL", "DOM-PANCHAYAT"), "PESA, जनजातीय"),
    S("Gram panchayat development plans", "ग्राम पंचायत विकास योजना", "participatory planning and panchayat finance",
      "सहभागी नियोजन और पंचायत वित्त", ("DOM-PANCHAYAT", "FUN-PROJECT"), "GPDP, पंचायत"),
    S("Leadership for district officers", "ज़िला अधिकारियों के लिए नेतृत्व", "leading teams, reviews and change",
      "टीम का नेतृत्व, समीक्षा और परिवर्तन", ("BEH-LEADERSHIP", "BEH-DECISION"), "leadership, नेतृत्व"),
    S("Ethics in public service", "लोक सेवा में नैतिकता", "integrity, conflicts of interest and conduct rules",
      "सत्यनिष्ठा, हितों का टकराव और आचरण नियम", ("BEH-INTEGRITY", "BEH-ACCOUNTABILITY"), "ethics, नैतिकता"),
    S("Teamwork across departments", "विभागों के बीच टीम भावना", "coordination, meetings and shared goals",
      "समन्वय, बैठकें और साझा लक्ष्य", ("BEH-TEAMWORK", "BEH-COMMUNICATION"), "teamwork, समन्वय"),
    S("Innovation in government", "शासन में नवाचार", "simplifying services and trying new ideas",
      "सेवाओं का सरलीकरण और नए विचारों का प्रयोग", ("BEH-INNOVATION", "BEH-CITIZEN"), "innovation, नवाचार"),
    S("Training of trainers", "प्रशिक्षकों का प्रशिक्षण", "adult learning, session design and facilitation",
      "वयस्क अधिगम, सत्र-रचना और सुगमीकरण", ("FUN-TRAINING", "BEH-COMMUNICATION"), "ToT, प्रशिक्षण"),
)  # fmt: skip


@dataclass(frozen=True)
class Format:
    en: str  # "{s}" is the subject
    hi: str
    blurb_en: str
    blurb_hi: str
    minutes: tuple[int, ...]  # durations to choose from
    level: str
    weight: float  # how common the format is: short courses far outnumber long programmes


DAY = 24 * 60
F = Format
FORMATS: tuple[Format, ...] = (
    F("{s} in 10 minutes", "10 मिनट में {s}", "A short explainer on", "एक संक्षिप्त परिचय:", (7, 10, 12), "beginner", 3),
    F("{s}: the basics", "{s}: मूल बातें", "A self-paced introduction to", "स्व-गति परिचयात्मक पाठ्यक्रम:",
      (20, 30, 45, 60), "beginner", 3),
    F("{s} in practice", "{s}: व्यवहार में", "Worked cases and checklists on", "उदाहरणों और जाँच-सूचियों के साथ:",
      (60, 90, 120, 180), "intermediate", 2),
    F("Refresher on {s}", "{s} पर पुनश्चर्या", "What has changed, and common mistakes, in", "नए प्रावधान और सामान्य त्रुटियाँ:",
      (45, 90, 120), "intermediate", 1.5),
    F("Two-day workshop: {s}", "दो दिवसीय कार्यशाला: {s}", "A blended workshop with exercises on",
      "अभ्यास सहित मिश्रित कार्यशाला:", (2 * DAY,), "intermediate", 0.6),
    F("Five-day foundation course: {s}", "पाँच दिवसीय आधारभूत पाठ्यक्रम: {s}", "A foundation course for new entrants on",
      "नव-नियुक्तों के लिए आधारभूत पाठ्यक्रम:", (5 * DAY,), "beginner", 0.4),
    F("Advanced course: {s}", "उन्नत पाठ्यक्रम: {s}", "For experienced officers who lead work on",
      "अनुभवी अधिकारियों के लिए:", (240, 360, 480), "advanced", 1),
    F("Certificate programme in {s}", "{s} में प्रमाणपत्र कार्यक्रम",
      "A certificate programme, self-paced with assignments, on", "असाइनमेंट सहित स्व-गति प्रमाणपत्र कार्यक्रम:",
      (30 * DAY, 45 * DAY, 60 * DAY, 90 * DAY), "advanced", 0.3),
)  # fmt: skip


@dataclass(frozen=True)
class Audience:
    en: str
    hi: str  # oblique plural, as it reads before "के लिए"


A = Audience
AUDIENCES: tuple[Audience, ...] = (
    A("all employees", "सभी कर्मचारियों"),
    A("new recruits", "नव-नियुक्त कर्मचारियों"),
    A("clerical staff", "लिपिकीय कर्मचारियों"),
    A("section officers", "अनुभाग अधिकारियों"),
    A("drawing and disbursing officers", "आहरण एवं संवितरण अधिकारियों"),
    A("district officers", "ज़िला अधिकारियों"),
    A("block-level officers", "विकासखंड स्तरीय अधिकारियों"),
    A("field staff", "मैदानी अमले"),
    A("patwaris and revenue inspectors", "पटवारियों एवं राजस्व निरीक्षकों"),
    A("panchayat secretaries", "पंचायत सचिवों"),
    A("teachers and principals", "शिक्षकों एवं प्राचार्यों"),
    A("ANMs and ASHAs", "एएनएम एवं आशा कार्यकर्ताओं"),
    A("heads of office", "कार्यालय प्रमुखों"),
)


# The demo's providers and a few more; ``weight`` is their share of the courses.
PROVIDERS: tuple[ProviderSpec, ...] = (
    *DEMO_PROVIDERS,
    ProviderSpec("MP-SIRD", "Mahatma Gandhi State Institute of Rural Development",
                 "महात्मा गांधी राज्य ग्रामीण विकास संस्थान", "state_ati"),
    ProviderSpec("MP-SIHFW", "State Institute of Health and Family Welfare", "राज्य स्वास्थ्य एवं परिवार कल्याण संस्थान",
                 "other"),
    ProviderSpec("NIDM", "National Institute of Disaster Management", "राष्ट्रीय आपदा प्रबंधन संस्थान", "national"),
    ProviderSpec("MP-POLICE-ACAD", "Jawaharlal Nehru Police Academy", "जवाहरलाल नेहरू पुलिस अकादमी", "other"),
)  # fmt: skip
PROVIDER_WEIGHTS = {"MP-ATI": 4.0, "ISTM": 2.0, "MP-SIRD": 2.0, "MP-SIHFW": 1.5}

# Which providers teach a subject, by competency prefix; anyone may teach the rest.
_SPECIALISTS = {
    "DOM-RURALDEV": "MP-SIRD",
    "DOM-PANCHAYAT": "MP-SIRD",
    "DOM-PUBHEALTH": "MP-SIHFW",
    "DOM-WCD": "MP-SIHFW",
    "DOM-DISASTER": "NIDM",
    "DOM-POLICE": "MP-POLICE-ACAD",
    "DOM-LANDREC": "MP-REV-TC",
    "DOM-REVENUE": "MP-REV-TC",
}

LANGUAGES = ("hi,en", "hi,en", "hi,en", "hi", "hi", "en")


@dataclass
class CatalogueGeneration:
    courses: int = 0
    providers: int = 0
    skipped: int = 0
    seconds: float = 0.0


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def search_text_of(
    *,
    code: str,
    title_en: str,
    title_hi: str,
    summary_en: str,
    summary_hi: str,
    tags: str,
    provider: Provider,
    competencies: list[Competency],
) -> str:
    """``actions.search_text_for`` without the queries: the same parts in the same order
    (competencies by code, as a version's competency links are ordered)."""
    parts = [code, title_en, title_hi, summary_en, summary_hi, tags, provider.name_en, provider.name_hi]
    for competency in sorted(competencies, key=lambda c: c.code):
        parts += [competency.code, competency.name_en, competency.name_hi]
    return unicodedata.normalize("NFC", " ".join(p for p in parts if p)).casefold()


def _ensure_providers(acting_user: Any) -> tuple[list[Provider], int]:
    existing = {p.code: p for p in Provider.objects.filter(code__in=[g.code for g in PROVIDERS]).select_related("org")}
    orgs = {o.code: o for o in Organisation.objects.filter(code__in=[g.org_code for g in PROVIDERS if g.org_code])}
    created = 0
    for spec in PROVIDERS:
        if spec.code not in existing:
            existing[spec.code], _ = actions.do_save_provider(
                code=spec.code,
                name_en=spec.name_en,
                name_hi=spec.name_hi,
                kind=spec.kind,
                org=orgs.get(spec.org_code),
                acting_user=acting_user,
            )
            created += 1
    return [existing[g.code] for g in PROVIDERS], created


def _reading_html(subject: Subject, fmt: Format, audience: Audience) -> str:
    title_hi = fmt.hi.format(s=subject.hi)
    title_en = fmt.en.format(s=subject.en)
    return (
        f'<h3 lang="hi">{escape(title_hi)}</h3>'
        f'<p lang="hi">यह पाठ्यक्रम {escape(audience.hi)} के लिए है और इसमें {escape(subject.about_hi)} '
        f"को चरणबद्ध रूप से समझाया गया है। प्रत्येक इकाई के अंत में अपने कार्यालय के किसी वास्तविक प्रकरण पर "
        f"अभ्यास करें और अपने पर्यवेक्षक से चर्चा करें।</p>"
        f'<ul lang="hi"><li>मूल अवधारणाएँ और लागू नियम</li><li>कार्यालय में प्रक्रिया, चरण दर चरण</li>'
        f"<li>सामान्य त्रुटियाँ और उनसे बचाव</li></ul>"
        f"<hr>"
        f'<h3 lang="en">{escape(title_en)}</h3>'
        f'<p lang="en">This course is for {escape(audience.en)} and explains {escape(subject.about_en)} step by '
        f"step. At the end of each unit, practise on a real case from your own office and discuss it with your "
        f"supervisor.</p>"
        f'<ul lang="en"><li>Core ideas and the rules that apply</li><li>The office procedure, step by step</li>'
        f"<li>Common mistakes and how to avoid them</li></ul>"
    )


def generate_catalogue(
    n: int = 2500,
    *,
    seed: int,
    code_prefix: str = "GEN",
    acting_user: Any = None,
    batch_size: int = 500,
) -> CatalogueGeneration:
    """Create up to ``n`` published courses ``<code_prefix>-00001`` ... (those that exist are skipped)."""
    started = time.monotonic()
    result = CatalogueGeneration()
    rng = random.Random(seed)
    codes = [f"{code_prefix}-{i:05d}" for i in range(1, n + 1)]
    existing = set(Course.objects.filter(code__in=codes).values_list("code", flat=True)) if n else set()
    result.skipped = len(existing)
    competencies = {c.code: c for c in Competency.objects.filter(framework__is_active=True)}
    now = timezone.now()
    with transaction.atomic():
        providers, result.providers = _ensure_providers(acting_user)
        by_code = {p.code: p for p in providers}
        provider_weights = [PROVIDER_WEIGHTS.get(g.code, 1.0) for g in PROVIDERS]
        format_weights = [f.weight for f in FORMATS]
        plans: list[dict[str, Any]] = []
        for code in codes:
            # Draw for every code, skipped or not, so that a code always gets the same course.
            subject = rng.choice(SUBJECTS)
            fmt = rng.choices(FORMATS, weights=format_weights)[0]
            audience = rng.choice(AUDIENCES)
            specialist = next((_SPECIALISTS[c] for c in subject.competencies if c in _SPECIALISTS), None)
            generalist = rng.choices(providers, weights=provider_weights)[0]
            provider = by_code[specialist] if specialist and rng.random() < 0.7 else generalist
            languages = rng.choice(LANGUAGES)
            minutes = rng.choice(fmt.minutes)
            rating_count = rng.choice((0, 0, rng.randint(1, 40), rng.randint(20, 600)))
            rating_average = rng.uniform(3.2, 4.9)
            published_days_ago = rng.uniform(1, 720)
            with_link = bool(subject.url) and rng.random() < 0.5
            levels = {c: rng.choice((1, 2, 2, 3)) if fmt.level != "advanced" else rng.choice((3, 4)) for c in
                      subject.competencies}  # fmt: skip
            if code in existing:
                continue
            title_en = _nfc(f"{fmt.en.format(s=subject.en)} for {audience.en}")
            title_hi = _nfc(f"{audience.hi} के लिए {fmt.hi.format(s=subject.hi)}")
            summary_en = _nfc(f"{fmt.blurb_en} {subject.about_en}, for {audience.en}.")
            summary_hi = _nfc(f"{fmt.blurb_hi} {audience.hi} के लिए {subject.about_hi}।")
            tags = _nfc(subject.tags)
            linked = [competencies[c] for c in subject.competencies if c in competencies]
            plans.append(
                {
                    "code": code,
                    "subject": subject,
                    "format": fmt,
                    "audience": audience,
                    "provider": provider,
                    "title_en": title_en,
                    "title_hi": title_hi,
                    "summary_en": summary_en,
                    "summary_hi": summary_hi,
                    "tags": tags,
                    "languages": languages,
                    "minutes": minutes,
                    "level": fmt.level,
                    "competencies": linked,
                    "levels": levels,
                    "rating_count": rating_count,
                    "rating_sum": round(rating_count * rating_average),
                    "published_at": now - datetime.timedelta(days=published_days_ago),
                    "with_link": with_link,
                }
            )
        for start in range(0, len(plans), batch_size):
            _insert(plans[start : start + batch_size])
        result.courses = len(plans)
        if plans:
            audit.record(
                actor=acting_user,
                action="catalogue.generate",
                target=providers[0],
                after={"courses": result.courses, "skipped": result.skipped, "seed": seed, "prefix": code_prefix},
            )
    result.seconds = round(time.monotonic() - started, 2)
    return result


def _insert(plans: list[dict[str, Any]]) -> None:
    """One batch: courses with every catalogue field already set, their versions, modules,
    resources and competency links, then each course pointed at its version in one UPDATE."""
    courses = Course.objects.bulk_create(_course(p) for p in plans)
    versions = CourseVersion.objects.bulk_create(
        CourseVersion(
            course=course,
            number=1,
            status=CourseVersion.Status.PUBLISHED,
            title_en=course.title_en,
            title_hi=course.title_hi,
            summary_en=course.summary_en,
            summary_hi=course.summary_hi,
            languages=course.languages,
            duration_minutes=course.duration_minutes,
            level=course.level,
            tags=p["tags"],
            published_at=course.published_at,
        )
        for course, p in zip(courses, plans, strict=True)
    )
    modules = Module.objects.bulk_create(
        Module(version=version, position=0, title_en="Course material", title_hi="पाठ्य सामग्री") for version in versions
    )
    resources: list[Resource] = []
    links: list[CourseCompetency] = []
    for module, version, p in zip(modules, versions, plans, strict=True):
        resources.append(
            Resource(
                module=module,
                position=0,
                kind=Resource.Kind.TEXT,
                title_en="Read: what this course covers",
                title_hi="पढ़ें: इस पाठ्यक्रम में क्या है",
                body_html=_reading_html(p["subject"], p["format"], p["audience"]),
                duration_seconds=180,
            )
        )
        if p["with_link"]:
            resources.append(
                Resource(
                    module=module,
                    position=1,
                    kind=Resource.Kind.LINK,
                    title_en="Official portal",
                    title_hi="आधिकारिक पोर्टल",
                    url=p["subject"].url,
                    is_required=False,
                    duration_seconds=120,
                )
            )
        links += [CourseCompetency(version=version, competency=c, level=p["levels"][c.code]) for c in p["competencies"]]
    Resource.objects.bulk_create(resources)
    CourseCompetency.objects.bulk_create(links)
    Course.objects.filter(pk__in=[c.pk for c in courses]).update(
        published_version=Subquery(CourseVersion.objects.filter(course_id=OuterRef("pk"), number=1).values("pk")[:1])
    )


def _course(plan: dict[str, Any]) -> Course:
    """A course row with the catalogue fields ``do_publish`` copies from its (first) version."""
    competencies = sorted(plan["competencies"], key=lambda c: c.code)
    codes = [c.code for c in competencies]
    return Course(
        code=plan["code"],
        provider=plan["provider"],
        is_retired=False,
        title_en=plan["title_en"],
        title_hi=plan["title_hi"],
        summary_en=plan["summary_en"],
        summary_hi=plan["summary_hi"],
        languages=plan["languages"],
        duration_minutes=plan["minutes"],
        level=plan["level"],
        resource_kinds="link,text" if plan["with_link"] else "text",
        competency_codes="," + ",".join(codes) + "," if codes else "",
        search_text=search_text_of(
            code=plan["code"],
            title_en=plan["title_en"],
            title_hi=plan["title_hi"],
            summary_en=plan["summary_en"],
            summary_hi=plan["summary_hi"],
            tags=plan["tags"],
            provider=plan["provider"],
            competencies=competencies,
        ),
        published_at=plan["published_at"],
        rating_count=plan["rating_count"],
        rating_sum=plan["rating_sum"],
    )
