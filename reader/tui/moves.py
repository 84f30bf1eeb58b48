"""Moving through the queue from the review screen: the next or previous article (`>`, `<`)
and back to the list (`escape`), each once every change of this article is saved."""
from __future__ import annotations

from textual.widgets import Input

from reader.tui.changes import Changes

QUEUE_ACTIONS = frozenset({"next_article", "previous_article", "back_to_queue"})


class QueueMoves(Changes):
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in QUEUE_ACTIONS:
            if self.place is None:
                return False  # one article, no queue: the keys are not shown
            if action == "back_to_queue" and isinstance(self.focused, Input):
                return False  # escape closes the search bar first
        return True

    def action_next_article(self) -> None:
        self._go(1)

    def action_previous_article(self) -> None:
        self._go(-1)

    def _go(self, step: int) -> None:
        place = self.place
        if place is not None:
            self.when_saved(lambda: self.reader_app.step(place, step, leaving=self))

    def action_back_to_queue(self) -> None:
        place = self.place
        if place is not None:
            self.when_saved(lambda: self.reader_app.back_to_queue(place, leaving=self))
