"""The words of the demo's department documents (Revenue and Health, Madhya Pradesh).

Duties are written the way MP's work-allocation orders write them: short imperative
statements, some in Hindi, some in English, under a heading per designation or wing.
``make_docs.py`` turns this into the organogram XLSX/CSV, the work allocation DOCX/TXT, the
annual report PDF and the acts-and-rules TXT kept next to it.
"""

from __future__ import annotations

# --- Revenue: organogram ----------------------------------------------------------------------
# (designation as written — a code, an English or a Hindi name —, group, sanctioned posts, reports to, wing)

LAND_RECORDS = "Land Records / भू-अभिलेख शाखा"
COURTS = "Revenue Courts / राजस्व न्यायालय शाखा"
ESTABLISHMENT = "Establishment and Stores / स्थापना एवं भंडार शाखा"
ACCOUNTS = "Accounts / लेखा शाखा"
RELIEF = "Disaster Relief / आपदा राहत शाखा"

REVENUE_ORGANOGRAM: tuple[tuple[str, str, int, str, str], ...] = (
    ("COLLECTOR", "A", 55, "Principal Secretary", COURTS),
    ("डिप्टी कलेक्टर", "A", 220, "Collector", COURTS),
    ("Tehsildar", "B", 430, "Deputy Collector", COURTS),
    ("नायब तहसीलदार", "B", 780, "Tehsildar", COURTS),
    ("Revenue Inspector", "C", 1450, "Naib Tehsildar", LAND_RECORDS),
    ("पटवारी", "C", 19000, "Revenue Inspector", LAND_RECORDS),
    ("Superintendent, Land Records", "B", 55, "Collector", LAND_RECORDS),
    ("SETTLEMENT-OFFICER", "A", 12, "Commissioner, Land Records", LAND_RECORDS),
    ("प्रतिलिपिकार", "C", 300, "Tehsildar", COURTS),
    ("Office Superintendent", "C", 120, "Collector", ESTABLISHMENT),
    ("लेखापाल", "C", 110, "Office Superintendent", ACCOUNTS),
    ("Assistant Grade-2", "C", 900, "Office Superintendent", ESTABLISHMENT),
    # A post the state's designation list does not have: the planner lists it as a problem.
    ("कोटवार", "D", 24000, "Patwari", LAND_RECORDS),
)

# --- Revenue: work allocation (कार्य आवंटन) --------------------------------------------------------
# (heading, [statements]); a heading names a designation or a wing, or neither (general).

REVENUE_TITLE = "राजस्व विभाग — कार्य आवंटन आदेश 2026-27 / Revenue Department — Work Allocation 2026-27"
REVENUE_PREAMBLE = (
    "मध्यप्रदेश भू-राजस्व संहिता, 1959 एवं उसके अधीन बनाए गए नियमों के अंतर्गत जिला एवं तहसील स्तर पर "
    "अधिकारियों एवं कर्मचारियों के मध्य कार्य का आवंटन निम्नानुसार किया जाता है।",
    "This order allocates the work of the district and tehsil offices of the Revenue Department among its "
    "officers and staff.",
)

