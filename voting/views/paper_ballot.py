"""The printable paper ballot of an edition: instructions in the four languages, the plans by number.

The numbers are the ones the paper-ballot entry shows (``ballots.sections.plan_numbers``), so an
official enters a ballot by the numbers ticked on it. Residents and officials both print it (the
kiosk's start page and the vote's management page link to it), so it is public like the ballot.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from ballots.forms import rank_positions
from ballots.rules import BallotRules
from ballots.sections import ballot_sections_cached, plan_numbers
from common import codes
from editions.models import Edition
from editions.phases import Action
from editions.timeline import timeline_of

from .ballot import voting_page

# The languages the pilot districts' residents read most; every block is printed, whatever the
# reader's language, so one sheet serves the whole community centre.
PAPER_LANGUAGES = ("nl", "en", "tr", "ar")


@dataclass(frozen=True)
class PaperLanguage:
    code: str
    name: str
    direction: str


# The labels a voter reads before the instructions could help, each printed in every language (the
# table's headings are in the page's language: the instructions in each language explain the boxes).
LABELS = {
    "who": _("Who votes"),
    "code": _("Voting code (from your letter)"),
    "no_letter": _("No letter? Your full name, date of birth and postcode"),
    "name": _("Full name"),
    "birth_date": _("Date of birth"),
    "postcode": _("Postcode"),
    "budget": _("Budget of this part"),
}


def paper_languages() -> list[PaperLanguage]:
    infos = [(code, get_language_info(code)) for code in PAPER_LANGUAGES]
    return [PaperLanguage(code, info["name_local"], "rtl" if info["bidi"] else "ltr") for code, info in infos]


def in_every_language(text: Promise) -> list[tuple[PaperLanguage, str]]:
    """``text`` in each paper language, with the language it is in (for its ``lang`` and ``dir``)."""
    translated = []
    for language in paper_languages():
        with translation.override(language.code):
            translated.append((language, str(text)))
    return translated


@require_GET
@voting_page
def paper_ballot(request: HttpRequest, edition: Edition) -> HttpResponse:
    sections = ballot_sections_cached(edition)
    rules = BallotRules.of(edition)
    number = plan_numbers(sections)
    context = {
        "edition": edition,
        "parts": [(section, [(number[p.pk], p) for p in section.plans]) for section in sections],
        "several_parts": len(sections) > 1,
        "rules": rules,
        "positions": max((rank_positions(s, rules) for s in sections), default=0),
        "vote_phase": timeline_of(edition).entry_opening(Action.VOTE),
        "languages": paper_languages(),
        "code_groups": codes.format_code("_" * (codes.BODY_LENGTH + 1)).split("-"),  # a box per symbol
        "labels": {key: in_every_language(text) for key, text in LABELS.items()},
    }
    return render(request, "voting/paper_ballot.html", context)
