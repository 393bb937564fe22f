from __future__ import annotations

from typing import Any

from kshamta.planning.management.commands.suggest_competencies import StatementCommand, chunks
from kshamta.planning.matching import suggest_courses


class Command(StatementCommand):
    help = (
        "Suggest courses for duty statements: reads FILE, one statement per line, and prints for each the best "
        "listed courses (tagged with the statement's competencies in the framework, or similar to it), best first. "
        'With --json, one JSON object per line: {"text": ..., "courses": [{"code": ..., "score": ...}, ...]}.'
    )

    def handle(self, *args: Any, **options: Any) -> None:
        statements, framework, top = self.checked_options(options)
        number = 0
        for chunk in chunks(statements):
            for text, matches in zip(chunk, suggest_courses(chunk, framework=framework, top=top), strict=True):
                number += 1
                if options["json"]:
                    self.write_json(text, "courses", [{"code": m.code, "score": round(m.score, 4)} for m in matches])
                    continue
                self.stdout.write(f"{number}. {text}")
                for match in matches:
                    title = " / ".join(t for t in (match.course.title_en, match.course.title_hi) if t)
                    self.stdout.write(f"    {match.code:<22} {match.score:6.4f}  {title}")
                    self.stdout.write(f"    {'':<22} {'':6}  {'; '.join(match.reasons)}")
