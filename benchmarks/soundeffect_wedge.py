"""Reproduces the wedge seen with speech on: QSoundEffect with a real audio output, and voices that
overlap and end by themselves (in the app: a beep mixed over a spoken cue).

    python benchmarks/soundeffect_wedge.py        # needs pulseaudio installed (a private null sink is started)

Three effects of one 100 ms clip are played 60 ms apart (every other play calls stop() first on an
effect that has already ended). Qt 6.11.3's sound-effect engine destroys a finished voice on the
PulseAudio thread; its socket notifier dies with it ("Socket notifiers cannot be enabled or disabled
from another thread"), the GUI thread's event loop spins on the dead socket and the plays stop:
here within about 20-40 plays, every time. Played 150 or 300 ms apart (no overlap) 120 plays
finished; stopping each previous effect before it ended did not wedge in 200 plays.
Exit code 0: no wedge; 1: wedged (the child did not finish in time).
"""

from __future__ import annotations

import math
import os
import struct
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from services import die_with_parent, sound_server  # noqa: E402

PLAYS = 200
INTERVAL_MS = 60  # 3 effects of a 100 ms clip: every other play stops an effect that has finished
CHILD = """
import sys
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
effects = [QSoundEffect(QMediaDevices.defaultAudioOutput()) for _ in range(3)]
for effect in effects:
    effect.setSource(QUrl.fromLocalFile(sys.argv[1]))
count = [0]

def play() -> None:
    effect = effects[count[0] % 3]
    if count[0] % 2:
        effect.stop()
    effect.play()
    count[0] += 1
    print(count[0], flush=True)
    if count[0] >= int(sys.argv[2]):
        app.quit()

timer = QTimer()
timer.timeout.connect(play)
timer.start(int(sys.argv[3]))
app.exec()
"""


def write_clip(path: Path) -> None:
    """0.1 s of a 350 Hz tone, 22.05 kHz mono."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(22050)
        out.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(i / 10))) for i in range(2205)))


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp, sound_server() as sound:
        if not sound:
            print("pulseaudio is not installed: no audio output to reproduce with")
            return 0
        clip = Path(tmp) / "beep.wav"
        write_clip(clip)
        env = {**os.environ, **sound, "QT_QPA_PLATFORM": "offscreen", "QT_LOGGING_RULES": "qt.multimedia.*=false"}
        timeout = PLAYS * INTERVAL_MS / 1000 + 20
        with open(Path(tmp) / "out.txt", "w+") as out, open(Path(tmp) / "err.txt", "w+") as err:
            proc = subprocess.Popen([sys.executable, "-c", CHILD, str(clip), str(PLAYS), str(INTERVAL_MS)],
                                    env=env, stdout=out, stderr=err, preexec_fn=die_with_parent)
            try:
                proc.wait(timeout=timeout)
                wedged = False
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                wedged = True
            out.seek(0)
            err.seek(0)
            plays = len(out.read().split())
            warnings = err.read()
    print(f"{plays} of {PLAYS} plays, {'WEDGED' if wedged else 'finished'}")
    if "another thread" in warnings:
        print("Qt: Socket notifiers cannot be enabled or disabled from another thread")
    return 1 if wedged else 0


if __name__ == "__main__":
    raise SystemExit(main())
