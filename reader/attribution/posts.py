"""Embedded social media posts: signature lines, platform cues and captions."""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from reader.attribution.candidates import Raw
from reader.attribution.cues import CueLexicon
from reader.attribution.lexicon import SOCIAL_PLATFORMS
from reader.attribution.mentions import Mention, build_mention
from reader.attribution.phrases import subject_after, subject_before
from reader.attribution.tokens import tokenize
from reader.attribution.structure import Paragraph, Quote

_SIGNATURE = re.compile(
    r"[—–-]{1,2}\s*(?P<name>[^()\n]{1,80}?)\s*\(\s*(?P<handle>@[\w.-]{1,60})\s*\)\s*(?P<date>[^\n]{0,40})")
_PLATFORM = "|".join(sorted(SOCIAL_PLATFORMS, key=len, reverse=True))
_ON_PLATFORM = re.compile(
    rf"\b(?:on|to|via)\s+(?:(?:its|his|her|their|the|a|an|official|personal|verified)\s+)*"
    rf"(?P<platform>{_PLATFORM})\b(?:\s+(?:channel|page|account|feed|group|post))?"
    rf"|\b(?P<platform2>{_PLATFORM})\s+(?:post|message|video|channel|page|account|story)\b"
    rf"|\b(?:a|an|its|his|her|their)\s+post\b",
    re.IGNORECASE)
_POSTING_VERBS = {"post": "posted", "tweet": "tweeted", "blog": "blogged", "retweet": "retweeted",
                  "repost": "reposted"}
_POSTER = re.compile(
    r"\b(?:posted|shared|uploaded|published|circulated)\b(?:\s+\w+){0,6}?\s+by\s+"
    r"|\b(?:posted|shared|uploaded|published)\s+(?:first\s+)?(?:in|on|to)\s+")


_SHARER = re.compile(r"(?:^|[.!?]\s+)(?:On\s+\w+,\s+)?(?P<subject>[^,.;:]{3,80}?)\s+"
                     r"(?:shared|posted|uploaded|published|wrote)\b")


# "… with the caption:", "Its caption reads": the quotation after it is the post's text
CAPTION = re.compile(r"\b(?:caption(?:ed)?|captioned|headlined|reads|read)\s*:?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Signature:
    name_start: int
    name_end: int
    handle: str


def signature(text: str, para: Paragraph) -> Signature | None:
    """`— Name (@handle) March 3, 2025`: the line that closes an embedded post."""
    m = _SIGNATURE.fullmatch(text, para.start, para.end)
    if m is None:
        return None
    return Signature(m.start("name"), m.end("name"), m.group("handle"))


def platform_reason(cue_region: str, lemma: str) -> str | None:
    """Why the words around a cue make the statement a social media post, if they do."""
    m = _ON_PLATFORM.search(cue_region[:120])
    if m:
        platform = m.group("platform") or m.group("platform2")
        words = " ".join(m.group().split())
        return f"'{words}' → social media post" if platform or "post" in words else None
    if lemma in _POSTING_VERBS:
        return f"'{_POSTING_VERBS[lemma]}' → social media post"
    return None


_LEADING = re.compile(
    rf"\s*(?:in|on|via)\s+(?:(?:a|an|the|its|his|her|their)\s+)?(?:[\w-]+\s+){{0,2}}?"
    rf"(?:(?P<platform>{_PLATFORM})|post|tweet|video)\b[^,]{{0,40}},", re.IGNORECASE)


def leading_platform(opening: str) -> str | None:
    """`In a Facebook post, the mayor said …`: a post named before the speaker."""
    m = _LEADING.match(opening)
    if m is None or not (m.group("platform") or re.search(r"\bpost|tweet", m.group(), re.I)):
        return None
    return f"'{' '.join(m.group().strip(' ,').split())}' → social media post"


def poster(text: str, lo: int, hi: int) -> Mention | None:
    """Who put a captioned video or photo online, read from the words before the caption."""
    region = text[lo:hi]
    best = None
    for m in _POSTER.finditer(region):
        best = m
    if best is not None:
        start = lo + best.end()
        stop = re.search(r"\s+(?:on|in|at|with|under|and|shows?|showing)\b|[.;:]", text[start:hi])
        end = start + stop.start() if stop else hi
        if "," in text[start:end] and not best.group().rstrip().endswith("by"):
            # "in a local Facebook group, Brookvale and around, with the caption"
            stop2 = re.search(r",\s+(?:with|under|and)\b|[.;:]", text[start:hi])
            end = start + stop2.start() if stop2 else end
            return subject_before(text, start, end + 1) if text[end:end + 1] == "," else \
                subject_after(text, start, end)
        return subject_after(text, start, end)
    # "On Weibo, a user in … shared a video … under the caption": the sentence's subject
    sharer = _SHARER.search(region)
    if sharer:
        return subject_before(text, lo + sharer.start("subject"), lo + sharer.end("subject"))
    return None


def reason_of(lexicon: CueLexicon, raw: Raw) -> str | None:
    """Why a candidate's words are a post; for a cue that reported nothing ("responded with a
    post on Telegram"), read from the words after it only when something asks."""
    if raw.post_reason or not raw.silent or not raw.cue:
        return raw.post_reason
    form = lexicon.form(raw.cue)
    return platform_reason(raw.context, form.lemma) if form is not None else None


def signature_post(text: str, paras: list[Paragraph], n: int, sig: Signature, raws: list[Raw]) -> Raw | None:
    """The post a signature line closes: the paragraph above it, unless that paragraph
    attributes its own words. Takes the statements found in the paragraph above out of `raws`."""
    if n == 0:
        return None
    prev = paras[n - 1]
    if text[prev.end - 1] == ":":
        return None
    above = list(itertools.takewhile(lambda r: r.start >= prev.start, reversed(raws)))
    if any(r.mention is not None and not r.mention.pronoun and r.cue_start is not None
           and prev.start <= r.mention.start < prev.end for r in above):
        return None  # the paragraph above attributes its own words: a signature left without its post
    del raws[len(raws) - len(above):]
    mention = build_mention(text, tokenize(text, sig.name_start, sig.name_end), [])
    if mention is None:
        mention = Mention(sig.name_start, sig.name_end, text[sig.name_start:sig.name_end], "",
                          name=text[sig.name_start:sig.name_end])
    return Raw(prev.start, prev.end, "post", "posted", None, None, mention,
               post_reason=f"signature line of a post by {sig.handle}")


def caption(text: str, para: Paragraph, q: Quote, lo: int) -> Raw | None:
    """`… with the caption: "…"` / `Its caption asks: “…”`: a post; who posted it is said nearby."""
    if not CAPTION.search(text[lo:q.open].rstrip()):
        return None
    return Raw(q.start, q.end, "post", "caption", None, None, poster(text, para.start, q.open),
               post_reason="caption of a social media post")
