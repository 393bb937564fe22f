"""Reading one HRMS row: columns in English or Hindi, every value checked, reasons in both languages.

Nothing here touches the database: the lookups (organisations, designations)
are loaded once per job by the caller, and the in-file memory (codes, e-mails
and mobiles already seen) lives on the parser, so re-reading the same file
gives the same answers (which is what lets an interrupted import resume).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from kshamta.accounts.parsing import parse_category, parse_gender, parse_group, parse_status
from kshamta.core.spreadsheets import header_key
from kshamta.core.text import clean_text, normalise_email, normalise_mobile, parse_indian_date

COLUMNS = [
    "employee_code",
    "name_en",
    "name_hi",
    "email",
    "mobile",
    "designation",
    "group",
    "org_code",
    "date_of_birth",
    "gender",
    "category",
    "date_of_joining",
    "status",
]
REQUIRED_COLUMNS = ["employee_code", "designation", "org_code"]

_ALIASES = {
    # Hindi headers as HRMS exports in Hindi write them.
    "कर्मचारी कोड": "employee_code",
    "नाम (अंग्रेज़ी)": "name_en",
    "नाम (अंग्रेजी)": "name_en",
    "नाम (हिंदी)": "name_hi",
    "नाम (हिन्दी)": "name_hi",
    "ईमेल": "email",
    "ई-मेल": "email",
    "मोबाइल": "mobile",
    "मोबाइल नंबर": "mobile",
    "पदनाम": "designation",
    "समूह": "group",
    "संगठन कोड": "org_code",
    "जन्म तिथि": "date_of_birth",
    "लिंग": "gender",
    "श्रेणी": "category",
    "वर्ग": "category",
    "कार्यभार ग्रहण तिथि": "date_of_joining",
    "स्थिति": "status",
    # English variants seen in the field.
    "e-mail": "email",
    "email_id": "email",
    "mobile_no": "mobile",
    "mobile_number": "mobile",
    "designation_code": "designation",
    "dob": "date_of_birth",
    "doj": "date_of_joining",
}


def canonical_header(value: object) -> str:
    """Header key ignoring case, spaces, brackets and the nukta (ज़/ज both match)."""
    key = header_key(value).replace("\u093c", "").replace("(", "").replace(")", "")
    key = re.sub(r"_+", "_", key).strip("_")
    return key


_HEADER_TO_COLUMN = {canonical_header(k): v for k, v in _ALIASES.items()} | {c: c for c in COLUMNS}


def column_index(header: list[str]) -> dict[str, int]:
    """Where each known column is in the file's header (the first of duplicates wins)."""
    index: dict[str, int] = {}
    for i, name in enumerate(header):
        column = _HEADER_TO_COLUMN.get(canonical_header(name))
        if column and column not in index:
            index[column] = i
    return index


def missing_columns(index: dict[str, int]) -> list[str]:
    missing = [c for c in REQUIRED_COLUMNS if c not in index]
    if "name_en" not in index and "name_hi" not in index:
        missing.append("name_en/name_hi")
    return missing


# --- reasons, in English and Hindi ------------------------------------------------