REVENUE_WORK: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "कर्तव्य — कलेक्टर / Duties of the Collector",
        (
            "जिले में भू-राजस्व प्रशासन का समग्र पर्यवेक्षण एवं राजस्व वसूली की मासिक समीक्षा करना।",
            "Hearing appeals and revisions in revenue cases under the Madhya Pradesh Land Revenue Code, 1959.",
            "बाढ़, ओलावृष्टि एवं सूखा जैसी प्राकृतिक आपदाओं में राहत कार्यों का संचालन करना तथा आरबीसी 6-4 के अंतर्गत "
            "सहायता राशि स्वीकृत करना।",
            "Chairing the District Disaster Management Authority and approving the district disaster management plan.",
            "लोक सेवा गारंटी अधिनियम के अंतर्गत समय-सीमा में सेवाओं के प्रदाय की साप्ताहिक समीक्षा करना।",
            "Reviewing pending public grievances on the CM Helpline and ensuring their disposal within the time limit.",
            "Taking decisions on the allotment of government land for public purposes after weighing the objections "
            "received.",
        ),
    ),
    (
        "कर्तव्य — डिप्टी कलेक्टर / Duties of the Deputy Collector",
        (
            "अनुविभागीय अधिकारी (राजस्व) के रूप में नामांतरण एवं बंटवारा प्रकरणों में अपील की सुनवाई करना।",
            "Conducting inquiries and writing reasoned orders in quasi-judicial proceedings.",
            "Supervising the work of the Tehsildars and inspecting every tehsil office once a quarter.",
            "भू-अर्जन एवं पुनर्वास के प्रकरणों में प्रतिकर का निर्धारण करना।",
            "Conducting departmental inquiries against revenue staff and submitting inquiry reports.",
        ),
    ),
    (
        "कर्तव्य — तहसीलदार / Duties of the Tehsildar",
        (
            "राजस्व न्यायालय में नामांतरण, बंटवारा एवं सीमांकन के प्रकरणों की सुनवाई कर आदेश पारित करना।",
            "Registering and tracking every revenue court case on the Revenue Case Management System (RCMS).",
            "भू-राजस्व एवं अन्य शासकीय देयों की वसूली करना।",
            "Issuing income, caste and domicile certificates within the time limits of the Lok Sewa Guarantee Act.",
            "Writing speaking orders after hearing both parties, following the principles of natural justice.",
            "तहसील कार्यालय में प्राप्त सूचना के अधिकार के आवेदनों का लोक सूचना अधिकारी के रूप में निराकरण करना।",
        ),
    ),
    (
        "कर्तव्य — नायब तहसीलदार / Duties of the Naib Tehsildar",
        (
            "Disposing of undisputed mutation cases within the time limit.",
            "आपदा से फसल क्षति का सर्वेक्षण कराकर प्रतिवेदन प्रस्तुत करना।",
            "Verifying applications for the Kisan Samman Nidhi and other schemes for farmers.",
            "तहसील कार्यालय में नागरिकों की शिकायतों को सुनना एवं उनका समय-सीमा में निराकरण करना।",
        ),
    ),
    (
        "कर्तव्य — राजस्व निरीक्षक / Duties of the Revenue Inspector",
        (
            "पटवारियों की डायरी एवं अभिलेखों का मासिक निरीक्षण करना।",
            "Demarcating land with the Patwari, using ETS machines and the village map.",
            "Supervising the girdawari (crop survey) and verifying the khasra entries.",
            "राजस्व वसूली एवं भू-अभिलेखों के अद्यतन में तहसीलदार को सहयोग करना।",
        ),
    ),
    (
        "कर्तव्य — पटवारी / Duties of the Patwari",
        (
            "खसरा, बी-1 एवं नक्शा जैसे भू-अभिलेखों का संधारण एवं अद्यतन करना।",
            "Recording crop details in the Girdawari app every season.",
            "Updating the land records on the Bhu-Abhilekh portal after every mutation order.",
            "स्वामित्व योजना के अंतर्गत ड्रोन सर्वे में आबादी भूमि के सर्वेक्षण में सहयोग करना।",
            "Reporting crop loss due to natural calamities to the Tehsildar within 48 hours.",
            "किसानों को खसरा एवं बी-1 की प्रतिलिपि उपलब्ध कराना।",
        ),
    ),
    (
        "कर्तव्य — अधीक्षक, भू-अभिलेख / Duties of the Superintendent, Land Records",
        (
            "Supervising the digitisation of land records and maps under the Digital India Land Records "
            "Modernisation Programme.",
            "जिले के भू-अभिलेखों की शुद्धता की जाँच करना एवं डेटा गुणवत्ता प्रतिवेदन तैयार करना।",
            "Analysing data on pending mutations and demarcations and preparing the monthly MIS report.",
            "Training Patwaris in the use of the Bhu-Abhilekh software.",
        ),
    ),
    (
        "कर्तव्य — बंदोबस्त अधिकारी / Duties of the Settlement Officer",
        (
            "Conducting resurvey and settlement operations and preparing the new record of rights.",
            "भू-सर्वेक्षण में ड्रोन एवं जीआईएस जैसी आधुनिक तकनीक के उपयोग की कार्ययोजना बनाना।",
            "Managing the resurvey project: its timelines, the survey agencies and quality checks.",
        ),
    ),
    (
        "कर्तव्य — प्रतिलिपिकार / Duties of the Copyist",
        (
            "Issuing certified copies of revenue court orders and land records to applicants.",
            "अभिलेखागार में अभिलेखों का सुरक्षित संधारण एवं अनुक्रमणिका तैयार करना।",
            "Collecting copying fees and maintaining the register of applications.",
        ),
    ),
    (
        "कर्तव्य — कार्यालय अधीक्षक / Duties of the Office Superintendent",
        (
            "कार्यालय की नस्तियों पर टीप लेखन एवं पत्रों के प्रारूप तैयार कराना तथा ई-ऑफिस में नस्तियों का संचालन करना।",
            "Supervising the establishment work of the office: leave, increments, service books and pensions.",
            "Preparing charge sheets and assisting in departmental inquiries under the Civil Services (CCA) Rules.",
            "Replying to RTI applications and first appeals within the time limit.",
        ),
    ),
    (
        "कर्तव्य — लेखापाल / Duties of the Accountant",
        (
            "Preparing the budget estimates and monitoring expenditure against the allotment.",
            "वेतन देयकों एवं आकस्मिक व्यय देयकों को आईएफएमआईएस के माध्यम से कोषालय में प्रस्तुत करना।",
            "Reconciling the accounts with the treasury every month and replying to audit objections.",
            "Maintaining the cash book and the register of bills.",
        ),
    ),
    (
        "कर्तव्य — सहायक ग्रेड-2 / Duties of the Assistant Grade-2",
        (
            "निविदाओं का मूल्यांकन एवं क्रय आदेश जारी करना।",
            "जेम पोर्टल पर वस्तुओं एवं सेवाओं का क्रय करना।",
            "Maintaining the stores register and verifying the physical stock once a year.",
            "Receiving and diarising the dak, and putting up files with notes.",
        ),
    ),
    (
        "Wing: Establishment and Stores / स्थापना एवं भंडार शाखा",
        (
            "Evaluation of bids and issue of supply orders for stationery and computer consumables.",
            "Annual physical verification of the stores and write-off of unserviceable articles.",
        ),
    ),
    (
        "Wing: Land Records / भू-अभिलेख शाखा",
        (
            "भू-अभिलेखों के डिजिटलीकरण एवं वेब जीआईएस पर नक्शों के अद्यतन की निगरानी करना।",
            "Keeping the land records database secure: user accounts, passwords and access rights.",
        ),
    ),
    (
        "सामान्य निर्देश / General instructions",
        (
            "All files of the department shall be moved on e-Office.",
            "प्रत्येक कार्यालय नागरिक अधिकार पत्र प्रदर्शित करेगा एवं शिकायतों का समय-सीमा में निराकरण करेगा।",
        ),
    ),
)

