"""Reference data for a generated Madhya Pradesh: departments, districts, designations, names.

Used by :mod:`kshamta.orgs.generate` for demos, benchmarks and load tests. The
departments, districts and designations are real MP ones (names as the state
writes them); head counts are rough orders of magnitude, only their ratios
matter. Every Hindi string passes through NFC in the generator, so nukta forms
typed either way end up identical.
"""

from __future__ import annotations

from dataclasses import dataclass, field

STATE_CODE = "MP"
STATE_NAME_EN = "Madhya Pradesh"
STATE_NAME_HI = "मध्य प्रदेश"


@dataclass(frozen=True)
class Post:
    """A designation and where it sits. ``weight`` is relative head count in that place."""

    code: str
    en: str
    hi: str
    group: str
    weight: float = 0.0
    head: bool = False  # one post per office: the head of office
    female: float = 0.3  # share of women holding it
    at: str = "field"  # "field", "hq" (every directorate) or one directorate's suffix


@dataclass(frozen=True)
class Unit:
    """A directorate (or institute) under a department's secretariat."""

    suffix: str
    en: str
    hi: str
    kind: str = "directorate"
    divisional: bool = False  # keeps an office at each divisional headquarters


@dataclass(frozen=True)
class District:
    code: str
    en: str
    hi: str
    size: float = 1.0  # larger districts have larger offices
    division_hq: bool = False


@dataclass(frozen=True)
class Department:
    code: str
    en: str
    hi: str
    size: int  # rough head count at full strength; only ratios between departments matter
    office_en: str  # "{district}" is replaced by the district's name
    office_hi: str
    units: tuple[Unit, ...]
    posts: tuple[Post, ...]  # its own designations, defined at the department
    uses: tuple[tuple[str, float], ...] = ()  # state-wide designations also posted in its field offices
    head: str = ""  # designation code of the head of a field office
    office_kind: str = "district"
    max_offices: int = 0  # 0 = an office in every district; else at most this many (larger districts first)
    divisions_only: bool = False  # offices only at divisional headquarters
    extra: dict[str, str] = field(default_factory=dict)


# --- Districts (55, divisional headquarters first) ----------------------------------

DISTRICTS: tuple[District, ...] = (
    District("BPL", "Bhopal", "भोपाल", 1.6, True),
    District("IND", "Indore", "इंदौर", 1.7, True),
    District("JBP", "Jabalpur", "जबलपुर", 1.5, True),
    District("GWL", "Gwalior", "ग्वालियर", 1.4, True),
    District("UJN", "Ujjain", "उज्जैन", 1.2, True),
    District("SGR", "Sagar", "सागर", 1.2, True),
    District("REW", "Rewa", "रीवा", 1.2, True),
    District("SHD", "Shahdol", "शहडोल", 0.9, True),
    District("NMP", "Narmadapuram", "नर्मदापुरम", 0.9, True),
    District("MRN", "Morena", "मुरैना", 1.1, True),
    District("STN", "Satna", "सतना", 1.1),
    District("DWS", "Dewas", "देवास", 1.0),
    District("RTM", "Ratlam", "रतलाम", 1.0),
    District("KHW", "Khandwa", "खंडवा", 1.0),
    District("KHG", "Khargone", "खरगोन", 1.1),
    District("BRH", "Burhanpur", "बुरहानपुर", 0.8),
    District("CWA", "Chhindwara", "छिंदवाड़ा", 1.2),
    District("BTL", "Betul", "बैतूल", 1.0),
    District("HRD", "Harda", "हरदा", 0.6),
    District("RSN", "Raisen", "रायसेन", 0.9),
    District("VDS", "Vidisha", "विदिशा", 1.0),
    District("SHR", "Sehore", "सीहोर", 0.9),
    District("RJG", "Rajgarh", "राजगढ़", 1.0),
    District("SJP", "Shajapur", "शाजापुर", 0.8),
    District("AGM", "Agar Malwa", "आगर मालवा", 0.6),
    District("MDS", "Mandsaur", "मंदसौर", 1.0),
    District("NMC", "Neemuch", "नीमच", 0.8),
    District("DHR", "Dhar", "धार", 1.2),
    District("JHB", "Jhabua", "झाबुआ", 0.9),
    District("ALR", "Alirajpur", "अलीराजपुर", 0.7),
    District("BWN", "Barwani", "बड़वानी", 0.9),
    District("BHD", "Bhind", "भिंड", 1.0),
    District("SHP", "Sheopur", "श्योपुर", 0.6),
    District("DTA", "Datia", "दतिया", 0.6),
    District("SVP", "Shivpuri", "शिवपुरी", 1.0),
    District("GNA", "Guna", "गुना", 0.9),
    District("ASN", "Ashoknagar", "अशोकनगर", 0.7),
    District("CTP", "Chhatarpur", "छतरपुर", 1.0),
    District("TKG", "Tikamgarh", "टीकमगढ़", 0.8),
    District("NWR", "Niwari", "निवाड़ी", 0.5),
    District("PNA", "Panna", "पन्ना", 0.8),
    District("DMH", "Damoh", "दमोह", 0.9),
    District("KTN", "Katni", "कटनी", 0.9),
    District("NSP", "Narsinghpur", "नरसिंहपुर", 0.8),
    District("SEO", "Seoni", "सिवनी", 0.9),
    District("MDL", "Mandla", "मंडला", 0.8),
    District("DDR", "Dindori", "डिंडोरी", 0.6),
    District("BLG", "Balaghat", "बालाघाट", 1.0),
    District("ANP", "Anuppur", "अनूपपुर", 0.6),
    District("UMR", "Umaria", "उमरिया", 0.6),
    District("SDH", "Sidhi", "सीधी", 0.8),
    District("SGL", "Singrauli", "सिंगरौली", 0.9),
    District("MGJ", "Mauganj", "मऊगंज", 0.5),
    District("MHR", "Maihar", "मैहर", 0.5),
    District("PDN", "Pandhurna", "पांढुर्णा", 0.5),
)


# --- Designations defined at the state root (usable everywhere) ---------------------

COMMON_POSTS: tuple[Post, ...] = (
    Post("PRINCIPAL-SECRETARY", "Principal Secretary", "प्रमुख सचिव", "A"),
    Post("ADDITIONAL-SECRETARY", "Additional Secretary", "अपर सचिव", "A"),
    Post("DEPUTY-SECRETARY", "Deputy Secretary", "उप सचिव", "A"),
    Post("UNDER-SECRETARY", "Under Secretary", "अवर सचिव", "A"),
    Post("SECTION-OFFICER", "Section Officer", "अनुभाग अधिकारी", "B"),
    Post("DIRECTOR", "Director", "संचालक", "A"),
    Post("JOINT-DIRECTOR", "Joint Director", "संयुक्त संचालक", "A"),
    Post("DEPUTY-DIRECTOR", "Deputy Director", "उप संचालक", "A"),
    Post("ASSISTANT-DIRECTOR", "Assistant Director", "सहायक संचालक", "B"),
    Post("ACCOUNTS-OFFICER", "Accounts Officer", "लेखा अधिकारी", "B"),
    Post("OFFICE-SUPERINTENDENT", "Office Superintendent", "कार्यालय अधीक्षक", "C"),
    Post("ACCOUNTANT", "Accountant", "लेखापाल", "C"),
    Post("ASSISTANT-GR1", "Assistant Grade-1", "सहायक ग्रेड-1", "C"),
    Post("ASSISTANT-GR2", "Assistant Grade-2", "सहायक ग्रेड-2", "C"),
    Post("ASSISTANT-GR3", "Assistant Grade-3", "सहायक ग्रेड-3", "C", female=0.35),
    Post("STENOGRAPHER", "Stenographer", "स्टेनोग्राफर", "C", female=0.4),
    Post("STENO-TYPIST", "Steno Typist", "स्टेनो टाइपिस्ट", "C", female=0.4),
    Post("DATA-ENTRY-OPERATOR", "Data Entry Operator", "डाटा एंट्री ऑपरेटर", "C", female=0.35),
    Post("DRIVER", "Driver", "वाहन चालक", "C", female=0.01),
    Post("PEON", "Peon", "भृत्य", "D", female=0.15),
    Post("CHOWKIDAR", "Chowkidar", "चौकीदार", "D", female=0.05),
    Post("SUB-ENGINEER", "Sub Engineer", "उपयंत्री", "C", female=0.12),
    Post("ASSISTANT-ENGINEER", "Assistant Engineer", "सहायक यंत्री", "B", female=0.12),
    Post("EXECUTIVE-ENGINEER", "Executive Engineer", "कार्यपालन यंत्री", "A", female=0.08),
    Post("SUPERINTENDING-ENGINEER", "Superintending Engineer", "अधीक्षण यंत्री", "A", female=0.05),
    Post("CHIEF-ENGINEER", "Chief Engineer", "मुख्य अभियंता", "A", female=0.05),
    Post("DRAFTSMAN", "Draftsman", "मानचित्रकार", "C"),
)

