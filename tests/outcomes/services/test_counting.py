"""Starting and doing a count: the stored result is pbrules' answer on the published file."""

from __future__ import annotations

import hashlib
import io
import json
import shlex
import subprocess
import sys
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone, translation
from pytest_django import DjangoCaptureOnCommitCallbacks

from audit.models import AuditEntry
from outcomes.errors import OutcomeError
from outcomes.models import Count, CountStatus
from outcomes.selectors import published_count, recount_command
from outcomes.services import compute_outcome, start_count
from pbrules import Ballot, Election, Project, run_rule, to_instance
from proposals.models import Plan
from tests.factories import ballot_box_shares, make_user, make_vote, make_voter
from tests.refusals import refused
from voting.models import PaperEntry, PaperEntryStatus

from ..factories import add_ballots, make_closed_vote, make_count, make_official

ROOT = Path(__file__).resolve().parents[3]
# Ten voters on four plans (40k, 30k, 20k, 10k euro; budget 60k) where the rules disagree.
CHOICES = [[0]] * 5 + [[1, 2]] * 3 + [[2, 3]] * 2
RULES = [
    ("greedy", "cost", ""),
    ("greedy", "cardinality", ""),
    ("mes", "cost", "exhaustion"),
    ("mes", "cardinality", "exhaustion"),
    ("phragmen", "cost", ""),
    ("maxwelfare", "cost", ""),
]

pytestmark = pytest.mark.django_db


def pbrules_answer(
    plans: Sequence[Plan], costs: Sequence[int], choices: Sequence[Sequence[int]], budget: int, **options: str
) -> list[str]:
    """What pbrules itself selects for these ballots, built without the outcomes app."""
    election = Election(
        meta=(),
        projects=tuple(Project(str(p.pk), Fraction(c)) for p, c in zip(plans, costs, strict=True)),
        ballots=tuple(
            Ballot(str(n), tuple(str(plans[i].pk) for i in chosen)) for n, chosen in enumerate(choices, 1)
        ),
        vote_type="approval",
        budget=Fraction(budget),
    )
    return sorted(run_rule(to_instance(election), **options).selected)  # type: ignore[arg-type]


