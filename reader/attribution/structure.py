"""The article's shape: paragraphs, quotations (also those running over several paragraphs)
and sentences that never break inside a quotation. All offsets index the whole article."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from reader.attribution.lexicon import ABBREVIATIONS

OPENERS = "“„«"
CLOSERS = "”»"
_MARKS = re.compile(r"''|[\"“”„«»]")  # '' is how some newspapers' archives type a double quote
_SPACE_BEFORE = frozenset(" \t\n([{—–-/\u00a0")
_AFTER_CLOSE = frozenset(" \t\n,.;:!?)]}—–-\u00a0…")


@dataclass(slots=True)
class Quote:
    open: int  # index of the opening mark
    close: int  # index of the closing mark, or the paragraph's end when the quote runs on
    continues: bool = False  # runs on into the next paragraph
    continued: bool = False  # carries on a quote opened in an earlier paragraph
    open_width: int = 1  # 2 for the typewriter style '' (two apostrophes)
    close_width: int = 1

    @property
    def start(self) -> int:
        return self.open + self.open_width

    @property
    def after(self) -> int:
        """The first index past the closing mark."""
        return self.close + self.close_width

    @property
    def end(self) -> int:
        return self.close


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    quotes: list[Quote] = field(default_factory=list)


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int
    quotes: list[Quote] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)


_LINE = re.compile(r"[^\n]+")


def paragraphs(text: str, lo: int = 0, hi: int | None = None) -> list[Paragraph]:
    """Paragraphs of text[lo:hi], trimmed of surrounding white space: its lines, or, in text
    hard-wrapped at a fixed width (paragraphs set apart by blank lines, sentences running on
    over line breaks), its blocks of lines."""
    hi = len(text) if hi is None else hi
    pattern = _BLOCK if _hard_wrapped(text, lo, hi) else _LINE
    out = []
    for m in pattern.finditer(text, lo, hi):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append(Paragraph(start, end))
    return out


_BLOCK = re.compile(r"[^\n]+(?:\n[ \t]*[^\s][^\n]*)*")  # lines up to a blank one
_RUN_ON = re.compile(r"[\w,;(–—-][ \t]*\n[ \t]*[\w(‘'–—-]")  # a line opening a quotation starts anew


def _hard_wrapped(text: str, lo: int, hi: int) -> bool:
    """Most line breaks fall inside sentences (a word or a comma before, a word after), and
    blank lines separate the paragraphs."""
    sample_end = min(hi, lo + 20_000)
    breaks = text.count("\n", lo, sample_end)
    if breaks < 4 or "\n\n" not in text[lo:sample_end]:
        return False
    return len(_RUN_ON.findall(text, lo, sample_end)) >= 0.3 * breaks


def _is_opener(text: str, i: int, start: int) -> bool:
    return i == start or text[i - 1] in _SPACE_BEFORE


def _is_closer(text: str, i: int, end: int) -> bool:
    return i + 1 >= end or text[i + 1] in _AFTER_CLOSE or text[i + 1] in "”’'\""


_SINGLE = re.compile(r"[‘’']")
_STRONG_BEFORE_CLOSE = frozenset(",.!?…—-")


def _single_quotes(text: str, para: Paragraph, carried: bool) -> tuple[list[Quote], int | None, bool]:
    """British style: 'It was terrifying,' she said. Used in paragraphs with no double marks.
    A mark inside a word (didn’t, Norland’s) is an apostrophe; so is one after an s that a
    lower-case word follows (the boys’ school)."""
    quotes: list[Quote] = []
    open_at: int | None = None
    open_continued = False
    for m in _SINGLE.finditer(text, para.start, para.end):
        i, ch = m.start(), m.group()
        before = text[i - 1] if i > para.start else " "
        after = text[i + 1] if i + 1 < para.end else " "
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe
        if open_at is None:
            if ch != "’" and (i == para.start or before in _SPACE_BEFORE) and (after.isalpha() or after in "“\""):
                open_at, open_continued = i, carried and not quotes and i == para.start
            continue
        if ch == "‘" or before.isspace():
            continue
        strong = before in _STRONG_BEFORE_CLOSE or after in ",.;:!?)—…" or i + 1 >= para.end
        possessive = before == "s" and after == " " and text[i + 2:i + 3].islower()
        if strong or (after.isspace() and not possessive):
            quotes.append(Quote(open_at, i, continued=open_continued))
            open_at = None
    return quotes, open_at, open_continued


def _single_outside(text: str, para: Paragraph) -> bool:
    """British style with a quotation inside a quotation: ‘… my wife said, “Get out.” …’ —
    the single marks are the outer ones when a single-quoted passage holds every double mark."""
    if "‘" not in text[para.start:para.end] and "'" not in text[para.start:para.end]:
        return False
    singles, _, _ = _single_quotes(text, para, False)
    if not singles:
        return False
    opens = [q.open for q in singles]
    for m in _MARKS.finditer(text, para.start, para.end):
        k = bisect_left(opens, m.start()) - 1  # the single-quoted passage opened before this mark
        if k < 0 or m.start() >= singles[k].close:
            return False
    return True


def _double_quotes(text: str, para: Paragraph, carried: bool) -> tuple[list[Quote], int | None, bool, int]:
    """Curly, straight, low and angle double marks, and the '' of some newspapers' archives.
    Returns the quotations closed, and where an unclosed one opened (with its flags)."""
    quotes: list[Quote] = []
    open_at: int | None = None
    open_continued = False
    open_width = 1
    for m in _MARKS.finditer(text, para.start, para.end):
        i, ch = m.start(), m.group()
        width = len(ch)
        if ch in OPENERS and open_at is not None and _is_closer(text, i, para.end) and not _is_opener(text, i, para.start):
            quotes.append(Quote(open_at, i, continued=open_continued, open_width=open_width))  # “…“: a typo
            open_at = None
        elif ch in OPENERS:
            open_at, open_width, open_continued = i, 1, carried and not quotes and i == para.start
        elif ch in CLOSERS:
            if open_at is not None:
                quotes.append(Quote(open_at, i, continued=open_continued, open_width=open_width))
                open_at = None
        else:  # a straight mark: its neighbours say which way it faces
            if text[i - 1: i].isdigit() and not _is_opener(text, i, para.start):
                continue  # inches, seconds: 5" screen
            end = i + width - 1  # the mark's last character
            if open_at is None:
                if _is_opener(text, i, para.start) or not _is_closer(text, end, para.end):
                    open_at, open_width, open_continued = i, width, carried and not quotes and i == para.start
            elif _is_closer(text, end, para.end) or not _is_opener(text, i, para.start):
                quotes.append(Quote(open_at, i, continued=open_continued, open_width=open_width,
                                    close_width=width))
                open_at = None
            else:
                open_at, open_width = i, width  # the earlier mark was a stray
    return quotes, open_at, open_continued, open_width


def find_quotes(text: str, paras: list[Paragraph]) -> None:
    """Pair quotation marks paragraph by paragraph. A paragraph that opens a quotation without
    closing it continues into the next paragraph when that one opens with a quotation mark.
    Single marks are quotation marks only in paragraphs that use no double ones, or whose
    double ones all sit inside single-quoted passages."""
    carried = False
    for n, para in enumerate(paras):
        nxt = paras[n + 1] if n + 1 < len(paras) else None
        if _MARKS.search(text, para.start, para.end) is None or _single_outside(text, para):
            quotes, open_at, open_continued = _single_quotes(text, para, carried)
            open_width = 1
            runs_on = nxt is not None and text[nxt.start] in "‘'" and _MARKS.search(text, nxt.start, nxt.end) is None
        else:
            quotes, open_at, open_continued, open_width = _double_quotes(text, para, carried)
            runs_on = nxt is not None and (text[nxt.start] in OPENERS + '"' or text.startswith("''", nxt.start))
        carried = False
        if open_at is not None:
            quotes.append(Quote(open_at, para.end, continues=runs_on, continued=open_continued,
                                open_width=open_width, close_width=0))
            carried = runs_on
        para.quotes = quotes


# a full stop, then a capital or a quotation opening (whatever its first letter: ‘“we were
# told nothing,” she said’ starts a sentence)
_BOUNDARY = re.compile(r"[.!?…]+[\"”’'»)\]]*\s+(?=(?:''|[\"“‘'«(\[])?[A-Z0-9\u00c0-\u024f]|[\"“«])")
_WORD_BEFORE = re.compile(r"([\w.]+)\W*$")


def _ends_abbreviation(text: str, lo: int, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(lo, dot - 12), dot + 1)
    if not m:
        return False
    word = m.group(1).rstrip(".")
    if "." in word:  # U.S., a.m., e.g.
        return True
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())


_CLOCK = re.compile(r"\d\s*[ap]\.m\.$", re.IGNORECASE)
# what may follow "3 a.m." inside a sentence: "at 3 a.m. Monday", "9 a.m. GMT"
_AFTER_CLOCK = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|[A-Z]{1,4}T\b|GMT\b|UTC\b|"
                          r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")


def _ends_clock_time(text: str, dot: int, cut: int) -> bool:
    """"… shortly after 3 a.m. One woman said …": the time's full stop ends the sentence too."""
    return _CLOCK.search(text, max(0, dot - 8), dot + 1) is not None and not _AFTER_CLOCK.match(text, cut)