# Staffing of the department's secretariat (Vallabh Bhawan), every directorate, every
# divisional office and every field office, in state-wide designations.
SECRETARIAT_STAFF: tuple[tuple[str, float], ...] = (
    ("PRINCIPAL-SECRETARY", 0),  # head
    ("ADDITIONAL-SECRETARY", 1),
    ("DEPUTY-SECRETARY", 2),
    ("UNDER-SECRETARY", 3),
    ("SECTION-OFFICER", 6),
    ("ASSISTANT-GR1", 4),
    ("ASSISTANT-GR2", 8),
    ("ASSISTANT-GR3", 8),
    ("STENOGRAPHER", 3),
    ("DATA-ENTRY-OPERATOR", 2),
    ("PEON", 8),
    ("DRIVER", 3),
)
DIRECTORATE_STAFF: tuple[tuple[str, float], ...] = (
    ("DIRECTOR", 0),  # head
    ("JOINT-DIRECTOR", 1),
    ("DEPUTY-DIRECTOR", 3),
    ("ASSISTANT-DIRECTOR", 4),
    ("ACCOUNTS-OFFICER", 1),
    ("OFFICE-SUPERINTENDENT", 2),
    ("ASSISTANT-GR1", 3),
    ("ASSISTANT-GR2", 8),
    ("ASSISTANT-GR3", 10),
    ("STENOGRAPHER", 3),
    ("DATA-ENTRY-OPERATOR", 4),
    ("ACCOUNTANT", 2),
    ("PEON", 8),
    ("DRIVER", 3),
)
DIVISIONAL_STAFF: tuple[tuple[str, float], ...] = (
    ("JOINT-DIRECTOR", 0),  # head
    ("DEPUTY-DIRECTOR", 1),
    ("ASSISTANT-GR2", 2),
    ("ASSISTANT-GR3", 3),
    ("DATA-ENTRY-OPERATOR", 1),
    ("PEON", 2),
    ("DRIVER", 1),
)
FIELD_STAFF: tuple[tuple[str, float], ...] = (
    ("OFFICE-SUPERINTENDENT", 0.5),
    ("ASSISTANT-GR1", 1),
    ("ASSISTANT-GR2", 3),
    ("ASSISTANT-GR3", 5),
    ("STENO-TYPIST", 1),
    ("DATA-ENTRY-OPERATOR", 2),
    ("ACCOUNTANT", 1),
    ("DRIVER", 2),
    ("PEON", 5),
    ("CHOWKIDAR", 2),
)
ENGINEERS: tuple[tuple[str, float], ...] = (
    ("SUB-ENGINEER", 10),
    ("ASSISTANT-ENGINEER", 3),
    ("DRAFTSMAN", 1),
)

P = Post
U = Unit

# --- Departments, in the order a smaller state takes them ------------------------------

