"""Gunicorn's side: the config's JSON lines and metrics directory per pool, and the hooks that keep it."""

from __future__ import annotations

import os
import runpy
from pathlib import Path
from types import SimpleNamespace

import pytest

from operations.metrics import gunicorn

ROOT = Path(__file__).resolve().parents[3]


def test_the_config_writes_json_lines_without_access_log_and_counts_in_a_directory_per_pool(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Set, then deleted: monkeypatch records a variable only when it touches one that exists, and the
    # config sets it with setdefault (left set, it made every later Django process fail to start).
    monkeypatch.setenv(gunicorn.ENVIRONMENT_VARIABLE, "")
    monkeypatch.delenv(gunicorn.ENVIRONMENT_VARIABLE)
    monkeypatch.setenv("BUURTBUDGET_POOL", "votes")
    monkeypatch.setenv("GUNICORN_BIND", "127.0.0.1:8701")
    monkeypatch.setenv("GUNICORN_LOG_LEVEL", "warning")
    config = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    assert config["accesslog"] is None
    loggers = config["logconfig_dict"]["loggers"]
    assert loggers["gunicorn.error"] == {"handlers": ["json"], "level": "WARNING", "propagate": False}
    assert loggers["gunicorn.access"]["handlers"] == []
    assert (
        config["logconfig_dict"]["formatters"]["json"]["()"] == "common.observability.logging.JsonFormatter"
    )
    assert os.environ[gunicorn.ENVIRONMENT_VARIABLE] == "/tmp/buurtbudget-metrics-votes-8701"
    assert config["child_exit"] is gunicorn.child_exit and callable(config["when_ready"])


def test_the_directory_is_made_and_emptied_of_an_earlier_runs_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = tmp_path / "metrics"
    monkeypatch.setenv(gunicorn.ENVIRONMENT_VARIABLE, str(directory))
    gunicorn.on_starting(server=None)
    assert directory.is_dir()
    (directory / "counter_123.db").write_bytes(b"old")
    (directory / "notes.txt").write_text("kept")
    gunicorn.when_ready(server=None)
    assert sorted(p.name for p in directory.iterdir()) == ["notes.txt"]


def test_a_dead_workers_live_gauge_files_go_and_its_counters_stay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(gunicorn.ENVIRONMENT_VARIABLE, str(tmp_path))
    for name in ("gauge_livesum_4242.db", "gauge_liveall_4242.db", "counter_4242.db", "gauge_livesum_77.db"):
        (tmp_path / name).write_bytes(b"")
    gunicorn.child_exit(server=None, worker=SimpleNamespace(pid=4242))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["counter_4242.db", "gauge_livesum_77.db"]


def test_without_the_directory_setting_the_hooks_do_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(gunicorn.ENVIRONMENT_VARIABLE, raising=False)
    assert gunicorn.prepare_directory() is None
    gunicorn.child_exit(server=None, worker=SimpleNamespace(pid=1))
