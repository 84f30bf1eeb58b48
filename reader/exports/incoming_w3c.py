"""Reading a W3C Web Annotation collection (or page, or list of annotations) for an import:
each annotation a reviewer's tag (motivation "tagging"), an adjudicator's resolution
("assessing") or, from reader, a reviewer's edits of a statement nobody tagged ("editing"), with
reader's own terms (reader.exports.w3c) where the file has them: the statement's edits in a
target (added, dismissed, its speaker corrected) become the article's, as json's flags do;
checked with reader.exports.incoming's field checks, every problem naming the annotation."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from reader import grades
from reader.attribution import KINDS
from reader.attribution import Kind as StatementKind
from reader.config import Config
from reader.exports import w3c
from reader.exports.incoming import (_HEX64, IncomingArticle, IncomingEdit, IncomingFile, IncomingPlace,
                                     IncomingResolution, IncomingTag, _category, _int, _Problem, _shown, _statement,
                                     _str, _time, _types)

Placed = IncomingTag | IncomingResolution | IncomingEdit  # what an annotation of reader's may be
Key = tuple[str | None, str | None]  # an article: its id, else its source


def _annotations(doc: Any) -> list[Any]:
    if isinstance(doc, list):
        return doc
    types = _types(doc)
    if "Annotation" in types:
        return [doc]
    if "AnnotationPage" in types:
        return _page_items(doc, "the annotation page")
    out: list[Any] = []
    if isinstance(doc.get("items"), list):
        out += doc["items"]
    page = doc.get("first")
    seen = 0
    while page is not None:
        if isinstance(page, str):
            raise _Problem("", "the collection's pages are given by address only; reader imports "
                               "collections whose pages are included in the file")
        if not isinstance(page, dict):
            raise _Problem("", "the collection's \"first\" page must be an object")
        seen += 1
        out += _page_items(page, f"page {seen}")
        page = page.get("next")
    return out


def _page_items(page: dict[str, Any], where: str) -> list[Any]:
    items = page.get("items", [])
    if not isinstance(items, list):
        raise _Problem(where, "items must be a list of annotations")
    return items


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _purposes(body: dict[str, Any]) -> set[str]:
    return {p for p in _as_list(body.get("purpose")) if isinstance(p, str)}


def _creator(value: Any, where: str) -> str:
    for agent in _as_list(value):
        if isinstance(agent, str):
            return agent
        if isinstance(agent, dict):
            for key in ("name", "nickname", "id"):
                if isinstance(name := agent.get(key), str):
                    return name
    if value is not None and not isinstance(value, (str, dict, list)):
        raise _Problem(where, f"creator must be an agent, got {_shown(value)}")
    return ""


def w3c_file(doc: Any, config: Config) -> IncomingFile:
    articles: dict[Key, IncomingArticle] = {}
    skipped = 0
    for n, raw in enumerate(_annotations(doc), 1):
        where = f"annotation {n}"
        if not isinstance(raw, dict) or "Annotation" not in _types(raw):
            raise _Problem(where, "is not an Annotation (its \"type\" must be \"Annotation\")")
        parsed = _w3c_annotation(raw, where, config)
        if parsed is None:
            skipped += 1
            continue
        key, placed, target = parsed
        article = articles.get(key)
        if article is None:
            article = articles[key] = IncomingArticle(where, key[0], source=key[1])
        if isinstance(placed, IncomingResolution):
            article.resolutions.append(placed)
        elif isinstance(placed, IncomingTag):
            article.tags.append(placed)
        else:
            article.edited.append(placed)
        if placed.statement_id is not None and not placed.orphan:
            _statement_edits(article, placed, target, where)
    return IncomingFile("w3c", list(articles.values()), skipped)


def _statement_edits(article: IncomingArticle, placed: IncomingPlace, target: _Target, where: str) -> None:
    """The edits of the statement an annotation of reader's names, as the article's (once each,
    as json's flags give them: every annotation of the statement carries them)."""
    sid = placed.statement_id
    assert sid is not None
    if target.added is not None and all(s.id != sid for s in article.added):
        if placed.exact is None or placed.start is None:
            raise _Problem(where, f"{w3c.ADDED}: a statement a reviewer added needs both its "
                                  "TextQuoteSelector and its TextPositionSelector")
        record = {"id": sid, "start": placed.start, "end": placed.end, "text": placed.exact, **target.added}
        if target.kind is not None:
            record["kind"] = target.kind
        article.added.append(_statement(record, where))
        if target.number is not None:
            article.added_numbers[sid] = target.number
    if target.dismissed and sid not in article.dismissed:
        article.dismissed.append(sid)
    if target.speaker is not None and target.added is None:
        article.speakers[sid] = target.speaker


def _w3c_annotation(raw: dict[str, Any], where: str, config: Config) -> tuple[Key, Placed, _Target] | None:
    """A reviewer's tag (motivation "tagging"), or an adjudicator's resolution (motivation
    "assessing", its category a "tagging" body), or reader's annotation of an untagged
    statement a reviewer edited ("editing"), with its target; None for an annotation that is
    none of these."""
    bodies = [b for b in _as_list(raw.get("body")) if isinstance(b, dict)]
    motivations = {m for m in _as_list(raw.get("motivation")) if isinstance(m, str)}
    categories: list[str] = []
    notes: list[str] = []
    reliability = credibility = None
    for body in bodies:
        value = body.get("value")
        purposes = _purposes(body) or motivations
        if "tagging" in purposes:
            categories.append(_category(value, where, config))
        elif "commenting" in purposes and isinstance(value, str) and value.strip():
            notes.append(value)
        elif "assessing" in purposes and isinstance(value, str):
            try:
                reliability, credibility = grades.parse_notation(value)
            except grades.GradeError as e:
                raise _Problem(where, f"the assessing body: {e}") from None
    if isinstance(raw.get("bodyValue"), str) and raw["bodyValue"].strip():
        notes.append(raw["bodyValue"])
    ids = w3c.parse_annotation_id(raw.get("id"))
    if not categories and ("editing" not in motivations or ids is None):
        return None  # a highlight or another tool's comment: not a tag
    if len(set(categories)) > 1:
        raise _Problem(where, f"has more than one category ({', '.join(sorted(set(categories)))})")
    target = _target(raw.get("target"), where)
    source = target.source
    article_id = ids[0] if ids else None
    if article_id is None and source and source.startswith(w3c.SHA_PREFIX):
        article_id = source[len(w3c.SHA_PREFIX):].lower()
        if not _HEX64.fullmatch(article_id):
            raise _Problem(where, f"the target source {_shown(source)} is not a sha256 article id")
    start, end, orphan = target.start, target.end, False
    was = _reader_term(raw, w3c.ORPHANED_FROM)
    if was is not None:  # an orphan: the words were there in the text it was tagged on
        if not isinstance(was, dict) or "TextPositionSelector" not in _types(was):
            raise _Problem(where, f"{w3c.ORPHANED_FROM} must be a TextPositionSelector")
        (start, end), orphan = _position(was, where, w3c.ORPHANED_FROM), True
    anchor = (ids[1] if ids else None, target.exact, target.prefix, target.suffix, start, end)
    key = (article_id, None if article_id else source)
    if not categories:
        return key, IncomingEdit(where, *anchor, kind=target.kind), target
    created = _time(raw.get("created"), where, "created")
    modified = _time(raw.get("modified"), where, "modified") or created
    creator = _creator(raw.get("creator"), where)
    if "assessing" in motivations and "tagging" not in motivations:
        return key, IncomingResolution(where, *anchor, categories[0], creator, modified, orphan=orphan,
                                       kind=target.kind), target
    return key, IncomingTag(where, *anchor, categories[0], "\n\n".join(notes) or None, reliability, credibility,
                            creator, created, modified, orphan=orphan, kind=target.kind), target


def _reader_term(node: dict[str, Any], term: str) -> Any:
    """The value of one of reader's own terms (`reader:kind`), compact or as its full IRI."""
    found = node.get(term)
    return node.get(w3c.NAMESPACE + term.split(":", 1)[1]) if found is None else found


def _position(selector: dict[str, Any], where: str, what: str) -> tuple[int, int]:
    start, end = _int(selector.get("start"), where, f"{what}.start"), _int(selector.get("end"), where, f"{what}.end")
    if end < start:
        raise _Problem(where, f"{what} ends ({end}) before it starts ({start})")
    return start, end


@dataclass(frozen=True)
class _Target:
    """Where an annotation points: the article (its source) and the statement's selectors."""

    source: str | None
    exact: str | None  # TextQuoteSelector: the words, and the text around them
    prefix: str
    suffix: str
    start: int | None  # TextPositionSelector: offsets into the article's text
    end: int | None
    kind: StatementKind | None  # reader:kind, the statement's kind as a reviewer set it
    dismissed: bool = False  # reader:dismissed
    speaker: str | None = None  # reader:speaker: a reviewer's correction, or an added statement's speaker
    added: dict[str, Any] | None = None  # reader:added: the added statement's other fields, as json names them
    number: int | None = None  # reader:number: an added statement's


def _target(value: Any, where: str) -> _Target:
    targets = [t for t in _as_list(value) if isinstance(t, dict)]
    if not targets:
        raise _Problem(where, "has no target with selectors, so it cannot be placed in an article")
    target = targets[0]
    source = _str(target.get("source"), where, "the target source", optional=True)
    exact: str | None = None
    prefix = suffix = ""
    start = end = None
    for selector in _as_list(target.get("selector")):
        if not isinstance(selector, dict):
            continue
        types = _types(selector)
        if "TextQuoteSelector" in types:
            exact = _str(selector.get("exact"), where, "TextQuoteSelector.exact")
            prefix = _str(selector.get("prefix", ""), where, "TextQuoteSelector.prefix") or ""
            suffix = _str(selector.get("suffix", ""), where, "TextQuoteSelector.suffix") or ""
        elif "TextPositionSelector" in types:
            start, end = _position(selector, where, "TextPositionSelector")
    if exact is None and start is None:
        raise _Problem(where, "has neither a TextQuoteSelector nor a TextPositionSelector")
    if exact == "":
        raise _Problem(where, "TextQuoteSelector.exact is empty")
    given = _reader_term(target, w3c.KIND)
    kind = next((k for k in KINDS if k == given), None)
    if given is not None and kind is None:
        raise _Problem(where, f"{w3c.KIND} must be one of {', '.join(KINDS)}, got {_shown(given)}")
    flags = {term: _reader_term(target, term) for term in (w3c.DISMISSED, w3c.ADDED)}
    for term, value in flags.items():
        if value is not None and not isinstance(value, bool):
            raise _Problem(where, f"{term} must be true or false, got {_shown(value)}")
    speaker = _str(_reader_term(target, w3c.SPEAKER), where, w3c.SPEAKER, optional=True)
    added: dict[str, Any] | None = None
    if flags[w3c.ADDED]:
        added = {name: _str(_reader_term(target, term), where, term, optional=True)
                 for name, term in w3c.ADDED_TEXTS.items()}
        for name, term in w3c.ADDED_SPANS.items():
            span = _reader_term(target, term)
            if span is not None and (not isinstance(span, dict) or "TextPositionSelector" not in _types(span)):
                raise _Problem(where, f"{term} must be a TextPositionSelector")
            added[f"{name}_start"], added[f"{name}_end"] = _position(span, where, term) if span else (None, None)
    number = _reader_term(target, w3c.NUMBER)
    return _Target(source, exact, prefix, suffix, start, end, kind, bool(flags[w3c.DISMISSED]), speaker, added,
                   None if number is None else _int(number, where, w3c.NUMBER))


def source_path(source: str) -> str:
    """A target source as the store records an article's path: a file: URI as its path."""
    if source.lower().startswith("file://"):
        return unquote(urlsplit(source).path)
    return source

