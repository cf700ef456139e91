"""The parse cache on disk: a new process loads the history without decoding every file, and a cache file
that is stale, damaged, from another version or folder, or cannot be written never changes what loads."""

from __future__ import annotations

import gc
import json
import os
import shutil
import stat
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from psoas_coach.paths import resolve_paths
from psoas_coach.store import parse_cache, sessions
from psoas_coach.store.migrations import CURRENT_VERSION
from psoas_coach.store.sessions import LoadResult, Record, SessionStore, Unreadable, encode
from tests.store.helpers import make_record


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A history with the awkward cases: an old-version record, a newer-version one, a corrupt file,
    two copies of one session, and values whose type or sign an equality check would not tell apart."""
    folder = tmp_path / "data" / "sessions"
    store = SessionStore(folder)
    for n in range(20):
        store.save(make_record(n, notes=f"session {n} — ünïcödé"))
    odd = {"speed": -0.0, "effort": True, "pain": 1.0, "exercises": [], "extra": {"nested": [0.0, -0.0, None, [1, "x"]]}}
    store.save(make_record(20, **odd))
    old = make_record(21)
    del old["updated"]
    old["schema_version"] = 1
    store.path_for(old).write_bytes(encode(old))
    newer = make_record(22, schema_version=CURRENT_VERSION + 1, future_field={"a": 1})
    store.path_for(newer).write_bytes(encode(newer))
    (folder / "2026-03-01T07-30-00_broken.json").write_bytes(b'{"id": "half')
    dup = make_record(3, updated="2027-01-01T00:00:00.000+01:00", notes="the newer copy")
    (folder / store.path_for(dup).name.replace(".json", ".sync-conflict-1.json")).write_bytes(encode(dup))
    return folder


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "sessions.parsed"


class Parses:
    """Counts the session files decoded from JSON (the cost the cache saves)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.names: list[str] = []
        real = sessions._read_record

        def counting(path: str) -> tuple[Record | None, Unreadable]:
            self.names.append(os.path.basename(path))
            return real(path)

        monkeypatch.setattr(sessions, "_read_record", counting)

    def take(self) -> list[str]:
        names, self.names = self.names, []
        return sorted(names)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Parses:
    return Parses(monkeypatch)


def _same(a: LoadResult, b: LoadResult) -> None:
    # repr tells True from 1, 1.0 from 1 and -0.0 from 0.0, which == does not
    assert repr(a.sessions) == repr(b.sessions)
    assert a.read_only == b.read_only
    assert a.problems == b.problems


def _cacheless(folder: Path) -> LoadResult:
    return SessionStore(folder).load_all()


def _json_names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.json"))


def _tidied(folder: Path, cache: Path) -> None:
    """One load with the cache: the corrupt file and the extra copy are moved aside, the cache written."""
    first = SessionStore(folder, parse_cache=cache).load_all()
    assert len(first.moved_aside) == 1 and len(first.merged) == 1
    assert cache.is_file()


# ---------------------------------------------------------------------------- same result, less decoding


def test_first_load_with_a_cache_path_behaves_as_without_and_writes_the_cache(
    tmp_path: Path, folder: Path, cache: Path
) -> None:
    twin = tmp_path / "twin" / "sessions"
    shutil.copytree(folder, twin)
    with_cache = SessionStore(folder, parse_cache=cache).load_all()
    without = SessionStore(twin).load_all()
    _same(with_cache, without)
    assert [p.name for p in with_cache.moved_aside] == [p.name for p in without.moved_aside]
    assert [p.name for p in with_cache.merged] == [p.name for p in without.merged]
    assert _json_names(folder) == _json_names(twin)
    assert cache.is_file() and not list(folder.glob("*.parsed"))
    assert not (twin.parent / "cache").exists()  # no parse_cache: nothing written anywhere


