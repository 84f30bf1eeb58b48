"""A plain-text article dressed as a news site's web page, to check that reading the page gives
the engine the same text as the .txt file: the headline in an <h1>, each paragraph in a <p>,
embedded social posts as the X/Twitter embed code writes them, and around it what such pages
carry: a cookie banner, a menu, a byline and date, a lead photo, a related-stories box in the
body, share buttons, a newsletter box, "most read", reader comments and a footer."""
from __future__ import annotations

import re
from html import escape

# "— Name (@handle) Month D, YYYY": the attribution line of a post quoted as its own paragraph
_POST_CREDIT = re.compile(r"^— (?P<who>.+\(@[^)]+\))\s*(?P<when>.*)$")


def wrap_article(text: str, *, site: str = "The Evening Standard-Bearer") -> str:
    """The article `text` (headline on the first line, one paragraph per line) as a web page."""
    lines = [line for line in text.split("\n") if line.strip()]
    headline, paragraphs = lines[0], lines[1:]
    blocks: list[str] = []
    i = 0
    while i < len(paragraphs):
        credit = _POST_CREDIT.match(paragraphs[i + 1]) if i + 1 < len(paragraphs) else None
        if credit:
            blocks.append(_post(paragraphs[i], credit["who"], credit["when"]))
            i += 2
            continue
        blocks.append(f"<p>{escape(paragraphs[i], quote=False)}</p>")
        if i == 2:
            blocks.append(_RELATED_BOX)
        i += 1
    return _PAGE.format(site=escape(site), headline=escape(headline), body="\n".join(blocks))


def _post(text: str, who: str, when: str) -> str:
    return ('<figure class="embed embed--social"><blockquote class="twitter-tweet" data-dnt="true">'
            f'<p lang="en" dir="ltr">{escape(text, quote=False)}</p>&mdash; {escape(who, quote=False)} '
            f'<a href="https://twitter.com/i/status/1">{escape(when, quote=False)}</a></blockquote>'
            '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script></figure>')


_RELATED_BOX = """<aside class="related-stories" aria-label="Related">
  <h3>Related</h3>
  <ul><li><a href="/news/1">Officials promise answers after week of confusion</a></li>
  <li><a href="/news/2">What we know so far, and what we don't</a></li></ul>
</aside>"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{headline} | {site}</title>
<meta property="og:title" content="{headline}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="2025-01-15T09:30:00Z">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "author": [{{"@type": "Person", "name": "Staff Reporter"}}], "datePublished": "2025-01-15T09:30:00Z"}}</script>
</head>
<body>
<div class="consent-banner"><p>We and our partners use cookies to personalise content and ads.</p><button>Accept</button></div>
<header class="masthead">
  <a class="brand" href="/">{site}</a>
  <nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/world">World</a></li>
  <li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/video">Video</a></li></ul></nav>
</header>
<main>
<article class="story">
  <header class="story-header">
    <h1 class="story-headline">{headline}</h1>
    <div class="story-byline">By <a rel="author" href="/staff">Staff Reporter</a></div>
    <time datetime="2025-01-15T09:30:00Z">15 January 2025</time>
  </header>
  <figure class="lead-photo"><img src="/photo.jpg" alt=""><figcaption>The scene on the first morning. Photograph: Agency</figcaption></figure>
  <div class="story-body">
{body}
  </div>
  <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
</article>
<section class="newsletter-box"><h2>Get the morning briefing</h2><p>The stories that matter, in your inbox before breakfast.</p>
<form><input type="email"><button>Sign up</button></form></section>
<section class="most-read"><h2>Most read</h2><ol><li><a href="/a">Ten dishes to cook this winter</a></li>
<li><a href="/b">Council approves new bus lanes</a></li></ol></section>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>“This is exactly what they said last time,” I told my neighbour, and she agreed completely.</p></div>
<div class="comment"><p>The officials said nothing useful at all. Typical.</p></div>
</section>
</main>
<footer class="site-footer"><p>&copy; 2025 {site}. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>
"""
