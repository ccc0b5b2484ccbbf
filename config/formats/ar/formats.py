"""Arabic: Django's formats, but large numbers grouped by thousands ("1.234.567"), as on the Dutch pages.

Django's Arabic formats group no digits, so "€ 1234567" would be hard to read; the digits stay
Western (0-9), which is what residents in the Netherlands see on letters and signs.
"""

from django.conf.locale.ar.formats import *  # noqa: F403

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
TIME_FORMAT = "H:i"  # as on the Dutch pages and the letters, not "g:i A"
