"""Writing an export to a file: all or nothing, clear errors, no leftovers."""
from __future__ import annotations

import json
import os
import stat

import pytest

import reader.exports.api as api
from reader.errors import ReaderError
from reader.exports import export_to_file, suggested_filename, write_export


def test_write_export_replaces_the_file_whole_and_keeps_its_permissions(tmp_path):
    target = tmp_path / "report.md"
    target.write_text("old report\n")
    os.chmod(target, 0o640)
    assert write_export("# new report\n", target) == target
    assert target.read_text() == "# new report\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # no temporary file left


def test_a_missing_folder_or_a_folder_target_is_a_clear_error(tmp_path):
    missing = tmp_path / "no-such-folder" / "tags.json"
    with pytest.raises(ReaderError, match=r"tags\.json: the folder .*no-such-folder does not exist\.$"):
        write_export("{}", missing)
    with pytest.raises(ReaderError, match="is a folder; give a file name for the export"):
        write_export("{}", tmp_path)
    assert not missing.parent.exists()


def test_a_failing_export_leaves_the_old_file_and_no_leftovers(sample, tmp_path, monkeypatch):
    target = tmp_path / "tags.json"
    target.write_text("previous export\n")

    def half_then_fail(store, config, ids, statements=None):
        from reader.exports.collector import collect

        yield from collect(store, config, ids, statements=statements)
        raise ReaderError("the tag database went away.")

    monkeypatch.setattr(api, "collect", half_then_fail)
    with pytest.raises(ReaderError, match="went away"):
        export_to_file(sample.store, sample.config, None, "json", target)
    assert target.read_text() == "previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name != "db"] == ["tags.json"]


def test_an_interrupted_export_creates_no_file(sample, tmp_path, monkeypatch):
    target = tmp_path / "new.csv"

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(api, "collect", interrupted)
    with pytest.raises(KeyboardInterrupt):
        export_to_file(sample.store, sample.config, None, "csv", target)
    assert not target.exists() and not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_export_to_file_streams_the_same_text(sample, tmp_path):
    target = export_to_file(sample.store, sample.config, [sample.id], "json", tmp_path / "t.json")
    assert json.loads(target.read_text(encoding="utf-8"))["articles"][0]["id"] == sample.id


def test_suggested_filename_is_safe(sample):
    record = sample.store.article(sample.id)
    assert suggested_filename(record, "md") == "harbour-bridge-to-reopen-after-storm-repairs-tags.md"
    assert suggested_filename(record, "w3c").endswith(".jsonld")


def test_a_long_title_is_cut_between_words(sample):
    from dataclasses import replace

    record = replace(sample.store.article(sample.id),
                     title="Ferry operator denies overloading as investigators examine the cargo manifests")
    name = suggested_filename(record, "md")
    assert name == "ferry-operator-denies-overloading-as-investigators-examine-tags.md"


def _fifo_behind_a_link(path):
    os.mkfifo(path.with_name("pipe"))
    path.symlink_to(path.with_name("pipe"))


@pytest.mark.parametrize("make", [lambda p: os.mkfifo(p), _fifo_behind_a_link])
def test_an_export_onto_a_pipe_or_a_device_is_refused_and_leaves_it(sample, tmp_path, cli, make):
    """`export -o` onto a FIFO or a device replaced it with a regular file."""
    target = tmp_path / "out.json"
    make(target)
    kinds = {p: p.lstat().st_mode for p in tmp_path.iterdir()}
    result = cli("--db", sample.root, "export", "--all", "--format", "json", "-o", target)
    assert result.code == 1 and "is not a regular file" in result.err and result.err.count("\n") == 1
    assert {p: p.lstat().st_mode for p in tmp_path.iterdir()} == kinds  # the pipe is still a pipe
