"""The article's safety advice, worded once and shown wherever it is needed."""

from __future__ import annotations

from psoas_coach.i18n import lazy

BEFORE_YOU_START = lazy(
    "If you have back or hip discomfort already, talk to a physical therapist before starting "
    "a new strengthening routine."
)
DURING = lazy("Keep a neutral pelvis: your lower back stays gently pressed to the floor. "
              "Press P at any time for sharp pain.")
PAIN_STOP_TITLE = lazy("Stopped for sharp pain")
PAIN_STOP_ADVICE = lazy(
    "Sharp pain in the lower back or groin means stop. Next time, reduce the range of motion or the load. "
    "If the pain persists, consult a physical therapist."
)
