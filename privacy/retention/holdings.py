"""Per table: which columns hold a resident's personal data in the clear, or why the table holds none.

The retention table (``table.py``) says per kind of data which models hold it; this says per model
which of its columns are the personal ones the purge empties or deletes when the kind's period has
passed. A foreign key to an account is not listed: the account row is the personal data, and the
``account`` kind empties it. Every table of every installed model (many-to-many tables included)
is in exactly one of ``PERSONAL_FIELDS`` and ``NO_PERSONAL_DATA``: the whole-database test walks
them all after a purge, so a new table with personal data fails it until it is listed here.
"""

from __future__ import annotations

from collections.abc import Mapping

# label -> the columns with personal data (empty: the rows only link accounts or other kinds' rows).
PERSONAL_FIELDS: Mapping[str, tuple[str, ...]] = {
    # account
    "accounts.user": ("email", "display_name", "password", "last_login"),
    "accounts.user_groups": (),
    "accounts.user_user_permissions": (),
    # plans
    "proposals.plan": ("public_name",),
    "proposals.planrevision": ("snapshot",),
    "proposals.costline": (),
    "proposals.planimage": ("image",),
    # ideas
    "development.idea": ("public_name",),
    "development.ideamember": ("public_name", "offer"),
    "development.workshop": (),
    "development.workshopsignup": (),
    # coaching
    "development.partner": (),
    "development.partnercoach": (),
    "development.coaching": (),
    "development.coachingnote": ("body",),
    "development.coachingstep": ("note",),
    "review.precheck": ("question", "summary"),
    # co-initiators
    "proposals.coinitiator": ("email",),
    # likes
    "proposals.like": (),
    "development.ideasupport": (),
    # comments
    "proposals.comment": ("body",),
    "proposals.commentreport": ("reason",),
    "development.ideacomment": ("body",),
    # notifications
    "notifications.notification": ("params",),
    "execution.follow": (),
    # sessions and the mail queue
    "sessions.session": ("session_data",),
    "django_tasks_database.dbtaskresult": ("args_kwargs", "return_value", "traceback"),
    # voters
    "outreach.address": ("street_address", "postcode"),
    "voting.voter": ("credential_hash", "email_hash"),
    "voting.emailchallenge": ("code_hash",),
    "voting.letterbatch": (),
    # ballots
    "voting.ballot": ("sealed", "receipt"),
    "voting.paperentry": ("first_content", "second_content", "pending_slot"),
    # a retried cast's answer, encrypted (issue 19 §5): goes with the sealed ballots
    "voting.idempotentcast": ("lookup", "answer"),
    # panel
    "deliberation.respondent": ("name", "email", "phone"),
    "deliberation.invitation": (),
    "deliberation.panelmember": (),
    "deliberation.attendance": (),
    "deliberation.ballotcard": ("code_hash",),
    # projects
    "execution.project": ("grantee",),
    "execution.projectowner": (),
    "execution.update": (),
    "execution.updatephoto": ("image",),
    "execution.expense": ("receipt",),
    "execution.payment": (),
    "execution.agreement": (),
    "execution.finalreport": (),
    "execution.finalreportphoto": ("image",),
    "execution.blocker": (),
    "execution.helprequest": (),
    # survey answers and tickets
    "evaluation.response": ("answers",),
    "evaluation.surveyticket": ("holder_hash",),
    "evaluation.surveyinvitation": ("invitee_hash",),
    # audit and the admin's history
    "audit.auditentry": (),
    "accounts.staffrole": (),
    "admin.logentry": ("object_repr", "change_message"),
    # staff records: the decisions stay, named by the (emptied) account that took them
    "review.review": (),
    "review.review_reviewers": (),
    "review.changerequest": (),
    "review.verdictpublication": (),
    "review.shortlistentry": (),
    "review.shortlistpublication": (),
    "voting.ballotbox": (),
    "voting.voteclosure": (),
    "deliberation.draw": (),
    "deliberation.worksession": (),
    "deliberation.presentation": (),
    "deliberation.panelquestion": (),
    "deliberation.panelvote": (),
    "deliberation.paneldecision": (),
    "execution.ledgerdecision": (),
    "execution.statuschange": (),
    "evaluation.processcost": (),
    "evaluation.lesson": (),
    "evaluation.populationimport": (),
    "outcomes.count": (),
}

# label -> why the table holds no personal data.
NO_PERSONAL_DATA: Mapping[str, str] = {
    "auth.permission": "the names of permissions",
    "auth.group": "the names of groups of permissions",
    "auth.group_permissions": "which permissions a group has",
    "contenttypes.contenttype": "the names of the models",
    "places.municipality": "the municipality",
    "places.district": "districts and their descriptions",
    "places.neighbourhood": "neighbourhoods and their population",
    "places.helpdesk": "the district's helpdesk: an office's address, phone and e-mail address",
    "places.helplocation": "community centres and libraries",
    "places.postcodearea": "which postcodes and house numbers lie in which neighbourhood",
    "editions.edition": "the edition's settings",
    "editions.theme": "the edition's themes",
    "editions.subbudget": "the edition's sub-budgets",
    "editions.phase": "the edition's phases",
    "review.reviewcriterion": "the edition's review checklist",
    "review.reviewcheck": "a reviewer's check of a plan against one criterion (staff record)",
    "review.prechecknote": "the district's note on one criterion of a pre-check",
    "deliberation.panelsetup": "the panel's settings",
    "deliberation.feature": "the features the panel is drawn by (e.g. age group)",
    "deliberation.featurevalue": "a feature's values and their share of the population",
    "deliberation.panelballot": "a panel member's ballot, stored without any link to the member",
    "deliberation.panelreason": "the panel's published reason per plan",
    "execution.projectline": "a project's budget lines",
    "execution.milestone": "a project's milestones",
    "execution.scheduledpayment": "a project's payment schedule",
    "execution.reminder": "when a project's reminders are due",
    "evaluation.editionevidence": "figures per neighbourhood and channel, computed without persons",
    "evaluation.populationfigure": "the population by neighbourhood, age and gender (counts)",
    "evaluation.survey": "a survey's questions",
    "evaluation.question": "a survey's questions",
    "outcomes.countsection": "the count per section and the anonymous ballots (the public .pb file)",
    "operations.jobrun": "which scheduled job ran when, on which node, and its last line of output",
    "operations.heartbeat": "which worker or scheduler process ran on which node, and when it was seen",
}
