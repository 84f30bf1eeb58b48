"""Import files written to hurt: each is refused with one sentence naming the file and the
place in it, the tag database is left exactly as it was, and every export still works."""
from __future__ import annotations

import json

import pytest

from reader.errors import ReaderError
from reader.exports import FORMATS, export_text, import_file
from tests.exports.conftest import snapshot


def _exported(sample) -> dict:
    return json.loads(export_text(sample.store, sample.config, None, "json"))


def _with_tag_field(sample, key: str, value: object) -> str:
    doc = _exported(sample)
    statement = next(s for s in doc["articles"][0]["statements"] if s["tags"])
    statement["tags"][0]["updated"] = "2030-01-01T00:00:00Z"  # newer: the file's version would win
    statement["tags"][0][key] = value
    return json.dumps(doc)


HOSTILE = {
    "a note with a lone surrogate": lambda s: _with_tag_field(s, "note", "\ud800"),
    "a reviewer with a lone surrogate": lambda s: _with_tag_field(s, "reviewer", "x\udcff"),
    "a date of year 1 with an offset": lambda s: _with_tag_field(s, "created", "0001-01-01T00:00:00+01:00"),
    "a date of year 9999 behind UTC": lambda s: _with_tag_field(s, "updated", "9999-12-31T23:59:59-05:00"),
    "JSON nested 100,000 deep": lambda s: "[" * 100_000 + "]" * 100_000,
    "a number of 5,000 digits": lambda s: '{"articles": [], "version": 1' + "0" * 5000 + "}",
    "a speaker correction that is a number": lambda s: json.dumps(_speaker_number(s)),
}


def _speaker_number(sample) -> dict:
    doc = _exported(sample)
    statement = doc["articles"][0]["statements"][0]
    statement["speaker_corrected"], statement["speaker"] = True, 12
    return doc


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_import_is_one_sentence_and_changes_nothing(sample, tmp_path, name):
    path = tmp_path / "hostile.json"
    path.write_text(HOSTILE[name](sample), encoding="utf-8", errors="surrogatepass")
    before = snapshot(sample.root)
    with pytest.raises(ReaderError) as caught:
        import_file(sample.store, sample.config, path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message and "nothing was imported" in message
    assert snapshot(sample.root) == before
    for fmt in FORMATS:  # one bad file used to break every export until the tag was removed
        export_text(sample.store, sample.config, None, fmt)


def test_a_file_that_would_take_too_much_memory_to_read_is_refused_before_reading(sample, tmp_path, monkeypatch):
    """The attack: a 500 MB file of tiny values ("[{},{},…]") grew to 12 GB before being refused."""
    from reader.exports import importer

    monkeypatch.setattr(importer, "MAX_IMPORT_MEMORY", 40 * 2**20)
    bomb = tmp_path / "bomb.json"
    bomb.write_text("[" + ",".join(["{}"] * 400_000) + "]", encoding="utf-8")  # 1.2 MB
    exported = tmp_path / "export.json"
    exported.write_text(export_text(sample.store, sample.config, None, "json"), encoding="utf-8")
    before = snapshot(sample.root)
    with pytest.raises(ReaderError, match=r"would take about [\d.]+ GB of memory to read .* nothing was imported"):
        import_file(sample.store, sample.config, bomb)
    assert snapshot(sample.root) == before
    assert importer.parsing_memory(bomb.read_bytes()) > 20 * bomb.stat().st_size
    assert importer.parsing_memory(exported.read_bytes()) < 10 * exported.stat().st_size
    import_file(sample.store, sample.config, exported)  # an export is read as before
