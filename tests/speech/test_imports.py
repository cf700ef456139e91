"""Heavy speech modules (QtMultimedia, QtTextToSpeech, pyttsx3) are not loaded when the app is imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHECK = """
import sys
import psoas_coach.app, psoas_coach.speech.cue_player, psoas_coach.speech.loader, psoas_coach.store.settings
heavy = [m for m in ("PySide6.QtMultimedia", "PySide6.QtTextToSpeech", "pyttsx3") if m in sys.modules]
print("heavy:", heavy)
"""


def test_importing_the_app_loads_no_heavy_speech_module() -> None:
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2], timeout=60)
    assert out.returncode == 0, out.stderr
    assert "heavy: []" in out.stdout
