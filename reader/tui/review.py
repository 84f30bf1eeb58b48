"""The review screen's core: the article on the left, its statements on the right, one key
per tag: opening the session, drawing it, moving through it. `Changes` (reader.tui.changes)
adds making and saving changes; `ReviewScreen` (reader.tui.screen) adds tagging, the dialogs'
flows and search to that.

The screen is a view of a `ReviewSession` (reader.review): it turns keys into session
changes and redraws what changed. Widgets talk to
it with messages; it never reaches into them beyond their small public methods.
"""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.timer import Timer

from reader.article import Article
from reader.attribution import Statement
from reader.config import Config
from reader.errors import ReaderError
from reader.review import Filter, ReviewSession
from reader.tui.app_screen import AppScreen
from reader.tui.article_marks import Mark, Selected
from reader.tui.article_view import ArticleView
from reader.tui.background import off_thread
from reader.tui.keybar import KeyBar
from reader.tui.keymap import KeySpec
from reader.tui.panels import Panel, TopBar, detail_text, legend_text, progress_text, title_text, wording_of
from reader.tui.statement_list import Row, StatementList

Extractor = Callable[[str, Config], list[Statement]]

@dataclass(frozen=True)
class Place:
    """Where the article under review is in the queue: `index` from 0, of `total`."""

    index: int
    total: int


if TYPE_CHECKING:
    from reader.store import TagStore


