"""Locust load for POST /api/v1/progress (run by bench/progress_http.py, which prepares the data).

Environment:
    BENCH_PROGRESS_DATA   JSON file: {"tokens": [bearer key per learner], "resources": [resource ids]}
    BENCH_MODE            bare | single | batch
    BENCH_BATCH           updates per request in batch mode (default 10)
    BENCH_LEARNERS        "start:stop", the slice of learners this run uses (default: all)

Every simulated client sends requests back to back (no think time), each for the next
learner in turn, so the learners' requests never overlap while the users are fewer than
the learners. Every update moves a resource forward (percent +1, position +6 s), so each
one is a real write, never a no-op the server can skip. A 200 whose results carry an
error counts as a failure.
"""

from __future__ import annotations

import itertools
import json
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from locust import FastHttpUser, constant, task

VIDEO_SECONDS = 600
REFUSED = re.compile(rb'"error":\s*"')  # a result with an error code (a string, not null)


def _load() -> tuple[list[str], list[int]]:
    path = os.environ.get("BENCH_PROGRESS_DATA")
    if not path:
        raise SystemExit("BENCH_PROGRESS_DATA is not set: run bench/progress_http.py")
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    tokens = data["tokens"]
    start, _, stop = os.environ.get("BENCH_LEARNERS", f"0:{len(tokens)}").partition(":")
    return tokens[int(start) : int(stop)], data["resources"]


@dataclass
class Learner:
    token: str
    sent: int = 0  # updates sent so far; decides the next resource and its percent
    headers: dict[str, str] = field(default_factory=dict)


TOKENS, RESOURCES = _load()
LEARNERS = [Learner(t, headers={"Authorization": f"Bearer {t}", "Content-Type": "application/json"}) for t in TOKENS]
NEXT_LEARNER = itertools.cycle(LEARNERS)
MODE = os.environ.get("BENCH_MODE", "single")
BATCH = int(os.environ.get("BENCH_BATCH", "10")) if MODE == "batch" else 1


def updates_for(learner: Learner, count: int) -> list[dict[str, Any]]:
    at = datetime.now(UTC).isoformat()
    updates = []
    for _ in range(count):
        n = learner.sent
        learner.sent += 1
        percent = min(100, 1 + n // len(RESOURCES))
        updates.append(
            {
                "resource": RESOURCES[n % len(RESOURCES)],
                "percent": percent,
                "position": percent * VIDEO_SECONDS // 100,
                "page": None,
                "at": at,
            }
        )
    return updates


class ProgressUser(FastHttpUser):
    wait_time = constant(0)

    @task
    def send_progress(self) -> None:
        learner = next(NEXT_LEARNER)
        body = json.dumps({"updates": updates_for(learner, BATCH)})
        if MODE == "bare":
            path, name = "/bench/bare", "bare"
        else:
            path, name = "/api/v1/progress", f"progress x{BATCH}"
        with self.client.post(path, data=body, headers=learner.headers, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}: {(response.text or '')[:200]}")
            elif MODE != "bare" and REFUSED.search(response.content or b""):
                response.failure(f"refused update: {(response.text or '')[:200]}")
            else:
                response.success()
