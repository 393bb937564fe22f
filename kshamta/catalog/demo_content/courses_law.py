"""Demo courses on the laws every office applies: RTI, the POSH Act and the Public Services Guarantee Act."""

from __future__ import annotations

from kshamta.catalog.demo_content.spec import (
    CourseSpec,
    Lesson,
    Link,
    Media,
    ModuleSpec,
    PdfSection,
    Quiz,
    QuizSection,
    Reading,
    fill_blank,
    match,
    multiple,
    single,
    true_false,
)

RTI = CourseSpec(
    code="MP-ATI-RTI-2005",
    provider="MP-ATI",
    title_en="Right to Information Act, 2005",
    title_hi="सूचना का अधिकार अधिनियम, 2005",
    summary_en=(
        "What every Public Information Officer, Assistant PIO and first appellate authority must know: who may "
        "ask for what, the 30-day time limit, fees, exemptions, appeals and penalties, with worked examples from "
        "district offices."
    ),
    summary_hi=(
        "प्रत्येक लोक सूचना अधिकारी, सहायक लोक सूचना अधिकारी और प्रथम अपीलीय अधिकारी के लिए आवश्यक जानकारी: "
        "कौन क्या माँग सकता है, 30 दिन की समय-सीमा, शुल्क, छूट, अपील और शास्ति — ज़िला कार्यालयों के उदाहरणों सहित।"
    ),
    duration_minutes=90,
    competencies={"FUN-RTI": 2, "BEH-ACCOUNTABILITY": 2, "BEH-CITIZEN": 1},
    tags="RTI, transparency, PIO, first appeal, पारदर्शिता, लोक सूचना अधिकारी",
    modules=(
        ModuleSpec(
            "The Act and who does what",
            "अधिनियम और किसकी क्या भूमिका",
            (
                Media(
                    "video",
                    "RTI in four steps",
                    "चार चरणों में सूचना का अधिकार",
                    "rti-in-four-steps.mp4",
                    33,
                ),
                Lesson(
                    "What the Act gives the citizen",
                    "अधिनियम नागरिक को क्या देता है",
                    hi="""
<p>सूचना का अधिकार अधिनियम, 2005 (आरटीआई अधिनियम) 12 अक्टूबर 2005 से पूरे देश में लागू है। इसके अंतर्गत
भारत का कोई भी नागरिक किसी भी <strong>लोक प्राधिकरण</strong> से उसके नियंत्रण में रखी सूचना माँग सकता है। लोक
प्राधिकरण में संविधान या किसी कानून से बने सभी कार्यालय, शासन के स्वामित्व या नियंत्रण वाली संस्थाएँ और शासन
से पर्याप्त वित्तीय सहायता पाने वाले गैर-सरकारी संगठन शामिल हैं।</p>
<p>"सूचना" का अर्थ बहुत व्यापक है: अभिलेख, दस्तावेज़, ज्ञापन, ई-मेल, मत, सलाह, प्रेस विज्ञप्ति, परिपत्र, आदेश,
लॉगबुक, अनुबंध, प्रतिवेदन, नमूने और इलेक्ट्रॉनिक रूप में रखे आँकड़े — सब इसमें आते हैं। आवेदक को सूचना माँगने का
कारण बताने की आवश्यकता नहीं है (धारा 6(2))। नागरिक दस्तावेज़ों का निरीक्षण कर सकता है, प्रमाणित प्रतियाँ ले सकता
है और सामग्री के प्रमाणित नमूने भी ले सकता है।</p>
<p>प्रत्येक कार्यालय में अधिनियम के अंतर्गत तीन भूमिकाएँ होती हैं:</p>
<ul>
<li><strong>लोक सूचना अधिकारी (पीआईओ)</strong> — आवेदन प्राप्त कर निर्धारित समय में सूचना देता है या कारण सहित
आवेदन अस्वीकार करता है।</li>
<li><strong>सहायक लोक सूचना अधिकारी (एपीआईओ)</strong> — उपखंड या विकासखंड स्तर पर आवेदन और अपील प्राप्त कर
पाँच दिन के भीतर संबंधित पीआईओ या अपीलीय अधिकारी को भेजता है।</li>
<li><strong>प्रथम अपीलीय अधिकारी</strong> — पीआईओ से वरिष्ठ अधिकारी, जो पीआईओ के निर्णय के विरुद्ध प्रथम अपील
सुनता है।</li>
</ul>
<p>धारा 4 के अंतर्गत प्रत्येक लोक प्राधिकरण को अपने कार्य, अधिकारी-कर्मचारी, उनके वेतन, बजट, योजनाओं के
हितग्राही, दी गई रियायतें और निर्णय लेने की प्रक्रिया जैसी जानकारी <strong>स्वतः प्रकट</strong> करनी होती है।
जितनी अधिक जानकारी वेबसाइट और सूचना पटल पर पहले से उपलब्ध होगी, उतने ही कम आवेदन आएँगे।</p>
""",
                    en="""
<p>The Right to Information Act, 2005 has been in force across India since 12 October 2005. Under it any
citizen of India may ask any <strong>public authority</strong> for information held by or under its control.
Public authorities include every office set up by the Constitution or by law, bodies owned or controlled by
government, and non-government organisations substantially financed by government.</p>
<p>"Information" is defined very widely: records, documents, memos, e-mails, opinions, advice, press
releases, circulars, orders, logbooks, contracts, reports, samples and data held in electronic form. The
applicant does not have to give a reason for asking (section 6(2)). A citizen may inspect documents, take
certified copies and take certified samples of material.</p>
<p>Every office has three roles under the Act:</p>
<ul>
<li><strong>Public Information Officer (PIO)</strong> — receives applications and gives the information within
the time limit, or rejects the application with reasons.</li>
<li><strong>Assistant Public Information Officer (APIO)</strong> — at sub-division or block level, receives
applications and appeals and forwards them within five days to the PIO or appellate authority concerned.</li>
<li><strong>First Appellate Authority</strong> — an officer senior to the PIO who hears the first appeal
against the PIO's decision.</li>
</ul>
<p>Under section 4 every public authority must <strong>proactively disclose</strong> its functions, officers
and employees, their pay, its budget, beneficiaries of its schemes, concessions granted and how decisions are
taken. The more that is already on the website and the notice board, the fewer applications arrive.</p>
""",
                ),
                Link(
                    "RTI portal of the Government of India",
                    "भारत सरकार का सूचना का अधिकार पोर्टल",
                    "https://rti.gov.in/",
                ),
            ),
        ),
        ModuleSpec(
            "Disposing of an application",
            "आवेदन का निराकरण",
            (
                Lesson(
                    "Time limits, fees and exemptions",
                    "समय-सीमा, शुल्क और छूट",
                    hi="""
<p><strong>समय-सीमा।</strong> पीआईओ को आवेदन प्राप्ति के <strong>30 दिन</strong> के भीतर सूचना देनी है या कारण
सहित आवेदन अस्वीकार करना है (धारा 7(1))। जहाँ सूचना किसी व्यक्ति के जीवन या स्वतंत्रता से जुड़ी हो, वहाँ यह
सीमा <strong>48 घंटे</strong> है। आवेदन एपीआईओ के माध्यम से आया हो तो 5 दिन और जुड़ते हैं। तृतीय पक्ष से संबंधित
सूचना में, तृतीय पक्ष को सुनवाई का अवसर देने के कारण, समय-सीमा 40 दिन है। समय-सीमा में उत्तर न देना
आवेदन को अस्वीकार किया हुआ माना जाता है (धारा 7(2))।</p>
<p><strong>अंतरण।</strong> यदि माँगी गई सूचना किसी अन्य लोक प्राधिकरण से संबंधित है, तो आवेदन या उसका संबंधित
भाग <strong>5 दिन</strong> के भीतर उस प्राधिकरण को अंतरित करें और आवेदक को तुरंत सूचित करें (धारा 6(3))।</p>
<p><strong>शुल्क।</strong> मध्यप्रदेश में आवेदन शुल्क <strong>₹10</strong> है और प्रतिलिपि के लिए ₹2 प्रति पृष्ठ।
गरीबी रेखा से नीचे के आवेदक से कोई शुल्क नहीं लिया जाता (धारा 7(5))। यदि पीआईओ समय-सीमा में सूचना नहीं देता,
तो बाद में सूचना नि:शुल्क देनी होगी (धारा 7(6))।</p>
<p><strong>छूट।</strong> धारा 8(1) में सूचीबद्ध सूचना — जैसे देश की संप्रभुता और सुरक्षा, न्यायालय द्वारा प्रतिबंधित
सूचना, विवेचना में बाधा डालने वाली सूचना, या बिना लोकहित के किसी की निजता में अनावश्यक दखल देने वाली व्यक्तिगत
सूचना — देने से इनकार किया जा सकता है। ध्यान रहे: जो सूचना संसद या विधानसभा को देने से इनकार नहीं किया जा
सकता, वह किसी नागरिक को भी देने से इनकार नहीं किया जा सकता। जहाँ अभिलेख का कुछ भाग ही छूट में आता है, वहाँ
शेष भाग अलग करके दें (धारा 10)।</p>
<p>अस्वीकृति के आदेश में तीन बातें अवश्य लिखें: अस्वीकृति का कारण और धारा, अपील की समय-सीमा, और प्रथम अपीलीय
अधिकारी का नाम और पता।</p>
""",
                    en="""
<p><strong>Time limits.</strong> The PIO must give the information, or reject the application with reasons,
within <strong>30 days</strong> of receiving it (section 7(1)). Where the information concerns the life or
liberty of a person, the limit is <strong>48 hours</strong>. Five days are added when the application came
through an APIO. Where third-party information is involved, the limit is 40 days because the third party must
be heard. Not replying within the limit is treated as a refusal (section 7(2)).</p>
<p><strong>Transfer.</strong> If the information asked for is held by another public authority, transfer the
application, or the relevant part of it, to that authority within <strong>5 days</strong> and tell the
applicant at once (section 6(3)).</p>
<p><strong>Fees.</strong> In Madhya Pradesh the application fee is <strong>₹10</strong> and copies cost ₹2 a
page. Applicants below the poverty line pay nothing (section 7(5)). If the PIO misses the time limit, the
information must later be given free of charge (section 7(6)).</p>
<p><strong>Exemptions.</strong> Information listed in section 8(1) — such as that affecting the sovereignty
and security of the country, information a court has forbidden to publish, information that would impede an
investigation, or personal information whose disclosure would invade privacy with no public interest — may be
refused. Remember: information that cannot be denied to Parliament or the State Legislature cannot be denied
to a citizen either. Where only part of a record is exempt, give the rest after severing that part
(section 10).</p>
<p>A rejection order must state three things: the reason and the section relied on, the time within which an
appeal may be made, and the name and address of the First Appellate Authority.</p>
""",
                ),
                Reading(
                    "RTI quick reference for PIOs",
                    "लोक सूचना अधिकारियों के लिए आरटीआई त्वरित संदर्भ",
                    "rti-quick-reference.pdf",
                    (
                        PdfSection(
                            "Time limits at a glance",
                            "समय-सीमा एक नज़र में",
                            hi=("अधिनियम की प्रमुख समय-सीमाएँ नीचे की तालिका में हैं। गणना आवेदन प्राप्ति के दिन से करें।",),
                            en=(
                                "The main time limits of the Act are in the table below. Count from the day the "
                                "application is received.",
                            ),
                            table=(
                                ("Step / चरण", "Time limit / समय-सीमा", "Section / धारा"),
                                ("Reply by the PIO / पीआईओ द्वारा उत्तर", "30 days / 30 दिन", "7(1)"),
                                ("Life or liberty / जीवन या स्वतंत्रता", "48 hours / 48 घंटे", "7(1)"),
                                ("Received through an APIO / एपीआईओ के माध्यम से", "+5 days / +5 दिन", "5(2)"),
                                ("Transfer to another authority / अन्य प्राधिकरण को अंतरण", "5 days / 5 दिन", "6(3)"),
                                ("Third-party information / तृतीय पक्ष की सूचना", "40 days / 40 दिन", "11"),
                                ("First appeal / प्रथम अपील", "30 days / 30 दिन", "19(1)"),
                                ("Second appeal / द्वितीय अपील", "90 days / 90 दिन", "19(3)"),
                            ),
                        ),
                        PdfSection(
                            "Before you reply: a checklist",
                            "उत्तर देने से पहले: जाँच-सूची",
                            hi=(
                                "• क्या आवेदन शुल्क जमा है, या आवेदक गरीबी रेखा से नीचे का है?",
                                "• क्या सूचना इसी कार्यालय की है? नहीं, तो 5 दिन में अंतरण करें।",
                                "• क्या किसी भाग पर धारा 8 या 9 की छूट लागू है? शेष भाग अलग करके दें।",
                                "• क्या तृतीय पक्ष की सूचना है? धारा 11 का सूचना-पत्र भेजें।",
                                "• उत्तर में प्रथम अपीलीय अधिकारी का नाम, पता और अपील की समय-सीमा लिखें।",
                            ),
                            en=(
                                "• Has the fee been paid, or is the applicant below the poverty line?",
                                "• Is the information held by this office? If not, transfer within 5 days.",
                                "• Is any part exempt under section 8 or 9? Sever it and give the rest.",
                                "• Is it third-party information? Send the section 11 notice.",
                                "• Give the First Appellate Authority's name and address and the appeal time limit.",
                            ),
                        ),
                        PdfSection(
                            "Penalties",
                            "शास्ति",
                            hi=(
                                "बिना उचित कारण आवेदन न लेने, समय में सूचना न देने, जानबूझकर गलत या अधूरी सूचना देने या "
                                "सूचना नष्ट करने पर सूचना आयोग पीआईओ पर ₹250 प्रतिदिन, अधिकतम ₹25,000 तक की शास्ति लगा "
                                "सकता है और अनुशासनात्मक कार्रवाई की अनुशंसा कर सकता है (धारा 20)।",
                            ),
                            en=(
                                "For refusing to accept an application without reasonable cause, not replying in time, "
                                "knowingly giving wrong or incomplete information or destroying information, the "
                                "Information Commission may fine the PIO ₹250 a day up to ₹25,000 and recommend "
                                "disciplinary action (section 20).",
                            ),
                        ),
                    ),
                ),
            ),
        ),
        ModuleSpec(
            "Appeals, penalties and the final test",
            "अपील, शास्ति और अंतिम परीक्षा",
            (
                Lesson(
                    "Appeals and penalties",
                    "अपील और शास्ति",
                    hi="""
<p><strong>प्रथम अपील।</strong> जिस आवेदक को समय में उत्तर नहीं मिला, या जो पीआईओ के निर्णय से असंतुष्ट है, वह
निर्णय मिलने या समय-सीमा बीतने के <strong>30 दिन</strong> के भीतर प्रथम अपीलीय अधिकारी को अपील कर सकता है
(धारा 19(1))। पर्याप्त कारण होने पर अपीलीय अधिकारी देरी को माफ़ कर सकता है। अपील का निराकरण सामान्यतः 30 दिन
में और कारण लिखकर अधिकतम 45 दिन में करना होता है।</p>
<p><strong>द्वितीय अपील।</strong> प्रथम अपील के निर्णय के विरुद्ध, या निर्णय न होने पर, <strong>90 दिन</strong>
के भीतर राज्य सूचना आयोग को द्वितीय अपील की जा सकती है (धारा 19(3))। आयोग दस्तावेज़ मँगा सकता है, साक्ष्य ले
सकता है और लोक प्राधिकरण को अभिलेख-प्रबंधन सुधारने जैसे निर्देश दे सकता है।</p>
<p><strong>शास्ति।</strong> धारा 20 के अंतर्गत आयोग दोषी पीआईओ पर <strong>₹250 प्रतिदिन</strong> की दर से,
अधिकतम <strong>₹25,000</strong> तक शास्ति लगा सकता है। शास्ति लगाने से पहले पीआईओ को सुनवाई का अवसर दिया जाता
है, और यह सिद्ध करने का भार कि उसने उचित और तत्परता से कार्य किया, पीआईओ पर ही होता है। जिस अधिकारी से
पीआईओ ने सहायता माँगी थी, वह भी इस प्रयोजन के लिए पीआईओ माना जाता है (धारा 5(5))।</p>
<p><strong>अच्छा व्यवहार।</strong> आवेदन की प्राप्ति और उत्तर की तिथि पंजी या ऑनलाइन पोर्टल में दर्ज करें, सूचना
जुटाने के लिए संबंधित शाखा को लिखित में और समय-सीमा के साथ कहें, और अधूरी सूचना देने के बजाय जो उपलब्ध है वह
समय पर देकर शेष के बारे में स्पष्ट लिखें। अधिकांश शास्तियाँ देरी के कारण लगती हैं, गलत निर्णय के कारण नहीं।</p>
""",
                    en="""
<p><strong>First appeal.</strong> An applicant who got no reply in time, or who is dissatisfied with the
PIO's decision, may appeal to the First Appellate Authority within <strong>30 days</strong> of the decision or
of the expiry of the time limit (section 19(1)). The appellate authority may admit a late appeal for
sufficient cause. An appeal is normally decided within 30 days, and at most within 45 days with reasons
recorded.</p>
<p><strong>Second appeal.</strong> Against the first appellate decision, or where none is given, a second
appeal lies to the State Information Commission within <strong>90 days</strong> (section 19(3)). The
Commission may call for documents, take evidence and direct the public authority to improve, for example, its
record management.</p>
<p><strong>Penalties.</strong> Under section 20 the Commission may fine a defaulting PIO
<strong>₹250 a day</strong>, up to <strong>₹25,000</strong>. The PIO is heard before a penalty is imposed,
and the burden of proving that they acted reasonably and diligently lies on the PIO. An officer whose help
the PIO sought is treated as a PIO for this purpose (section 5(5)).</p>
<p><strong>Good practice.</strong> Record the dates of receipt and reply in the register or the online
portal, ask the section that holds the information in writing and with a deadline, and rather than give
incomplete information, give what is available on time and say clearly what follows. Most penalties are for
delay, not for wrong decisions.</p>
""",
                ),
                Quiz(
                    "RTI: final assessment",
                    "सूचना का अधिकार: अंतिम मूल्यांकन",
                    instructions_en="Ten questions in two parts. You need 60 % to pass and have three attempts.",
                    instructions_hi="दो भागों में दस प्रश्न। उत्तीर्ण होने के लिए 60 % अंक चाहिए; तीन प्रयास मिलेंगे।",
                    pass_percent=60,
                    time_limit_minutes=20,
                    max_attempts=3,
                    sections=(
                        QuizSection(
                            "Applications and time limits",
                            "आवेदन और समय-सीमा",
                            (
                                single(
                                    "Within how many days must a PIO normally reply to an RTI application?",
                                    "सामान्यतः लोक सूचना अधिकारी को आरटीआई आवेदन का उत्तर कितने दिन में देना होता है?",
                                    [
                                        ("15 days", "15 दिन"),
                                        ("30 days", "30 दिन"),
                                        ("45 days", "45 दिन"),
                                        ("90 days", "90 दिन"),
                                    ],
                                    1,
                                    "Section 7(1): 30 days from receipt; 48 hours where life or liberty is involved.",
                                    "धारा 7(1): प्राप्ति से 30 दिन; जीवन या स्वतंत्रता के मामले में 48 घंटे।",
                                ),
                                true_false(
                                    "An applicant must state why they want the information.",
                                    "आवेदक को बताना होगा कि उसे सूचना क्यों चाहिए।",
                                    False,
                                    "Section 6(2): no reason need be given, only contact details.",
                                    "धारा 6(2): कोई कारण बताना आवश्यक नहीं, केवल संपर्क का विवरण।",
                                ),
                                fill_blank(
                                    "An application that concerns another public authority must be transferred "
                                    "within ___ days.",
                                    "किसी अन्य लोक प्राधिकरण से संबंधित आवेदन ___ दिन के भीतर अंतरित करना होता है।",
                                    ["5", "five", "पाँच", "पांच"],
                                    "Section 6(3): within five days, telling the applicant.",
                                    "धारा 6(3): पाँच दिन के भीतर, आवेदक को सूचित करते हुए।",
                                ),
                                multiple(
                                    "Which of these are true of RTI fees in Madhya Pradesh? Choose all that apply.",
                                    "मध्यप्रदेश में आरटीआई शुल्क के बारे में इनमें से कौन-से कथन सही हैं? सभी सही विकल्प चुनें।",
                                    [
                                        ("The application fee is ₹10.", "आवेदन शुल्क ₹10 है।"),
                                        (
                                            "Applicants below the poverty line pay no fee.",
                                            "गरीबी रेखा से नीचे के आवेदक कोई शुल्क नहीं देते।",
                                        ),
                                        (
                                            "Information given after the time limit is free.",
                                            "समय-सीमा के बाद दी गई सूचना नि:शुल्क होती है।",
                                        ),
                                        (
                                            "The fee is refunded if the application is rejected.",
                                            "आवेदन अस्वीकार होने पर शुल्क लौटाया जाता है।",
                                        ),
                                    ],
                                    [0, 1, 2],
                                    "Sections 7(5) and 7(6). There is no refund on rejection.",
                                    "धारा 7(5) और 7(6)। अस्वीकृति पर शुल्क वापसी का प्रावधान नहीं है।",
                                ),
                                single(
                                    "Information concerns the life or liberty of a person. The reply is due within:",
                                    "सूचना किसी व्यक्ति के जीवन या स्वतंत्रता से संबंधित है। उत्तर की समय-सीमा है:",
                                    [("24 hours", "24 घंटे"), ("48 hours", "48 घंटे"), ("7 days", "7 दिन")],
                                    1,
                                    "The proviso to section 7(1).",
                                    "धारा 7(1) का परंतुक।",
                                ),
                            ),
                        ),
                        QuizSection(
                            "Appeals, exemptions and penalties",
                            "अपील, छूट और शास्ति",
                            (
                                match(
                                    "Match each step with its time limit.",
                                    "प्रत्येक चरण को उसकी समय-सीमा से मिलाइए।",
                                    [
                                        (("First appeal", "प्रथम अपील"), ("30 days", "30 दिन")),
                                        (("Second appeal", "द्वितीय अपील"), ("90 days", "90 दिन")),
                                        (("Third-party information", "तृतीय पक्ष की सूचना"), ("40 days", "40 दिन")),
                                        (("Transfer of an application", "आवेदन का अंतरण"), ("5 days", "5 दिन")),
                                    ],
                                    "Sections 19(1), 19(3), 11 and 6(3).",
                                    "धारा 19(1), 19(3), 11 और 6(3)।",
                                ),
                                single(
                                    "To whom does the second appeal lie?",
                                    "द्वितीय अपील किसे की जाती है?",
                                    [
                                        ("The Collector", "कलेक्टर"),
                                        ("The State Information Commission", "राज्य सूचना आयोग"),
                                        ("The High Court", "उच्च न्यायालय"),
                                    ],
                                    1,
                                    "Section 19(3).",
                                    "धारा 19(3)।",
                                ),
                                true_false(
                                    "If part of a record is exempt, the whole record may be withheld.",
                                    "यदि अभिलेख का कुछ भाग छूट में आता है, तो पूरा अभिलेख रोका जा सकता है।",
                                    False,
                                    "Section 10: sever the exempt part and give the rest.",
                                    "धारा 10: छूट वाला भाग अलग करके शेष सूचना दें।",
                                ),
                                fill_blank(
                                    "The maximum penalty on a PIO under section 20 is ₹___.",
                                    "धारा 20 के अंतर्गत पीआईओ पर अधिकतम शास्ति ₹___ है।",
                                    ["25,000", "25000", "25 000"],
                                    "₹250 a day, up to ₹25,000.",
                                    "₹250 प्रतिदिन, अधिकतम ₹25,000।",
                                ),
                                true_false(
                                    "Information that cannot be denied to the State Legislature cannot be denied "
                                    "to a citizen.",
                                    "जो सूचना विधानसभा को देने से इनकार नहीं किया जा सकता, वह नागरिक को भी देने से इनकार नहीं "
                                    "किया जा सकता।",
                                    True,
                                    "The proviso to section 8(1).",
                                    "धारा 8(1) का परंतुक।",
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
)


POSH = CourseSpec(
    code="MP-ATI-POSH",
    provider="MP-ATI",
    title_en="POSH Act: preventing sexual harassment at the workplace",
    title_hi="कार्यस्थल पर महिलाओं का लैंगिक उत्पीड़न (निवारण, प्रतिषेध और प्रतितोष) अधिनियम, 2013",
    summary_en=(
        "A mandatory course for every employee: what sexual harassment at the workplace is, the duties of every "
        "office, how the Internal Committee and the Local Committee work, and what to do when a colleague "
        "complains."
    ),
    summary_hi=(
        "प्रत्येक कर्मचारी के लिए अनिवार्य पाठ्यक्रम: कार्यस्थल पर लैंगिक उत्पीड़न क्या है, हर कार्यालय के दायित्व, "
        "आंतरिक समिति और स्थानीय समिति कैसे काम करती हैं, और कोई सहकर्मी शिकायत करे तो क्या करें।"
    ),
    duration_minutes=60,
    competencies={"BEH-GENDER": 2, "BEH-INTEGRITY": 2, "BEH-EMPATHY": 1},
    tags="POSH, mandatory, Internal Committee, अनिवार्य, आंतरिक समिति, लैंगिक उत्पीड़न",
    modules=(
        ModuleSpec(
            "What the law says",
            "कानून क्या कहता है",
            (
                Lesson(
                    "Sexual harassment and the employer's duties",
                    "लैंगिक उत्पीड़न और नियोक्ता के दायित्व",
                    hi="""
<p>सर्वोच्च न्यायालय ने 1997 में <em>विशाखा बनाम राजस्थान राज्य</em> प्रकरण में कार्यस्थल पर लैंगिक उत्पीड़न रोकने
के लिए दिशानिर्देश दिए थे। इन्हीं के आधार पर संसद ने <strong>कार्यस्थल पर महिलाओं का लैंगिक उत्पीड़न (निवारण,
प्रतिषेध और प्रतितोष) अधिनियम, 2013</strong> बनाया। यह अधिनियम हर कार्यस्थल पर लागू है — शासकीय कार्यालय,
अस्पताल, विद्यालय, और कार्य के दौरान जाने वाला कोई भी स्थान, जिसमें यात्रा और नियोक्ता द्वारा दिया गया वाहन भी
शामिल है।</p>
<p>लैंगिक उत्पीड़न में कोई भी अवांछित व्यवहार आता है: शारीरिक संपर्क या उसकी कोशिश, यौन संबंध की माँग या अनुरोध,
यौन रंग वाली टिप्पणियाँ, अश्लील सामग्री दिखाना, और यौन प्रकृति का कोई भी अन्य शारीरिक, मौखिक या अमौखिक आचरण।
नौकरी में लाभ का वादा, नुकसान की धमकी या डराने वाला कार्य-वातावरण बनाना भी उत्पीड़न है। <strong>निर्णायक बात
व्यवहार का अवांछित होना है</strong>, करने वाले की मंशा नहीं।</p>
<p>नियोक्ता — शासकीय कार्यालय में कार्यालय प्रमुख — के दायित्व हैं: दस या अधिक कर्मचारियों वाले हर कार्यालय में
आंतरिक समिति गठित करना, उसके सदस्यों के नाम सूचना पटल पर लगाना, कर्मचारियों को नियमित रूप से जागरूक करना,
समिति को सुविधाएँ देना और उसकी अनुशंसाओं पर समय में कार्रवाई करना। आंतरिक समिति गठित न करने पर ₹50,000 तक
का जुर्माना हो सकता है।</p>
<p>शासकीय सेवकों के लिए यह आचरण नियमों का भी विषय है: मध्यप्रदेश सिविल सेवा (आचरण) नियम कार्यस्थल पर किसी
महिला के लैंगिक उत्पीड़न को स्पष्ट रूप से प्रतिबंधित करते हैं, इसलिए दोषी पाए जाने पर अनुशासनात्मक कार्रवाई
होती है।</p>
""",
                    en="""
<p>In 1997, in <em>Vishaka v. State of Rajasthan</em>, the Supreme Court laid down guidelines to prevent sexual
harassment at the workplace. Building on them, Parliament passed the <strong>Sexual Harassment of Women at
Workplace (Prevention, Prohibition and Redressal) Act, 2013</strong>. It applies to every workplace —
government offices, hospitals, schools, and any place visited in the course of work, including travel and
transport provided by the employer.</p>
<p>Sexual harassment covers any unwelcome conduct: physical contact or advances, a demand or request for
sexual favours, sexually coloured remarks, showing pornography, and any other unwelcome physical, verbal or
non-verbal conduct of a sexual nature. Implied promises of preferential treatment, threats about one's job or
creating an intimidating or hostile work environment are harassment too. <strong>What decides it is that the
conduct is unwelcome</strong>, not what the other person intended.</p>
<p>The employer — in a government office, the head of office — must constitute an Internal Committee in every
office with ten or more employees, display the members' names, sensitise employees regularly, give the
committee what it needs and act on its recommendations in time. Not constituting an Internal Committee can
draw a fine of up to ₹50,000.</p>
<p>For government servants this is also a matter of conduct rules: the Madhya Pradesh Civil Services (Conduct)
Rules expressly prohibit the sexual harassment of any woman at the workplace, so misconduct that is proved
leads to disciplinary action.</p>
""",
                ),
                Reading(
                    "The POSH Act at a glance",
                    "पॉश अधिनियम एक नज़र में",
                    "posh-at-a-glance.pdf",
                    (
                        PdfSection(
                            "Committees",
                            "समितियाँ",
                            hi=(
                                "आंतरिक समिति (आईसी): दस या अधिक कर्मचारियों वाले हर कार्यालय में। पीठासीन अधिकारी एक "
                                "वरिष्ठ महिला कर्मचारी; कम से कम दो कर्मचारी सदस्य; महिलाओं के हित में काम करने वाली किसी "
                                "संस्था से एक बाहरी सदस्य। कम से कम आधे सदस्य महिलाएँ। कार्यकाल अधिकतम तीन वर्ष।",
                                "स्थानीय समिति (एलसी): हर ज़िले में ज़िला अधिकारी द्वारा गठित; दस से कम कर्मचारियों वाले "
                                "कार्यस्थलों की शिकायतें और नियोक्ता के विरुद्ध शिकायतें सुनती है।",
                            ),
                            en=(
                                "Internal Committee (IC): in every office with ten or more employees. Presiding "
                                "officer a senior woman employee; at least two employee members; one external "
                                "member from an organisation committed to the cause of women. At least half the "
                                "members women. Term up to three years.",
                                "Local Committee (LC): constituted in every district by the District Officer; hears "
                                "complaints from workplaces with fewer than ten employees and complaints against the "
                                "employer.",
                            ),
                        ),
                        PdfSection(
                            "Time limits",
                            "समय-सीमा",
                            hi=("शिकायत से कार्रवाई तक की समय-सीमाएँ:",),
                            en=("From complaint to action:",),
                            table=(
                                ("Step / चरण", "Time limit / समय-सीमा"),
                                ("Complaint / शिकायत", "3 months of the incident (+3 months) / घटना से 3 माह (+3 माह)"),
                                ("Inquiry / जाँच", "90 days / 90 दिन"),
                                ("Report to employer / नियोक्ता को प्रतिवेदन", "10 days / 10 दिन"),
                                ("Action by employer / नियोक्ता द्वारा कार्रवाई", "60 days / 60 दिन"),
                            ),
                        ),
                        PdfSection(
                            "If a colleague confides in you",
                            "यदि कोई सहकर्मी आपको बताए",
                            hi=(
                                "• ध्यान से और बिना निर्णय सुनाए सुनें; उस पर विश्वास करें।",
                                "• आंतरिक समिति के सदस्यों के नाम और शिकायत का तरीका बताएँ।",
                                "• बात गोपनीय रखें; नाम या घटना किसी से साझा न करें।",
                                "• गवाह बनने के लिए कहा जाए तो सच बताएँ।",
                            ),
                            en=(
                                "• Listen carefully and without judging; believe her.",
                                "• Tell her who the Internal Committee members are and how to complain.",
                                "• Keep it confidential; do not share her name or the incident.",
                                "• If asked to be a witness, tell the truth.",
                            ),
                        ),
                    ),
                ),
            ),
        ),
        ModuleSpec(
            "Complaints and the Internal Committee",
            "शिकायत और आंतरिक समिति",
            (
                Lesson(
                    "From complaint to action",
                    "शिकायत से कार्रवाई तक",
                    hi="""
<p>पीड़ित महिला घटना के <strong>तीन माह</strong> के भीतर आंतरिक समिति को लिखित शिकायत दे सकती है; घटनाओं की
श्रृंखला हो तो अंतिम घटना से तीन माह। उचित कारण होने पर समिति यह अवधि तीन माह और बढ़ा सकती है। महिला लिख
न सके तो समिति का कोई सदस्य लिखित शिकायत तैयार करने में सहायता करता है।</p>
<p>जाँच से पहले, महिला के अनुरोध पर, समिति <strong>सुलह</strong> कराने का प्रयास कर सकती है — पर सुलह का आधार
कोई आर्थिक समझौता नहीं हो सकता। अन्यथा समिति प्राकृतिक न्याय के सिद्धांतों के अनुसार दोनों पक्षों को सुनकर
<strong>90 दिन</strong> में जाँच पूरी करती है और <strong>10 दिन</strong> में अपना प्रतिवेदन नियोक्ता को देती है।
नियोक्ता <strong>60 दिन</strong> के भीतर अनुशंसा पर कार्रवाई करता है।</p>
<p>जाँच के दौरान महिला के लिखित अनुरोध पर समिति अंतरिम राहत की अनुशंसा कर सकती है, जैसे महिला या आरोपी का
स्थानांतरण या महिला को तीन माह तक का अवकाश। शिकायत, पक्षकारों और गवाहों की पहचान तथा जाँच की कार्यवाही
<strong>गोपनीय</strong> रहती है और इन्हें प्रकाशित करना दंडनीय है।</p>
<p>केवल आरोप सिद्ध न हो पाने से शिकायत झूठी नहीं मानी जाती। जानबूझकर झूठी या दुर्भावनापूर्ण शिकायत पर ही
शिकायतकर्ता के विरुद्ध कार्रवाई की अनुशंसा हो सकती है, और वह भी जाँच के बाद। भारत सरकार का SHe-Box पोर्टल
भी शिकायत दर्ज करने का एक माध्यम है।</p>
""",
                    en="""
<p>The aggrieved woman may make a written complaint to the Internal Committee within <strong>three
months</strong> of the incident, or of the last incident in a series. The committee may extend this by another
three months for good reason. If she cannot write, a member of the committee helps her put the complaint in
writing.</p>
<p>Before the inquiry, and only at her request, the committee may try <strong>conciliation</strong> — but no
monetary settlement can be its basis. Otherwise the committee hears both sides following the principles of
natural justice, completes the inquiry within <strong>90 days</strong> and gives its report to the employer
within <strong>10 days</strong>. The employer acts on the recommendation within <strong>60 days</strong>.</p>
<p>During the inquiry, on her written request, the committee may recommend interim relief, such as transferring
her or the respondent, or leave of up to three months for her. The complaint, the identities of the parties
and witnesses and the proceedings are <strong>confidential</strong>, and publishing them is punishable.</p>
<p>A complaint is not false merely because it could not be proved. Action against a complainant can be
recommended only for a complaint that was knowingly false or malicious, and only after an inquiry. The
Government of India's SHe-Box portal is another way to register a complaint.</p>
""",
                ),
                Link("SHe-Box: online complaint portal", "SHe-Box: ऑनलाइन शिकायत पोर्टल", "https://shebox.wcd.gov.in/"),
            ),
        ),
        ModuleSpec(
            "Final assessment",
            "अंतिम मूल्यांकन",
            (
                Quiz(
                    "POSH Act: final assessment",
                    "पॉश अधिनियम: अंतिम मूल्यांकन",
                    instructions_en="Eight questions. Pass mark 70 %. This course is mandatory for every employee.",
                    instructions_hi="आठ प्रश्न। उत्तीर्णांक 70 %। यह पाठ्यक्रम प्रत्येक कर्मचारी के लिए अनिवार्य है।",
                    pass_percent=70,
                    time_limit_minutes=15,
                    max_attempts=5,
                    sections=(
                        QuizSection(
                            "The law and the committees",
                            "कानून और समितियाँ",
                            (
                                true_false(
                                    "Whether conduct is harassment depends on whether it was unwelcome, not on "
                                    "the intention behind it.",
                                    "कोई व्यवहार उत्पीड़न है या नहीं, यह उसके अवांछित होने पर निर्भर है, उसके पीछे की मंशा पर नहीं।",
                                    True,
                                    "The definition in section 2(n) turns on unwelcome conduct.",
                                    "धारा 2(n) की परिभाषा अवांछित व्यवहार पर आधारित है।",
                                ),
                                single(
                                    "Which offices must constitute an Internal Committee?",
                                    "किन कार्यालयों में आंतरिक समिति गठित करना अनिवार्य है?",
                                    [
                                        ("Only offices with women employees", "केवल महिला कर्मचारियों वाले कार्यालय"),
                                        (
                                            "Every office with ten or more employees",
                                            "दस या अधिक कर्मचारियों वाला हर कार्यालय",
                                        ),
                                        ("Only head offices of departments", "केवल विभागों के मुख्यालय"),
                                    ],
                                    1,
                                    "Section 4. Smaller workplaces are covered by the district's Local Committee.",
                                    "धारा 4। छोटे कार्यस्थलों के लिए ज़िले की स्थानीय समिति है।",
                                ),
                                multiple(
                                    "Who must be on an Internal Committee? Choose all that apply.",
                                    "आंतरिक समिति में किनका होना आवश्यक है? सभी सही विकल्प चुनें।",
                                    [
                                        (
                                            "A senior woman employee as presiding officer",
                                            "पीठासीन अधिकारी के रूप में एक वरिष्ठ महिला कर्मचारी",
                                        ),
                                        (
                                            "An external member from an organisation committed to the cause of women",
                                            "महिलाओं के हित में काम करने वाली संस्था से एक बाहरी सदस्य",
                                        ),
                                        ("The head of office", "कार्यालय प्रमुख"),
                                        ("A police officer", "एक पुलिस अधिकारी"),
                                    ],
                                    [0, 1],
                                    "Section 4(2). At least half the members must be women.",
                                    "धारा 4(2)। कम से कम आधे सदस्य महिलाएँ होनी चाहिए।",
                                ),
                                match(
                                    "Match each step with its time limit.",
                                    "प्रत्येक चरण को उसकी समय-सीमा से मिलाइए।",
                                    [
                                        (("Filing a complaint", "शिकायत करना"), ("3 months", "3 माह")),
                                        (("Completing the inquiry", "जाँच पूरी करना"), ("90 days", "90 दिन")),
                                        (
                                            ("Employer acting on the report", "प्रतिवेदन पर नियोक्ता की कार्रवाई"),
                                            ("60 days", "60 दिन"),
                                        ),
                                    ],
                                ),
                            ),
                        ),
                        QuizSection(
                            "Doing the right thing",
                            "सही आचरण",
                            (
                                true_false(
                                    "Conciliation may be settled by paying the complainant money.",
                                    "सुलह शिकायतकर्ता को धनराशि देकर की जा सकती है।",
                                    False,
                                    "Section 10: no monetary settlement can be the basis of conciliation.",
                                    "धारा 10: आर्थिक समझौता सुलह का आधार नहीं हो सकता।",
                                ),
                                true_false(
                                    "A complaint that could not be proved is a false complaint.",
                                    "जो शिकायत सिद्ध नहीं हो सकी, वह झूठी शिकायत है।",
                                    False,
                                    "Section 14: mere inability to prove a complaint does not make it malicious.",
                                    "धारा 14: केवल सिद्ध न हो पाने से शिकायत दुर्भावनापूर्ण नहीं हो जाती।",
                                ),
                                single(
                                    "A colleague tells you she is being harassed. What do you do first?",
                                    "एक सहकर्मी बताती है कि उसका उत्पीड़न हो रहा है। आप सबसे पहले क्या करेंगे?",
                                    [
                                        ("Advise her to ignore it", "उसे अनदेखा करने की सलाह देंगे"),
                                        (
                                            "Listen, and tell her how to reach the Internal Committee",
                                            "उसकी बात सुनेंगे और आंतरिक समिति तक पहुँचने का तरीका बताएँगे",
                                        ),
                                        (
                                            "Tell the rest of the section so they are careful",
                                            "शाखा के सभी लोगों को बताएँगे ताकि वे सावधान रहें",
                                        ),
                                    ],
                                    1,
                                    "Listen, support and keep it confidential.",
                                    "सुनें, सहयोग करें और बात गोपनीय रखें।",
                                ),
                                fill_blank(
                                    "The Supreme Court's 1997 guidelines on sexual harassment are known as the ___ "
                                    "guidelines.",
                                    "लैंगिक उत्पीड़न पर सर्वोच्च न्यायालय के 1997 के दिशानिर्देश ___ दिशानिर्देश कहलाते हैं।",
                                    ["Vishaka", "Visakha", "विशाखा"],
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
)


LOK_SEWA = CourseSpec(
    code="MP-ATI-LSG",
    provider="MP-ATI",
    title_en="Citizen-centric service delivery: Lok Sewa Guarantee",
    title_hi="नागरिक-केंद्रित सेवा प्रदाय: लोक सेवा गारंटी",
    summary_en=(
        "Madhya Pradesh was the first state to guarantee public services by law. Learn how notified services, "
        "designated officers, time limits, Lok Sewa Kendras, appeals and penalties work, and how to treat every "
        "citizen at the counter."
    ),
    summary_hi=(
        "मध्यप्रदेश लोक सेवाओं की कानूनी गारंटी देने वाला पहला राज्य है। जानिए अधिसूचित सेवाएँ, पदाभिहित अधिकारी, "
        "समय-सीमा, लोक सेवा केंद्र, अपील और शास्ति कैसे काम करते हैं, और काउंटर पर हर नागरिक से कैसा व्यवहार करें।"
    ),
    duration_minutes=45,
    competencies={"FUN-SERVICE": 2, "BEH-CITIZEN": 2, "FUN-GRIEVANCE": 1},
    tags="Lok Sewa Guarantee, public services, CM Helpline, लोक सेवा केंद्र, समय-सीमा",
    modules=(
        ModuleSpec(
            "The guarantee",
            "गारंटी",
            (
                Media(
                    "audio",
                    "Listen: the Public Services Guarantee Act in one minute",
                    "सुनिए: एक मिनट में लोक सेवा गारंटी अधिनियम",
                    "lok-sewa-guarantee.mp3",
                    29,
                ),
                Lesson(
                    "Services within a time limit, by right",
                    "समय-सीमा में सेवा, अधिकार के रूप में",
                    hi="""
<p><strong>मध्यप्रदेश लोक सेवाओं के प्रदान की गारंटी अधिनियम, 2010</strong> के साथ मध्यप्रदेश नागरिकों को
लोक सेवाओं की कानूनी गारंटी देने वाला देश का पहला राज्य बना। अधिनियम के अंतर्गत शासन सेवाओं को अधिसूचित
करता है और हर सेवा के लिए एक <strong>पदाभिहित अधिकारी</strong> और एक <strong>समय-सीमा</strong> तय करता है —
जैसे आय, जाति और मूल निवासी प्रमाण-पत्र, नामांतरण, नक्शे और खसरे की प्रति, नया बिजली कनेक्शन या पेंशन
स्वीकृति।</p>
<p>आवेदन मिलने पर पदाभिहित अधिकारी को पावती देनी होती है और समय-सीमा में सेवा देनी होती है या कारण लिखकर
आवेदन निरस्त करना होता है। विकासखंड स्तर पर <strong>लोक सेवा केंद्र</strong> आवेदन लेते हैं, उन्हें ऑनलाइन
दर्ज करते हैं और तैयार प्रमाण-पत्र नागरिक को सौंपते हैं, ताकि नागरिक को कार्यालयों के चक्कर न लगाने पड़ें।</p>
<p>समय में सेवा न मिलने या आवेदन निरस्त होने पर नागरिक <strong>प्रथम अपील</strong> अधिकारी को और उसके बाद
<strong>द्वितीय अपील</strong> अधिकारी को अपील कर सकता है। बिना पर्याप्त कारण विलंब करने वाले पदाभिहित
अधिकारी पर द्वितीय अपील अधिकारी <strong>₹250 प्रतिदिन, अधिकतम ₹5,000</strong> तक की शास्ति लगा सकता है, जिसमें
से आवेदक को क्षतिपूर्ति दी जा सकती है।</p>
<p>इसके साथ <strong>सीएम हेल्पलाइन 181</strong> पर कोई भी नागरिक शिकायत दर्ज कर सकता है, और ज़िलों में हर
मंगलवार होने वाली <strong>जन सुनवाई</strong> में अधिकारी सीधे नागरिकों की बात सुनते हैं। इन शिकायतों का
समय में और गुण-दोष के आधार पर निराकरण उतना ही महत्वपूर्ण है जितना समय में सेवा देना।</p>
""",
                    en="""
<p>With the <strong>Madhya Pradesh Public Services Guarantee Act, 2010</strong> (Lok Sewaon ke Pradan ki
Guarantee Adhiniyam), Madhya Pradesh became the first state in India to guarantee public services by law.
Government notifies services under the Act and fixes, for each, a <strong>designated officer</strong> and a
<strong>time limit</strong> — income, caste and domicile certificates, mutation, copies of maps and khasra, a
new electricity connection or the sanction of a pension, for example.</p>
<p>On receiving an application the designated officer must give an acknowledgement and deliver the service
within the time limit, or reject the application with reasons in writing. At block level,
<strong>Lok Sewa Kendras</strong> accept applications, enter them online and hand over the finished
certificates, so the citizen does not have to go from office to office.</p>
<p>If the service is not delivered in time, or the application is rejected, the citizen may file a
<strong>first appeal</strong> and then a <strong>second appeal</strong>. The second appellate authority may
impose a penalty of <strong>₹250 a day, up to ₹5,000</strong> on a designated officer who delayed without
sufficient cause, part of which may be paid to the applicant as compensation.</p>
<p>Alongside the Act, any citizen can register a grievance on <strong>CM Helpline 181</strong>, and at the
<strong>Jan Sunwai</strong> held every Tuesday in the districts, officers hear citizens in person. Resolving
these grievances on merit and on time matters as much as delivering services on time.</p>
""",
                ),
            ),
        ),
        ModuleSpec(
            "At the counter",
            "काउंटर पर",
            (
                Lesson(
                    "Serving citizens well",
                    "नागरिकों की अच्छी सेवा",
                    hi="""
<p>नागरिक-केंद्रित सेवा का अर्थ है हर प्रक्रिया को नागरिक की दृष्टि से देखना। जो व्यक्ति आपके काउंटर पर आया है,
वह शायद काम छोड़कर, किराया खर्च करके और कई बार पहले भी आकर आया है। इसलिए:</p>
<ul>
<li>अभिवादन करें, नाम से संबोधित करें और बैठने को कहें। वरिष्ठ नागरिकों, दिव्यांगजनों और गर्भवती महिलाओं को
प्राथमिकता दें।</li>
<li>एक बार में पूरी बात बताएँ: कौन-से दस्तावेज़ लगेंगे, शुल्क कितना है, सेवा कब तक मिलेगी और स्थिति कैसे
देखें। "कल आना" कहकर लौटाना सबसे महँगा उत्तर है।</li>
<li>अधूरे आवेदन पर मौखिक रूप से लौटाने के बजाय लिखकर बताएँ कि क्या कमी है।</li>
<li>सरल भाषा बोलें; नियमों की संख्या के बजाय यह बताएँ कि उनसे नागरिक के लिए क्या होता है।</li>
<li>जो आपके अधिकार में नहीं है, उसके लिए सही अधिकारी और स्थान बताएँ, और संभव हो तो स्वयं फ़ोन करके
जोड़ें।</li>
</ul>
<p>नाराज़ नागरिक से बात करते समय पहले पूरी बात सुनें, बीच में न टोकें और उसकी परेशानी को स्वीकार करें
("मैं समझता/समझती हूँ कि आपको तीन बार आना पड़ा")। फिर बताएँ कि आप अभी क्या करेंगे और कब तक। वादा उतना ही
करें जितना निभा सकें।</p>
""",
                    en="""
<p>Citizen-centric service means seeing every procedure through the citizen's eyes. The person at your counter
has probably taken time off work, spent money on the fare, and may have come before. So:</p>
<ul>
<li>Greet them, use their name and offer a seat. Give priority to senior citizens, persons with disabilities
and pregnant women.</li>
<li>Tell them everything at once: which documents are needed, the fee, when the service will be ready and how
to check its status. "Come tomorrow" is the most expensive answer there is.</li>
<li>If an application is incomplete, say in writing what is missing instead of sending the person away.</li>
<li>Speak plainly; rather than quote rule numbers, explain what the rule means for them.</li>
<li>For what is not in your hands, name the right officer and place, and where you can, call and connect them
yourself.</li>
</ul>
<p>With an angry citizen, first hear them out without interrupting and acknowledge the trouble ("I understand
you have had to come three times"). Then say what you will do now and by when. Promise only what you can
deliver.</p>
""",
                ),
                Link(
                    "CM Helpline: register and track a grievance",
                    "सीएम हेल्पलाइन: शिकायत दर्ज करें और उसकी स्थिति देखें",
                    "https://cmhelpline.mp.gov.in/",
                ),
            ),
        ),
        ModuleSpec(
            "Final assessment",
            "अंतिम मूल्यांकन",
            (
                Quiz(
                    "Lok Sewa Guarantee: final assessment",
                    "लोक सेवा गारंटी: अंतिम मूल्यांकन",
                    pass_percent=60,
                    time_limit_minutes=10,
                    max_attempts=3,
                    sections=(
                        QuizSection(
                            "The Act and the counter",
                            "अधिनियम और काउंटर",
                            (
                                single(
                                    "In which year did Madhya Pradesh pass its Public Services Guarantee Act?",
                                    "मध्यप्रदेश ने लोक सेवा गारंटी अधिनियम किस वर्ष बनाया?",
                                    [("2005", "2005"), ("2010", "2010"), ("2015", "2015")],
                                    1,
                                    "The Madhya Pradesh Public Services Guarantee Act, 2010 was the first such law.",
                                    "मध्यप्रदेश लोक सेवाओं के प्रदान की गारंटी अधिनियम, 2010 ऐसा पहला कानून था।",
                                ),
                                true_false(
                                    "A designated officer may reject an application without giving reasons.",
                                    "पदाभिहित अधिकारी बिना कारण बताए आवेदन निरस्त कर सकता है।",
                                    False,
                                    "A rejection must give reasons in writing, so that the citizen can appeal.",
                                    "निरस्ती का कारण लिखित में देना होता है, ताकि नागरिक अपील कर सके।",
                                ),
                                fill_blank(
                                    "The CM Helpline number in Madhya Pradesh is ___.",
                                    "मध्यप्रदेश में सीएम हेल्पलाइन का नंबर ___ है।",
                                    ["181"],
                                ),
                                multiple(
                                    "Which of these are good practice at the counter? Choose all that apply.",
                                    "काउंटर पर इनमें से कौन-से व्यवहार सही हैं? सभी सही विकल्प चुनें।",
                                    [
                                        (
                                            "Listing every missing document at once, in writing",
                                            "सभी कमी वाले दस्तावेज़ एक बार में, लिखित में बताना",
                                        ),
                                        (
                                            "Asking the citizen to come back tomorrow to find out",
                                            "जानकारी के लिए नागरिक को कल आने को कहना",
                                        ),
                                        (
                                            "Giving priority to senior citizens and persons with disabilities",
                                            "वरिष्ठ नागरिकों और दिव्यांगजनों को प्राथमिकता देना",
                                        ),
                                        (
                                            "Quoting rule numbers instead of explaining",
                                            "समझाने के बजाय नियम की संख्या बताना",
                                        ),
                                    ],
                                    [0, 2],
                                ),
                                match(
                                    "Match each term with what it means.",
                                    "प्रत्येक शब्द को उसके अर्थ से मिलाइए।",
                                    [
                                        (
                                            ("Designated officer", "पदाभिहित अधिकारी"),
                                            ("Must deliver the service in time", "समय में सेवा देने के लिए उत्तरदायी"),
                                        ),
                                        (
                                            ("Lok Sewa Kendra", "लोक सेवा केंद्र"),
                                            ("Accepts applications at block level", "विकासखंड स्तर पर आवेदन लेता है"),
                                        ),
                                        (
                                            ("Second appeal", "द्वितीय अपील"),
                                            ("May lead to a penalty for delay", "विलंब पर शास्ति लग सकती है"),
                                        ),
                                    ],
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
)

COURSES = (RTI, POSH, LOK_SEWA)
