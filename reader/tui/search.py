"""Searching the article from the review screen: the search bar, the matches, the next one."""
from __future__ import annotations

import re
from typing import Any

from textual import on
from textual.widgets import Input

from reader.review import Filter
from reader.tui.keybar import KeyBar
from reader.tui.changes import Changes


class Search(Changes):
    def _search_bar(self) -> Input | None:
        bars = self.query("#search").results(Input)
        return next(bars, None)

    async def action_search(self) -> None:
        bar = self._search_bar()
        if bar is None:  # made on first use: one widget less to build at start-up
            bar = Input(placeholder="search the article (Enter: next match, Esc: close)", id="search")
            await self.mount(bar, before=self.query_one(KeyBar))
        bar.add_class("-open")
        bar.focus()

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        self.view.set_search(event.value)

    @on(Input.Submitted, "#search")
    def search_submitted(self, event: Input.Submitted) -> None:
        self._close_search()
        if event.value:
            self.action_search_next(1)

    def on_key(self, event: Any) -> None:
        if event.key != "escape":
            return
        bar = self._search_bar()
        if bar is not None and bar.has_focus:
            event.stop()
            bar.value = ""
            self.view.set_search("")
            self._close_search()

    def _close_search(self) -> None:
        bar = self._search_bar()
        if bar is not None:
            bar.remove_class("-open")
        self.view.focus()

    def action_search_next(self, direction: int) -> None:
        bar = self._search_bar()
        query = bar.value if bar is not None else ""
        if not query:
            self.notify(f"Press {self.key_display('search')} to search first.", severity="warning", markup=False)
            return
        match = self.view.find(direction)
        if match is None:
            self.notify(f"“{query}” is not in the article.", severity="warning", markup=False)
            return
        matches = [m.start() for m in re.finditer(re.escape(query), self.view.text, re.IGNORECASE)]
        where = matches.index(match[0]) + 1 if match[0] in matches else 0
        found = self.view.statement_at(match[0])
        if found is not None and self.session is not None:  # the statement at the match is selected
            if found.id not in {r.id for r in self.listing.rows}:
                self.session.set_filter(Filter())  # hidden by the filter: show it
                self._redraw(found.id)
            self._select(found.id, scroll_article=False)
        at = f" · statement #{self.session.number(found.id)}" if found is not None and self.session else ""
        self.notify(f"“{query}”: match {where} of {len(matches)}{at}.", markup=False, timeout=2)

