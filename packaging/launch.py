"""Entry point of the built app: the same ``main`` as ``python -m psoas_coach``."""

import multiprocessing

from psoas_coach.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen app must handle a worker process's re-launch itself
    raise SystemExit(main())
