"""Issue 10's PolNeAR measure (bench/polnear.py) on an invented article and its brat labels."""
from __future__ import annotations

from pathlib import Path

from bench.polnear import parse_ann, score_issue
from reader.attribution import extract

TEXT = ("“The bridge will reopen in May,” said Mayor Ada Lind.\n"
        "The council voted on Tuesday, Lind said.\n"
        "Critics believe the repairs were rushed.\n"
        "He told reporters the budget was spent.\n")


def _label(text: str, source: str, cue: str, content: str, n: int) -> str:
    """One attribution as brat standoff lines (T ids n..n+2, E id n)."""
    lines = []
    for k, (kind, words) in enumerate((("Source", source), ("Cue", cue), ("Content", content))):
        start = text.index(words)
        lines.append(f"T{n + k}\t{kind} {start} {start + len(words)}\t{words}")
    lines.append(f"E{n}\tAttribution:T{n + 1} Content:T{n + 2} Cue:T{n + 1} Source:T{n}")
    return "\n".join(lines)


def test_speech_direct_quotes_and_speakers_are_counted_as_the_issue_counts_them(tmp_path: Path, config):
    ann = tmp_path / "a.ann"
    ann.write_text("\n".join([
        _label(TEXT, "Mayor Ada Lind", "said", "“The bridge will reopen in May,”", 1),
        _label(TEXT, "Lind", "Lind said", "The council voted on Tuesday", 5),
        _label(TEXT, "Critics", "believe", "the repairs were rushed", 9),  # a belief: not speech
        _label(TEXT, "He", "told reporters", "the budget was spent", 13),  # a bare pronoun
    ]) + "\n", encoding="utf-8")
    tally = score_issue(TEXT, parse_ann(ann), extract(TEXT, config))
    assert (tally.direct, tally.direct_found) == (1, 1)
    assert tally.speech == 3  # said, said, told
    assert tally.any_speech == 3
    assert tally.speaker_checked == 2  # "He" is left out
    assert tally.speaker_found == tally.speaker_ok == 2


def test_a_content_not_found_is_a_wrong_speaker(tmp_path: Path):
    ann = tmp_path / "a.ann"
    ann.write_text(_label(TEXT, "Mayor Ada Lind", "said", "“The bridge will reopen in May,”", 1) + "\n",
                   encoding="utf-8")
    tally = score_issue(TEXT, parse_ann(ann), [])
    assert (tally.speaker_checked, tally.speaker_found, tally.speaker_ok) == (1, 0, 0)