class ReviewBase(AppScreen):
    AUTO_FOCUS = "#article"
    # Seconds the opening may take before the list says what it is waiting for (long enough
    # that an ordinary opening, some tens of milliseconds, never flashes the line).
    WAIT_SHOWN_AFTER = 0.3
    QUICK_OPEN = 0.1  # seconds the first frame waits for a session whose statements are known

    def __init__(self, article: Article, config: Config, store: TagStore,
                 specs: tuple[KeySpec, ...], *, statements: list[Statement] | None = None,
                 extractor: Extractor | None = None, place: Place | None = None) -> None:
        """`place`: where the article is in the queue (None: no queue)."""
        super().__init__()
        self.place = place
        self.article = article
        self.config = config
        self.store = store
        self.specs = specs
        self._footer_filters = {s.id: s.footer_filter for s in specs if s.footer_filter}
        self._statements = statements
        self._extractor = extractor
        self.session: ReviewSession | None = None
        self.selected_id: str | None = None
        self.colours = {c.name: c.colour for c in config.categories}
        self._load_error: str | None = None
        self._tags_next = False  # the opening has its statements and reads the tag database now
        self._waiting: Timer | None = None  # shows that line until the session is open
        self._then: Callable[[], object] | None = None  # what to do once every change is saved

    # --- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The screen lays out the article and the side pane side by side; the top bar and the
        # key bar are docked (one container less to style and draw).
        yield TopBar(title_text(self.article.title), Text("loading…", style="dim"), id="top")
        yield KeyBar(id="keys", shows=self._key_shown)
        yield ArticleView(self.article.text, self.colours, id="article")
        with Vertical(id="side"):
            yield StatementList(self.colours, id="statements")
            yield Panel(id="detail")
            yield Panel(self._legend(), id="legend")

    def _legend(self) -> Text:
        keys = {c.name: self.key_display(next(s.id for s in self.specs if s.action == f"tag({c.name!r})"))
                for c in self.config.categories}
        return legend_text(self.config.categories, keys)

    def _key_shown(self, binding: Binding) -> bool:
        """A key the table gives to one filter (settle, to the disagreements) is in the key bar
        only while the list shows that filter; the one taking back an orphaned resolution, only
        while the article has one."""
        only_under = self._footer_filters.get(binding.id or "")
        if only_under is None:
            return True
        session = self.session
        if session is None or session.filter.kind != only_under:
            return False
        return binding.action != "take_back_orphaned" or bool(session.orphaned_resolutions())

    def key_display(self, action_id: str) -> str:
        return self.reader_app.key_display(action_id)

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def listing(self) -> StatementList:
        return self.query_one(StatementList)

    # --- opening the session (store and engine off the UI thread) ---------------------------

    async def on_mount(self) -> None:
        self.call_after_refresh(self.reader_app.announce, "article")
        # The session (the engine's statements, the store's tags) opens off the UI thread, since
        # the tag database may be locked by another writer or on a slow server. When the
        # statements are known already (a queue has read the article), an opening done within
        # QUICK_OPEN is drawn in the first frame with the article (one frame, not two); else the
        # article is drawn at once (the engine runs meanwhile), the list says what it waits
        # for, keys that act on a statement change nothing and say so, and q, escape, > and <
        # leave at once.
        opening = self._start_opening()
        if self._statements is not None:
            done, _ = await asyncio.wait({opening}, timeout=self.QUICK_OPEN)
            if done:
                self._opened(*opening.result())
                return
        self.run_worker(self._take(opening), exclusive=True, group="open")
        self._waiting = self.set_interval(self.WAIT_SHOWN_AFTER, self._show_waiting)

    def _start_opening(self) -> asyncio.Future[tuple[ReviewSession | None, str]]:
        """Open the session off the UI thread (reader.tui.background: quitting never waits for
        it), once where the reviewer left the article before is written (briefly: so an article
        left a moment ago reopens at that place)."""
        placed = self.reader_app.wait_for_places

        def open_() -> tuple[ReviewSession | None, str]:
            placed()
            return self._try_open()

        return off_thread(open_, "reader-open-session")

    async def _take(self, opening: asyncio.Future[tuple[ReviewSession | None, str]]) -> None:
        """Take the session once it is open. A screen left meanwhile cancels this worker, and
        the session opened late is dropped."""
        self._opened(*await opening)

    @property
    def _stage(self) -> str:
        """What the opening waits for now, as the waiting line says it: the engine, or the tag
        database, and there another process's lock or a slow disk where the store can tell."""
        if not self._tags_next:
            return "finding the statements"
        held, where = self.store.lock_held_elsewhere(), self.store.location
        if held is None:
            return f"waiting for the tag database {where} (another window or command may be writing, or the " \
                   "server is slow)"
        if held:
            return f"waiting for the tag database: another window or command is writing to it ({where})"
        return f"waiting for the tag database: no other writer holds it, it is slow to answer ({where})"

    def _show_waiting(self) -> None:
        """The one line the list shows while the session is not open yet."""
        if self.session is None and self._load_error is None:
            self.listing.empty_message = f"{self._stage[:1].upper()}{self._stage[1:]}…"
            self.listing.refresh()
            self.query_one(TopBar).show_progress(Text("waiting…", style="dim"))

    def _chosen(self) -> tuple[ReviewSession, str] | None:
        """The session and the selected statement, or None, having said why (not open yet,
        nothing selected): what a key that changes one statement acts on."""
        if self._unopened():
            return None
        session, sid = self.session, self.selected_id
        if session is None or sid is None:
            self.notify("No statement is selected.", severity="warning", markup=False)
            return None
        return session, sid

    def _unopened(self) -> bool:
        """True, having said why, while the session is not open: a key that acts on the
        statements changes nothing until they are listed."""
        if self.session is not None:
            return False
        if self._load_error is None:
            self.notify(f"Still {self._stage}: nothing was changed.", severity="warning", markup=False, timeout=4)
        else:
            self.notify("The tags could not be opened, so nothing can be changed here.", severity="warning",
                        markup=False)
        return True

    def _try_open(self) -> tuple[ReviewSession | None, str]:
        """(the session, "") or (None, what went wrong as a sentence)."""
        try:
            return self._open_here(), ""
        except ReaderError as e:
            return None, str(e)
        except Exception as e:  # the engine or the store failed unexpectedly: say so, keep the text readable
            return None, f"unexpected {type(e).__name__}: {e}"

    def _opened(self, session: ReviewSession | None, problem: str) -> None:
        if not self.is_attached:  # the app is quitting, or the screen was left meanwhile
            return
        if self._waiting is not None:
            self._waiting.stop()
        if session is None:
            self._open_failed(problem)
        else:
            self._session_ready(session)

    def _open_here(self) -> ReviewSession:
        statements = self._statements
        if statements is None:
            if self._extractor is not None:
                statements = self._extractor(self.article.text, self.config)
            else:
                from reader.attribution import extract

                statements = extract(self.article.text, self.config)
        self._tags_next = True
        return ReviewSession.open(self.article, self.config, self.store, statements)

    def _open_failed(self, problem: str) -> None:
        self._load_error = problem
        self.listing.empty_message = "Tags are unavailable: " + problem
        self.listing.set_rows([], None)
        self.query_one(TopBar).show_progress(Text("tags unavailable", style="bold red"))
        self.notify(problem, title="Could not open the tags", severity="error", timeout=15, markup=False)
        self.reader_app.announce_ready()

    def _session_ready(self, session: ReviewSession) -> None:
        self.session = session
        self.listing.empty_message = "No statements found. Mark text in the article (a) to add one."
        self._redraw(session.start())
        moved, orphaned = session.reanchored.moved, session.reanchored.orphaned
        decisions = len(session.orphaned_resolutions())
        if moved or orphaned or session.orphans or decisions:
            words = []
            if moved:
                words.append(f"{len(moved)} tag{'s' if len(moved) != 1 else ''} moved to this version of the text")
            lost = len(orphaned) or len(session.orphans)
            if lost:
                words.append(f"{lost} tag{'s' if lost != 1 else ''} no longer match a statement (kept; "
                             "see `reader export`)")
            if decisions:
                words.append(f"{decisions} resolution{'s' if decisions != 1 else ''} of statements no longer in "
                             f"the text (kept; {self.key_display('take_back_orphaned')} takes one back)")
            self.notify("; ".join(words) + ".", title="The article changed since you tagged it",
                        severity="warning", timeout=10, markup=False)
        self.call_after_refresh(self.reader_app.announce_ready)

    # --- drawing ---------------------------------------------------------------------------

    def _row(self, statement: Statement, unsaved: set[str]) -> Row:
        session = self.session
        assert session is not None
        tag = session.tag(statement.id)
        return Row(statement.id, session.number(statement.id), statement.speaker, statement.text,
                   tag.category if tag else None, statement.suggested_source,
                   session.dismissed(statement.id), statement.id in unsaved, session.differ(statement.id))

    def _redraw(self, select: str | None = None, *, keep_index: int | None = None) -> None:
        """Rebuild the list, the article's highlights and the panels from the session."""
        session = self.session
        if session is None:
            return
        unsaved = session.saver.unsaved_ids()
        visible = session.visible()
        rows = [self._row(s, unsaved) for s in visible]
        ids = [r.id for r in rows]
        if select not in ids:
            if keep_index is not None and rows:
                select = ids[min(keep_index, len(ids) - 1)]
            else:
                select = self.selected_id if self.selected_id in ids else (ids[0] if ids else None)
        if not rows:
            label = session.filter.label
            self.listing.empty_message = (f"No statements match the filter “{label}” (f to change it)."
                                       if label != "all" else
                                       "No statements found. Mark text in the article (a) to add one.")
        self.listing.set_rows(rows, select)
        marks = []
        for s in session.statements:
            tag = session.tag(s.id)
            marks.append(Mark(s.id, s.start, s.end, tag.category if tag else None, session.dismissed(s.id)))
        self.view.set_marks(marks)
        self._select(select)
        self._update_progress()

    def _update_progress(self) -> None:
        session = self.session
        if session is None:
            return
        tagged, total = session.progress()
        self.query_one(KeyBar).recheck()  # a filter's own keys
        self.query_one(TopBar).show_progress(
            progress_text(tagged, total, session.filter.label, session.saver.unsaved, session.saver.error is not None,
                          self.place))

    def _select(self, sid: str | None, *, scroll_article: bool = True) -> None:
        session = self.session
        self.selected_id = sid
        detail = self.query_one("#detail", Panel)
        if session is None or sid is None:
            self.view.select(None)
            detail.show(Text())
            return
        ids = [r.id for r in self.listing.rows]
        if sid in ids and self.listing.cursor != ids.index(sid):
            self.listing.move_cursor(ids.index(sid))
        statement = session.statement(sid)
        span = session.speaker_span(statement)
        self.view.select(Selected(statement.start, statement.end, *(span or (None, None))), scroll=scroll_article)
        detail.show(detail_text(session.number(sid), statement, wording_of(statement, self.article.text),
                                session.tag(sid), dismissed=session.dismissed(sid),
                                added=session.added(sid), speaker_edited=session.speaker_edited(sid),
                                revised=session.revised(sid),
                                colours=self.colours, unsaved=sid in session.saver.unsaved_ids(),
                                others=session.others(sid), resolution=session.resolution(sid)))

    # --- actions: moving ---------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        if self.listing.cursor is None:
            return
        self.listing.move_cursor(self.listing.cursor + step)
        row = self.listing.current
        self._select(row.id if row else None)

    def action_first(self) -> None:
        self.action_move(-len(self.listing.rows))

    def action_last(self) -> None:
        self.action_move(len(self.listing.rows))

    def action_page(self, direction: int) -> None:
        if direction > 0:
            self.view.scroll_page_down(animate=False)
        else:
            self.view.scroll_page_up(animate=False)

    @on(StatementList.Clicked)
    @on(ArticleView.StatementClicked)
    def clicked(self, event: StatementList.Clicked | ArticleView.StatementClicked) -> None:
        session = self.session
        if session is None:
            return
        if event.statement_id not in {r.id for r in self.listing.rows}:  # hidden by the filter
            session.set_filter(Filter())
            self._redraw(event.statement_id)
            self.notify("Filter cleared to show that statement.", markup=False)
        self._select(event.statement_id, scroll_article=isinstance(event, StatementList.Clicked))

    # --- actions: theme, help ---------------------------------------------------------------

    def action_toggle_theme(self) -> None:
        self.app.theme = "textual-light" if self.app.current_theme.dark else "textual-dark"

    def action_help(self) -> None:
        from reader.tui.dialogs.help import HelpDialog
        from reader.tui.keymap import BUILT_IN

        self.app.push_screen(HelpDialog(self.specs, self.reader_app.keys_for, BUILT_IN))