REASONS: dict[str, tuple[str, str]] = {
    "code_missing": ("employee code is missing", "कर्मचारी कोड नहीं दिया गया है"),
    "name_missing": ("a name in English or Hindi is required", "अंग्रेज़ी या हिंदी में नाम आवश्यक है"),
    "designation_missing": ("designation is missing", "पदनाम नहीं दिया गया है"),
    "org_missing": ("organisation code is missing", "संगठन कोड नहीं दिया गया है"),
    "bad_email": ("%(value)s is not a valid e-mail address", "%(value)s मान्य ई-मेल पता नहीं है"),
    "bad_mobile": (
        "%(value)s is not a valid Indian mobile number (10 digits starting with 6-9)",
        "%(value)s मान्य भारतीय मोबाइल नंबर नहीं है (6-9 से शुरू होने वाले 10 अंक)",
    ),
    "bad_date": ("%(column)s %(value)s is not a possible date", "%(column_hi)s %(value)s संभव तिथि नहीं है"),
    "bad_gender": ("unknown gender %(value)s (use M, F or O)", "अज्ञात लिंग %(value)s (M, F या O लिखें)"),
    "bad_category": (
        "unknown category %(value)s (use GEN, OBC, SC, ST or EWS)",
        "अज्ञात श्रेणी %(value)s (GEN, OBC, SC, ST या EWS लिखें)",
    ),
    "bad_group": ("unknown group %(value)s (use A, B, C or D)", "अज्ञात समूह %(value)s (A, B, C या D लिखें)"),
    "bad_status": (
        "unknown status %(value)s (use active, transferred, retired or suspended)",
        "अज्ञात स्थिति %(value)s (active, transferred, retired या suspended लिखें)",
    ),
    "unknown_org": ("unknown organisation code %(value)s", "अज्ञात संगठन कोड %(value)s"),
    "org_out_of_scope": (
        "organisation %(value)s is outside your organisation %(scope)s",
        "संगठन %(value)s आपके संगठन %(scope)s के बाहर है",
    ),
    "unknown_designation": ("unknown designation %(value)s", "अज्ञात पदनाम %(value)s"),
    "designation_not_used": (
        "designation %(value)s is not used in organisation %(org)s",
        "पदनाम %(value)s संगठन %(org)s में प्रयुक्त नहीं होता",
    ),
    "duplicate_code": (
        "employee code %(value)s already appears earlier in this file (the first row is used)",
        "कर्मचारी कोड %(value)s इस फ़ाइल में पहले आ चुका है (पहली पंक्ति ली गई है)",
    ),
    "email_in_file": (
        "e-mail %(value)s is already given to employee %(other)s earlier in this file",
        "ई-मेल %(value)s इस फ़ाइल में पहले कर्मचारी %(other)s को दिया जा चुका है",
    ),
    "mobile_in_file": (
        "mobile %(value)s is already given to employee %(other)s earlier in this file",
        "मोबाइल %(value)s इस फ़ाइल में पहले कर्मचारी %(other)s को दिया जा चुका है",
    ),
    "email_taken": (
        "e-mail %(value)s belongs to another person",
        "ई-मेल %(value)s किसी अन्य व्यक्ति का है",
    ),
    "mobile_taken": (
        "mobile %(value)s belongs to another person",
        "मोबाइल %(value)s किसी अन्य व्यक्ति का है",
    ),
    "identity_missing": (
        "an e-mail address or a mobile number is required to sign in",
        "साइन इन के लिए ई-मेल पता या मोबाइल नंबर आवश्यक है",
    ),
    "person_out_of_scope": (
        "employee %(value)s works in %(org)s, outside your organisation",
        "कर्मचारी %(value)s %(org)s में कार्यरत है, जो आपके संगठन के बाहर है",
    ),
    "not_saved": ("the row could not be saved: %(error)s", "पंक्ति सहेजी नहीं जा सकी: %(error)s"),
}

DATE_COLUMNS_HI = {"date_of_birth": "जन्म तिथि", "date_of_joining": "कार्यभार ग्रहण तिथि"}


@dataclass
class Problem:
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def texts(self) -> tuple[str, str]:
        en, hi = REASONS[self.key]
        return en % self.params, hi % self.params


def reasons(problems: list[Problem]) -> tuple[str, str]:
    texts = [p.texts() for p in problems]
    return "; ".join(t[0] for t in texts), "; ".join(t[1] for t in texts)


# --- cleaning, fast for the common case -----------------------------------------

_NEEDS_SLOW_CLEAN = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"\s+")


