"""What the engine finds: attributed statements with exact offsets into the article."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Any, Literal

Kind = Literal["direct", "indirect", "mixed", "post"]
KINDS: tuple[Kind, ...] = ("direct", "indirect", "mixed", "post")


@dataclass(frozen=True, slots=True)
class Statement:
    """One attributed statement. `text == article_text[start:end]` always holds."""

    id: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    kind: Kind
    suggested_source: str | None
    reason: str | None
    cue_start: int | None = None
    cue_end: int | None = None
    entity: str | None = None  # the who's who id of the speaker ("e3"), shared by all its statements
    confidence: str | None = None  # "high" or "low": how strongly the evidence supports suggested_source

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def statement_id(text: str, occurrence: int = 1) -> str:
    """A stable id from the statement's own words, so it survives edits elsewhere in the
    article; a repeated statement gets its occurrence number appended."""
    digest = hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:10]
    return f"s{digest}" if occurrence == 1 else f"s{digest}-{occurrence}"
