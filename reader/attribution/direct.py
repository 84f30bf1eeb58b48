"""Direct speech: quotations attributed by a cue after them (`“…,” she said`), before them
(`X said: “…”`), around them (split quotes), by the speaker of the quotation before, or as the
caption of a post; and quotations quoted inside a quotation."""
from __future__ import annotations

import re

from reader.attribution import bylines, posts
from reader.attribution.candidates import Raw, SentenceScan
from reader.attribution.clauses import WITH_SUBJECT, breaks, passive_before, trim_end, trim_space
from reader.attribution.cues import CueLexicon
from reader.attribution.lexicon import DETERMINERS
from reader.attribution.phrases import subject_after, subject_before
from reader.attribution.structure import Quote
from reader.attribution.subjects import leading_subject, subject_for
from reader.attribution.verbs import NOUNISH, QUOTE_AFTER_OBJECT, QUOTE_ONLY

_WHAT_CALLED = re.compile(r"\bwhat\s+(?:\w+\s+){1,4}$")
# an appositive closed by a comma right before the cue: ", the president of the state union,"
_APPOSITIVE = re.compile(r",\s+(?:(?:a|an|the|his|her|their|its)\s|[a-z])[^;:!?“”\"]{0,150},\s*$")
# ", but “", "and “" after a quotation of the sentence: the speaker goes on
_GOES_ON = re.compile(r"[,;]?\s*\b(?:but|and|adding|then)\s*[,:]?$")
_NEW_CLAUSE = re.compile(r"(?:but|and|while|whereas|because|although|though|so)\b", re.IGNORECASE)
_CAPTION_NOUNS = frozenset("caption post video clip message photo photograph image footage tweet".split())
_NESTED_OPEN = re.compile(r"(?<=[\s,:])[‘'“\"](?=[^\W\d_])")
_NESTED_CLOSE = re.compile(r"(?<=[^\s])[’'”\"](?![^\W\d_])")


def find(scan: SentenceScan) -> None:
    """Every full quotation of the sentence, each with the attribution nearest to it."""
    text, sent = scan.text, scan.sent
    full = [q for q in sent.quotes if _is_full(scan, q)]
    prev: Raw | None = None
    for i, q in enumerate(full):
        region_end = full[i + 1].open if i + 1 < len(full) else sent.end
        region_start = full[i - 1].after if i else sent.start
        raw = _attribution_after(scan, q, q.after, region_end)
        if raw is not None and i == 0 and _continues_lead(scan, q):
            # `Both parties "saw it coming," said X`: the quotation finishes the sentence the
            # writer began, so the whole is the speaker's words, mixed
            more = _and_then(scan, raw, q)
            raw.start, raw.end, raw.kind = sent.start, trim_space(text, sent.start, (more or q).after), "mixed"
            scan.add(raw)
            prev = raw
            if more is not None:
                break
            continue
        raw = raw or bylines.signed(scan, q)
        if raw is None:
            raw = _attribution_before(scan, q, region_start, q.open)
            last = i + 1 == len(full)
            end = _runs_on(scan, q) if raw is not None and last else None
            lead = raw is not None and i == 0 and _lead_runs_in(scan, q, raw)
            if raw is not None and (end is not None or lead):
                # `said “it gets me mad” every time he thinks about …`: the writer's words carry
                # the quotation's clause on; `Sooner or later, she said, “it pays off.”`: the
                # quotation finishes the clause the writer began. The whole is the speaker's, mixed
                if end is None:
                    end = trim_end(text, sent.start, sent.end) if last and not \
                        scan.cues_between(q.after, sent.end) else trim_space(text, q.open, q.after)
                raw.start, raw.end, raw.kind = (sent.start if lead else q.open), end, "mixed"
                scan.add(raw)
                prev = raw
                continue
            raw = raw or bylines.headed(scan, q, region_start)
        if raw is None and prev is not None:
            raw = Raw(q.start, q.end, "direct", prev.cue, prev.cue_start, prev.cue_end,
                      prev.mention, post_reason=prev.post_reason, inherit=prev.mention is None)
        if raw is None:
            raw = posts.caption(text, scan.para, q, region_start)
        if raw is None:
            if len(text[q.start:q.end].split()) < 3 and not q.continued:
                continue
            raw = Raw(q.start, q.end, "direct", None, None, None, None, inherit=True)
        raw.start, raw.end, raw.quote = q.start, trim_space(text, q.start, q.end), q
        if raw.kind != "post":
            raw.kind = "direct"
        scan.add(raw)
        prev = raw
        _nested(scan, raw)


