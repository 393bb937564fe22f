"""Reading one HRMS row: columns in English or Hindi, every value checked, reasons in both languages.

Nothing here touches the database: the lookups (organisations, designations)
are loaded once per job by the caller, and the in-file memory (codes, e-mails
and mobiles already seen) lives on the parser, so re-reading the same file
gives the same answers (which is what lets an interrupted import resume).
"""

from __future__ import annotations

import datetime
import operator
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from kshamta.accounts.parsing import parse_category, parse_gender, parse_group, parse_status
from kshamta.core.spreadsheets import header_key
from kshamta.core.text import EMAIL_PATTERN, clean_text, normalise_email, normalise_mobile, parse_indian_date
from kshamta.onboarding.columns import COLUMNS, REQUIRED_COLUMNS

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


def cell_text(value: Any) -> str:
    """clean_text for a cell. Integral numbers (Excel stores codes and mobiles as floats) lose their ``.0``."""
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


_MISSING: Any = object()
# Per-job memo of parsed cell values (genders, categories, dates...): files repeat a few
# thousand distinct values over lakhs of rows. Bounded so an odd file cannot grow it.
_MEMO_LIMIT = 50_000


def clean_cells(values: tuple[Any, ...]) -> list[str]:
    """cell_text of every value, with one check for the whole row when every cell is ASCII text."""
    try:
        if "".join(values).isascii():
            return [" ".join(v.split()) for v in values]
    except TypeError:  # numbers or dates from a workbook
        pass
    return [cell_text(v) for v in values]


def _memo(cache: dict[Any, Any], key: Any, compute: Any) -> Any:
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute(key)
        if len(cache) < _MEMO_LIMIT:
            cache[key] = value
    return value


class RowParser:
    """Parses rows of one file in order, remembering what earlier rows claimed.

    The in-file memory is the one part that grows with the file: a set of the
    employee codes seen and two dicts from an e-mail / mobile to the code that
    claimed it (the code strings are shared with the set).
    """

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
        self.latest_date = today + datetime.timedelta(days=366)
        self.seen_codes: set[str] = set()
        self.email_owner: dict[str, str] = {}
        self.mobile_owner: dict[str, str] = {}
        # Cells are picked in COLUMNS order; an absent column reads the blank slot after the last real one.
        self._width = max(self.index.values(), default=-1) + 1
        positions = [self.index.get(c, self._width) for c in COLUMNS]
        self._pick = operator.itemgetter(*positions)
        self._memos: dict[str, dict[Any, Any]] = {
            name: {} for name in ("gender", "category", "group", "status", "date", "org", "designation")
        }

    def add_designation(self, ref: DesignationRef, name_en: str, name_hi: str) -> None:
        self.designations[ref.code.upper()] = ref
        if name_en:
            self.designations[name_en.lower()] = ref
        if name_hi:
            self.designations[name_hi] = ref
        self._memos["designation"].clear()

    def find_designation(self, value: str) -> DesignationRef | None:
        return (
            self.designations.get(value.upper()) or self.designations.get(value.lower()) or self.designations.get(value)
        )

    def raw_dict(self, cells: list[Any]) -> dict[str, Any]:
        return {name: plain(cells[i]) if i < len(cells) else "" for i, name in enumerate(self.header) if name}

    def _org(self, org_code: str) -> OrgRef | Problem:
        org = self.orgs.get(org_code) or self.orgs.get(org_code.upper())
        if org is None:
            return Problem("unknown_org", {"value": org_code})
        if not org.path.startswith(self.scope.path):
            return Problem("org_out_of_scope", {"value": org_code, "scope": self.scope.code})
        return org

    def _date(self, text: str) -> datetime.date | Literal[False] | None:
        """The date, or False when it is not a possible date."""
        parsed = parse_date(text)
        if parsed is None or parsed.year < 1900 or parsed > self.latest_date:
            return False
        return parsed

    def parse(self, line: int, cells: list[Any]) -> Row | Rejected:
        width = self._width
        n = len(cells)
        padded = cells[:width] if n >= width else cells + [""] * (width - n)
        padded.append("")
        raw = self._pick(padded)
        (
            code,
            name_en,
            name_hi,
            email_text,
            mobile_text,
            designation_value,
            group_text,
            org_code,
            birth_text,
            gender_text,
            category_text,
            joining_text,
            status_text,
        ) = clean_cells(raw)
        problems: list[Problem] = []
        memos = self._memos

        if not code:
            problems.append(Problem("code_missing"))
        elif code in self.seen_codes:
            problems.append(Problem("duplicate_code", {"value": code}))
        else:
            self.seen_codes.add(code)
        if not (name_en or name_hi):
            problems.append(Problem("name_missing"))

        email = None
        if email_text:
            if isinstance(raw[3], str):
                lowered = email_text.lower()
                email = lowered if len(lowered) <= 254 and EMAIL_PATTERN.match(lowered) else None
            else:
                email = normalise_email(raw[3])
            if email is None:
                problems.append(Problem("bad_email", {"value": email_text}))
        mobile = None
        if mobile_text:
            if len(mobile_text) == 10 and mobile_text.isdigit() and mobile_text[0] in "6789":
                mobile = mobile_text
            else:
                mobile = normalise_mobile(raw[4])
            if mobile is None:
                problems.append(Problem("bad_mobile", {"value": mobile_text}))

        birth: datetime.date | None = None
        joining: datetime.date | None = None
        for column, text, value in (("date_of_birth", birth_text, raw[8]), ("date_of_joining", joining_text, raw[11])):
            if not text:
                continue
            parsed = _memo(memos["date"], text, self._date) if isinstance(value, str) else self._date(value)
            if parsed is False:
                problems.append(
                    Problem("bad_date", {"column": column, "column_hi": DATE_COLUMNS_HI[column], "value": text})
                )
            elif column == "date_of_birth":
                birth = parsed
            else:
                joining = parsed
        if birth is not None and birth >= self.today:
            problems.append(
                Problem("bad_date", {"column": "date_of_birth", "column_hi": "जन्म तिथि", "value": cell_text(birth)})
            )

        gender = _memo(memos["gender"], gender_text, parse_gender) if isinstance(raw[9], str) else parse_gender(raw[9])
        if gender is None:
            problems.append(Problem("bad_gender", {"value": gender_text}))
        category = (
            _memo(memos["category"], category_text, parse_category)
            if isinstance(raw[10], str)
            else parse_category(raw[10])
        )
        if category is None:
            problems.append(Problem("bad_category", {"value": category_text}))
        group = _memo(memos["group"], group_text, parse_group) if isinstance(raw[6], str) else parse_group(raw[6])
        if group is None:
            problems.append(Problem("bad_group", {"value": group_text}))
        status = ""
        if status_text:
            status = _memo(memos["status"], status_text, parse_status) or ""
            if not status:
                problems.append(Problem("bad_status", {"value": status_text}))

        org = None
        if not org_code:
            problems.append(Problem("org_missing"))
        else:
            found = _memo(memos["org"], org_code, self._org)
            if isinstance(found, Problem):
                problems.append(found)
            else:
                org = found

        designation = None
        if not designation_value:
            problems.append(Problem("designation_missing"))
        else:
            designation = _memo(memos["designation"], designation_value, self.find_designation)
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
            date_of_joining=joining,
            gender=gender or "",
            category=category or "",
            status=status,
        )
