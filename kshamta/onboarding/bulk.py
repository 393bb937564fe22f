"""Writing many rows at once without a model instance per row: COPY on PostgreSQL, executemany on SQLite.

The importer writes lakhs of users, profiles, postings and audit events. Django's
``bulk_create`` spends most of its time building and preparing model instances
(several microseconds per field); here the caller hands over tuples of values that
are already in the database's form and the fields it does not name get their
model default, computed once per call. Callers must run inside a transaction.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection, models
from django.db.models.expressions import RawSQL
from django.db.models.fields import AutoFieldMixin


def _quote(name: str | None) -> str:
    return connection.ops.quote_name(str(name))


def field(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field):
        raise ValueError(f"{model._meta.label}.{name} is not a column")
    return field


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def db_datetime(value: datetime.datetime) -> Any:
    return connection.ops.adapt_datetimefield_value(value)


def db_date(value: datetime.date | None) -> Any:
    if value is None or is_postgres():
        return value
    return value.isoformat()


def db_json(value: Any) -> str:
    # What JSONField stores (json.dumps with its defaults); COPY text input and SQLite both take the text.
    return json.dumps(value)


def value_set(values: list[str]) -> RawSQL:
    """A subquery of the given strings, for ``field__in=``: one parameter however many values.

    A plain ``__in`` list costs Django (and psycopg's client-side binding) work per value;
    a JSON array on SQLite and a text array on PostgreSQL are handed over as one value.
    """
    if is_postgres():
        return RawSQL("SELECT unnest(%s::text[])", [values])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(values)])


class Inserter:
    """INSERTs into one model's table: ``columns`` (attnames) per row, every other field its default."""

    def __init__(self, model: type[models.Model], columns: Sequence[str]):
        meta = model._meta
        self.table = meta.db_table
        by_attname = {f.attname: f for f in meta.concrete_fields}
        unknown = [c for c in columns if c not in by_attname]
        if unknown:
            raise ValueError(f"{meta.label} has no columns {unknown}")
        self.columns = list(columns)
        self.rest = [
            f
            for f in meta.concrete_fields
            if f.attname not in self.columns and not (f.primary_key and isinstance(f, AutoFieldMixin))
        ]

    def _tail(self, now: datetime.datetime) -> tuple[Any, ...]:
        values = []
        for f in self.rest:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                value: Any = now
            else:
                value = f.get_default()
            values.append(f.get_db_prep_save(value, connection))
        return tuple(values)

    def insert(self, rows: Iterable[tuple[Any, ...]], now: datetime.datetime) -> None:
        quote = _quote
        names = ", ".join(quote(c) for c in [*self.columns, *(f.column for f in self.rest)])
        tail = self._tail(now)
        with connection.cursor() as cursor:
            if is_postgres():
                sql = f"COPY {quote(self.table)} ({names}) FROM STDIN"
                # The raw psycopg cursor: its errors are turned into Django's (IntegrityError...) here,
                # so a refused chunk is retried row by row like any other database error.
                with connection.wrap_database_errors, cursor.cursor.copy(sql) as copy:
                    for row in rows:
                        copy.write_row(row + tail)
            else:
                marks = ", ".join(["%s"] * (len(self.columns) + len(tail)))
                cursor.executemany(
                    f"INSERT INTO {quote(self.table)} ({names}) VALUES ({marks})",  # noqa: S608
                    [row + tail for row in rows],
                )


def update_rows(model: type[models.Model], columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """UPDATE each row by primary key; every tuple is the new column values then the key."""
    if not rows:
        return
    quote = _quote
    meta = model._meta
    assignments = ", ".join(f"{quote(field(model, c).column)} = %s" for c in columns)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s",  # noqa: S608
            rows,
        )


def new_ids(model: type[models.Model], count: int) -> list[int]:
    """``count`` primary keys nobody else can take, for rows that are inserted with them.

    PostgreSQL hands them out from the table's sequence. SQLite's import transaction
    is BEGIN IMMEDIATE (it holds the write lock), so the next ids after the highest
    ever used (AUTOINCREMENT keeps that in sqlite_sequence) cannot be taken meanwhile.
    """
    if count <= 0:
        return []
    table = model._meta.db_table
    pk = str(model._meta.pk.column)
    quote = _quote
    with connection.cursor() as cursor:
        if is_postgres():
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)", [table, pk, count]
            )
            return [r[0] for r in cursor.fetchall()]
        cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'")
        sequence = 0
        if cursor.fetchone()[0]:
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            found = cursor.fetchone()
            sequence = found[0] if found else 0
        cursor.execute(f"SELECT max({quote(pk)}) FROM {quote(table)}")  # noqa: S608
        highest = max(sequence or 0, cursor.fetchone()[0] or 0)
    return list(range(highest + 1, highest + 1 + count))
