"""Plain-language descriptions of dosages and durations, shared by the window and the command line."""

from __future__ import annotations

import math

from psoas_coach.core.program import DosageKind, Exercise, Sides


def dosage_text(ex: Exercise) -> str:
    """'3 sets × 10 reps each side (article: 10-15)'-style summary of what one session asks for."""
    d = ex.dosage
    per = {Sides.NONE: "", Sides.EACH: " each side", Sides.ALTERNATING: " each side, alternating"}[ex.sides]
    if d.kind is DosageKind.REPS:
        text = f"{d.sets} sets × {d.reps} reps{per}"
        if d.rep_range:
            text += f" (aim {d.rep_range[0]}–{d.rep_range[1]})"
        if d.tempo.hold:
            text += f", hold the top {d.tempo.hold:g} s"
        return text
    if d.kind is DosageKind.HOLD:
        text = f"{d.sets} sets × {d.reps} holds of {d.hold_seconds:g} s{per}"
        if d.hold_range:
            text += f" (aim {d.hold_range[0]:g}–{d.hold_range[1]:g} s)"
        return text
    return f"{d.sets} rounds × {d.work_seconds:g} s{per}"


def tempo_text(ex: Exercise) -> str:
    t = ex.dosage.tempo
    if ex.dosage.kind is not DosageKind.REPS:
        return ""
    parts = [f"lift {t.lift:g} s"]
    if t.hold:
        parts.append(f"hold {t.hold:g} s")
    parts.append(f"lower {t.lower:g} s")
    return "Tempo: " + ", ".join(parts)


def minutes_text(seconds: float) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return f"about {minutes} min"


def clock_text(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
