"""write_atomic: the whole file or the old one, never half a file or a stray temp file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from motesplan import _files, write_atomic


def names(directory: Path) -> list[str]:
    """Every entry of a directory, hidden ones included."""
    return sorted(entry.name for entry in directory.iterdir())


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_writes_bytes_exactly(tmp_path: Path) -> None:
    payload = b"first\r\nsecond\rthird\n\x00\xff\xfe end"
    path = write_atomic(tmp_path / "data.bin", payload)
    assert path == tmp_path / "data.bin"
    assert path.read_bytes() == payload


def test_writes_text_as_utf8_without_newline_translation(tmp_path: Path) -> None:
    text = "Mötesplan\r\nSödertörn — v. 3\nkl. 09.00–11.30\r\n"
    path = write_atomic(tmp_path / "plan.txt", text)
    assert path.read_bytes() == text.encode("utf-8")
    assert path.read_bytes().count(b"\r\n") == 2


def test_writes_an_empty_file(tmp_path: Path) -> None:
    assert write_atomic(tmp_path / "empty", "").read_bytes() == b""


def test_accepts_a_string_path(tmp_path: Path) -> None:
    path = write_atomic(str(tmp_path / "plan.json"), "{}\n")
    assert isinstance(path, Path)
    assert path.read_text(encoding="utf-8") == "{}\n"


def test_creates_parent_directories(tmp_path: Path) -> None:
    path = tmp_path / "out" / "2024" / "deep" / "plan-2024.json"
    write_atomic(path, b"{}")
    assert path.read_bytes() == b"{}"
    assert names(path.parent) == ["plan-2024.json"]


def test_leaves_no_temporary_file(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.json", "one")
    write_atomic(tmp_path / "a.json", "two")
    write_atomic(tmp_path / "b.json", b"three")
    assert names(tmp_path) == ["a.json", "b.json"]


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes(b"a much longer old content than the new one\n")
    write_atomic(path, "new\n")
    assert path.read_bytes() == b"new\n"
    assert names(tmp_path) == ["plan.json"]


def test_file_is_replaced_not_rewritten_in_place(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes(b"old")
    reader = path.open("rb")  # someone still reading the old version
    try:
        write_atomic(path, b"new")
        assert reader.read() == b"old"
    finally:
        reader.close()
    assert path.read_bytes() == b"new"


def test_failing_rename_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes(b"old plan\r\n")
    calls: list[tuple[str, str]] = []

    def broken_replace(source: str, target: str) -> None:
        calls.append((str(source), str(target)))
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(path, b"new plan")
    assert len(calls) == 1
    temporary, target = calls[0]
    assert Path(target) == path
    assert Path(temporary).parent == tmp_path  # beside the target: same file system
    assert not Path(temporary).exists()
    assert path.read_bytes() == b"old plan\r\n"
    assert names(tmp_path) == ["plan.json"]


def test_failing_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.json"
    path.write_text("old", encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError("I/O error")

    monkeypatch.setattr(_files.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="I/O error"):
        write_atomic(path, "new " * 10_000)
    assert path.read_text(encoding="utf-8") == "old"
    assert names(tmp_path) == ["plan.json"]


def test_interrupted_write_leaves_nothing_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(source: str, target: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "sub" / "plan.json", "new")
    assert names(tmp_path / "sub") == []


def test_bad_data_type_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises((TypeError, AttributeError)):
        write_atomic(tmp_path / "plan.json", 42)  # type: ignore[arg-type]
    assert not (tmp_path / "plan.json").exists()
    assert names(tmp_path) == []


@pytest.mark.usefixtures("umask_022")
def test_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    path = write_atomic(tmp_path / "plan.json", "{}")
    assert path.stat().st_mode & 0o777 == 0o644