def test_cold_load_from_the_cache_gives_the_same_result_without_decoding_json(
    folder: Path, cache: Path, parses: Parses
) -> None:
    _tidied(folder, cache)
    parses.take()
    cached = SessionStore(folder, parse_cache=cache).load_all()
    assert parses.take() == []
    reference = _cacheless(folder)
    assert len(parses.take()) == len(_json_names(folder))
    _same(cached, reference)
    # read-only: the newer version's record, and record 20 whose effort (true) is not a rating
    assert len(cached.sessions) == 23 and cached.read_only == {make_record(20)["id"], make_record(22)["id"]}
    by_id = {r["id"]: r for r in cached.sessions}
    migrated = by_id[make_record(21)["id"]]
    assert migrated["schema_version"] == CURRENT_VERSION and migrated["updated"]
    assert by_id[make_record(3)["id"]]["notes"] == "the newer copy"
    assert cached.notice() is None


def test_read_only_and_names_work_on_records_from_the_cache(folder: Path, cache: Path) -> None:
    _tidied(folder, cache)
    store = SessionStore(folder, parse_cache=cache)
    loaded = store.load_all()
    newer = next(r for r in loaded.sessions if r["id"] == make_record(22)["id"])
    assert newer["id"] in loaded.read_only and newer["future_field"] == {"a": 1}
    victim = next(r for r in loaded.sessions if r["id"] == make_record(5)["id"])
    store.delete(victim)
    assert victim["id"] not in {r["id"] for r in store.load_all().sessions}


