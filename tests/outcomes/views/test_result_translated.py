"""The result page names the plans in the reader's language where their initiators gave a title."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from ..factories import make_closed_vote, make_count

pytestmark = pytest.mark.django_db


def test_the_english_result_page_shows_the_english_titles(client: Client) -> None:
    edition, plans = make_closed_vote(choices=[[0]] * 5 + [[1, 2]] * 3, aggregation_rule="greedy")
    plans[0].translations = {"en": {"title": "Vegetable garden"}}
    plans[0].save()
    make_count(edition=edition)
    with translation.override("en"):
        path = reverse("outcomes:result", kwargs={"slug": edition.slug})
    html = client.get(path).content.decode()
    assert ">Vegetable garden</a>" in html
    assert f'<span lang="nl" dir="ltr">{plans[1].title}</span>' in html  # no English title: Dutch, marked
