"""No text reaches the user without the translation functions: a string literal or an f-string with words
in it, handed straight to a call that shows or says it (a notice, a label, a title, an accessible name,
a status line, a spoken cue), is a sentence a German user would read in English."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "psoas_coach"

# Calls whose text argument is shown or said to the user.
SINKS = {
    "notify", "set_notice", "set_status", "setText", "setToolTip", "setAccessibleName",
    "setAccessibleDescription", "setWindowTitle", "setPlaceholderText", "addTab", "setTabText", "label",
    "primary_button", "secondary_button", "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox",
    "QAction", "say", "speak", "ask", "announce", "add_button", "showMessage", "setTitle", "setHeaderLabels",
}
WORDS = re.compile(r"[A-Za-z]{3,}")  # a literal with a word in it (not "", "✓", "%", "—", "0-9")
OBJECT_NAME = re.compile(r"[a-z0-9_.-]+")  # "home-start": an object name, for tests and style, never shown


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _literal_words(node: ast.expr) -> str | None:
    """The words of *node* when it is text written in the code rather than translated."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if WORDS.search(node.value) and not OBJECT_NAME.fullmatch(node.value) else None
    if isinstance(node, ast.JoinedStr):
        text = "".join(part.value for part in node.values if isinstance(part, ast.Constant) and isinstance(part.value, str))
        return text if WORDS.search(text) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _literal_words(node.left) or _literal_words(node.right)
    return None


def untranslated() -> list[str]:
    found: list[str] = []
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # a name given a literal and then shown (text = f"..."; window.notify(text)) counts too
        assigned: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                words = _literal_words(node.value)
                if words is not None:
                    assigned[node.targets[0].id] = words
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _name(node) not in SINKS:
                continue
            for arg in [*node.args, *(k.value for k in node.keywords if k.arg not in ("name", "object_name"))]:
                words = _literal_words(arg)
                if words is None and isinstance(arg, ast.Name):
                    words = assigned.get(arg.id)
                if words is not None:
                    found.append(f"{path.relative_to(ROOT.parent)}:{node.lineno}: {_name(node)}({words!r})")
    return found


# Texts that are not words of a language: the app's name, and what Qt shows for a key.
ALLOWED = {"Psoas Coach"}


def test_every_shown_or_spoken_text_goes_through_translation() -> None:
    problems = [line for line in untranslated() if not any(f"({allowed!r})" in line for allowed in ALLOWED)]
    assert problems == [], "\n".join(problems)


def test_the_check_sees_an_f_string_handed_to_a_notice(tmp_path: Path) -> None:
    """The check itself: the shapes it must catch are caught."""
    sample = ast.parse('text = f"The size could not be kept ({exc})."\nwindow.notify(text)\n'
                       'label("Plain words", 1)\nlabel(_("Translated"), 1)\nbutton.setText("✓")\n')
    calls = [node for node in ast.walk(sample) if isinstance(node, ast.Call) and _name(node) in SINKS]
    words = [_literal_words(arg) for call in calls for arg in call.args]
    assert "Plain words" in words and "✓" not in [w for w in words if w]
    assert _literal_words(sample.body[0].value) is not None  # type: ignore[attr-defined]
