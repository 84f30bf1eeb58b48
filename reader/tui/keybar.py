"""The key bar at the bottom: the keys that act right now, drawn as one line.

It shows what Textual's `Footer` shows (the screen's active bindings with `show=True`, one
per action, those the screen's `shows` allows now (a key of one filter's), as config.yaml remaps them, disabled ones dim; hover for the description, click
to press) but as a single widget: the Footer builds a widget per key and recomposes them
whenever the bindings change, which cost more at start-up than the rest of the screen's
frame put together.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget


@dataclass(frozen=True, slots=True)
class KeyHint:
    key: str  # what pressing it sends (Binding.key)
    display: str  # how it is shown
    description: str
    enabled: bool
    tooltip: str


class KeyBar(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"keybar--key", "keybar--description", "keybar--disabled", "keybar--hover"}

    def __init__(self, *, id: str | None = None, shows: Callable[[Binding], bool] | None = None) -> None:
        """`shows`: whether a binding shown in the footer is shown now (None: all are)."""
        super().__init__(id=id)
        self._shows = shows
        self._spans: list[tuple[int, int, KeyHint]] = []  # cells each hint covers, from the last render
        self._hover: KeyHint | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.recheck()

    def recheck(self) -> None:
        """Redraw if the keys to show changed (focus moves, and most changes, change nothing here)."""
        if [hint for _, _, hint in self._spans] != self.hints():
            self.refresh()

    def hints(self) -> list[KeyHint]:
        """One hint per action among the screen's active bindings, in the Footer's order."""
        by_action: dict[str, KeyHint] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in by_action and (self._shows is None or self._shows(binding)):
                by_action[binding.action] = KeyHint(binding.key, self.app.get_key_display(binding),
                                                    binding.description, enabled,
                                                    tooltip or binding.tooltip or binding.description)
        return list(by_action.values())

    def render(self) -> Text:
        key_style = self.get_component_rich_style("keybar--key")
        description_style = self.get_component_rich_style("keybar--description")
        disabled = self.get_component_rich_style("keybar--disabled", partial=True)
        hover = self.get_component_rich_style("keybar--hover", partial=True)
        out = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, KeyHint]] = []
        x = 0
        for hint in self.hints():
            start = x
            extra = (disabled if not hint.enabled else None, hover if hint == self._hover else None)
            layers = [s for s in extra if s is not None]
            key, words = key_style, description_style
            for layer in layers:
                key, words = key + layer, words + layer
            out.append(hint.display, key)
            out.append(" " + hint.description, words)
            x += cell_len(hint.display) + 1 + cell_len(hint.description)
            spans.append((start, x, hint))
            out.append(" ")
            x += 1
        self._spans = spans
        return out

    def hint_at(self, x: int) -> KeyHint | None:
        return next((hint for start, end, hint in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hint = self.hint_at(event.x)
        if hint != self._hover:
            self._hover = hint
            self.tooltip = hint.tooltip if hint is not None else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        hint = self.hint_at(event.x)
        if hint is None:
            return
        if hint.enabled:
            self.app.simulate_key(hint.key)
        else:
            self.app.bell()

