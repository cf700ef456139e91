"""Qt's own texts (dialog buttons, key names, context menus) in the app's language, from the qtbase
translations that PySide6 ships in QLibraryInfo's TranslationsPath."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from psoas_coach.i18n import SOURCE_LANGUAGE, current_language


def install_qt_translations(app: QCoreApplication) -> QTranslator | None:
    """Load and install qtbase_<lang>.qm for the active language; None for English or when Qt has none."""
    code = current_language()
    if code == SOURCE_LANGUAGE:
        return None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QLocale(code), "qtbase", "_", folder):
        return None
    app.installTranslator(translator)
    return translator
