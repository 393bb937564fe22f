"""Demo courses for field offices: land records, disaster management, cyber hygiene and public health."""

from __future__ import annotations

from kshamta.catalog.demo_content.spec import (
    CourseSpec,
    Lesson,
    Link,
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

LAND_RECORDS = CourseSpec(
    code="MP-REV-LANDREC",
    provider="MP-REV-TC",
    title_en="Land records and Bhu-Abhilekh",
    title_hi="भू-अभिलेख एवं नामांतरण",
    summary_en=(
        "The record of rights in Madhya Pradesh — khasra, B-1 and the village map — and how mutation and "
        "demarcation are done under the Land Revenue Code, online through Bhu-Abhilekh and the Revenue Case "
        "Management System. For patwaris, revenue inspectors and tehsil staff."
    ),
    summary_hi=(
        "मध्यप्रदेश में अधिकार अभिलेख — खसरा, बी-1 और ग्राम का नक्शा — तथा भू-राजस्व संहिता के अंतर्गत नामांतरण और "
        "सीमांकन, भू-अभिलेख पोर्टल और राजस्व प्रकरण प्रबंधन प्रणाली के माध्यम से। पटवारियों, राजस्व निरीक्षकों और "
        "तहसील कर्मचारियों के लिए।"
    ),
    duration_minutes=120,
    competencies={"DOM-LANDREC": 2, "DOM-REVENUE": 1, "FUN-EGOV": 1},
    tags="land records, mutation, khasra, patwari, भू-अभिलेख, नामांतरण, खसरा, पटवारी",
    modules=(
        ModuleSpec(
            "The record of rights",
            "अधिकार अभिलेख",
            (
                Lesson(
                    "Khasra, B-1 and the map",
                    "खसरा, बी-1 और नक्शा",
                    hi="""
<p>मध्यप्रदेश भू-राजस्व संहिता, 1959 के अंतर्गत हर ग्राम के भू-अभिलेख पटवारी रखता है। इनके तीन मुख्य भाग हैं:</p>
<ul>
<li><strong>खसरा</strong> — हर खेत (सर्वे नंबर या खसरा नंबर) का अभिलेख: रकबा, भूमि का प्रकार, सिंचाई का साधन,
बोई गई फसल, और भूमिस्वामी का नाम।</li>
<li><strong>बी-1 (किश्तबंदी खतौनी)</strong> — हर भूमिस्वामी के नाम पर उसके सभी खसरा नंबरों और देय भू-राजस्व का
खाता।</li>
<li><strong>नक्शा</strong> — ग्राम का मानचित्र, जिसमें हर खसरा नंबर की सीमा दिखती है।</li>
</ul>
<p>आज ये अभिलेख कम्प्यूटरीकृत हैं और <strong>भू-अभिलेख पोर्टल</strong> पर कोई भी व्यक्ति अपने खसरे, बी-1 और नक्शे
की प्रति देख और डिजिटल हस्ताक्षरित प्रति प्राप्त कर सकता है। इसलिए अभिलेख में हर परिवर्तन — नामांतरण, बटवारा,
व्यपवर्तन — समय पर और सही दर्ज होना आवश्यक है, क्योंकि बैंक ऋण, फसल बीमा, किसान सम्मान निधि और उपार्जन सब इन्हीं
पर निर्भर हैं।</p>
<p>पटवारी हर वर्ष <strong>गिरदावरी</strong> (फसल का निरीक्षण) करता है, जिसमें खेत पर जाकर बोई गई फसल दर्ज की जाती
है। गिरदावरी की शुद्धता से ही फसल हानि का आकलन और राहत का भुगतान सही होता है।</p>
""",
                    en="""
<p>Under the Madhya Pradesh Land Revenue Code, 1959, the patwari keeps the land records of each village. They have
three main parts:</p>
<ul>
<li><strong>Khasra</strong> — the record of each field (survey or khasra number): area, land class, source of
irrigation, crop sown and the name of the bhumiswami (landholder).</li>
<li><strong>B-1 (kishtbandi khatauni)</strong> — an account for each landholder listing all their khasra numbers
and the land revenue due.</li>
<li><strong>Naksha</strong> — the village map, showing the boundary of every khasra number.</li>
</ul>
<p>Today these records are computerised, and on the <strong>Bhu-Abhilekh portal</strong> anyone can see the khasra,
B-1 and map and obtain a digitally signed copy. So every change to the record — mutation, partition, diversion —
must be entered on time and correctly, because bank loans, crop insurance, PM-Kisan and crop procurement all depend
on it.</p>
<p>Every season the patwari carries out the <strong>girdawari</strong> (crop inspection), visiting the fields to
record the crop sown. Crop-loss assessment and relief payments are only as good as the girdawari.</p>
""",
                ),
                Link("MP Bhu-Abhilekh portal", "मध्यप्रदेश भू-अभिलेख पोर्टल", "https://mpbhulekh.gov.in/"),
            ),
        ),
        ModuleSpec(
            "Mutation and demarcation",
            "नामांतरण और सीमांकन",
            (
                Lesson(
                    "Mutation (namantaran) and demarcation (seemankan)",
                    "नामांतरण और सीमांकन",
                    hi="""
<p><strong>नामांतरण</strong> भूमि के स्वामित्व में परिवर्तन — विक्रय, उत्तराधिकार, दान, बटवारा या न्यायालय के आदेश —
को अभिलेख में दर्ज करने की प्रक्रिया है। पंजीकृत विक्रय-पत्र की जानकारी पंजीयन विभाग से सीधे तहसील को पहुँचती है, और
नागरिक स्वयं भी ऑनलाइन आवेदन कर सकता है। तहसीलदार प्रकरण दर्ज कर <strong>इश्तहार</strong> जारी करता है, ताकि
किसी को आपत्ति हो तो वह सुनी जा सके; आपत्ति न होने पर नामांतरण आदेश पारित होता है और पटवारी अभिलेख अद्यतन करता है।</p>
<p>नामांतरण लोक सेवा गारंटी अधिनियम के अंतर्गत अधिसूचित सेवा है, अतः निर्विवाद प्रकरण का निराकरण निर्धारित
समय-सीमा में करना होता है। सभी राजस्व प्रकरण <strong>राजस्व प्रकरण प्रबंधन प्रणाली (आरसीएमएस)</strong> पर दर्ज होते
हैं, जहाँ पक्षकार अपने प्रकरण की स्थिति और पेशी की तिथि देख सकते हैं।</p>
<p><strong>सीमांकन</strong> में भूमि की सीमाएँ नक्शे के अनुसार मौके पर चिह्नित की जाती हैं। आवेदन पर राजस्व निरीक्षक
पड़ोसी भूमिस्वामियों को सूचना देकर मौके पर माप करता है, पंचनामा बनाता है और सीमा-चिह्न लगवाता है। सीमांकन में
आधुनिक उपकरणों (जैसे ईटीएस मशीन) का उपयोग विवाद कम करता है।</p>
<p>अच्छे अभ्यास: हर आदेश के बाद उसी दिन अभिलेख अद्यतन करें, आदेश की प्रति पक्षकारों को दें, और इश्तहार की अवधि
पूरी होने से पहले आदेश पारित न करें।</p>
""",
                    en="""
<p><strong>Mutation</strong> (namantaran) records a change in ownership of land — by sale, inheritance, gift,
partition or court order. Details of a registered sale deed reach the tehsil directly from the registration
department, and citizens can also apply online. The tehsildar registers a case and issues an
<strong>ishtehar</strong> (public notice) so that any objection can be heard; if there is none, the mutation order
is passed and the patwari updates the record.</p>
<p>Mutation is a notified service under the Public Services Guarantee Act, so an undisputed case must be decided
within the notified time limit. All revenue cases are registered on the <strong>Revenue Case Management System
(RCMS)</strong>, where the parties can see the status of their case and the date of hearing.</p>
<p><strong>Demarcation</strong> (seemankan) marks the boundaries of land on the ground according to the map. On an
application, the revenue inspector notifies the neighbouring landholders, measures on the spot, prepares a
panchnama and has boundary marks put up. Modern instruments such as an electronic total station reduce disputes.</p>
<p>Good practice: update the record the same day an order is passed, give the parties a copy of the order, and
never pass an order before the notice period has run.</p>
""",
                ),
                Reading(
                    "Mutation case checklist",
                    "नामांतरण प्रकरण की जाँच-सूची",
                    "mutation-checklist.pdf",
                    (
                        PdfSection(
                            "Before the order",
                            "आदेश से पहले",
                            hi=(
                                "• आवेदन या पंजीयन विभाग से प्राप्त सूचना आरसीएमएस में दर्ज।",
                                "• विक्रय-पत्र, उत्तराधिकार प्रमाण या न्यायालय आदेश की प्रति नस्ती में।",
                                "• इश्तहार जारी और उसकी अवधि पूर्ण; आपत्तियाँ सुनी गईं।",
                                "• हितबद्ध पक्षकारों को सूचना दी गई।",
                            ),
                            en=(
                                "• Application or registration department intimation entered in RCMS.",
                                "• Copy of the sale deed, proof of succession or court order on file.",
                                "• Ishtehar issued and its period over; objections heard.",
                                "• Interested parties notified.",
                            ),
                        ),
                        PdfSection(
                            "After the order",
                            "आदेश के बाद",
                            hi=(
                                "• खसरा और बी-1 उसी दिन अद्यतन।",
                                "• आदेश की प्रति पक्षकारों को।",
                                "• आरसीएमएस में प्रकरण निराकृत दर्ज।",
                            ),
                            en=(
                                "• Khasra and B-1 updated the same day.",
                                "• Copy of the order to the parties.",
                                "• Case marked disposed of in RCMS.",
                            ),
                            table=(
                                ("Record / अभिलेख", "What it holds / क्या दर्ज होता है"),
                                (
                                    "Khasra / खसरा",
                                    "Each field: area, class, crop, holder / प्रत्येक खेत: रकबा, प्रकार, फसल, धारक",
                                ),
                                ("B-1 / बी-1", "Each holder's fields and revenue / प्रत्येक धारक के खेत और लगान"),
                                ("Naksha / नक्शा", "Field boundaries / खेतों की सीमाएँ"),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
)


DISASTER = CourseSpec(
    code="MP-REV-DISASTER",
    provider="MP-REV-TC",
    title_en="Disaster management basics",
    title_hi="आपदा प्रबंधन की मूल बातें",
    summary_en=(
        "Who does what under the Disaster Management Act, 2005, the hazards Madhya Pradesh faces — floods, drought, "
        "heat waves, lightning — and what a district office does before, during and after a disaster, including "
        "relief."
    ),
    summary_hi=(
        "आपदा प्रबंधन अधिनियम, 2005 के अंतर्गत किसकी क्या भूमिका है, मध्यप्रदेश के प्रमुख जोखिम — बाढ़, सूखा, लू, आकाशीय "
        "बिजली — और आपदा से पहले, उसके दौरान और बाद में ज़िला कार्यालय क्या करता है, राहत सहित।"
    ),
    duration_minutes=90,
    competencies={"DOM-DISASTER": 2, "BEH-DECISION": 1, "BEH-TEAMWORK": 1},
    tags="disaster management, flood, heat wave, lightning, relief, आपदा प्रबंधन, बाढ़, राहत",
    modules=(
        ModuleSpec(
            "Who does what",
            "किसकी क्या भूमिका",
            (
                Lesson(
                    "The Disaster Management Act and the district",
                    "आपदा प्रबंधन अधिनियम और ज़िला",
                    hi="""
<p><strong>आपदा प्रबंधन अधिनियम, 2005</strong> ने आपदाओं से निपटने का ढाँचा राहत-केंद्रित से बदलकर तैयारी और
जोखिम-न्यूनीकरण पर केंद्रित किया। इसके अंतर्गत तीन स्तर पर प्राधिकरण हैं: <strong>राष्ट्रीय आपदा प्रबंधन
प्राधिकरण</strong> (अध्यक्ष: प्रधानमंत्री), <strong>राज्य आपदा प्रबंधन प्राधिकरण</strong> (अध्यक्ष: मुख्यमंत्री) और
<strong>ज़िला आपदा प्रबंधन प्राधिकरण</strong> (अध्यक्ष: कलेक्टर; सह-अध्यक्ष: ज़िला पंचायत के निर्वाचित अध्यक्ष)।</p>
<p>ज़िला प्राधिकरण ज़िला आपदा प्रबंधन योजना बनाता और हर वर्ष अद्यतन करता है, जिसमें जोखिम वाले क्षेत्र, संसाधनों की
सूची (नावें, गोताखोर, जेसीबी, आश्रय स्थल), संपर्क सूची और हर विभाग की ज़िम्मेदारी दर्ज होती है। आपदा के समय
<strong>ज़िला आपातकालीन संचालन केंद्र</strong> चौबीसों घंटे काम करता है।</p>
<p>बचाव के लिए <strong>राष्ट्रीय आपदा मोचन बल (एनडीआरएफ़)</strong> और राज्य का <strong>एसडीआरएफ़</strong> उपलब्ध हैं।
राहत के लिए राज्य आपदा मोचन निधि से व्यय होता है, और मध्यप्रदेश में राहत के मानदंड <strong>राजस्व पुस्तक परिपत्र
(आरबीसी) 6-4</strong> में दिए गए हैं — जैसे मृत्यु, मकान क्षति, पशु हानि और फसल हानि पर सहायता।</p>
<p>मध्यप्रदेश के प्रमुख जोखिम हैं: नर्मदा, चंबल और अन्य नदियों में बाढ़, सूखा, ग्रीष्म ऋतु में लू, और आकाशीय बिजली,
जिससे राज्य में हर वर्ष अनेक मृत्यु होती हैं।</p>
""",
                    en="""
<p>The <strong>Disaster Management Act, 2005</strong> moved India's approach from relief to preparedness and risk
reduction. It sets up authorities at three levels: the <strong>National Disaster Management Authority</strong>
(chaired by the Prime Minister), the <strong>State Disaster Management Authority</strong> (chaired by the Chief
Minister) and the <strong>District Disaster Management Authority</strong> (chaired by the Collector, with the
elected chairperson of the zila panchayat as co-chairperson).</p>
<p>The district authority prepares, and updates every year, the district disaster management plan: vulnerable
areas, an inventory of resources (boats, divers, earth-movers, shelters), contact lists and each department's
responsibilities. During a disaster the <strong>district emergency operations centre</strong> works round the
clock.</p>
<p>For rescue there are the <strong>National Disaster Response Force (NDRF)</strong> and the state's
<strong>SDRF</strong>. Relief is paid from the State Disaster Response Fund, and in Madhya Pradesh the relief norms
are in <strong>Revenue Book Circular (RBC) 6-4</strong> — assistance for loss of life, damage to houses, loss of
cattle and crop loss, for example.</p>
<p>Madhya Pradesh's main hazards are floods in the Narmada, Chambal and other rivers, drought, heat waves in
summer, and lightning, which kills many people in the state every year.</p>
""",
                ),
                Link("National Disaster Management Authority", "राष्ट्रीय आपदा प्रबंधन प्राधिकरण", "https://ndma.gov.in/"),
            ),
        ),
        ModuleSpec(
            "Before, during and after",
            "पहले, दौरान और बाद में",
            (
                Lesson(
                    "What the office does",
                    "कार्यालय क्या करता है",
                    hi="""
<p><strong>पहले (तैयारी)</strong>: मानसून से पहले नदी किनारे के गाँवों की सूची, नावों और गोताखोरों की जाँच, आश्रय
स्थलों (विद्यालय, सामुदायिक भवन) की पहचान, और मॉक ड्रिल। लू के मौसम में पेयजल, ओआरएस और कार्य-समय में बदलाव।
चेतावनी लोगों तक पहुँचाने के लिए मोबाइल संदेश, मुनादी और ग्राम स्तर के स्वयंसेवक।</p>
<p><strong>दौरान (प्रतिक्रिया)</strong>: आपातकालीन संचालन केंद्र सक्रिय करें, सबसे पहले जीवन बचाएँ — निचले इलाकों
से लोगों को समय रहते निकालें। हर चार से छह घंटे में स्थिति प्रतिवेदन भेजें: प्रभावित गाँव, निकाले गए लोग, राहत
शिविर, हानि। अफ़वाहों का खंडन आधिकारिक सूचना से करें।</p>
<p><strong>बाद में (पुनर्प्राप्ति)</strong>: हानि का सर्वे (मकान, फसल, पशु) संयुक्त दल से, फ़ोटो और जियो-टैग सहित;
आरबीसी 6-4 के अनुसार राहत राशि सीधे हितग्राही के बैंक खाते में; और अनुभव से ज़िला योजना का अद्यतन।</p>
<p><strong>आकाशीय बिजली</strong> से बचाव का संदेश सरल है: गरज सुनाई दे तो पक्के भवन में जाएँ; खुले खेत में हों तो
पेड़ के नीचे न रुकें, पैरों को साथ रखकर उकड़ूँ बैठें; बिजली के खंभों और पानी से दूर रहें।</p>
""",
                    en="""
<p><strong>Before (preparedness)</strong>: before the monsoon, list the riverside villages, check boats and divers,
identify shelters (schools, community halls) and hold mock drills. In the heat-wave season, arrange drinking water
and ORS and change working hours. To get warnings to people: mobile messages, public announcements and village
volunteers.</p>
<p><strong>During (response)</strong>: activate the emergency operations centre and save lives first — move people
out of low-lying areas in time. Send a situation report every four to six hours: villages affected, people
evacuated, relief camps, damage. Counter rumours with official information.</p>
<p><strong>After (recovery)</strong>: survey the damage (houses, crops, cattle) with a joint team, with photographs
and geo-tags; pay relief under RBC 6-4 directly into the beneficiary's bank account; and update the district plan
with what was learnt.</p>
<p>The message for <strong>lightning</strong> is simple: when you hear thunder, go into a solid building; if you
are in an open field, do not shelter under a tree — crouch with your feet together; keep away from electric poles
and water.</p>
""",
                ),
                Reading(
                    "District emergency checklist",
                    "ज़िला आपातकालीन जाँच-सूची",
                    "district-emergency-checklist.pdf",
                    (
                        PdfSection(
                            "Before the monsoon",
                            "मानसून से पहले",
                            hi=(
                                "• ज़िला आपदा प्रबंधन योजना अद्यतन; संपर्क सूची सत्यापित।",
                                "• नावें, लाइफ़ जैकेट, गोताखोर, जनरेटर और प्रकाश व्यवस्था की जाँच।",
                                "• बाढ़ प्रभावित गाँवों की सूची और आश्रय स्थल चिह्नित।",
                                "• आपातकालीन संचालन केंद्र में 24x7 ड्यूटी रोस्टर।",
                            ),
                            en=(
                                "• District disaster management plan updated; contact list verified.",
                                "• Boats, life jackets, divers, generators and lighting checked.",
                                "• Flood-prone villages listed and shelters marked.",
                                "• 24x7 duty roster at the emergency operations centre.",
                            ),
                        ),
                        PdfSection(
                            "Situation report",
                            "स्थिति प्रतिवेदन",
                            hi=("हर प्रतिवेदन में ये बिंदु हों:",),
                            en=("Every report should cover:",),
                            table=(
                                ("Item / बिंदु", "Example / उदाहरण"),
                                ("Villages affected / प्रभावित गाँव", "14"),
                                ("People evacuated / निकाले गए लोग", "2,350"),
                                ("Relief camps / राहत शिविर", "9 (1,120 people / व्यक्ति)"),
                                ("Lives lost / जनहानि", "0"),
                                ("Houses damaged / क्षतिग्रस्त मकान", "86"),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
)


CYBER = CourseSpec(
    code="ISTM-CYBER-HYGIENE",
    provider="ISTM",
    title_en="Cyber hygiene for government offices",
    title_hi="सरकारी कार्यालयों के लिए साइबर स्वच्छता",
    summary_en=(
        "The threats every office meets — phishing, weak passwords, infected pen drives, fake payment requests — "
        "and ten habits that stop most of them, with how to report an incident."
    ),
    summary_hi=(
        "हर कार्यालय के सामने आने वाले ख़तरे — फ़िशिंग, कमज़ोर पासवर्ड, संक्रमित पेन ड्राइव, नकली भुगतान अनुरोध — और दस "
        "आदतें जो इनमें से अधिकांश को रोकती हैं, घटना की सूचना देने के तरीके सहित।"
    ),
    duration_minutes=40,
    competencies={"FUN-CYBER": 2, "FUN-EGOV": 1},
    tags="cyber security, phishing, password, CERT-In, साइबर सुरक्षा, फ़िशिंग, पासवर्ड",
    modules=(
        ModuleSpec(
            "Threats you meet every day",
            "रोज़ के ख़तरे",
            (
                Lesson(
                    "Phishing, passwords and pen drives",
                    "फ़िशिंग, पासवर्ड और पेन ड्राइव",
                    hi="""
<p>सरकारी कार्यालयों पर अधिकांश साइबर हमले किसी जटिल तकनीक से नहीं, बल्कि एक कर्मचारी की एक क्लिक से सफल होते हैं।
सबसे आम ख़तरे:</p>
<ul>
<li><strong>फ़िशिंग ई-मेल और संदेश</strong> — किसी वरिष्ठ अधिकारी, बैंक या विभाग के नाम से, तुरंत कार्रवाई का दबाव
बनाते हुए: "आपका खाता बंद हो जाएगा", "संलग्न आदेश देखें"। प्रेषक का पूरा ई-मेल पता देखें, लिंक पर माउस रखकर असली
पता जाँचें, और अप्रत्याशित संलग्नक न खोलें।</li>
<li><strong>कमज़ोर या दोहराए गए पासवर्ड</strong> — एक ही पासवर्ड कई जगह हो तो एक जगह से चोरी होने पर सब खुल जाते
हैं। लंबा पासवर्ड (कम से कम 12 अक्षर, जैसे कोई वाक्य) और जहाँ उपलब्ध हो वहाँ दो-चरणीय सत्यापन अपनाएँ।</li>
<li><strong>पेन ड्राइव</strong> — बाहर से लाई गई पेन ड्राइव से कार्यालय के कंप्यूटर में वायरस आ सकता है; जहाँ तक
संभव हो फ़ाइलें सरकारी ई-मेल या स्वीकृत माध्यम से साझा करें।</li>
<li><strong>नकली भुगतान अनुरोध</strong> — "आज ही इस खाते में भुगतान करें" जैसे संदेश, चाहे परिचित नाम से हों, फ़ोन
पर पुष्टि किए बिना कभी न मानें।</li>
</ul>
<p>सरकारी कार्य के लिए केवल सरकारी ई-मेल (जैसे nic.in / gov.in) का उपयोग करें; सरकारी दस्तावेज़ निजी ई-मेल, निजी
क्लाउड या मैसेजिंग ऐप पर न रखें।</p>
""",
                    en="""
<p>Most cyber attacks on government offices succeed not through clever technology but through one click by one
employee. The commonest threats:</p>
<ul>
<li><strong>Phishing e-mails and messages</strong> — in the name of a senior officer, a bank or a department,
pressing for action now: "your account will be closed", "see the attached order". Look at the sender's full
address, hover over a link to see where it really goes, and do not open attachments you did not expect.</li>
<li><strong>Weak or reused passwords</strong> — if one password is used in many places, a theft in one place opens
them all. Use a long password (at least 12 characters, a sentence works well) and two-factor sign-in wherever it is
available.</li>
<li><strong>Pen drives</strong> — a pen drive from outside can bring a virus into the office computer; share files
through government e-mail or an approved channel wherever possible.</li>
<li><strong>Fake payment requests</strong> — "pay into this account today", even from a familiar name, is never to
be acted on without confirming by phone.</li>
</ul>
<p>Use only government e-mail (nic.in / gov.in) for official work; keep official documents off personal e-mail,
personal cloud drives and messaging apps.</p>
""",
                ),
            ),
        ),
        ModuleSpec(
            "Ten habits",
            "दस आदतें",
            (
                Lesson(
                    "Ten habits and reporting an incident",
                    "दस आदतें और घटना की सूचना",
                    hi="""
<ol>
<li>कंप्यूटर छोड़ते समय स्क्रीन लॉक करें (विंडोज़ में Win + L)।</li>
<li>ऑपरेटिंग सिस्टम, ब्राउज़र और एंटीवायरस अद्यतन रखें।</li>
<li>हर सेवा के लिए अलग, लंबा पासवर्ड; पासवर्ड किसी से साझा न करें, कागज़ पर मेज़ पर न लिखें।</li>
<li>दो-चरणीय सत्यापन चालू रखें।</li>
<li>अनजान लिंक और संलग्नक न खोलें; संदेह हो तो प्रेषक से फ़ोन पर पूछें।</li>
<li>सॉफ़्टवेयर केवल अधिकृत स्रोत से स्थापित करें।</li>
<li>सार्वजनिक वाई-फ़ाई पर सरकारी पोर्टलों में लॉग-इन न करें।</li>
<li>महत्वपूर्ण फ़ाइलों का नियमित बैकअप रखें।</li>
<li>मोबाइल पर ओटीपी किसी को न बताएँ — कोई भी विभाग या बैंक फ़ोन पर ओटीपी नहीं माँगता।</li>
<li>कुछ भी संदिग्ध हो तो तुरंत सूचना दें।</li>
</ol>
<p><strong>सूचना कैसे दें</strong>: कार्यालय के आईटी प्रभारी या एनआईसी ज़िला सूचना विज्ञान अधिकारी को तुरंत बताएँ;
प्रभावित कंप्यूटर को नेटवर्क से अलग करें पर बंद न करें। भारत सरकार के निर्देशों के अनुसार साइबर सुरक्षा घटनाओं
की सूचना सर्ट-इन (CERT-In) को <strong>6 घंटे</strong> के भीतर दी जानी है। किसी नागरिक या कर्मचारी के साथ ऑनलाइन
धोखाधड़ी हो तो राष्ट्रीय साइबर अपराध हेल्पलाइन <strong>1930</strong> पर या cybercrime.gov.in पर तुरंत शिकायत करें।</p>
""",
                    en="""
<ol>
<li>Lock the screen when you leave the computer (Win + L on Windows).</li>
<li>Keep the operating system, browser and antivirus up to date.</li>
<li>A different, long password for each service; never share it, never write it on a note on the desk.</li>
<li>Keep two-factor sign-in switched on.</li>
<li>Do not open unknown links and attachments; if in doubt, phone the sender.</li>
<li>Install software only from authorised sources.</li>
<li>Do not sign in to government portals over public Wi-Fi.</li>
<li>Back up important files regularly.</li>
<li>Never tell anyone an OTP — no department or bank asks for one on the phone.</li>
<li>Report anything suspicious at once.</li>
</ol>
<p><strong>How to report</strong>: tell the office IT in-charge or the NIC District Informatics Officer at once;
disconnect the affected computer from the network but do not switch it off. Under the Government of India's
directions, cyber security incidents must be reported to CERT-In within <strong>6 hours</strong>. If a citizen or
employee is defrauded online, complain at once on the national cyber crime helpline <strong>1930</strong> or at
cybercrime.gov.in.</p>
""",
                ),
                Reading(
                    "Cyber hygiene checklist",
                    "साइबर स्वच्छता जाँच-सूची",
                    "cyber-hygiene-checklist.pdf",
                    (
                        PdfSection(
                            "Every day",
                            "प्रतिदिन",
                            hi=(
                                "• स्क्रीन लॉक, अद्यतन, मज़बूत पासवर्ड, दो-चरणीय सत्यापन।",
                                "• संदिग्ध ई-मेल की जाँच: प्रेषक का पता, लिंक, संलग्नक।",
                                "• सरकारी दस्तावेज़ केवल सरकारी ई-मेल और स्वीकृत माध्यम पर।",
                            ),
                            en=(
                                "• Screen lock, updates, strong passwords, two-factor sign-in.",
                                "• Check suspicious e-mail: the sender's address, links, attachments.",
                                "• Official documents only on government e-mail and approved channels.",
                            ),
                        ),
                        PdfSection(
                            "When something goes wrong",
                            "जब कुछ गड़बड़ हो",
                            hi=("घटना होने पर किसे सूचना दें:",),
                            en=("Whom to tell when an incident happens:",),
                            table=(
                                ("What / क्या", "Whom / किसे", "When / कब"),
                                (
                                    "Suspected infection / संदिग्ध संक्रमण",
                                    "IT in-charge, NIC DIO / आईटी प्रभारी, एनआईसी",
                                    "At once / तुरंत",
                                ),
                                (
                                    "Cyber security incident / साइबर सुरक्षा घटना",
                                    "CERT-In / सर्ट-इन",
                                    "Within 6 hours / 6 घंटे में",
                                ),
                                ("Online fraud / ऑनलाइन धोखाधड़ी", "1930, cybercrime.gov.in", "At once / तुरंत"),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        ModuleSpec(
            "Final assessment",
            "अंतिम मूल्यांकन",
            (
                Quiz(
                    "Cyber hygiene: final assessment",
                    "साइबर स्वच्छता: अंतिम मूल्यांकन",
                    pass_percent=70,
                    time_limit_minutes=10,
                    max_attempts=3,
                    sections=(
                        QuizSection(
                            "Habits",
                            "आदतें",
                            (
                                single(
                                    "An e-mail from 'the Collector' asks you to pay a supplier today into a new "
                                    "account. What do you do?",
                                    "'कलेक्टर' के नाम से आए ई-मेल में आज ही एक नए खाते में आपूर्तिकर्ता को भुगतान करने को कहा "
                                    "गया है। आप क्या करेंगे?",
                                    [
                                        ("Pay, since it is urgent", "तुरंत भुगतान करेंगे"),
                                        (
                                            "Confirm by phone through a known number first",
                                            "पहले परिचित नंबर पर फ़ोन करके पुष्टि करेंगे",
                                        ),
                                        ("Reply to the e-mail to ask if it is genuine", "उसी ई-मेल का उत्तर देकर पूछेंगे"),
                                    ],
                                    1,
                                    "Replying goes to the attacker; confirm through a channel you already know.",
                                    "उत्तर हमलावर के पास जाएगा; पहले से ज्ञात माध्यम से पुष्टि करें।",
                                ),
                                true_false(
                                    "A bank may ask for your OTP on the phone to verify your account.",
                                    "बैंक खाते के सत्यापन के लिए फ़ोन पर ओटीपी माँग सकता है।",
                                    False,
                                ),
                                multiple(
                                    "Which are good habits? Choose all that apply.",
                                    "इनमें से कौन-सी आदतें अच्छी हैं? सभी सही विकल्प चुनें।",
                                    [
                                        ("Locking the screen when leaving", "जाते समय स्क्रीन लॉक करना"),
                                        ("One strong password for every service", "हर सेवा के लिए एक ही मज़बूत पासवर्ड"),
                                        ("Two-factor sign-in", "दो-चरणीय सत्यापन"),
                                        (
                                            "Keeping office files on a personal cloud drive",
                                            "कार्यालय की फ़ाइलें निजी क्लाउड पर रखना",
                                        ),
                                    ],
                                    [0, 2],
                                ),
                                fill_blank(
                                    "The national cyber crime helpline number is ___.",
                                    "राष्ट्रीय साइबर अपराध हेल्पलाइन नंबर ___ है।",
                                    ["1930"],
                                ),
                                match(
                                    "Match each incident with whom to tell.",
                                    "प्रत्येक घटना को उससे मिलाइए जिसे सूचना देनी है।",
                                    [
                                        (
                                            ("Online fraud on a citizen", "नागरिक के साथ ऑनलाइन धोखाधड़ी"),
                                            ("1930", "1930"),
                                        ),
                                        (
                                            ("Cyber security incident in the department", "विभाग में साइबर सुरक्षा घटना"),
                                            ("CERT-In within 6 hours", "6 घंटे में सर्ट-इन"),
                                        ),
                                        (
                                            ("A virus on an office computer", "कार्यालय के कंप्यूटर में वायरस"),
                                            ("The IT in-charge, at once", "तुरंत आईटी प्रभारी"),
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


PUBLIC_HEALTH = CourseSpec(
    code="MP-ATI-PUBHEALTH",
    provider="MP-ATI",
    title_en="Public health programmes for field staff",
    title_hi="मैदानी अमले के लिए लोक स्वास्थ्य कार्यक्रम",
    summary_en=(
        "The National Health Mission in the village: the field team (ASHA, ANM, MPW), routine immunisation, care of "
        "mothers and newborns, tuberculosis, and disease surveillance — what each worker does and records."
    ),
    summary_hi=(
        "गाँव में राष्ट्रीय स्वास्थ्य मिशन: मैदानी दल (आशा, एएनएम, एमपीडब्ल्यू), नियमित टीकाकरण, माँ और नवजात की देखभाल, "
        "क्षय रोग और रोग निगरानी — हर कार्यकर्ता क्या करता है और क्या दर्ज करता है।"
    ),
    duration_minutes=120,
    competencies={"DOM-PUBHEALTH": 2, "BEH-EMPATHY": 1, "FUN-MONITORING": 1},
    tags="NHM, immunisation, ASHA, ANM, TB, IDSP, स्वास्थ्य, टीकाकरण, आशा",
    modules=(
        ModuleSpec(
            "The field team",
            "मैदानी दल",
            (
                Lesson(
                    "ASHA, ANM and MPW",
                    "आशा, एएनएम और एमपीडब्ल्यू",
                    hi="""
<p><strong>राष्ट्रीय स्वास्थ्य मिशन</strong> के अंतर्गत गाँव में स्वास्थ्य सेवाएँ एक दल के रूप में पहुँचती हैं।
<strong>आशा</strong> (मान्यता प्राप्त सामाजिक स्वास्थ्य कार्यकर्ता) गाँव की ही महिला होती है — सामान्यतः लगभग 1,000
की आबादी पर एक। वह गर्भवती महिलाओं को पंजीयन और जाँच के लिए प्रेरित करती है, संस्थागत प्रसव में साथ जाती है, नवजात
की गृह-भेंट करती है और बच्चों को टीकाकरण सत्र तक लाती है।</p>
<p><strong>एएनएम</strong> (सहायक नर्स मिडवाइफ़) उप-स्वास्थ्य केंद्र या आयुष्मान आरोग्य मंदिर पर टीकाकरण, प्रसव-पूर्व
जाँच और परिवार कल्याण सेवाएँ देती है। <strong>एमपीडब्ल्यू</strong> (बहुउद्देशीय कार्यकर्ता) मलेरिया, क्षय रोग और अन्य
संचारी रोगों की खोज और निगरानी में मुख्य भूमिका निभाता है।</p>
<p>हर माह ग्राम स्वास्थ्य, स्वच्छता एवं पोषण दिवस पर आशा, एएनएम और आंगनवाड़ी कार्यकर्ता साथ मिलकर टीकाकरण, पोषण
परामर्श और जाँच करते हैं। यह तालमेल ही ग्रामीण स्वास्थ्य सेवाओं की रीढ़ है। जो दर्ज नहीं हुआ, वह हुआ नहीं माना
जाता — इसलिए हर सेवा का अभिलेख (पंजी और पोर्टल) उसी दिन पूरा करें।</p>
""",
                    en="""
<p>Under the <strong>National Health Mission</strong>, health services reach the village as a team. The
<strong>ASHA</strong> (Accredited Social Health Activist) is a woman from the village itself — usually one for
about 1,000 people. She encourages pregnant women to register and get check-ups, accompanies them for
institutional delivery, makes home visits to newborns and brings children to immunisation sessions.</p>
<p>The <strong>ANM</strong> (Auxiliary Nurse Midwife) provides immunisation, antenatal check-ups and family welfare
services at the sub-health centre or Ayushman Arogya Mandir. The <strong>MPW</strong> (multi-purpose worker) leads
the search for and surveillance of malaria, tuberculosis and other communicable diseases.</p>
<p>Every month, on the Village Health, Sanitation and Nutrition Day, the ASHA, ANM and anganwadi worker together
provide immunisation, nutrition counselling and check-ups. This teamwork is the backbone of rural health services.
What is not recorded is taken not to have happened — so complete the record (register and portal) the same day.</p>
""",
                ),
            ),
        ),
        ModuleSpec(
            "Immunisation and mother-and-child care",
            "टीकाकरण और माँ-शिशु देखभाल",
            (
                Lesson(
                    "Routine immunisation and safe motherhood",
                    "नियमित टीकाकरण और सुरक्षित मातृत्व",
                    hi="""
<p><strong>सार्वभौमिक टीकाकरण कार्यक्रम</strong> में जन्म से पाँच वर्ष तक के बच्चों और गर्भवती महिलाओं को निःशुल्क
टीके दिए जाते हैं। जन्म पर बीसीजी, ओपीवी की शून्य खुराक और हेपेटाइटिस-बी; 6, 10 और 14 सप्ताह पर पेंटावैलेंट,
ओपीवी, रोटावायरस और अन्य टीके; 9 से 12 माह पर खसरा-रूबेला (एमआर) की पहली खुराक और 16 से 24 माह पर दूसरी।
पूरी अनुसूची पठन-सामग्री में दी गई है। टीकाकरण का अभिलेख अब <strong>यू-विन</strong> पोर्टल पर डिजिटल रूप में
रखा जाता है।</p>
<p>सुरक्षित मातृत्व के लिए गर्भवती महिला का जल्दी पंजीयन, कम से कम चार प्रसव-पूर्व जाँच, आयरन-फ़ोलिक एसिड की
गोलियाँ और संस्थागत प्रसव आवश्यक हैं। <strong>जननी सुरक्षा योजना</strong> संस्थागत प्रसव पर आर्थिक सहायता देती है,
और <strong>प्रधानमंत्री सुरक्षित मातृत्व अभियान</strong> के अंतर्गत हर माह की 9 तारीख को गर्भवती महिलाओं की विशेषज्ञ
जाँच होती है।</p>
<p>ख़तरे के लक्षण — अत्यधिक रक्तस्राव, तेज़ सिरदर्द या धुंधला दिखना, झटके, तेज़ बुखार — दिखें तो महिला को तुरंत
निकटतम प्रथम रेफ़रल इकाई पहुँचाएँ; 108 एम्बुलेंस सेवा इसी के लिए है।</p>
""",
                    en="""
<p>Under the <strong>Universal Immunisation Programme</strong>, children from birth to five years and pregnant women
get vaccines free of charge. At birth: BCG, the zero dose of OPV and hepatitis B; at 6, 10 and 14 weeks:
pentavalent, OPV, rotavirus and others; at 9 to 12 months the first dose of measles-rubella (MR) and at 16 to 24
months the second. The full schedule is in the reading. Immunisation records are now kept digitally on the
<strong>U-WIN</strong> portal.</p>
<p>Safe motherhood needs early registration of the pregnancy, at least four antenatal check-ups, iron-folic acid
tablets and institutional delivery. <strong>Janani Suraksha Yojana</strong> gives cash assistance for institutional
delivery, and under the <strong>Pradhan Mantri Surakshit Matritva Abhiyan</strong> pregnant women get a specialist
check-up on the 9th of every month.</p>
<p>At danger signs — heavy bleeding, severe headache or blurred vision, convulsions, high fever — take the woman at
once to the nearest first referral unit; the 108 ambulance service exists for exactly this.</p>
""",
                ),
                Reading(
                    "Immunisation schedule",
                    "टीकाकरण अनुसूची",
                    "immunisation-schedule.pdf",
                    (
                        PdfSection(
                            "For infants and children",
                            "शिशुओं और बच्चों के लिए",
                            hi=("राष्ट्रीय टीकाकरण अनुसूची के प्रमुख टीके (राज्य में लागू संशोधनों के लिए विभाग के निर्देश देखें):",),
                            en=(
                                "The main vaccines of the national immunisation schedule (see the department's "
                                "instructions for changes in force in the state):",
                            ),
                            table=(
                                ("Age / आयु", "Vaccines / टीके"),
                                ("Birth / जन्म पर", "BCG, OPV-0, Hepatitis B birth dose / बीसीजी, ओपीवी-0, हेपेटाइटिस-बी"),
                                ("6 weeks / 6 सप्ताह", "OPV-1, Pentavalent-1, Rotavirus-1, fIPV-1, PCV-1"),
                                ("10 weeks / 10 सप्ताह", "OPV-2, Pentavalent-2, Rotavirus-2"),
                                ("14 weeks / 14 सप्ताह", "OPV-3, Pentavalent-3, Rotavirus-3, fIPV-2, PCV-2"),
                                ("9-12 months / 9-12 माह", "MR-1, PCV booster, fIPV-3 / एमआर-1"),
                                ("16-24 months / 16-24 माह", "MR-2, DPT booster-1, OPV booster / एमआर-2"),
                                ("5-6 years / 5-6 वर्ष", "DPT booster-2 / डीपीटी बूस्टर-2"),
                            ),
                        ),
                        PdfSection(
                            "At every session",
                            "हर सत्र में",
                            hi=(
                                "• टीके की शीशी की वीवीएम और समाप्ति तिथि जाँचें।",
                                "• हर बच्चे का टीका यू-विन पर उसी दिन दर्ज करें।",
                                "• टीके के बाद 30 मिनट निगरानी; किसी प्रतिकूल घटना की सूचना दें।",
                            ),
                            en=(
                                "• Check the vaccine vial monitor (VVM) and expiry date.",
                                "• Record every child's vaccination on U-WIN the same day.",
                                "• Observe for 30 minutes after vaccination; report any adverse event.",
                            ),
                        ),
                    ),
                ),
            ),
        ),
        ModuleSpec(
            "Tuberculosis and disease surveillance",
            "क्षय रोग और रोग निगरानी",
            (
                Lesson(
                    "TB and IDSP",
                    "क्षय रोग और आईडीएसपी",
                    hi="""
<p>दो सप्ताह से अधिक खाँसी, बुखार, वज़न घटना या रात में पसीना — ये <strong>क्षय रोग (टीबी)</strong> के लक्षण हो
सकते हैं। ऐसे हर व्यक्ति की बलगम जाँच कराएँ। टीबी का पूरा इलाज निःशुल्क है, और हर मरीज़ <strong>नि-क्षय</strong>
पोर्टल पर दर्ज होता है; उपचार के दौरान पोषण सहायता सीधे बैंक खाते में मिलती है। इलाज बीच में छोड़ना सबसे बड़ा ख़तरा
है, क्योंकि इससे दवा-प्रतिरोधी टीबी हो सकती है — इसलिए नियमित गृह-भेंट और परामर्श आवश्यक है।</p>
<p><strong>एकीकृत रोग निगरानी कार्यक्रम (आईडीएसपी)</strong> प्रकोप को जल्दी पकड़ने के लिए है। मैदानी कार्यकर्ता
लक्षणों के आधार पर साप्ताहिक सूचना (एस-फ़ॉर्म) देते हैं, चिकित्सक संभावित रोगियों की (पी-फ़ॉर्म) और प्रयोगशाला पुष्ट
मामलों की (एल-फ़ॉर्म)। एक ही गाँव में अचानक दस्त, बुखार या पीलिया के कई मामले दिखें तो उसी दिन खंड चिकित्सा अधिकारी
को बताएँ — इसके लिए सप्ताह के अंत तक रुकना नहीं है।</p>
<p>प्रकोप के समय जल स्रोतों की जाँच और क्लोरीनीकरण, घर-घर सर्वे और लोगों को सही जानकारी देना उतना ही ज़रूरी है
जितना इलाज।</p>
""",
                    en="""
<p>A cough for more than two weeks, fever, weight loss or night sweats can be signs of <strong>tuberculosis
(TB)</strong>. Get a sputum test for every such person. TB treatment is entirely free, every patient is registered
on the <strong>Ni-kshay</strong> portal, and nutrition support is paid into the patient's bank account during
treatment. Stopping treatment half way is the greatest danger, as it can lead to drug-resistant TB — so regular home
visits and counselling are essential.</p>
<p>The <strong>Integrated Disease Surveillance Programme (IDSP)</strong> exists to catch outbreaks early. Field
workers report weekly by symptoms (S form), doctors report presumptive cases (P form) and laboratories confirmed
cases (L form). If several cases of diarrhoea, fever or jaundice suddenly appear in one village, tell the block
medical officer the same day — do not wait for the end of the week.</p>
<p>In an outbreak, testing and chlorinating water sources, house-to-house surveys and giving people correct
information matter as much as treatment.</p>
""",
                ),
                Link("U-WIN immunisation portal", "यू-विन टीकाकरण पोर्टल", "https://uwin.mohfw.gov.in/"),
            ),
        ),
    ),
)

COURSES = (LAND_RECORDS, DISASTER, CYBER, PUBLIC_HEALTH)
