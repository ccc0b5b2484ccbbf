"""The development track: ideas before plans, people to carry them, a coach, and plan workshops.

Sub-domains are subpackages with the same parts: ``ideas/`` (rough ideas, their support, comments and
the people who join them; an idea becomes a draft plan), ``coaching/`` (the district's partners and
coaches, the shared log and the coach's steps) and ``workshops/`` (plan workshops, sign-ups, reminders
and attendance). The district's pre-check of a draft lives with the review (``review.prechecks``), the
costs learnt from earlier editions with the plans (``proposals.costs``).
"""
