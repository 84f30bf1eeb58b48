"""The review screen's dialogs and what follows each answer: notes, grades, speakers (and
every statement of one source), added statements, a statement's words and kind, the filter,
the export."""
from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on

from reader.review import Filter, Refused
from reader.tui.article_view import ArticleView
from reader.tui.panels import worded_text, wording_of
from reader.tui.changes import Changes
from reader.tui.statement_list import chip_style, flat


class DialogFlows(Changes):
    def _heading(self, what: str) -> Text:
        assert self.session is not None and self.selected_id is not None
        statement = self.session.statement(self.selected_id)
        out = Text(f"{what} · statement #{self.session.number(statement.id)}\n", style="bold")
        out.append_text(worded_text(wording_of(statement, self.article.text), 160))
        return out

    def action_note(self) -> None:
        if self._unopened() or self.session is None or self.selected_id is None:
            return
        tag = self.session.tag(self.selected_id)
        if tag is None:
            self.notify("Tag this statement first: notes belong to a tag.", severity="warning", markup=False)
            return
        from reader.tui.dialogs.note import NoteDialog

        sid = self.selected_id

        def done(note: str | None) -> None:
            if note is not None:
                self._select(sid)
                self._apply(lambda s, _sid: s.set_note(sid, note))

        self.app.push_screen(NoteDialog(self._heading("Note"), tag.note or ""), done)

    def action_grades(self) -> None:
        if self._unopened() or self.session is None or self.selected_id is None:
            return
        tag = self.session.tag(self.selected_id)
        if tag is None:
            self.notify("Tag this statement first: grades belong to a tag.", severity="warning", markup=False)
            return
        from reader.tui.dialogs.grades import GradesDialog

        sid = self.selected_id

        def done(grades: tuple[str | None, str | None] | None) -> None:
            if grades is not None:
                self._select(sid)
                self._apply(lambda s, _sid: s.set_grades(sid, *grades))

        self.app.push_screen(GradesDialog(self._heading("Admiralty grades"), tag.reliability, tag.credibility),
                             done)

    # --- actions: correcting the engine -------------------------------------------------------

    def action_add_statement(self) -> None:
        view = self.view
        marked = view.marked_range()
        if marked is not None:
            self._ask_speaker_for(*marked)
            return
        if not view.marking:
            view.start_marking()
        self.notify("Move the caret with the arrows (w/b by word), press space at the first word, "
                    "move to the last, then Enter. Or drag with the mouse.", title="Mark the statement",
                    markup=False, timeout=8)

    @on(ArticleView.AddRequested)
    def add_requested(self, event: ArticleView.AddRequested) -> None:
        self._ask_speaker_for(event.start, event.end)

    def _ask_speaker_for(self, start: int, end: int) -> None:
        if self._unopened() or self.session is None:
            return
        from reader.tui.dialogs.prompt import PromptDialog

        words = flat(self.article.text[start:end])
        context = Text("“" + (words if len(words) < 200 else words[:199] + "…") + "”", style="italic")

        def done(speaker: str | None) -> None:
            if speaker is None:
                return
            session = self.session
            assert session is not None
            try:
                change = session.add_statement(start, end, speaker)
            except Refused as e:
                self.notify(str(e), severity="warning", markup=False)
                return
            self.view.stop_marking()
            if change.statement_id not in {s.id for s in session.visible()}:
                session.set_filter(Filter())
            self._changed(change.statement_id)
            self.notify(f"Added statement #{session.number(change.statement_id)}.", markup=False, timeout=3)

        near = self.session.nearest(start, end)
        self.app.push_screen(PromptDialog(Text("Add a statement · who said it?", style="bold"), context,
                                          near.speaker or "" if near is not None else "",
                                          placeholder="speaker (leave empty if none is named)",
                                          help_text="The speaker of the nearest statement; type to replace it."
                                          if near is not None else ""), done)

    @on(ArticleView.MarkingChanged)
    def marking_changed(self, event: ArticleView.MarkingChanged) -> None:
        self.query_one("#article").set_class(event.marking, "-marking")

    def action_edit_speaker(self) -> None:
        session = self.session
        if self._unopened() or session is None or self.selected_id is None:
            return
        from reader.tui.dialogs.prompt import PromptDialog

        sid = self.selected_id
        statement = session.statement(sid)
        engine = session.original(sid).speaker
        others = session.same_source(sid)

        def done(speaker: str | None) -> None:
            if speaker is None:
                return
            self._select(sid)
            if others and (speaker.strip() or None) != statement.speaker:
                self._ask_same_source(sid, speaker, len(others))
            else:
                self._apply(lambda s, _sid: s.set_speaker(sid, speaker))

        help_text = f"Leave empty to go back to the engine's speaker ({flat(engine) or 'none'})."
        self.app.push_screen(PromptDialog(self._heading("Speaker"), Text(""), statement.speaker or "",
                                          placeholder="who said it", help_text=help_text), done)

    def _ask_same_source(self, sid: str, speaker: str, others: int) -> None:
        """The engine gave `others` more statements this statement's source: correct them too?"""
        from reader.tui.dialogs.choice import ChoiceDialog

        assert self.session is not None
        engine = flat(self.session.original(sid).speaker)
        options = [("all", "a", Text(f"all {others + 1} statements of “{engine}”")),
                   ("one", "o", Text(f"only statement #{self.session.number(sid)}"))]

        def done(choice: str | None) -> None:
            if choice is not None:
                self._select(sid)
                self._apply(lambda s, _sid: s.set_speaker(sid, speaker, same_source=choice == "all"))

        heading = Text("Correct the speaker of", style="bold")
        self.app.push_screen(ChoiceDialog(heading, options, "all"), done)

    def action_edit_bounds(self) -> None:
        session, sid = self.session, self.selected_id
        if self._unopened() or session is None or sid is None:
            return
        from reader.tui.dialogs.bounds import BoundsDialog

        statement = session.statement(sid)

        def done(bounds: tuple[int, int] | None) -> None:
            if bounds is not None:
                self._select(sid)
                self._apply(lambda s, _sid: s.set_bounds(sid, *bounds))

        self.app.push_screen(BoundsDialog(self._heading("The statement's words"), self.article.text,
                                          statement.start, statement.end), done)

    def action_edit_kind(self) -> None:
        session, sid = self.session, self.selected_id
        if self._unopened() or session is None or sid is None:
            return
        from reader.attribution import KINDS
        from reader.tui.dialogs.choice import ChoiceDialog

        options: list[tuple[str, str, Text]] = [(kind, kind[0], Text(kind)) for kind in KINDS]

        def done(kind: str | None) -> None:
            found = next((k for k in KINDS if k == kind), None)
            if found is not None:
                self._select(sid)
                self._apply(lambda s, _sid: s.set_kind(sid, found))

        self.app.push_screen(ChoiceDialog(self._heading("What kind of statement?"), options,
                                          session.statement(sid).kind), done)

    def action_dismiss_statement(self) -> None:
        self._apply(lambda s, sid: s.toggle_dismissed(sid))

    def action_filter(self) -> None:
        """Choose the filter: the key table's choices (reader.tui.keymap.filter_keys), each
        with its key; the speaker's only when the selected statement has one, the
        disagreements only at a desk (another reviewer's tags here)."""
        session = self.session
        if self._unopened() or session is None:
            return
        from textual.actions import parse

        from reader.tui.dialogs.choice import ChoiceDialog

        colours = {c.name: c.colour for c in self.config.categories}
        desk = any(session.others(st.id) for st in session.statements)
        choices: list[tuple[str, Text, Filter]] = []
        for spec in (s for s in self.specs if s.where == "filter"):
            chosen = self._filter_of(*parse(spec.action)[2])
            if chosen is None or chosen.kind == "disagreements" and not desk:
                continue
            if chosen.kind == "category":
                label = Text("tagged ")
                label.append(f" {chosen.value} ", style=chip_style(colours.get(chosen.value or "")))
            elif chosen.kind == "speaker":
                label = Text(f"spoken by {flat(chosen.value or '')} (the selected statement's speaker)")
            else:
                label = Text(spec.description.removeprefix("filter: "))
            choices.append((self.reader_app.keys_for(spec.id).split(",")[0].strip(), label, chosen))
        filters = {f.label: f for _, _, f in choices}  # option value -> filter
        options = [(f.label, key, label) for key, label, f in choices]

        def done(value: str | None) -> None:
            if value is not None:
                self._show(filters[value])

        self.app.push_screen(ChoiceDialog(Text("Show which statements?", style="bold"), options,
                                          session.filter.label), done)

    def _filter_of(self, kind: object, value: object = None) -> Filter | None:
        """The filter a choice of the key table stands for now (None: the speaker's, when the
        selected statement has none)."""
        assert self.session is not None
        if kind == "speaker":
            speaker = self.session.statement(self.selected_id).speaker if self.selected_id else None
            return Filter("speaker", speaker) if speaker else None
        return Filter(str(kind), None if value is None else str(value))  # type: ignore[arg-type]

    def action_set_filter(self, kind: str, value: str | None = None) -> None:
        """A filter straight from the command palette (the filter dialog's choices)."""
        if self._unopened():
            return
        chosen = self._filter_of(kind, value)
        if chosen is None:
            self.notify("The selected statement names no speaker to filter by.", severity="warning", markup=False)
            return
        self._show(chosen)

    def _show(self, chosen: Filter) -> None:
        assert self.session is not None
        self.session.set_filter(chosen)
        self._redraw(self.selected_id)

    def action_export(self) -> None:
        session = self.session
        if self._unopened() or session is None:
            return
        from reader.review.export import default_path, formats, queue_export
        from reader.tui.dialogs.export import ExportDialog

        def done(answer: tuple[str, Path] | None) -> None:
            if answer is None:
                return
            fmt, path = answer
            if session.saver.unsaved and session.saver.error:
                self.notify("The export will run once the unsaved changes are saved "
                            f"({self.key_display('save')} retries).", severity="warning", markup=False)
            queue_export(session, fmt, path,
                         done=lambda written: self.app.call_from_thread(self._exported, fmt, written),
                         failed=lambda problem: self.app.call_from_thread(self._export_failed, problem))
            self._save()

        self.app.push_screen(ExportDialog(Text("Export this article's tags", style="bold"), formats(),
                                          lambda fmt: default_path(session, fmt)), done)

    def _exported(self, fmt: str, written: object) -> None:
        self.notify(f"Wrote the {fmt} export to {written}", title="Exported", timeout=10, markup=False)

    def _export_failed(self, problem: str) -> None:
        self.notify(problem, title="Export failed", severity="error", timeout=12, markup=False)

