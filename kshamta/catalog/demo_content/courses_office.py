"""Demo courses on office work: e-Office, GeM procurement, financial rules, communication and data."""

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

E_OFFICE = CourseSpec(
    code="ISTM-EOFFICE-NOTING",
    provider="ISTM",
    title_en="e-Office: noting and drafting",
    title_hi="ई-ऑफिस: नोटिंग एवं ड्राफ्टिंग",
    summary_en=(
        "Handle receipts and files in e-Office, write notes that lead to a decision, and draft letters, office "
        "memoranda and orders in the proper form — with examples in Hindi and English."
    ),
    summary_hi=(
        "ई-ऑफिस में आवक पत्रों और नस्तियों का निपटान, निर्णय तक पहुँचाने वाली टिप्पणी लिखना, तथा पत्र, कार्यालय ज्ञापन "
        "और आदेश उचित प्रारूप में तैयार करना — हिंदी और अंग्रेज़ी के उदाहरणों सहित।"
    ),
    duration_minutes=120,
    competencies={"FUN-NOTING": 2, "FUN-EGOV": 2, "BEH-COMMUNICATION": 1},
    tags="e-Office, noting, drafting, e-file, ई-फ़ाइल, टिप्पणी, प्रारूपण",
    modules=(
        ModuleSpec(
            "Receipts and files",
            "आवक पत्र और नस्तियाँ",
            (
                Lesson(
                    "From receipt to e-file",
                    "आवक पत्र से ई-फ़ाइल तक",
                    hi="""
<p>ई-ऑफिस राष्ट्रीय सूचना विज्ञान केंद्र (एनआईसी) का कार्यालय-स्वचालन उत्पाद है, जिसमें कागज़ी नस्ती की पूरी
प्रक्रिया इलेक्ट्रॉनिक रूप में चलती है। इसका मुख्य भाग <strong>ई-फ़ाइल</strong> है, जिसके दो हिस्से होते हैं:
<strong>टिप्पणी भाग</strong> (नोटशीट), जिसमें अधिकारी क्रम से अपनी टिप्पणियाँ लिखते हैं, और <strong>पत्राचार
भाग</strong>, जिसमें आवक पत्र, संलग्नक और जारी किए गए पत्र क्रमांकित पृष्ठों के रूप में रहते हैं।</p>
<p>हर डाक की शुरुआत <strong>आवक (रसीद)</strong> से होती है। कागज़ पर आया पत्र स्कैन करके अपलोड किया जाता है और
उसका विवरण — प्रेषक, दिनांक, विषय, श्रेणी — दर्ज किया जाता है; ई-मेल या पोर्टल से आया पत्र सीधे आवक बनता है। हर
आवक को एक क्रमांक मिलता है, जिससे उसकी स्थिति कभी भी देखी जा सकती है।</p>
<p>आवक पर कार्रवाई के लिए या तो उसे किसी <strong>मौजूदा नस्ती</strong> में जोड़ें, या विषय के लिए <strong>नई
नस्ती</strong> बनाएँ। नस्ती क्रमांक विभाग की नस्ती-वर्गीकरण योजना से बनता है, इसलिए विषय-शीर्ष सही चुनें — बाद में
इसी से नस्ती खोजी जाती है और अभिलेख-प्रतिधारण की अवधि तय होती है।</p>
<p>नस्ती एक अधिकारी से दूसरे के पास <strong>भेजी (मूव)</strong> जाती है; हर गति का समय और व्यक्ति अपने-आप दर्ज
होता है। इसलिए "नस्ती नहीं मिल रही" जैसी समस्या नहीं रहती, पर यह भी दिखता है कि नस्ती किसके पास कितने दिन रुकी।
अनुमोदन के बाद जारी होने वाले पत्र पर डिजिटल हस्ताक्षर (डीएससी) या ई-साइन किया जाता है।</p>
""",
                    en="""
<p>e-Office is the office-automation product of the National Informatics Centre (NIC) in which the whole life
of a paper file runs electronically. Its core is the <strong>e-file</strong>, which has two parts: the
<strong>noting side</strong> (the note-sheet), where officers write their notes in sequence, and the
<strong>correspondence side</strong>, where receipts, enclosures and issued letters sit as numbered pages.</p>
<p>Every dak starts as a <strong>receipt</strong>. A letter that arrives on paper is scanned and uploaded with its
details — sender, date, subject, category; one that arrives by e-mail or through a portal becomes a receipt
directly. Each receipt gets a number, so its status can be seen at any time.</p>
<p>To act on a receipt, either attach it to an <strong>existing file</strong> or open a <strong>new file</strong>
for the subject. The file number comes from the department's file classification scheme, so choose the subject
head carefully — it is how the file will be found later and it decides the record-retention period.</p>
<p>A file is <strong>moved</strong> from one officer to the next, and each movement is logged with time and
person. "The file cannot be found" stops being a problem — and it also shows who held the file and for how
long. Once approved, the outgoing letter is signed with a digital signature certificate (DSC) or e-Sign.</p>
""",
                ),
            ),
        ),
        ModuleSpec(
            "Writing a good note",
            "अच्छी टिप्पणी कैसे लिखें",
            (
                Lesson(
                    "A note that leads to a decision",
                    "निर्णय तक पहुँचाने वाली टिप्पणी",
                    hi="""
<p>टिप्पणी का उद्देश्य निर्णय लेने वाले अधिकारी का समय बचाना है। एक अच्छी टिप्पणी में चार बातें क्रम से होती हैं:</p>
<ol>
<li><strong>विषय क्या है</strong> — पृष्ठ क्रमांक (पत्राचार भाग) के संदर्भ सहित, एक-दो वाक्यों में।</li>
<li><strong>तथ्य</strong> — पिछला घटनाक्रम, संबंधित आँकड़े; जो पहले से नस्ती में है, उसे दोहराएँ नहीं, केवल
संदर्भ दें।</li>
<li><strong>नियम और पूर्व उदाहरण</strong> — कौन-सा नियम, परिपत्र या पूर्व निर्णय लागू होता है, उद्धरण सहित।</li>
<li><strong>प्रस्ताव</strong> — स्पष्ट रूप से क्या करने का सुझाव है, और यदि अनुमोदन हो तो जारी किया जाने वाला
प्रारूप (ड्राफ्ट फ़ॉर अप्रूवल) संलग्न है।</li>
</ol>
<p>उदाहरण: <em>"कृपया पृ. 12/प. पर श्री रमेश शर्मा, सहायक ग्रेड-2 का अर्जित अवकाश आवेदन (15 दिन, 3 से 17 मार्च)
देखें। उनके अवकाश खाते में 84 दिन शेष हैं (पृ. 14/प.)। मध्यप्रदेश सिविल सेवा (अवकाश) नियमों के अंतर्गत अवकाश देय
है। शाखा में दो अन्य सहायक उपलब्ध हैं, अतः कार्य प्रभावित नहीं होगा। अवकाश स्वीकृत करने का प्रस्ताव है; स्वीकृति
आदेश का प्रारूप अनुमोदनार्थ प्रस्तुत है।"</em></p>
<p>अपनी राय देने से न डरें, पर तथ्य और राय अलग रखें। छोटे वाक्य लिखें, और "यथाप्रस्तावित", "आदेशार्थ" जैसे शब्दों
के बजाय स्पष्ट बताएँ कि अधिकारी से क्या अपेक्षित है।</p>
""",
                    en="""
<p>A note exists to save the decision-maker's time. A good note has four things, in order:</p>
<ol>
<li><strong>What the matter is</strong> — in a sentence or two, with the page reference on the correspondence
side.</li>
<li><strong>The facts</strong> — the history and the figures that matter; do not repeat what is already on file,
refer to it.</li>
<li><strong>The rules and precedents</strong> — which rule, circular or earlier decision applies, quoted.</li>
<li><strong>The proposal</strong> — exactly what is recommended, with the draft for approval (DFA) attached if
something is to be issued.</li>
</ol>
<p>Example: <em>"Please see at p. 12/c the earned-leave application of Shri Ramesh Sharma, Assistant Grade-2 (15
days, 3 to 17 March). His leave account has 84 days to his credit (p. 14/c). The leave is admissible under the
Madhya Pradesh Civil Services (Leave) Rules. Two other assistants in the section are available, so the work will
not suffer. It is proposed to sanction the leave; a draft sanction order is put up for approval."</em></p>
<p>Do not be afraid to give your view, but keep facts and opinion apart. Write short sentences, and instead of
"as proposed" or "for orders" say plainly what is expected of the officer.</p>
""",
                ),
            ),
        ),
        ModuleSpec(
            "Forms of official communication",
            "शासकीय पत्राचार के प्रकार",
            (
                Lesson(
                    "Letter, memorandum, order, notification",
                    "पत्र, ज्ञापन, आदेश, अधिसूचना",
                    hi="""
<ul>
<li><strong>पत्र</strong> — अन्य शासन, कार्यालयों, संस्थाओं या नागरिकों को। "प्रति" से आरंभ, विषय और संदर्भ सहित,
"भवदीय" के साथ समाप्त।</li>
<li><strong>कार्यालय ज्ञापन</strong> — विभागों के बीच या कर्मचारियों को सूचना और निर्देश के लिए; तृतीय पुरुष में लिखा
जाता है और इसमें संबोधन या "भवदीय" नहीं होता।</li>
<li><strong>अर्ध-शासकीय पत्र</strong> — किसी अधिकारी का किसी अन्य अधिकारी को व्यक्तिगत ध्यान आकर्षित करने के लिए,
"प्रिय श्री ..." से आरंभ।</li>
<li><strong>आदेश</strong> — स्वीकृतियाँ, नियुक्ति, स्थानांतरण, अनुशासनात्मक निर्णय; "आदेश" शीर्षक के साथ, प्राधिकारी
के हस्ताक्षर से।</li>
<li><strong>अधिसूचना</strong> — नियम, अधिकारों का प्रत्यायोजन, नियुक्तियाँ जो राजपत्र में प्रकाशित होती हैं।</li>
<li><strong>पृष्ठांकन</strong> — किसी पत्र या आदेश की प्रति अन्य कार्यालयों को सूचना या कार्रवाई के लिए भेजना।</li>
</ul>
<p>प्रारूप लिखते समय पत्र क्रमांक, दिनांक, विषय और संदर्भ हमेशा दें, एक पत्र में एक ही विषय रखें, और उत्तर की
समय-सीमा हो तो स्पष्ट लिखें।</p>
""",
                    en="""
<ul>
<li><strong>Letter</strong> — to other governments, offices, institutions or citizens. Opens with "To", has a
subject and reference, closes with "Yours faithfully".</li>
<li><strong>Office memorandum</strong> — between departments or to employees, to inform or instruct; written in
the third person, with no salutation or subscription.</li>
<li><strong>Demi-official letter</strong> — from one officer to another to draw personal attention, opening "Dear
Shri ...".</li>
<li><strong>Order</strong> — sanctions, appointments, transfers, disciplinary decisions; headed "Order" and signed
by the competent authority.</li>
<li><strong>Notification</strong> — rules, delegations of power and appointments that are published in the
Gazette.</li>
<li><strong>Endorsement</strong> — sending a copy of a letter or order to other offices for information or
action.</li>
</ul>
<p>In every draft give the letter number, date, subject and reference, keep to one subject per letter, and state
any deadline for a reply plainly.</p>
""",
                ),
                Reading(
                    "Drafting templates",
                    "प्रारूप के नमूने",
                    "drafting-templates.pdf",
                    (
                        PdfSection(
                            "Office memorandum",
                            "कार्यालय ज्ञापन",
                            hi=(
                                "मध्यप्रदेश शासन, राजस्व विभाग — क्रमांक एफ 1-23/2026/सात-2, भोपाल, दिनांक ...",
                                "कार्यालय ज्ञापन",
                                "विषय: ई-ऑफिस में सभी आवक पत्रों का पंजीयन।",
                                "विभाग के सभी अनुभागों को निर्देशित किया जाता है कि 1 अप्रैल से सभी आवक पत्र ई-ऑफिस में ही "
                                "पंजीकृत किए जाएँ और कागज़ी पंजी बंद की जाए। अनुभाग अधिकारी इसका पालन सुनिश्चित करें।",
                                "(हस्ताक्षर) अवर सचिव, मध्यप्रदेश शासन, राजस्व विभाग",
                            ),
                            en=(
                                "Government of Madhya Pradesh, Revenue Department — No. F 1-23/2026/VII-2, Bhopal, "
                                "dated ...",
                                "OFFICE MEMORANDUM",
                                "Subject: Registration of all receipts in e-Office.",
                                "All sections of the department are directed to register every receipt in e-Office "
                                "from 1 April and to close the paper registers. Section officers will ensure "
                                "compliance.",
                                "(Signature) Under Secretary, Government of Madhya Pradesh, Revenue Department",
                            ),
                        ),
                        PdfSection(
                            "Which form to use",
                            "कौन-सा प्रारूप कब",
                            hi=("सही प्रारूप चुनने के लिए यह तालिका देखें।",),
                            en=("Use this table to choose the right form.",),
                            table=(
                                ("Purpose / उद्देश्य", "Form / प्रारूप", "Signed by / हस्ताक्षर"),
                                ("Reply to a citizen / नागरिक को उत्तर", "Letter / पत्र", "Officer / अधिकारी"),
                                (
                                    "Instruction to sections / शाखाओं को निर्देश",
                                    "O.M. / कार्यालय ज्ञापन",
                                    "Officer / अधिकारी",
                                ),
                                (
                                    "Leave sanction / अवकाश स्वीकृति",
                                    "Order / आदेश",
                                    "Competent authority / सक्षम प्राधिकारी",
                                ),
                                (
                                    "New rules / नए नियम",
                                    "Notification / अधिसूचना",
                                    "By order of the Governor / राज्यपाल के नाम से",
                                ),
                            ),
                        ),
                    ),
                ),
                Quiz(
                    "e-Office and drafting: final assessment",
                    "ई-ऑफिस एवं प्रारूपण: अंतिम मूल्यांकन",
                    pass_percent=60,
                    time_limit_minutes=15,
                    max_attempts=3,
                    sections=(
                        QuizSection(
                            "e-Office",
                            "ई-ऑफिस",
                            (
                                single(
                                    "Where does an officer write their remarks in an e-file?",
                                    "ई-फ़ाइल में अधिकारी अपनी टिप्पणी कहाँ लिखता है?",
                                    [
                                        ("On the correspondence side", "पत्राचार भाग में"),
                                        ("On the noting side (note-sheet)", "टिप्पणी भाग (नोटशीट) में"),
                                        ("In the receipt's details", "आवक के विवरण में"),
                                    ],
                                    1,
                                ),
                                true_false(
                                    "e-Office records who held a file and for how long.",
                                    "ई-ऑफिस यह दर्ज करता है कि नस्ती किसके पास कितने समय रही।",
                                    True,
                                    "Every movement of a file is logged with time and person.",
                                    "नस्ती की हर गति समय और व्यक्ति सहित दर्ज होती है।",
                                ),
                                fill_blank(
                                    "A draft put up with a note for the officer's approval is called a DFA: draft "
                                    "for ___.",
                                    "टिप्पणी के साथ अनुमोदन हेतु प्रस्तुत प्रारूप को डीएफ़ए कहते हैं: ड्राफ्ट फ़ॉर ___।",
                                    ["approval", "अप्रूवल", "अनुमोदन"],
                                ),
                            ),
                        ),
                        QuizSection(
                            "Notes and drafts",
                            "टिप्पणी और प्रारूप",
                            (
                                match(
                                    "Match each purpose with the form of communication.",
                                    "प्रत्येक उद्देश्य को पत्राचार के प्रकार से मिलाइए।",
                                    [
                                        (
                                            ("New rules published in the Gazette", "राजपत्र में प्रकाशित नए नियम"),
                                            ("Notification", "अधिसूचना"),
                                        ),
                                        (
                                            ("Instructions to all sections", "सभी शाखाओं को निर्देश"),
                                            ("Office memorandum", "कार्यालय ज्ञापन"),
                                        ),
                                        (("Sanction of leave", "अवकाश की स्वीकृति"), ("Order", "आदेश")),
                                        (
                                            (
                                                "Drawing a fellow officer's personal attention",
                                                "किसी अधिकारी का व्यक्तिगत ध्यान आकर्षित करना",
                                            ),
                                            ("Demi-official letter", "अर्ध-शासकीय पत्र"),
                                        ),
                                    ],
                                ),
                                multiple(
                                    "What belongs in a good note? Choose all that apply.",
                                    "अच्छी टिप्पणी में क्या होना चाहिए? सभी सही विकल्प चुनें।",
                                    [
                                        ("The rule that applies", "लागू होने वाला नियम"),
                                        ("A clear proposal", "स्पष्ट प्रस्ताव"),
                                        (
                                            "A copy of everything already on file",
                                            "नस्ती में पहले से मौजूद हर बात की पुनरावृत्ति",
                                        ),
                                        ("Page references to the correspondence side", "पत्राचार भाग के पृष्ठ संदर्भ"),
                                    ],
                                    [0, 1, 3],
                                    "Refer to what is on file; do not repeat it.",
                                    "जो नस्ती में है उसका संदर्भ दें, उसे दोहराएँ नहीं।",
                                ),
                                true_false(
                                    "An office memorandum opens with a salutation such as 'Dear Sir'.",
                                    "कार्यालय ज्ञापन 'महोदय' जैसे संबोधन से आरंभ होता है।",
                                    False,
                                    "It is written in the third person, without salutation.",
                                    "यह तृतीय पुरुष में, बिना संबोधन के लिखा जाता है।",
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
)


GEM = CourseSpec(
    code="MP-ATI-GEM",
    provider="MP-ATI",
    title_en="Public procurement through GeM",
    title_hi="जेम पोर्टल से लोक क्रय",
    summary_en=(
        "Buying goods and services on the Government e-Marketplace: the rules that make GeM the first choice, the "
        "roles of buyer, consignee and paying authority, modes of purchase, bids and reverse auctions, receipt and "
        "payment on time, and integrity in procurement."
    ),
    summary_hi=(
        "गवर्नमेंट ई-मार्केटप्लेस पर वस्तुओं और सेवाओं का क्रय: जेम को प्राथमिकता देने वाले नियम, क्रेता, परेषिती और "
        "भुगतान प्राधिकारी की भूमिकाएँ, क्रय के तरीके, बोली और रिवर्स नीलामी, समय पर प्राप्ति और भुगतान, तथा क्रय में "
        "सत्यनिष्ठा।"
    ),
    duration_minutes=150,
    level="intermediate",
    competencies={"FUN-PROCUREMENT": 2, "FUN-FINANCE": 1, "BEH-INTEGRITY": 2},
    tags="GeM, procurement, e-marketplace, bid, जेम, क्रय, निविदा",
    modules=(
        ModuleSpec(
            "Why GeM, and who does what",
            "जेम क्यों, और किसकी क्या भूमिका",
            (
                Lesson(
                    "The marketplace and its roles",
                    "मार्केटप्लेस और उसकी भूमिकाएँ",
                    hi="""
<p><strong>गवर्नमेंट ई-मार्केटप्लेस (जेम)</strong> अगस्त 2016 में आरंभ हुआ सरकारी क्रय का राष्ट्रीय ऑनलाइन मंच
है। सामान्य वित्तीय नियम, 2017 के अंतर्गत केंद्र सरकार के कार्यालयों को जेम पर उपलब्ध वस्तुएँ और सेवाएँ जेम से ही
क्रय करनी होती हैं, और मध्यप्रदेश सहित अधिकांश राज्यों ने अपने भंडार क्रय नियमों में यही व्यवस्था अपनाई है। जेम से
क्रय पारदर्शी होता है, विक्रेताओं में प्रतिस्पर्धा बढ़ती है और क्रय प्रक्रिया का हर चरण अभिलेखित रहता है।</p>
<p>जेम पर हर क्रय में अलग-अलग व्यक्ति अलग भूमिकाएँ निभाते हैं, ताकि कोई एक व्यक्ति पूरी प्रक्रिया नियंत्रित न करे:</p>
<ul>
<li><strong>प्राथमिक उपयोगकर्ता</strong> (सामान्यतः कार्यालय प्रमुख) — संगठन का पंजीयन करता है और अन्य उपयोगकर्ताओं
को भूमिकाएँ देता है।</li>
<li><strong>क्रेता</strong> — आवश्यकता के अनुसार उत्पाद या सेवा चुनता है, बोली बनाता है और अनुबंध जारी करता है।</li>
<li><strong>परेषिती</strong> — सामग्री प्राप्त करता है, उसकी जाँच करता है और प्राप्ति प्रमाण-पत्र जारी करता है।</li>
<li><strong>भुगतान प्राधिकारी (डीडीओ)</strong> — देयक तैयार कर विक्रेता को भुगतान करता है।</li>
</ul>
<p>क्रय से पहले सक्षम वित्तीय स्वीकृति और बजट उपलब्धता सुनिश्चित करें; जेम पर अनुबंध जारी होते ही वह कानूनी रूप
से बंधनकारी हो जाता है।</p>
""",
                    en="""
<p>The <strong>Government e-Marketplace (GeM)</strong>, launched in August 2016, is the national online platform
for public procurement. Under the General Financial Rules, 2017, central government offices must buy the goods and
services available on GeM through GeM, and most states, Madhya Pradesh among them, have adopted the same rule in
their store-purchase rules. Buying on GeM is transparent, brings more sellers into competition and leaves a record
of every step.</p>
<p>Different people play different roles in every GeM purchase, so that no single person controls the whole
process:</p>
<ul>
<li><strong>Primary user</strong> (usually the head of office) — registers the organisation and assigns roles to
other users.</li>
<li><strong>Buyer</strong> — chooses the product or service to meet the need, creates bids and places the
contract.</li>
<li><strong>Consignee</strong> — receives and inspects the goods and issues the receipt certificates.</li>
<li><strong>Paying authority (DDO)</strong> — prepares the bill and pays the seller.</li>
</ul>
<p>Before buying, make sure there is a financial sanction from the competent authority and budget available; a
contract placed on GeM is legally binding the moment it is issued.</p>
""",
                ),
                Link("Government e-Marketplace", "गवर्नमेंट ई-मार्केटप्लेस", "https://gem.gov.in/"),
            ),
        ),
        ModuleSpec(
            "Modes of purchase",
            "क्रय के तरीके",
            (
                Lesson(
                    "Direct purchase, L1 and bids",
                    "सीधा क्रय, एल-1 और बोली",
                    hi="""
<p>जेम पर क्रय का तरीका क्रय के मूल्य से तय होता है। सामान्य वित्तीय नियम, 2017 (नियम 149) में मूल रूप से ये सीमाएँ
थीं: <strong>₹25,000 तक</strong> आवश्यक गुणवत्ता वाले किसी भी उपलब्ध विक्रेता से सीधा क्रय; <strong>₹25,000 से ₹5
लाख तक</strong> कम से कम तीन निर्माताओं के तीन विक्रेताओं की तुलना कर सबसे कम मूल्य (एल-1) वाले विक्रेता से क्रय;
और <strong>₹5 लाख से अधिक</strong> के लिए जेम पर बोली या रिवर्स नीलामी। ये सीमाएँ समय-समय पर संशोधित होती हैं,
इसलिए अपने राज्य के वर्तमान भंडार क्रय नियम अवश्य देखें।</p>
<p><strong>बोली</strong> बनाते समय तकनीकी विनिर्देश आवश्यकता के अनुसार रखें — किसी एक ब्रांड या विक्रेता के अनुकूल
शर्तें न बनाएँ। अनुभव, टर्नओवर और बयाना राशि जैसी पात्रता शर्तें केवल उतनी रखें जितनी आवश्यक हों, क्योंकि अनावश्यक
शर्तें प्रतिस्पर्धा घटाती हैं और सूक्ष्म एवं लघु उद्यमों तथा स्टार्टअप को बाहर कर देती हैं।</p>
<p><strong>रिवर्स नीलामी</strong> में तकनीकी रूप से योग्य विक्रेता निर्धारित समय में एक-दूसरे से कम मूल्य की बोली
लगाते हैं; इससे प्रायः मूल्य और घटता है। क्रय को छोटे-छोटे भागों में बाँटकर सीमा से बचना नियमों का उल्लंघन है।</p>
""",
                    en="""
<p>The mode of purchase on GeM depends on the value. As originally notified, the General Financial Rules, 2017
(rule 149) set these limits: <strong>up to ₹25,000</strong>, direct purchase from any available seller meeting the
required quality; <strong>above ₹25,000 and up to ₹5 lakh</strong>, purchase from the seller with the lowest price
(L1) after comparing at least three sellers of three different manufacturers; and <strong>above ₹5 lakh</strong>,
a bid or reverse auction on GeM. These limits are revised from time to time, so always check your state's current
store-purchase rules.</p>
<p>When creating a <strong>bid</strong>, write the technical specification around the need — never around one brand
or seller. Keep eligibility conditions such as experience, turnover and earnest money to what is necessary:
needless conditions reduce competition and shut out micro and small enterprises and start-ups.</p>
<p>In a <strong>reverse auction</strong>, technically qualified sellers bid against each other downwards within a set
time, which usually brings the price down further. Splitting a purchase into small parts to stay under a limit is a
breach of the rules.</p>
""",
                ),
                Reading(
                    "GeM buyer's checklist",
                    "जेम क्रेता की जाँच-सूची",
                    "gem-buyer-checklist.pdf",
                    (
                        PdfSection(
                            "Before the purchase",
                            "क्रय से पहले",
                            hi=(
                                "• आवश्यकता का लिखित आकलन और सक्षम प्राधिकारी की वित्तीय स्वीकृति।",
                                "• बजट शीर्ष में राशि की उपलब्धता।",
                                "• मूल्य के अनुसार क्रय का तरीका: सीधा क्रय, एल-1 या बोली/रिवर्स नीलामी।",
                                "• विनिर्देश किसी ब्रांड के अनुकूल न हों; पात्रता शर्तें न्यूनतम आवश्यक।",
                            ),
                            en=(
                                "• A written assessment of the need, and the competent authority's financial sanction.",
                                "• Funds available under the budget head.",
                                "• The mode of purchase for the value: direct, L1, or bid / reverse auction.",
                                "• Specifications not tailored to a brand; only the eligibility conditions needed.",
                            ),
                        ),
                        PdfSection(
                            "After the contract",
                            "अनुबंध के बाद",
                            hi=(
                                "परेषिती सामग्री मिलने पर अस्थायी प्राप्ति प्रमाण-पत्र और जाँच के बाद अंतिम स्वीकृति प्रमाण-पत्र "
                                "(सीआरएसी) जेम पर ही जारी करता है। सीआरएसी के बाद भुगतान प्राधिकारी जेम की निर्धारित "
                                "समय-सीमा में "
                                "भुगतान करता है; विलंब पर विक्रेता को ब्याज देना पड़ सकता है।",
                            ),
                            en=(
                                "On delivery the consignee issues a provisional receipt certificate and, after "
                                "inspection, the Consignee Receipt and Acceptance Certificate (CRAC) on GeM itself. "
                                "After the CRAC, the paying authority pays within GeM's time limit; a delay can make "
                                "the buyer liable for interest to the seller.",
                            ),
                            table=(
                                ("Role / भूमिका", "Does / कार्य"),
                                ("Buyer / क्रेता", "Creates the bid, places the contract / बोली और अनुबंध"),
                                ("Consignee / परेषिती", "Receives, inspects, issues CRAC / प्राप्ति, जाँच, सीआरएसी"),
                                ("Paying authority / भुगतान प्राधिकारी", "Pays the seller / विक्रेता को भुगतान"),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        ModuleSpec(
            "Receipt, payment and integrity",
            "प्राप्ति, भुगतान और सत्यनिष्ठा",
            (
                Lesson(
                    "Closing the purchase properly",
                    "क्रय को सही ढंग से पूरा करना",
                    hi="""
<p>सामग्री पहुँचने पर परेषिती जेम पर <strong>अस्थायी प्राप्ति प्रमाण-पत्र</strong> जारी करता है और फिर मात्रा,
गुणवत्ता और विनिर्देश की जाँच के बाद <strong>परेषिती प्राप्ति एवं स्वीकृति प्रमाण-पत्र (सीआरएसी)</strong>।
सामग्री में कमी हो तो उसी समय जेम पर अस्वीकृति दर्ज करें और कारण लिखें — बाद में की गई शिकायत का कोई आधार नहीं
रहता।</p>
<p>सीआरएसी जारी होने के बाद भुगतान प्राधिकारी देयक बनाकर <strong>जेम की निर्धारित समय-सीमा</strong> में भुगतान
करता है। समय पर भुगतान छोटे विक्रेताओं के लिए बहुत महत्वपूर्ण है, और विलंब होने पर जेम की शर्तों के अनुसार ब्याज
देय हो सकता है। भुगतान की स्थिति जेम पर दर्ज करें, ताकि विक्रेता को भी दिखे।</p>
<p><strong>सत्यनिष्ठा।</strong> क्रय से जुड़े हर अधिकारी को किसी विक्रेता से संबंध या हित हो तो उसकी घोषणा करनी
चाहिए और उस क्रय से अलग रहना चाहिए। विक्रेताओं से उपहार या आतिथ्य स्वीकार न करें, बोली की जानकारी किसी एक विक्रेता
को पहले न दें, और हर निर्णय का कारण नस्ती पर लिखें। याद रखें: लोक क्रय में आप जनता का धन खर्च कर रहे हैं।</p>
""",
                    en="""
<p>When goods arrive, the consignee issues a <strong>provisional receipt certificate</strong> on GeM and then,
after checking quantity, quality and specification, the <strong>Consignee Receipt and Acceptance Certificate
(CRAC)</strong>. If something is wrong, record the rejection and the reason on GeM at that moment — a complaint
made later has nothing to stand on.</p>
<p>After the CRAC, the paying authority prepares the bill and pays within <strong>GeM's time limit</strong>. Paying
on time matters a great deal to small sellers, and a delay can make interest payable under GeM's terms. Record the
payment on GeM so that the seller can see it too.</p>
<p><strong>Integrity.</strong> Every officer involved in a purchase should declare any relationship with or
interest in a seller and stay out of that purchase. Accept no gifts or hospitality from sellers, never give one
seller advance notice of a bid, and record the reason for every decision on file. Remember: in public procurement
you are spending the people's money.</p>
""",
                ),
                Quiz(
                    "GeM procurement: final assessment",
                    "जेम क्रय: अंतिम मूल्यांकन",
                    pass_percent=60,
                    time_limit_minutes=15,
                    max_attempts=3,
                    sections=(
                        QuizSection(
                            "Rules and roles",
                            "नियम और भूमिकाएँ",
                            (
                                match(
                                    "Match each GeM role with what it does.",
                                    "जेम की प्रत्येक भूमिका को उसके कार्य से मिलाइए।",
                                    [
                                        (("Buyer", "क्रेता"), ("Places the contract", "अनुबंध जारी करता है")),
                                        (("Consignee", "परेषिती"), ("Issues the CRAC", "सीआरएसी जारी करता है")),
                                        (
                                            ("Paying authority", "भुगतान प्राधिकारी"),
                                            ("Pays the seller", "विक्रेता को भुगतान करता है"),
                                        ),
                                    ],
                                ),
                                single(
                                    "Under rule 149 of GFR 2017 as first notified, purchases above ₹5 lakh on GeM "
                                    "are made by:",
                                    "सामान्य वित्तीय नियम 2017 के नियम 149 (मूल रूप) के अनुसार जेम पर ₹5 लाख से अधिक का क्रय "
                                    "किस तरीके से होता है?",
                                    [
                                        ("Direct purchase", "सीधा क्रय"),
                                        ("L1 among three sellers", "तीन विक्रेताओं में एल-1"),
                                        ("A bid or reverse auction", "बोली या रिवर्स नीलामी"),
                                    ],
                                    2,
                                ),
                                true_false(
                                    "Splitting a purchase into parts to stay under a limit is allowed if each part is "
                                    "approved.",
                                    "सीमा से बचने के लिए क्रय को भागों में बाँटना अनुमत है यदि हर भाग स्वीकृत हो।",
                                    False,
                                    "Splitting to avoid a limit breaches the rules.",
                                    "सीमा से बचने के लिए क्रय बाँटना नियमों का उल्लंघन है।",
                                ),
                            ),
                        ),
                        QuizSection(
                            "Integrity and closure",
                            "सत्यनिष्ठा और समापन",
                            (
                                multiple(
                                    "Which of these keep a procurement fair? Choose all that apply.",
                                    "इनमें से कौन-से उपाय क्रय को निष्पक्ष रखते हैं? सभी सही विकल्प चुनें।",
                                    [
                                        ("Declaring an interest in a seller", "विक्रेता में हित की घोषणा करना"),
                                        ("Specifications written around one brand", "एक ब्रांड के अनुरूप विनिर्देश"),
                                        ("Recording the reason for each decision", "हर निर्णय का कारण दर्ज करना"),
                                        ("Only the eligibility conditions needed", "केवल आवश्यक पात्रता शर्तें"),
                                    ],
                                    [0, 2, 3],
                                ),
                                fill_blank(
                                    "The certificate the consignee issues after inspection is the ___ (four letters).",
                                    "जाँच के बाद परेषिती जो प्रमाण-पत्र जारी करता है, उसे अंग्रेज़ी संक्षेप में ___ कहते हैं।",
                                    ["CRAC", "सीआरएसी"],
                                ),
                                true_false(
                                    "A contract placed on GeM is binding as soon as it is issued.",
                                    "जेम पर जारी अनुबंध जारी होते ही बंधनकारी होता है।",
                                    True,
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
)


FINANCE = CourseSpec(
    code="MP-ATI-FIN-RULES",
    provider="MP-ATI",
    title_en="Financial rules and budgeting",
    title_hi="वित्तीय नियम एवं बजट",
    summary_en=(
        "The state budget from estimates to appropriation, the standards of financial propriety, sanctions, "
        "drawing and disbursing, re-appropriation and surrender — for drawing and disbursing officers and the staff "
        "who work with them."
    ),
    summary_hi=(
        "अनुमानों से विनियोग तक राज्य का बजट, वित्तीय औचित्य के मानक, स्वीकृतियाँ, आहरण एवं संवितरण, पुनर्विनियोजन और "
        "समर्पण — आहरण एवं संवितरण अधिकारियों और उनके साथ काम करने वाले कर्मचारियों के लिए।"
    ),
    duration_minutes=180,
    level="intermediate",
    competencies={"FUN-FINANCE": 2, "FUN-AUDIT": 1, "BEH-ACCOUNTABILITY": 2},
    tags="budget, financial rules, DDO, treasury, IFMIS, बजट, कोषालय, आहरण",
    modules=(
        ModuleSpec(
            "The budget cycle",
            "बजट चक्र",
            (
                Lesson(
                    "From estimates to appropriation",
                    "अनुमानों से विनियोग तक",
                    hi="""
<p>संविधान के अनुच्छेद 202 के अंतर्गत राज्य सरकार हर वित्तीय वर्ष के लिए विधानसभा के समक्ष <strong>वार्षिक वित्तीय
विवरण</strong> — अर्थात बजट — रखती है। राज्य की सारी प्राप्तियाँ <strong>राज्य की संचित निधि</strong> (अनुच्छेद
266) में जाती हैं, और उसमें से कोई भी राशि विधानसभा द्वारा पारित <strong>विनियोग अधिनियम</strong> (अनुच्छेद 204)
के बिना नहीं निकाली जा सकती। अप्रत्याशित व्यय के लिए <strong>आकस्मिकता निधि</strong> (अनुच्छेद 267) है, जिससे
लिया गया अग्रिम बाद में विधानसभा की स्वीकृति से पूरा किया जाता है।</p>
<p>बजट बनाने की शुरुआत नीचे से होती है: हर <strong>आहरण एवं संवितरण अधिकारी</strong> अपने कार्यालय के अनुमान
नियंत्रण अधिकारी को भेजता है, नियंत्रण अधिकारी उन्हें मिलाकर विभाग को, और विभाग वित्त विभाग को। अनुमान यथार्थवादी
हों — पिछले तीन वर्षों के वास्तविक व्यय, स्वीकृत पदों और चालू योजनाओं पर आधारित।</p>
<p>विनियोग अधिनियम पारित होने के बाद वित्त विभाग राशि <strong>आवंटित</strong> करता है और नियंत्रण अधिकारी उसे
आहरण एवं संवितरण अधिकारियों में बाँटते हैं। मध्यप्रदेश में यह पूरा चक्र — बजट, आवंटन, देयक और लेखा — एकीकृत
वित्तीय प्रबंधन सूचना प्रणाली (आईएफ़एमआईएस) पर चलता है।</p>
""",
                    en="""
<p>Under Article 202 of the Constitution the state government lays before the Legislative Assembly, for every
financial year, the <strong>Annual Financial Statement</strong> — the budget. All the state's receipts go into the
<strong>Consolidated Fund of the State</strong> (Article 266), and nothing can be drawn from it without an
<strong>Appropriation Act</strong> passed by the Assembly (Article 204). Unforeseen expenditure is met from the
<strong>Contingency Fund</strong> (Article 267), and an advance taken from it is recouped later with the Assembly's
approval.</p>
<p>Budget-making starts at the bottom: every <strong>drawing and disbursing officer (DDO)</strong> sends the office's
estimates to the controlling officer, who consolidates them for the department, which sends them to the Finance
Department. Estimates must be realistic — based on the actual expenditure of the last three years, sanctioned posts
and ongoing schemes.</p>
<p>Once the Appropriation Act is passed, the Finance Department <strong>allots</strong> funds and controlling officers
distribute them among DDOs. In Madhya Pradesh the whole cycle — budget, allotment, bills and accounts — runs on the
Integrated Financial Management Information System (IFMIS).</p>
""",
                ),
            ),
        ),
        ModuleSpec(
            "Spending public money right",
            "सार्वजनिक धन का सही व्यय",
            (
                Lesson(
                    "Propriety, sanctions and the year end",
                    "औचित्य, स्वीकृतियाँ और वित्तीय वर्ष का अंत",
                    hi="""
<p>वित्तीय नियमों का आधार <strong>वित्तीय औचित्य के मानक</strong> हैं: हर अधिकारी सार्वजनिक धन खर्च करते समय उतनी
ही सतर्कता बरते जितनी एक सामान्य समझदार व्यक्ति अपने धन के लिए बरतता है; कोई अधिकारी ऐसी स्वीकृति न दे जिससे उसे
प्रत्यक्ष या परोक्ष लाभ हो; सार्वजनिक धन किसी व्यक्ति या वर्ग के लाभ के लिए खर्च न हो, जब तक वह कानून या मान्य
नीति के अंतर्गत न हो; और व्यय परिस्थिति की आवश्यकता से अधिक न हो।</p>
<p>हर व्यय के लिए तीन चीज़ें चाहिए: <strong>सक्षम प्राधिकारी की स्वीकृति</strong> (वित्तीय अधिकार पुस्तिका में दी
गई सीमा के भीतर), <strong>बजट में प्रावधान</strong>, और <strong>नियमानुसार प्रक्रिया</strong> (जैसे क्रय नियम)।
एक शीर्ष की बचत को दूसरे शीर्ष में ले जाना <strong>पुनर्विनियोजन</strong> है, जो केवल सक्षम स्वीकृति से और उसी
अनुदान के भीतर हो सकता है; नई सेवा पर व्यय पुनर्विनियोजन से नहीं किया जा सकता।</p>
<p>वर्ष के अंत में "मार्च की भीड़" से बचें — केवल बजट समाप्त न हो जाए इसलिए किया गया व्यय वित्तीय अनुशासन का
उल्लंघन है। जो राशि खर्च नहीं होनी है, उसे समय पर <strong>समर्पित</strong> करें, ताकि वह अन्यत्र काम आ सके। हर
आहरण का हिसाब रखें और कैशबुक प्रतिदिन बंद करें; लेखा परीक्षा की आपत्तियाँ प्रायः इन्हीं छोटी चूकों से होती हैं।</p>
""",
                    en="""
<p>Financial rules rest on the <strong>standards of financial propriety</strong>: every officer should exercise the
same vigilance over public money as a person of ordinary prudence would over their own; no officer should sanction
expenditure that benefits them directly or indirectly; public money should not be spent for the benefit of a
particular person or section unless the law or a recognised policy provides for it; and expenditure should not be
more than the occasion demands.</p>
<p>Every expenditure needs three things: <strong>sanction of the competent authority</strong> (within the limits
of the delegation of financial powers), <strong>provision in the budget</strong>, and <strong>the prescribed
procedure</strong> (such as the purchase rules). Moving savings from one head to another is
<strong>re-appropriation</strong>, allowed only with competent sanction and within the same grant; expenditure on a
new service cannot be met by re-appropriation.</p>
<p>Avoid the "March rush" at the year end — spending only so that the budget does not lapse is a breach of
financial discipline. <strong>Surrender</strong> what will not be spent in time, so it can be used elsewhere.
Account for every drawal and close the cash book every day; most audit objections come from exactly these small
lapses.</p>
""",
                ),
                Reading(
                    "Standards of financial propriety",
                    "वित्तीय औचित्य के मानक",
                    "financial-propriety.pdf",
                    (
                        PdfSection(
                            "The four standards",
                            "चार मानक",
                            hi=(
                                "• सामान्य समझदार व्यक्ति जैसी सतर्कता, जैसी वह अपने धन के लिए बरतता है।",
                                "• कोई अधिकारी अपने प्रत्यक्ष या परोक्ष लाभ वाली स्वीकृति न दे।",
                                "• सार्वजनिक धन किसी व्यक्ति या वर्ग के लाभ के लिए नहीं, जब तक कानून या नीति न कहे।",
                                "• व्यय परिस्थिति की आवश्यकता से अधिक न हो।",
                            ),
                            en=(
                                "• The vigilance a person of ordinary prudence exercises over their own money.",
                                "• No officer sanctions expenditure that benefits them, directly or indirectly.",
                                "• No public money for one person or section, unless the law or a policy says so.",
                                "• No expenditure beyond what the occasion demands.",
                            ),
                        ),
                        PdfSection(
                            "Key terms",
                            "प्रमुख शब्द",
                            hi=("बजट और व्यय के प्रमुख शब्द:",),
                            en=("Key terms of budget and expenditure:",),
                            table=(
                                ("Term / शब्द", "Meaning / अर्थ"),
                                (
                                    "Appropriation / विनियोग",
                                    "Money the Assembly allows to be spent / विधानसभा द्वारा अनुमत राशि",
                                ),
                                (
                                    "Re-appropriation / पुनर्विनियोजन",
                                    "Moving savings within a grant / अनुदान के भीतर बचत का अंतरण",
                                ),
                                ("Surrender / समर्पण", "Giving back what will not be spent / अव्ययित राशि लौटाना"),
                                ("DDO / आहरण एवं संवितरण अधिकारी", "Draws and pays money / राशि का आहरण और भुगतान"),
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
                    "Financial rules: final assessment",
                    "वित्तीय नियम: अंतिम मूल्यांकन",
                    pass_percent=60,
                    time_limit_minutes=15,
                    max_attempts=3,
                    sections=(
                        QuizSection(
                            "Budget and propriety",
                            "बजट और औचित्य",
                            (
                                match(
                                    "Match each fund or statement with its Article of the Constitution.",
                                    "प्रत्येक निधि या विवरण को संविधान के अनुच्छेद से मिलाइए।",
                                    [
                                        (
                                            ("Annual Financial Statement", "वार्षिक वित्तीय विवरण"),
                                            ("Article 202", "अनुच्छेद 202"),
                                        ),
                                        (("Appropriation Act", "विनियोग अधिनियम"), ("Article 204", "अनुच्छेद 204")),
                                        (("Consolidated Fund", "संचित निधि"), ("Article 266", "अनुच्छेद 266")),
                                        (("Contingency Fund", "आकस्मिकता निधि"), ("Article 267", "अनुच्छेद 267")),
                                    ],
                                ),
                                true_false(
                                    "A new service may be funded by re-appropriating savings from another head.",
                                    "किसी नई सेवा पर व्यय अन्य शीर्ष की बचत के पुनर्विनियोजन से किया जा सकता है।",
                                    False,
                                ),
                                single(
                                    "What must an officer do with money that will not be spent this year?",
                                    "जो राशि इस वर्ष खर्च नहीं होनी है, उसका अधिकारी क्या करे?",
                                    [
                                        ("Spend it in March", "मार्च में खर्च कर दे"),
                                        ("Surrender it in time", "समय पर समर्पित करे"),
                                        ("Keep it in the cash chest", "रोकड़ पेटी में रखे"),
                                    ],
                                    1,
                                ),
                                multiple(
                                    "Which three things does every expenditure need? ",
                                    "हर व्यय के लिए किन तीन बातों की आवश्यकता है?",
                                    [
                                        ("Sanction of the competent authority", "सक्षम प्राधिकारी की स्वीकृति"),
                                        ("Provision in the budget", "बजट में प्रावधान"),
                                        ("The prescribed procedure", "नियमानुसार प्रक्रिया"),
                                        ("A recommendation from the seller", "विक्रेता की अनुशंसा"),
                                    ],
                                    [0, 1, 2],
                                ),
                                fill_blank(
                                    "Madhya Pradesh's integrated financial management system is known by the "
                                    "abbreviation ___.",
                                    "मध्यप्रदेश की एकीकृत वित्तीय प्रबंधन प्रणाली का अंग्रेज़ी संक्षिप्त नाम ___ है।",
                                    ["IFMIS", "आईएफ़एमआईएस", "आईएफएमआईएस"],
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
)


COMMUNICATION = CourseSpec(
    code="ISTM-COMM-SKILLS",
    provider="ISTM",
    title_en="Communication skills for public servants",
    title_hi="लोक सेवकों के लिए संप्रेषण कौशल",
    summary_en=(
        "Listening first, writing plain Hindi and English, presenting to seniors and handling difficult "
        "conversations with citizens and colleagues."
    ),
    summary_hi=(
        "पहले सुनना, सरल हिंदी और अंग्रेज़ी में लिखना, वरिष्ठ अधिकारियों के सामने प्रस्तुति देना, और नागरिकों एवं सहकर्मियों "
        "से कठिन बातचीत सँभालना।"
    ),
    duration_minutes=75,
    competencies={"BEH-COMMUNICATION": 2, "BEH-EMPATHY": 1, "BEH-CITIZEN": 1},
    tags="communication, listening, plain language, संप्रेषण, संवाद",
    modules=(
        ModuleSpec(
            "Listening first",
            "पहले सुनें",
            (
                Lesson(
                    "Active listening",
                    "सक्रिय श्रवण",
                    hi="""
<p>अच्छा संप्रेषण बोलने से नहीं, <strong>सुनने</strong> से शुरू होता है। कार्यालय में आने वाला नागरिक या सहकर्मी
अक्सर पहले वाक्य में असली समस्या नहीं बताता। यदि हम बीच में टोककर समाधान देने लगें, तो प्रायः गलत समस्या का समाधान
कर बैठते हैं।</p>
<p>सक्रिय श्रवण के तीन अभ्यास हैं:</p>
<ul>
<li><strong>पूरा ध्यान</strong> — फ़ोन और स्क्रीन से नज़र हटाएँ, व्यक्ति की ओर देखें।</li>
<li><strong>अपने शब्दों में दोहराना</strong> — "यानी आपका नामांतरण आदेश हो गया है पर खसरे में अभी पुराना नाम है,
सही?" इससे व्यक्ति को लगता है कि उसकी बात समझी गई, और गलतफ़हमी उसी समय दूर हो जाती है।</li>
<li><strong>खुले प्रश्न</strong> — "क्या हुआ?" "इसके बाद आपने क्या किया?" जैसे प्रश्न, जिनका उत्तर केवल हाँ या ना
में न हो।</li>
</ul>
<p>सुनते समय व्यक्ति की भावना पर भी ध्यान दें। परेशान व्यक्ति पहले यह जानना चाहता है कि कोई उसकी बात सुन रहा है;
उसके बाद ही वह समाधान सुनने को तैयार होता है।</p>
""",
                    en="""
<p>Good communication starts not with speaking but with <strong>listening</strong>. A citizen or colleague who comes
to the office often does not state the real problem in the first sentence. If we interrupt with a solution, we
often solve the wrong problem.</p>
<p>Active listening has three practices:</p>
<ul>
<li><strong>Full attention</strong> — look away from the phone and the screen, and at the person.</li>
<li><strong>Say it back in your own words</strong> — "So the mutation order has been passed but the khasra still
shows the old name, right?" The person feels understood, and any misunderstanding is cleared at once.</li>
<li><strong>Open questions</strong> — "What happened?" "What did you do next?" — questions that cannot be answered
with just yes or no.</li>
</ul>
<p>While listening, notice the feeling as well. A worried person first wants to know that someone is listening;
only then are they ready to hear a solution.</p>
""",
                ),
            ),
        ),
        ModuleSpec(
            "Plain writing and difficult conversations",
            "सरल लेखन और कठिन बातचीत",
            (
                Lesson(
                    "Write so that people understand",
                    "ऐसा लिखें कि लोग समझें",
                    hi="""
<p>शासकीय पत्र अक्सर इतनी कठिन भाषा में लिखे जाते हैं कि नागरिक उन्हें समझने के लिए किसी और के पास जाता है। सरल
लेखन के कुछ नियम:</p>
<ul>
<li>सबसे महत्वपूर्ण बात पहले वाक्य में लिखें: क्या निर्णय हुआ और नागरिक को अब क्या करना है।</li>
<li>छोटे वाक्य, एक वाक्य में एक बात। "उपरोक्त संदर्भित पत्र के परिप्रेक्ष्य में लेख है कि" के बजाय सीधे बात कहें।</li>
<li>कठिन शब्द के बजाय आम बोलचाल का शब्द, और कोई तकनीकी शब्द आवश्यक हो तो उसका अर्थ भी।</li>
<li>तिथियाँ, राशियाँ और समय-सीमाएँ अंकों में और स्पष्ट लिखें: "15 जुलाई 2026 तक"।</li>
</ul>
<p><strong>कठिन बातचीत</strong> — जैसे किसी का आवेदन अस्वीकार होना — में पहले निर्णय स्पष्ट बताएँ, फिर कारण, और
फिर आगे का रास्ता (अपील, दोबारा आवेदन, कोई अन्य योजना)। झूठी आशा न दें, पर व्यक्ति को खाली हाथ भी न लौटाएँ।
सहकर्मी से असहमति हो तो व्यक्ति पर नहीं, मुद्दे पर बात करें, और अकेले में करें।</p>
""",
                    en="""
<p>Government letters are often written in language so difficult that the citizen has to ask someone else to
explain them. A few rules of plain writing:</p>
<ul>
<li>Put the most important thing in the first sentence: what was decided and what the citizen must do now.</li>
<li>Short sentences, one idea each. Instead of "With reference to the above-cited letter, it is stated that", say
it directly.</li>
<li>Everyday words instead of hard ones, and where a technical term is needed, its meaning too.</li>
<li>Dates, amounts and deadlines in figures and plainly: "by 15 July 2026".</li>
</ul>
<p>In a <strong>difficult conversation</strong> — telling someone their application was rejected, say — state the
decision clearly first, then the reason, then the way forward (an appeal, a fresh application, another scheme).
Give no false hope, but do not send the person away empty-handed either. When you disagree with a colleague, talk
about the issue, not the person, and do it in private.</p>
""",
                ),
                Lesson(
                    "Presenting to senior officers",
                    "वरिष्ठ अधिकारियों के समक्ष प्रस्तुति",
                    hi="""
<p>समीक्षा बैठक में आपके पास प्रायः दो-तीन मिनट होते हैं। उस समय का सबसे अच्छा उपयोग यह है: पहले <strong>निष्कर्ष</strong>
("लक्ष्य का 82 % पूरा, तीन विकासखंड पीछे"), फिर <strong>कारण</strong> (एक-दो मुख्य कारण, आँकड़ों सहित), और अंत में
<strong>आपको क्या चाहिए</strong> (कोई निर्णय, संसाधन या अन्य विभाग से समन्वय)।</p>
<p>स्लाइड हों तो हर स्लाइड पर एक संदेश और बड़े अक्षर; तालिका के बजाय जहाँ संभव हो चार्ट। जिस प्रश्न का उत्तर न पता
हो, उसका अनुमान न लगाएँ — "मैं जाँचकर आज शाम तक बता दूँगा/दूँगी" कहना और फिर बताना विश्वास बढ़ाता है।</p>
""",
                    en="""
<p>In a review meeting you usually have two or three minutes. Use them like this: first the <strong>conclusion</strong>
("82 % of the target done, three blocks behind"), then the <strong>reasons</strong> (one or two main ones, with
figures), and last <strong>what you need</strong> (a decision, resources or coordination with another
department).</p>
<p>If there are slides, one message per slide in large type, and charts rather than tables where possible. Do not
guess at a question you cannot answer — "I will check and tell you by this evening", followed by doing it, builds
trust.</p>
""",
                ),
            ),
        ),
    ),
)


DATA = CourseSpec(
    code="MP-ATI-DATA-SHEETS",
    provider="MP-ATI",
    title_en="Data analysis with spreadsheets",
    title_hi="स्प्रेडशीट से डेटा विश्लेषण",
    summary_en=(
        "Keep administrative data clean, use the formulas every office needs (SUMIFS, COUNTIFS, XLOOKUP), summarise "
        "with pivot tables and draw charts that tell the truth — worked on a scholarship disbursement example."
    ),
    summary_hi=(
        "प्रशासनिक आँकड़ों को शुद्ध रखना, हर कार्यालय के काम आने वाले सूत्र (SUMIFS, COUNTIFS, XLOOKUP), पिवट टेबल से "
        "सारांश और सही तस्वीर दिखाने वाले चार्ट — छात्रवृत्ति वितरण के उदाहरण पर।"
    ),
    duration_minutes=240,
    level="intermediate",
    competencies={"FUN-DATA": 2, "FUN-MONITORING": 1},
    tags="Excel, LibreOffice, spreadsheet, pivot table, data, डेटा, स्प्रेडशीट",
    modules=(
        ModuleSpec(
            "Clean data first",
            "पहले शुद्ध आँकड़े",
            (
                Lesson(
                    "One row, one record",
                    "एक पंक्ति, एक अभिलेख",
                    hi="""
<p>अधिकांश विश्लेषण की गलतियाँ सूत्रों में नहीं, आँकड़ों की बनावट में होती हैं। विश्लेषण योग्य तालिका के नियम:</p>
<ul>
<li><strong>एक पंक्ति में एक अभिलेख</strong> (एक हितग्राही, एक भुगतान) और <strong>एक कॉलम में एक प्रकार की
जानकारी</strong>। "नाम और पिता का नाम" एक ही कॉलम में न रखें।</li>
<li>शीर्षक केवल पहली पंक्ति में; बीच में खाली पंक्तियाँ, उप-योग या मर्ज किए गए सेल न हों।</li>
<li><strong>कोड</strong> का उपयोग करें — ज़िला, विकासखंड, विद्यालय का कोड — ताकि "होशंगाबाद" और "नर्मदापुरम" जैसे
नाम-भेद से आँकड़े न बँटें।</li>
<li>तिथियाँ तिथि-प्रारूप में (दिन-माह-वर्ष या ISO), पाठ के रूप में नहीं; राशियाँ संख्या के रूप में, "₹" या "रु."
लिखे बिना।</li>
</ul>
<p>विश्लेषण शुरू करने से पहले दोहराव (डुप्लीकेट), खाली सेल और असंभव मान (जैसे 200 वर्ष की आयु) जाँचें। मूल
फ़ाइल कभी न बदलें — उसकी प्रति पर काम करें, ताकि गलती होने पर लौट सकें।</p>
""",
                    en="""
<p>Most analysis mistakes are not in the formulas but in the shape of the data. Rules for a table you can
analyse:</p>
<ul>
<li><strong>One row per record</strong> (one beneficiary, one payment) and <strong>one kind of information per
column</strong>. Do not put "name and father's name" in one column.</li>
<li>Headings in the first row only; no blank rows, subtotals or merged cells in between.</li>
<li>Use <strong>codes</strong> — for district, block, school — so that a renamed place ("Hoshangabad" and
"Narmadapuram") does not split the data.</li>
<li>Dates as dates (day-month-year or ISO), not as text; amounts as numbers, without "₹" or "Rs." typed in.</li>
</ul>
<p>Before analysing, look for duplicates, blank cells and impossible values (an age of 200). Never change the
original file — work on a copy, so you can go back when something goes wrong.</p>
""",
                ),
            ),
        ),
        ModuleSpec(
            "Formulas and pivot tables",
            "सूत्र और पिवट टेबल",
            (
                Lesson(
                    "The formulas every office needs",
                    "हर कार्यालय के काम के सूत्र",
                    hi="""
<table>
<thead><tr><th>सूत्र</th><th>क्या करता है</th><th>उदाहरण</th></tr></thead>
<tbody>
<tr><td>SUMIFS</td><td>शर्तों के अनुसार योग</td><td>=SUMIFS(राशि, ज़िला, "भोपाल", वर्ष, 2026)</td></tr>
<tr><td>COUNTIFS</td><td>शर्तों के अनुसार गिनती</td><td>=COUNTIFS(स्थिति, "लंबित", दिन, "&gt;30")</td></tr>
<tr><td>XLOOKUP / VLOOKUP</td><td>किसी कोड से दूसरी तालिका का मान लाना</td><td>=XLOOKUP(कोड, कोड_सूची, नाम_सूची)</td></tr>
<tr><td>IF</td><td>शर्त के अनुसार मान</td><td>=IF(दिन&gt;30, "विलंबित", "समय में")</td></tr>
</tbody>
</table>
<p><strong>पिवट टेबल</strong> हज़ारों पंक्तियों का सारांश कुछ क्लिक में बना देती है: पंक्तियों में ज़िला, कॉलम में माह,
और मान में भुगतान की राशि का योग। फ़िल्टर से केवल एक योजना या एक वर्ग देखें। स्रोत आँकड़े बदलें तो पिवट टेबल को
"रिफ़्रेश" करना न भूलें।</p>
<p>चार्ट बनाते समय अक्ष शून्य से शुरू करें (विशेषकर स्तंभ चार्ट में), समय के साथ बदलाव के लिए रेखा चार्ट और तुलना
के लिए स्तंभ चार्ट चुनें, और शीर्षक में निष्कर्ष लिखें — "तीन ज़िलों में भुगतान 30 दिन से अधिक विलंबित"।</p>
""",
                    en="""
<table>
<thead><tr><th>Formula</th><th>What it does</th><th>Example</th></tr></thead>
<tbody>
<tr><td>SUMIFS</td><td>Adds up rows that meet conditions</td>
<td>=SUMIFS(amount, district, "Bhopal", year, 2026)</td></tr>
<tr><td>COUNTIFS</td><td>Counts rows that meet conditions</td><td>=COUNTIFS(status, "pending", days, "&gt;30")</td></tr>
<tr><td>XLOOKUP / VLOOKUP</td><td>Brings a value from another table by a code</td>
<td>=XLOOKUP(code, code_list, name_list)</td></tr>
<tr><td>IF</td><td>A value depending on a condition</td><td>=IF(days&gt;30, "delayed", "on time")</td></tr>
</tbody>
</table>
<p>A <strong>pivot table</strong> summarises thousands of rows in a few clicks: districts in the rows, months in
the columns and the sum of payments as values. Use filters to look at one scheme or one category. When the source
data changes, remember to refresh the pivot table.</p>
<p>For charts, start the axis at zero (especially in bar charts), use a line chart for change over time and a bar
chart for comparisons, and put the conclusion in the title — "Payments delayed by more than 30 days in three
districts".</p>
""",
                ),
                Reading(
                    "Worked example: scholarship disbursement",
                    "उदाहरण: छात्रवृत्ति वितरण का विश्लेषण",
                    "scholarship-worked-example.pdf",
                    (
                        PdfSection(
                            "The question",
                            "प्रश्न",
                            hi=(
                                "एक ज़िले में पोस्ट-मैट्रिक छात्रवृत्ति के 4,812 आवेदन हैं। कलेक्टर जानना चाहते हैं कि किन "
                                "विकासखंडों में स्वीकृति के बाद भुगतान में 30 दिन से अधिक लग रहे हैं।",
                            ),
                            en=(
                                "A district has 4,812 post-matric scholarship applications. The Collector wants to "
                                "know "
                                "in which blocks payment takes more than 30 days after sanction.",
                            ),
                        ),
                        PdfSection(
                            "Steps",
                            "चरण",
                            hi=(
                                "• पोर्टल से निर्यात की गई फ़ाइल की प्रति बनाएँ; दोहराव हटाएँ (आवेदन क्रमांक से)।",
                                "• नया कॉलम: दिन = भुगतान तिथि - स्वीकृति तिथि।",
                                '• नया कॉलम: =IF(दिन>30, "विलंबित", "समय में")',
                                "• पिवट टेबल: पंक्तियों में विकासखंड, मान में आवेदनों की गिनती, कॉलम में विलंबित/समय में।",
                                "• स्तंभ चार्ट, शीर्षक में निष्कर्ष।",
                            ),
                            en=(
                                "• Copy the file exported from the portal; remove duplicates (by application number).",
                                "• New column: days = payment date - sanction date.",
                                '• New column: =IF(days>30, "delayed", "on time")',
                                "• Pivot table: blocks in rows, delayed / on time in columns, count of applications.",
                                "• A bar chart, with the conclusion as its title.",
                            ),
                            table=(
                                ("Block / विकासखंड", "On time / समय में", "Delayed / विलंबित"),
                                ("Berasia / बैरसिया", "612", "188"),
                                ("Phanda / फंदा", "1,204", "96"),
                                ("Bhopal city / भोपाल शहर", "2,433", "279"),
                            ),
                        ),
                    ),
                ),
                Quiz(
                    "Practice quiz: spreadsheets",
                    "अभ्यास प्रश्नोत्तरी: स्प्रेडशीट",
                    instructions_en="A practice quiz: it does not count towards completion.",
                    instructions_hi="अभ्यास प्रश्नोत्तरी: यह पाठ्यक्रम पूर्ण होने में नहीं गिनी जाती।",
                    is_final=False,
                    time_limit_minutes=None,
                    max_attempts=None,
                    pass_percent=50,
                    sections=(
                        QuizSection(
                            "Practice",
                            "अभ्यास",
                            (
                                single(
                                    "Which formula counts pending applications older than 30 days?",
                                    "30 दिन से पुराने लंबित आवेदन गिनने के लिए कौन-सा सूत्र?",
                                    [("SUMIFS", "SUMIFS"), ("COUNTIFS", "COUNTIFS"), ("XLOOKUP", "XLOOKUP")],
                                    1,
                                ),
                                true_false(
                                    "Merged cells in the middle of a data table make it easier to analyse.",
                                    "आँकड़ा तालिका के बीच में मर्ज किए गए सेल विश्लेषण को आसान बनाते हैं।",
                                    False,
                                ),
                                multiple(
                                    "Which are good habits with data? Choose all that apply.",
                                    "आँकड़ों के साथ कौन-सी आदतें अच्छी हैं? सभी सही विकल्प चुनें।",
                                    [
                                        ("Working on a copy", "प्रति पर काम करना"),
                                        ("Using district codes", "ज़िला कोड का उपयोग"),
                                        ("Typing ₹ into amount cells", "राशि के सेल में ₹ लिखना"),
                                    ],
                                    [0, 1],
                                ),
                                fill_blank(
                                    "After the source data changes, a pivot table must be ___.",
                                    "स्रोत आँकड़े बदलने के बाद पिवट टेबल को ___ करना होता है।",
                                    ["refreshed", "refresh", "रिफ़्रेश", "रिफ्रेश"],
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
)

COURSES = (E_OFFICE, GEM, FINANCE, COMMUNICATION, DATA)
