"""Tagging from the review screen: a category key or Enter (then the selection moves on),
every sure suggestion at once, clearing, undo and redo."""
from __future__ import annotations

from reader.review import Filter, Refused
from reader.tui.changes import Changes


TAKE_BACK = "-"  # the settle dialog's value for "take the resolution back" (no category is named "-")


class Tagging(Changes):
    def action_tag(self, category: str) -> None:
        self._apply(lambda s, sid: s.set_category(sid, category), tagging=True)

    def action_accept(self) -> None:
        self._apply(lambda s, sid: s.accept(sid), tagging=True)

    def action_accept_all(self) -> None:
        session = self.session
        if self._unopened() or session is None:
            return
        try:
            change = session.accept_all()
        except Refused as e:
            self.notify(str(e), severity="warning", markup=False)
            return
        self._apply_done(change.label, session.first_untagged())
        if session.progress().done:
            self._article_done()

    def _apply_done(self, label: str, select: str | None) -> None:
        """After a change of several statements: redraw, save, say what was done (and how to undo it)."""
        self._redraw(select)
        self._save()
        self.notify(f"{label[:1].upper()}{label[1:]}; {self.key_display('undo')} takes it back.",
                    markup=False, timeout=5)

    def action_clear(self) -> None:
        self._apply(lambda s, sid: s.clear(sid))

    def action_settle(self) -> None:
        """Settle the selected statement with a chosen category (each reviewer's shown), or
        take its resolution back; one undo step."""
        chosen = self._chosen()
        if chosen is None:
            return
        session, sid = chosen
        from rich.text import Text

        from reader.tui.dialogs.choice import ChoiceDialog
        from reader.tui.statement_list import chip_style

        mine = session.tag(sid)
        chose = {**{n: t.category for n, t in session.others(sid).items()}, **({session.reviewer: mine.category}
                                                                             if mine else {})}
        options = []
        for c in self.config.categories:
            label = Text()
            label.append(f" {c.name} ", style=chip_style(c.colour))
            who = sorted(n for n, category in chose.items() if category == c.name)
            if who:
                label.append(f"  ({', '.join(who)})", style="italic")
            options.append((c.name, c.key, label))
        resolution = session.resolution(sid)
        if resolution is not None:
            options.append((TAKE_BACK, "x", Text(f"take back the resolution ({resolution.category}, by {resolution.by})")))

        def done(value: str | None) -> None:
            if value is not None:
                self._apply(lambda s, x: s.settle(x, None if value == TAKE_BACK else value))

        self.app.push_screen(ChoiceDialog(Text("Settle as which category?", style="bold"), options,
                                          resolution.category if resolution else ""), done)

    def action_take_back_orphaned(self) -> None:
        """Take back a resolution whose statement left the text (chosen among the article's, by
        its words then, its category, adjudicator and old id), as `reader resolve PATH OLD_ID
        --clear` does; one undo step."""
        session = self.session
        if self._unopened() or session is None:
            return
        lost = session.orphaned_resolutions()
        if not lost:
            self.notify("Every resolution here is on a statement of the text: none to take back.",
                        severity="warning", markup=False)
            return
        from rich.text import Text

        from reader.safe_text import one_line, printable
        from reader.tui.dialogs.choice import ChoiceDialog

        options = [(r.statement_id, str(n) if n < 10 else "",
                    Text(printable(f"“{one_line(r.anchor.exact, 40)}” {r.category} by {r.by} ({r.statement_id})")))
                   for n, r in enumerate(lost, 1)]

        def done(value: str | None) -> None:
            if value is None:
                return
            try:
                change = session.take_back_orphaned(value)
            except Refused as e:
                self.notify(str(e), severity="warning", markup=False)
                return
            self._apply_done(change.label, self.selected_id)

        self.app.push_screen(ChoiceDialog(Text("Take back which resolution of a statement no longer in the text?",
                                               style="bold"), options, ""), done)

    def action_undo(self) -> None:
        self._history("undo")

    def action_redo(self) -> None:
        self._history("redo")

    def _history(self, which: str) -> None:
        session = self.session
        if self._unopened() or session is None:
            return
        change = session.undo() if which == "undo" else session.redo()
        if change is None:
            self.notify(f"Nothing to {which}.", severity="warning", markup=False)
            return
        sid: str | None = change.statement_id
        if sid not in {s.id for s in session.statements}:
            sid = None  # an added statement, taken away again
        elif sid not in {s.id for s in session.visible()}:
            session.set_filter(Filter())  # show what the undo or redo touched
        self._changed(sid)
        self.notify(f"{which.capitalize()}: {change.label}.", markup=False, timeout=3)
