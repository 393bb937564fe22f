"""The HRMS file's columns, in file order (no Django imports: benchmark scripts use them too)."""

# The columns of the template and of a typical HRMS export.
TEMPLATE_COLUMNS = [
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
]
# Every column the importer reads: the template's plus an optional status (e.g. retired).
COLUMNS = [*TEMPLATE_COLUMNS, "status"]
REQUIRED_COLUMNS = ["employee_code", "designation", "org_code"]