_INITIALISM = re.compile(r"(?:[A-Z]\.){2,}$")
# words that open a sentence and never continue a name: "… in the U.S. He says …"
_OPENER = re.compile(r"(?:He|She|They|It|We|I|The|But|And|In|This|That|There|A|An)\s")


def _ends_initialism(text: str, dot: int, cut: int) -> bool:
    """"… attacks in the U.S. He says …": the initialism's full stop ends the sentence too."""
    return _INITIALISM.search(text, max(0, dot - 12), dot + 1) is not None and _OPENER.match(text, cut) is not None


# No sentence of prose runs this long; text without full stops (a transcript, minified page
# text) is cut into pieces this size, so the work per sentence stays bounded.
MAX_SENTENCE = 1000


def split_sentences(text: str, para: Paragraph) -> None:
    """Sentences of a paragraph; a boundary inside a quotation does not count."""
    opens = [q.open for q in para.quotes]
    start = para.start
    sentences: list[Sentence] = []
    for m in _BOUNDARY.finditer(text, para.start, para.end):
        cut = m.end()
        dot = m.start()
        last = len(m.group().rstrip()) + dot - 1  # the last mark before the space: "." or a closing quote
        k = bisect_left(opens, last) - 1  # the last quotation opened before that mark
        if k >= 0 and last < para.quotes[k].close:
            continue
        if text[dot] == "." and _ends_abbreviation(text, start, dot) and not _ends_clock_time(text, dot, cut) \
                and not _ends_initialism(text, dot, cut):
            continue
        end = cut
        while end > start and text[end - 1].isspace():
            end -= 1
        sentences += _bounded(text, start, end)
        start = cut
    if start < para.end:
        sentences += _bounded(text, start, para.end)
    qi = 0
    for s in sentences:
        while qi < len(para.quotes) and para.quotes[qi].open < s.end:
            s.quotes.append(para.quotes[qi])
            qi += 1
    para.sentences = sentences


def _bounded(text: str, start: int, end: int) -> list[Sentence]:
    """The sentence start..end, cut after a comma or a space where it is longer than MAX_SENTENCE."""
    out = []
    while end - start > MAX_SENTENCE:
        window = text[start + MAX_SENTENCE // 2:start + MAX_SENTENCE]
        at = max(window.rfind(", "), window.rfind("; "))
        at = at + 1 if at >= 0 else window.rfind(" ")
        cut = start + MAX_SENTENCE // 2 + at if at >= 0 else start + MAX_SENTENCE
        out.append(Sentence(start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    out.append(Sentence(start, end))
    return out


def analyse(text: str, lo: int = 0, hi: int | None = None) -> list[Paragraph]:
    """Paragraphs of text[lo:hi] with their quotations; sentences are split on demand
    (`sentences_of`). Offsets always index the whole text."""
    paras = paragraphs(text, lo, hi)
    find_quotes(text, paras)
    return paras


def sentences_of(text: str, para: Paragraph) -> list[Sentence]:
    if not para.sentences:
        split_sentences(text, para)
    return para.sentences
