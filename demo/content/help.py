"""Each demo district's helpdesk and the places where residents get help in person (invented numbers)."""

from __future__ import annotations

from typing import Any

from places.help.services import HelpLocationDetails

WEEKDAYS = {
    "nl": "maandag tot en met vrijdag 9:00–17:00\ndonderdag ook 19:00–21:00",
    "en": "Monday to Friday 9:00–17:00\nThursday also 19:00–21:00",
    "tr": "Pazartesi–Cuma 9:00–17:00\nPerşembe ayrıca 19:00–21:00",
    "ar": "من الاثنين إلى الجمعة 9:00–17:00\nالخميس أيضًا 19:00–21:00",
}
INTRODUCTION = {
    "nl": (
        "Hulp nodig bij je plan, bij het stemmen of met deze site? Bel of app ons, of kom langs. We "
        "spreken Nederlands, Engels, Turks en Arabisch."
    ),
    "en": (
        "Need help with your plan, with voting or with this site? Call us, send a WhatsApp message or "
        "drop by. We speak Dutch, English, Turkish and Arabic."
    ),
    "tr": (
        "Planınız, oy verme veya bu site için yardıma mı ihtiyacınız var? Bizi arayın, WhatsApp'tan "
        "yazın veya uğrayın. Felemenkçe, İngilizce, Türkçe ve Arapça konuşuyoruz."
    ),
    "ar": (
        "هل تحتاج إلى مساعدة في خطتك أو في التصويت أو في هذا الموقع؟ اتصل بنا أو أرسل رسالة واتساب أو "
        "زرنا. نتحدث الهولندية والإنجليزية والتركية والعربية."
    ),
}
DURING_THE_VOTE = {
    "nl": "Tijdens de stemming: dinsdag en zaterdag 10:00–16:00",
    "en": "During the vote: Tuesday and Saturday 10:00–16:00",
    "tr": "Oylama sırasında: Salı ve Cumartesi 10:00–16:00",
    "ar": "أثناء التصويت: الثلاثاء والسبت 10:00–16:00",
}
LANGUAGES_SPOKEN = {
    "nl": "Hulp in het Turks en Arabisch. Ingang zonder drempel.",
    "en": "Help in Turkish and Arabic. Step-free entrance.",
    "tr": "Türkçe ve Arapça yardım. Basamaksız giriş.",
    "ar": "مساعدة بالتركية والعربية. مدخل بلا درج.",
}
TRANSLATED = ("en", "tr", "ar")


def _desk_translations() -> dict[str, dict[str, str]]:
    return {
        lang: {"introduction": INTRODUCTION[lang], "opening_hours": WEEKDAYS[lang]} for lang in TRANSLATED
    }


def _voting_place(name: str, address: str) -> HelpLocationDetails:
    return HelpLocationDetails(
        name=name,
        address=address,
        opening_hours=DURING_THE_VOTE["nl"],
        assisted_voting=True,
        notes=LANGUAGES_SPOKEN["nl"],
        translations={
            lang: {"opening_hours": DURING_THE_VOTE[lang], "notes": LANGUAGES_SPOKEN[lang]}
            for lang in TRANSLATED
        },
    )


def _desk(number: int, slug: str, address: str, *places: HelpLocationDetails) -> dict[str, Any]:
    return {
        "address": address,
        "phone": f"020 555 01{number:02d}",
        "whatsapp": f"06 1234 50{number:02d}",
        "email": f"hulp.{slug}@buurtbudget.example",
        "introduction": INTRODUCTION["nl"],
        "opening_hours": WEEKDAYS["nl"],
        "translations": _desk_translations(),
        "locations": list(places),
    }


# Per district slug: the keyword arguments of ``set_up_help_desk`` (without the district).
HELP: dict[str, dict[str, Any]] = {
    "nieuw-west": _desk(
        10,
        "nieuw-west",
        "Osdorpplein 1000, 1068 TG Amsterdam",
        _voting_place("Huis van de Wijk De Aker", "Ina Boudier-Bakkerlaan 1, 1067 AA Amsterdam"),
        _voting_place("Huis van de Wijk Geuzenveld", "Slotermeerlaan 103, 1063 JN Amsterdam"),
        HelpLocationDetails(name="OBA Osdorp", address="Osdorpplein 2, 1068 EK Amsterdam"),
    ),
    "zuidoost": _desk(
        20,
        "zuidoost",
        "Anton de Komplein 150, 1102 CW Amsterdam",
        _voting_place("Buurthuis Kraaiennest", "Kraaiennest 132, 1104 CK Amsterdam"),
        _voting_place("Huis van de Buurt Holendrecht", "Holendrechtplein 14, 1106 LE Amsterdam"),
    ),
    "noord": _desk(
        30,
        "noord",
        "Buikslotermeerplein 2000, 1025 XL Amsterdam",
        _voting_place("Buurthuis Het Kleine Gebouw", "Kamperfoelieweg 19, 1032 HM Amsterdam"),
        _voting_place("Huis van de Wijk Waterlandplein", "Waterlandplein 13, 1024 KH Amsterdam"),
    ),
    "oost": _desk(40, "oost", "Oranje-Vrijstaatplein 2, 1093 NG Amsterdam"),
    "west": _desk(50, "west", "Bos en Lommerplein 250, 1055 EK Amsterdam"),
    "zuid": _desk(60, "zuid", "President Kennedylaan 923, 1079 MZ Amsterdam"),
}