DEPARTMENTS: tuple[Department, ...] = (
    Department(
        "REV",
        "Revenue Department",
        "राजस्व विभाग",
        30000,
        "Collectorate {district}",
        "कलेक्टोरेट {district}",
        units=(
            U("CLR", "Commissioner, Land Records", "आयुक्त, भू-अभिलेख", divisional=True),
            U("RLF", "Relief Commissioner", "राहत आयुक्त"),
        ),
        posts=(
            P("COLLECTOR", "Collector", "कलेक्टर", "A", head=True),
            P("DEPUTY-COLLECTOR", "Deputy Collector", "डिप्टी कलेक्टर", "A", 3),
            P("TEHSILDAR", "Tehsildar", "तहसीलदार", "B", 4),
            P("NAIB-TEHSILDAR", "Naib Tehsildar", "नायब तहसीलदार", "B", 6),
            P("REVENUE-INSPECTOR", "Revenue Inspector", "राजस्व निरीक्षक", "C", 12, female=0.15),
            P("PATWARI", "Patwari", "पटवारी", "C", 70, female=0.25),
            P("LAND-RECORDS-SUPDT", "Superintendent, Land Records", "अधीक्षक, भू-अभिलेख", "B", 1),
            P("COPYIST", "Copyist", "प्रतिलिपिकार", "C", 2),
            P("SETTLEMENT-OFFICER", "Settlement Officer", "बंदोबस्त अधिकारी", "A", 2, at="CLR"),
        ),
        head="COLLECTOR",
    ),
    Department(
        "HLT",
        "Public Health and Family Welfare Department",
        "लोक स्वास्थ्य एवं परिवार कल्याण विभाग",
        60000,
        "Office of the CMHO, {district}",
        "मुख्य चिकित्सा एवं स्वास्थ्य अधिकारी कार्यालय, {district}",
        units=(
            U("DHS", "Directorate of Health Services", "संचालनालय स्वास्थ्य सेवाएं", divisional=True),
            U("NHM", "National Health Mission, Madhya Pradesh", "राष्ट्रीय स्वास्थ्य मिशन, मध्य प्रदेश"),
            U("FDA", "Food and Drug Administration", "खाद्य एवं औषधि प्रशासन"),
        ),
        posts=(
            P("CMHO", "Chief Medical and Health Officer", "मुख्य चिकित्सा एवं स्वास्थ्य अधिकारी", "A", head=True),
            P("MEDICAL-SPECIALIST", "Medical Specialist", "चिकित्सा विशेषज्ञ", "A", 5, female=0.3),
            P("MEDICAL-OFFICER", "Medical Officer", "चिकित्सा अधिकारी", "A", 15, female=0.35),
            P("BLOCK-MEDICAL-OFFICER", "Block Medical Officer", "खंड चिकित्सा अधिकारी", "A", 1),
            P("STAFF-NURSE", "Staff Nurse", "स्टाफ नर्स", "C", 30, female=0.9),
            P("ANM", "ANM", "एएनएम", "C", 35, female=1.0),
            P("MPW", "Multi-Purpose Health Worker", "बहुउद्देशीय स्वास्थ्य कार्यकर्ता", "C", 15, female=0.1),
            P("PHARMACIST", "Pharmacist", "फार्मासिस्ट", "C", 6),
            P("LAB-TECHNICIAN", "Laboratory Technician", "प्रयोगशाला तकनीशियन", "C", 5),
            P("WARD-BOY", "Ward Boy", "वार्ड बॉय", "D", 8, female=0.0),
            P("FOOD-SAFETY-OFFICER", "Food Safety Officer", "खाद्य सुरक्षा अधिकारी", "B", 1, at="FDA"),
            P("DRUG-INSPECTOR", "Drug Inspector", "औषधि निरीक्षक", "B", 2, at="FDA"),
            P("STATE-PROGRAMME-OFFICER", "State Programme Officer", "राज्य कार्यक्रम अधिकारी", "A", 3, at="NHM"),
        ),
        head="CMHO",
    ),
    Department(
        "SED",
        "School Education Department",
        "स्कूल शिक्षा विभाग",
        220000,
        "District Education Office, {district}",
        "जिला शिक्षा अधिकारी कार्यालय, {district}",
        units=(
            U("DPI", "Directorate of Public Instruction", "लोक शिक्षण संचालनालय", divisional=True),
            U("RSK", "Rajya Shiksha Kendra", "राज्य शिक्षा केंद्र"),
            U(
                "SCERT",
                "State Council of Educational Research and Training",
                "राज्य शैक्षिक अनुसंधान एवं प्रशिक्षण परिषद",
                "institute",
            ),
        ),
        posts=(
            P("DEO", "District Education Officer", "जिला शिक्षा अधिकारी", "A", head=True),
            P("BEO", "Block Education Officer", "विकासखंड शिक्षा अधिकारी", "B", 2),
            P("PRINCIPAL-HSS", "Principal, Higher Secondary School", "प्राचार्य, उच्चतर माध्यमिक विद्यालय", "B", 8),
            P("HEADMASTER-MS", "Headmaster, Middle School", "प्रधानाध्यापक, माध्यमिक शाला", "C", 12),
            P("HS-TEACHER", "Higher Secondary Teacher", "उच्च माध्यमिक शिक्षक", "C", 40, female=0.5),
            P("SECONDARY-TEACHER", "Secondary Teacher", "माध्यमिक शिक्षक", "C", 60, female=0.5),
            P("PRIMARY-TEACHER", "Primary Teacher", "प्राथमिक शिक्षक", "C", 120, female=0.55),
            P("LAB-ASSISTANT", "Laboratory Assistant", "प्रयोगशाला सहायक", "C", 4),
            P("ACADEMIC-COORDINATOR", "Academic Coordinator", "अकादमिक समन्वयक", "C", 3, at="RSK"),
            P("LECTURER-DIET", "Lecturer, DIET", "व्याख्याता, डाइट", "B", 3, at="SCERT"),
        ),
        head="DEO",
    ),
    Department(
        "HOME",
        "Home Department",
        "गृह विभाग",
        110000,
        "Office of the Superintendent of Police, {district}",
        "पुलिस अधीक्षक कार्यालय, {district}",
        units=(
            U("PHQ", "Police Headquarters", "पुलिस मुख्यालय", divisional=True),
            U("PTA", "Police Training Academy, Bhauri", "पुलिस प्रशिक्षण अकादमी, भौंरी", "institute"),
            U("DPP", "Directorate of Public Prosecution", "लोक अभियोजन संचालनालय"),
        ),
        posts=(
            P("SP", "Superintendent of Police", "पुलिस अधीक्षक", "A", head=True, female=0.15),
            P("DSP", "Deputy Superintendent of Police", "उप पुलिस अधीक्षक", "A", 1, female=0.15),
            P("POLICE-INSPECTOR", "Inspector of Police", "पुलिस निरीक्षक", "B", 3, female=0.12),
            P("SUB-INSPECTOR", "Sub-Inspector", "उप निरीक्षक", "C", 10, female=0.15),
            P("ASI", "Assistant Sub-Inspector", "सहायक उप निरीक्षक", "C", 15, female=0.12),
            P("HEAD-CONSTABLE", "Head Constable", "प्रधान आरक्षक", "C", 40, female=0.1),
            P("CONSTABLE", "Constable", "आरक्षक", "C", 120, female=0.15),
            P("PROSECUTION-OFFICER", "District Prosecution Officer", "जिला अभियोजन अधिकारी", "B", 1, at="DPP"),
        ),
        head="SP",
    ),
    Department(
        "PRD",
        "Panchayat and Rural Development Department",
        "पंचायत एवं ग्रामीण विकास विभाग",
        40000,
        "Zila Panchayat, {district}",
        "जिला पंचायत, {district}",
        units=(
            U("PR", "Directorate of Panchayat Raj", "पंचायत राज संचालनालय"),
            U("RES", "Rural Engineering Services", "ग्रामीण यांत्रिकी सेवा", divisional=True),
            U("SEGC", "State Employment Guarantee Council", "राज्य रोजगार गारंटी परिषद"),
        ),
        posts=(
            P("CEO-ZP", "Chief Executive Officer, Zila Panchayat", "मुख्य कार्यपालन अधिकारी, जिला पंचायत", "A", head=True),
            P("CEO-JP", "Chief Executive Officer, Janpad Panchayat", "मुख्य कार्यपालन अधिकारी, जनपद पंचायत", "A", 1),
            P("PANCHAYAT-SECRETARY", "Panchayat Secretary", "पंचायत सचिव", "C", 80, female=0.15),
            P("GRAM-ROZGAR-SAHAYAK", "Gram Rozgar Sahayak", "ग्राम रोजगार सहायक", "C", 40, female=0.2),
            P("PCO", "Panchayat Coordination Officer", "पंचायत समन्वय अधिकारी", "C", 6),
            P("ADEO", "Additional Development Extension Officer", "अतिरिक्त विकास विस्तार अधिकारी", "C", 4),
        ),
        uses=(("SUB-ENGINEER", 8), ("ASSISTANT-ENGINEER", 2), ("EXECUTIVE-ENGINEER", 0.3)),
        head="CEO-ZP",
    ),
    Department(
        "FIN",
        "Finance Department",
        "वित्त विभाग",
        8000,
        "District Treasury, {district}",
        "जिला कोषालय, {district}",
        units=(
            U("TRY", "Directorate of Treasuries and Accounts", "कोष एवं लेखा संचालनालय", divisional=True),
            U("LFA", "Directorate of Local Fund Audit", "स्थानीय निधि संपरीक्षा संचालनालय"),
        ),
        posts=(
            P("TREASURY-OFFICER", "Treasury Officer", "कोषालय अधिकारी", "B", head=True),
            P("ATO", "Assistant Treasury Officer", "सहायक कोषालय अधिकारी", "B", 2),
            P("SENIOR-AUDITOR", "Senior Auditor", "वरिष्ठ अंकेक्षक", "C", 2),
            P("AUDITOR", "Auditor", "अंकेक्षक", "C", 4),
            P("JUNIOR-ACCOUNTANT", "Junior Accountant", "कनिष्ठ लेखापाल", "C", 3),
        ),
        head="TREASURY-OFFICER",
    ),
    Department(
        "AGR",
        "Farmer Welfare and Agriculture Development Department",
        "किसान कल्याण तथा कृषि विकास विभाग",
        12000,
        "Office of the Deputy Director, Agriculture, {district}",
        "उप संचालक कृषि कार्यालय, {district}",
        units=(
            U(
                "DAG",
                "Directorate of Farmer Welfare and Agriculture Development",
                "संचालनालय किसान कल्याण तथा कृषि विकास",
                divisional=True,
            ),
            U("MANDI", "Madhya Pradesh State Agricultural Marketing Board", "मध्य प्रदेश राज्य कृषि विपणन बोर्ड"),
        ),
        posts=(
            P("SADO", "Senior Agriculture Development Officer", "वरिष्ठ कृषि विकास अधिकारी", "B", 4),
            P("ADO", "Agriculture Development Officer", "कृषि विकास अधिकारी", "B", 6),
            P("RAEO", "Rural Agriculture Extension Officer", "ग्रामीण कृषि विस्तार अधिकारी", "C", 30, female=0.2),
            P("SOIL-TESTING-OFFICER", "Soil Testing Officer", "मृदा परीक्षण अधिकारी", "B", 1),
            P("MANDI-INSPECTOR", "Mandi Inspector", "मंडी निरीक्षक", "C", 4, at="MANDI"),
        ),
        head="DEPUTY-DIRECTOR",
    ),
    Department(
        "PWD",
        "Public Works Department",
        "लोक निर्माण विभाग",
        10000,
        "PWD Division, {district}",
        "लोक निर्माण संभाग, {district}",
        units=(
            U(
                "ENC",
                "Office of the Engineer-in-Chief, Public Works",
                "प्रमुख अभियंता कार्यालय, लोक निर्माण",
                divisional=True,
            ),
            U("BRIDGE", "PWD Bridge Zone", "लोक निर्माण सेतु परिक्षेत्र"),
        ),
        posts=(
            P("TIME-KEEPER", "Time Keeper", "टाइम कीपर", "C", 3),
            P("WORK-MISTRY", "Work Mistry", "कार्य मिस्त्री", "C", 4, female=0.02),
            P("GANGMAN", "Gangman", "गैंगमैन", "D", 8, female=0.05),
            P("ENGINEER-IN-CHIEF", "Engineer-in-Chief", "प्रमुख अभियंता", "A", 0.2, at="ENC"),
        ),
        uses=(*ENGINEERS, ("SUPERINTENDING-ENGINEER", 0.2), ("CHIEF-ENGINEER", 0.05)),
        head="EXECUTIVE-ENGINEER",
    ),
    Department(
        "WCD",
        "Women and Child Development Department",
        "महिला एवं बाल विकास विभाग",
        12000,
        "District Programme Office, {district}",
        "जिला कार्यक्रम अधिकारी कार्यालय, {district}",
        units=(
            U("DWCD", "Directorate of Women and Child Development", "महिला एवं बाल विकास संचालनालय", divisional=True),
            U("MSM", "Mission Shakti, Madhya Pradesh", "मिशन शक्ति, मध्य प्रदेश"),
        ),
        posts=(
            P("DPO", "District Programme Officer", "जिला कार्यक्रम अधिकारी", "A", head=True, female=0.5),
            P("CDPO", "Child Development Project Officer", "बाल विकास परियोजना अधिकारी", "B", 3, female=0.7),
            P("ANGANWADI-SUPERVISOR", "Anganwadi Supervisor", "आंगनवाड़ी पर्यवेक्षक", "C", 20, female=1.0),
            P("PROTECTION-OFFICER", "Protection Officer", "संरक्षण अधिकारी", "B", 1, female=0.6),
        ),
        head="DPO",
    ),
    Department(
        "FOR",
        "Forest Department",
        "वन विभाग",
        20000,
        "Forest Division, {district}",
        "वनमंडल, {district}",
        units=(
            U(
                "PCCF",
                "Office of the Principal Chief Conservator of Forests",
                "प्रधान मुख्य वन संरक्षक कार्यालय",
                divisional=True,
            ),
            U("SFRI", "State Forest Research Institute", "राज्य वन अनुसंधान संस्थान", "institute"),
        ),
        posts=(
            P("DFO", "Divisional Forest Officer", "वनमंडलाधिकारी", "A", head=True),
            P("SDO-FOREST", "Sub-Divisional Officer (Forest)", "उप वनमंडलाधिकारी", "A", 1),
            P("RANGER", "Forest Ranger", "वनक्षेत्रपाल", "B", 4),
            P("DEPUTY-RANGER", "Deputy Ranger", "उप वनक्षेत्रपाल", "C", 6),
            P("FORESTER", "Forester", "वनपाल", "C", 15, female=0.1),
            P("FOREST-GUARD", "Forest Guard", "वनरक्षक", "C", 60, female=0.12),
            P("CONSERVATOR", "Conservator of Forests", "वन संरक्षक", "A", 1, at="hq"),
            P("RESEARCH-OFFICER-FOREST", "Research Officer (Forest)", "अनुसंधान अधिकारी (वन)", "B", 3, at="SFRI"),
        ),
        head="DFO",
    ),
    Department(
        "UDH",
        "Urban Development and Housing Department",
        "नगरीय विकास एवं आवास विभाग",
        8000,
        "Urban Administration Office, {district}",
        "नगरीय प्रशासन कार्यालय, {district}",
        units=(
            U(
                "DUAD",
                "Directorate of Urban Administration and Development",
                "नगरीय प्रशासन एवं विकास संचालनालय",
                divisional=True,
            ),
            U("TCP", "Directorate of Town and Country Planning", "नगर तथा ग्राम निवेश संचालनालय"),
        ),
        posts=(
            P("CMO", "Chief Municipal Officer", "मुख्य नगरपालिका अधिकारी", "B", 4),
            P("ASSISTANT-TOWN-PLANNER", "Assistant Town Planner", "सहायक नगर निवेशक", "B", 1),
            P("SANITARY-INSPECTOR", "Sanitary Inspector", "स्वच्छता निरीक्षक", "C", 4),
            P("REVENUE-SUB-INSPECTOR", "Municipal Revenue Sub-Inspector", "नगरीय राजस्व उप निरीक्षक", "C", 3),
            P("TOWN-PLANNER", "Town Planner", "नगर निवेशक", "A", 2, at="TCP"),
        ),
        uses=(("SUB-ENGINEER", 4), ("ASSISTANT-ENGINEER", 1)),
        head="JOINT-DIRECTOR",
    ),
    Department(
        "GAD",
        "General Administration Department",
        "सामान्य प्रशासन विभाग",
        4000,
        "Office of the Divisional Commissioner, {district}",
        "संभागायुक्त कार्यालय, {district}",
        units=(
            U(
                "ATI",
                "R.C.V.P. Noronha Academy of Administration and Management",
                "आर.सी.व्ही.पी. नरोन्हा प्रशासन एवं प्रबंधकीय अकादमी",
                "institute",
            ),
            U("CMHL", "CM Helpline and Public Service Management", "सीएम हेल्पलाइन एवं लोक सेवा प्रबंधन"),
        ),
        posts=(
            P("DIVISIONAL-COMMISSIONER", "Divisional Commissioner", "संभागायुक्त", "A", head=True),
            P("ADDITIONAL-COMMISSIONER", "Additional Commissioner", "अपर आयुक्त", "A", 2),
            P("PROTOCOL-OFFICER", "Protocol Officer", "प्रोटोकॉल अधिकारी", "B", 1),
            P("FACULTY-MEMBER", "Faculty Member", "संकाय सदस्य", "A", 8, female=0.4, at="ATI"),
            P("TRAINING-COORDINATOR", "Training Coordinator", "प्रशिक्षण समन्वयक", "B", 4, female=0.4, at="ATI"),
            P("INSTRUCTIONAL-DESIGNER", "Instructional Designer", "अनुदेशात्मक डिज़ाइनर", "B", 2, female=0.5, at="ATI"),
            P("PUBLIC-SERVICE-MANAGER", "Public Service Manager", "लोक सेवा प्रबंधक", "B", 3, at="CMHL"),
        ),
        head="DIVISIONAL-COMMISSIONER",
        office_kind="division",
        divisions_only=True,
    ),
    Department(
        "HED",
        "Higher Education Department",
        "उच्च शिक्षा विभाग",
        12000,
        "Government Lead College, {district}",
        "शासकीय अग्रणी महाविद्यालय, {district}",
        units=(U("CHE", "Commissioner, Higher Education", "आयुक्त, उच्च शिक्षा", divisional=True),),
        posts=(
            P("PRINCIPAL-COLLEGE", "Principal, Government College", "प्राचार्य, शासकीय महाविद्यालय", "A", head=True),
            P("PROFESSOR", "Professor", "प्राध्यापक", "A", 2, female=0.35),
            P("ASSISTANT-PROFESSOR", "Assistant Professor", "सहायक प्राध्यापक", "A", 12, female=0.45),
            P("LIBRARIAN", "Librarian", "ग्रंथपाल", "B", 1),
            P("SPORTS-OFFICER", "Sports Officer", "क्रीड़ा अधिकारी", "B", 1),
            P("LAB-ATTENDANT", "Laboratory Attendant", "प्रयोगशाला परिचारक", "D", 3),
        ),
        office_kind="institute",
        head="PRINCIPAL-COLLEGE",
    ),
    Department(
        "TAD",
        "Tribal Affairs Department",
        "जनजातीय कार्य विभाग",
        40000,
        "Office of the Assistant Commissioner, Tribal Affairs, {district}",
        "सहायक आयुक्त जनजातीय कार्य कार्यालय, {district}",
        units=(U("CTD", "Commissioner, Tribal Development", "आयुक्त, जनजातीय विकास", divisional=True),),
        posts=(
            P("AC-TRIBAL", "Assistant Commissioner, Tribal Affairs", "सहायक आयुक्त, जनजातीय कार्य", "A", head=True),
            P("AREA-ORGANISER", "Area Organiser", "क्षेत्र संयोजक", "B", 2),
            P("HOSTEL-SUPERINTENDENT", "Hostel Superintendent", "छात्रावास अधीक्षक", "C", 15, female=0.4),
            P("TEACHER-TRIBAL", "Teacher (Tribal Affairs)", "शिक्षक (जनजातीय कार्य)", "C", 60, female=0.5),
            P(
                "PRIMARY-TEACHER-TRIBAL",
                "Primary Teacher (Tribal Affairs)",
                "प्राथमिक शिक्षक (जनजातीय कार्य)",
                "C",
                60,
                female=0.5,
            ),
        ),
        head="AC-TRIBAL",
    ),
    Department(
        "FCS",
        "Food, Civil Supplies and Consumer Protection Department",
        "खाद्य, नागरिक आपूर्ति एवं उपभोक्ता संरक्षण विभाग",
        3000,
        "District Supply Office, {district}",
        "जिला आपूर्ति कार्यालय, {district}",
        units=(
            U(
                "DFCS",
                "Directorate of Food, Civil Supplies and Consumer Protection",
                "खाद्य, नागरिक आपूर्ति एवं उपभोक्ता संरक्षण संचालनालय",
            ),
        ),
        posts=(
            P("DSO", "District Supply Officer", "जिला आपूर्ति अधिकारी", "B", head=True),
            P("ASO", "Assistant Supply Officer", "सहायक आपूर्ति अधिकारी", "B", 2),
            P("JSO", "Junior Supply Officer", "कनिष्ठ आपूर्ति अधिकारी", "C", 5),
        ),
        head="DSO",
    ),
    Department(
        "WRD",
        "Water Resources Department",
        "जल संसाधन विभाग",
        15000,
        "Water Resources Division, {district}",
        "जल संसाधन संभाग, {district}",
        units=(
            U(
                "ENC",
                "Office of the Engineer-in-Chief, Water Resources",
                "प्रमुख अभियंता कार्यालय, जल संसाधन",
                divisional=True,
            ),
        ),
        posts=(
            P("AMIN", "Amin", "अमीन", "C", 4),
            P("GATE-KEEPER", "Gate Keeper (Canal)", "गेट कीपर (नहर)", "D", 5, female=0.02),
            P("CANAL-PATROL", "Canal Patrol", "नहर पटरोल", "D", 6, female=0.02),
        ),
        uses=(*ENGINEERS, ("SUPERINTENDING-ENGINEER", 0.2)),
        head="EXECUTIVE-ENGINEER",
    ),
    Department(
        "PHE",
        "Public Health Engineering Department",
        "लोक स्वास्थ्य यांत्रिकी विभाग",
        8000,
        "PHE Division, {district}",
        "लोक स्वास्थ्य यांत्रिकी खंड, {district}",
        units=(U("ENC", "Office of the Engineer-in-Chief, PHE", "प्रमुख अभियंता कार्यालय, लोक स्वास्थ्य यांत्रिकी"),),
        posts=(
            P("HANDPUMP-TECHNICIAN", "Hand Pump Technician", "हैंडपंप तकनीशियन", "C", 10, female=0.02),
            P("PUMP-OPERATOR", "Pump Operator", "पंप ऑपरेटर", "C", 4, female=0.02),
            P("CHEMIST-PHE", "Chemist (PHE)", "रसायनज्ञ (लोक स्वास्थ्य यांत्रिकी)", "B", 1),
        ),
        uses=ENGINEERS,
        head="EXECUTIVE-ENGINEER",
    ),
    Department(
        "ENR",
        "Energy Department",
        "ऊर्जा विभाग",
        2000,
        "Electrical Safety Office, {district}",
        "विद्युत सुरक्षा कार्यालय, {district}",
        units=(U("CEI", "Office of the Chief Electrical Inspector", "मुख्य विद्युत निरीक्षक कार्यालय"),),
        posts=(
            P("ELECTRICAL-INSPECTOR", "Electrical Inspector", "विद्युत निरीक्षक", "B", head=True),
            P("ASSISTANT-ELECTRICAL-INSPECTOR", "Assistant Electrical Inspector", "सहायक विद्युत निरीक्षक", "B", 2),
            P("ELECTRICIAN", "Electrician", "विद्युतकार", "C", 2, female=0.02),
        ),
        head="ELECTRICAL-INSPECTOR",
        max_offices=20,
    ),
    Department(
        "CTD",
        "Commercial Tax Department",
        "वाणिज्यिक कर विभाग",
        6000,
        "Commercial Tax Office, {district}",
        "वाणिज्यिक कर कार्यालय, {district}",
        units=(
            U("CCT", "Commissioner, Commercial Tax", "आयुक्त, वाणिज्यिक कर", divisional=True),
            U("EXC", "Excise Commissioner", "आबकारी आयुक्त"),
            U("IGR", "Inspector General of Registration", "महानिरीक्षक पंजीयन"),
        ),
        posts=(
            P("AC-STATE-TAX", "Assistant Commissioner, State Tax", "सहायक आयुक्त, राज्य कर", "A", head=True),
            P("STATE-TAX-OFFICER", "State Tax Officer", "राज्य कर अधिकारी", "B", 2),
            P("STATE-TAX-INSPECTOR", "State Tax Inspector", "राज्य कर निरीक्षक", "C", 4),
            P("DISTRICT-EXCISE-OFFICER", "District Excise Officer", "जिला आबकारी अधिकारी", "B", 1),
            P("EXCISE-SUB-INSPECTOR", "Excise Sub-Inspector", "आबकारी उप निरीक्षक", "C", 3),
            P("EXCISE-CONSTABLE", "Excise Constable", "आबकारी आरक्षक", "C", 6),
            P("SUB-REGISTRAR", "Sub Registrar", "उप पंजीयक", "B", 1),
        ),
        head="AC-STATE-TAX",
    ),
    Department(
        "COOP",
        "Cooperation Department",
        "सहकारिता विभाग",
        4000,
        "Office of the Deputy Registrar, Cooperative Societies, {district}",
        "उप पंजीयक सहकारी संस्थाएं कार्यालय, {district}",
        units=(U("RCS", "Registrar, Cooperative Societies", "पंजीयक, सहकारी संस्थाएं", divisional=True),),
        posts=(
            P("DR-COOP", "Deputy Registrar, Cooperative Societies", "उप पंजीयक, सहकारी संस्थाएं", "A", head=True),
            P("COOP-INSPECTOR", "Cooperative Inspector", "सहकारिता निरीक्षक", "C", 4),
            P("COOP-EXTENSION-OFFICER", "Cooperative Extension Officer", "सहकारिता विस्तार अधिकारी", "C", 6),
        ),
        head="DR-COOP",
    ),
    Department(
        "AHD",
        "Animal Husbandry and Dairying Department",
        "पशुपालन एवं डेयरी विभाग",
        9000,
        "Office of the Deputy Director, Veterinary Services, {district}",
        "उप संचालक पशु चिकित्सा सेवाएं कार्यालय, {district}",
        units=(U("DVS", "Directorate of Veterinary Services", "संचालनालय पशु चिकित्सा सेवाएं", divisional=True),),
        posts=(
            P("VAS", "Veterinary Assistant Surgeon", "पशु चिकित्सा सहायक शल्यज्ञ", "A", 4),
            P("AVFO", "Assistant Veterinary Field Officer", "सहायक पशु चिकित्सा क्षेत्र अधिकारी", "C", 10),
            P("VETERINARY-ATTENDANT", "Veterinary Attendant", "पशु चिकित्सा परिचारक", "D", 6),
        ),
        head="DEPUTY-DIRECTOR",
    ),
    Department(
        "TSE",
        "Technical Education, Skill Development and Employment Department",
        "तकनीकी शिक्षा, कौशल विकास एवं रोजगार विभाग",
        7000,
        "Government ITI, {district}",
        "शासकीय औद्योगिक प्रशिक्षण संस्थान, {district}",
        units=(
            U("DTE", "Directorate of Technical Education", "तकनीकी शिक्षा संचालनालय"),
            U("DSD", "Directorate of Skill Development", "कौशल विकास संचालनालय"),
            U("DEMP", "Directorate of Employment", "रोजगार संचालनालय"),
        ),
        posts=(
            P("PRINCIPAL-ITI", "Principal, ITI", "प्राचार्य, आईटीआई", "B", head=True),
            P("TRAINING-OFFICER-ITI", "Training Officer (ITI)", "प्रशिक्षण अधिकारी (आईटीआई)", "C", 10),
            P("LECTURER-POLYTECHNIC", "Lecturer (Polytechnic)", "व्याख्याता (पॉलिटेक्निक)", "B", 3),
            P("EMPLOYMENT-OFFICER", "Employment Officer", "रोजगार अधिकारी", "B", 1, at="DEMP"),
        ),
        office_kind="institute",
        head="PRINCIPAL-ITI",
    ),
    Department(
        "MED",
        "Medical Education Department",
        "चिकित्सा शिक्षा विभाग",
        12000,
        "Government Medical College, {district}",
        "शासकीय चिकित्सा महाविद्यालय, {district}",
        units=(U("DME", "Directorate of Medical Education", "चिकित्सा शिक्षा संचालनालय"),),
        posts=(
            P("DEAN", "Dean, Medical College", "अधिष्ठाता, चिकित्सा महाविद्यालय", "A", head=True),
            P("PROFESSOR-MEDICAL", "Professor (Medical)", "प्राध्यापक (चिकित्सा)", "A", 4, female=0.35),
            P("ASSOC-PROFESSOR-MEDICAL", "Associate Professor (Medical)", "सह प्राध्यापक (चिकित्सा)", "A", 5, female=0.4),
            P(
                "ASST-PROFESSOR-MEDICAL",
                "Assistant Professor (Medical)",
                "सहायक प्राध्यापक (चिकित्सा)",
                "A",
                8,
                female=0.45,
            ),
            P("SENIOR-RESIDENT", "Senior Resident", "सीनियर रेजिडेंट", "A", 10, female=0.45),
            P("NURSING-SISTER", "Nursing Sister", "नर्सिंग सिस्टर", "C", 10, female=0.95),
        ),
        office_kind="institute",
        head="DEAN",
        max_offices=15,
    ),
    Department(
        "LAW",
        "Law and Legislative Affairs Department",
        "विधि एवं विधायी कार्य विभाग",
        2500,
        "Office of the Government Pleader, {district}",
        "शासकीय अभिभाषक कार्यालय, {district}",
        units=(U("AG", "Office of the Advocate General", "महाधिवक्ता कार्यालय"),),
        posts=(
            P("GOVERNMENT-PLEADER", "Government Pleader", "शासकीय अभिभाषक", "B", head=True),
            P("LAW-OFFICER", "Law Officer", "विधि अधिकारी", "B", 1),
            P("LEGAL-ASSISTANT", "Legal Assistant", "विधिक सहायक", "C", 2),
            P("DEPUTY-ADVOCATE-GENERAL", "Deputy Advocate General", "उप महाधिवक्ता", "A", 3, at="AG"),
        ),
        head="GOVERNMENT-PLEADER",
    ),
    Department(
        "TRN",
        "Transport Department",
        "परिवहन विभाग",
        2500,
        "Regional Transport Office, {district}",
        "क्षेत्रीय परिवहन कार्यालय, {district}",
        units=(U("TC", "Transport Commissioner", "परिवहन आयुक्त"),),
        posts=(
            P("RTO", "Regional Transport Officer", "क्षेत्रीय परिवहन अधिकारी", "B", head=True),
            P("TRANSPORT-INSPECTOR", "Transport Inspector", "परिवहन निरीक्षक", "B", 1),
            P("TRANSPORT-SUB-INSPECTOR", "Transport Sub-Inspector", "परिवहन उप निरीक्षक", "C", 2),
            P("TRANSPORT-CONSTABLE", "Transport Constable", "परिवहन आरक्षक", "C", 6, female=0.1),
        ),
        head="RTO",
    ),
    Department(
        "LAB",
        "Labour Department",
        "श्रम विभाग",
        2000,
        "Labour Office, {district}",
        "श्रम कार्यालय, {district}",
        units=(
            U("LC", "Labour Commissioner", "श्रम आयुक्त"),
            U("IHS", "Directorate of Industrial Health and Safety", "औद्योगिक स्वास्थ्य एवं सुरक्षा संचालनालय"),
        ),
        posts=(
            P("LABOUR-OFFICER", "Labour Officer", "श्रम अधिकारी", "B", head=True),
            P("ASSISTANT-LABOUR-OFFICER", "Assistant Labour Officer", "सहायक श्रम अधिकारी", "B", 1),
            P("LABOUR-INSPECTOR", "Labour Inspector", "श्रम निरीक्षक", "C", 3),
            P("FACTORY-INSPECTOR", "Inspector of Factories", "कारखाना निरीक्षक", "B", 3, at="IHS"),
        ),
        head="LABOUR-OFFICER",
    ),
    Department(
        "SJD",
        "Social Justice and Disabled Persons Welfare Department",
        "सामाजिक न्याय एवं दिव्यांगजन कल्याण विभाग",
        3000,
        "Social Justice Office, {district}",
        "सामाजिक न्याय कार्यालय, {district}",
        units=(
            U(
                "DSJ",
                "Directorate of Social Justice and Disabled Persons Welfare",
                "सामाजिक न्याय एवं दिव्यांगजन कल्याण संचालनालय",
            ),
        ),
        posts=(
            P("SOCIAL-JUSTICE-OFFICER", "Social Justice Officer", "सामाजिक न्याय अधिकारी", "B", 1),
            P("WELFARE-INSPECTOR", "Welfare Inspector", "कल्याण निरीक्षक", "C", 3),
            P("SPECIAL-EDUCATOR", "Special Educator", "विशेष शिक्षक", "C", 3, female=0.6),
        ),
        head="DEPUTY-DIRECTOR",
    ),
    Department(
        "SCW",
        "Scheduled Castes Welfare Department",
        "अनुसूचित जाति कल्याण विभाग",
        6000,
        "District Office, Scheduled Castes Welfare, {district}",
        "जिला कार्यालय अनुसूचित जाति कल्याण, {district}",
        units=(U("CSCD", "Commissioner, Scheduled Castes Development", "आयुक्त, अनुसूचित जाति विकास"),),
        posts=(
            P("DISTRICT-ORGANISER", "District Organiser", "जिला संयोजक", "B", head=True),
            P("CIRCLE-ORGANISER", "Circle Organiser", "मंडल संयोजक", "C", 2),
            P("HOSTEL-WARDEN", "Hostel Warden", "छात्रावास वार्डन", "C", 8, female=0.45),
        ),
        head="DISTRICT-ORGANISER",
    ),
    Department(
        "BCW",
        "Backward Classes and Minority Welfare Department",
        "पिछड़ा वर्ग तथा अल्पसंख्यक कल्याण विभाग",
        2000,
        "Backward Classes Welfare Office, {district}",
        "पिछड़ा वर्ग कल्याण कार्यालय, {district}",
        units=(U("DBC", "Directorate of Backward Classes", "पिछड़ा वर्ग संचालनालय"),),
        posts=(
            P("BC-WELFARE-OFFICER", "Backward Classes Welfare Officer", "पिछड़ा वर्ग कल्याण अधिकारी", "B", head=True),
            P("SCHOLARSHIP-INSPECTOR", "Scholarship Inspector", "छात्रवृत्ति निरीक्षक", "C", 2),
        ),
        head="BC-WELFARE-OFFICER",
    ),
    Department(
        "MIN",
        "Mineral Resources Department",
        "खनिज साधन विभाग",
        1500,
        "District Mining Office, {district}",
        "जिला खनिज कार्यालय, {district}",
        units=(U("DGM", "Directorate of Geology and Mining", "भौमिकी तथा खनिकर्म संचालनालय"),),
        posts=(
            P("MINING-OFFICER", "Mining Officer", "खनिज अधिकारी", "B", head=True),
            P("MINING-INSPECTOR", "Mining Inspector", "खनिज निरीक्षक", "C", 2),
            P("GEOLOGIST", "Geologist", "भूवैज्ञानिक", "A", 3, at="DGM"),
        ),
        head="MINING-OFFICER",
    ),
    Department(
        "IND",
        "Industrial Policy and Investment Promotion Department",
        "औद्योगिक नीति एवं निवेश प्रोत्साहन विभाग",
        1500,
        "District Trade and Industry Centre, {district}",
        "जिला व्यापार एवं उद्योग केंद्र, {district}",
        units=(U("DOI", "Directorate of Industries", "उद्योग संचालनालय"),),
        posts=(
            P("GM-DTIC", "General Manager, DTIC", "महाप्रबंधक, जिला व्यापार एवं उद्योग केंद्र", "A", head=True),
            P("INDUSTRIES-PROMOTION-OFFICER", "Industries Promotion Officer", "उद्योग संवर्धन अधिकारी", "B", 1),
            P("INDUSTRIES-INSPECTOR", "Industries Inspector", "उद्योग निरीक्षक", "C", 2),
        ),
        head="GM-DTIC",
    ),
    Department(
        "TOU",
        "Tourism Department",
        "पर्यटन विभाग",
        800,
        "Tourist Information Centre, {district}",
        "पर्यटन सूचना केंद्र, {district}",
        units=(U("MPTB", "Madhya Pradesh Tourism Board", "मध्य प्रदेश पर्यटन बोर्ड"),),
        posts=(
            P("TOURISM-OFFICER", "Tourism Officer", "पर्यटन अधिकारी", "B", head=True),
            P("TOURIST-GUIDE", "Tourist Guide", "पर्यटक मार्गदर्शक", "C", 2),
        ),
        head="TOURISM-OFFICER",
        max_offices=25,
    ),
    Department(
        "CUL",
        "Culture Department",
        "संस्कृति विभाग",
        1000,
        "District Archaeological Museum, {district}",
        "जिला पुरातत्व संग्रहालय, {district}",
        units=(
            U("DCU", "Directorate of Culture", "संस्कृति संचालनालय"),
            U("DAAM", "Directorate of Archaeology, Archives and Museums", "पुरातत्व, अभिलेखागार एवं संग्रहालय संचालनालय"),
        ),
        posts=(
            P("CURATOR", "Curator", "संग्रहाध्यक्ष", "B", head=True),
            P("ARCHIVIST", "Archivist", "अभिलेखपाल", "B", 1),
            P("MUSEUM-ATTENDANT", "Museum Attendant", "संग्रहालय परिचारक", "D", 2),
        ),
        head="CURATOR",
        max_offices=30,
    ),
    Department(
        "SPT",
        "Sports and Youth Welfare Department",
        "खेल एवं युवा कल्याण विभाग",
        1500,
        "District Sports and Youth Welfare Office, {district}",
        "जिला खेल एवं युवा कल्याण कार्यालय, {district}",
        units=(U("DSYW", "Directorate of Sports and Youth Welfare", "खेल एवं युवा कल्याण संचालनालय"),),
        posts=(
            P("DISTRICT-SPORTS-OFFICER", "District Sports Officer", "जिला खेल अधिकारी", "B", head=True),
            P("SPORTS-COACH", "Sports Coach", "खेल प्रशिक्षक", "C", 3, female=0.3),
            P("YOUTH-COORDINATOR", "Youth Coordinator", "युवा समन्वयक", "C", 1),
        ),
        head="DISTRICT-SPORTS-OFFICER",
    ),
    Department(
        "JAIL",
        "Jail Department",
        "जेल विभाग",
        6000,
        "District Jail, {district}",
        "जिला जेल, {district}",
        units=(U("DGJ", "Directorate General, Jail and Correctional Services", "महानिदेशक, जेल एवं सुधारात्मक सेवाएं"),),
        posts=(
            P("JAIL-SUPERINTENDENT", "Jail Superintendent", "जेल अधीक्षक", "A", head=True),
            P("ASSISTANT-JAIL-SUPERINTENDENT", "Assistant Jail Superintendent", "सहायक जेल अधीक्षक", "B", 1),
            P("HEAD-WARDER", "Head Warder", "मुख्य प्रहरी", "C", 4, female=0.1),
            P("JAIL-WARDER", "Jail Warder", "जेल प्रहरी", "C", 20, female=0.12),
        ),
        head="JAIL-SUPERINTENDENT",
    ),
    Department(
        "FSH",
        "Fisheries Welfare and Fisheries Development Department",
        "मछुआ कल्याण तथा मत्स्य विकास विभाग",
        1500,
        "Fisheries Office, {district}",
        "मत्स्य विभाग कार्यालय, {district}",
        units=(U("DOF", "Directorate of Fisheries", "मत्स्योद्योग संचालनालय"),),
        posts=(
            P("AD-FISHERIES", "Assistant Director, Fisheries", "सहायक संचालक, मत्स्योद्योग", "B", head=True),
            P("FISHERIES-INSPECTOR", "Fisheries Inspector", "मत्स्य निरीक्षक", "C", 3),
            P("AFDO", "Assistant Fisheries Development Officer", "सहायक मत्स्य विकास अधिकारी", "C", 2),
        ),
        head="AD-FISHERIES",
    ),
    Department(
        "HRT",
        "Horticulture and Food Processing Department",
        "उद्यानिकी तथा खाद्य प्रसंस्करण विभाग",
        3000,
        "Horticulture Office, {district}",
        "उद्यानिकी कार्यालय, {district}",
        units=(U("DOH", "Directorate of Horticulture", "उद्यानिकी संचालनालय"),),
        posts=(
            P("SHDO", "Senior Horticulture Development Officer", "वरिष्ठ उद्यान विकास अधिकारी", "B", 2),
            P("RHEO", "Rural Horticulture Extension Officer", "ग्रामीण उद्यान विस्तार अधिकारी", "C", 8),
        ),
        head="ASSISTANT-DIRECTOR",
    ),
    Department(
        "SCT",
        "Science and Technology Department",
        "विज्ञान एवं प्रौद्योगिकी विभाग",
        800,
        "District e-Governance Society, {district}",
        "जिला ई-गवर्नेंस सोसायटी, {district}",
        units=(
            U("MPCST", "Madhya Pradesh Council of Science and Technology", "मध्य प्रदेश विज्ञान एवं प्रौद्योगिकी परिषद"),
            U("MAPIT", "Madhya Pradesh Agency for Promotion of IT", "मध्य प्रदेश सूचना प्रौद्योगिकी संवर्धन एजेंसी"),
        ),
        posts=(
            P("EGOV-MANAGER", "e-Governance Manager", "ई-गवर्नेंस प्रबंधक", "B", head=True),
            P("PROGRAMMER", "Programmer", "प्रोग्रामर", "B", 1),
            P("SCIENTIST", "Scientist", "वैज्ञानिक", "A", 4, at="MPCST"),
        ),
        head="EGOV-MANAGER",
    ),
    Department(
        "PR",
        "Public Relations Department",
        "जनसंपर्क विभाग",
        1200,
        "District Public Relations Office, {district}",
        "जिला जनसंपर्क कार्यालय, {district}",
        units=(U("DPR", "Directorate of Public Relations", "जनसंपर्क संचालनालय"),),
        posts=(
            P("PRO", "Public Relations Officer", "जनसंपर्क अधिकारी", "B", head=True),
            P("APRO", "Assistant Public Relations Officer", "सहायक जनसंपर्क अधिकारी", "B", 1),
            P("PHOTOGRAPHER", "Photographer", "छायाकार", "C", 1),
        ),
        head="PRO",
    ),
    Department(
        "PES",
        "Planning, Economics and Statistics Department",
        "योजना, आर्थिक एवं सांख्यिकी विभाग",
        2000,
        "District Planning and Statistics Office, {district}",
        "जिला योजना एवं सांख्यिकी कार्यालय, {district}",
        units=(U("DES", "Directorate of Economics and Statistics", "आर्थिक एवं सांख्यिकी संचालनालय"),),
        posts=(
            P("DISTRICT-PLANNING-OFFICER", "District Planning Officer", "जिला योजना अधिकारी", "B", head=True),
            P("STATISTICAL-OFFICER", "Statistical Officer", "सांख्यिकी अधिकारी", "B", 1),
            P("ASO-STATISTICS", "Assistant Statistical Officer", "सहायक सांख्यिकी अधिकारी", "C", 3),
        ),
        head="DISTRICT-PLANNING-OFFICER",
    ),
    Department(
        "NVD",
        "Narmada Valley Development Department",
        "नर्मदा घाटी विकास विभाग",
        3000,
        "NVDA Division, {district}",
        "नर्मदा घाटी विकास संभाग, {district}",
        units=(U("NVDA", "Narmada Valley Development Authority", "नर्मदा घाटी विकास प्राधिकरण"),),
        posts=(P("REHAB-OFFICER", "Rehabilitation Officer", "पुनर्वास अधिकारी", "B", 1),),
        uses=ENGINEERS,
        head="EXECUTIVE-ENGINEER",
        max_offices=18,
    ),
    Department(
        "ENV",
        "Environment Department",
        "पर्यावरण विभाग",
        800,
        "Regional Office, Pollution Control Board, {district}",
        "क्षेत्रीय कार्यालय, प्रदूषण नियंत्रण बोर्ड, {district}",
        units=(
            U("MPPCB", "Madhya Pradesh Pollution Control Board", "मध्य प्रदेश प्रदूषण नियंत्रण बोर्ड"),
            U("EPCO", "Environmental Planning and Coordination Organisation", "पर्यावरण नियोजन एवं समन्वय संगठन"),
        ),
        posts=(
            P(
                "REGIONAL-OFFICER-PCB",
                "Regional Officer, Pollution Control Board",
                "क्षेत्रीय अधिकारी, प्रदूषण नियंत्रण बोर्ड",
                "A",
                head=True,
            ),
            P("SCIENTIFIC-OFFICER", "Scientific Officer", "वैज्ञानिक अधिकारी", "B", 2),
            P("LAB-ANALYST", "Laboratory Analyst", "प्रयोगशाला विश्लेषक", "C", 2),
        ),
        head="REGIONAL-OFFICER-PCB",
        divisions_only=True,
    ),
    Department(
        "MSME",
        "Micro, Small and Medium Enterprises Department",
        "सूक्ष्म, लघु एवं मध्यम उद्यम विभाग",
        1000,
        "MSME Facilitation Centre, {district}",
        "एमएसएमई सुविधा केंद्र, {district}",
        units=(U("DMSME", "Directorate of MSME", "एमएसएमई संचालनालय"),),
        posts=(
            P("MSME-MANAGER", "MSME Manager", "एमएसएमई प्रबंधक", "B", head=True),
            P("MSME-EXTENSION-OFFICER", "MSME Extension Officer", "एमएसएमई विस्तार अधिकारी", "C", 2),
        ),
        head="MSME-MANAGER",
        max_offices=30,
    ),
    Department(
        "RTE",
        "Religious Trusts and Endowments Department",
        "धार्मिक न्यास एवं धर्मस्व विभाग",
        400,
        "Office of the Endowments Officer, {district}",
        "धर्मस्व अधिकारी कार्यालय, {district}",
        units=(U("DRT", "Directorate of Religious Trusts and Endowments", "धार्मिक न्यास एवं धर्मस्व संचालनालय"),),
        posts=(P("ENDOWMENTS-OFFICER", "Endowments Officer", "धर्मस्व अधिकारी", "B", head=True),),
        head="ENDOWMENTS-OFFICER",
        divisions_only=True,
    ),
)


