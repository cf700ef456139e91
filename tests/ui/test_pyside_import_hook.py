"""ui.pyside_import_hook: modules loaded before PySide6 are recorded with the answer PySide6's own check gives."""

from __future__ import annotations

import ast
import subprocess
import sys

SCRIPT = """
import sys
from psoas_coach import app
app.load_qt_free_parts()
loaded = list(sys.modules)
import PySide6.QtWidgets
from psoas_coach.ui.pyside_import_hook import NOT_A_FEATURE_MODULE, feature_table, mark_loaded_modules
table = feature_table()
assert table is not None, "this PySide6 keeps no feature table"
before = dict(table)
added = mark_loaded_modules(loaded)
feature = sys.modules["shibokensupport.feature"]
marked = [name for name in loaded if name not in before and table.get(name) == NOT_A_FEATURE_MODULE]
own_check = {name: feature._mod_uses_pyside(sys.modules[name]) for name in marked}
# PySide6's check answers "mentions PySide6 in its text"; of the marked modules only the app's own Qt-free ones
# may (in a comment or a string), and none of them selects a __feature__
mentions = sorted(name for name, uses in own_check.items() if uses)
assert all(name.startswith("psoas_coach") for name in mentions), mentions
assert not any(name.startswith(("PySide6", "shiboken")) for name in marked)
print(added, len(marked))
"""


def test_modules_loaded_before_pyside6_are_marked_as_pyside6_would_mark_them() -> None:
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr[-2000:]
    added, marked = map(int, out.stdout.split())
    assert added == marked and marked > 50  # the standard library and the Qt-free parts, read no more


def test_without_pyside6_s_table_nothing_is_done() -> None:
    import psoas_coach.ui.pyside_import_hook as hook

    real = sys.modules.get(hook.FEATURE_MODULE)
    try:
        sys.modules[hook.FEATURE_MODULE] = type(sys)("stand-in without a table")
        assert hook.feature_table() is None
        assert hook.mark_loaded_modules(["json"]) == 0
    finally:
        if real is not None:
            sys.modules[hook.FEATURE_MODULE] = real
        else:
            del sys.modules[hook.FEATURE_MODULE]


def test_the_window_s_modules_are_listed_whole_and_none_selects_a_feature() -> None:
    import pkgutil
    from pathlib import Path

    import psoas_coach.ui as ui
    from psoas_coach.ui.pyside_import_hook import package_modules

    folder = Path(ui.__file__).parent
    listed = set(package_modules(folder, "psoas_coach.ui"))
    walked = {info.name for info in pkgutil.walk_packages([str(folder)], "psoas_coach.ui.")}
    assert listed == walked
    for path in folder.rglob("*.py"):  # so "selects none" is true
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert node.module != "__feature__", path
            elif isinstance(node, ast.Import):
                assert all(alias.name != "__feature__" for alias in node.names), path


def test_the_app_marks_them_before_building_the_window() -> None:
    import inspect

    from psoas_coach import app

    source = inspect.getsource(app.run_gui)
    assert source.index("mark_loaded_modules(loaded)") < source.index("build_gui(")
    assert source.index('mark_own_modules("ui")') < source.index("build_gui(")
