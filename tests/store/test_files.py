"""Damaged files, unknown and old schema versions: a clear sentence, and the file untouched."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.store import Tag, TagStore, make_anchor, schema
from tests.store.helpers import QUOTES, article, every_tag, statements_in, text_with

pytestmark = pytest.mark.files_only  # the folder backend's own files


def _article_file(db: Path, article_id: str) -> Path:
    return db / "articles" / f"{article_id}.json"


def _every_way_of_writing(store: TagStore, a, statements) -> None:
    """Each write the store offers must stop with a ReaderError on a bad article file."""
    calls = [
        lambda: store.set_tag(a.id, statements[0], "official"),
        lambda: store.remove_tag(a.id, statements[0].id),
        lambda: store.set_dismissed(a.id, statements[0].id, True),
        lambda: store.set_speaker(a.id, statements[0].id, "Someone"),
        lambda: store.register(a, statements),
        lambda: store.tags(a.id),
        lambda: store.put_tags([Tag(a.id, statements[0].id, "official",
                                    make_anchor(a.text, statements[0].start, statements[0].end))]),
        lambda: store.article_state(a.id),
    ]
    for call in calls:
        with pytest.raises(ReaderError) as caught:
            call()
        yield str(caught.value)


def test_an_article_file_that_is_not_json_is_reported_and_never_overwritten(store, db, registered):
    a, statements = registered
    store.set_tag(a.id, statements[0], "official")
    path = _article_file(db, a.id)
    damaged = path.read_bytes()[:-20]  # cut off, as a crash of a non-atomic writer would leave it
    path.write_bytes(damaged)
    for message in _every_way_of_writing(store, a, statements):
        assert message.startswith(f"{path}: is damaged (not valid JSON")
        assert "left as it is" in message
    assert path.read_bytes() == damaged
    assert not list(path.parent.glob("*.tmp"))


@pytest.mark.parametrize("content", [b"[1, 2, 3]", b'{"tags": {"s1": 5}}', b"\xff\xfe\x00garbage", b"",
                                     b"[" * 100_000 + b"]" * 100_000, b'{"a": 1' + b"0" * 5000 + b"}"])
def test_files_that_are_not_reader_files_are_refused(store, db, registered, content):
    a, statements = registered
    path = _article_file(db, a.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    messages = list(_every_way_of_writing(store, a, statements))
    assert all(m.startswith(f"{path}: ") for m in messages)
    assert path.read_bytes() == content


def test_a_newer_schema_version_is_refused_and_left_alone(store, db, registered):
    a, statements = registered
    store.set_tag(a.id, statements[0], "official")
    path = _article_file(db, a.id)
    document = json.loads(path.read_text())
    document["_meta"]["reader"]["schema"] = schema.CURRENT + 1
    document["tags"]["snew"] = {"shape": "from the future"}
    future = json.dumps(document).encode()
    path.write_bytes(future)
    for message in _every_way_of_writing(store, a, statements):
        assert message == (f"{path}: was written by a newer reader (schema version {schema.CURRENT + 1}; "
                           f"this one reads up to {schema.CURRENT}); upgrade reader to open it; "
                           "it was left as it is.")
    assert path.read_bytes() == future


def test_a_damaged_index_stops_the_store_at_once(db, registered, store):
    index = db / "index.json"
    index.write_bytes(b'{"articles": {')
    with pytest.raises(ReaderError, match=rf"^{index}: is damaged"):
        TagStore(db, "tester")
    assert index.read_bytes() == b'{"articles": {'


def test_a_damaged_record_names_the_file_and_the_record(store, db, registered):
    a, statements = registered
    store.set_tag(a.id, statements[0], "official")
    path = _article_file(db, a.id)
    document = json.loads(path.read_text())
    key = schema.tag_key(statements[0].id, "tester")
    del document["tags"][key]["category"]
    path.write_text(json.dumps(document))
    with pytest.raises(ReaderError, match=re.escape(f"{path}: tag record {key!r} is damaged")):
        store.tags(a.id)


def test_a_damaged_added_statement_is_refused_not_shown(store, db, registered):
    a, statements = registered
    from dataclasses import replace

    store.add_statement(a.id, replace(statements[0], id="s-added", speaker="Someone"))
    path = _article_file(db, a.id)
    document = json.loads(path.read_text())
    table = next(name for name, rows in document.items() if isinstance(rows, dict) and "s-added" in rows)
    document[table]["s-added"]["speaker"] = 5
    path.write_text(json.dumps(document))
    before = path.read_bytes()
    with pytest.raises(ReaderError, match=rf"{path}: added statement 's-added' is damaged"):
        store.edits(a.id)
    assert path.read_bytes() == before


def test_an_older_schema_is_migrated_and_the_original_kept(store, db, registered, monkeypatch):
    a, statements = registered
    store.set_tag(a.id, statements[0], "official", note="old note")
    path = _article_file(db, a.id)
    old = schema.CURRENT
    version_n = path.read_bytes()

    def upper(document):  # pretend the next version stores notes in capitals
        for tag in document.get("tags", {}).values():
            tag["note"] = tag["note"].upper() if tag.get("note") else tag.get("note")
        return document

    monkeypatch.setattr(schema, "CURRENT", old + 1)
    monkeypatch.setattr(schema, "MIGRATIONS", {**schema.MIGRATIONS, old: upper})
    assert store.tags(a.id)[statements[0].id].note == "OLD NOTE"  # read: migrated in memory
    assert path.read_bytes() == version_n  # reading alone changes nothing
    store.set_tag(a.id, statements[1], "eyewitness")
    saved = json.loads(path.read_text())
    assert saved["_meta"]["reader"]["schema"] == old + 1
    assert saved["tags"][schema.tag_key(statements[0].id, "tester")]["note"] == "OLD NOTE"
    assert (path.parent / f"{path.name}.schema-v{old}.bak").read_bytes() == version_n


def test_a_version_without_a_migration_path_is_refused(store, db, registered, monkeypatch):
    a, statements = registered
    store.set_tag(a.id, statements[0], "official")
    path = _article_file(db, a.id)
    before = path.read_bytes()
    old = schema.CURRENT
    monkeypatch.setattr(schema, "CURRENT", old + 2)
    monkeypatch.setattr(schema, "MIGRATIONS", {old + 1: lambda d: d})
    with pytest.raises(ReaderError, match=f"has schema version {old}, which this reader cannot migrate"):
        store.set_tag(a.id, statements[1], "official")
    assert path.read_bytes() == before


def test_every_file_carries_its_kind_and_schema(store, db, registered):
    a, statements = registered
    store.set_tag(a.id, statements[0], "official")
    kinds = {}
    for path in db.rglob("*.json"):
        meta = json.loads(path.read_text())["_meta"]["reader"]
        assert meta["schema"] == schema.CURRENT
        kinds[path.relative_to(db).parts[0]] = meta["kind"]
    assert kinds == {"index.json": "index", "articles": "article", "texts": "text"}


def test_a_text_file_that_does_not_match_its_id_is_reported(tmp_path):
    db = tmp_path / "db"
    store = TagStore(db, "tester")
    a = article(text_with(QUOTES))
    store.register(a, statements_in(a.text))
    path = db / "texts" / f"{a.id}.json"
    document = json.loads(path.read_text())
    document["text"]["text"]["text"] += "tampered"
    path.write_text(json.dumps(document))
    with pytest.raises(ReaderError, match=rf"{path}: is damaged \(the stored text does not match"):
        TagStore(db, "fresh").text(a.id)


# --- a folder others can write to: planted links are never followed ---------------------------

def test_a_link_planted_as_the_temporary_file_is_not_followed(store, db, registered, tmp_path):
    """The attack: a symbolic link at `.<file>.tmp` made a tag write overwrite the file it
    pointed to (outside the database), and the database file became a link to it."""
    a, statements = registered
    store.set_tag(a.id, statements[0], "official")
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    for path in (_article_file(db, a.id), db / "index.json"):
        path.with_name(f".{path.name}.tmp").symlink_to(victim)
    store.set_tag(a.id, statements[1], "eyewitness")  # writes the article file
    store.register(a, statements)  # writes the index
    assert victim.read_bytes() == b"precious"
    for path in (_article_file(db, a.id), db / "index.json"):
        assert path.is_file() and not path.is_symlink()
    assert not [p for p in db.rglob("*.tmp")]
    assert {t.category for t in every_tag(TagStore(db, "x"), a.id).values()} == {"official", "eyewitness"}


def test_a_temporary_file_swapped_before_the_rename_is_not_put_in_place(store, db, registered, tmp_path,
                                                                          monkeypatch):
    from reader.store import storage

    a, statements = registered
    store.set_tag(a.id, statements[0], "official")
    path = _article_file(db, a.id)
    before = path.read_bytes()
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    real = storage.write_temp

    def swapped(target, data, **kw):
        tmp, written = real(target, data, **kw)
        tmp.unlink()
        tmp.symlink_to(victim)  # what someone who can write to the folder could do meanwhile
        return tmp, written

    monkeypatch.setattr(storage, "write_temp", swapped)
    with pytest.raises(ReaderError, match="replaced by another one meanwhile"):
        store.set_tag(a.id, statements[1], "eyewitness")
    assert path.read_bytes() == before and not path.is_symlink() and victim.read_bytes() == b"precious"


def test_a_link_planted_as_the_lock_file_is_not_followed(store, db, registered, tmp_path):
    a, statements = registered
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    (db / ".lock").unlink()
    (db / ".lock").symlink_to(victim)
    with pytest.raises(ReaderError, match=r"\.lock: cannot lock the tag database"):
        TagStore(db, "x").set_tag(a.id, statements[0], "official")
    assert victim.read_bytes() == b"precious"


# --- text that cannot be written: refused on the way in, and when found in a file -------------

def test_text_that_is_not_valid_unicode_is_never_saved(store, db, registered):
    """`reader tag --note` with bytes that are not UTF-8 (Python reads them as lone surrogates)
    was saved, after which every export failed with a traceback."""
    a, statements = registered
    store.set_tag(a.id, statements[0], "official")
    before = {p: p.read_bytes() for p in db.rglob("*.json")}
    for write in (lambda: store.set_tag(a.id, statements[0], "official", note="bad \udced\udca0\udc80 bytes"),
                  lambda: store.set_speaker(a.id, statements[1].id, "\ud800")):
        with pytest.raises(ReaderError, match=r"cannot save text that is not valid Unicode .*nothing was changed"):
            write()
    assert {p: p.read_bytes() for p in db.rglob("*.json")} == before


@pytest.mark.parametrize("table, document", [
    ("tags", None),  # a tag whose note is "\ud800", as JSON can say
    ("speakers", {"speaker": 12}),  # a speaker correction of the wrong type
])
def test_a_file_holding_bad_text_or_a_wrong_type_is_refused_as_damaged(store, db, registered, table, document):
    a, statements = registered
    store.set_tag(a.id, statements[0], "official", note="fine")
    path = _article_file(db, a.id)
    if document is None:
        damaged = path.read_bytes().replace(b'"fine"', b'"\\ud800"')
    else:
        content = json.loads(path.read_bytes())
        content.setdefault(table, {})[statements[1].id] = document
        damaged = json.dumps(content).encode()
    path.write_bytes(damaged)
    if document is None:  # the whole file is refused
        messages = list(_every_way_of_writing(store, a, statements))
    else:  # what reads the reviewer's edits refuses it
        messages = []
        for call in (lambda: store.edits(a.id), lambda: store.article_state(a.id), lambda: store.register(a, statements)):
            with pytest.raises(ReaderError) as caught:
                call()
            messages.append(str(caught.value))
    for message in messages:
        assert message.startswith(f"{path}: ") and "left as it is" in message
    assert path.read_bytes() == damaged


def test_a_file_name_that_is_not_utf8_is_stored_and_shown(store, db, tmp_path):
    name = tmp_path / "caf\udce9.txt"  # the bytes b"caf\xe9.txt", as Python reads them
    a = article(text_with(QUOTES), name)
    store.register(a, statements_in(a.text))
    (record,) = store.articles()
    assert record.path == str(tmp_path / "caf\\xe9.txt")


def test_a_damaged_tag_is_reported_by_the_writes_that_read_it(store, db, registered):
    a, statements = registered
    store.set_tag(a.id, statements[0], "official")
    path = _article_file(db, a.id)
    content = json.loads(path.read_bytes())
    (record,) = (r for r in content["tags"].values() if r["statement_id"] == statements[0].id)
    record["category"] = 5
    damaged = json.dumps(content).encode()
    path.write_bytes(damaged)
    for write in (lambda: store.set_tag(a.id, statements[0], "eyewitness"),
                  lambda: store.merge_tag(a.id, statements[0].id, None, None)):
        with pytest.raises(ReaderError, match=rf"^{path}: tag record .*{statements[0].id}.* is damaged"):
            write()
    assert path.read_bytes() == damaged


@pytest.mark.parametrize("statement_id, reviewer", [
    ("s1", "alice"), ('say "no" \\ twice', "bob"), ("tab\there\nnewline\r\b\f", "ctrl \x01\x1f del \x7f"),
    ("línea 2028\u2028 2029\u2029", "Zoë 😀 渡辺"), ("", ""), ("lone \ud800 surrogate", "[\"x\", \"y\"]"),
])
def test_a_tag_key_is_written_as_json_wrote_it(statement_id, reviewer):
    """Files saved by every earlier reader key their tags with json.dumps([statement, reviewer],
    ensure_ascii=False): a key written any other way would give one tag two records."""
    assert schema.tag_key(statement_id, reviewer) == json.dumps([statement_id, reviewer], ensure_ascii=False)
