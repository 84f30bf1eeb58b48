"""What `reader import` did (or, dry run, would do): counts, every conflict, every tag that
could not be placed, and the lines that say so for people."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from reader.safe_text import printable
from reader.exports.incoming import IncomingTag

if TYPE_CHECKING:
    from reader.store import Resolution, Tag


@dataclass(frozen=True)
class Conflict:
    title: str
    words: str
    mine: Tag
    theirs: Tag
    took: Literal["file", "store"]


@dataclass(frozen=True)
class ResolutionConflict:
    title: str
    words: str
    mine: Resolution
    theirs: Resolution
    took: Literal["file", "store"]


@dataclass
class ImportResult:
    name: str
    kind: str
    added: int = 0
    updated: int = 0
    identical: int = 0
    kept: int = 0  # same category, yours newer (or --keep-mine): yours kept
    conflicts: list[Conflict] = field(default_factory=list)
    resolutions: int = 0  # resolutions added or updated
    resolution_conflicts: list[ResolutionConflict] = field(default_factory=list)
    unplaced: list[tuple[str, IncomingTag]] = field(default_factory=list)  # (article title, tag)
    unplaced_resolutions: int = 0  # resolutions of statements this database does not have
    orphans: int = 0  # orphaned tags of the file kept as orphans here
    statements_added: int = 0
    dismissed: int = 0
    speakers: int = 0
    revised: int = 0
    articles_added: list[str] = field(default_factory=list)
    skipped_annotations: int = 0
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.orphans or self.statements_added or self.dismissed
                    or self.speakers or self.revised or self.articles_added or self.resolutions
                    or any(c.took == "file" for c in self.conflicts)
                    or any(c.took == "file" for c in self.resolution_conflicts))

    def lines(self) -> list[str]:
        """What the import did (or, dry run, would do), for people: a summary line, then every
        conflict and every tag that could not be placed."""
        verb = "would import" if self.dry_run else "imported"
        parts = [f"{self.added} added", f"{self.updated} updated", f"{self.identical} skipped as identical",
                 f"{len(self.conflicts)} in conflict"]
        extra = [(self.kept, "kept the database's (newer or --keep-mine)"), (len(self.unplaced), "not placed"),
                 (self.unplaced_resolutions, "resolutions of statements not found"),
                 (self.orphans, "kept as orphaned tags"),
                 (self.statements_added, "statements added"), (self.dismissed, "statements dismissed"),
                 (self.speakers, "speakers corrected"), (self.revised, "statements' words or kind edited"),
                 (self.resolutions, "resolutions added or updated"),
                 (len(self.resolution_conflicts), "resolutions in conflict"),
                 (len(self.articles_added), "articles added"),
                 (self.skipped_annotations, "annotations without a tag skipped")]
        parts += [f"{n} {label}" for n, label in extra if n]
        out = [f"{self.name}: {verb} {self.kind}: " + ", ".join(parts) + "."]
        take = "would take the file's" if self.dry_run else "took the file's"
        keep = "would keep the database's" if self.dry_run else "kept the database's"
        for c in self.conflicts:
            out.append(f"conflict: {_title(c.title)} {c.mine.statement_id} “{_excerpt(c.words)}”, {c.mine.reviewer}'s "
                       f"tag: database {c.mine.category} ({c.mine.updated or 'no date'}), file {c.theirs.category} "
                       f"({c.theirs.updated or 'no date'}) → {take if c.took == 'file' else keep}")
        for r in self.resolution_conflicts:
            out.append(f"conflict: {_title(r.title)} {r.mine.statement_id} “{_excerpt(r.words)}”, resolution: "
                       f"database {r.mine.category} ({r.mine.by}, {r.mine.at}), file {r.theirs.category} "
                       f"({r.theirs.by}, {r.theirs.at}) → {take if r.took == 'file' else keep}")
        for title, tag in self.unplaced:
            out.append(f"not placed: {_title(title)} {tag.where}: {tag.category} "
                       f"“{_excerpt(tag.exact or '')}” is not in the article's text")
        return [printable(line) for line in out]  # names and notes come from the file: data


def _title(title: str) -> str:
    return f"“{_excerpt(title, 60)}”" if title else "(untitled)"


def _excerpt(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
