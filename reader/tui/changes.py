"""Changes on the review screen: a change made to the session (a key, a dialog's answer) is
drawn, then saved by a worker thread that drains the session's write queue in order; after
each save, and when the terminal gets the focus back, what other windows and commands saved is
read and shown; quitting or leaving the article waits until every change is on disk."""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.worker import Worker, WorkerState

from reader.errors import ReaderError
from reader.review import Refused, ReviewSession, SaveResult
from reader.tui.review import ReviewBase

if TYPE_CHECKING:
    from reader.store import ArticleState


class Changes(ReviewBase):
    # --- saving (a worker thread drains the session's write queue, in order) ------------------
    # A worker's result is taken when the worker has finished (on_worker_state_changed), never
    # from inside its thread: a save that lets the reviewer quit or leave the article is over
    # before the app exits or the screen goes (so nothing is cancelled half-way, and nothing is
    # read for a screen that is leaving).

    def _save(self) -> None:
        session = self.session
        if session is not None and session.saver.claim():
            self.run_worker(session.saver.drain, thread=True, group="save")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.SUCCESS:
            return
        group, result = event.worker.group, event.worker.result
        if group == "save" and isinstance(result, SaveResult):
            self._saved(result)
        elif group == "read" and result is not None:
            self._others_read(*result)

    # --- what other windows and commands saved: read after each save, and on coming back ------

    def look_for_changes(self) -> None:
        """Read the article's tags and edits as stored (off the UI thread) and show what others
        changed. Called when the terminal gets the focus back; every save does it too."""
        session = self.session
        if session is not None:
            self.run_worker(partial(self._read_others, session), thread=True, group="read")

    def _read_others(self, session: ReviewSession) -> tuple[ArticleState, int] | None:
        """(On a worker thread.) The article as stored, and how many writes the session had
        queued when it was read (None: unreadable now; a save will say why)."""
        submitted = session.saver.submitted  # the reading is current while no change is made
        try:
            return session.saver.store.article_state(self.article.id), submitted
        except (ReaderError, OSError):
            return None

    def _others_read(self, stored: ArticleState, submitted: int) -> None:
        session = self.session
        if session is None or session.saver.submitted != submitted:
            return  # a change was made since the reading: the next save reads again
        changed = session.sync(stored)
        if changed:
            self._redraw(self.selected_id)
            n = len(changed)
            self.notify(f"{n} statement{'s' if n != 1 else ''} changed in another window or by a command; "
                        "showing the saved version.", title="Updated", timeout=6, markup=False)

    def _saved(self, result: SaveResult) -> None:
        if result.error is not None:
            self.notify(f"{result.error}\nThe change stays on screen, marked “!”; "
                        f"{self.key_display('save')} retries, so does your next change.",
                        title="Not saved", severity="error", timeout=12, markup=False)
        elif result.recovered:
            self.notify("Every change is saved now.", title="Saved", markup=False)
        self._refresh_rows()
        session = self.session
        if result.error is None and session is not None:
            self._save()  # writes queued while this drain was finishing
            if self._then is None and not session.saver.busy:
                self.look_for_changes()  # and what others saved meanwhile
        if self._then is not None and session is not None and not session.saver.busy:
            self._finish_saving()

    def _refresh_rows(self) -> None:
        """Redraw the unsaved markers and counts after a drain."""
        session = self.session
        if session is None:
            return
        unsaved = session.saver.unsaved_ids()
        for row in self.listing.rows:
            if row.unsaved != (row.id in unsaved):
                self.listing.update_row(self._row(session.statement(row.id), unsaved))
        self._update_progress()
        if self.selected_id is not None:
            self._select(self.selected_id, scroll_article=False)

    def _changed(self, sid: str | None) -> None:
        """After any change: redraw, keep the cursor where the reviewer expects it, save."""
        index = self.listing.cursor
        self._redraw(sid, keep_index=index)
        self._save()

    def _apply(self, make: Callable[[ReviewSession, str], Any], *, tagging: bool = False) -> None:
        """Make a change to the selected statement. After a tag (`tagging`), the selection moves
        on as config.yaml's review.advance says, and a finished article says so."""
        chosen = self._chosen()
        if chosen is None:
            return
        session, sid = chosen
        done_before = session.progress().done
        try:
            make(session, sid)
        except Refused as e:
            self.notify(str(e), severity="warning", markup=False)
            return
        if not tagging:
            self._changed(sid)
            return
        self._redraw(session.after_tagging(sid, self.config.advance))
        self._save()
        if session.progress().done and not done_before:
            self._article_done()

    def _article_done(self) -> None:
        assert self.session is not None
        total = self.session.progress().total
        then = ""
        if self.place is not None and self.place.index + 1 < self.place.total:
            then = f" {self.key_display('next_article')} opens the next one."
        elif self.place is not None:
            then = " It is the last of the queue."
        self.notify(f"All {total} statement{'s are' if total != 1 else ' is'} tagged: this article is done.{then}",
                    title="Done", markup=False, timeout=6)

    # --- actions: save, quit ------------------------------------------------------------------

    def action_save(self) -> None:
        session = self.session
        if session is None or not session.saver.unsaved:  # a refresh: what others saved, shown now
            self.notify("Everything is saved.", markup=False, timeout=3)
            self.look_for_changes()
            return
        self._save()  # and after the save, what others saved

    def action_quit(self) -> None:
        """Quit once every change is on disk, where the reviewer left the article too; if a
        save keeps failing, ask first."""
        session = self.session
        if session is not None:
            remember = session.leave_at(self.selected_id, failed=self.reader_app.not_remembered)
            if remember is not None:
                session.saver.submit(remember)
        self.when_saved(self.reader_app.quit)

    def when_saved(self, then: Callable[[], object]) -> None:
        """Call `then` once every change is on disk (quitting, leaving the article); if a save
        keeps failing, ask whether to retry, stay, or go on and lose the unsaved changes."""
        session = self.session
        if session is None:
            then()
            return
        self._then = then
        if session.saver.busy:
            return  # the running drain reports to _saved, which goes on
        self._save()
        if not session.saver.busy:
            self._finish_saving()

    def _finish_saving(self) -> None:
        then, self._then = self._then, None
        session = self.session
        assert then is not None
        if session is None or not session.saver.unsaved:
            then()
            return
        from reader.tui.dialogs.confirm import UnsavedDialog

        def answer(choice: str | None) -> None:
            if choice == "quit":
                then()
            elif choice == "retry":
                self.when_saved(then)

        self.app.push_screen(UnsavedDialog(session.saver.unsaved, session.saver.error), answer)
