"""Who took part in an edition against who lives there: the evidence's "participation" section.

Per neighbourhood of the district: eligible residents (``evaluation.population``), plan submitters
(distinct initiators of plans submitted there), supporters (distinct people who liked a plan there),
voters online and on paper (by the voter's neighbourhood), panel respondents and members (by the
neighbourhood they gave). By age band and gender (``places.demography``): eligible residents, panel
respondents and members (their features), and the voters who gave their age band or gender in the
voluntary survey after casting (only when at least ``MIN_GROUP`` answered). Totals count each person
once (someone who submitted plans in two neighbourhoods is one submitter) and include those without a
neighbourhood. Rates are not stored: the report divides.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from django.db.models import Count

from deliberation.draw.selectors import current_draw
from deliberation.models import MemberStatus, PanelMember, Respondent
from deliberation.recruitment.features import AGE, GENDER, NEIGHBOURHOOD
from editions.models import Edition
from evaluation.privacy import MIN_GROUP
from places.demography import GENDERS, age_bands
from places.models import Neighbourhood
from proposals.models import Like, Plan
from voting.models import Channel, Voter

from ..models import QuestionRole, Response, Survey, SurveyKind
from ..population.selectors import eligible_by_group, eligible_residents
from .measures import proportional_similarity, rate_ratio

COUNTS = ("submitters", "supporters", "voters_online", "voters_paper", "respondents", "members")


def _by_neighbourhood(rows: Iterable[Mapping[str, Any]], key: str = "neighbourhood") -> Counter[int | None]:
    return Counter({row[key]: int(row["n"]) for row in rows})


def _plan_counts(edition: Edition) -> tuple[dict[str, Counter[int | None]], dict[str, int]]:
    plans = Plan.objects.filter(edition=edition, submitted_at__isnull=False)
    likes = Like.objects.filter(plan__edition=edition)
    per = {
        "submitters": _by_neighbourhood(
            plans.values("neighbourhood").annotate(n=Count("initiator", distinct=True))
        ),
        "supporters": _by_neighbourhood(
            likes.values("plan__neighbourhood").annotate(n=Count("user", distinct=True)),
            "plan__neighbourhood",
        ),
    }
    totals = {
        "submitters": plans.aggregate(n=Count("initiator", distinct=True))["n"],
        "supporters": likes.aggregate(n=Count("user", distinct=True))["n"],
    }
    return per, totals


def _voter_counts(edition: Edition) -> dict[str, Counter[int | None]]:
    per: dict[str, Counter[int | None]] = {"voters_online": Counter(), "voters_paper": Counter()}
    voted = (
        Voter.objects.filter(edition=edition, channel__in=[Channel.ONLINE, Channel.PAPER])
        .values("neighbourhood", "channel")
        .annotate(n=Count("pk"))
    )
    for row in voted:
        per[f"voters_{row['channel']}"][row["neighbourhood"]] += int(row["n"])
    return per


def panel_features(edition: Edition) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(respondents' features, members' features): everyone who signed up for the panel, and the
    active members of the current draw (replacements included, who dropped out not), each as the
    feature values they gave (``{"neighbourhood": slug, "age": band key, "gender": key, ...}``)."""
    respondents = [
        dict(f) for f in Respondent.objects.filter(edition=edition).values_list("features", flat=True)
    ]
    draw = current_draw(edition)
    if draw is None:
        return respondents, []
    in_pool = {str(entry.get("pool_id")): entry for entry in draw.pool if isinstance(entry, dict)}
    members = PanelMember.objects.filter(draw=draw, status=MemberStatus.ACTIVE).select_related("respondent")
    features = [
        dict(member.respondent.features)
        if member.respondent is not None
        else dict(in_pool.get(member.pool_id, {}))
        for member in members
    ]
    return respondents, features


