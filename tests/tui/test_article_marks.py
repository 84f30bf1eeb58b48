"""The article pane's plain parts: which statements lie over a stretch of text (nested and
overlapping ones too), and where the mark-mode caret moves."""
from reader.tui.article_marks import Mark, Marks
from reader.tui.text_layout import word_step, wrap

# "outer" holds "inner"; "long" starts first and reaches past both; "after" follows
OUTER, INNER, LONG, AFTER = Mark("outer", 10, 40, None), Mark("inner", 15, 25, "official"), \
    Mark("long", 0, 60, None), Mark("after", 70, 80, None, dismissed=True)
MARKS = Marks([AFTER, INNER, OUTER, LONG])


def test_the_statements_over_a_stretch_are_every_one_that_overlaps_it():
    assert {m.id for m in MARKS.over(20, 21)} == {"outer", "inner", "long"}
    assert {m.id for m in MARKS.over(41, 65)} == {"long"}  # one that started long before
    assert {m.id for m in MARKS.over(60, 70)} == set()  # ends are exclusive
    assert {m.id for m in MARKS.over(0, 100)} == {"outer", "inner", "long", "after"}


def test_a_click_picks_the_innermost_statement():
    assert MARKS.innermost_at(20) == INNER
    assert MARKS.innermost_at(12) == OUTER
    assert MARKS.innermost_at(45) == LONG
    assert MARKS.innermost_at(65) is None
    assert Marks().innermost_at(0) is None


def test_the_caret_moves_by_words_and_to_the_line_edges():
    text = "Officials said, at dawn, that the bridge holds."
    assert word_step(text, 0, 1) == len("Officials")
    assert word_step(text, len("Officials"), 1) == len("Officials said")
    assert word_step(text, len("Officials said, at"), -1) == len("Officials said, ")
    assert word_step(text, len("Officials said, "), -1) == len("Officials ")  # over the comma
    assert word_step(text, 3, -1) == 0 and word_step(text, len(text), 1) == len(text)
    layout = wrap(text, 20)
    second = layout.starts[1]
    assert layout.edge(second + 2, -1) == second and layout.edge(second + 2, 1) == layout.ends[1]
    assert layout.line_step(text, 2, 1) == second + 2  # the same column a line down
    assert layout.line_step(text, 2, -1) == 2  # kept within the first line
