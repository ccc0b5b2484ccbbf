"""The casting benchmark's load and checks: re-sent codes are counted, and only unexplained repeats fail."""

from __future__ import annotations

import importlib.util
import json
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "casting.py"


def _casting() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_casting", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


casting = _casting()


def _run(created: int, replaced: int, reused: int, other: int = 0) -> dict[str, int]:
    return {"created": created, "replaced": replaced, "reused": reused, "other": other}


def _after(main_repeats: int = 0, warmup_repeats: int = 0) -> dict[str, int]:
    return {"main_repeats": main_repeats, "warmup_repeats": warmup_repeats}


def test_warm_up_replacements_of_re_sent_codes_are_no_problem() -> None:
    """The faster machine's case: the warm-up ran out of codes and sent 80 again; 75 came back as
    replacements (5 in flight at the end) and those voters show 2 casts."""
    problems = casting.casting_problems(_run(300, 75, 80), _run(1383, 0, 0), _after(warmup_repeats=78))
    assert problems == []


def test_a_replacement_answer_without_a_re_sent_code_is_reported_as_a_post_applied_twice() -> None:
    problems = casting.casting_problems(_run(300, 0, 0), _run(1382, 1, 0), _after())
    assert len(problems) == 1
    assert "measured run" in problems[0] and "applied a POST twice" in problems[0]


def test_a_second_cast_in_the_database_without_a_re_sent_code_is_reported() -> None:
    problems = casting.casting_problems(_run(300, 0, 0), _run(1383, 0, 0), _after(main_repeats=1))
    assert len(problems) == 1
    assert "voters cast 1 times more than once" in problems[0]


def test_answers_other_than_201_or_200_are_reported() -> None:
    problems = casting.casting_problems(_run(300, 0, 0), _run(1380, 0, 0, other=3), _after())
    assert problems == ["measured run: 3 answers neither 201 nor 200"]


class _Box(BaseHTTPRequestHandler):
    """A ballot box stub: 201 for a code's first POST, 200 for every later one."""

    protocol_version = "HTTP/1.1"
    seen: set[str] = set()
    lock = threading.Lock()

    def do_POST(self) -> None:
        code = json.loads(self.rfile.read(int(self.headers["Content-Length"])))["code"]
        with self.lock:
            status = 200 if code in self.seen else 201
            self.seen.add(code)
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed")
def test_the_wrk_script_counts_first_ballots_replacements_and_re_sent_codes(tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Box)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        codes = tmp_path / "codes.txt"
        codes.write_text("".join(f"C{i}\n" for i in range(20)))
        port = server.server_address[1]
        summary = casting.run_wrk(port, "/ballots", codes, "[1]", 1, 2, tmp_path)
    finally:
        server.shutdown()
        server.server_close()
    assert summary["created"] == 20  # every code's first POST
    assert summary["reused"] > 0  # 1 s at 2 connections sends more than 20 requests
    # every replacement answered is a re-sent code; a few re-sent ones may be in flight at the end
    assert summary["replaced"] <= summary["reused"]
    assert summary["created"] + summary["replaced"] + summary["other"] == summary["requests"]
    assert summary["other"] == 0