def voter_answers(edition: Edition) -> dict[str, Counter[str]]:
    """How many voters gave each age band and gender in the voter survey, by role; a role with fewer
    than ``MIN_GROUP`` answers in total is left out (the caller shows ``None``)."""
    survey = Survey.objects.filter(edition=edition, kind=SurveyKind.VOTER).first()
    if survey is None:
        return {}
    keys = {
        question.role: question.key
        for question in survey.questions.filter(role__in=[QuestionRole.AGE_BAND, QuestionRole.GENDER])
    }
    groups = {
        QuestionRole.AGE_BAND: {key for key, *_rest in age_bands(edition.min_age)},
        QuestionRole.GENDER: {key for key, _label in GENDERS},
    }
    counted: dict[str, Counter[str]] = {role: Counter() for role in keys}
    for answers in Response.objects.filter(survey=survey).values_list("answers", flat=True):
        for role, key in keys.items():
            value = answers.get(key) if isinstance(answers, dict) else None
            if isinstance(value, str) and value in groups[QuestionRole(role)]:
                counted[role][value] += 1
    return {role: counts for role, counts in counted.items() if sum(counts.values()) >= MIN_GROUP}


def _groups(
    edition: Edition, respondents: list[dict[str, Any]], members: list[dict[str, Any]]
) -> dict[str, Any]:
    eligible = eligible_by_group(edition)
    answers = voter_answers(edition)
    specs = {
        "age_band": (
            AGE,
            QuestionRole.AGE_BAND,
            [(key, label) for key, label, *_r in age_bands(edition.min_age)],
        ),
        "gender": (GENDER, QuestionRole.GENDER, list(GENDERS)),
    }
    groups: dict[str, Any] = {}
    for name, (feature, role, values) in specs.items():
        in_pool = Counter(str(r.get(feature, "")) for r in respondents)
        on_panel = Counter(str(m.get(feature, "")) for m in members)
        given = answers.get(role)
        groups[name] = [
            {
                "key": key,
                "label": label,
                "eligible": None if eligible is None else eligible[name][key],
                "respondents": in_pool[key],
                "members": on_panel[key],
                "voter_answers": None if given is None else given[key],
            }
            for key, label in values
        ]
    return groups


def _representativeness(
    neighbourhoods: list[dict[str, Any]], groups: dict[str, Any]
) -> dict[str, float | None]:
    eligible = {row["slug"]: row["eligible"] for row in neighbourhoods}
    voters = {row["slug"]: row["voters_online"] + row["voters_paper"] for row in neighbourhoods}
    figures: dict[str, float | None] = {
        "turnout_ratio": rate_ratio(voters, eligible),
        "turnout_psi": proportional_similarity(voters, eligible),
    }
    for name, suffix in (("age_band", "age"), ("gender", "gender")):
        rows = groups[name]
        population = {row["key"]: row["eligible"] for row in rows}
        members = {row["key"]: row["members"] for row in rows}
        figures[f"panel_psi_{suffix}"] = proportional_similarity(members, population)
        answered = rows and rows[0]["voter_answers"] is not None
        figures[f"voter_psi_{suffix}"] = (
            proportional_similarity({row["key"]: row["voter_answers"] for row in rows}, population)
            if answered
            else None
        )
    return figures


def participation_figures(edition: Edition) -> dict[str, Any]:
    """The evidence's "participation" section (see the module text and docs of the brief), JSON-ready."""
    eligible = eligible_residents(edition)
    per, totals = _plan_counts(edition)
    per.update(_voter_counts(edition))
    respondents, members = panel_features(edition)
    per["respondents"] = Counter()
    per["members"] = Counter()
    slugs = dict(Neighbourhood.objects.filter(district_id=edition.district_id).values_list("slug", "pk"))
    for name, people in (("respondents", respondents), ("members", members)):
        for person in people:
            per[name][slugs.get(str(person.get(NEIGHBOURHOOD, "")))] += 1
    neighbourhoods = [
        {
            "slug": n.slug,
            "name": n.name,
            "eligible": eligible.get(n.pk),
            **{key: per[key][n.pk] for key in COUNTS},
        }
        for n in Neighbourhood.objects.filter(district_id=edition.district_id).order_by("name")
    ]
    known = [row["eligible"] for row in neighbourhoods]
    totals.update(
        voters_online=sum(per["voters_online"].values()),
        voters_paper=sum(per["voters_paper"].values()),
        respondents=len(respondents),
        members=len(members),
    )
    groups = _groups(edition, respondents, members)
    return {
        "neighbourhoods": neighbourhoods,
        "totals": {"eligible": None if not known or None in known else sum(known), **totals},
        "groups": groups,
        "representativeness": _representativeness(neighbourhoods, groups),
    }