def test_changed_added_and_removed_files_are_picked_up(folder: Path, cache: Path, parses: Parses) -> None:
    _tidied(folder, cache)
    writer = SessionStore(folder)
    changed = make_record(7, notes="edited: a longer note than before")
    writer.save(changed)
    same_size = writer.path_for(make_record(8))
    before = same_size.stat()
    text = same_size.read_bytes()
    assert b'"effort": 5' in text
    same_size.write_bytes(text.replace(b'"effort": 5', b'"effort": 9'))
    os.utime(same_size, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    assert same_size.stat().st_size == before.st_size
    writer.save(make_record(40))
    writer.path_for(make_record(9)).unlink()
    parses.take()

    loaded = SessionStore(folder, parse_cache=cache).load_all()
    added = writer.path_for(make_record(40))
    assert parses.take() == sorted([writer.path_for(changed).name, same_size.name, added.name])
    _same(loaded, _cacheless(folder))
    by_id = {r["id"]: r for r in loaded.sessions}
    assert by_id[changed["id"]]["notes"] == "edited: a longer note than before"
    assert by_id[make_record(8)["id"]]["effort"] == 9
    assert make_record(40)["id"] in by_id and make_record(9)["id"] not in by_id


def test_a_cached_file_that_became_unreadable_is_moved_aside(folder: Path, cache: Path) -> None:
    _tidied(folder, cache)
    path = SessionStore(folder).path_for(make_record(2))
    path.write_bytes(b"{ no longer json")
    loaded = SessionStore(folder, parse_cache=cache).load_all()
    assert loaded.moved_aside == [path] and len(loaded.problems) == 1
    assert make_record(2)["id"] not in {r["id"] for r in loaded.sessions}


def test_one_cache_file_serves_one_folder(tmp_path: Path, folder: Path, cache: Path, parses: Parses) -> None:
    _tidied(folder, cache)
    other = tmp_path / "other" / "sessions"
    SessionStore(other).save(make_record(99))
    parses.take()
    loaded = SessionStore(other, parse_cache=cache).load_all()
    assert [r["id"] for r in loaded.sessions] == [make_record(99)["id"]]
    assert len(parses.take()) == 1
    # the cache now belongs to the other folder: the first one decodes everything again, and is right
    _same(SessionStore(folder, parse_cache=cache).load_all(), _cacheless(folder))
    assert len(parses.take()) == len(_json_names(folder)) * 2


def test_records_from_the_cache_are_not_changed_by_an_update(folder: Path, cache: Path) -> None:
    _tidied(folder, cache)
    store = SessionStore(folder, parse_cache=cache)
    record = next(r for r in store.load_all().sessions if r["id"] == make_record(4)["id"])
    snapshot = repr(record)
    store.update(record, notes="changed later")
    assert repr(record) == snapshot
    assert next(r for r in store.load_all().sessions if r["id"] == record["id"])["notes"] == "changed later"


# ---------------------------------------------------------------------------- when the cache is written


def _file_state(path: Path) -> tuple[bytes, int, int]:
    st = path.stat()
    return path.read_bytes(), st.st_mtime_ns, st.st_ino


def test_cache_is_not_rewritten_when_nothing_changed(folder: Path, cache: Path) -> None:
    _tidied(folder, cache)
    before = _file_state(cache)
    store = SessionStore(folder, parse_cache=cache)
    store.load_all()
    store.load_all()
    SessionStore(folder, parse_cache=cache).load_all()
    assert _file_state(cache) == before


def test_a_few_changes_wait_and_many_changes_rewrite_the_cache(folder: Path, cache: Path, parses: Parses) -> None:
    _tidied(folder, cache)
    before = _file_state(cache)
    writer = SessionStore(folder)
    for n in range(100, 105):
        writer.save(make_record(n))
    parses.take()
    SessionStore(folder, parse_cache=cache).load_all()
    assert len(parses.take()) == 5
    assert _file_state(cache) == before  # 5 stale entries: cheaper to decode them than to rewrite
    for n in range(105, 116):
        writer.save(make_record(n))
    SessionStore(folder, parse_cache=cache).load_all()  # 16 files decoded: worth a rewrite
    assert len(parses.take()) == 16
    assert _file_state(cache) != before
    loaded = SessionStore(folder, parse_cache=cache).load_all()
    assert parses.take() == []
    _same(loaded, _cacheless(folder))


def test_removed_files_count_towards_a_rewrite(folder: Path, cache: Path) -> None:
    _tidied(folder, cache)
    writer = SessionStore(folder)
    for n in range(16):
        writer.path_for(make_record(n)).unlink()
    before = _file_state(cache)
    SessionStore(folder, parse_cache=cache).load_all()
    after = _file_state(cache)
    assert after != before
    assert len(after[0]) < len(before[0])


def test_a_small_history_gets_a_cache_and_an_empty_one_does_not(tmp_path: Path, cache: Path, parses: Parses) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    SessionStore(empty, parse_cache=cache).load_all()
    assert not cache.exists()
    SessionStore(empty, parse_cache=cache).load_all()
    assert not cache.exists()
    one = tmp_path / "one"
    SessionStore(one).save(make_record(1))
    SessionStore(one, parse_cache=cache).load_all()
    assert cache.is_file()
    parses.take()
    assert [r["id"] for r in SessionStore(one, parse_cache=cache).load_all().sessions] == [make_record(1)["id"]]
    assert parses.take() == []


def test_the_cache_is_read_only_by_the_first_load_all(
    folder: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tidied(folder, cache)
    reads: list[Path] = []
    real = sessions.read_cache

    def counting(path: Path, where: Path) -> Any:
        reads.append(path)
        return real(path, where)

    monkeypatch.setattr(sessions, "read_cache", counting)
    store = SessionStore(folder, parse_cache=cache)
    assert store.latest() is not None
    store.save(make_record(50))
    assert reads == []
    store.load_all()
    store.load_all()
    assert reads == [cache]


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_cache_file_and_folder_are_private(folder: Path, cache: Path) -> None:
    _tidied(folder, cache)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.parent.stat().st_mode) == 0o700


def test_app_paths_keep_the_cache_out_of_the_synced_sessions_folder(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "home")
    assert paths.parse_cache.parent == paths.cache
    assert paths.sessions not in paths.parse_cache.parents


# ---------------------------------------------------------------------------- a bad cache file is ignored


def _parts(cache: Path) -> tuple[dict[str, Any], bytes]:
    data = cache.read_bytes()
    assert data.startswith(parse_cache.MAGIC)
    end = data.index(b"\n", len(parse_cache.MAGIC))
    return json.loads(data[len(parse_cache.MAGIC) : end]), data[end + 1 :]


def _assemble(header: dict[str, Any], payload: bytes, *, fix_length: bool = True) -> bytes:
    if fix_length:
        header = {**header, "length": len(payload), "crc32": zlib.crc32(payload)}
    return parse_cache.MAGIC + json.dumps(header).encode() + b"\n" + payload


def _header_with(**changes: Any) -> Callable[[Path], bytes]:
    def damage(cache: Path) -> bytes:
        header, payload = _parts(cache)
        return _assemble({**header, **changes}, payload)
    return damage


def _payload(value: Callable[[dict[str, Any]], object]) -> Callable[[Path], bytes]:
    def damage(cache: Path) -> bytes:
        header, payload = _parts(cache)
        entries = parse_cache.decode_payload(payload)
        assert isinstance(entries, dict), "a sound cache decodes to its entries"
        return _assemble(header, parse_cache.encode_payload(value(entries)))
    return damage


def _flip_payload_byte(cache: Path) -> bytes:
    header, payload = _parts(cache)
    middle = len(payload) // 2
    flipped = payload[:middle] + bytes([payload[middle] ^ 0x55]) + payload[middle + 1 :]
    return _assemble(header, flipped, fix_length=False)


def _name_not_text(entries: dict[str, Any]) -> dict[object, Any]:
    """The entries with one more whose name is a number."""
    damaged: dict[object, Any] = dict(entries.items())
    damaged[5] = next(iter(entries.values()))
    return damaged


def _first_entry(change: Callable[[tuple[Any, Any]], object]) -> Callable[[dict[str, Any]], object]:
    def edit(entries: dict[str, Any]) -> object:
        name = next(iter(entries))
        return {**entries, name: change(entries[name])}
    return edit


DAMAGE: dict[str, Callable[[Path], bytes]] = {
    "empty": lambda cache: b"",
    "truncated": lambda cache: cache.read_bytes()[: cache.stat().st_size * 2 // 3],
    "header only": lambda cache: cache.read_bytes()[: cache.read_bytes().index(b"\n", len(parse_cache.MAGIC)) + 1],
    "random bytes": lambda cache: os.urandom(4096),
    "random after magic": lambda cache: parse_cache.MAGIC + os.urandom(4096),
    "no header end": lambda cache: parse_cache.MAGIC + b"{" * 70_000,
    "header not an object": lambda cache: parse_cache.MAGIC + b"[1, 2]\n" + b"x",
    "wrong crc": _flip_payload_byte,
    "other python": _header_with(python="2.7"),
    "other marshal version": _header_with(marshal=1),
    "other format": _header_with(format=parse_cache.FORMAT + 1),
    "other schema": _header_with(schema=CURRENT_VERSION + 1),
    "other folder": _header_with(folder="/somewhere/else/sessions"),
    "extra header field": _header_with(surprise=1),
    "payload a list": _payload(lambda entries: list(entries.items())),
    "payload a code object": _payload(lambda entries: compile("1", "x", "eval")),
    "entry not a pair": _payload(_first_entry(lambda entry: (entry[0],))),
    "entry key not ints": _payload(_first_entry(lambda entry: ((1.5, 2), entry[1]))),
    "record not a dict": _payload(_first_entry(lambda entry: (entry[0], [entry[1]]))),
    "record without id": _payload(_first_entry(lambda entry: (entry[0], {**entry[1], "id": ""}))),
    "record not migrated": _payload(_first_entry(lambda entry: (entry[0], {**entry[1], "schema_version": 1}))),
    "record start not text": _payload(_first_entry(lambda entry: (entry[0], {**entry[1], "started": 5}))),
    "name not text": _payload(_name_not_text),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_or_foreign_cache_is_ignored_and_replaced(
    folder: Path, cache: Path, parses: Parses, damage: Callable[[Path], bytes]
) -> None:
    _tidied(folder, cache)
    cache.write_bytes(damage(cache))
    parses.take()
    loaded = SessionStore(folder, parse_cache=cache).load_all()
    assert len(parses.take()) == len(_json_names(folder))  # the cache was not used
    _same(loaded, _cacheless(folder))
    parses.take()
    again = SessionStore(folder, parse_cache=cache).load_all()  # and was written afresh
    assert parses.take() == []
    _same(again, loaded)


def test_a_cache_made_by_a_newer_app_is_not_used_by_an_older_one(
    folder: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from psoas_coach.store import migrations

    SessionStore(folder).load_all()  # tidy first
    with monkeypatch.context() as newer_app:
        newer_app.setattr(migrations, "CURRENT_VERSION", CURRENT_VERSION + 1)
        newer_app.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, lambda record: record))
        upgraded = SessionStore(folder, parse_cache=cache).load_all()
        assert {r["schema_version"] for r in upgraded.sessions} == {CURRENT_VERSION + 1}
    loaded = SessionStore(folder, parse_cache=cache).load_all()
    _same(loaded, _cacheless(folder))
    assert len(loaded.read_only) == 2  # the newer version's record and record 20 (effort true)


def test_a_cache_made_by_another_python_is_ignored(
    folder: Path, cache: Path, parses: Parses, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tidied(folder, cache)
    monkeypatch.setattr(parse_cache, "PYTHON", "3.99")
    parses.take()
    SessionStore(folder, parse_cache=cache).load_all()
    assert len(parses.take()) == len(_json_names(folder))


def test_a_copied_folder_does_not_use_the_cache_of_the_original(
    tmp_path: Path, folder: Path, cache: Path
) -> None:
    _tidied(folder, cache)
    copy = tmp_path / "copy" / "sessions"
    shutil.copytree(folder, copy)  # same names, sizes and modification times
    path = copy / SessionStore(copy).path_for(make_record(6)).name
    before = path.stat()
    path.write_bytes(path.read_bytes().replace(b'"effort": 5', b'"effort": 7'))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_mtime_ns, path.stat().st_size) == (before.st_mtime_ns, before.st_size)
    loaded = SessionStore(copy, parse_cache=cache).load_all()
    assert next(r for r in loaded.sessions if r["id"] == make_record(6)["id"])["effort"] == 7


def test_a_cache_whose_payload_was_altered_is_ignored(folder: Path, cache: Path) -> None:
    _tidied(folder, cache)
    header, payload = _parts(cache)
    assert payload.count(b"Foundation") == 1  # written once, shared by every record
    cache.write_bytes(_assemble(header, payload.replace(b"Foundation", b"Fondation!"), fix_length=False))
    loaded = SessionStore(folder, parse_cache=cache).load_all()
    assert {r["program"]["name"] for r in loaded.sessions} == {"Foundation"}


def test_a_folder_in_place_of_the_cache_file_is_ignored(folder: Path, cache: Path) -> None:
    cache.mkdir(parents=True)
    _cacheless(folder)  # moves the corrupt file and the extra copy aside
    reference = _cacheless(folder)
    _same(SessionStore(folder, parse_cache=cache).load_all(), reference)
    _same(SessionStore(folder, parse_cache=cache).load_all(), reference)
    assert cache.is_dir()


def test_the_schema_version_of_the_app_is_part_of_the_key(
    folder: Path, cache: Path, parses: Parses, monkeypatch: pytest.MonkeyPatch
) -> None:
    from psoas_coach.store import migrations

    _tidied(folder, cache)
    monkeypatch.setattr(migrations, "CURRENT_VERSION", CURRENT_VERSION + 1)
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, lambda record: record))
    parses.take()
    SessionStore(folder, parse_cache=cache).load_all()
    assert len(parses.take()) == len(_json_names(folder))


