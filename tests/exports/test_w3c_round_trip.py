"""A w3c round trip keeps what a json round trip keeps of the reviewers' work: the same
database exported to json and to w3c, each file imported into an empty database that knows the
article, gives two databases whose lossless (json) exports are the same."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from reader.exports import export_text, import_file
from reader.store import Anchor, Tag, TagStore
from tests.exports.conftest import (ADDED, DISMISSED, ENGINE, SAMPLE_TEXT, Sample, _statement, make_tag,
                                    register_sample, snapshot)

# a statement the engine missed, added by hand without a speaker or a cue
UNSPOKEN = _statement("Engineers finished work on the Kestrel Bay bridge on Tuesday.", None, None, "indirect",
                      None, "added by the reviewer")


def as_sample(sample: Sample) -> None:
    """The sample as built: a statement added by hand (speaker, cue and their places; untagged),
    one dismissed (untagged), a speaker corrected (tagged), an orphaned tag."""


def as_a_desk(sample: Sample) -> None:
    """More of each: a dismissed statement another reviewer had tagged, an added statement that
    is tagged and one with no speaker (added after it but earlier in the text: numbered after
    it), a corrected speaker on a statement nobody tagged, an orphaned tag whose old id is a
    statement's of this text (tagged and settled), an orphaned resolution."""
    from reader.store import Resolution, make_anchor

    store, aid = sample.store, sample.id
    store.put_tag(make_tag(aid, ENGINE[3], "official", minute=7, reviewer="sam"))  # ENGINE[3] is dismissed
    store.put_tag(make_tag(aid, ADDED, "official", minute=8, reviewer="sam", note="the ministry?"))
    store.add_statement(aid, UNSPOKEN)
    store.remove_tag(aid, ENGINE[1].id)  # its corrected speaker stays, with no tag on it
    store.set_resolution(aid, ENGINE[0].id, Resolution(aid, ENGINE[0].id, "official", "carol",
                                                       "2026-01-06T08:00:00Z", make_anchor(SAMPLE_TEXT, ENGINE[0].start, ENGINE[0].end)))
    was = Anchor("The bridge was shut for good", "", "", 5, 33)  # words of an older text, under a current id
    store.put_tags([], [Tag(article_id=aid, statement_id=ENGINE[0].id, category="eyewitness", anchor=was,
                            reviewer="alex", created="2026-01-04T10:00:00Z", updated="2026-01-04T10:00:00Z")])
    store.set_resolution(aid, "s0ldgone01", Resolution(aid, "s0ldgone01", "eyewitness", "carol",
                                                       "2026-01-03T08:00:00Z", was))  # orphaned too


def round_trip(sample: Sample, fmt: str, into: TagStore, tmp_path: Path) -> Path:
    exported = tmp_path / f"work.{fmt}"
    exported.write_text(export_text(sample.store, sample.config, None, fmt), encoding="utf-8")
    register_sample(into)  # w3c carries no article text: both databases know the article first
    import_file(into, sample.config, exported)
    return exported


def records(store: TagStore, sample: Sample) -> dict:
    doc = json.loads(export_text(store, sample.config, None, "json"))
    for article in doc["articles"]:
        article.pop("first_seen")
        article.pop("last_opened")
    return doc


@pytest.mark.parametrize("work", [as_sample, as_a_desk])
def test_a_w3c_round_trip_keeps_what_a_json_round_trip_keeps(sample, tmp_path, fixed_engine, work):
    work(sample)
    via_json, via_w3c = TagStore(tmp_path / "via-json", "tester"), TagStore(tmp_path / "via-w3c", "tester")
    round_trip(sample, "json", via_json, tmp_path)
    exported = round_trip(sample, "w3c", via_w3c, tmp_path)
    # (the same as the database exported: the statements added by hand keep their numbers too)
    assert records(via_w3c, sample) == records(via_json, sample) == records(sample.store, sample)
    state = via_w3c.article_state(sample.id)
    assert DISMISSED in state.edits.dismissed and ENGINE[1].id in state.edits.speakers
    [added] = [s for s in state.edits.added if s.id == ADDED.id]
    assert (added.speaker, added.cue, added.speaker_start, added.cue_start) == (
        ADDED.speaker, ADDED.cue, ADDED.speaker_start, ADDED.cue_start)
    # every annotation has an id of its own, and importing the file again changes nothing
    ids = Counter(a["id"] for a in json.loads(exported.read_text(encoding="utf-8"))["first"]["items"])
    assert [i for i, n in ids.items() if n > 1] == []
    before = snapshot(via_w3c.root)
    again = import_file(via_w3c, sample.config, exported)
    assert not again.changed and snapshot(via_w3c.root) == before
