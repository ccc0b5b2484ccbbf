"""The review pages (staff only): the reviewers' queue and a plan's review, the committee's shortlist.

Each POST calls one service and redirects back with a message; a refusal is shown next to the
field it concerns (or on top of the page) and the form keeps what was typed. Every page loads its
edition through ``@edition_action``: the review pages open to those who may publish the verdicts
(the edition's reviewers and officials), the shortlist to those who make it.
"""
