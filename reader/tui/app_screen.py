"""The base of reader's screens (the queue, an article being read, the review screen): each
reaches the app as the review application it always is."""
from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp


class AppScreen(Screen[None]):
    @property
    def reader_app(self) -> ReaderApp:
        """`app` as the review application it always is (Textual types it as any App)."""
        from reader.tui.app import ReaderApp  # not at the top: the app module imports the screens

        app = self.app
        assert isinstance(app, ReaderApp)
        return app
