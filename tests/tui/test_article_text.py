"""Article text is data: markup and terminal escapes show literally; huge articles stay cheap."""
from __future__ import annotations

from reader.article import Article, title_of
from reader.attribution import Statement, statement_id
from reader.tui.article_view import ArticleView
from reader.tui.statement_list import StatementList
from tests.tui.conftest import press, ready, screen_text

EVIL = (
    "[bold red]x[/] marks the [link=https://x]y[/link] spot\n"
    'Plain words. "Say [bold]this[/bold] and \x1b[31mred\x1b[0m loud\x07 now," said [i]Eve[/i].\n'
    "Tabs\tand\x00nulls stay visible.\n"
)


def _statement(text: str, words: str, speaker: str) -> Statement:
    start = text.index(words)
    s_start = text.index(speaker)
    return Statement(statement_id(words), start, start + len(words), words, speaker, s_start,
                     s_start + len(speaker), "said", "direct", "eyewitness", "[b]not markup[/b]")


async def test_markup_and_escapes_are_shown_literally(make_app):
    text = EVIL
    article = Article(text=text, path="/evil.txt", title=title_of(text))
    words = 'Say [bold]this[/bold] and \x1b[31mred\x1b[0m loud\x07 now'
    app = make_app(article, [_statement(text, words, "[i]Eve[/i]")])
    async with app.run_test(size=(160, 40)) as pilot:
        await ready(pilot)
        shown = screen_text(app)
        assert "[bold red]x[/] marks the [link=https://x]y[/link] spot" in shown  # title bar and article
        assert shown.count("[bold red]x[/]") >= 2
        assert "Say [bold]this[/bold] and ␛[31mred␛[0m loud␇ now" in shown
        assert "[i]Eve[/i]" in shown and "[b]not markup[/b]" in shown  # list, detail
        assert "Tabs and␀nulls" in shown
        view = app.screen.query_one(ArticleView)
        for widget in (view, app.screen.query_one(StatementList)):
            for y in range(widget.size.height):
                for segment in widget.render_line(y):
                    assert "\x1b" not in segment.text and "\x07" not in segment.text
                    assert segment.style is None or segment.style.link is None  # no link made from text


async def test_a_one_megabyte_article_opens_and_scrolls(make_app):
    from bench.corpus import generate

    text = generate(1_000_000)
    quotes = [i for i in range(len(text)) if text.startswith("“", i)][:2000:50]
    statements = []
    for q in quotes:
        end = text.index("”", q)
        words = text[q + 1:end].rstrip(",.")
        statements.append(Statement(statement_id(words, len(statements) + 1), q + 1, q + 1 + len(words), words,
                                    None, None, None, None, "direct", None, None))
    article = Article(text=text, path="/big.txt", title=title_of(text))
    app = make_app(article, statements)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(ArticleView)
        lines = len(view.layout_lines)
        assert lines > 10_000 and view.virtual_size.height == lines
        height = view.scrollable_content_region.height
        before = view.scroll_y
        for _ in range(3):
            await press(pilot, "pagedown")
        assert view.scroll_y == before + 3 * height
        layout = view.layout_lines
        top = int(view.scroll_y)
        first_line = "".join(s.text for s in view.render_line(0)).strip()
        assert first_line == text[layout.starts[top]:layout.ends[top]].strip()
        await press(pilot, "end")  # the last statement, far down the article
        assert app.screen.selected_id == statements[-1].id
        assert view.scroll_y > 1000
        shown = "".join("".join(s.text for s in view.render_line(y)) for y in range(height))
        assert statements[-1].text.split()[0] in shown