def _runs_on(scan: SentenceScan, q: Quote) -> int | None:
    """Where the sentence ends when four or more words of it follow the quotation with no mark,
    cue or other quotation between ("“…” every time he thinks about …"), else None."""
    text, sent = scan.text, scan.sent
    end = trim_end(text, q.after, sent.end)
    tail = text[q.after:end]
    if len(tail.split()) < 4 or not tail[:1].isspace() or scan.cues_between(q.after, end) \
            or any(o.open >= q.after for o in sent.quotes) or re.search(r"[,;:“”\"«»()—–]", tail):
        return None
    return end


def _and_then(scan: SentenceScan, raw: Raw, q: Quote) -> Quote | None:
    """`Oz is “smart”, Ed wrote in an email, and “a fraud.”`: the quotation that ends the
    sentence after the attribution, joined by "and" or "but" to the same clause."""
    text, sent = scan.text, scan.sent
    later = [o for o in sent.quotes if o.open > q.open]
    if len(later) != 1 or raw.cue_end is None or text[later[0].after:sent.end].strip(" .!?\n") \
            or scan.cues_between(raw.cue_end, sent.end):
        return None
    gap = text[max(raw.cue_end, q.after):later[0].open]
    return later[0] if re.fullmatch(r"[^.;:!?“”\"]*,\s+(?:and|but)\s+(?:\w+\s+)?", gap) else None


def _lead_runs_in(scan: SentenceScan, q: Quote, raw: Raw) -> bool:
    """`Sooner or later, the governor said, “it starts to pay off.”`: words of the writer's, a
    comma, the attribution, and a quotation going on in lower case with the same clause."""
    text, sent = scan.text, scan.sent
    if not text[q.start:q.end].lstrip(" .…")[:1].islower():
        return False
    attribution = min(raw.cue_start if raw.cue_start is not None else q.open,
                      raw.mention.start if raw.mention is not None else q.open)
    words = text[sent.start:attribution].split()
    while words and words[-1].lower() in DETERMINERS:
        words.pop()  # "…, the governor said": the lead ends before "the"
    lead = " ".join(words)
    return lead.endswith(",") and len(words) >= 2 \
        and not scan.cues_between(sent.start, attribution) and q.open == scan.first_quote() \
        and not re.search(r"[;:“”\"«»]", lead)


def _continues_lead(scan: SentenceScan, q: Quote) -> bool:
    """Do the sentence's first words run on into the quotation, with no cue, mark or other
    quotation between ("Both parties “saw …”")?"""
    text, sent = scan.text, scan.sent
    if q.open != scan.first_quote() or scan.cues_between(sent.start, q.open):
        return False  # (asked of every short quotation: the cheap questions first)
    before = text[sent.start:q.open].rstrip()
    return (len(before.split()) >= 2 or before[:1].isupper()) and before[-1].isalnum() \
        and not re.search(r"[;:“”\"«»]", before)


