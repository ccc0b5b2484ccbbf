"""The log-privacy test's world, made in the server's database (run as a script under its settings).

Prints one JSON object: the edition's slug, plain voting codes, the register voter's e-mail address
and name, a resident's address, name and password, the plans' titles.
"""

from __future__ import annotations

import json

import django

django.setup()

from accounts.models import Role  # noqa: E402
from tests import factories  # noqa: E402


def main() -> None:
    edition, plans = factories.make_vote(ballot_max_choices=2)
    codes = [factories.make_voter(edition=edition)[1] for _ in range(3)]
    register_email = "sanne.devries@example.org"
    register_name = "Sanne de Vries"
    factories.make_register_voter(edition=edition, email=register_email, name=register_name)
    resident = factories.make_user(email="anna.jansen@example.org", display_name="Anna Jansen")
    official = factories.make_staff(
        role=Role.OFFICIAL, district=edition.district, display_name="Pieter Bakker"
    )
    print(
        json.dumps(
            {
                "slug": edition.slug,
                "plans": {str(p.pk): p.title for p in plans},
                "codes": codes,
                "register_email": register_email,
                "register_name": register_name,
                "resident_email": resident.email,
                "resident_name": resident.display_name,
                "official_email": official.email,
                "official_name": official.display_name,
                "password": factories.PASSWORD,
            }
        )
    )


if __name__ == "__main__":
    main()
