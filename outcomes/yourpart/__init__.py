"""Your part: a voter ticks the plans they voted for and sees which were chosen and how their share was spent.

Nothing is stored, logged or put in a URL: the ticks travel in one POST and only make the answer page.
"""
