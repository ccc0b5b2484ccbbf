"""The voting-code letters: one page per eligible resident, drawn by ``outreach.letters``; their text.

One letter goes to every resident, whose language the district does not know: it speaks Dutch and
English in full and Turkish and Arabic in short, each pointing at the site in that language. Its
text is written here rather than translated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.utils import formats, timezone, translation

from editions.models import Edition, Phase
from editions.permissions import phases_opening
from editions.phases import Action
from outreach.letters import LetterPart, LetterText, code_link, private_pdf_path, site_url, write_letters_pdf
from ui.templatetags.money import format_money

LETTERS_DIR = "letters"


@dataclass(frozen=True)
class Letter:
    """One resident's letter: where it goes and the plain code (which exists nowhere else)."""

    street_address: str
    postcode: str
    neighbourhood: str
    code: str
    number: int  # this resident's letter at the address: 1 … of_count
    of_count: int


@dataclass(frozen=True)
class VoteFacts:
    """What every letter of an edition says about the vote, in both languages."""

    edition_name: str
    district: str
    municipality: str
    vote_url: str
    dates_nl: str
    dates_en: str
    budget_nl: str
    budget_en: str
    dates_tr: str
    dates_ar: str
    vote_url_tr: str
    vote_url_ar: str


def vote_url(edition: Edition, language: str = "") -> str:
    """The vote's code page; in ``language`` under its prefix (Dutch has none)."""
    prefix = f"/{language}" if language else ""
    return site_url(f"{prefix}/stemmen/{edition.slug}/")


def code_url(edition: Edition, code: str) -> str:
    return code_link(vote_url(edition), code)


def _dates(start: datetime | None, end: datetime | None, language: str) -> str:
    if start is None or end is None:
        return ""
    with translation.override(language):
        first = formats.date_format(timezone.localtime(start), "j F Y")
        last = formats.date_format(timezone.localtime(end), "j F Y, H:i")
    return f"{first} – {last}"


def vote_facts(edition: Edition) -> VoteFacts:
    # The dates of the phase in which residents vote, as the declaration says for this edition.
    kinds = phases_opening(edition, Action.VOTE)
    decision = Phase.objects.filter(edition=edition, kind__in=kinds).order_by("starts_at").first()
    start, end = (decision.starts_at, decision.ends_at) if decision else (None, None)
    with translation.override("nl"):
        budget_nl = format_money(edition.total_budget_cents)
    with translation.override("en"):
        budget_en = format_money(edition.total_budget_cents)
    district = edition.district
    return VoteFacts(
        edition_name=edition.name,
        district=district.name,
        municipality=district.municipality.name,
        vote_url=vote_url(edition),
        dates_nl=_dates(start, end, "nl"),
        dates_en=_dates(start, end, "en"),
        budget_nl=budget_nl,
        budget_en=budget_en,
        dates_tr=_dates(start, end, "tr"),
        dates_ar=_dates(start, end, "ar"),
        vote_url_tr=vote_url(edition, "tr"),
        vote_url_ar=vote_url(edition, "ar"),
    )


def new_letters_path() -> Path:
    """A fresh, unguessable file name under PRIVATE_FILES_ROOT/letters/ (the folder is created)."""
    return private_pdf_path(LETTERS_DIR)


def short_parts(facts: VoteFacts) -> tuple[LetterPart, ...]:
    """The letter's short Turkish and Arabic parts (amounts as in the Netherlands: € 500.000)."""
    turkish = LetterPart(
        language="tr",
        title=f"Oy verin: {facts.edition_name}",
        lines=(
            f"{facts.district} ilçesindeki planlar için {facts.budget_nl} hakkında siz de karar verin.",
            f"Oy verme: {facts.dates_tr}. Kişisel oy kodunuzu şu adreste girin",
            f"ya da QR kodunu okutun: {facts.vote_url_tr}",
            "Kodunuzu saklayın: oylama bitene kadar oyunuzu değiştirebilirsiniz.",
        ),
    )
    arabic = LetterPart(
        language="ar",
        title=f"صوّت: {facts.edition_name}",
        lines=(
            f"يمكنك المشاركة في تقرير كيفية إنفاق {facts.budget_nl} على خطط في منطقة {facts.district}.",
            f"التصويت مفتوح: {facts.dates_ar}",
            "أدخل رمز التصويت الخاص بك على هذا العنوان، أو امسح رمز QR:",
            facts.vote_url_ar,
            "احتفظ برمزك: يمكنك تغيير صوتك حتى نهاية التصويت.",
        ),
    )
    return (turkish, arabic)


def letter_text(facts: VoteFacts, letter: Letter, link: str) -> LetterText:
    """What one resident's voting-code letter says."""
    return LetterText(
        letterhead=f"Buurtbudget · {facts.district}",
        subhead=f"{facts.municipality} · {facts.edition_name}",
        address_lines=(
            "Aan de bewoner / To the resident",
            letter.street_address,
            f"{letter.postcode}  {facts.municipality.upper()}",
        ),
        dutch_title=f"Stem mee: {facts.edition_name}",
        dutch=(
            f"Je mag meebeslissen over {facts.budget_nl} voor plannen in {facts.district}.",
            f"Stemmen kan van {facts.dates_nl}.",
            "Vul je persoonlijke stemcode in op deze website, of scan de QR-code:",
            facts.vote_url,
            "Deze brief is voor één bewoner; iedere bewoner die mag stemmen krijgt een eigen brief",
            f"(brief {letter.number} van {letter.of_count} op dit adres). Bewaar je code goed:",
            "je kunt je stem tot het einde van de stemming wijzigen.",
        ),
        english_title=f"Vote: {facts.edition_name}",
        english=(
            f"You can help decide on {facts.budget_en} for plans in {facts.district}.",
            f"Voting is open from {facts.dates_en}.",
            "Enter your personal voting code on this website, or scan the QR code:",
            facts.vote_url,
            "This letter is for one resident; every resident who may vote gets a letter of their own",
            f"(letter {letter.number} of {letter.of_count} at this address). Keep your code safe:",
            "you can change your vote until the vote closes.",
        ),
        code_label="Je stemcode / Your voting code",
        code=letter.code,
        link=link,
        footer=(
            "Vragen? Kijk op de website of bel het stadsdeel.",
            "Niemand van de gemeente vraagt je ooit om je stemcode.",
            "Questions? See the website or call the district.",
            "Nobody from the city will ever ask for your voting code.",
        ),
        more=short_parts(facts),
    )


def write_letters(*, edition: Edition, letters: Iterable[Letter], path: Path) -> int:
    """Write one page per letter to ``path``; returns the number of pages."""
    facts = vote_facts(edition)
    return write_letters_pdf(
        path=path,
        title=f"Stemcodes / Voting codes · {facts.edition_name}",
        letters=(letter_text(facts, letter, code_url(edition, letter.code)) for letter in letters),
    )
