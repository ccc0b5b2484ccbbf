"""Citizens' panel invitation letters: one page per drawn address, drawn by ``outreach.letters``; their text.

Like the voting-code letters, the QR code and the printed link carry the response code in the URL's
fragment, which browsers never send to a server. The letter is bilingual by design, so its text is
written here rather than translated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from editions.models import Edition
from outreach.letters import LetterPart, LetterText, code_link, site_url, write_letters_pdf

from ..models import PanelSetup


@dataclass(frozen=True)
class Invitee:
    """One letter: where it goes and the plain response code (which exists nowhere else)."""

    street_address: str
    postcode: str
    code: str


def sign_up_url(edition: Edition) -> str:
    return site_url(f"/panel/{edition.slug}/aanmelden/")


def response_url(edition: Edition, code: str) -> str:
    return code_link(sign_up_url(edition), code)


def short_parts(edition: Edition, panel_size: int) -> tuple[LetterPart, ...]:
    """The letter's short Turkish and Arabic parts, each pointing at the sign-up page in that language."""
    path = f"/panel/{edition.slug}/aanmelden/"
    turkish = LetterPart(
        language="tr",
        title="Davet: vatandaş paneline katılın",
        lines=(
            f"Adresiniz kurayla seçildi. {panel_size} sakinden oluşan bir vatandaş paneli {edition.name}",
            f"planları hakkında karar veriyor. Bu adreste yaşayan {edition.min_age} yaşında veya daha büyük",
            "bir sakin bu kodla başvurabilir. Şu adrese gidin ya da QR kodunu okutun:",
            site_url(f"/tr{path}"),
        ),
    )
    arabic = LetterPart(
        language="ar",
        title="دعوة: شارك في لجنة المواطنين",
        lines=(
            f"تم اختيار عنوانك بالقرعة. لجنة من {panel_size} من السكان تقرر بشأن خطط {edition.name}.",
            f"يمكن لساكن واحد في هذا العنوان عمره {edition.min_age} سنة أو أكثر التسجيل بهذا الرمز.",
            "ادخل إلى هذا العنوان أو امسح رمز QR:",
            site_url(f"/ar{path}"),
        ),
    )
    return (turkish, arabic)


def invitation_text(*, edition: Edition, invitee: Invitee, panel_size: int, sessions: str) -> LetterText:
    """What one invitation letter says."""
    municipality = edition.district.municipality.name
    dutch = [
        f"Jouw adres is door loting gekozen. Een burgerpanel van {panel_size} bewoners beslist",
        f"over de plannen van {edition.name}. Wie erin komt, wordt ook door loting",
        "gekozen, zo dat het panel lijkt op de buurt. Iedereen op dit adres vanaf",
        f"{edition.min_age} jaar mag zich aanmelden, met deze code. Ga naar",
        sign_up_url(edition),
        "of scan de QR-code.",
    ]
    if sessions:
        dutch.append(f"Bijeenkomsten / sessions: {sessions}")
    return LetterText(
        letterhead=f"Buurtbudget · {edition.district.name}",
        subhead=f"{municipality} · {edition.name}",
        address_lines=(
            "Aan de bewoners / To the residents",
            invitee.street_address,
            f"{invitee.postcode}  {municipality.upper()}",
        ),
        dutch_title="Uitnodiging: doe mee met het burgerpanel",
        dutch=tuple(dutch),
        english_title="Invitation: join the citizens' panel",
        english=(
            f"Your address was drawn by lot. A citizens' panel of {panel_size} residents decides",
            f"on the plans of {edition.name}. Who joins it is also drawn by lot, so that",
            "the panel looks like the neighbourhood. One resident at this address aged",
            f"{edition.min_age} or over can sign up with this code: go to the address above or",
            "scan the QR code.",
        ),
        code_label="Je aanmeldcode / Your response code",
        code=invitee.code,
        link=response_url(edition, invitee.code),
        footer=(
            "Je gegevens worden alleen voor de loting gebruikt en gewist als de editie afloopt.",
            "Your details are used only for the draw and deleted when the edition ends.",
        ),
        more=short_parts(edition, panel_size),
    )


def write_invitation_letters(*, edition: Edition, invitees: Iterable[Invitee], path: Path) -> int:
    """Write one page per invitee to ``path``; returns the number of pages."""
    setup = PanelSetup.objects.filter(edition=edition).first()
    panel_size = setup.panel_size if setup else PanelSetup._meta.get_field("panel_size").default
    sessions = " ".join(setup.availability_text.split())[:90] if setup else ""
    return write_letters_pdf(
        path=path,
        title=f"Uitnodigingen burgerpanel / Citizens' panel invitations · {edition.name}",
        letters=(
            invitation_text(edition=edition, invitee=invitee, panel_size=panel_size, sessions=sessions)
            for invitee in invitees
        ),
    )
