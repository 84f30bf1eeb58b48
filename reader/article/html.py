"""Web pages to article text: the main text, headline, byline and date, via trafilatura.

trafilatura is the usual tool for news pages: it keeps the article body and drops menus,
related-link boxes, share bars, comment sections, tables and footers, and it reads the byline
and date from the page's markup or JSON-LD. reader prepares the page for it:
- `<q>` quotations get their quote marks written out (a browser draws them from CSS, and the
  attribution engine needs them);
- embedded social posts (an X/Twitter, Bluesky, Mastodon, Instagram, Threads or TikTok
  blockquote) are lifted out of the `<figure>`/embed wrappers that trafilatura discards with
  the page furniture, so a post quoted in the story stays in it, text then credit line;
- paragraphs that are mostly a link ("Read more: ...") are dropped;
and after it, the headline becomes the text's first line, as in a plain-text article (taken
from the <title> when the page has no <h1>). Paragraphs come one per line.

trafilatura takes about two seconds to import, so it is imported only when a page is read.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reader.article.decode import normalise_newlines
from reader.errors import ReaderError

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".xht", ".shtml"})

_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]", re.I | re.S)
_XML_ENCODING = re.compile(rb"\s*<\?xml[^>]*\bencoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']")
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
MIN_CHARS = 80  # less text than this is not an article
_PREFIX = 64 * 1024  # where a page's <meta charset> is looked for

# The blockquotes the social networks' embed codes write, with the post's text inside.
_SOCIAL_POST = re.compile(
    r"twitter-tweet|twitter-video|bluesky-embed|mastodon-embed|instagram-media|tiktok-embed"
    r"|text-post-media|threads-embed|fb-xfbml-parse-ignore|reddit-embed", re.I)
_WRAPPERS = frozenset({"figure", "div", "section", "span", "aside", "p", "center"})
_TITLE_SEPARATOR = re.compile(r"\s+[|\-\u2013\u2014:\u00bb\u00b7/]+\s+")
_TEASER_MAX = 200  # characters: a teaser line, not a paragraph
_TEASER_LINK_SHARE = 0.6
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "figcaption", "button"})


@dataclass(frozen=True)
class Page:
    """What a web page gives: the article text (headline first), the headline, and what the
    page says about itself (byline, date, url, site), each only when known."""

    text: str
    title: str
    meta: dict[str, str] = field(default_factory=dict)


def looks_like_html(data: bytes) -> bool:
    """Whether bytes are an HTML document (for input with no name or type to go by)."""
    return bool(_HTML_START.match(data[:4096].removeprefix(codecs.BOM_UTF8)))


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares: an XML declaration, `<meta charset>`, or
    `<meta http-equiv="Content-Type" content="...; charset=...">`."""
    head = data[:_PREFIX]
    match = _XML_ENCODING.match(head)
    if match:
        return match.group(1).decode("ascii")
    import email.message

    from lxml import etree, html  # a real HTML parser reads the tags (trafilatura's own dependency)

    try:
        tree = html.document_fromstring(head.decode("latin-1"))
    except (etree.ParserError, ValueError):
        return None
    for meta in tree.iter("meta"):
        if charset := meta.get("charset"):
            return charset.strip()
        content = meta.get("content")
        if (meta.get("http-equiv") or "").strip().lower() == "content-type" and content:
            header = email.message.Message()
            header["content-type"] = content
            charset = header.get_content_charset()
            if charset:
                return charset
    return None


# A start tag with more attributes than this is not a news page's: the parser checks each new
# attribute against the others (100,000 of them took minutes), so such a tag loses its attributes.
MAX_ATTRIBUTES = 500
_START_TAG = re.compile(r"""<([A-Za-z][\w:-]*)((?:[^<>"']++|"[^"]*+"|'[^']*+')*+)>""")
_QUOTED = re.compile(r""""[^"]*"|'[^']*'""")


def _fewer_attributes(markup: str) -> str:
    def tamed(tag: re.Match[str]) -> str:
        inside = tag.group(2)
        if len(inside) > 4 * MAX_ATTRIBUTES and len(_QUOTED.sub(" ", inside).split()) > MAX_ATTRIBUTES:
            return f"<{tag.group(1)}>"
        return tag.group(0)

    return _START_TAG.sub(tamed, markup)


def extract_page(markup: str, name: str, url: str | None = None) -> Page:
    """The article in a decoded web page. `name` is for messages, `url` the page's address
    when it was downloaded. Raises ReaderError when the page holds no article text."""
    import trafilatura

    markup = _fewer_attributes(_XML_DECLARATION.sub("", markup, count=1))
    tree = trafilatura.load_html(markup)
    if tree is None:  # a fragment with no <html>: trafilatura wants a whole document
        tree = trafilatura.load_html(f"<html><body>{markup}</body></html>")
    if tree is None:
        raise ReaderError(f"{name}: is not a web page reader can read.")
    _write_out_inline_quotes(tree)
    _lift_social_posts(tree)
    _drop_link_teasers(tree)
    headings = _title_tag_headings(tree)
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False,
        # the date must come from the page's markup or address, not from a date in the story
        date_extraction_params={"original_date": True, "extensive_search": False,
                                "max_date": date.today().isoformat()},
    )
    lines = normalise_newlines(_field(doc, "text")).split("\n")
    body = "\n".join(line.rstrip() for line in lines).strip("\n")
    if len(body) < MIN_CHARS:  # a menu, or a page whose text a script writes, is not an article
        raise ReaderError(f"{name}: no article text found in the page (a page that writes its text "
                          "with JavaScript, or a login page, looks like this).")
    title = _one_line(_field(doc, "title"))
    title, text = _with_headline(headings.get(_fold(title), title), body)
    meta = {"byline": _one_line(_field(doc, "author")), "date": _field(doc, "date"),
            "url": _field(doc, "url"), "site": _one_line(_field(doc, "sitename"))}
    return Page(text + "\n", title, {k: v for k, v in meta.items() if v})


