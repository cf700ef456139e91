"""Start-up's one question to the coaching file before the first frame: was the safety note accepted?"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psoas_coach.core import coaching
from psoas_coach.store.coaching_file import FILE_NAME, MAX_TEXT, safety_accepted
from psoas_coach.store.coaching_store import CoachingStore

AT = "2026-11-30T09:00:00"


def test_no_file_means_not_accepted(tmp_path: Path) -> None:
    assert not safety_accepted(tmp_path)


def test_the_store_s_acceptance_is_seen(tmp_path: Path) -> None:
    CoachingStore(tmp_path).update(coaching.accept_safety, AT)
    assert safety_accepted(tmp_path)


@pytest.mark.parametrize("content", [
    b"", b"{", b"[]", b'"yes"', b"null", b'{"safety_accepted": ""}', b'{"safety_accepted": true}',
    b'{"safety_accepted": 1}', json.dumps({"safety_accepted": "x" * (MAX_TEXT + 1)}).encode(),
    b'{"safety_accepted": NaN}', b"\xff\xfe",
])
def test_anything_but_an_accepted_note_is_not_accepted(tmp_path: Path, content: bytes) -> None:
    (tmp_path / FILE_NAME).write_bytes(content)
    assert not safety_accepted(tmp_path)


def test_a_folder_or_a_dangling_link_in_its_place_is_not_accepted(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).symlink_to(tmp_path / "nowhere.json")
    assert not safety_accepted(tmp_path)
    (tmp_path / FILE_NAME).unlink()
    (tmp_path / FILE_NAME).mkdir()
    assert not safety_accepted(tmp_path)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                           max_leaves=10)


@given(safety=json_values | st.text(max_size=30), rest=st.dictionaries(
    st.sampled_from(["levels", "decisions", "current_program", "schema_version"]), json_values, max_size=4))
def test_it_agrees_with_the_whole_reading_of_any_file_that_reads_whole(tmp_path_factory: pytest.TempPathFactory,
                                                                        safety: Any, rest: dict[str, Any]) -> None:
    folder = tmp_path_factory.mktemp("coaching")
    (folder / FILE_NAME).write_text(json.dumps({**rest, "safety_accepted": safety}), encoding="utf-8")
    store = CoachingStore(folder)
    state = store.load()
    if not store.problems:  # a file that reads whole: both readers give the same answer
        assert safety_accepted(folder) == (state.safety_accepted is not None)
    else:  # a damaged one was set aside: the safety note comes again
        assert state.safety_accepted is None
