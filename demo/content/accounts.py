"""Demo accounts: one per staff role per district, residents who take part, and a superuser."""

from __future__ import annotations

from accounts.models import Role

from .specs import AccountSpec

# One password for every demo account. It passes Django's validators for each of them:
# "buurtbudget-demo" does not, because it is too similar to the e-mail domain.
DEMO_PASSWORD = "mijn-buurt-beslist"
DEMO_DOMAIN = "demo.buurtbudget.nl"

# The Django admin group for officials and administrators.
STAFF_GROUP = "Stadsdeel-medewerkers"

# The e-mail prefix of each role, in Dutch.
ROLE_MAILBOX: dict[Role, str] = {
    Role.OFFICIAL: "ambtenaar",
    Role.REVIEWER: "toetser",
    Role.COMMITTEE: "commissie",
    Role.FACILITATOR: "gespreksleider",
    Role.ADMINISTRATOR: "beheerder",
}

# How the account table names each role: Dutch / English.
ROLE_TITLE: dict[Role, str] = {
    Role.OFFICIAL: "ambtenaar / district official",
    Role.REVIEWER: "toetser / reviewer",
    Role.COMMITTEE: "stadsdeelcommissie / committee",
    Role.FACILITATOR: "gespreksleider / panel facilitator",
    Role.ADMINISTRATOR: "beheerder / administrator",
}

_STAFF_NAMES: dict[str, dict[Role, str]] = {
    "nieuw-west": {
        Role.OFFICIAL: "Lotte Jansen",
        Role.REVIEWER: "Ahmed Ouali",
        Role.COMMITTEE: "Monique Verhoeven",
        Role.FACILITATOR: "Sevda Yılmaz",
        Role.ADMINISTRATOR: "Pieter de Graaf",
    },
    "zuidoost": {
        Role.OFFICIAL: "Glenn Sedney",
        Role.REVIEWER: "Anouk Brouwer",
        Role.COMMITTEE: "Priscilla Owusu",
        Role.FACILITATOR: "Naomi Pinas",
        Role.ADMINISTRATOR: "Ruud Koster",
    },
    "noord": {
        Role.OFFICIAL: "Sanne Hoekstra",
        Role.REVIEWER: "Bram Visser",
        Role.COMMITTEE: "Wim Boersma",
        Role.FACILITATOR: "Esra Kaya",
        Role.ADMINISTRATOR: "Joyce Meijer",
    },
    "oost": {
        Role.OFFICIAL: "Marloes van Dijk",
        Role.REVIEWER: "Jeroen Mulder",
        Role.COMMITTEE: "Hanneke Prins",
        Role.FACILITATOR: "Said Aarab",
        Role.ADMINISTRATOR: "Thijs Kuipers",
    },
    "west": {
        Role.OFFICIAL: "Femke de Wit",
        Role.REVIEWER: "Rachid Bouzian",
        Role.COMMITTEE: "Els Hendriks",
        Role.FACILITATOR: "Ilse Vermeulen",
        Role.ADMINISTRATOR: "Daan Smits",
    },
    "zuid": {
        Role.OFFICIAL: "Willemijn Bosman",
        Role.REVIEWER: "Martijn Vos",
        Role.COMMITTEE: "Carla Dijkstra",
        Role.FACILITATOR: "Hatice Öztürk",
        Role.ADMINISTRATOR: "Gerard Schouten",
    },
}


def _mail(local_part: str) -> str:
    return f"{local_part}@{DEMO_DOMAIN}"


def bewoner(number: int) -> str:
    """The e-mail address of numbered demo resident ``number`` (1–30)."""
    return _mail(f"bewoner{number:02d}")


def resident(local_part: str) -> str:
    """The e-mail address of the named demo resident ``local_part`` (e.g. "bewoner", "kees.dekker")."""
    return _mail(local_part)


def staff(role: Role, district_slug: str) -> str:
    """The e-mail address of the demo account holding ``role`` in the district."""
    return _mail(f"{ROLE_MAILBOX[role]}.{district_slug}")


def second_official(district_slug: str) -> str:
    """A district's second official: paper ballots are entered twice, by two different officials."""
    return _mail(f"{ROLE_MAILBOX[Role.OFFICIAL]}2.{district_slug}")


SUPERUSER = AccountSpec(email=_mail("beheer"), display_name="Functioneel beheer", is_superuser=True)