def _is_full(scan: SentenceScan, q: Quote) -> bool:
    """A quotation that is a statement in itself, not a phrase inside someone's sentence."""
    if q.continued:
        return True
    text, sent = scan.text, scan.sent
    inner = text[q.start:q.end]
    before = text[sent.start:q.open].rstrip()

    def closed_by_cue() -> bool:  # closed by ",” she said"
        return inner.rstrip()[-1:] in ",!?" and _attribution_after(scan, q, q.after, sent.end) is not None

    if len(inner.split()) < 2 and not ((_alone(scan, q) if not before else _finishes(scan, q)) and closed_by_cue()):
        return False  # a word in quotation marks, but "“Absolutely,” he said." is an answer
    if not before or before[-1] in ",:—–-(" or "\n" in text[len(before) + sent.start:q.open]:
        return True  # after a comma, a colon, a dash, or opening a line
    last = before.split()[-1].lower().strip("“”\"'")
    form = scan.lexicon.form(last)
    if form is not None and form.tense in ("past", "s") and form.lemma not in QUOTE_ONLY \
            and form.lemma not in NOUNISH:
        return True  # `he said "…"`; not `fighting would continue "until …"`
    if form is not None and form.tense == "ing" and WITH_SUBJECT.search(before):
        return True  # `with one poster writing "…"`
    if _GOES_ON.search(before) and any(o.close < q.open and scan.cues_between(o.after, q.open) and _is_full(scan, o)
                                       for o in sent.quotes):
        return True  # `“…,” he said, but “…”`: the same speaker goes on (not `“…,” X, with a hat and “…” pins`)
    if posts.CAPTION.search(before):
        return True
    # closed by ",” she said": a quotation with its attribution right after it, or a short one
    # finishing the writer's clause (`Rates may be “too high,” said X`)
    return (len(inner.split()) >= 4 or _finishes(scan, q)) and closed_by_cue()


def _alone(scan: SentenceScan, q: Quote) -> bool:
    """A quotation opening its sentence with no other after it: “Absolutely,” he said."""
    return not any(o.open > q.open for o in scan.sent.quotes)


def _finishes(scan: SentenceScan, q: Quote) -> bool:
    """Words in lower case finishing the writer's clause (`Rates may be “too high,” said X`),
    not a title (`on “Face the Nation,” she said`)."""
    return scan.text[q.start:q.start + 1].islower() and _continues_lead(scan, q)


def _nested(scan: SentenceScan, outer: Raw) -> None:
    """`“… my wife said, ‘Get the car, now.’ …”`: words quoted inside a quotation."""
    text = scan.text
    for m in _NESTED_OPEN.finditer(text, outer.start, outer.end):
        close = _NESTED_CLOSE.search(text, m.end(), outer.end)
        if close is None:
            return
        lead_start = max(outer.start, text.rfind(".", outer.start, m.start()) + 1)
        cue = None
        for c in scan.lexicon.pattern.finditer(text, lead_start, m.start()):
            cue = c
        if cue is None or len(text[cue.end():m.start()].split()) > 3 or \
                not re.search(r"[,:]\s*$", text[cue.end():m.start()]):
            continue
        mention = subject_before(text, lead_start, cue.start())
        if mention is None:
            continue
        scan.add(Raw(m.end(), trim_space(text, m.end(), close.start()), "direct", cue.group(),
                     cue.start(), cue.end(), mention, nested_in=outer,
                     context=text[cue.start():close.end()]))


def _attribution_after(scan: SentenceScan, q: Quote, lo: int, hi: int) -> Raw | None:
    """`“…,” she said.` / `“…,” said X, 63, who …` / `“…,” one user wrote on X`. Read once:
    whether a quotation is full asks the same question as attributing it."""
    key = (lo, hi)
    if key not in scan.memo:
        scan.memo[key] = _read_after(scan, q, lo, hi)
    return scan.memo[key]


