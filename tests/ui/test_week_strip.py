"""Home's week strip: day names from the catalogue, exactly as Qt's locale data (CLDR) abbreviates them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from psoas_coach import i18n
from psoas_coach.ui.qt_translations import install_qt_translations
from psoas_coach.ui.widgets.week_strip import short_day_names
from tests.ui.test_i18n_layout import back_to_english


@pytest.fixture
def english_after() -> Iterator[None]:
    yield
    back_to_english()


@pytest.mark.parametrize("code", i18n.CODES)
def test_each_language_abbreviates_the_days_as_its_calendar_does(english_after: None, code: str) -> None:
    i18n.set_language(code)
    locale = QLocale(code)
    assert short_day_names() == tuple(locale.dayName(day, QLocale.FormatType.ShortFormat) for day in range(1, 8))


@pytest.mark.parametrize("code", [c for c in i18n.CODES if c != "en"])
def test_qt_s_own_texts_come_in_the_language_found_by_file_name(qapp: QApplication, english_after: None,
                                                                 code: str) -> None:
    i18n.set_language(code)
    translator = install_qt_translations(qapp)
    assert isinstance(translator, QTranslator) and not translator.isEmpty()
    assert translator.language().replace("-", "_").startswith(code.split("_")[0])  # "de_DE" for de
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"  # a Qt dialog button, translated


def test_english_needs_no_qt_translation(qapp: QApplication) -> None:
    i18n.set_language("en")
    assert install_qt_translations(qapp) is None