def recount(tmp_path: Path, count: Count, section_key: str = "main") -> dict[str, Any]:
    """Run the published re-count command on the published file, as anyone would."""
    section = count.sections.get(key=section_key)
    path = tmp_path / section.file_name
    path.write_bytes(section.pb_file.encode("utf-8"))
    args = shlex.split(recount_command(count, section))
    assert args[:3] == ["python", "-m", "pbrules"] and args[3] == section.file_name
    done = subprocess.run(
        [sys.executable, *args[1:3], str(path), *args[4:]],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    data: dict[str, Any] = json.loads(done.stdout)
    return data


@pytest.mark.parametrize(("rule", "satisfaction", "completion"), RULES)
def test_count_selects_what_pbrules_selects_under_each_rule(
    rule: str, satisfaction: str, completion: str
) -> None:
    costs = [4_000_000, 3_000_000, 2_000_000, 1_000_000]
    edition, plans = make_closed_vote(
        plan_costs=costs, choices=CHOICES, aggregation_rule=rule, rule_satisfaction=satisfaction
    )

    count = make_count(edition=edition)

    assert count.status == CountStatus.DONE, count.error
    assert (count.rule, count.satisfaction, count.completion) == (rule, satisfaction, completion)
    section = count.sections.get()
    expected = pbrules_answer(
        plans, costs, CHOICES, 6_000_000, rule=rule, satisfaction=satisfaction, completion="exhaustion"
    )
    assert sorted(str(pid) for pid in section.selected) == expected
    assert section.voters == 10
    assert count.is_current and count.progress == 100 and count.finished_at is not None


@pytest.mark.parametrize(("rule", "satisfaction", "completion"), RULES[::2])
def test_published_file_recounts_to_the_stored_result_and_hash(
    tmp_path: Path, rule: str, satisfaction: str, completion: str
) -> None:
    edition, _ = make_closed_vote(choices=CHOICES, aggregation_rule=rule, rule_satisfaction=satisfaction)
    count = make_count(edition=edition)
    section = count.sections.get()

    result = recount(tmp_path, count)

    assert result["selected"] == section.outcome["selected"]
    assert result["total_cost"] == section.outcome["total_cost"]
    assert hashlib.sha256((tmp_path / section.file_name).read_bytes()).hexdigest() == section.sha256


def test_file_holds_only_voters_with_a_choice_numbered_without_other_columns() -> None:
    edition, plans = make_closed_vote(choices=[[0], [1], [0, 1]])
    add_ballots(edition=edition, contents=[{"main": []}])
    section = make_count(edition=edition).sections.get()

    votes = section.pb_file.split("VOTES\n", 1)[1].splitlines()

    assert votes[0] == "voter_id;vote"
    assert sorted(line.split(";")[0] for line in votes[1:]) == ["1", "2", "3"]
    assert sorted(line.split(";")[1] for line in votes[1:]) == sorted(
        [str(plans[0].pk), str(plans[1].pk), f"{plans[0].pk},{plans[1].pk}"]
    )
    assert "budget;6000000" in section.pb_file and "unit_of_amounts;cent" in section.pb_file
    assert section.tie_order == sorted(str(p.pk) for p in plans)
    assert section.voters == 3


def test_ranking_ballots_are_counted_as_ordinal_votes(tmp_path: Path) -> None:
    edition, plans = make_closed_vote(
        choices=[[3, 0, 1], [3, 2], [0, 3]], ballot_format="ranking", aggregation_rule="greedy"
    )
    count = make_count(edition=edition)
    section = count.sections.get()

    assert "vote_type;ordinal" in section.pb_file
    assert f"{plans[3].pk},{plans[0].pk},{plans[1].pk}" in section.pb_file
    assert recount(tmp_path, count)["selected"] == section.outcome["selected"]


def test_cumulative_ballots_keep_their_points_and_support_counts_points(tmp_path: Path) -> None:
    edition, plans = make_closed_vote(
        ballot_format="cumulative",
        ballot_points=10,
        aggregation_rule="mes",
        cumulative=[[(0, 7), (3, 3)], [(1, 10)], [(0, 5), (2, 5)]],
    )
    count = make_count(edition=edition)
    section = count.sections.get()

    assert "vote_type;cumulative" in section.pb_file and "voter_id;vote;points" in section.pb_file
    rows = {row["id"]: row for row in section.plans}
    assert (rows[plans[0].pk]["supporters"], rows[plans[0].pk]["points"]) == (2, 12)
    assert recount(tmp_path, count)["selected"] == section.outcome["selected"]


def test_count_is_refused_while_the_vote_is_open() -> None:
    edition, _ = make_vote()

    refused(
        lambda: start_count(edition=edition, by=make_official(edition), shares=ballot_box_shares(edition)),
        "vote_open",
        error=OutcomeError,
    )
    assert not Count.objects.exists()


def test_count_is_refused_while_paper_entries_wait_and_names_their_number() -> None:
    edition, plans = make_closed_vote(choices=[[0]])
    official = make_official(edition)
    for status in (PaperEntryStatus.AWAITING_SECOND, PaperEntryStatus.MISMATCH, PaperEntryStatus.CONFIRMED):
        voter, _ = make_voter(edition=edition)
        PaperEntry.objects.create(
            edition=edition,
            voter=voter,
            status=status,
            first_content={"main": [plans[0].pk]},
            first_by=official,
        )

    caught = refused(
        lambda: start_count(edition=edition, by=official, shares=ballot_box_shares(edition)),
        "unresolved_paper_entries",
        error=OutcomeError,
    )
    assert caught.params == {"number": 2}
    assert "2" in caught.message


@pytest.mark.parametrize(
    ("number", "language", "expected"),
    [
        (1, "en", "1 paper ballot still waits for a second entry or a review; finish it before counting."),
        (2, "en", "2 paper ballots still wait for a second entry or a review; finish them before counting."),
        (1, "nl", "Er wacht nog 1 papieren stembiljet op een tweede invoer of een beoordeling"),
        (2, "nl", "Er wachten nog 2 papieren stembiljetten op een tweede invoer of een beoordeling"),
    ],
)
def test_the_waiting_paper_ballots_are_counted_in_words_that_fit_the_number(
    number: int, language: str, expected: str
) -> None:
    with translation.override(language):
        assert OutcomeError("unresolved_paper_entries", number=number).message.startswith(expected)


def test_second_count_is_refused_while_one_is_running() -> None:
    edition, _ = make_closed_vote(choices=[[0]])
    start_count(
        edition=edition, by=make_official(edition), shares=ballot_box_shares(edition), background=False
    )

    refused(
        lambda: start_count(
            edition=edition, by=make_official(edition), shares=ballot_box_shares(edition), background=False
        ),
        "count_running",
        error=OutcomeError,
    )


def test_count_left_running_by_a_dead_worker_does_not_block_a_new_one(
    freeze_time: Callable[[datetime], None],
) -> None:
    edition, _ = make_closed_vote(choices=[[0]])
    stale = start_count(
        edition=edition, by=make_official(edition), shares=ballot_box_shares(edition), background=False
    )
    freeze_time(timezone.now() + timedelta(hours=3))

    fresh = start_count(
        edition=edition, by=make_official(edition), shares=ballot_box_shares(edition), background=False
    )

    stale.refresh_from_db()
    assert stale.status == CountStatus.FAILED and stale.error
    assert fresh.status == CountStatus.QUEUED


def test_count_of_a_ballot_naming_an_unknown_plan_is_refused_with_a_message() -> None:
    """The ballots are opened when the count starts: a ballot naming an unknown plan stops it there."""
    edition, _ = make_closed_vote(choices=[[0]])
    add_ballots(edition=edition, contents=[{"main": [999_999]}])

    refusal = refused(lambda: make_count(edition=edition), "unknown_plan", error=OutcomeError)
    assert "999999" in refusal.message
    assert not Count.objects.filter(edition=edition).exists()


def test_engine_failure_marks_the_count_failed_and_never_running(monkeypatch: pytest.MonkeyPatch) -> None:
    edition, _ = make_closed_vote(choices=[[0]])

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("outcomes.engine.core.run_rule", broken)
    count = make_count(edition=edition)

    assert count.status == CountStatus.FAILED
    assert "disk full" in count.error


def test_compute_outcome_refuses_a_count_that_is_not_queued() -> None:
    edition, _ = make_closed_vote(choices=[[0]])
    count = make_count(edition=edition)

    refused(lambda: compute_outcome(count=count), "not_queued", error=OutcomeError)


def test_new_count_replaces_the_current_result() -> None:
    edition, _ = make_closed_vote(choices=[[0]])
    first = make_count(edition=edition)

    second = make_count(edition=edition)

    first.refresh_from_db()
    assert second.is_current and not first.is_current
    assert Count.objects.filter(edition=edition, is_current=True).get() == second


def test_start_count_queues_the_task_after_commit_and_is_audited(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    edition, _ = make_closed_vote(choices=[[0], [1]])
    official = make_official(edition)

    with django_capture_on_commit_callbacks(execute=True):
        count = start_count(edition=edition, by=official, shares=ballot_box_shares(edition))

    count.refresh_from_db()
    assert count.status == CountStatus.DONE
    assert AuditEntry.objects.filter(action="outcomes.count_started", actor=official).exists()
    assert AuditEntry.objects.filter(action="outcomes.count_finished").exists()


def test_result_is_public_only_from_its_publication_time(freeze_time: Callable[[datetime], None]) -> None:
    publish_at = timezone.now() + timedelta(days=1)
    edition, _ = make_closed_vote(choices=[[0]], results_publish_at=publish_at)
    count = make_count(edition=edition)

    assert published_count(edition) is None
    freeze_time(publish_at)
    assert published_count(edition) == count


def test_count_by_the_management_command(capsys: pytest.CaptureFixture[str]) -> None:
    from django.core.management import call_command

    edition, _ = make_closed_vote(choices=[[3]] * 3)
    official = make_official(edition)

    shares = io.StringIO("\n".join(ballot_box_shares(edition)[1:]) + "\n")

    call_command("count_vote", edition.slug, "--by", official.email, stdin=shares)

    assert "done" in capsys.readouterr().out
    assert Count.objects.get(edition=edition).status == CountStatus.DONE


def test_management_command_refuses_someone_who_may_not_count() -> None:
    from django.core.management import CommandError, call_command

    edition, _ = make_closed_vote(choices=[[0]])

    with pytest.raises(CommandError):
        call_command("count_vote", edition.slug, "--by", make_user().email)