def _read_after(scan: SentenceScan, q: Quote, lo: int, hi: int) -> Raw | None:
    text = scan.text
    m = re.match(r"[\s,]*", text[lo:hi])
    lo += m.end() if m else 0
    for cue in scan.cues_between(lo, hi):
        form = scan.lexicon.form(cue.group())
        if form is None or form.tense == "ing":
            return None
        if cue.start() == lo:  # inverted: said X
            mention = subject_after(text, cue.end(), hi)
        else:
            gap = text[lo:cue.start()]
            name = _APPOSITIVE.sub(",", gap)  # "Name, the president of …, said": the name
            if len(name.split()) > 9 or breaks(name) or _NEW_CLAUSE.match(gap):
                return None  # "“…,” but he said that …": a clause of its own, not this quotation's
            mention = subject_before(text, lo, cue.start())
        if mention is None:
            return None
        post = posts.platform_reason(text[cue.start():min(hi, cue.end() + 60)], form.lemma)
        return Raw(q.start, q.end, "post" if post else "direct", cue.group(), cue.start(), cue.end(),
                   mention, post_reason=post, context=text[cue.start():hi])
    return None


def _attribution_before(scan: SentenceScan, q: Quote, lo: int, hi: int) -> Raw | None:
    """`X said: “…` / `X told reporters in Seoul, "…` / `, said X, 70, standing …, “and …`."""
    text, sent, lexicon = scan.text, scan.sent, scan.lexicon
    candidates = scan.cues_between(lo, hi)
    if not candidates:
        return _opening_cue(scan, q, hi)
    cue = candidates[-1]
    form = lexicon.form(cue.group())
    if form is None or passive_before(text, sent.start, cue.start()):
        return None
    tail = text[cue.end():hi]
    if posts.CAPTION.search(tail.rstrip()):
        return None  # "posted … with the caption:": see posts.caption
    inverted = not text[lo:cue.start()].strip(" ,\n\"”“")
    if inverted:
        mention = subject_after(text, cue.end(), hi)
    else:
        if len(tail.split()) > 12 or re.search(r"[.;!?]", tail) or _WHAT_CALLED.search(tail):
            return None
        if not re.search(r"[,:—–]\s*$|^\s*$", tail) and not tail.rstrip().endswith(("that", "as")):
            if form.lemma not in QUOTE_AFTER_OBJECT:
                return None
        with_subject = WITH_SUBJECT.search(text, lo, cue.end()) if form.tense == "ing" else None
        if with_subject is not None:  # "with one poster writing “…”": the poster
            mention = subject_before(text, with_subject.start(1), with_subject.end(1))
        elif form.tense == "ing":  # "…,” Vale said, adding later, “…”": who spoke before, else the subject
            earlier = next((r.mention for r in reversed(scan.raws) if r.mention is not None and r.nested_in is None), None)
            mention = earlier or leading_subject(lexicon, text, sent.start, cue.start())
        else:
            mention = subject_for(lexicon, text, sent, lo, cue)
    if mention is None:
        return None
    post = posts.platform_reason(text[cue.start():hi], form.lemma) or \
        posts.leading_platform(text[sent.start:cue.start()])
    if mention.head in _CAPTION_NOUNS:  # "Its caption asks: “…”": whoever posted it speaks
        poster = posts.poster(text, scan.para.start, q.open)
        mention = poster or mention
        if poster is not None or mention.head != "message":  # a message may be a letter or a notice
            post = post or "caption of a social media post"
    return Raw(q.start, q.end, "post" if post else "direct", cue.group(), cue.start(), cue.end(),
               mention, post_reason=post, context=text[cue.start():hi])


_OPENING_CUE = re.compile(r"\s*([A-Z][a-z]+)\s+(?=[A-Z]|(?:the|a|an|one)\s)")


def _opening_cue(scan: SentenceScan, q: Quote, hi: int) -> Raw | None:
    """`Said Ellis: “…”`, `Adds the mayor, “…”`: a cue in capitals opening the sentence, its
    speaker after it, then a colon or a comma and the quotation."""
    text, sent = scan.text, scan.sent
    m = _OPENING_CUE.match(text, sent.start, hi)
    form = scan.lexicon.form(m.group(1).lower()) if m is not None else None
    if m is None or form is None or form.tense not in ("past", "s") or hi - m.end() > 200 or \
            not re.search(r"[,:]\s*$", text[m.end():hi]) or re.search(r"[.;!?“”\"]", text[m.end():hi]):
        return None
    mark = trim_space(text, m.end(), hi) - 1  # the colon or comma before the quotation
    mention = subject_after(text, m.end(), mark)
    if mention is None:
        return None
    return Raw(q.start, q.end, "direct", m.group(1), m.start(1), m.end(1), mention, context=text[m.start(1):hi])