def _field(doc: Any, name: str) -> str:
    value = getattr(doc, name, None) if doc is not None else None
    return value if isinstance(value, str) else ""


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _with_headline(title: str, body: str) -> tuple[str, str]:
    """Start the text with the headline, as a plain-text article does. When the body already
    opens with the page's visible headline (the <h1>, often without the " | Site" suffix the
    <title> carries), that line is the title; otherwise the title becomes the first line."""
    first = body.split("\n", 1)[0].strip()
    if not title:
        return first, body
    a, b = _fold(first), _fold(title)
    if a and (a == b or ((a in b or b in a) and min(len(a), len(b)) >= 0.6 * max(len(a), len(b)))):
        return first, body
    return title, f"{title}\n{body}"


def _title_tag_headings(tree: Any) -> dict[str, str]:
    """Headlines trafilatura may miss on pages with no <h1>: when the <title> is "Site - Headline"
    and "Headline" is also a heading on the page, map each other part of the <title> (the
    one trafilatura may take for the title) to that heading."""
    element = tree.find(".//head//title")
    parts = _TITLE_SEPARATOR.split(_one_line(element.text_content())) if element is not None else []
    if len(parts) < 2:
        return {}
    headings = {_fold(_visible_text(h)): _visible_text(h) for h in tree.iter("h1", "h2", "h3")}
    headline = next((headings[_fold(p)] for p in parts if _fold(p) in headings), None)
    if headline is None:
        return {}
    return {_fold(p): headline for p in parts if _fold(p) != _fold(headline)}


def _drop_link_teasers(tree: Any) -> None:
    """Paragraphs that are mostly a link ("Read more: <a>Other story</a>", "<< Back to news")
    point elsewhere; trafilatura keeps them when they sit in the body."""
    for p in list(tree.iter("p")):
        text = _visible_text(p)
        if not text or len(text) > _TEASER_MAX or any(
                _SOCIAL_POST.search(a.get("class") or "") for a in p.iterancestors("blockquote")):
            continue
        linked = sum(len(_visible_text(a)) for a in p.iter("a"))
        if linked >= _TEASER_LINK_SHARE * len(text) and p.getparent() is not None:
            p.drop_tree()


def _write_out_inline_quotes(tree: Any) -> None:
    """`<q>said this</q>` becomes “said this” (‘…’ inside another quotation)."""
    quotes = list(tree.iter("q"))
    for q in quotes:
        opening, closing = ("‘", "’") if sum(1 for _ in q.iterancestors("q")) % 2 else ("“", "”")
        q.text = opening + (q.text or "")
        if len(q):
            q[-1].tail = (q[-1].tail or "") + closing
        else:
            q.text += closing
    for q in reversed(quotes):
        q.drop_tag()


def _lift_social_posts(tree: Any) -> None:
    """Put each embedded post's blockquote in the place of the wrappers that hold nothing else."""
    for post in list(tree.iter("blockquote")):
        if not _SOCIAL_POST.search(post.get("class") or ""):
            continue
        words = _visible_text(post)
        outer = None
        parent = post.getparent()
        while (parent is not None and parent.tag in _WRAPPERS and parent.getparent() is not None
               and _visible_text(parent) == words):
            outer, parent = parent, parent.getparent()
        if outer is not None:
            tail = outer.tail
            outer.getparent().replace(outer, post)
            post.tail = tail


def _visible_text(element: Any) -> str:
    parts: list[str] = []

    def walk(node: Any) -> None:
        if not isinstance(node.tag, str) or node.tag in _INVISIBLE:
            return
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")

    walk(element)
    return " ".join("".join(parts).split())


MHTML_SUFFIXES = frozenset({".mhtml", ".mht"})


@dataclass(frozen=True)
class Archived:
    """The page inside a single-file web archive (.mhtml, as browsers save "single file")."""

    markup: bytes
    charset: str | None
    url: str | None


def unpack_mhtml(data: bytes, name: str) -> Archived:
    """The main HTML document of an MHTML archive (a MIME message; read with the email package)."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() in ("text/html", "application/xhtml+xml"):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                url = message.get("Snapshot-Content-Location") or part.get("Content-Location")
                return Archived(payload, part.get_content_charset(), str(url) if url else None)
    raise ReaderError(f"{name}: holds no web page (not an MHTML archive, or an empty one).")
