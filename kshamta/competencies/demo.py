"""Demo designation profiles: what a Patwari, a Tehsildar, a Revenue Inspector, a Staff Nurse
and an Assistant Grade-2 do, and which competencies of the default framework their work needs.

``load_profiles_demo`` writes them with the ordinary actions (so they are audited), as the
demo CBP author for the Revenue Department's designations and as the demo state admin for
the others. The Revenue Inspector's profile is copied from the Patwari's and then extended,
the way an author reuses a profile. Assistant Grade-2 is defined at the state, so its one
profile serves every department. A designation whose profile already has roles is left
alone, so loading again writes nothing.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from kshamta.accounts.models import User
from kshamta.competencies import actions
from kshamta.competencies.access import active_framework
from kshamta.competencies.models import Competency, ProfileRole
from kshamta.orgs.demo import ensure_designation

CBP_AUTHOR_EMAIL = "cbp.author@mp.gov.in"
STATE_ADMIN_EMAIL = "admin@mp.gov.in"

# designation code → roles: (title_en, title_hi, activities: (text_en, text_hi, {competency: level}))
Activity = tuple[str, str, dict[str, int]]
Role = tuple[str, str, tuple[Activity, ...]]

PROFILES: dict[str, tuple[Role, ...]] = {
    "PATWARI": (
        (
            "Maintaining land records", "भू-अभिलेखों का संधारण",
            (
                (
                    "Updates the khasra, B-1 and village map after every mutation order.",
                    "प्रत्येक नामांतरण आदेश के बाद खसरा, बी-1 और ग्राम नक्शे का अद्यतन करना।",
                    {"DOM-LANDREC": 3, "FUN-EGOV": 2},
                ),
                (
                    "Carries out the girdawari (crop inspection) of every field each season and records it on "
                    "the mobile app.",
                    "प्रत्येक मौसम में हर खेत की गिरदावरी करना और उसे मोबाइल ऐप पर दर्ज करना।",
                    {"DOM-LANDREC": 3, "FUN-EGOV": 2, "FUN-DATA": 1},
                ),
            ),
        ),
        (
            "Field enquiries and demarcation", "क्षेत्रीय जाँच एवं सीमांकन",
            (
                (
                    "Measures and demarcates land on the Tehsildar's order.",
                    "तहसीलदार के आदेश पर भूमि का नाप और सीमांकन करना।",
                    {"DOM-LANDREC": 3, "DOM-REVENUE": 2},
                ),
                (
                    "Enquires into applications for mutation, partition and income or caste certificates and "
                    "reports on them.",
                    "नामांतरण, बँटवारे तथा आय या जाति प्रमाण पत्र के आवेदनों की जाँच कर प्रतिवेदन देना।",
                    {"DOM-REVENUE": 2, "FUN-NOTING": 2, "BEH-INTEGRITY": 3},
                ),
            ),
        ),
        (
            "Serving villagers", "ग्रामवासियों को सेवाएँ",
            (
                (
                    "Gives farmers copies of their land records within the time limit of the Public Services "
                    "Guarantee Act.",
                    "लोक सेवा गारंटी अधिनियम की समय-सीमा में किसानों को उनके भू-अभिलेख की प्रतिलिपि देना।",
                    {"FUN-SERVICE": 2, "BEH-CITIZEN": 3},
                ),
                (
                    "Assesses crop loss after floods, hail or drought so that relief can be paid.",
                    "बाढ़, ओलावृष्टि या सूखे के बाद राहत राशि के भुगतान हेतु फसल क्षति का आकलन करना।",
                    {"DOM-DISASTER": 2, "BEH-EMPATHY": 2},
                ),
            ),
        ),
    ),
    "TEHSILDAR": (
        (
            "Revenue court", "राजस्व न्यायालय",
            (
                (
                    "Hears and decides mutation, partition and demarcation cases under the Land Revenue Code.",
                    "भू-राजस्व संहिता के अंतर्गत नामांतरण, बँटवारा और सीमांकन प्रकरणों की सुनवाई एवं निराकरण।",
                    {"DOM-REVENUE": 4, "FUN-LEGAL": 3, "BEH-INTEGRITY": 4, "DOM-LANDREC": 3},
                ),
                (
                    "Writes reasoned orders that stand scrutiny in appeal.",
                    "ऐसे सकारण आदेश लिखना जो अपील में टिक सकें।",
                    {"FUN-LEGAL": 3, "FUN-NOTING": 3},
                ),
            ),
        ),
        (
            "Tehsil administration", "तहसील प्रशासन",
            (
                (
                    "Supervises Patwaris and Revenue Inspectors and reviews pending cases every week.",
                    "पटवारियों और राजस्व निरीक्षकों का पर्यवेक्षण तथा लंबित प्रकरणों की साप्ताहिक समीक्षा।",
                    {"BEH-LEADERSHIP": 3, "FUN-MONITORING": 3, "FUN-HR": 2},
                ),
                (
                    "Recovers land revenue and other government dues.",
                    "भू-राजस्व और अन्य शासकीय बकाया राशि की वसूली।",
                    {"DOM-REVENUE": 3, "FUN-FINANCE": 2},
                ),
                (
                    "Disposes of the tehsil's RTI applications and public grievances from the CM Helpline.",
                    "तहसील के सूचना का अधिकार आवेदनों और सीएम हेल्पलाइन की लोक शिकायतों का निराकरण।",
                    {"FUN-RTI": 3, "FUN-GRIEVANCE": 3, "BEH-CITIZEN": 3},
                ),
            ),
        ),
        (
            "Relief and law and order", "राहत एवं कानून-व्यवस्था",
            (
                (
                    "Organises relief after floods and droughts under the state relief manual.",
                    "राज्य राहत नियमावली के अंतर्गत बाढ़ और सूखे के बाद राहत कार्य का संचालन।",
                    {"DOM-DISASTER": 3, "BEH-DECISION": 3},
                ),
                (
                    "Acts as Executive Magistrate for the tehsil.",
                    "तहसील में कार्यपालक दंडाधिकारी के रूप में कार्य करना।",
                    {"BEH-DECISION": 4, "FUN-LEGAL": 3},
                ),
            ),
        ),
    ),
    "STAFF-NURSE": (
        (
            "Patient care", "रोगी देखभाल",
            (
                (
                    "Gives medicines, injections and care as prescribed and keeps the nursing record.",
                    "चिकित्सक के निर्देशानुसार दवाइयाँ, इंजेक्शन और देखभाल देना तथा नर्सिंग अभिलेख रखना।",
                    {"DOM-PUBHEALTH": 3, "BEH-EMPATHY": 3, "FUN-NOTING": 1},
                ),
                (
                    "Conducts deliveries and cares for newborns in the labour room.",
                    "प्रसव कक्ष में प्रसव कराना और नवजात शिशुओं की देखभाल करना।",
                    {"DOM-PUBHEALTH": 3, "BEH-DECISION": 2},
                ),
            ),
        ),
        (
            "Health programmes", "स्वास्थ्य कार्यक्रम",
            (
                (
                    "Runs immunisation sessions and records every dose on U-WIN.",
                    "टीकाकरण सत्र आयोजित करना और प्रत्येक खुराक यू-विन पर दर्ज करना।",
                    {"DOM-PUBHEALTH": 3, "FUN-EGOV": 2, "FUN-DATA": 1},
                ),
                (
                    "Counsels mothers on nutrition and family planning, and patients on completing TB treatment.",
                    "माताओं को पोषण और परिवार नियोजन पर तथा मरीज़ों को टीबी का उपचार पूरा करने पर परामर्श देना।",
                    {"BEH-COMMUNICATION": 3, "BEH-GENDER": 2, "DOM-PUBHEALTH": 2},
                ),
            ),
        ),
        (
            "Ward management", "वार्ड प्रबंधन",
            (
                (
                    "Keeps the ward's drugs and consumables in stock and raises indents in time.",
                    "वार्ड में दवाइयों और उपभोग्य सामग्री का भंडार बनाए रखना और समय पर मांग-पत्र भेजना।",
                    {"FUN-PROCUREMENT": 1, "FUN-FINANCE": 1, "BEH-ACCOUNTABILITY": 3},
                ),
                (
                    "Leads the ward staff and enforces infection control.",
                    "वार्ड कर्मचारियों का नेतृत्व और संक्रमण नियंत्रण का पालन सुनिश्चित करना।",
                    {"BEH-TEAMWORK": 3, "BEH-LEADERSHIP": 2},
                ),
            ),
        ),
    ),
    "ASSISTANT-GR2": (
        (
            "Office work", "कार्यालयीन कार्य",
            (
                (
                    "Puts up notes and drafts letters on files in e-Office.",
                    "ई-ऑफ़िस में नस्तियों पर टीप प्रस्तुत करना और पत्रों का प्रारूप तैयार करना।",
                    {"FUN-NOTING": 3, "FUN-EGOV": 2},
                ),
                (
                    "Keeps the receipt and dispatch register and the record room in order.",
                    "आवक-जावक पंजी और अभिलेख कक्ष को व्यवस्थित रखना।",
                    {"FUN-NOTING": 2, "BEH-ACCOUNTABILITY": 2},
                ),
                (
                    "Keeps passwords, e-mail and files safe from phishing and loss.",
                    "पासवर्ड, ई-मेल और फ़ाइलों को फ़िशिंग और क्षति से सुरक्षित रखना।",
                    {"FUN-CYBER": 1},
                ),
            ),
        ),
        (
            "Establishment and accounts", "स्थापना एवं लेखा",
            (
                (
                    "Prepares salary bills and keeps leave accounts and service books up to date.",
                    "वेतन देयक तैयार करना तथा अवकाश लेखे और सेवा पुस्तिकाएँ अद्यतन रखना।",
                    {"FUN-HR": 2, "FUN-FINANCE": 2},
                ),
                (
                    "Drafts replies to RTI applications for the Public Information Officer.",
                    "लोक सूचना अधिकारी के लिए सूचना का अधिकार आवेदनों के उत्तर का प्रारूप तैयार करना।",
                    {"FUN-RTI": 2, "FUN-NOTING": 2},
                ),
            ),
        ),
    ),
}  # fmt: skip

# Copied from the Patwari's profile, then given one more role.
REVENUE_INSPECTOR = "REVENUE-INSPECTOR"
REVENUE_INSPECTOR_SOURCE = "PATWARI"
REVENUE_INSPECTOR_EXTRA: Role = (
    "Supervising Patwaris", "पटवारियों का पर्यवेक्षण",
    (
        (
            "Checks the Patwaris' girdawari and mutation entries in the circle and reports errors.",
            "वृत्त में पटवारियों की गिरदावरी और नामांतरण प्रविष्टियों की जाँच करना और त्रुटियों की सूचना देना।",
            {"DOM-LANDREC": 4, "FUN-MONITORING": 2, "BEH-LEADERSHIP": 2},
        ),
    ),
)  # fmt: skip

REVENUE_DESIGNATIONS = {"PATWARI", "TEHSILDAR", REVENUE_INSPECTOR}


def _user(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _has_roles(designation: Any) -> bool:
    return ProfileRole.objects.filter(profile__designation=designation).exists()


def _add_role(designation: Any, spec: Role, known: dict[str, Competency], author: Any, counts: dict[str, int]) -> None:
    title_en, title_hi, activities = spec
    role = actions.do_add_profile_role(designation, title_en=title_en, title_hi=title_hi, acting_user=author)
    counts["roles"] += 1
    for text_en, text_hi, levels in activities:
        activity = actions.do_add_profile_activity(role, text_en=text_en, text_hi=text_hi, acting_user=author)
        counts["activities"] += 1
        for code, level in levels.items():
            competency = known.get(code)
            if competency is None:  # a state framework without this competency is active
                continue
            actions.do_set_activity_competency(activity, competency, level, acting_user=author)
            counts["competencies"] += 1


@transaction.atomic
def load_profiles_demo() -> dict[str, int]:
    """Load the demo profiles that are missing; returns what was added ({} when nothing was)."""
    if active_framework() is None:
        actions.do_load_default_framework(acting_user=None)
    framework = active_framework()
    assert framework is not None
    known = {c.code: c for c in framework.competencies.all()}
    author, admin = _user(CBP_AUTHOR_EMAIL), _user(STATE_ADMIN_EMAIL)
    counts = {"profiles": 0, "roles": 0, "activities": 0, "competencies": 0}
    for code, roles in PROFILES.items():
        designation = ensure_designation(code, acting_user=None)
        if _has_roles(designation):
            continue
        acting = author if code in REVENUE_DESIGNATIONS else admin
        for spec in roles:
            _add_role(designation, spec, known, acting, counts)
        counts["profiles"] += 1
    inspector = ensure_designation(REVENUE_INSPECTOR, acting_user=None)
    if not _has_roles(inspector):
        source = ensure_designation(REVENUE_INSPECTOR_SOURCE, acting_user=None)
        copied = actions.do_copy_profile(source=source, target=inspector, acting_user=author)
        for key in ("roles", "activities", "competencies"):
            counts[key] += copied[key]
        _add_role(inspector, REVENUE_INSPECTOR_EXTRA, known, author, counts)
        counts["profiles"] += 1
    return counts if counts["profiles"] else {}
