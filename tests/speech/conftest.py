"""Speech tests start worker threads: collect each test's Qt garbage on the GUI thread first.

Python's cycle collector runs in whichever thread allocates; a QObject with a timer collected on a
render thread makes Qt warn. Collecting here keeps every QObject's end on the thread it lived on.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tests.window_fixtures import answers, app_factory  # noqa: F401 (fixtures for the window voice tests)


@pytest.fixture(autouse=True)
def collect_qt_garbage_on_the_gui_thread() -> Iterator[None]:
    gc.collect()
    yield
    gc.collect()
