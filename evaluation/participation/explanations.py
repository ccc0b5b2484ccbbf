"""How each representativeness figure is computed, in words for the report (translated).

Keys are those of ``participation_figures(edition)["representativeness"]``; the formulas are in the
docstrings of ``evaluation.participation.measures``.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

RATIO_EXPLANATION = _(
    "The turnout rate of each neighbourhood (voters divided by eligible residents), the lowest divided "
    "by the highest. 1 means every neighbourhood voted at the same rate; 0.5 that the least reached "
    "neighbourhood voted at half the rate of the best reached one."
)
PSI_EXPLANATION = _(
    "The proportional-similarity index: for each group, take the smaller of its share of the "
    "participants and its share of the eligible residents, and add these up. 1 means the participants "
    "are spread over the groups exactly as the residents are; the lower, the more some groups are "
    "over- or under-represented."
)
VOTER_SURVEY_NOTE = _(
    "Voters' age and gender are known only from the voluntary survey after casting: this figure "
    "describes the voters who answered it, and is left out when fewer than 10 answered."
)
PANEL_NOTE = _("The panel's age and gender are known from the features its members gave when they signed up.")

TITLES: dict[str, Promise] = {
    "turnout_ratio": _("Turnout: lowest to highest neighbourhood"),
    "turnout_psi": _("Voters against residents, over neighbourhoods"),
    "panel_psi_age": _("Panel against residents, by age"),
    "panel_psi_gender": _("Panel against residents, by gender"),
    "voter_psi_age": _("Voters who answered the survey against residents, by age"),
    "voter_psi_gender": _("Voters who answered the survey against residents, by gender"),
}

EXPLANATIONS: dict[str, tuple[Promise, ...]] = {
    "turnout_ratio": (RATIO_EXPLANATION,),
    "turnout_psi": (PSI_EXPLANATION,),
    "panel_psi_age": (PSI_EXPLANATION, PANEL_NOTE),
    "panel_psi_gender": (PSI_EXPLANATION, PANEL_NOTE),
    "voter_psi_age": (PSI_EXPLANATION, VOTER_SURVEY_NOTE),
    "voter_psi_gender": (PSI_EXPLANATION, VOTER_SURVEY_NOTE),
}
