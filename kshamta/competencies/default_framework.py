"""The default competency framework: the Kshamta Competency Model (KCM).

In the spirit of the Karmayogi Competency Model, a government employee's competencies
are of three kinds:

* **behavioural** — how a public servant works with citizens, colleagues and
  themselves (integrity, citizen centricity, empathy, accountability ...);
* **functional** — the cross-cutting work of government offices (public procurement,
  financial management, noting and drafting, RTI, grievance redressal ...);
* **domain** — the knowledge of one sector that a department administers (land
  records, GST, public health programmes, school education ...).

Every competency has five proficiency levels, from awareness (1) to the expert who
shapes policy (5). The level descriptors follow one pattern per kind, written around
the competency's subject (``subject_en`` / ``subject_hi``) so that all the competencies
are described in the same, comparable terms. Hindi subjects are given in the oblique
form because every Hindi descriptor puts the subject before a postposition
("सूचना के अधिकार से संबंधित ...").
"""

from __future__ import annotations

from dataclasses import dataclass

FRAMEWORK_CODE = "KCM-DEFAULT"
FRAMEWORK_NAME_EN = "Kshamta Competency Model"
FRAMEWORK_NAME_HI = "क्षमता दक्षता मॉडल"

# The name of each level, level 1 first.
LEVEL_NAMES: tuple[tuple[str, str], ...] = (
    ("Awareness", "जागरूकता"),
    ("Basic", "प्रारंभिक"),
    ("Proficient", "दक्ष"),
    ("Advanced", "उन्नत"),
    ("Expert", "विशेषज्ञ"),
)

# Level descriptor patterns per kind: (English, Hindi), ``{s}`` is the competency's subject.
LEVEL_PATTERNS: dict[str, tuple[tuple[str, str], ...]] = {
    "behavioural": (
        (
            "Understands what {s} means in day-to-day government work and why it matters to citizens.",
            "दैनिक सरकारी कामकाज में {s} के अर्थ और नागरिकों के लिए उसके महत्व की समझ।",
        ),
        (
            "Shows {s} consistently in their own work and seeks guidance when a situation is unfamiliar.",
            "अपने कार्य में {s} का निरंतर प्रदर्शन; अपरिचित परिस्थिति में मार्गदर्शन लेना।",
        ),
        (
            "Shows {s} independently in complex or pressured situations and helps colleagues do the same.",
            "जटिल या दबाव वाली परिस्थितियों में भी स्वतंत्र रूप से {s} का प्रदर्शन तथा सहकर्मियों को इसमें सहयोग।",
        ),
        (
            "Models {s} for a team or office, sets clear expectations and addresses lapses fairly.",
            "टीम या कार्यालय के लिए {s} का आदर्श प्रस्तुत करना, स्पष्ट अपेक्षाएँ तय करना और चूक होने पर निष्पक्ष कार्रवाई करना।",
        ),
        (
            "Builds {s} into the culture and systems of a department, mentors leaders and influences policy.",
            "विभाग की कार्य-संस्कृति और व्यवस्थाओं में {s} को स्थापित करना, नेतृत्वकर्ताओं का मार्गदर्शन और नीति पर प्रभाव।",
        ),
    ),
    "functional": (
        (
            "Knows the basic terms, rules and forms used in {s} and where to find the applicable orders.",
            "{s} से संबंधित मूल शब्दावली, नियमों और प्रपत्रों की जानकारी तथा लागू आदेशों के स्रोतों की पहचान।",
        ),
        (
            "Does routine {s} work correctly under supervision, following the prescribed procedure.",
            "पर्यवेक्षण में, निर्धारित प्रक्रिया के अनुसार {s} से संबंधित नियमित कार्यों का सही निष्पादन।",
        ),
        (
            "Handles {s} work independently, including non-routine cases, and checks the work of others.",
            "गैर-नियमित प्रकरणों सहित {s} से संबंधित कार्यों का स्वतंत्र निष्पादन तथा दूसरों के कार्य की जाँच।",
        ),
        (
            "Leads {s} work for an office or department: resolves difficult cases, interprets the rules and "
            "trains staff.",
            "कार्यालय या विभाग स्तर पर {s} से संबंधित कार्य का नेतृत्व: कठिन प्रकरणों का समाधान, नियमों की "
            "व्याख्या और कर्मचारियों का प्रशिक्षण।",
        ),
        (
            "Recognised expert in {s}: drafts rules and guidelines, advises senior officers and shapes policy.",
            "{s} के मान्य विशेषज्ञ: नियम एवं दिशानिर्देश तैयार करना, वरिष्ठ अधिकारियों को परामर्श और नीति-निर्माण में योगदान।",
        ),
    ),
    "domain": (
        (
            "Knows the purpose, main laws and institutions of {s} and the services it delivers to citizens.",
            "{s} के उद्देश्य, प्रमुख कानूनों एवं संस्थाओं तथा नागरिकों को दी जाने वाली सेवाओं की जानकारी।",
        ),
        (
            "Carries out routine {s} tasks under guidance, using the prescribed registers and portals.",
            "मार्गदर्शन में, निर्धारित पंजियों और पोर्टलों का उपयोग करते हुए {s} से संबंधित नियमित कार्य करना।",
        ),
        (
            "Manages {s} work in an office or field unit independently, solves common problems and reports accurately.",
            "किसी कार्यालय या क्षेत्रीय इकाई में {s} से संबंधित कार्य का स्वतंत्र प्रबंधन, सामान्य समस्याओं का समाधान और सटीक प्रतिवेदन।",
        ),
        (
            "Plans and monitors {s} work across a district or directorate and coordinates with other departments.",
            "ज़िले या संचालनालय स्तर पर {s} से संबंधित कार्यों की योजना एवं निगरानी तथा अन्य विभागों से समन्वय।",
        ),
        (
            "Sets the direction of {s} in the state: designs schemes and reforms and advises government.",
            "राज्य में {s} की दिशा तय करना: योजनाओं एवं सुधारों की रूपरेखा बनाना और शासन को परामर्श देना।",
        ),
    ),
}