STAFF: tuple[AccountSpec, ...] = tuple(
    AccountSpec(
        email=staff(role, district_slug),
        display_name=name,
        role=role,
        district_slug=district_slug,
    )
    for district_slug, names in _STAFF_NAMES.items()
    for role, name in names.items()
)

# Districts with an online vote have a second official, for the second entry of paper ballots.
SECOND_OFFICIALS: tuple[AccountSpec, ...] = (
    AccountSpec(second_official("zuidoost"), "Roy Doornbos", role=Role.OFFICIAL, district_slug="zuidoost"),
    AccountSpec(
        second_official("nieuw-west"), "Hanan Azzouzi", role=Role.OFFICIAL, district_slug="nieuw-west"
    ),
    AccountSpec(second_official("oost"), "Gijs Verhoeven", role=Role.OFFICIAL, district_slug="oost"),
)

# Residents: display_name is the public name they chose; district_slug is only where they live.
RESIDENTS: tuple[AccountSpec, ...] = (
    AccountSpec(_mail("bewoner"), "Noor V.", district_slug="nieuw-west"),
    AccountSpec(_mail("fatima.bennani"), "Fatima B.", district_slug="nieuw-west"),
    AccountSpec(_mail("karim.haddou"), "Karim H.", district_slug="nieuw-west"),
    AccountSpec(_mail("ingrid.bakker"), "Ingrid B.", district_slug="nieuw-west"),
    AccountSpec(_mail("mohamed.elamrani"), "Mohamed E.", district_slug="nieuw-west"),
    AccountSpec(_mail("yusuf.demir"), "Yusuf D.", district_slug="nieuw-west"),
    AccountSpec(_mail("priscilla.asante"), "Priscilla A.", district_slug="zuidoost"),
    AccountSpec(_mail("marlon.kromodimedjo"), "Marlon K.", district_slug="zuidoost"),
    AccountSpec(_mail("esther.mensah"), "Esther M.", district_slug="zuidoost"),
    AccountSpec(_mail("winston.renfurm"), "Winston R.", district_slug="zuidoost"),
    AccountSpec(_mail("kees.dekker"), "Kees D.", district_slug="noord"),
    AccountSpec(_mail("anita.vandenberg"), "Anita van den B.", district_slug="noord"),
    AccountSpec(_mail("youssef.elidrissi"), "Youssef E.", district_slug="noord"),
    AccountSpec(_mail("marieke.smit"), "Marieke S.", district_slug="noord"),
)

# Residents of Oost, West and Zuid who submit, like and discuss plans: bewoner01@ … bewoner30@.
_NUMBERED_RESIDENTS: tuple[tuple[str, str], ...] = (
    ("Sophie de V.", "oost"),
    ("Jasper K.", "oost"),
    ("Hafsa E.", "oost"),
    ("Ruben van L.", "oost"),
    ("Lieke M.", "oost"),
    ("Tarik B.", "oost"),
    ("Annelies P.", "oost"),
    ("Dewi S.", "oost"),
    ("Bart J.", "oost"),
    ("Mirjam de H.", "oost"),
    ("Laura W.", "west"),
    ("Mustafa Ç.", "west"),
    ("Floor van der M.", "west"),
    ("Koen T.", "west"),
    ("Samira A.", "west"),
    ("Joost B.", "west"),
    ("Roos H.", "west"),
    ("Nadia el K.", "west"),
    ("Vincent O.", "west"),
    ("Gerda R.", "west"),
    ("Emma L.", "zuid"),
    ("Hans van R.", "zuid"),
    ("Merel D.", "zuid"),
    ("Levi C.", "zuid"),
    ("Yara N.", "zuid"),
    ("Frank de B.", "zuid"),
    ("Ayşe K.", "zuid"),
    ("Thomas G.", "zuid"),
    ("Ellen S.", "zuid"),
    ("Max W.", "zuid"),
)


NUMBERED_RESIDENTS: tuple[AccountSpec, ...] = tuple(
    AccountSpec(bewoner(number), name, district_slug=district_slug)
    for number, (name, district_slug) in enumerate(_NUMBERED_RESIDENTS, start=1)
)

# A coach of the district's partner "Buurthuis Het Anker" (development.coaching): no staff role.
COACH = AccountSpec("coach@buurthuis-hetanker.nl", "Marco de Boer", district_slug="nieuw-west")

ACCOUNTS: tuple[AccountSpec, ...] = (
    SUPERUSER,
    *STAFF,
    *SECOND_OFFICIALS,
    *RESIDENTS,
    *NUMBERED_RESIDENTS,
    COACH,
)
