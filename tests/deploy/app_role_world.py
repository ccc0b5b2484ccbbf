"""Run as the app database role (tests/deploy/test_database_roles.py): a vote cast and counted.

``manage.py shell -c "from tests.deploy.app_role_world import main; main()"`` with DATABASE_URL naming
the app role: everything a vote needs of the database, done by the role the web nodes use. Prints
one JSON line with what was stored and counted.
"""

from __future__ import annotations

import json

from django.db import connection

from outcomes.models import CountStatus
from tests import factories
from tests.outcomes.factories import make_count, make_official
from voting.models import Ballot
from voting.services.casting import cast_ballot, credential_for_code
from voting.services.closing import close_vote_early


def main() -> None:
    edition, plans = factories.make_vote()
    for chosen in ([0, 3], [1, 3], [3]):
        _, code = factories.make_voter(edition=edition)
        credential = credential_for_code(edition=edition, code=code, client_ip="192.0.2.1")
        cast_ballot(edition=edition, credential=credential, ballot={"main": [plans[i].pk for i in chosen]})
    official = make_official(edition)
    close_vote_early(edition=edition, reason="Test of the app role", by=official)
    count = make_count(edition=edition, by=official)
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        (user,) = cursor.fetchone()
    print(
        json.dumps(
            {
                "user": user,
                "ballots": Ballot.objects.filter(edition=edition).count(),
                "count_done": count.status == CountStatus.DONE,
            }
        )
    )
