"""Reading a CSV upload: aliases, either separator, optional columns, and the first bad line named."""

from __future__ import annotations

import pytest

from outreach.csv_import import read_csv
from outreach.errors import CsvImportError

COLUMNS = {"address": ("address", "adres"), "postcode": ("postcode",)}


def test_rows_are_read_by_alias_with_either_separator_and_blank_lines_skipped() -> None:
    rows = read_csv(
        b"\xef\xbb\xbfAdres;Postcode;Extra\n Kade 1 ;1058 HE;x\n\n;;\nKade 3;1058 HE;y\n", COLUMNS
    )
    assert rows == [
        (2, {"address": "Kade 1", "postcode": "1058 HE"}),
        (5, {"address": "Kade 3", "postcode": "1058 HE"}),
    ]


def test_an_optional_column_may_be_missing_or_empty() -> None:
    optional = {"phone": ("telefoon",)}
    assert read_csv(b"adres,postcode\nKade 1,1058 HE\n", COLUMNS, optional=optional)[0][1] == {
        "address": "Kade 1",
        "postcode": "1058 HE",
    }
    rows = read_csv(b"adres,postcode,telefoon\nKade 1,1058 HE,\n", COLUMNS, optional=optional)
    assert rows[0][1]["phone"] == ""


@pytest.mark.parametrize(
    ("data", "code", "params"),
    [
        (b"  \n", "empty_file", {}),
        (b"adres,postcode\n", "empty_file", {}),
        (b"\xff\xfe\x00a", "not_text", {}),
        (b"adres\nKade 1\n", "missing_columns", {"columns": "address, postcode", "missing": "postcode"}),
        (b"adres,postcode\nKade 1,1058 HE\nKade 2,\n", "bad_row", {"line": 3}),
    ],
)
def test_a_file_is_refused_as_a_whole_naming_what_is_wrong(
    data: bytes, code: str, params: dict[str, object]
) -> None:
    with pytest.raises(CsvImportError) as refused:
        read_csv(data, COLUMNS)
    assert refused.value.code == code
    assert params.items() <= refused.value.params.items()
