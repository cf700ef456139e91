"""The per-language length estimate is never shorter than the real clips: every cue of both built-in programs
rendered with espeak-ng in every shipped language (as the app renders it, trimmed by clip_audio) and measured
with sox. Allowed shortfall: MARGIN seconds, a third of the gap kept before the countdown; measured when the
numbers were set, every clip had at least 1 % to spare at rates 80 to 400 (see docs/translating.md)."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from psoas_coach import i18n
from psoas_coach.core.cues import GAP
from tests.speech.test_renderer import espeak_missing

ROOT = Path(__file__).resolve().parents[2]
MARGIN = GAP / 3


@pytest.mark.parametrize("rate", [175])
def test_no_clip_is_longer_than_its_estimate(tmp_path: Path, rate: int) -> None:
    missing = espeak_missing() or (None if shutil.which("soxi") else "sox is not installed")
    if missing:
        pytest.skip(missing)
    out = tmp_path / "cues.csv"
    subprocess.run([sys.executable, "scripts/measure_cue_lengths.py", "--rate", str(rate), "--csv", str(out)],
                   cwd=ROOT, check=True, capture_output=True, timeout=300)
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {row["language"] for row in rows} == set(i18n.CODES)
    assert len(rows) >= 70 * len(i18n.CODES), "a language lost most of its clips"
    over = [(row["language"], row["text"], row["seconds"], row["estimate"]) for row in rows
            if float(row["seconds"]) > float(row["estimate"]) + MARGIN]
    assert over == []
