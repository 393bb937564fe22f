"""Benchmark: bulk HRMS import of N employees (default 12 lakh) with ~2 % bad rows.

Prints one JSON line per database: {"name", "value" (rows/s of the first import),
"unit", "baseline" (rows/s of a bare executemany / COPY of the same clean rows
into a plain table, measured in the same run), "ratio", ...timings, peak memory}.

    .venv/bin/python bench/import_employees.py --rows 50000 --db sqlite
    .venv/bin/python bench/import_employees.py --rows 50000 --db postgres

Each database runs in its own process so peak memory (ru_maxrss) is its own.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kshamta.onboarding.columns import TEMPLATE_COLUMNS  # noqa: E402

PG_URL = "postgres://postgres@127.0.0.1:5432/kshamta_import_bench"
DEPARTMENTS = 40
DISTRICTS = 10
DESIGNATIONS = 6


def generate(path: Path, rows: int, *, changed_every: int = 0, seed: int = 7) -> int:
    """Write the HRMS CSV; return how many rows are deliberately bad (~2 %)."""
    rng = random.Random(seed)
    bad = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(TEMPLATE_COLUMNS)
        for i in range(rows):
            dept = i % DEPARTMENTS
            district = (i // DEPARTMENTS) % DISTRICTS
            email = f"emp{i}@bench.gov.in"
            mobile = f"9{i:09d}"
            name_en = f"Employee {i}"
            org_code = f"B-D{dept:02d}-X{district:02d}"
            dob = f"{1 + i % 28:02d}-{1 + i % 12:02d}-{1960 + i % 40}"
            if changed_every and i % changed_every == 0:
                name_en += " Renamed"
            kind = rng.random()
            if kind < 0.005:
                email, bad = "not-an-email", bad + 1
            elif kind < 0.010:
                mobile, bad = "12345", bad + 1
            elif kind < 0.015:
                org_code, bad = "NO-SUCH-ORG", bad + 1
            elif kind < 0.020:
                dob, bad = "31-02-1980", bad + 1
            out.writerow(
                [
                    f"E{i:08d}",
                    name_en,
                    f"कर्मचारी {i}",
                    email,
                    mobile,
                    f"B-D{dept:02d}-G{i % DESIGNATIONS}",
                    "C",
                    org_code,
                    dob,
                    "MFO"[i % 3],
                    ["GEN", "OBC", "SC", "ST", "EWS"][i % 5],
                    f"{1 + i % 28:02d}/{1 + i % 12:02d}/{2000 + i % 24}",
                ]
            )
    return bad


def child(db: str, rows: int) -> dict[str, object]:
    work = Path(tempfile.mkdtemp(prefix="kshamta-bench-import-"))
    if db == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    else:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS kshamta_import_bench")
            conn.execute("CREATE DATABASE kshamta_import_bench")
        os.environ["DATABASE_URL"] = PG_URL
    os.environ["MEDIA_ROOT"] = str(work / "media")
    os.environ["TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["LOG_LEVEL"] = "WARNING"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from kshamta.orgs.actions import do_create_org, do_save_designation

    try:
        call_command("migrate", verbosity=0)
        state = do_create_org(code="B", kind="state", name_en="Bench State", parent=None, acting_user=None)
        for d in range(DEPARTMENTS):
            dept = do_create_org(
                code=f"B-D{d:02d}", kind="department", name_en=f"Dept {d}", parent=state, acting_user=None
            )
            for g in range(DESIGNATIONS):
                do_save_designation(
                    org=dept, code=f"B-D{d:02d}-G{g}", name_en=f"Post {d}-{g}", group="C", acting_user=None
                )
            for x in range(DISTRICTS):
                do_create_org(
                    code=f"B-D{d:02d}-X{x:02d}",
                    kind="district",
                    name_en=f"Office {d}-{x}",
                    parent=dept,
                    acting_user=None,
                )

        csv_path = work / "hrms.csv"
        bad = generate(csv_path, rows)

        def run(path: Path) -> tuple[float, dict[str, object]]:
            started = time.perf_counter()
            out = subprocess_free_call(call_command, path)
            return time.perf_counter() - started, out

        first_s, first = run(csv_path)
        first_peak_mb = _peak_mb()
        again_s, again = run(csv_path)
        changed_path = work / "hrms-changed.csv"
        generate(changed_path, rows, changed_every=20)
        changed_s, changed = run(changed_path)
        imports_peak_mb = _peak_mb()  # before the baseline, which holds every clean row in memory

        # Baseline: the same clean rows into a plain table, bare executemany / COPY.
        clean = []
        with csv_path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            next(reader)
            clean = [r for r in reader if "not-an-email" not in r and "12345" not in r and "NO-SUCH-ORG" not in r]
        columns = ", ".join(f"c{i} text" for i in range(12))
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE TABLE bench_plain (id integer primary key, {columns})")
        started = time.perf_counter()
        with connection.cursor() as cursor:
            if db == "sqlite":
                marks = ", ".join(["%s"] * 13)
                insert = f"INSERT INTO bench_plain VALUES ({marks})"  # noqa: S608
                cursor.executemany(insert, [(n, *r) for n, r in enumerate(clean)])
            else:
                with cursor.cursor.copy("COPY bench_plain FROM STDIN") as copy:
                    for n, r in enumerate(clean):
                        copy.write_row((n, *r))
        baseline_s = time.perf_counter() - started
    finally:
        connection.close()
        if db == "postgres":
            import psycopg

            with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
                conn.execute("DROP DATABASE IF EXISTS kshamta_import_bench")
        # The files, the SQLite database and the error files of 12 lakh rows take gigabytes.
        shutil.rmtree(work, ignore_errors=True)
    peak_mb = _peak_mb()
    value = rows / first_s
    baseline = len(clean) / baseline_s
    return {
        "name": f"import_employees_{db}",
        "value": round(value),
        "unit": "rows/s",
        "baseline": round(baseline),
        "ratio": round(value / baseline, 4),
        "rows": rows,
        "bad_rows_generated": bad,
        "first_import_s": round(first_s, 2),
        "first_import": first,
        "reimport_unchanged_s": round(again_s, 2),
        "reimport": again,
        "five_percent_changed_s": round(changed_s, 2),
        "changed": changed,
        "baseline_s": round(baseline_s, 2),
        "peak_rss_first_import_mb": round(first_peak_mb),
        "peak_rss_imports_mb": round(imports_peak_mb),
        "peak_rss_mb": round(peak_mb),
        "cpus": os.cpu_count(),
    }


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def subprocess_free_call(call_command: Callable[..., object], path: Path) -> dict[str, object]:
    import io

    out = io.StringIO()
    # The command's default chunk size, as an officer would run it.
    call_command("import_employees", str(path), "--org", "B", "--json", stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_200_000)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.db, args.rows), ensure_ascii=False))
        return
    for db in ["sqlite", "postgres"] if args.db == "both" else [args.db]:
        result = subprocess.run(
            [sys.executable, __file__, "--child", "--db", db, "--rows", str(args.rows)],
            check=True,
            capture_output=True,
            text=True,
        )
        print(result.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
