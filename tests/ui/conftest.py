"""Window fixtures for the window's tests (defined in tests/window_fixtures.py, shared with tests/speech)."""

from tests.window_fixtures import answers, app_factory, app_look, window_factory  # noqa: F401 (fixtures)
