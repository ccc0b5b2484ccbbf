"""Login link tokens: they log in the right person once, for a limited time, and can't be forged."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core import signing
from django.utils import timezone

from accounts.login_links import make_login_token, user_for_login_token
from accounts.models import User
from tests import factories


def make_token_made_seconds_ago(user: User, seconds: int) -> str:
    """A token signed as if ``seconds`` ago: the signer's timestamp is what max_age checks."""
    then = int(signing.time.time()) - seconds  # type: ignore[attr-defined]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(then))
        return make_login_token(user)


@pytest.mark.django_db
def test_a_fresh_token_logs_in_its_user() -> None:
    user = factories.make_user()
    assert user_for_login_token(make_login_token(user)) == user


@pytest.mark.django_db
def test_a_token_is_spent_once_its_user_has_logged_in() -> None:
    user = factories.make_user()
    token = make_login_token(user)
    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])
    assert user_for_login_token(token) is None


@pytest.mark.django_db
def test_a_password_change_spends_earlier_tokens() -> None:
    user = factories.make_user()
    token = make_login_token(user)
    user.set_password("Een-heel-ander-wachtwoord-9")
    user.save()
    assert user_for_login_token(token) is None


@pytest.mark.django_db
def test_a_token_expires() -> None:
    user = factories.make_user()
    max_age = settings.LOGIN_LINK_MAX_AGE_SECONDS
    assert user_for_login_token(make_token_made_seconds_ago(user, max_age - 60)) == user
    assert user_for_login_token(make_token_made_seconds_ago(user, max_age + 1)) is None


@pytest.mark.django_db
def test_a_forged_or_altered_token_is_refused() -> None:
    user = factories.make_user()
    other = factories.make_user()
    token = make_login_token(user)
    assert user_for_login_token(token[:-2] + ("AA" if not token.endswith("AA") else "BB")) is None
    assert user_for_login_token("not-a-token") is None
    forged = signing.dumps({"u": other.pk, "h": "0" * 20}, salt="accounts.login_link", compress=True)
    assert user_for_login_token(forged) is None
    wrong_key = signing.dumps({"u": user.pk, "h": "x"}, key="someone-elses-key", salt="accounts.login_link")
    assert user_for_login_token(wrong_key) is None


@pytest.mark.django_db
def test_a_token_of_a_deactivated_account_is_refused() -> None:
    user = factories.make_user()
    token = make_login_token(user)
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert user_for_login_token(token) is None
