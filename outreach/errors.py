"""Every refusal the outreach pieces can give: a CSV file refused as a whole."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from common.errors import ServiceError


class CsvImportError(ServiceError):
    """A CSV import that was refused as a whole; ``line`` names the first bad line."""

    messages = {
        "empty_file": _("The file is empty."),
        "not_text": _("The file is not a UTF-8 text (CSV) file."),
        "missing_columns": _("The first line must name the columns %(columns)s; missing: %(missing)s."),
        "bad_row": _("Line %(line)s: %(problem)s"),
        "too_many_rows": _("The file has %(count)s lines; at most %(limit)s can be imported at once."),
    }