# --- Revenue: annual report -------------------------------------------------------------------------

REVENUE_REPORT_TITLE = ("राजस्व विभाग वार्षिक प्रतिवेदन 2025-26", "Revenue Department Annual Report 2025-26")
REVENUE_REPORT: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Chapter 1: Land Records Modernisation / भू-अभिलेख आधुनिकीकरण",
        (
            "Under the Digital India Land Records Modernisation Programme, the records of rights of all 55 "
            "districts are now available online on the Bhu-Abhilekh portal.",
            "वर्ष 2025-26 में 1.2 करोड़ खसरों का डिजिटलीकरण पूर्ण किया गया तथा 48,000 नक्शों को वेब जीआईएस पर उपलब्ध कराया गया।",
            "Online mutation has reduced the average time to dispose of an undisputed mutation from 45 days "
            "to 21 days.",
            "The department plans to link every land parcel with a unique land parcel identification number.",
        ),
    ),
    (
        "Chapter 2: SVAMITVA / स्वामित्व योजना",
        (
            "SVAMITVA scheme drone surveys were completed in 23,000 villages, and 18 lakh property cards were "
            "distributed to rural households.",
            "स्वामित्व योजना के अंतर्गत आबादी भूमि के अधिकार अभिलेख तैयार कर ग्रामीण परिवारों को संपत्ति कार्ड वितरित किए गए।",
            "Property cards let rural families take bank loans against their houses.",
        ),
    ),
    (
        "Chapter 3: Lok Sewa Guarantee / लोक सेवा गारंटी",
        (
            "Under the Madhya Pradesh Public Services Guarantee Act, 2010, 42 revenue services are delivered within "
            "fixed time limits.",
            "लोक सेवा केंद्रों के माध्यम से वर्ष भर में 96 लाख आवेदनों का समय-सीमा में निराकरण किया गया।",
            "Officers who miss a time limit without reason pay a penalty from their salary.",
        ),
    ),
    (
        "Chapter 4: Disaster relief / आपदा राहत",
        (
            "Relief of 1,420 crore rupees was paid to 21 lakh farmers whose crops were damaged by hailstorms and "
            "excess rain, under RBC 6-4.",
            "आपदा प्रबंधन हेतु सभी जिलों में जिला आपदा प्रबंधन योजना अद्यतन की गई।",
            "Crop loss surveys were done with the Girdawari app so that relief reached bank accounts directly.",
        ),
    ),
    (
        "Chapter 5: Revenue courts / राजस्व न्यायालय",
        (
            "All revenue courts register and hear their cases on the Revenue Case Management System (RCMS).",
            "राजस्व न्यायालयों में लंबित प्रकरणों की संख्या में 18 प्रतिशत की कमी आई।",
            "Orders are uploaded on RCMS on the day they are passed, and parties receive them by SMS.",
        ),
    ),
)

