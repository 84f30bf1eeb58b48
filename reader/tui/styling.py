"""Component-class styles resolved the way Textual draws widgets, for Line-API widgets.

A Line-API widget paints several layers over one character (a tagged statement, the
selection, a search match). Theme colours often carry transparency ("$accent 40%") or are
"auto" (the theme's text colour, chosen for contrast), and Rich styles have neither, so each
layer is composited here over the colour actually beneath it: readable on dark and light
themes alike.
"""
from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from textual.color import Color
from textual.widget import Widget


@dataclass(frozen=True)
class Layer:
    background: Color | None = None
    color: Color | None = None
    auto: bool = False  # the colour is "auto": black or white, whichever reads best
    text: Style = Style()


def layer(widget: Widget, component: str) -> Layer:
    styles = widget.get_component_styles(component)
    return Layer(
        background=styles.background if styles.has_rule("background") else None,
        color=styles.color if styles.has_rule("color") else None,
        auto=bool(styles.auto_color),
        text=styles.text_style if styles.has_rule("text_style") else Style(),
    )


def tint(colour: str, alpha: float) -> Layer:
    """A background wash of a config colour (a tagged statement)."""
    return Layer(background=Color.parse(colour).with_alpha(alpha))


class Painter:
    """Turns a stack of layers into one Rich style over the widget's own colours (cached)."""

    def __init__(self, widget: Widget) -> None:
        _, _, self.background, self.color = widget.colors
        self._cache: dict[tuple[Layer, ...], Style] = {}

    def base(self) -> Style:
        return self.style(())

    def style(self, layers: tuple[Layer, ...]) -> Style:
        cached = self._cache.get(layers)
        if cached is not None:
            return cached
        bg, fg, text = self.background, self.color, Style()
        for item in layers:
            if item.background is not None:
                bg = bg + item.background
            if item.color is not None:
                fg = bg.get_contrast_text(item.color.a) if item.auto else bg + item.color
            text = text + item.text
        if fg.a < 1:
            fg = bg + fg
        style = Style(color=fg.rich_color, bgcolor=bg.rich_color) + text
        self._cache[layers] = style
        return style
