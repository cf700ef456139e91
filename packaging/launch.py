"""Entry point of the built app: the same ``main`` as ``python -m psoas_coach``, and the speech
worker (pyttsx3 in a process of its own) when the app starts itself to render speech."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen app must handle a worker process's re-launch itself
    from psoas_coach.speech.render_process import WORKER_FLAG

    if sys.argv[1:2] == [WORKER_FLAG]:
        from psoas_coach.speech.render_process import main as render_speech

        raise SystemExit(render_speech())
    from psoas_coach.app import main

    raise SystemExit(main())
