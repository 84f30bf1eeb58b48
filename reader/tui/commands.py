"""The command palette (Ctrl+P): every action of the review screen, by name, with its key
(the filter's choices too, as "Filter: …", with the key after f)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from reader.tui.screen import ReviewScreen


class ReviewCommands(Provider):
    def _commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        screen = self.screen
        if not isinstance(screen, ReviewScreen):  # a dialog is open: its own keys apply
            return
        for spec in screen.specs:
            if spec.where not in ("screen", "filter") or not spec.palette:
                continue
            title = spec.description[0].upper() + spec.description[1:]
            keys = screen.key_display(spec.id)
            if spec.where == "filter":
                keys = f"{screen.key_display('filter')} then {keys}"
            yield title, f"key: {keys}", partial(screen.run_action, spec.action)

    async def discover(self) -> Hits:
        for title, help_text, command in self._commands():
            yield DiscoveryHit(Content(title), command, text=title, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, command in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(escape(title)), command, text=title, help=escape(help_text))