# ---------------------------------------------------------------------------- a cache that cannot be written


def test_cache_in_a_path_that_cannot_be_made_does_not_break_loading(tmp_path: Path, folder: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    cache = blocker / "sessions.parsed"
    store = SessionStore(folder, parse_cache=cache)
    twin = tmp_path / "twin"
    shutil.copytree(folder, twin)
    _same(store.load_all(), SessionStore(twin).load_all())
    _same(store.load_all(), _cacheless(folder))


def test_a_full_disk_does_not_break_loading_and_is_not_retried(
    folder: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[Path] = []

    def full(path: Path, data: bytes, *, durable: bool = True) -> None:
        attempts.append(path)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(parse_cache, "write_atomic", full)
    store = SessionStore(folder, parse_cache=cache)
    first = store.load_all()
    assert len(first.sessions) == 23 and not cache.exists()
    SessionStore(folder).save(make_record(60))
    assert len(store.load_all().sessions) == 24
    assert attempts == [cache]
    assert [p.name for p in cache.parent.iterdir()] == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_cache_folder_does_not_break_loading(folder: Path, cache: Path) -> None:
    cache.parent.mkdir(parents=True)
    cache.parent.chmod(0o500)
    try:
        _same(SessionStore(folder, parse_cache=cache).load_all(), _cacheless(folder))
        assert not cache.exists()
    finally:
        cache.parent.chmod(0o700)


def test_the_cache_is_written_after_the_lock_is_released(
    folder: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SessionStore(folder, parse_cache=cache)
    held: list[bool] = []
    real = parse_cache.write_atomic

    def check(path: Path, data: bytes, *, durable: bool = True) -> None:
        other = SessionStore(folder, lock_timeout=0.05)
        try:
            other.save(make_record(70))  # takes the lock: fails if load_all still holds it
            held.append(False)
        except sessions.StoreError:
            held.append(True)
        real(path, data, durable=durable)

    monkeypatch.setattr(parse_cache, "write_atomic", check)
    store.load_all()
    assert held == [False]


# ---------------------------------------------------------------------------- the garbage collector


def test_collector_is_restored_after_loading(folder: Path, cache: Path) -> None:
    was = gc.isenabled()
    try:
        gc.enable()
        SessionStore(folder, parse_cache=cache).load_all()
        SessionStore(folder, parse_cache=cache).load_all()
        assert gc.isenabled()
        gc.disable()
        SessionStore(folder, parse_cache=cache).load_all()
        assert not gc.isenabled()
        with pytest.raises(RuntimeError):
            with parse_cache.gc_paused():
                raise RuntimeError
        assert not gc.isenabled()
        gc.enable()
        with pytest.raises(RuntimeError):
            with parse_cache.gc_paused():
                assert not gc.isenabled()
                raise RuntimeError
        assert gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


def test_a_file_replaced_by_one_of_the_same_size_and_time_is_read_again(folder: Path, cache: Path) -> None:
    _tidied(folder, cache)
    path = folder / SessionStore(folder).path_for(make_record(6)).name
    before = path.stat()
    replacement = path.with_name(".replacement.tmp")
    replacement.write_bytes(path.read_bytes().replace(b'"effort": 5', b'"effort": 7'))
    os.utime(replacement, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(replacement, path)  # as a sync tool or a restore does: a new file in its place
    after = path.stat()
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)
    loaded = SessionStore(folder, parse_cache=cache).load_all()
    assert next(r for r in loaded.sessions if r["id"] == make_record(6)["id"])["effort"] == 7


def test_the_payload_comes_in_chunks_that_read_back_whole() -> None:
    import marshal

    entries = {f"{n:04d}.json": ((n, n, n), {"id": str(n), "schema_version": CURRENT_VERSION}) for n in range(600)}
    payload = parse_cache.encode_payload(entries)
    chunks = marshal.loads(payload)
    assert [len(marshal.loads(chunk)) for chunk in chunks] == [250, 250, 100]
    assert parse_cache.decode_payload(payload) == entries
    with pytest.raises(ValueError):
        parse_cache.decode_payload(marshal.dumps([b"ok", 5]))
    with pytest.raises(ValueError):
        parse_cache.decode_payload(marshal.dumps({"not": "chunks"}))