def across_sentences(lexicon: CueLexicon, text: str, raws: list[Raw]) -> None:
    """Attributions in another sentence than their quotation. A quotation running over
    paragraphs with no attribution of its own takes the one of its last part (`“… 251,” said
    the agency`); a quotation with none takes a cue that reported nothing just before it (`X responded
    on Twitter. “…”`). `raws` are in reading order."""
    last_part: Raw | None = None  # the attributed end of a quotation running over paragraphs
    for raw in reversed(raws):
        if raw.nested_in is not None:
            continue
        q = raw.quote
        if q is not None and raw.mention is None and q.continues and last_part is not None \
                and last_part.paragraph == raw.paragraph + 1:
            _take(lexicon, raw, last_part)
            last_part = raw if q.continued else None
            continue
        last_part = raw if q is not None and q.continued and raw.mention is not None else None
    for raw, after in zip(raws, raws[1:]):
        # `“It is late.” Vale said.`: the cue opening the sentence that closes the quotation and
        # reports nothing else; after a question or an exclamation the sentence goes on with
        # the attribution even when it reports more (`“Is it late?” Vale told us it was`)
        if raw.quote is not None and raw.mention is None and raw.inherit and after.mention is not None \
                and after.cue_start is not None and (after.silent or (
                    after.start > after.cue_start and text[raw.quote.start:raw.quote.end].rstrip()[-1:] in "?!")) \
                and after.paragraph == raw.paragraph and \
                0 <= min(after.mention.start, after.cue_start) - raw.quote.after < _CLOSE:
            _take(lexicon, raw, after)
    for k in range(1, len(raws)):
        before, raw = raws[k - 1], raws[k]
        if raw.quote is not None and raw.mention is None and raw.inherit and before.silent and \
                before.mention is not None and raw.paragraph - before.paragraph <= 1 and \
                raw.start - before.end < _NEAR and not (k > 1 and _aside(text, raws[k - 2], before)):
            _take(lexicon, raw, before)


def _aside(text: str, main: Raw, silent: Raw) -> bool:
    """Is the cue that reported nothing a clause of the sentence whose main attribution came
    just before (`“…,” X told the paper, after Y stated an interest. “…”`)? Then the next
    quotation goes on with X."""
    return not main.silent and main.mention is not None and main.cue_end is not None and \
        silent.cue_start is not None and main.paragraph == silent.paragraph and \
        main.cue_end <= silent.cue_start and _SENTENCE_END.search(text, main.cue_end, silent.cue_start) is None \
        and _SUBORDINATE.search(text, max(main.cue_end, silent.cue_start - 50), silent.cue_start) is not None


_SENTENCE_END = re.compile(r"[.!?][”\"’']?\s")
# a subordinate clause holding the cue: ", after the mayor stated", "when officials announced"
_SUBORDINATE = re.compile(r"\b(?:after|before|when|while|because|since|although|though|until|once|who|which)"
                          r"(?:\s+[\w’'.-]+){1,5}\s+$")


_NEAR = 200  # characters between a cue that reported nothing and the quotation it introduces
_CLOSE = 4  # characters between a quotation and the speaker of the cue right after it


def _take(lexicon: CueLexicon, raw: Raw, attributed: Raw) -> None:
    raw.mention, raw.cue, raw.cue_start, raw.cue_end = (attributed.mention, attributed.cue,
                                                       attributed.cue_start, attributed.cue_end)
    raw.post_reason = raw.post_reason or posts.reason_of(lexicon, attributed)
    raw.inherit = False
    if raw.post_reason:
        raw.kind = "post"
