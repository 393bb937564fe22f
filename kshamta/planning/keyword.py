"""Words of Hindi and English administrative text: normalising, tokens, light stems, and a
small bilingual list of concepts so that the Hindi and English names of the core
administrative terms meet ("निविदा" and "tender", "सूचना का अधिकार" and "RTI").

Used by the lexical embedder (kshamta.planning.embedder) and by the keyword part of the
matcher (kshamta.planning.matching), whose keyword score makes an exact term count even
when the multilingual model is unsure.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

_DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
# Nukta (ज़ / ज, फ़ / फ) and chandrabindu / anusvara (पहुँच / पहुंच) are written both ways in
# government text; matching ignores the difference. Zero-width joiners only shape glyphs.
_FOLD = str.maketrans({"\u093c": None, "\u0901": "\u0902", "\u200c": None, "\u200d": None, "\ufeff": None})
# A token: Latin letters and digits, or a run of Devanagari letters with their vowel signs
# (which are combining marks, so \w alone would split "निविदा" in two). The danda ends a token.
_TOKEN = re.compile(r"[0-9a-z\u00c0-\u024f]+|[\u0900-\u0963\u0966-\u097f]+")

STOPWORDS_EN = frozenset(
    (
        "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "by", "with", "at", "from", "as", "is", "are",
        "be", "been", "being", "was", "were", "it", "its", "this", "that", "these", "those", "their", "there", "which",
        "who", "whom", "whose", "what", "when", "where", "how", "under", "into", "within", "all", "any", "each",
        "every", "per", "other", "such", "up", "out", "over", "also", "not", "no", "only", "so", "than", "then", "very",
        "can", "may", "shall", "will", "should", "must", "do", "does", "done", "etc", "i", "ii", "iii", "iv", "v", "vi",
    )
)  # fmt: skip
STOPWORDS_HI = frozenset(
    (
        "का", "के", "की", "को", "में", "से", "पर", "एवं", "व", "और", "तथा", "या", "है", "हैं", "था", "थे", "थी", "हो",
        "होना", "होने", "होता", "होती", "होते", "करना", "करने", "करनी", "कराना", "कराने", "कर", "किया", "किए", "किये",
        "की", "जाना", "जाने", "जाती", "जाता", "जाते", "देना", "देने", "दिया", "लेना", "लेने", "लिया", "हेतु", "लिए",
        "लिये", "द्वारा", "अंतर्गत", "अन्तर्गत", "संबंधित", "सम्बन्धित", "सभी", "प्रत्येक", "अन्य", "इस", "उस", "यह",
        "वह", "ये", "वे", "जो", "ने", "भी", "तक", "साथ", "आदि", "एक", "उनका", "उनके", "उनकी", "अपने", "अपनी", "रूप",
        "ओर", "वाले", "वाली", "वाला", "इत्यादि", "संबंधी", "विषयक", "बाबत",
    )
)  # fmt: skip
STOPWORDS = STOPWORDS_EN | STOPWORDS_HI

# Hindi light stemming (after Ramanathan & Rao): inflectional endings, longest first.
_HINDI_SUFFIXES = (
    "ाइयों",
    "ाइयां",
    "ियों",
    "ियां",
    "ाओं",
    "ाएं",
    "ुओं",
    "ुएं",
    "ों",
    "ें",
    "ीं",
    "ां",
    "ो",
    "े",
    "ी",
    "ि",
    "ा",
    "ु",
    "ू",
)


def normalise(text: str) -> str:
    """NFC, case-folded, Devanagari digits as ASCII, nukta and chandrabindu folded."""
    text = unicodedata.normalize("NFC", text or "").casefold()
    return text.translate(_DEVANAGARI_DIGITS).translate(_FOLD)


def tokens(text: str) -> list[str]:
    """Words of ``text`` after :func:`normalise`, in order, stopwords included."""
    return _TOKEN.findall(normalise(text))


def _is_devanagari(word: str) -> bool:
    return "\u0900" <= word[0] <= "\u097f"


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """A light stem: Hindi inflections and English plurals and -ing/-ed endings off."""
    if _is_devanagari(word):
        for suffix in _HINDI_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                return word[: -len(suffix)]
        return word
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ing") and len(word) > 5:
        return word[:-3]
    if word.endswith("ed") and len(word) > 4:
        return word[:-2]
    return word


def terms(text: str) -> list[str]:
    """Stems of the content words of ``text`` (stopwords dropped), in order."""
    return [stem(word) for word in tokens(text) if word not in STOPWORDS]


# --- bilingual concepts --------------------------------------------------------------------
# Each concept lists how offices write it in English and in Hindi (also common Latin-script
# names of Indian institutions). It is deliberately small: the multilingual model carries the
# meaning; this list only makes the commonest administrative terms of the two languages meet
# when that model is not available or unsure.
CONCEPTS: dict[str, tuple[str, ...]] = {
    "procurement": (
        "procurement", "purchase", "tender", "e-tendering", "bid", "gem", "supply order",
        "क्रय", "खरीद", "निविदा", "टेंडर", "जेम", "क्रय आदेश", "आपूर्ति आदेश",
    ),
    "stores": ("stores", "stock register", "store", "भंडार", "स्टॉक"),
    "contract": ("contract", "contractor", "अनुबंध", "ठेका", "ठेकेदार"),
    "rti": (
        "rti", "right to information", "public information officer", "information commission",
        "आरटीआई", "सूचना का अधिकार", "लोक सूचना अधिकारी", "सूचना आयोग",
    ),
    "land_records": (
        "land records", "record of rights", "mutation", "demarcation", "khasra", "naksha", "patwari",
        "bhu-abhilekh", "भू-अभिलेख", "अधिकार अभिलेख", "नामांतरण", "सीमांकन", "खसरा", "नक्शा", "पटवारी",
    ),
    "revenue": (
        "land revenue", "revenue court", "tehsildar", "diversion of land", "भू-राजस्व", "राजस्व न्यायालय",
        "तहसीलदार", "व्यपवर्तन", "राजस्व",
    ),
    "budget": ("budget", "expenditure", "बजट", "व्यय"),
    "treasury": ("treasury", "drawing and disbursing", "bill", "कोषालय", "आहरण", "संवितरण", "देयक"),
    "accounts": ("accounts", "cash book", "लेखा", "रोकड़ बही"),
    "audit": ("audit", "audit para", "ऑडिट", "लेखा परीक्षा", "अंकेक्षण", "कंडिका"),
    "gst": (
        "gst", "goods and services tax", "commercial tax", "input tax credit", "e-way bill",
        "जीएसटी", "वस्तु एवं सेवा कर", "वाणिज्यिक कर", "इनपुट टैक्स क्रेडिट", "ई-वे बिल",
    ),
    "grievance": (
        "grievance", "complaint", "cm helpline", "cpgrams", "jan sunwai",
        "शिकायत", "लोक शिकायत", "सीएम हेल्पलाइन", "जन सुनवाई",
    ),
    "service_guarantee": (
        "public services guarantee", "lok sewa", "service delivery", "लोक सेवा गारंटी", "लोक सेवा केंद्र",
        "सेवा प्रदाय",
    ),
    "disaster": (
        "disaster", "flood", "drought", "heat wave", "relief", "आपदा", "बाढ़", "सूखा", "लू", "राहत",
    ),
    "health": (
        "health", "immunisation", "immunization", "vaccination", "hospital", "disease",
        "स्वास्थ्य", "टीकाकरण", "चिकित्सालय", "अस्पताल", "रोग",
    ),
    "school": ("school", "education", "teacher", "विद्यालय", "स्कूल", "शिक्षा", "शिक्षक", "शाला"),
    "police": (
        "police", "fir", "first information report", "investigation", "police station",
        "पुलिस", "थाना", "विवेचना", "प्रथम सूचना रिपोर्ट", "एफआईआर",
    ),
    "noting": (
        "noting", "drafting", "note sheet", "file", "नोटिंग", "ड्राफ्टिंग", "टिप्पणी", "टिप्पण", "आलेखन",
        "प्रारूप", "नस्ती", "फाइल",
    ),
    "court": ("court", "court case", "writ petition", "hearing", "न्यायालय", "कोर्ट", "याचिका", "सुनवाई"),
    "discipline": (
        "disciplinary", "departmental inquiry", "charge sheet", "अनुशासनात्मक", "विभागीय जांच", "आरोप-पत्र",
    ),
    "establishment": (
        "service book", "leave", "increment", "pension", "transfer", "seniority", "promotion",
        "सेवा पुस्तिका", "अवकाश", "वेतनवृद्धि", "पेंशन", "स्थानांतरण", "वरिष्ठता", "पदोन्नति",
    ),
    "training": ("training", "trainer", "workshop", "प्रशिक्षण", "प्रशिक्षक", "कार्यशाला"),
    "monitoring": ("monitoring", "progress review", "अनुश्रवण", "निगरानी", "समीक्षा"),
    "data": ("data", "analysis", "spreadsheet", "excel", "dashboard", "डेटा", "आंकड़े", "विश्लेषण", "स्प्रेडशीट"),
    "egovernance": (
        "e-office", "portal", "digital signature", "aadhaar", "online", "ई-ऑफिस", "पोर्टल", "डिजिटल हस्ताक्षर",
        "आधार आधारित", "आधार प्रमाणीकरण", "ऑनलाइन",
    ),
    "cyber": ("cyber", "phishing", "password", "साइबर", "फिशिंग", "पासवर्ड"),
    "project": ("project", "milestone", "परियोजना"),
    "agriculture": (
        "agriculture", "farmer", "crop", "soil", "fertiliser", "fertilizer", "seed", "kisan", "krishi",
        "कृषि", "किसान", "कृषक", "फसल", "मृदा", "मिट्टी", "उर्वरक", "बीज",
    ),
    "rural": ("mgnrega", "nrega", "rural", "awas yojana", "मनरेगा", "ग्रामीण", "आवास योजना"),
    "panchayat": ("panchayat", "gram sabha", "gpdp", "पंचायत", "ग्राम सभा", "जीपीडीपी"),
    "municipal": (
        "municipal", "municipality", "nagar nigam", "property tax", "building permission", "urban",
        "नगर पालिका", "नगर निगम", "नगरीय", "संपत्ति कर", "भवन अनुज्ञा", "शहरी",
    ),
    "pds": ("ration", "fair price shop", "public distribution", "राशन", "उचित मूल्य दुकान", "सार्वजनिक वितरण"),
    "integrity": ("integrity", "ethics", "conduct rules", "corruption", "सत्यनिष्ठा", "नैतिकता", "आचरण", "भ्रष्टाचार"),
    "citizen": ("citizen", "नागरिक"),
    "gender": ("gender", "women", "sexual harassment", "posh", "लैंगिक", "महिला", "यौन उत्पीड़न"),
    "leadership": ("leadership", "team", "नेतृत्व", "टीम"),
    "communication": ("communication", "संप्रेषण", "संवाद"),
    "decision": ("decision", "निर्णय"),
    "appeal": ("appeal", "अपील"),
}  # fmt: skip

MAX_PHRASE = 5


@lru_cache(maxsize=1)
def _concept_phrases() -> dict[tuple[str, ...], frozenset[str]]:
    phrases: dict[tuple[str, ...], set[str]] = {}
    for concept, forms in CONCEPTS.items():
        for form in forms:
            key = tuple(terms(form))
            if key:
                phrases.setdefault(key[:MAX_PHRASE], set()).add(concept)
    return {key: frozenset(value) for key, value in phrases.items()}


def concepts_in(stems: Sequence[str]) -> list[str]:
    """The concepts whose English or Hindi form occurs in ``stems`` (from :func:`terms`), once each."""
    phrases = _concept_phrases()
    found: dict[str, None] = {}
    for start in range(len(stems)):
        for length in range(1, min(MAX_PHRASE, len(stems) - start) + 1):
            for concept in phrases.get(tuple(stems[start : start + length]), ()):
                found.setdefault(concept, None)
    return list(found)


def concept_terms(text: str) -> list[str]:
    """Content stems of ``text`` followed by its concepts, written "~concept"."""
    stems = terms(text)
    return stems + [f"~{concept}" for concept in concepts_in(stems)]


# --- keyword overlap -------------------------------------------------------------------------


@dataclass(frozen=True)
class KeywordDocument:
    """The terms of one thing to match (a competency, a course): heading terms weigh fully,
    body terms less."""

    heading: frozenset[str]
    body: frozenset[str]


BODY_WEIGHT = 0.5


class KeywordIndex:
    """IDF-weighted overlap of a text's terms with documents' terms, in [0, 1].

    The score is the share of the text's informative terms (weighted by how rare they are among
    the documents) that a document contains, so "RTI" or "सूचना का अधिकार" in a statement counts
    fully for the competency named so. Terms no document has are left out of the share: they
    say nothing about which document fits. Postings lists keep a score over thousands of
    documents to a few numpy additions.
    """

    def __init__(self, documents: Sequence[KeywordDocument]):
        self.size = len(documents)
        heading: dict[str, list[int]] = {}
        body: dict[str, list[int]] = {}
        for n, document in enumerate(documents):
            for term in document.heading:
                heading.setdefault(term, []).append(n)
            for term in document.body:
                body.setdefault(term, []).append(n)
        self._heading = {term: np.array(rows, dtype=np.int64) for term, rows in heading.items()}
        self._body = {term: np.array(rows, dtype=np.int64) for term, rows in body.items()}
        count = max(1, self.size)
        self.idf = {
            term: math.log((count + 1) / (len(heading.get(term, ())) + len(body.get(term, ())) + 0.5))
            for term in heading.keys() | body.keys()
        }

    @staticmethod
    def document(heading: Iterable[str], body: Iterable[str] = ()) -> KeywordDocument:
        heading_terms = {term for text in heading for term in concept_terms(text)}
        body_terms = {term for text in body for term in concept_terms(text)} - heading_terms
        return KeywordDocument(frozenset(heading_terms), frozenset(body_terms))

    def scores(self, text: str) -> np.ndarray:
        """The overlap score of ``text`` with each document, in the documents' order."""
        out = np.zeros(self.size, dtype=np.float32)
        query = {term for term in concept_terms(text) if term in self.idf}
        total = sum(self.idf[term] for term in query)
        if total <= 0:
            return out
        for term in query:
            weight = self.idf[term] / total
            if term in self._heading:
                out[self._heading[term]] += weight
            if term in self._body:
                out[self._body[term]] += BODY_WEIGHT * weight
        return out


def token_overlap(text: str, candidate: str) -> int:
    """How many distinct content words of ``text`` occur in ``candidate`` (plain words, no
    stems, no concepts): the keyword baseline the matcher is measured against."""
    words = {word for word in tokens(text) if word not in STOPWORDS}
    return len(words & set(tokens(candidate)))