# --- Revenue: acts and rules ----------------------------------------------------------------------------

REVENUE_ACTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Madhya Pradesh Land Revenue Code, 1959 / मध्यप्रदेश भू-राजस्व संहिता, 1959",
        (
            "Section 44: an appeal lies from an order of a revenue officer to the officer next above him.",
            "Section 50: the Board, the Commissioner or the Collector may revise any order of a subordinate revenue "
            "officer.",
            "धारा 110: नामांतरण — अधिकार अर्जित करने वाला व्यक्ति तहसीलदार को सूचना देगा और तहसीलदार नामांतरण का आदेश "
            "पारित करेगा।",
            "धारा 129: सीमांकन — भूमिस्वामी के आवेदन पर तहसीलदार भूमि की सीमाओं का सीमांकन करेगा।",
            "Section 178: partition of a holding among its co-owners is ordered by the Tehsildar.",
        ),
    ),
    (
        "Right to Information Act, 2005 / सूचना का अधिकार अधिनियम, 2005",
        (
            "Section 6: any citizen may apply in writing for information, with the prescribed fee.",
            "धारा 7: लोक सूचना अधिकारी तीस दिन के भीतर सूचना प्रदान करेगा या आवेदन अस्वीकार करने के कारण बताएगा।",
            "Section 19: an applicant who does not receive a decision may appeal to the first appellate authority.",
        ),
    ),
    (
        "Madhya Pradesh Public Services Guarantee Act, 2010 / मध्यप्रदेश लोक सेवाओं के प्रदान की गारंटी अधिनियम, 2010",
        (
            "Every notified service shall be delivered within the time limit fixed for it.",
            "समय-सीमा में सेवा न देने पर पदाभिहित अधिकारी पर प्रतिदिन के हिसाब से शास्ति अधिरोपित की जाएगी।",
        ),
    ),
    (
        "Revenue Book Circular 6-4 / राजस्व पुस्तक परिपत्र 6-4",
        (
            "RBC 6-4 sets the scale of relief for crop loss, house damage and loss of life in natural calamities.",
            "प्राकृतिक आपदा से प्रभावित व्यक्तियों को सहायता राशि सात दिन के भीतर स्वीकृत की जाएगी।",
        ),
    ),
)

# --- Health: organogram (Hindi headers) and work allocation -------------------------------------------

HEALTH_ORGANOGRAM: tuple[tuple[str, str, int, str, str], ...] = (
    ("मुख्य चिकित्सा एवं स्वास्थ्य अधिकारी", "A", 55, "संचालक", "जिला स्वास्थ्य"),
    ("चिकित्सा अधिकारी", "A", 3200, "मुख्य चिकित्सा एवं स्वास्थ्य अधिकारी", "जिला स्वास्थ्य"),
    ("स्टाफ नर्स", "C", 9000, "चिकित्सा अधिकारी", "जिला स्वास्थ्य"),
    ("एएनएम", "C", 11000, "चिकित्सा अधिकारी", "सामुदायिक स्वास्थ्य"),
    ("फार्मासिस्ट", "C", 1500, "चिकित्सा अधिकारी", "भंडार"),
    ("लेखापाल", "C", 300, "मुख्य चिकित्सा एवं स्वास्थ्य अधिकारी", "लेखा"),
)

HEALTH_WORK: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "कर्तव्य — चिकित्सा अधिकारी",
        (
            "प्राथमिक स्वास्थ्य केंद्र में ओपीडी एवं आपातकालीन चिकित्सा सेवाएँ प्रदान करना।",
            "Monitoring the national health programmes (TB, malaria, immunisation) in the PHC area.",
            "Reviewing the work of the ANMs and the ASHAs every month.",
        ),
    ),
    (
        "कर्तव्य — एएनएम",
        (
            "गर्भवती महिलाओं का पंजीयन एवं प्रसव पूर्व जाँच करना।",
            "Conducting immunisation sessions and recording them on the U-WIN portal.",
        ),
    ),
    (
        "कर्तव्य — फार्मासिस्ट",
        (
            "औषधियों का भंडारण एवं वितरण तथा ई-औषधि पोर्टल पर स्टॉक का अद्यतन करना।",
            "Raising indents for drugs and checking expiry dates.",
        ),
    ),
)
