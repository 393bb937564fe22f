from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kshamta.competencies.access import active_framework
from kshamta.competencies.models import Framework
from kshamta.planning.matching import suggest_competencies

CHUNK = 256  # statements matched (and printed) at a time
MAX_TOP = 100


def read_statements(path: str) -> list[str]:
    """One statement per line of a UTF-8 file ("-": standard input): a byte order mark and the
    blank lines are skipped, each line is trimmed."""
    try:
        if path == "-":
            text = sys.stdin.buffer.read().decode("utf-8-sig")
        else:
            text = Path(path).read_bytes().decode("utf-8-sig")
    except FileNotFoundError as exc:
        raise CommandError(f"No such file: {path}") from exc
    except IsADirectoryError as exc:
        raise CommandError(f"{path} is a directory, not a file of statements.") from exc
    except UnicodeDecodeError as exc:
        raise CommandError(f"{path} is not UTF-8 text (line {text_line(exc)}).") from exc
    return [line.strip() for line in text.splitlines() if line.strip()]


def text_line(error: UnicodeDecodeError) -> int:
    return error.object[: error.start].count(b"\n") + 1


def chosen_framework(code: str | None) -> Framework:
    if code:
        framework = Framework.objects.filter(code__iexact=code.strip()).first()
        if framework is None:
            known = ", ".join(Framework.objects.values_list("code", flat=True)) or "none"
            raise CommandError(f"Unknown competency framework {code!r} (known: {known}).")
        return framework
    framework = active_framework()
    if framework is None:
        raise CommandError("No competency framework is active: load one (manage.py load_competencies) or name one.")
    return framework


def chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


class StatementCommand(BaseCommand):
    """Reads duty statements, one per line, and prints one result per statement."""

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="UTF-8 text file, one duty statement per line ('-' reads standard input)")
        parser.add_argument("--framework", help="competency framework code (default: the active framework)")
        parser.add_argument("--top", type=int, default=5, help="how many suggestions per statement (default 5)")
        parser.add_argument("--json", action="store_true", help="print one JSON object per statement")

    def checked_options(self, options: dict[str, Any]) -> tuple[list[str], Framework, int]:
        top = options["top"]
        if not 1 <= top <= MAX_TOP:
            raise CommandError(f"--top must be from 1 to {MAX_TOP}.")
        framework = chosen_framework(options["framework"])
        return read_statements(options["file"]), framework, top

    def write_json(self, text: str, key: str, items: list[dict[str, Any]]) -> None:
        self.stdout.write(json.dumps({"text": text, key: items}, ensure_ascii=False))


class Command(StatementCommand):
    help = (
        "Suggest competencies for duty statements: reads FILE, one statement per line, and prints for each the "
        "best competencies of the framework, best first. With --json, one JSON object per line: "
        '{"text": ..., "competencies": [{"code": ..., "score": ...}, ...]}.'
    )

    def handle(self, *args: Any, **options: Any) -> None:
        statements, framework, top = self.checked_options(options)
        number = 0
        for chunk in chunks(statements):
            for text, matches in zip(chunk, suggest_competencies(chunk, framework=framework, top=top), strict=True):
                number += 1
                if options["json"]:
                    items = [{"code": m.code, "score": round(m.score, 4)} for m in matches]
                    self.write_json(text, "competencies", items)
                    continue
                self.stdout.write(f"{number}. {text}")
                for match in matches:
                    names = " / ".join(n for n in (match.competency.name_en, match.competency.name_hi) if n)
                    self.stdout.write(f"    {match.code:<22} {match.score:6.4f}  {names}")
