"""Every refusal the voting services can give, with its translated message and its HTTP meaning."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from common.errors import ServiceError


class EligibilityError(ServiceError):
    """The credential does not open a ballot (the API answers 403, or 429 for ``too_many_attempts``)."""

    messages = {
        "malformed_code": _(
            "This is not a valid voting code. Check it against your letter: it has 17 characters."
        ),
        "unknown_code": _("This voting code is not known for this vote. Check it against your letter."),
        "revoked_code": _("This voting code has been replaced by a new letter and can no longer be used."),
        "too_many_attempts": _("Too many wrong codes were tried. Please wait a few minutes and try again."),
        "not_on_register": _("This e-mail address is not on the list of residents who can vote."),
        "wrong_one_time_code": _("That code is not right, or it has expired. Request a new one."),
        "session_expired": _("Your voting session has expired. Enter your code again."),
    }


class VoteStateError(ServiceError):
    """The vote is not open for this action (the API answers 409)."""

    messages = {
        "vote_not_open": _("You cannot vote now: the vote for this edition is not open."),
        "voted_on_paper": _(
            "A paper ballot has already been entered for this voter; a voter can vote only once."
        ),
        "voted_online": _("This voter has already voted online; their paper ballot cannot be entered."),
        "rules_locked": _(
            "The ballot format and counting rule can no longer change: ballots have already been cast."
        ),
        "vote_already_closed": _("This vote has already closed."),
        "reason_required": _("Give a reason for closing the vote early."),
        "no_ballot_box": _("You cannot vote yet: the sealed ballot box of this vote has not been set up."),
    }


class BallotBoxError(ServiceError):
    """The election key cannot be set up, or the shares given do not open the ballot box."""

    messages = {
        "not_an_official": _("Only an official of this district can set up the ballot box."),
        "bad_threshold": _(
            "Choose between 2 and 9 shares, and how many of them are needed: at least 1, at most all."
        ),
        "ballots_exist": _("The key cannot change any more: ballots have been cast into this ballot box."),
        "no_ballot_box": _("This vote has no sealed ballot box: set one up before the vote opens."),
        "too_few_shares": _("Enter %(needed)s different key shares; %(given)s were given."),
        "malformed_share": _(
            "Key share %(position)s is not a key share. Check it against its sheet: "
            "a number, then 52 characters."
        ),
        "invalid_share": _("Key share %(number)s of %(total)s is not valid for this vote."),
        "duplicate_share": _("Key share %(number)s was entered twice; each share counts once."),
        "unreadable_ballot": _(
            "A sealed ballot does not open with this key: the ballot box was tampered with. "
            "Nothing was counted."
        ),
        "destroyed": _("The sealed ballots of this vote were destroyed after its result was published."),
    }


class BallotError(ServiceError):
    """The ballot itself is invalid (the API answers 422 with ``code`` and ``message``)."""

    messages = {
        "wrong_format": _("The ballot is not in the format this vote uses."),
        "unknown_section": _("The ballot has a part “%(section)s” that this vote does not have."),
        "unknown_plan": _("Plan %(plan)s is not on this ballot."),
        "duplicate_plan": _("The same plan is chosen twice."),
        "too_many_plans": _("You chose %(given)s plans in %(section)s; you can choose at most %(allowed)s."),
        "over_budget": _("Your choice in %(section)s costs %(cost)s, more than the budget of %(budget)s."),
        "too_many_points": _("You gave %(given)s points in %(section)s; you have %(allowed)s to spread."),
        "points_not_whole": _("Points must be whole numbers."),
        "points_negative": _("Points cannot be negative."),
        "empty_ballot": _("Choose at least one plan."),
    }


class PaperError(ServiceError):
    """A paper-ballot entry that cannot be accepted as it is."""

    messages = {
        "same_official": _("The second entry must be made by a different official."),
        "not_allowed": _("You cannot enter paper ballots for this vote now."),
        "not_awaiting": _("This paper ballot does not wait for a second entry."),
        "not_in_review": _("This paper ballot does not need a review."),
        "note_required": _("Explain the decision in a note."),
        "missing_reading": _(
            "That reading is missing, so it cannot be counted: choose the other reading, or declare "
            "the ballot void."
        ),
    }


class CsvImportError(ServiceError):
    """A CSV import that was refused as a whole; ``line`` names the first bad line."""

    messages = {
        "empty_file": _("The file is empty."),
        "not_text": _("The file is not a UTF-8 text (CSV) file."),
        "missing_columns": _("The first line must name the columns %(columns)s; missing: %(missing)s."),
        "bad_row": _("Line %(line)s: %(problem)s"),
        "vote_started": _("The vote has started: the list of voters can no longer change."),
        "not_an_official": _("Only an official of this district can change the list of voters."),
        "too_many_rows": _("The file has %(count)s lines; at most %(limit)s can be imported at once."),
    }
