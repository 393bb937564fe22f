"""Benchmark: ``manage.py generate_state --employees N`` (default 4,00,000) into a fresh database.

Prints one JSON line: {"name", "value" (seconds for the whole command), "unit",
"baseline" (seconds for a bare executemany (SQLite) / COPY (PostgreSQL) of the same
N people, one row each with the columns of a user and a profile, into a plain table
without indexes, measured in the same run), "ratio", ...details}.

    .venv/bin/python bench/generate_state.py                      # SQLite, var/bench/state.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kshamta_bench .venv/bin/python bench/generate_state.py
    .venv/bin/python bench/generate_state.py --employees 50000

The database is dropped and re-created first (SQLite: the file; PostgreSQL: the
database named in DATABASE_URL, through the server's ``postgres`` database; it waits
while other sessions use it, and never drops it from under them) and is left in place
afterwards, so bench/people_list.py and others can run against the generated state.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE = ROOT / "var" / "bench" / "state.sqlite3"
PLAIN_COLUMNS = (
    "email text, mobile text, name_en text, name_hi text, password text, preferred_language text, "
    "date_joined text, first_sign_in_at text, employee_code text, org_id bigint, designation_id bigint, "
    "grp text, date_of_birth text, date_of_joining text, gender text, category text, status text, "
    "search_text text"
)
PEOPLE_SQL = """
    SELECT u.email, u.mobile, u.name_en, u.name_hi, u.password, u.preferred_language,
           u.date_joined, u.first_sign_in_at, p.employee_code, p.org_id, p.designation_id,
           p."group", p.date_of_birth, p.date_of_joining, p.gender, p.category, p.status, p.search_text
    FROM accounts_profile p JOIN accounts_user u ON u.id = p.user_id
"""


def database_url() -> str:
    return os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE}"


def is_postgres(url: str) -> bool:
    return urlparse(url).scheme in {"postgres", "postgresql", "pgsql"}


def sqlite_path(url: str) -> Path:
    path = urlparse(url).path
    return Path(path[1:] if url.startswith("sqlite:///") and not url.startswith("sqlite:////") else path)


def pg_connect(url: str, *, dbname: str | None = None) -> Any:
    import psycopg

    parsed = urlparse(url)
    return psycopg.connect(
        host=parsed.hostname or "127.0.0.1",
        port=parsed.port or 5432,
        user=parsed.username or "postgres",
        password=parsed.password or None,
        dbname=dbname or parsed.path.lstrip("/"),
        autocommit=dbname is not None,
    )


def _sqlite_in_use(path: Path) -> bool:
    """Whether another process has the database file open (Linux /proc; elsewhere: assume not)."""
    target = str(path.resolve())
    for fd_dir in Path("/proc").glob("[0-9]*/fd"):
        try:
            if any(os.readlink(fd) == target for fd in fd_dir.iterdir()):
                return True
        except OSError:
            continue
    return False


def fresh_database(url: str, *, wait_seconds: int) -> None:
    """Drop and re-create the database, after waiting for anyone still using it (never forcibly)."""
    deadline = time.monotonic() + wait_seconds
    if is_postgres(url):
        name = urlparse(url).path.lstrip("/")
        if not name.replace("_", "").isalnum():
            raise SystemExit(f"refusing to drop a database named {name!r}")
        with pg_connect(url, dbname="postgres") as admin:
            while True:
                row = admin.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [name]).fetchone()
                if not row or not row[0] or time.monotonic() > deadline:
                    break
                print(f"waiting: {row[0]} other session(s) use {name}", file=sys.stderr)
                time.sleep(10)
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
    else:
        path = sqlite_path(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        while path.exists() and _sqlite_in_use(path) and time.monotonic() < deadline:
            print(f"waiting: another process has {path} open", file=sys.stderr)
            time.sleep(10)
        if path.exists() and _sqlite_in_use(path):
            raise SystemExit(f"{path} is still in use; not deleting it")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def manage(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings"}
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=True,
    )


def read_people(url: str) -> list[tuple[Any, ...]]:
    if is_postgres(url):
        with pg_connect(url) as conn:
            return [tuple(None if v is None else str(v) for v in row) for row in conn.execute(PEOPLE_SQL)]
    with sqlite3.connect(sqlite_path(url)) as conn:
        return list(conn.execute(PEOPLE_SQL))


def baseline_seconds(url: str, rows: list[tuple[Any, ...]]) -> float:
    """Insert ``rows`` into a plain table as fast as the driver allows; drop it afterwards."""
    if is_postgres(url):
        with pg_connect(url) as conn:
            conn.execute(f"DROP TABLE IF EXISTS bench_plain_people; CREATE TABLE bench_plain_people ({PLAIN_COLUMNS})")
            conn.commit()
            started = time.perf_counter()
            with conn.cursor() as cursor, cursor.copy("COPY bench_plain_people FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            conn.commit()
            seconds = time.perf_counter() - started
            conn.execute("DROP TABLE bench_plain_people")
            conn.commit()
            return seconds
    path = sqlite_path(url).with_name("baseline.sqlite3")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")  # as the application's connections
    conn.execute(f"CREATE TABLE bench_plain_people ({PLAIN_COLUMNS})")
    placeholders = ", ".join("?" * len(rows[0])) if rows else "?"
    started = time.perf_counter()
    conn.execute("BEGIN")
    # Only "?" placeholders are formatted in; the values are bound.
    conn.executemany(f"INSERT INTO bench_plain_people VALUES ({placeholders})", rows)  # noqa: S608
    conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    conn.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return seconds


def server_version(url: str) -> str:
    if is_postgres(url):
        with pg_connect(url) as conn:
            row = conn.execute("SHOW server_version").fetchone()
            return f"PostgreSQL {row[0]}" if row else "PostgreSQL"
    return f"SQLite {sqlite3.sqlite_version}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("employees", nargs="?", type=int, default=400_000, help="people to generate (default 400000)")
    parser.add_argument("--employees", dest="employees_opt", type=int, help="same as the positional argument")
    parser.add_argument("--departments", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--wait", type=int, default=1800, help="seconds to wait for other users of the database to finish"
    )
    args = parser.parse_args()
    employees = args.employees_opt or args.employees
    url = database_url()

    fresh_database(url, wait_seconds=args.wait)
    manage(url, "migrate", "--noinput", "-v0")
    started = time.perf_counter()
    done = manage(
        url,
        "generate_state",
        "--employees",
        str(employees),
        "--departments",
        str(args.departments),
        "--seed",
        str(args.seed),
    )
    seconds = time.perf_counter() - started
    summary = json.loads(done.stdout.strip().splitlines()[-1])

    rows = read_people(url)
    baseline = baseline_seconds(url, rows)
    print(
        json.dumps(
            {
                "name": "generate_state",
                "value": round(seconds, 2),
                "unit": "s",
                "baseline": round(baseline, 2),
                "ratio": round(seconds / baseline, 1) if baseline else None,
                "employees": summary["employees"],
                "people_per_second": round(summary["employees"] / seconds),
                "baseline_rows_per_second": round(len(rows) / baseline) if baseline else None,
                "baseline_method": "COPY" if is_postgres(url) else "executemany",
                "seconds_tree": summary["seconds_tree"],
                "seconds_people": summary["seconds_people"],
                "organisations": summary["organisations"],
                "designations": summary["designations"],
                "sanctioned_rows": summary["sanctioned_rows"],
                "coverage": summary["coverage"],
                "database": server_version(url),
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
            }
        )
    )


if __name__ == "__main__":
    main()
