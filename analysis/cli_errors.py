"""Command-line mistakes in the analyst's language: usage errors and argparse's own complaints.

A usage error (``--top 0``, no PATH, a malformed ``--columns``) is a catalog message, so it
reads in Chinese under ``--lang zh`` or ``GOVTHEMES_LANG=zh`` like every other message of
the command. argparse writes its complaints (an unknown option, a value not among the
choices) in English; :class:`ArgumentsRefused` recognises the common ones and says them
with the catalog's words, keeping argparse's English otherwise.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence

from analysis.messages import CodedError, Lang

_OPTION = r"argument (?P<option>[^:]+): "
ARGPARSE_COMPLAINTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(_OPTION + r"invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)"),
     "argparse_invalid_choice"),
    (re.compile(_OPTION + r"(?P<value>.+) is not a date like 2024-06-14"), "argparse_bad_date"),
    (re.compile(_OPTION + r"(?P<value>.+) is no day of the calendar"), "argparse_no_such_day"),
    (re.compile(_OPTION + r"(?P<value>.+) is outside the dates news can have, "
                          r"(?P<earliest>[-\d]+) to (?P<latest>[-\d]+)"), "argparse_implausible_date"),
    (re.compile(_OPTION + r"'(?P<period>\w+)' is a period, not a group: use --period \w+"),
     "argparse_by_period"),
    (re.compile(_OPTION + r"invalid (?P<kind>\w+) value: (?P<value>.+)"), "argparse_bad_value"),
    (re.compile(_OPTION + r"expected one argument"), "argparse_value_missing"),
    (re.compile(r"the following arguments are required: (?P<arguments>.+)"), "argparse_required"),
    (re.compile(r"unrecognized arguments: (?P<arguments>.+)"), "argparse_unrecognized"),
)
"""argparse's messages (Python 3.11–3.13 wording) and the catalog code of each."""
REQUIRED_OPTIONS = {"--store": "usage_no_store"}
"""Required options whose absence has a message of its own, saying what to give."""


class UsageError(CodedError):
    """A mistake in the command line (``code`` in the catalog), reported as one line on stderr."""


class ArgumentsRefused(Exception):
    """argparse refused the arguments: ``parser`` for its usage line, ``message`` in English."""

    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser
        self.message = message

    def usage_error(self) -> UsageError:
        """The complaint as a catalog message when it is a known one, else argparse's words."""
        for pattern, code in ARGPARSE_COMPLAINTS:
            found = pattern.fullmatch(self.message)
            if found and code == "argparse_required" and found["arguments"] in REQUIRED_OPTIONS:
                return UsageError(REQUIRED_OPTIONS[found["arguments"]])
            if found:
                return UsageError(code, **found.groupdict())
        return UsageError("argparse_other", message=self.message)


def lang_in_arguments(argv: Sequence[str], default: Lang) -> Lang:
    """The ``--lang`` the arguments ask for (``--lang zh``, ``--lang=zh``), read before parsing.

    The last one counts, as argparse would have it; it may come before the command
    (``govthemes --lang zh themes …``) or after it.
    """
    asked = default
    for index, argument in enumerate(argv):
        value = argument.partition("=")[2] if argument.startswith("--lang=") else None
        if argument == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if value in ("zh", "en"):
            asked = value  # type: ignore[assignment]
    return asked
