"""Text for benchmarks: synthetic news (invented people, places and quotes, mixed the way news
paragraphs mix narration, direct and indirect speech, and embedded posts) and real reporting."""
from __future__ import annotations

import os
import random
from pathlib import Path

FIRST = ["Maria", "Tomas", "Aiko", "Daniel", "Leila", "Olu", "Petra", "Ravi", "Sofia", "Jonas",
         "Amara", "Felix", "Noor", "Ivan", "Grace", "Mateo", "Hana", "Elif", "Samuel", "Vera"]
LAST = ["Kovalenko", "Brandt", "Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Silva",
        "Novak", "Adeyemi", "Fischer", "Rahman", "Costa", "Ivanova", "Mensah", "Laine"]
ROLES = ["Foreign Ministry spokesperson", "Defence Minister", "regional governor", "police chief",
         "army spokesman", "resident", "shop owner", "nurse", "intelligence analyst", "mayor"]
PLACES = ["Varenna", "Kestrel Bay", "Northgate", "Lowmoor", "Saltmarsh", "Eastbrook", "Redfield"]
VERBS = ["said", "told reporters", "added", "warned", "insisted", "claimed", "explained"]
CLAIMS = [
    "the water supply would be restored within two days",
    "at least {n} people had been moved to temporary shelters",
    "the convoy had been stopped at the border for several hours",
    "no decision had been taken on further sanctions",
    "the damage to the bridge was worse than first reported",
    "talks would resume next week in {place}",
]
QUOTES = [
    "We heard the sirens and ran to the basement with the children",
    "There is no evidence that anyone was hurt, but we are still checking",
    "This is a matter for the courts, not for politicians",
    "We will rebuild, but it will take years and a lot of money",
    "Nobody told us anything until the water was at the door",
]
NARRATION = [
    "The road between {place} and the coast was closed on {day}.",
    "About {n} homes in {place} were without power for most of the night.",
    "The authorities have not published a full list of the damaged buildings.",
    "Traffic was diverted through {place} while engineers inspected the track.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _fill(rng: random.Random, template: str) -> str:
    return template.format(n=rng.randint(2, 900), place=rng.choice(PLACES), day=rng.choice(DAYS))


def _paragraph(rng: random.Random, narration: float) -> str:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    role = rng.choice(ROLES)
    claim = _fill(rng, rng.choice(CLAIMS))
    quote = _fill(rng, rng.choice(QUOTES))
    if rng.random() < narration:
        return " ".join(_fill(rng, rng.choice(NARRATION)) for _ in range(3))
    pick = rng.randrange(5)
    if pick == 0:
        return f"{role.capitalize()} {name} {rng.choice(VERBS)} that {claim}. {_fill(rng, rng.choice(NARRATION))}"
    if pick == 1:
        article = "an" if role[0] in "aeiou" else "a"
        return f"“{quote},” {name}, {article} {role}, said. “{_fill(rng, rng.choice(QUOTES))}.”"
    if pick == 2:
        return f"According to {name}, {claim}. {_fill(rng, rng.choice(NARRATION))}"
    if pick == 3:
        return f"{name} said: \"{quote}.\" {_fill(rng, rng.choice(NARRATION))}"
    handle = name.split()[0].lower() + str(rng.randint(1, 99))
    return f"{quote.lower()} #{rng.choice(PLACES).replace(' ', '')}\n— {name} (@{handle}) March {rng.randint(1, 28)}, 2025"


# Share of paragraphs with no attribution. News-like: about one statement per 400 characters,
# what the engine finds in real reporting (the PolNeAR corpus). Dense: one per 160, denser
# than the hand-written development articles (one per 190).
NEWS_LIKE = 0.6
DENSE = 1 / 6


def generate(size: int, seed: int = 7, narration: float = NEWS_LIKE) -> str:
    """About `size` characters of article text (cut at a paragraph boundary)."""
    rng = random.Random(seed)
    parts = ["Storm damage closes coastal road as officials weigh repairs"]
    total = len(parts[0])
    while total < size:
        p = _paragraph(rng, narration)
        parts.append(p)
        total += len(p) + 1
    return "\n".join(parts) + "\n"


# Real reporting: the twenty Wikinews development articles of the shared evaluation set, read
# where they are kept (never copied here). Their licence, CC BY 2.5 (© Wikinews contributors;
# see shared/eval/real/README.md), allows this use. READER_BENCH_REAL names another folder.
REAL_DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "real"


def real_folder() -> Path:
    return Path(os.environ.get("READER_BENCH_REAL", REAL_DEFAULT))


def real_text(size: int) -> str | None:
    """About `size` characters of real articles one after another (blank lines between them),
    repeated as needed and cut at a paragraph; None when the articles are not on this machine."""
    files = sorted(real_folder().glob("*.txt"))
    if not files:
        return None
    articles = "\n\n".join(f.read_text(encoding="utf-8").strip() for f in files) + "\n\n"
    text = articles * (size // len(articles) + 1)
    cut = text.rfind("\n\n", 0, size)
    return text[:cut + 1]
