"""Qt's own texts (dialog buttons, key names, context menus) in the app's language, from the qtbase
translations that PySide6 ships in QLibraryInfo's TranslationsPath."""

from __future__ import annotations

from typing import TYPE_CHECKING

from psoas_coach.i18n import SOURCE_LANGUAGE, current_language

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTranslator


def install_qt_translations(app: QCoreApplication) -> QTranslator | None:
    """Load and install qtbase_<lang>.qm for the active language; None for English or when Qt has none.
    Found by its file name, not through a QLocale: this runs before the first frame, and naming QLocale
    builds its enum types (about 5 ms)."""
    code = current_language()
    if code == SOURCE_LANGUAGE:
        return None
    from PySide6.QtCore import QLibraryInfo, QTranslator

    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{code}", folder):  # qtbase_pt_BR, else qtbase_pt (Qt's own fall-back)
        return None
    app.installTranslator(translator)
    return translator