# --- Names --------------------------------------------------------------------------
# "English Hindi" pairs. Communities are drawn in rough proportion to MP's population so
# that searches by surname return realistic spreads.


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for item in text.split(","):
        if item.strip():
            en, hi = item.split()
            pairs.append((en, hi))
    return tuple(pairs)


MALE_FIRST = _pairs(
    """
    Ramesh रमेश, Suresh सुरेश, Mahesh महेश, Rajesh राजेश, Dinesh दिनेश, Mukesh मुकेश, Rakesh राकेश,
    Anil अनिल, Sunil सुनील, Vijay विजय, Ajay अजय, Sanjay संजय, Manoj मनोज, Pramod प्रमोद, Vinod विनोद,
    Santosh संतोष, Ashok अशोक, Alok आलोक, Amit अमित, Sumit सुमित, Rahul राहुल, Rohit रोहित, Deepak दीपक,
    Pankaj पंकज, Neeraj नीरज, Sandeep संदीप, Pradeep प्रदीप, Kuldeep कुलदीप, Arvind अरविंद,
    Govind गोविंद, Mohan मोहन, Sohan सोहन, Ram राम, Shyam श्याम, Gopal गोपाल, Harish हरीश, Girish गिरीश,
    Satish सतीश, Naresh नरेश, Umesh उमेश, Yogesh योगेश, Lokesh लोकेश, Brijesh बृजेश, Kamlesh कमलेश,
    Shailendra शैलेंद्र, Narendra नरेंद्र, Devendra देवेंद्र, Mahendra महेंद्र, Surendra सुरेंद्र,
    Jitendra जितेंद्र, Dharmendra धर्मेंद्र, Virendra वीरेंद्र, Rajendra राजेंद्र, Bhupendra भूपेंद्र,
    Abhishek अभिषेक, Ankit अंकित, Vivek विवेक, Vikas विकास, Akash आकाश, Ravi रवि, Hemant हेमंत,
    Prakash प्रकाश, Dilip दिलीप, Bharat भरत, Laxman लक्ष्मण, Shivraj शिवराज, Mohit मोहित, Gaurav गौरव,
    Saurabh सौरभ, Anurag अनुराग, Prashant प्रशांत, Nitin नितिन, Sachin सचिन, Manish मनीष, Ashish आशीष,
    Harsh हर्ष, Kailash कैलाश, Omprakash ओमप्रकाश, Jagdish जगदीश, Raghuveer रघुवीर, Krishna कृष्णा,
    Shubham शुभम, Aditya आदित्य,
    """
)
FEMALE_FIRST = _pairs(
    """
    Sunita सुनीता, Anita अनीता, Kavita कविता, Savita सविता, Sarita सरिता, Rekha रेखा, Meena मीना,
    Seema सीमा, Neha नेहा, Pooja पूजा, Priya प्रिया, Anjali अंजलि, Shalini शालिनी, Deepa दीपा,
    Geeta गीता, Sita सीता, Radha राधा, Laxmi लक्ष्मी, Saroj सरोज, Usha उषा, Asha आशा, Nisha निशा,
    Manisha मनीषा, Archana अर्चना, Vandana वंदना, Sadhana साधना, Kalpana कल्पना, Jyoti ज्योति,
    Preeti प्रीति, Swati स्वाति, Shweta श्वेता, Ritu रितु, Sangeeta संगीता, Mamta ममता, Kiran किरण,
    Poonam पूनम, Rashmi रश्मि, Ruchi रुचि, Shikha शिखा, Sneha स्नेहा, Aarti आरती, Bhawna भावना,
    Madhuri माधुरी, Pushpa पुष्पा, Kamla कमला, Shanti शांति, Urmila उर्मिला, Pratibha प्रतिभा,
    Rajni रजनी, Sapna सपना, Divya दिव्या, Shraddha श्रद्धा, Monika मोनिका, Varsha वर्षा, Hemlata हेमलता,
    Suman सुमन, Renu रेणु, Komal कोमल, Nidhi निधि, Ragini रागिनी,
    """
)
SURNAMES = _pairs(
    """
    Sharma शर्मा, Verma वर्मा, Gupta गुप्ता, Mishra मिश्रा, Tiwari तिवारी, Shukla शुक्ला, Pandey पांडेय,
    Dubey दुबे, Chaturvedi चतुर्वेदी, Tripathi त्रिपाठी, Dwivedi द्विवेदी, Shrivastava श्रीवास्तव,
    Saxena सक्सेना, Nigam निगम, Khare खरे, Jain जैन, Agrawal अग्रवाल, Goyal गोयल, Bansal बंसल,
    Soni सोनी, Sahu साहू, Yadav यादव, Patel पटेल, Kushwaha कुशवाहा, Lodhi लोधी, Rajput राजपूत,
    Thakur ठाकुर, Chouhan चौहान, Tomar तोमर, Bhadoria भदौरिया, Parmar परमार, Solanki सोलंकी,
    Rathore राठौर, Baghel बघेल, Singh सिंह, Choudhary चौधरी, Meena मीणा, Ahirwar अहिरवार,
    Malviya मालवीय, Raikwar रैकवार, Kori कोरी, Jatav जाटव, Vishwakarma विश्वकर्मा, Prajapati प्रजापति,
    Namdev नामदेव, Rai राय, Joshi जोशी, Vyas व्यास, Dixit दीक्षित, Bhargava भार्गव, Pathak पाठक,
    Upadhyay उपाध्याय, Awasthi अवस्थी, Bajpai बाजपेयी, Dangi दांगी, Gurjar गुर्जर, Kirar किरार,
    Dhakad धाकड़, Patidar पाटीदार, Mehra मेहरा, Nagar नागर, Raghuvanshi रघुवंशी, Kumar कुमार,
    Mandloi मंडलोई, Chourasia चौरसिया,
    """
)
TRIBAL_SURNAMES = _pairs(
    """
    Markam मरकाम, Uikey उइके, Dhurve धुर्वे, Maravi मरावी, Netam नेताम, Kumre कुमरे, Tekam टेकाम,
    Parte परते, Masram मसराम, Bhuria भूरिया, Damor डामोर, Bhabhor भाभोर, Kirade किराड़े, Baiga बैगा,
    Sallam सल्लाम, Kushram कुशराम, Alawa अलावा, Dawar डावर, Bamniya बामनिया, Mujalda मुजाल्दा,
    """
)
MUSLIM_MALE_FIRST = _pairs(
    """
    Imran इमरान, Salman सलमान, Aamir आमिर, Shahid शाहिद, Rizwan रिज़वान, Javed जावेद, Asif आसिफ़,
    Irfan इरफ़ान, Faisal फ़ैसल, Sajid साजिद, Wasim वसीम, Arif आरिफ़, Nadeem नदीम, Zaheer ज़हीर,
    Anwar अनवर, Iqbal इक़बाल, Rashid रशीद, Shakeel शकील, Tariq तारिक़, Yusuf यूसुफ़,
    """
)
MUSLIM_FEMALE_FIRST = _pairs(
    """
    Ayesha आयशा, Farzana फ़रज़ाना, Nazia नाज़िया, Shabana शबाना, Rubina रुबीना, Sana सना, Shaheen शाहीन,
    Nasreen नसरीन, Rehana रेहाना, Salma सलमा, Zainab ज़ैनब, Fatima फ़ातिमा, Tabassum तबस्सुम,
    Afsana अफ़साना,
    """
)
MUSLIM_SURNAMES = _pairs(
    """
    Khan ख़ान, Qureshi क़ुरैशी, Ansari अंसारी, Siddiqui सिद्दीक़ी, Sheikh शेख़, Mansuri मंसूरी,
    Mirza मिर्ज़ा, Pathan पठान, Syed सैयद, Hussain हुसैन, Ali अली, Rizvi रिज़वी, Farooqui फ़ारूक़ी,
    Baig बेग,
    """
)
CHRISTIAN_MALE_FIRST = _pairs(
    """
    John जॉन, Thomas थॉमस, Joseph जोसेफ़, Peter पीटर, Samuel सैमुअल,
    """
)
CHRISTIAN_FEMALE_FIRST = _pairs(
    """
    Mary मैरी, Grace ग्रेस, Elizabeth एलिज़ाबेथ, Sarah सारा,
    """
)
CHRISTIAN_SURNAMES = _pairs(
    """
    Masih मसीह, D'Souza डिसूज़ा, Fernandes फ़र्नांडिस, Lakra लकड़ा, Ekka एक्का,
    """
)
SIKH_MALE_FIRST = _pairs(
    """
    Gurpreet गुरप्रीत, Harjeet हरजीत, Manpreet मनप्रीत, Jaspal जसपाल,
    """
)
SIKH_FEMALE_FIRST = _pairs(
    """
    Harpreet हरप्रीत, Simran सिमरन, Jaspreet जसप्रीत,
    """
)
SIKH_SURNAMES = _pairs(
    """
    Gill गिल, Sandhu संधू, Bedi बेदी, Arora अरोड़ा,
    """
)
MALE_MIDDLE = _pairs(
    """
    Kumar कुमार, Prasad प्रसाद, Lal लाल, Chandra चंद्र, Narayan नारायण, Singh सिंह,
    """
)
FEMALE_MIDDLE = _pairs(
    """
    Kumari कुमारी, Devi देवी,
    """
)
