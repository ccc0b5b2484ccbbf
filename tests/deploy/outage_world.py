"""A vote in a throw-away database for the outage test (tests/deploy/test_database_outage.py).

``manage.py shell -c "from tests.deploy.outage_world import main; main(40)"`` with DATABASE_URL naming
the database: migrates it, makes an open vote with that many voters, prints one JSON line with the
edition's slug, a plan id and the plain codes.
"""

from __future__ import annotations

import json

from django.core.management import call_command

from tests import factories


def main(voters: int) -> None:
    call_command("migrate", verbosity=0)
    edition, plans = factories.make_vote()
    codes = [factories.make_voter(edition=edition)[1] for _ in range(voters)]
    print(json.dumps({"slug": edition.slug, "plan": plans[0].pk, "codes": codes}))
