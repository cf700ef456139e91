"""The .desktop file, AppStream metainfo and Flatpak manifest: checked by the real validators when
they are installed (desktop-file-utils, appstream), and kept consistent with each other."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.psoascoach.PsoasCoach"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
FLATPAK = PACKAGING / f"{APP_ID}.yml"


def run_validator(*command: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed (scripts/setup.sh installs it)")
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def project_version() -> str:
    match = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text("utf-8"), re.M)
    assert match
    return match.group(1)


def test_desktop_file_passes_desktop_file_validate() -> None:
    result = run_validator("desktop-file-validate", str(DESKTOP))
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_passes_appstreamcli_validate() -> None:
    result = run_validator("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr
    assert not re.search(r"^[EW]:", result.stdout, re.M), result.stdout


def test_desktop_file_launches_the_installed_command() -> None:
    entry = desktop_entry()
    assert entry["Exec"] == "psoas-coach"
    assert "psoas-coach = " in (ROOT / "pyproject.toml").read_text("utf-8")  # the gui-script
    assert entry["Icon"] == APP_ID
    assert entry["Name"] == "Psoas Coach"


def test_metainfo_names_the_desktop_file_and_the_current_release() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    releases = root.find("releases")
    assert releases is not None
    assert releases[0].get("version") == project_version()


def test_flatpak_manifest_grants_what_the_app_needs_and_no_more() -> None:
    text = FLATPAK.read_text("utf-8")
    assert re.search(rf"^id: {re.escape(APP_ID)}$", text, re.M)
    assert re.search(r"^command: psoas-coach$", text, re.M)
    finish_args = set(re.findall(r"^  - (--\S+)$", text, re.M))
    needed = {
        "--socket=pulseaudio",
        "--filesystem=xdg-run/speech-dispatcher:ro",
        "--talk-name=org.freedesktop.ScreenSaver",
        "--talk-name=org.gnome.SessionManager",
        "--socket=wayland",
        "--socket=fallback-x11",
    }
    assert needed <= finish_args
    assert not {arg for arg in finish_args if arg.startswith(("--filesystem=home", "--filesystem=host"))}
    assert "--share=network" not in finish_args  # the app never goes online


def test_flatpak_manifest_installs_files_that_exist() -> None:
    text = FLATPAK.read_text("utf-8")
    for relative in re.findall(r"install -Dm644 (\S+?) ", text):
        path = relative.replace("${FLATPAK_ID}", APP_ID).replace("${size}", "16")
        assert (ROOT / path).is_file(), path


def test_flatpak_manifest_parses_when_yaml_is_available() -> None:
    yaml = pytest.importorskip("yaml", reason="PyYAML is not installed")
    manifest = yaml.safe_load(FLATPAK.read_text("utf-8"))
    assert manifest["id"] == APP_ID
    assert [module["name"] for module in manifest["modules"]][-1] == "psoas-coach"
