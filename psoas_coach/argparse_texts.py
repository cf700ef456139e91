"""argparse's own words ("usage:", "options", its error lines) in the user's language, from our catalogue.

argparse translates through the stdlib ``gettext`` module's global domain, which would need a second
catalogue installed on the system; instead ``route_argparse`` points argparse's two lookup names at our
catalogue, for the texts listed here (marked so that ``scripts/i18n.sh update`` extracts them). A text
argparse adds in a later Python and we have not listed stays in English.
"""

from __future__ import annotations

import argparse

from psoas_coach.i18n import N_, _, ngettext

TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
)
VERSION_HELP = N_("show program's version number and exit")  # argparse does not translate this one itself


def route_argparse() -> None:
    """Make argparse look its words up in our catalogue (the active language) from now on."""
    argparse._ = _  # type: ignore[attr-defined]  # noqa: SLF001 (argparse's own lookup name)
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