@dataclass(frozen=True)
class CompetencySpec:
    code: str
    kind: str
    name_en: str
    name_hi: str
    description_en: str
    description_hi: str
    subject_en: str  # as it reads inside the level descriptors
    subject_hi: str  # oblique form, as it reads before a postposition

    def levels(self) -> list[dict[str, str]]:
        return [
            {"en": en.format(s=self.subject_en), "hi": hi.format(s=self.subject_hi)}
            for en, hi in LEVEL_PATTERNS[self.kind]
        ]


B, F, D = "behavioural", "functional", "domain"
C = CompetencySpec

COMPETENCIES: tuple[CompetencySpec, ...] = (
    # --- Behavioural ------------------------------------------------------------------------
    C(
        "BEH-INTEGRITY", B, "Integrity and ethics", "सत्यनिष्ठा एवं नैतिकता",
        "Acts honestly and impartially, declares conflicts of interest, uses public money and "
        "information only for public purposes and follows the conduct rules in letter and spirit.",
        "ईमानदारी और निष्पक्षता से कार्य करना, हितों के टकराव की घोषणा करना, सार्वजनिक धन और सूचना का "
        "उपयोग केवल लोकहित में करना तथा आचरण नियमों का अक्षरशः और भावना के अनुरूप पालन करना।",
        "integrity", "सत्यनिष्ठा",
    ),
    C(
        "BEH-CITIZEN", B, "Citizen centricity", "नागरिक-केंद्रितता",
        "Puts the citizen at the centre of every service: courteous, timely and simple dealing, "
        "especially with the poor, the elderly, women and persons with disabilities.",
        "प्रत्येक सेवा के केंद्र में नागरिक को रखना: विशेषकर निर्धन, वृद्ध, महिलाओं और दिव्यांगजनों के "
        "साथ विनम्र, समयबद्ध और सरल व्यवहार।",
        "citizen centricity", "नागरिक-केंद्रितता",
    ),
    C(
        "BEH-DECISION", B, "Decision making", "निर्णय क्षमता",
        "Takes timely, reasoned decisions within the rules, weighs evidence and consequences, records the "
        "reasons on file and stands by the decision.",
        "नियमों के दायरे में समय पर और तर्कसंगत निर्णय लेना, साक्ष्यों और परिणामों का आकलन करना, कारणों को "
        "नस्ती पर अभिलिखित करना और निर्णय की ज़िम्मेदारी लेना।",
        "sound decision making", "विवेकपूर्ण निर्णय क्षमता",
    ),
    C(
        "BEH-TEAMWORK", B, "Teamwork and collaboration", "टीम भावना एवं सहयोग",
        "Works willingly with colleagues within and across departments, shares information and credit, "
        "and puts the shared goal before the section's interest.",
        "विभाग के भीतर और अन्य विभागों के सहकर्मियों के साथ तत्परता से काम करना, सूचना और श्रेय साझा करना "
        "तथा शाखा के हित से ऊपर साझा लक्ष्य को रखना।",
        "teamwork", "टीम भावना",
    ),
    C(
        "BEH-COMMUNICATION", B, "Effective communication", "प्रभावी संप्रेषण",
        "Listens carefully and speaks and writes clearly and politely in Hindi and English, adapting the "
        "message to citizens, colleagues and senior officers.",
        "ध्यान से सुनना तथा हिंदी और अंग्रेज़ी में स्पष्ट और शिष्ट ढंग से बोलना और लिखना, और संदेश को "
        "नागरिकों, सहकर्मियों और वरिष्ठ अधिकारियों के अनुरूप ढालना।",
        "effective communication", "प्रभावी संप्रेषण",
    ),
    C(
        "BEH-LEADERSHIP", B, "Leadership", "नेतृत्व",
        "Sets direction for a team, motivates and develops people, delegates with trust and takes "
        "responsibility for results.",
        "टीम को दिशा देना, लोगों को प्रेरित करना और उनका विकास करना, विश्वास के साथ दायित्व सौंपना और "
        "परिणामों की ज़िम्मेदारी लेना।",
        "leadership", "नेतृत्व क्षमता",
    ),
    C(
        "BEH-EMPATHY", B, "Empathy", "समानुभूति एवं संवेदनशीलता",
        "Understands the situation and feelings of citizens and colleagues, and responds with patience "
        "and respect, particularly to those in distress.",
        "नागरिकों और सहकर्मियों की परिस्थिति और भावनाओं को समझना तथा विशेषकर संकट में पड़े व्यक्तियों के "
        "प्रति धैर्य और सम्मान के साथ व्यवहार करना।",
        "empathy", "समानुभूति",
    ),
    C(
        "BEH-ACCOUNTABILITY", B, "Accountability and ownership", "जवाबदेही एवं दायित्व-बोध",
        "Owns assigned work and its outcome, meets timelines, keeps records that allow the work to be "
        "checked and admits and corrects mistakes.",
        "सौंपे गए कार्य और उसके परिणाम का दायित्व लेना, समय-सीमा का पालन करना, ऐसे अभिलेख रखना जिनसे कार्य "
        "की जाँच हो सके तथा त्रुटियों को स्वीकार कर सुधारना।",
        "accountability", "जवाबदेही",
    ),
    C(
        "BEH-INNOVATION", B, "Innovation and problem solving", "नवाचार एवं समस्या समाधान",
        "Looks for simpler, faster and cheaper ways to deliver services, tries them out within the rules "
        "and learns from what does not work.",
        "सेवाओं को सरल, त्वरित और कम खर्चीला बनाने के उपाय खोजना, नियमों के दायरे में उन्हें आज़माना और "
        "असफल प्रयासों से सीखना।",
        "an innovative, problem-solving approach", "नवाचारी एवं समाधानपरक दृष्टिकोण",
    ),
    C(
        "BEH-GENDER", B, "Gender sensitivity", "लैंगिक संवेदनशीलता",
        "Treats people of every gender with equal dignity, keeps the workplace free of harassment and "
        "considers the different needs of women and men in services and schemes.",
        "सभी लिंगों के व्यक्तियों के साथ समान गरिमा का व्यवहार करना, कार्यस्थल को उत्पीड़न से मुक्त रखना "
        "तथा सेवाओं और योजनाओं में महिलाओं और पुरुषों की भिन्न आवश्यकताओं का ध्यान रखना।",
        "gender sensitivity", "लैंगिक संवेदनशीलता",
    ),
    C(
        "BEH-LEARNING", B, "Self-development and continuous learning", "स्व-विकास एवं सतत अधिगम",
        "Keeps knowledge and skills up to date, seeks feedback, and learns new rules, systems and tools "
        "as the work changes.",
        "ज्ञान और कौशल को अद्यतन रखना, प्रतिपुष्टि माँगना तथा कार्य में बदलाव के साथ नए नियम, प्रणालियाँ "
        "और उपकरण सीखना।",
        "a habit of continuous learning", "सतत सीखने की प्रवृत्ति",
    ),
    # --- Functional -------------------------------------------------------------------------
    C(
        "FUN-PROCUREMENT", F, "Public procurement", "लोक क्रय",
        "Buys goods, works and services fairly, transparently and economically: GeM, e-tendering, the "
        "state's store purchase rules, bid evaluation and contract management.",
        "वस्तुओं, कार्यों और सेवाओं का निष्पक्ष, पारदर्शी और मितव्ययी क्रय: जेम, ई-टेंडरिंग, राज्य के भंडार "
        "क्रय नियम, निविदा मूल्यांकन और अनुबंध प्रबंधन।",
        "public procurement", "लोक क्रय",
    ),
    C(
        "FUN-FINANCE", F, "Financial management and budgeting", "वित्तीय प्रबंधन एवं बजट",
        "Prepares budget estimates, incurs and records expenditure under the financial and treasury rules, "
        "and uses the state's integrated financial management system.",
        "बजट अनुमान तैयार करना, वित्तीय एवं कोषालय नियमों के अंतर्गत व्यय करना और उसका लेखा रखना तथा राज्य "
        "की एकीकृत वित्तीय प्रबंधन प्रणाली का उपयोग करना।",
        "financial management", "वित्तीय प्रबंधन",
    ),
    C(
        "FUN-PROJECT", F, "Project management", "परियोजना प्रबंधन",
        "Plans a project's scope, time, cost and risks, tracks milestones, and reports progress and slippage "
        "honestly.",
        "परियोजना के दायरे, समय, लागत और जोखिमों की योजना बनाना, पड़ावों की निगरानी करना तथा प्रगति और विलंब "
        "की सही जानकारी देना।",
        "project management", "परियोजना प्रबंधन",
    ),
    C(
        "FUN-NOTING", F, "Office procedure, noting and drafting", "कार्यालय प्रक्रिया, नोटिंग एवं ड्राफ्टिंग",
        "Handles receipts and files as the office manual prescribes, writes clear notes that lead to a "
        "decision and drafts letters, orders and memoranda in the proper form, on paper or in e-Office.",
        "कार्यालय नियमावली के अनुसार आवक पत्रों और नस्तियों का निपटान, निर्णय तक ले जाने वाली स्पष्ट टिप्पणी "
        "लिखना तथा पत्र, आदेश और ज्ञापन उचित प्रारूप में तैयार करना, कागज़ पर या ई-ऑफिस में।",
        "noting and drafting", "नोटिंग एवं ड्राफ्टिंग",
    ),
    C(
        "FUN-RTI", F, "Right to Information", "सूचना का अधिकार",
        "Receives and disposes of RTI applications and first appeals within the time limits of the Right to "
        "Information Act, 2005, applies the exemptions correctly and keeps proactive disclosure up to date.",
        "सूचना का अधिकार अधिनियम, 2005 की समय-सीमा में आवेदनों और प्रथम अपीलों का निराकरण, छूट के प्रावधानों "
        "का सही उपयोग तथा स्वतः प्रकटीकरण को अद्यतन रखना।",
        "RTI", "सूचना के अधिकार",
    ),
    C(
        "FUN-DATA", F, "Data analysis", "डेटा विश्लेषण",
        "Collects, cleans and analyses administrative data with spreadsheets and dashboards, and draws "
        "sound conclusions for decisions.",
        "स्प्रेडशीट और डैशबोर्ड की सहायता से प्रशासनिक आँकड़ों का संकलन, शुद्धिकरण और विश्लेषण तथा निर्णयों "
        "के लिए सही निष्कर्ष निकालना।",
        "data analysis", "डेटा विश्लेषण",
    ),
    C(
        "FUN-EGOV", F, "E-governance and digital tools", "ई-गवर्नेंस एवं डिजिटल उपकरण",
        "Uses e-Office, service portals, digital signatures and Aadhaar-based services, and helps citizens "
        "use them.",
        "ई-ऑफिस, सेवा पोर्टल, डिजिटल हस्ताक्षर और आधार आधारित सेवाओं का उपयोग करना तथा नागरिकों को इनके "
        "उपयोग में सहायता देना।",
        "e-governance", "ई-गवर्नेंस",
    ),
    C(
        "FUN-HR", F, "Human resource management", "मानव संसाधन प्रबंधन",
        "Handles service matters — appointment, seniority, leave, increments, transfers, pension — under "
        "the service rules, and keeps service books and the HRMS correct.",
        "सेवा नियमों के अंतर्गत नियुक्ति, वरिष्ठता, अवकाश, वेतनवृद्धि, स्थानांतरण और पेंशन जैसे सेवा "
        "प्रकरणों का निपटान तथा सेवा पुस्तिका और मानव संसाधन प्रणाली को सही रखना।",
        "human resource management", "मानव संसाधन प्रबंधन",
    ),
    C(
        "FUN-GRIEVANCE", F, "Public grievance redressal", "लोक शिकायत निवारण",
        "Registers, examines and resolves citizens' grievances (CM Helpline, CPGRAMS, Jan Sunwai) on merit "
        "and on time, and tells the citizen what was done.",
        "नागरिकों की शिकायतों (सीएम हेल्पलाइन, सीपीग्राम्स, जन सुनवाई) का पंजीयन, परीक्षण और गुण-दोष के आधार "
        "पर समय पर निराकरण तथा की गई कार्रवाई की जानकारी नागरिक को देना।",
        "grievance redressal", "लोक शिकायत निवारण",
    ),
    C(
        "FUN-LEGAL", F, "Legal drafting and quasi-judicial orders", "विधिक प्रारूपण एवं अर्ध-न्यायिक आदेश",
        "Conducts hearings under the principles of natural justice and writes speaking orders, replies to "
        "court cases and drafts of rules and notifications.",
        "नैसर्गिक न्याय के सिद्धांतों के अनुसार सुनवाई करना तथा सकारण आदेश, न्यायालयीन प्रकरणों में जवाब और "
        "नियमों एवं अधिसूचनाओं के प्रारूप लिखना।",
        "legal drafting", "विधिक प्रारूपण",
    ),
    C(
        "FUN-AUDIT", F, "Audit and internal control", "लेखा परीक्षा एवं आंतरिक नियंत्रण",
        "Keeps accounts ready for audit, answers audit paras and inspection reports, and builds checks that "
        "prevent loss and fraud.",
        "लेखों को लेखा परीक्षा हेतु तैयार रखना, ऑडिट कंडिकाओं और निरीक्षण प्रतिवेदनों का उत्तर देना तथा "
        "हानि और धोखाधड़ी रोकने वाली जाँच-व्यवस्था बनाना।",
        "audit and internal control", "लेखा परीक्षा एवं आंतरिक नियंत्रण",
    ),
    C(
        "FUN-CYBER", F, "Cyber security", "साइबर सुरक्षा",
        "Protects government data and systems: strong passwords and two-factor sign-in, safe e-mail and "
        "removable media, recognising phishing and reporting incidents.",
        "सरकारी डेटा और प्रणालियों की सुरक्षा: मज़बूत पासवर्ड और दो-चरणीय लॉग-इन, ई-मेल और पेन ड्राइव का "
        "सुरक्षित उपयोग, फ़िशिंग की पहचान और घटनाओं की सूचना देना।",
        "cyber security", "साइबर सुरक्षा",
    ),
    C(
        "FUN-SERVICE", F, "Public service delivery", "लोक सेवा प्रदाय",
        "Delivers notified services within the time limits of the Public Services Guarantee Act, through "
        "Lok Sewa Kendras and online, and handles appeals for delays.",
        "लोक सेवाओं के प्रदान की गारंटी अधिनियम की समय-सीमा में लोक सेवा केंद्रों और ऑनलाइन माध्यम से "
        "अधिसूचित सेवाएँ प्रदान करना तथा विलंब पर अपीलों का निराकरण।",
        "public service delivery", "लोक सेवा प्रदाय",
    ),
    C(
        "FUN-DISCIPLINE", F, "Disciplinary proceedings", "अनुशासनात्मक कार्यवाही",
        "Frames charges, conducts inquiries and passes orders under the classification, control and appeal "
        "rules so that they stand scrutiny in appeal and in court.",
        "वर्गीकरण, नियंत्रण एवं अपील नियमों के अंतर्गत आरोप-पत्र तैयार करना, जाँच करना और ऐसे आदेश पारित "
        "करना जो अपील और न्यायालय में टिक सकें।",
        "disciplinary proceedings", "अनुशासनात्मक कार्यवाही",
    ),
    C(
        "FUN-MONITORING", F, "Monitoring and evaluation", "अनुश्रवण एवं मूल्यांकन",
        "Defines indicators, collects reliable progress data from the field, and uses reviews and "
        "evaluations to improve schemes.",
        "संकेतक निर्धारित करना, क्षेत्र से विश्वसनीय प्रगति आँकड़े एकत्र करना तथा योजनाओं में सुधार के लिए "
        "समीक्षा और मूल्यांकन का उपयोग करना।",
        "monitoring and evaluation", "अनुश्रवण एवं मूल्यांकन",
    ),
    C(
        "FUN-TRAINING", F, "Training and facilitation", "प्रशिक्षण एवं सुगमीकरण",
        "Designs and delivers sessions for adult learners, facilitates discussions and mentors new "
        "colleagues.",
        "वयस्क प्रशिक्षार्थियों के लिए सत्रों की रूपरेखा बनाना और उनका संचालन करना, चर्चाओं का सुगमीकरण "
        "तथा नए सहकर्मियों का मार्गदर्शन करना।",
        "training and facilitation", "प्रशिक्षण एवं सुगमीकरण",
    ),
    # --- Domain ------------------------------------------------------------------------------
    C(
        "DOM-LANDREC", D, "Land records", "भू-अभिलेख",
        "Maintains and updates the record of rights (khasra, B-1, maps), mutation (namantaran), "
        "demarcation (seemankan) and the computerised Bhu-Abhilekh system.",
        "अधिकार अभिलेख (खसरा, बी-1, नक्शा), नामांतरण, सीमांकन और कम्प्यूटरीकृत भू-अभिलेख प्रणाली का "
        "संधारण एवं अद्यतनीकरण।",
        "land records", "भू-अभिलेख",
    ),
    C(
        "DOM-REVENUE", D, "Revenue administration", "राजस्व प्रशासन",
        "Administers the Land Revenue Code: revenue courts, diversion, land allotment, recovery of dues and "
        "the revenue officer's magisterial duties.",
        "भू-राजस्व संहिता का प्रशासन: राजस्व न्यायालय, व्यपवर्तन, भूमि आवंटन, बकाया वसूली तथा राजस्व "
        "अधिकारी के दंडाधिकारी दायित्व।",
        "revenue administration", "राजस्व प्रशासन",
    ),
    C(
        "DOM-GST", D, "GST administration", "जीएसटी प्रशासन",
        "Administers the goods and services tax: registration, returns, assessment, refunds, audit and "
        "enforcement on the GST network.",
        "वस्तु एवं सेवा कर का प्रशासन: जीएसटी नेटवर्क पर पंजीयन, विवरणी, कर निर्धारण, प्रतिदाय, ऑडिट और "
        "प्रवर्तन।",
        "GST administration", "जीएसटी प्रशासन",
    ),
    C(
        "DOM-PUBHEALTH", D, "Public health programmes", "लोक स्वास्थ्य कार्यक्रम",
        "Implements national and state health programmes — immunisation, maternal and child health, "
        "tuberculosis, communicable disease surveillance — at facility and community level.",
        "राष्ट्रीय और राज्य स्वास्थ्य कार्यक्रमों — टीकाकरण, मातृ एवं शिशु स्वास्थ्य, क्षय रोग, संचारी रोग "
        "निगरानी — का स्वास्थ्य संस्था और समुदाय स्तर पर क्रियान्वयन।",
        "public health", "लोक स्वास्थ्य कार्यक्रमों",
    ),
    C(
        "DOM-SCHOOLEDU", D, "School education", "स्कूल शिक्षा",
        "Runs schools under the Right to Education Act: enrolment and retention, mid-day meal, teacher "
        "management, learning outcomes and school data systems.",
        "शिक्षा का अधिकार अधिनियम के अंतर्गत विद्यालयों का संचालन: नामांकन और ठहराव, मध्याह्न भोजन, "
        "शिक्षक प्रबंधन, अधिगम परिणाम और विद्यालय डेटा प्रणालियाँ।",
        "school education", "स्कूल शिक्षा",
    ),
    C(
        "DOM-AGRIEXT", D, "Agriculture extension", "कृषि विस्तार",
        "Brings improved practices, soil health cards, crop insurance and input schemes to farmers through "
        "field visits, demonstrations and farmer groups.",
        "क्षेत्र भ्रमण, प्रदर्शन और कृषक समूहों के माध्यम से किसानों तक उन्नत कृषि पद्धतियाँ, मृदा स्वास्थ्य "
        "कार्ड, फसल बीमा और आदान योजनाएँ पहुँचाना।",
        "agriculture extension", "कृषि विस्तार",
    ),
    C(
        "DOM-RURALDEV", D, "Rural development schemes", "ग्रामीण विकास योजनाएँ",
        "Implements MGNREGA, PM Awas Yojana (Gramin), the rural livelihoods mission and Swachh Bharat "
        "(Gramin), including social audit.",
        "मनरेगा, प्रधानमंत्री आवास योजना (ग्रामीण), ग्रामीण आजीविका मिशन और स्वच्छ भारत मिशन (ग्रामीण) का "
        "सामाजिक अंकेक्षण सहित क्रियान्वयन।",
        "rural development", "ग्रामीण विकास योजनाओं",
    ),
    C(
        "DOM-ULB", D, "Urban local bodies", "नगरीय निकाय",
        "Administers municipal functions — property tax, building permission, water supply, sanitation, "
        "urban missions — under the Municipal Corporation and Municipalities Acts.",
        "नगर पालिक निगम एवं नगर पालिका अधिनियमों के अंतर्गत नगरीय कार्यों — संपत्ति कर, भवन अनुज्ञा, "
        "जल प्रदाय, स्वच्छता, नगरीय मिशन — का प्रशासन।",
        "municipal administration", "नगरीय निकाय प्रशासन",
    ),
    C(
        "DOM-DISASTER", D, "Disaster management", "आपदा प्रबंधन",
        "Prepares for, responds to and recovers from floods, droughts, heat waves and other disasters under "
        "the Disaster Management Act, 2005 and the state relief manual.",
        "आपदा प्रबंधन अधिनियम, 2005 और राज्य राहत नियमावली के अंतर्गत बाढ़, सूखा, लू और अन्य आपदाओं की "
        "तैयारी, प्रतिक्रिया और पुनर्वास।",
        "disaster management", "आपदा प्रबंधन",
    ),
    C(
        "DOM-POLICE", D, "Police administration", "पुलिस प्रशासन",
        "Maintains law and order and runs police stations: registration of FIRs, investigation under the "
        "new criminal laws, CCTNS, and community policing.",
        "कानून-व्यवस्था बनाए रखना और थानों का संचालन: प्रथम सूचना रिपोर्ट का पंजीयन, नए आपराधिक कानूनों के "
        "अंतर्गत विवेचना, सीसीटीएनएस और सामुदायिक पुलिसिंग।",
        "police administration", "पुलिस प्रशासन",
    ),
    C(
        "DOM-PDS", D, "Public distribution system", "सार्वजनिक वितरण प्रणाली",
        "Runs the targeted public distribution system under the National Food Security Act: eligibility "
        "slips, fair price shops, ePoS transactions and vigilance committees.",
        "राष्ट्रीय खाद्य सुरक्षा अधिनियम के अंतर्गत लक्षित सार्वजनिक वितरण प्रणाली का संचालन: पात्रता पर्ची, "
        "उचित मूल्य दुकानें, ई-पॉस लेन-देन और सतर्कता समितियाँ।",
        "public distribution system", "सार्वजनिक वितरण प्रणाली",
    ),
    C(
        "DOM-WCD", D, "Women and child development", "महिला एवं बाल विकास",
        "Runs anganwadi services, nutrition programmes and schemes for girls and women, and protects "
        "children under the juvenile justice and child protection laws.",
        "आंगनवाड़ी सेवाओं, पोषण कार्यक्रमों और बालिकाओं एवं महिलाओं की योजनाओं का संचालन तथा किशोर न्याय "
        "और बाल संरक्षण कानूनों के अंतर्गत बच्चों का संरक्षण।",
        "women and child development", "महिला एवं बाल विकास",
    ),
    C(
        "DOM-FOREST", D, "Forest management", "वन प्रबंधन",
        "Protects and manages forests and wildlife under the forest laws and working plans, including "
        "joint forest management and forest rights.",
        "वन कानूनों और कार्य आयोजनाओं के अंतर्गत वनों और वन्यजीवों का संरक्षण एवं प्रबंधन, संयुक्त वन "
        "प्रबंधन और वन अधिकार सहित।",
        "forest management", "वन प्रबंधन",
    ),
    C(
        "DOM-TRIBAL", D, "Tribal welfare", "जनजातीय कल्याण",
        "Implements schemes, hostels and scholarships for Scheduled Tribes and the PESA and Forest Rights "
        "Acts in scheduled areas.",
        "अनुसूचित जनजातियों के लिए योजनाओं, छात्रावासों और छात्रवृत्तियों तथा अनुसूचित क्षेत्रों में पेसा और "
        "वन अधिकार अधिनियमों का क्रियान्वयन।",
        "tribal welfare", "जनजातीय कल्याण",
    ),
    C(
        "DOM-PANCHAYAT", D, "Panchayati raj", "पंचायती राज",
        "Supports gram sabhas and panchayats in planning (GPDP), finance, records and the conduct of "
        "meetings under the Panchayat Raj Act.",
        "पंचायत राज अधिनियम के अंतर्गत ग्राम सभाओं और पंचायतों को योजना निर्माण (जीपीडीपी), वित्त, अभिलेख "
        "और बैठकों के संचालन में सहयोग।",
        "panchayati raj", "पंचायती राज",
    ),
)  # fmt: skip
