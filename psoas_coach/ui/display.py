"""The display preferences at start: theme (high contrast included), text size and reduced motion.

Each comes from the command line, else the saved setting, else the desktop (its font size, and its
contrast preference where Qt 6.10+ reports one). Text size changes on keys and is kept between runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtWidgets import QApplication

from psoas_coach.i18n import _
from psoas_coach.store.settings import SettingsStore
from psoas_coach.ui.text_scale import TextScale, add_text_size_actions
from psoas_coach.ui.theme import Theme, apply_colour_scheme

if TYPE_CHECKING:
    from psoas_coach.ui.main_window import MainWindow


class Display(NamedTuple):  # quicker to define than a dataclass: home's first frame
    """The display settings start-up applied: the theme, the text size and whether motion is reduced."""

    theme: Theme
    text_scale: TextScale
    reduced_motion: bool
    settings: SettingsStore

    def add_keys(self, window: MainWindow) -> None:
        """Ctrl++ / Ctrl+- / Ctrl+0 on *window*; a new size is saved, or said once if it cannot be."""
        problems: list[str] = []

        def keep(percent: int) -> None:
            try:
                self.settings.save_display(self.settings.display()._replace(text_scale=percent))
            except OSError as exc:
                text = _("The text size applies now but could not be kept ({reason}).").format(
                    reason=exc.strerror or exc)
                if text not in problems:
                    problems.append(text)
                    window.notify(text)

        add_text_size_actions(window, self.text_scale, keep)


def apply_display(app: QApplication, settings: SettingsStore, theme: str | None = None,
                  reduce_motion: bool = False) -> Display:
    """*theme* and *reduce_motion* from the command line win over the saved settings."""
    saved = settings.display()
    return Display(
        theme=apply_colour_scheme(app, theme or saved.theme),
        text_scale=TextScale(app, saved.text_scale),
        reduced_motion=reduce_motion or saved.reduced_motion,
        settings=settings,
    )
