"""Demo courses still in the editorial pipeline: one waiting for review, one being drafted."""

from __future__ import annotations

from kshamta.catalog.demo_content.spec import CourseSpec, Lesson, Link, ModuleSpec

GENDER_BUDGETING = CourseSpec(
    code="MP-ATI-GENDER-BUDGET",
    provider="MP-ATI",
    title_en="Gender budgeting",
    title_hi="जेंडर बजटिंग",
    summary_en=(
        "Why budgets are not gender-neutral, how the state's gender budget statement is prepared, and how a "
        "department can look at its schemes through the eyes of the women and girls they serve."
    ),
    summary_hi=(
        "बजट लैंगिक रूप से तटस्थ क्यों नहीं होते, राज्य का जेंडर बजट विवरण कैसे तैयार होता है, और कोई विभाग अपनी योजनाओं "
        "को उन महिलाओं और बालिकाओं की दृष्टि से कैसे देखे जिनके लिए वे हैं।"
    ),
    duration_minutes=60,
    level="intermediate",
    competencies={"BEH-GENDER": 2, "FUN-FINANCE": 2},
    tags="gender budgeting, budget, women, जेंडर बजट, महिला",
    status="in_review",
    modules=(
        ModuleSpec(
            "What gender budgeting is",
            "जेंडर बजटिंग क्या है",
            (
                Lesson(
                    "Budgets are not gender-neutral",
                    "बजट लैंगिक रूप से तटस्थ नहीं होते",
                    hi="""
<p>पहली नज़र में बजट केवल आँकड़े लगते हैं, पर हर व्यय का असर महिलाओं और पुरुषों पर अलग-अलग पड़ता है। गाँव में
नल-जल योजना से पानी ढोने में लगने वाले घंटे बचते हैं — और ये घंटे अधिकतर महिलाओं और बालिकाओं के होते हैं। बस सेवा
का समय, विद्यालय में शौचालय, स्वास्थ्य केंद्र पर महिला चिकित्सक — ये सब बजट के निर्णय हैं।</p>
<p><strong>जेंडर बजटिंग</strong> बजट को अलग से बनाना नहीं, बल्कि हर योजना से यह पूछना है: इसका लाभ किसे मिल रहा
है, किसे नहीं, और क्यों? इसके लिए आँकड़े लिंग के आधार पर अलग-अलग रखने होते हैं — हितग्राही, प्रशिक्षित व्यक्ति,
ऋण प्राप्त करने वाले।</p>
<p>मध्यप्रदेश राज्य बजट के साथ जेंडर बजट विवरण प्रकाशित करने वाले शुरुआती राज्यों में है। इस विवरण में योजनाएँ दो
भागों में दिखाई जाती हैं: वे जिनका पूरा लाभ महिलाओं को है, और वे जिनमें महिलाओं का एक निश्चित अंश है।</p>
""",
                    en="""
<p>At first sight a budget is just numbers, but every rupee spent affects women and men differently. A piped-water
scheme in a village saves hours spent carrying water — and those hours are mostly women's and girls'. Bus timings,
toilets in schools, a woman doctor at the health centre: all of these are budget decisions.</p>
<p><strong>Gender budgeting</strong> is not a separate budget; it is asking of every scheme: who benefits, who does
not, and why? That needs data kept separately by sex — beneficiaries, people trained, borrowers.</p>
<p>Madhya Pradesh is among the early states to publish a gender budget statement with the state budget. The
statement shows schemes in two parts: those wholly for women, and those in which a definite share goes to
women.</p>
""",
                ),
            ),
        ),
        ModuleSpec(
            "Doing it in a department",
            "विभाग में इसे कैसे करें",
            (
                Lesson(
                    "Five questions for every scheme",
                    "हर योजना से पाँच प्रश्न",
                    hi="""
<ol>
<li>योजना किस समस्या के लिए है, और उस समस्या का अनुभव महिलाओं और पुरुषों के लिए कैसे अलग है?</li>
<li>पिछले वर्ष के हितग्राहियों में महिलाएँ कितनी थीं?</li>
<li>कौन-सी बाधाएँ (दूरी, समय, दस्तावेज़, सुरक्षा) महिलाओं को योजना से दूर रखती हैं?</li>
<li>बजट का कितना अंश इन बाधाओं को दूर करने में जा रहा है?</li>
<li>अगले वर्ष हम क्या मापेंगे, ताकि पता चले कि अंतर घटा?</li>
</ol>
""",
                    en="""
<ol>
<li>What problem is the scheme for, and how do women and men experience that problem differently?</li>
<li>How many of last year's beneficiaries were women?</li>
<li>Which barriers (distance, timing, documents, safety) keep women out of the scheme?</li>
<li>How much of the budget goes to removing those barriers?</li>
<li>What will we measure next year to know whether the gap has narrowed?</li>
</ol>
""",
                ),
                Link(
                    "Ministry of Women and Child Development",
                    "महिला एवं बाल विकास मंत्रालय",
                    "https://wcd.gov.in/",
                ),
            ),
        ),
    ),
)


MENTORING = CourseSpec(
    code="MP-ATI-MENTORING",
    provider="MP-ATI",
    title_en="Mentoring new recruits",
    title_hi="नव-नियुक्त कर्मचारियों का मार्गदर्शन",
    summary_en="How a senior colleague can help a new recruit settle in, learn the work and grow in the first year.",
    summary_hi="वरिष्ठ सहकर्मी पहले वर्ष में किसी नव-नियुक्त कर्मचारी को कैसे कार्य सीखने और आगे बढ़ने में मदद करे।",
    duration_minutes=45,
    competencies={"FUN-TRAINING": 2, "BEH-LEADERSHIP": 1},
    tags="mentoring, induction, मार्गदर्शन",
    status="draft",
    modules=(
        ModuleSpec(
            "The first week",
            "पहला सप्ताह",
            (
                Lesson(
                    "Welcome and the first week",
                    "स्वागत और पहला सप्ताह",
                    hi="""
<p>नव-नियुक्त कर्मचारी का पहला सप्ताह तय करता है कि वह कार्यालय को कैसे देखेगा। पहले दिन उसका परिचय सभी शाखाओं से
कराएँ, बैठने की जगह, कंप्यूटर और ई-ऑफिस लॉग-इन तैयार रखें, और बताएँ कि किसी भी प्रश्न के लिए वह किसके पास आए।</p>
""",
                    en="""
<p>A new recruit's first week decides how they will see the office. On day one introduce them to every section, have
a desk, a computer and an e-Office sign-in ready, and tell them whom to come to with any question.</p>
""",
                ),
            ),
        ),
    ),
)

COURSES = (GENDER_BUDGETING, MENTORING)