def cell_text(value: Any) -> str:
    """clean_text for a cell, without its per-character loop when there is nothing to drop.

    Integral numbers (Excel stores codes and mobiles as floats) lose their ``.0``.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        if _NEEDS_SLOW_CLEAN.search(value):
            return clean_text(value)
        if not value.isascii() and not unicodedata.is_normalized("NFC", value):
            value = unicodedata.normalize("NFC", value)
        return _SPACES.sub(" ", value).strip()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return clean_text(value)


_DAY_FIRST = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(value: Any) -> datetime.date | None:
    """parse_indian_date, with the two common text shapes parsed without strptime."""
    if isinstance(value, str):
        text = value.strip()
        match = _DAY_FIRST.match(text)
        if match:
            day, month, year = int(match[1]), int(match[3]), int(match[4])
        else:
            match = _ISO.match(text)
            if not match:
                return parse_indian_date(value)
            year, month, day = int(match[1]), int(match[2]), int(match[3])
        try:
            return datetime.date(year, month, day)
        except ValueError:
            return None
    return parse_indian_date(value)


def plain(value: Any) -> Any:
    """A cell as a JSON value (for the stored raw row)."""
    if value is None or isinstance(value, str | int | bool):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


# --- one row ------------------------------------------------------------------


@dataclass(slots=True)
class OrgRef:
    id: int
    code: str
    path: str


@dataclass(slots=True)
class DesignationRef:
    id: int
    code: str
    path: str  # of the organisation that defines it
    group: str


@dataclass(slots=True)
class Row:
    """A row that passed every check that needs no database."""

    line: int
    cells: list[Any]
    employee_code: str
    name_en: str
    name_hi: str
    email: str | None
    mobile: str | None
    org: OrgRef
    designation: DesignationRef | None  # None: a new designation, created on apply
    designation_value: str
    group: str
    date_of_birth: datetime.date | None
    date_of_joining: datetime.date | None
    gender: str
    category: str
    status: str  # '' when the file does not say


@dataclass(slots=True)
class Rejected:
    line: int
    cells: list[Any]
    problems: list[Problem]


class RowParser:
    """Parses rows of one file in order, remembering what earlier rows claimed."""

    def __init__(
        self,
        *,
        header: list[str],
        scope: OrgRef,
        orgs: dict[str, OrgRef],
        designations: dict[str, DesignationRef],
        create_designations: bool,
        today: datetime.date,
    ):
        self.header = header
        self.index = column_index(header)
        self.scope = scope
        self.orgs = orgs
        # Keys: code upper-cased, English name lower-cased, Hindi name as written.
        self.designations = designations
        self.create_designations = create_designations
        self.today = today
        self.seen_codes: set[str] = set()
        self.email_owner: dict[str, str] = {}
        self.mobile_owner: dict[str, str] = {}

    def add_designation(self, ref: DesignationRef, name_en: str, name_hi: str) -> None:
        self.designations[ref.code.upper()] = ref
        if name_en:
            self.designations[name_en.lower()] = ref
        if name_hi:
            self.designations[name_hi] = ref

    def find_designation(self, value: str) -> DesignationRef | None:
        return (
            self.designations.get(value.upper()) or self.designations.get(value.lower()) or self.designations.get(value)
        )

    def _cell(self, cells: list[Any], column: str) -> Any:
        i = self.index.get(column)
        if i is None or i >= len(cells):
            return None
        return cells[i]

    def raw_dict(self, cells: list[Any]) -> dict[str, Any]:
        return {name: plain(cells[i]) if i < len(cells) else "" for i, name in enumerate(self.header) if name}

    def parse(self, line: int, cells: list[Any]) -> Row | Rejected:
        problems: list[Problem] = []
        cell = self._cell

        code = cell_text(cell(cells, "employee_code"))
        name_en = cell_text(cell(cells, "name_en"))
        name_hi = cell_text(cell(cells, "name_hi"))
        designation_value = cell_text(cell(cells, "designation"))
        org_code = cell_text(cell(cells, "org_code"))
        if not code:
            problems.append(Problem("code_missing"))
        elif code in self.seen_codes:
            problems.append(Problem("duplicate_code", {"value": code}))
        else:
            self.seen_codes.add(code)
        if not (name_en or name_hi):
            problems.append(Problem("name_missing"))

        raw_email = cell(cells, "email")
        email = None
        if cell_text(raw_email):
            email = normalise_email(raw_email)
            if email is None:
                problems.append(Problem("bad_email", {"value": cell_text(raw_email)}))
        raw_mobile = cell(cells, "mobile")
        mobile = None
        if cell_text(raw_mobile):
            mobile = normalise_mobile(raw_mobile)
            if mobile is None:
                problems.append(Problem("bad_mobile", {"value": cell_text(raw_mobile)}))

        dates: dict[str, datetime.date | None] = {}
        for column in ("date_of_birth", "date_of_joining"):
            raw = cell(cells, column)
            dates[column] = None
            if cell_text(raw):
                parsed = parse_date(raw)
                if parsed is None or parsed.year < 1900 or parsed > self.today + datetime.timedelta(days=366):
                    problems.append(
                        Problem(
                            "bad_date",
                            {"column": column, "column_hi": DATE_COLUMNS_HI[column], "value": cell_text(raw)},
                        )
                    )
                else:
                    dates[column] = parsed
        birth = dates["date_of_birth"]
        if birth is not None and birth >= self.today:
            problems.append(
                Problem("bad_date", {"column": "date_of_birth", "column_hi": "जन्म तिथि", "value": cell_text(birth)})
            )

        gender = parse_gender(cell(cells, "gender"))
        if gender is None:
            problems.append(Problem("bad_gender", {"value": cell_text(cell(cells, "gender"))}))
        category = parse_category(cell(cells, "category"))
        if category is None:
            problems.append(Problem("bad_category", {"value": cell_text(cell(cells, "category"))}))
        group = parse_group(cell(cells, "group"))
        if group is None:
            problems.append(Problem("bad_group", {"value": cell_text(cell(cells, "group"))}))
        status = ""
        raw_status = cell_text(cell(cells, "status"))
        if raw_status:
            status = parse_status(raw_status) or ""
            if not status:
                problems.append(Problem("bad_status", {"value": raw_status}))

        org = None
        if not org_code:
            problems.append(Problem("org_missing"))
        else:
            org = self.orgs.get(org_code) or self.orgs.get(org_code.upper())
            if org is None:
                problems.append(Problem("unknown_org", {"value": org_code}))
            elif not org.path.startswith(self.scope.path):
                problems.append(Problem("org_out_of_scope", {"value": org_code, "scope": self.scope.code}))
                org = None

        designation = None
        if not designation_value:
            problems.append(Problem("designation_missing"))
        else:
            designation = self.find_designation(designation_value)
            if designation is None and not self.create_designations:
                problems.append(Problem("unknown_designation", {"value": designation_value}))
            elif designation is not None and org is not None and not org.path.startswith(designation.path):
                problems.append(Problem("designation_not_used", {"value": designation_value, "org": org.code}))

        # Identities claimed by an earlier row with another code (first row wins).
        if code and email:
            other = self.email_owner.get(email)
            if other is not None and other != code:
                problems.append(Problem("email_in_file", {"value": email, "other": other}))
        if code and mobile:
            other = self.mobile_owner.get(mobile)
            if other is not None and other != code:
                problems.append(Problem("mobile_in_file", {"value": mobile, "other": other}))

        if problems or org is None:
            return Rejected(line, cells, problems)
        if email:
            self.email_owner.setdefault(email, code)
        if mobile:
            self.mobile_owner.setdefault(mobile, code)
        return Row(
            line=line,
            cells=cells,
            employee_code=code,
            name_en=name_en,
            name_hi=name_hi,
            email=email,
            mobile=mobile,
            org=org,
            designation=designation,
            designation_value=designation_value,
            group=group or "",
            date_of_birth=birth,
            date_of_joining=dates["date_of_joining"],
            gender=gender or "",
            category=category or "",
            status=status,
        )
