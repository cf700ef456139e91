"""Plain-language descriptions of dosages and durations, shared by the window and the command line."""

from __future__ import annotations

import math

from psoas_coach.core.program import DosageKind, Exercise, Sides
from psoas_coach.i18n import _, ngettext, number


def dosage_text(ex: Exercise) -> str:
    """'3 sets × 10 reps each side (article: 10-15)'-style summary of what one session asks for."""
    d = ex.dosage
    per = {Sides.NONE: "", Sides.EACH: " " + _("each side"),
           Sides.ALTERNATING: " " + _("each side, alternating")}[ex.sides]
    if d.kind is DosageKind.REPS:
        text = ngettext("{sets} set", "{sets} sets", d.sets).format(sets=d.sets) + " × " + ngettext(
            "{reps} rep", "{reps} reps", d.reps).format(reps=d.reps) + per
        if d.rep_range:
            text += " " + _("(aim {low}–{high})").format(low=d.rep_range[0], high=d.rep_range[1])
        if d.tempo.hold:
            text += ", " + _("hold the top {seconds} s").format(seconds=number(d.tempo.hold))
        return text
    if d.kind is DosageKind.HOLD:
        text = ngettext("{sets} set", "{sets} sets", d.sets).format(sets=d.sets) + " × " + ngettext(
            "{holds} hold of {seconds} s", "{holds} holds of {seconds} s", d.reps).format(
            holds=d.reps, seconds=number(d.hold_seconds)) + per
        if d.hold_range:
            text += " " + _("(aim {low}–{high} s)").format(low=number(d.hold_range[0]), high=number(d.hold_range[1]))
        return text
    return ngettext("{rounds} round", "{rounds} rounds", d.sets).format(rounds=d.sets) + \
        f" × {number(d.work_seconds)} s{per}"


def tempo_text(ex: Exercise) -> str:
    t = ex.dosage.tempo
    if ex.dosage.kind is not DosageKind.REPS:
        return ""
    parts = [_("lift {seconds} s").format(seconds=number(t.lift))]
    if t.hold:
        parts.append(_("hold {seconds} s").format(seconds=number(t.hold)))
    parts.append(_("lower {seconds} s").format(seconds=number(t.lower)))
    return _("Tempo: {phases}").format(phases=", ".join(parts))


def minutes_text(seconds: float) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return _("about {minutes} min").format(minutes=minutes)


def clock_text(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
