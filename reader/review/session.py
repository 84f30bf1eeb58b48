"""One article under review (see reader.review.base): opened from the store, tagged, notes
and grades, every change undoable, with the corrections of reader.review.corrections.

Plain Python: the review screen drives it, tests drive it without Textual."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from reader import grades
from reader.article import Article
from reader.attribution import Statement
from reader.config import Config
from reader.review.base import ALL, Filter, Refused, others_of
from reader.review.changes import BatchChange, Change, ResolutionChange, TagChange
from reader.review.corrections import Corrections
from reader.store import Resolution, Tag, make_anchor

if TYPE_CHECKING:
    from reader.store import TagStore

__all__ = ["ALL", "Filter", "Refused", "ReviewSession"]


class ReviewSession(Corrections):
    @classmethod
    def open(cls, article: Article, config: Config, store: TagStore, statements: list[Statement]
             ) -> ReviewSession:
        """Register the article with the store and read its tags and edits (disk I/O)."""
        record, reanchored = store.register(article, statements)
        state = store.article_state(article.id)  # tags, orphans and edits from one read
        return cls(article, config, store, statements, tags=state.tags_of(store.reviewer), edits=state.edits,
                   record=record, reanchored=reanchored, orphans=state.orphans,
                   others=others_of(state, store.reviewer), resolutions=dict(state.resolutions),
                   left_at=state.positions.get(store.reviewer))

    def _tag_change(self, sid: str, label: str, **fields: Any) -> Change:
        before = self.state.tags.get(sid)
        statement = self.statement(sid)
        stamp = self._now()
        if before is not None and replace(before, **fields) == before:
            raise Refused("Nothing changed.")
        if before is None:
            after = self._new_tag(statement, fields.pop("category"), stamp, **fields)
        else:
            after = replace(before, reviewer=self.reviewer, updated=stamp, **fields)
        return self._do(TagChange(self.article.id, sid, before, after, label))

    def _new_tag(self, statement: Statement, category: str, stamp: str, **fields: Any) -> Tag:
        return Tag(article_id=self.article.id, statement_id=statement.id, category=category,
                   anchor=make_anchor(self.article.text, statement.start, statement.end),
                   reviewer=self.reviewer, created=stamp, updated=stamp, **fields)

    def settle(self, sid: str, category: str | None) -> Change:
        """Settle the statement as an adjudicator (this reviewer), with `category` (None: take
        the resolution back); the reviewers' own tags are not touched. One undo step."""
        before = self.state.resolutions.get(sid)
        if category is None:
            if before is None:
                raise Refused("This statement has no resolution to take back.")
            return self._do(ResolutionChange(self.article.id, sid, before, None, "take the resolution back"))
        if self.config.category(category) is None:
            raise Refused(f"{category!r} is not a category of these settings.")
        if before is not None and before.category == category:
            raise Refused(f"Already settled as {category}.")
        statement = self.statement(sid)
        after = Resolution(self.article.id, sid, category, self.reviewer, self._now(),
                           make_anchor(self.article.text, statement.start, statement.end))
        return self._do(ResolutionChange(self.article.id, sid, before, after, f"settle as {category}"))

    def take_back_orphaned(self, old_id: str) -> Change:
        """Take back an adjudicator's decision whose statement left the text, by the old id it
        is kept under (as `reader resolve PATH OLD_ID --clear`). One undo step."""
        lost = {r.statement_id: r for r in self.orphaned_resolutions()}
        if old_id not in lost:
            raise Refused(f"No resolution of a statement no longer in the text is kept under {old_id}.")
        return self._do(ResolutionChange(self.article.id, old_id, lost[old_id], None,
                                         f"take back the orphaned resolution of {old_id}"))

    def set_category(self, sid: str, category: str) -> Change:
        if self.config.category(category) is None:
            raise Refused(f"{category!r} is not a category of these settings.")
        current = self.state.tags.get(sid)
        if current is not None and current.category == category:
            raise Refused(f"Already tagged {category}.")
        return self._tag_change(sid, f"tag {category}", category=category)

    def accept(self, sid: str) -> Change:
        """Tag an untagged statement with its suggestion; never replaces a tag."""
        current = self.state.tags.get(sid)
        if current is not None:
            raise Refused(f"Already tagged {current.category}: accepting a suggestion never replaces a tag "
                          "(a category key changes it).")
        suggestion = self.statement(sid).suggested_source
        if not suggestion:
            raise Refused("No suggestion for this statement: tag it with a category key.")
        return self.set_category(sid, suggestion)

    def sure_suggestions(self) -> list[Statement]:
        """The untagged, undismissed statements whose suggestion the engine is sure of."""
        return [st for st in self.statements
                if self.needs_tag(st.id) and st.suggested_source and st.confidence == "high"
                and self.config.category(st.suggested_source) is not None]

    def accept_all(self) -> Change:
        """Tag every statement with a high-confidence suggestion that nobody has tagged yet,
        as one change (one undo takes them all back)."""
        sure = self.sure_suggestions()
        if not sure:
            raise Refused("No untagged statement has a high-confidence suggestion.")
        stamp = self._now()
        changes = tuple(TagChange(self.article.id, st.id, None, self._new_tag(st, str(st.suggested_source), stamp),
                                  f"tag {st.suggested_source}") for st in sure)
        n = len(changes)
        return self._do(BatchChange(changes, f"accept {n} sure suggestion{'s' if n != 1 else ''}"))

    def clear(self, sid: str) -> Change:
        before = self.state.tags.get(sid)
        if before is None:
            raise Refused("This statement has no tag to clear.")
        return self._do(TagChange(self.article.id, sid, before, None, f"clear tag {before.category}"))

    def _require_tag(self, sid: str, what: str) -> Tag:
        tag = self.state.tags.get(sid)
        if tag is None:
            raise Refused(f"Tag this statement first: {what} belong to a tag.")
        return tag

    def set_note(self, sid: str, note: str | None) -> Change:
        self._require_tag(sid, "notes")
        note = (note or "").strip() or None
        return self._tag_change(sid, "note", note=note)

    def set_grades(self, sid: str, reliability: str | None, credibility: str | None) -> Change:
        self._require_tag(sid, "grades")
        try:
            reliability, credibility = grades.reliability(reliability), grades.credibility(credibility)
        except grades.GradeError as e:
            message = str(e)
            raise Refused(f"{message[:1].upper()}{message[1:]}.") from None
        return self._tag_change(sid, "grades", reliability=reliability, credibility=credibility)
