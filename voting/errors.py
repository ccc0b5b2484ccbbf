"""Every refusal the voting services can give, with its translated message and its HTTP meaning."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from common.code_guard import CodeEntryError
from common.codes import BODY_LENGTH, MalformedCode
from common.errors import ServiceError
from outreach.csv_import import lazy_format
from outreach.errors import CsvImportError

# What is wrong with a malformed code, as precisely as the code's form allows (common.codes).
_CODE_PROBLEMS = {
    "empty": _("Type the code from your letter."),
    "length": _("You typed %(typed)s characters; the code on your letter has %(expected)s."),
    "group_length": _("Group %(group)s has %(typed)s characters; on your letter it has %(expected)s."),
    "character": _("The character “%(char)s” in group %(group)s does not occur in voting codes."),
    "check": _(
        "One character differs from your letter, or two characters are swapped. "
        "Compare each group of four with your letter."
    ),
}


class EligibilityError(CodeEntryError):
    """The credential does not open a ballot (the API answers 403, or 429 for ``too_many_attempts``)."""

    messages = {
        "malformed_code": _("This is not a valid voting code. %(problem)s"),
        "unknown_code": _("This voting code is not known for this vote. Check it against your letter."),
        "revoked_code": _("This voting code has been replaced by a new letter and can no longer be used."),
        **CodeEntryError.messages,  # too_many_attempts
        "not_on_register": _("This e-mail address is not on the list of residents who can vote."),
        "wrong_one_time_code": _("That code is not right, or it has expired. Request a new one."),
        "session_expired": _("Your voting session has expired. Enter your code again."),
    }


def malformed_code(bad: MalformedCode) -> EligibilityError:
    """The refusal of a malformed code that says what to look at: its length, a group or a character."""
    problem = "empty" if bad.problem == "length" and not bad.typed else bad.problem
    params = {
        "typed": bad.typed,
        "expected": bad.expected or BODY_LENGTH + 1,
        "group": bad.group,
        "char": bad.char,
    }
    return EligibilityError("malformed_code", problem=lazy_format(_CODE_PROBLEMS[problem], params))


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


class VoterListError(CsvImportError):
    """An address list or register import refused as a whole, also once the vote has started."""

    messages = {
        **CsvImportError.messages,
        "vote_started": _("The vote has started: the list of voters can no longer change."),
        "not_an_official": _("Only an official of this district can change the list of voters."),
    }


class IdempotencyError(ServiceError):
    """A cast's Idempotency-Key (or the ballot form's one-time key) cannot be used as it is.

    The API answers ``bad_idempotency_key`` with 400, ``idempotency_key_in_use`` with 409 (and
    Retry-After) and ``idempotency_key_reused`` with 422, as the IETF draft on the header proposes.
    """

    messages = {
        "bad_idempotency_key": _(
            "The Idempotency-Key header must be 1 to %(max)s visible ASCII characters, such as a UUID."
        ),
        "idempotency_key_in_use": _(
            "A ballot with this Idempotency-Key is still being cast. Send it again in a moment to get "
            "its answer."
        ),
        "idempotency_key_reused": _(
            "This Idempotency-Key was already used for a different ballot. A new ballot needs a new key."
        ),
    }
