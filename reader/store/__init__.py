"""The tag store: every tag saved at once, never lost, as fast at 100,000 tags as at 100.

Plain Python on TinyDB; no UI imports. The public API is what this module exports.

Layout of a database folder (`--db`, `READER_DB`, `storage.database` in config.yaml, or the
user data folder; created on the first write):

    index.json                 one record per article: path or URL, title, size, first seen,
                               last opened, statement count (small: rewritten on register only)
    articles/<article-id>.json that article's tags (one per statement and reviewer), the
                               adjudicators' resolutions, orphaned tags, the reviewers' edits
                               (added statements, corrected speakers, dismissals) and where
                               each reviewer left the article (the statement selected)
    texts/<article-id>.json    the article's text, written once (the id is its sha256)
    .lock                      the lock every writer holds across its read-modify-write

Naming a file instead (`--db cases/tags.json`, an existing file or a new name ending in
.json) makes that file the index, with the rest beside it in `cases/tags.json.d/`.

Why this layout: TinyDB rewrites its whole file on every write, so one file for everything
makes each tag cost as much as the whole history. Here a tag write reads and rewrites only its
own article's file (a few hundred tags at most), never the index or the text, so it costs the
same with 100 or 100,000 tags stored.

Guarantees:
- Atomic and durable: each file is written to a temporary file in the same folder, flushed,
  fsynced, renamed over the old one with `os.replace`, and the folder fsynced, before the call
  returns. A crash or SIGKILL leaves the old or the new file, whole.
- Batches (`put_tags`, for imports): one lock, each article's file written once, atomically;
  every temporary file is written before the first rename, so a failed write changes nothing
  and only a crash during the renames can leave some articles of a batch done and others not.
- Locked: writers hold a `filelock` lock on `.lock` across read-modify-write, so two windows
  or scripts never lose each other's updates. Documents are keyed by statement and article id
  (never TinyDB's counter) and each write builds a fresh TinyDB, so no cache outlives the lock.
- Versioned: every file carries `_meta.reader.schema`; older versions are migrated
  (`reader.store.schema.MIGRATIONS`, the original kept as `<file>.schema-vN.bak`), newer ones
  refused.
- Never overwritten when bad: a file that is not JSON, not a reader file, or of an unknown
  schema version raises ReaderError naming it, and is left exactly as it was.
- Never dropped: when an article's text changes (same path or URL, new id) or the engine's
  statements change, tags are re-found by statement id, then by their exact words with the
  text before and after, then by the same words written differently (spacing, punctuation,
  capitals, articles). A tag never moves to a statement with other words, however alike
  ("rose to 12 on Monday" is not "rose to 15 on Tuesday"): it is kept as an orphan and
  reported by `register()` and `orphans()`.

The desk's records and rules are the same on every backend (store/backend.py): one tag per
statement and reviewer and the resolutions (model.py), the outcome rules (outcome.py), the
merge rules (changes.py) and re-anchoring each reviewer's tags (registering.py, anchoring.py).
"""
from typing import TYPE_CHECKING, Any

from reader.store.model import (
    UNNAMED, UNSET, Anchor, ArticleRecord, ArticleState, Edits, Progress, Reanchored, Resolution, Revision,
    ReviewerStatement, Tag, make_anchor,
)
from reader.store.outcome import disputed, outcome
from reader.store.changes import ArticleChange, merged
from reader.store.records import (
    Tally, apply_edits, article_tally, numbers, orphaned_ids, orphaned_resolutions, statement_record, stored_ids,
    stored_tally, tagged_ids, tally,
)

if TYPE_CHECKING:
    from reader.store.anchoring import reanchor
    from reader.store.store import TagStore


def __getattr__(name: str) -> Any:
    # TagStore and reanchor bring in TinyDB, filelock and the anchoring code: imported on first
    # use, so code that only needs the records (the review screen until its first write) does
    # not pay for them at start-up.
    found: object
    if name == "TagStore":
        from reader.store.store import TagStore as found
    elif name == "reanchor":
        from reader.store.anchoring import reanchor as found
    else:
        raise AttributeError(f"module 'reader.store' has no attribute {name!r}")
    globals()[name] = found
    return found


__all__ = [
    "UNNAMED", "UNSET", "Anchor", "ArticleChange", "ArticleRecord", "ArticleState", "Edits", "Progress", "Reanchored",
    "Resolution", "Revision", "disputed", "outcome",
    "ReviewerStatement", "Tag", "TagStore", "Tally", "apply_edits", "make_anchor", "merged", "numbers", "reanchor",
    "article_tally", "orphaned_ids", "orphaned_resolutions", "statement_record", "stored_ids", "stored_tally",
    "tagged_ids",
    "tally",
]
