"""ui.html.without_indentation: the page reads the same, without the templates' indentation."""

from __future__ import annotations

from django.http import HttpResponse

from ui.html import without_indentation


def test_indentation_and_blank_lines_go_and_words_stay_apart() -> None:
    response = HttpResponse(
        "<ul>\n    <li>Een</li>\n\n    <li>Twee <a href='/'>plan</a>\n      en meer</li>\n</ul>\n"
    )

    assert without_indentation(response).content == (
        b"<ul>\n<li>Een</li>\n<li>Twee <a href='/'>plan</a>\nen meer</li>\n</ul>\n"
    )


def test_a_page_with_preformatted_text_is_left_as_it_is() -> None:
    page = "<main>\n  <pre>\n    kept\n  </pre>\n</main>"

    assert without_indentation(HttpResponse(page)).content == page.encode()
