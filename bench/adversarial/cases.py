"""The hostile inputs, as data: each family writes its input files into the workspace and
yields the cases that use them. A case is the `reader` command line to run (the runner adds
`--db` and `--config`), and what it may do: damage its own copy of the database first, bring
its own settings, read standard input.

Families (`FAMILIES`): articles, settings, imports (json and w3c, every field given every
hostile value), database files (damaged, planted), command arguments. The slow families
(web servers, big inputs, writers killed and racing) are in `bench/suites/adversarial.py`.
"""
from __future__ import annotations

import json
import os
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.adversarial.workspace import TEXT, Workspace

Damage = Callable[[Path], list[Path]]  # done to a copy of the database; returns the files it damaged


@dataclass(frozen=True)
class Case:
    family: str
    name: str
    args: tuple[str, ...]  # the command and its arguments (the runner adds --db and --config first)
    config: Path | None = None  # its own settings (None: the workspace's)
    db: str | None = None  # its own --db as given (None: a copy of the seeded database)
    damage: Damage | None = None  # done to that copy first
    stdin: bytes = b""
    removes: bool = False  # it removes a tag on purpose
    process_only: bool = False  # needs a real process
    harmless: Callable[[], str | None] | None = None  # what it must not have harmed: None, or what was
    timeout: float = 60.0


# --- hostile values -------------------------------------------------------------------------

ESCAPES = "\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b]0;owned\x07\x1b[2J\x9b31m\x07"
MARKUP = "[bold red]x[/][link=file:///etc/passwd]y[/link]"

# raw JSON, put where a value goes
JSON_VALUES: dict[str, str] = {
    "null": "null", "minus one": "-1", "a float": "2.5", "infinity": "1e400", "NaN": "NaN",
    "5,000 digits": "1" + "0" * 5000, "2**70": str(2 ** 70), "empty text": '""',
    "a lone surrogate": '"\\ud800"', "terminal escapes": json.dumps(ESCAPES), "Rich markup": json.dumps(MARKUP),
    "a list": "[]", "an object": "{}", "true": "true", "year 1 with an offset": '"0001-01-01T00:00:00+01:00"',
    "year 9999 behind UTC": '"9999-12-31T23:59:59-05:00"', "nested 5,000 deep": "[" * 5000 + "]" * 5000,
    "a path outside": '"../../../../etc/passwd"', "100 KB of text": json.dumps("x" * 100_000),
}

# raw YAML, put where a value goes (one line each)
YAML_VALUES: dict[str, str] = {
    "null": "null", "minus one": "-1", "infinity": "1e400", "NaN": ".nan", "5,000 digits": "9" * 5000,
    "empty text": '""', "a lone surrogate": '"\\ud800"', "terminal escapes": '"\\e]52;c;eA==\\a\\e[2J"',
    "Rich markup": f"'{MARKUP}'", "a list": "[]", "an object": "{}", "true": "true", "no such date": "2026-13-45",
    "a recursive alias": "&a [*a]", "a Python object": '!!python/object/apply:os.system ["touch PWNED"]',
    "a database address": "postgresql://alex:s3cret@db.example/tags", "a binary value": "!!binary AAAA",
    "a set": "!!set {a, b}", "a tab": '"\\t"', "deep nesting": "[" * 40 + "]" * 40,
}


# --- articles -------------------------------------------------------------------------------

def _article_inputs(ws: Workspace) -> Iterator[tuple[str, Path]]:
    folder = ws.inputs / "articles"
    folder.mkdir(exist_ok=True)
    rng = random.Random(11)
    quoted = TEXT.replace("All crossings", f"All {ESCAPES} crossings {MARKUP}")
    contents: dict[str, tuple[str, bytes]] = {
        "empty": ("txt", b""),
        "only blanks": ("txt", b"  \n\n\t \n"),
        "NUL bytes": ("txt", b"\x00" * 4096),
        "random bytes": ("txt", bytes(rng.randrange(256) for _ in range(8192))),
        "UTF-16 without a BOM": ("txt", TEXT.encode("utf-16-le")),
        "bytes that are not UTF-8": ("txt", b'caf\xe9 \xff\xfe said "\xc3\x28 words" today.\n'),
        "an encoded surrogate": ("txt", b'He said "\xed\xa0\x80 ok" today.\n'),
        "terminal escapes and markup": ("txt", quoted.encode()),
        "C1 controls": ("txt", TEXT.replace("engine", "engine\u009b2J\u0085").encode()),
        "bidi overrides": ("txt", 'He said "\u202eevil\u202c words" today.\n'.encode()),
        "zero-width characters": ("txt", 'He said "a\u200bb\u200dc\ufeffd" today.\n'.encode()),
        "control characters only": ("txt", bytes(range(32)) * 32),
        "CR, LF and CRLF": ("txt", TEXT.replace("\n", "\r", 2).replace("\n", "\r\n").encode()),
        "quotes nested 2,000 deep": ("txt", ("He said " + "“‘" * 2000 + "x" + "’”" * 2000 + ".\n").encode()),
        "an unclosed quote": ("txt", ('He said "' + "words " * 5000 + "\n").encode()),
        "a 200 KB line": ("txt", ("word" * 50_000).encode()),
        "a 100 KB title": ("md", ("# " + "T" * 100_000 + "\n\n" + TEXT).encode()),
        "a PDF": ("txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        "HTML nested 5,000 deep": ("html", ("<div>" * 5000 + "<p>x said y.</p>" + "</div>" * 5000).encode()),
        "HTML with 100,000 attributes": ("html", ("<p " + " ".join(f"a{i}=x" for i in range(100_000)) + ">hi</p>").encode()),
        "HTML of scripts only": ("html", b"<html><script>alert(1)</script><script>x</script></html>"),
        "HTML with an unknown charset": ("html", b'<meta charset="utf-99"><p>He said "yes".</p>'),
        "HTML in UTF-7": ("html", b'<meta charset="utf-7"><p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</p>'),
        "XHTML with an entity bomb": ("xhtml", (
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
            + ']><html><body><p>&lol9;</p></body></html>').encode()),
        "HTML with an external entity": ("xhtml", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM '
                                                  b'"file:///etc/passwd">]><html><body><p>&e;</p></body></html>'),
        "a broken MHTML archive": ("mhtml", b"Content-Type: multipart/related; boundary=x\n\n--x\nContent-Type: text/html\n"),
        "an MHTML archive without a boundary": ("mhtml", b"Content-Type: multipart/related\n\n<p>x</p>"),
        "a gzip file": ("html", b"\x1f\x8b\x08\x00" + bytes(rng.randrange(256) for _ in range(2048))),
    }
    for name, (suffix, data) in contents.items():
        path = folder / f"{name.replace(' ', '-').replace(',', '')}.{suffix}"
        path.write_bytes(data)
        yield name, path
    (folder / "a-folder.txt").mkdir(exist_ok=True)
    yield "a folder", folder / "a-folder.txt"
    yield "a missing file", folder / "missing.txt"
    yield "a 300-character name", folder / ("n" * 300 + ".txt")
    for name, target in (("a link to /dev/zero", "/dev/zero"), ("a link to /dev/urandom", "/dev/urandom"),
                         ("a link to itself", "loop.txt")):
        link = folder / (name.replace(" ", "-").replace("/", "") + ".txt")
        if not link.is_symlink():
            link.symlink_to(target if target.startswith("/") else folder / "loop.txt")
        yield name, link
    fifo = folder / "a-pipe.txt"
    if not fifo.exists():
        os.mkfifo(fifo)
    yield "a pipe", fifo
    yield "/dev/zero", Path("/dev/zero")
    odd = folder / "evil\n\x1b[2J[bold]name.txt"
    odd.write_text(TEXT, encoding="utf-8")
    yield "a name with a newline, an escape and markup", odd
    undecodable = folder / os.fsdecode(b"caf\xe9.txt")
    undecodable.write_text(TEXT, encoding="utf-8")
    yield "a name that is not UTF-8", undecodable


def articles(ws: Workspace) -> Iterator[Case]:
    for name, path in _article_inputs(ws):
        yield Case("articles", f"extract {name}", ("extract", str(path), "--format", "json"))
        yield Case("articles", f"tags {name}", ("tags", str(path)))
    for source in ("file:///etc/hostname", "ftp://example.com/a.txt", "javascript:alert(1)", "http://",
                   "https://[::1", "http://127.0.0.1:1/refused", "http://exa mple.com/",
                   "https://alex:s3cret@127.0.0.1:1/x", "www.example.com", "http://\udcff.example/"):
        yield Case("articles", f"extract {source!r}", ("extract", source))
    for name, data in (("binary", bytes(range(256)) * 16), ("empty", b""), ("a web page", b"<html><p>He said \"hi\".</p>"),
                       ("escapes", ESCAPES.encode())):
        yield Case("articles", f"standard input: {name}", ("extract", "-", "--format", "json"), stdin=data)


# --- settings -------------------------------------------------------------------------------

def _paths(value: Any, at: tuple[Any, ...] = (), depth: int = 3) -> Iterator[tuple[Any, ...]]:
    yield at
    if depth == 0:
        return
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, at + (key,), depth - 1)
    elif isinstance(value, list) and value:
        yield from _paths(value[0], at + (0,), depth - 1)


def _with(doc: Any, at: tuple[Any, ...], value: Any) -> Any:
    if not at:
        return value
    doc = json.loads(json.dumps(doc))  # a copy
    holder = doc
    for part in at[:-1]:
        holder = holder[part]
    holder[at[-1]] = value
    return doc


PLACEHOLDER = "PLACEHOLDER-HOSTILE-VALUE"


def settings(ws: Workspace) -> Iterator[Case]:
    folder = ws.inputs / "settings"
    folder.mkdir(exist_ok=True)
    base = yaml.safe_load(ws.config.read_text(encoding="utf-8"))
    command = ("extract", str(ws.article), "--format", "json")
    n = 0
    for at in _paths(base):
        if not at:
            continue
        for name, raw in YAML_VALUES.items():
            text = yaml.safe_dump(_with(base, at, PLACEHOLDER), sort_keys=False, allow_unicode=True)
            path = folder / f"{n}.yaml"
            path.write_text(text.replace(PLACEHOLDER, raw), encoding="utf-8")
            n += 1
            yield Case("settings", f"{'.'.join(map(str, at))} = {name}", command, config=path)
    text = ws.config.read_text(encoding="utf-8")
    whole: dict[str, bytes] = {
        "an empty file": b"", "a document marker only": b"---\n", "random bytes": bytes(range(256)) * 8,
        "a BOM before good settings": b"\xef\xbb\xbf" + text.encode(), "UTF-16": text.encode("utf-16"),
        "bytes that are not UTF-8": text.encode() + b"\n# \xff\xfe\n", "a 2 MB comment": b"#" * (2 * 2 ** 20),
        "an alias bomb": ("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
                          + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 12))
                          + "categories: *a11\ncues: [said]\n").encode(),
        "a repeated key": (text + "\ncues: [said]\n").encode(),
        "tabs for indentation": text.replace("  ", "\t").encode(),
        "two documents": (text + "\n---\n" + text).encode(),
        "nested 10,000 deep": ("cues: " + "[" * 10_000 + "]" * 10_000 + "\n").encode(),
    }
    for name, data in whole.items():
        path = folder / f"whole-{len(name)}-{abs(hash(name)) % 10 ** 8}.yaml"
        path.write_bytes(data)
        yield Case("settings", name, command, config=path)
    (folder / "a-folder.yaml").mkdir(exist_ok=True)
    for name, path in (("a folder", folder / "a-folder.yaml"), ("a missing file", folder / "missing.yaml"),
                       ("/dev/zero", Path("/dev/zero"))):
        yield Case("settings", name, command, config=path)


# --- imports --------------------------------------------------------------------------------

def _json_paths(ws: Workspace) -> list[tuple[Any, ...]]:
    article = ("articles", 0)
    statement = article + ("statements", 0)
    tag = statement + ("tag",)
    orphan = article + ("orphaned_tags", 0)
    fields = [(), ("format",), ("version",), ("articles",), article]
    fields += [article + (k,) for k in ("id", "path", "title", "text", "meta", "statements", "orphaned_tags")]
    fields += [statement] + [statement + (k,) for k in (
        "id", "start", "end", "text", "speaker", "speaker_start", "cue", "kind", "suggested_source",
        "dismissed", "added_by_reviewer", "speaker_corrected", "tag")]
    fields += [tag + (k,) for k in ("category", "note", "reliability", "credibility", "reviewer", "created", "updated")]
    fields += [orphan, orphan + ("statement_id",), orphan + ("anchor",), orphan + ("anchor", "exact"),
               orphan + ("anchor", "start")]
    return fields


def _w3c_paths() -> list[tuple[Any, ...]]:
    note = ("first", "items", 0)
    return [("type",), ("first",), ("first", "items"), ("first", "type"), ("total",), note, note + ("id",), note + ("type",), note + ("motivation",), note + ("body",),
            note + ("body", 0, "value"), note + ("body", 0, "purpose"), note + ("target",), note + ("target", "source"),
            note + ("target", "selector"), note + ("target", "selector", 0, "exact"),
            note + ("target", "selector", 1, "start"), note + ("creator",), note + ("created",), note + ("modified",)]


def _raw_json(doc: Any, at: tuple[Any, ...], raw: str) -> str:
    return json.dumps(_with(doc, at, PLACEHOLDER)).replace(json.dumps(PLACEHOLDER), raw)


def imports(ws: Workspace) -> Iterator[Case]:
    folder = ws.inputs / "imports"
    folder.mkdir(exist_ok=True)
    exported = ws.export_doc("json")
    exported["articles"][0].setdefault("orphaned_tags", []).append(
        {"statement_id": "s0ld", "category": "official", "note": None, "reliability": None, "credibility": None,
         "reviewer": "x", "created": "", "updated": "", "anchor": {"exact": "gone", "prefix": "", "suffix": "",
                                                                   "start": 0, "end": 4}})
    n = 0
    for kind, doc, paths in (("json", exported, _json_paths(ws)), ("w3c", ws.export_doc("w3c"), _w3c_paths())):
        for at in paths:
            for name, raw in JSON_VALUES.items():
                path = folder / f"{n}.json"
                path.write_text(_raw_json(doc, at, raw), encoding="utf-8")
                options = ("--add-articles",) if n % 3 == 0 else ("--dry-run",) if n % 3 == 1 else ()
                n += 1
                yield Case("imports", f"{kind} {'.'.join(map(str, at)) or 'the whole file'} = {name}",
                           ("import", str(path), *options))
    changed_text = json.loads(json.dumps(exported))
    changed_text["articles"][0]["text"] += "\nAn added line.\n"
    other = json.loads(json.dumps(exported))
    other["articles"][0]["id"] = "0" * 64
    whole: dict[str, bytes] = {
        "an empty file": b"", "not JSON": b"{'articles': []}", "a BOM": b"\xef\xbb\xbf" + json.dumps(exported).encode(),
        "UTF-16": json.dumps(exported).encode("utf-16"), "random bytes": bytes(range(256)) * 8,
        "a list of numbers": b"[1, 2, 3]", "an annotation page by address": json.dumps(
            {"type": "AnnotationCollection", "first": "https://example.com/page1"}).encode(),
        "an article text changed after the export": json.dumps(changed_text).encode(),
        "an article this database never saw": json.dumps(other).encode(),
        "tiny values, many": ("[" + ",".join(["{}"] * 200_000) + "]").encode(),
    }
    for name, data in whole.items():
        path = folder / f"whole-{abs(hash(name)) % 10 ** 8}.json"
        path.write_bytes(data)
        yield Case("imports", name, ("import", str(path), "--add-articles"))
    for name, path in (("/dev/zero", Path("/dev/zero")), ("a folder", folder), ("a missing file", folder / "no.json")):
        yield Case("imports", name, ("import", str(path)))


# --- database files -------------------------------------------------------------------------

def _article_file(db: Path) -> Path:
    return next(p for p in (db / "articles").glob("*.json"))


def _text_file(db: Path) -> Path:
    return next(p for p in (db / "texts").glob("*.json"))


def _write(path: Path, data: bytes) -> list[Path]:
    path.write_bytes(data)
    return [path]


def _edit_json(pick: Callable[[Path], Path], change: Callable[[dict[str, Any]], None]) -> Damage:
    def damage(db: Path) -> list[Path]:
        path = pick(db)
        doc = json.loads(path.read_bytes())
        change(doc)
        return _write(path, json.dumps(doc).encode())
    return damage


def _tagged_statement(ws: Workspace) -> str:
    """The id of a statement the seeded database holds a tag on."""
    return str(_first_tag(json.loads(_article_file(ws.db).read_bytes()))["statement_id"])


def _first_tag(doc: dict[str, Any]) -> dict[str, Any]:
    first: dict[str, Any] = next(iter(doc["tags"].values()))
    return first


def _replaced(path: Path, kind: str) -> list[Path]:
    """`path` replaced by a folder, a pipe, or a link to `kind`."""
    path.unlink()
    if kind == "folder":
        path.mkdir()
    elif kind == "pipe":
        os.mkfifo(path)
    else:
        path.symlink_to(kind)
    return [path]


def _rewritten(pick: Callable[[Path], Path], change: Callable[[bytes], bytes]) -> Damage:
    return lambda db: _write(pick(db), change(pick(db).read_bytes()))


def _replacing(pick: Callable[[Path], Path], kind: str) -> Damage:
    return lambda db: _replaced(pick(db), kind)


def _setting_first_tag(field: str, value: object) -> Callable[[dict[str, Any]], None]:
    return lambda doc: _first_tag(doc).__setitem__(field, value)


def database(ws: Workspace) -> Iterator[Case]:
    sid = _tagged_statement(ws)
    commands = (("tags", str(ws.article)), ("articles", "--format", "json"), ("export", "--all", "--format", "csv"),
                ("tag", str(ws.article), sid, "official", "--note", "n"))
    pickers: dict[str, Callable[[Path], Path]] = {"the index": lambda db: db / "index.json",
                                                  "an article file": _article_file, "a text file": _text_file}
    damages: dict[str, Damage] = {}
    for where, pick in pickers.items():
        for what, bytes_now in (("cut in half", lambda data: data[: len(data) // 2]), ("emptied", lambda data: b""),
                                ("of random bytes", lambda data: bytes(range(256)) * 4),
                                ("as a JSON list", lambda data: b"[]"),
                                ("nested 100,000 deep", lambda data: b"[" * 100_000 + b"]" * 100_000),
                                ("with a 5,000-digit number",
                                 lambda data: re.sub(rb'"schema": ?(\d+)', rb'"schema":\g<1>' + b"0" * 5000, data))):
            damages[f"{where} {what}"] = _rewritten(pick, bytes_now)
        damages[f"{where} from a newer reader"] = _edit_json(pick, lambda d: d["_meta"]["reader"].update(schema=99))
        damages[f"{where} of another kind"] = _edit_json(pick, lambda d: d["_meta"]["reader"].update(kind="text"))
        for kind, what in (("folder", "a folder"), ("pipe", "a pipe"), ("/dev/zero", "a link to /dev/zero")):
            damages[f"{where} replaced by {what}"] = _replacing(pick, kind)
    fields: tuple[tuple[str, object], ...] = (
        ("category", 5), ("note", []), ("anchor", {}), ("statement_id", None), ("reliability", "Z"), ("created", 5),
        ("note", "\ud800"), ("anchor", {"exact": 1, "prefix": "", "suffix": "", "start": "0", "end": 2}))
    for field, value in fields:
        damages[f"a tag's {field} = {value!r}"] = _edit_json(_article_file, _setting_first_tag(field, value))
    damages["a speaker correction that is a number"] = _edit_json(
        _article_file, lambda d: d.setdefault("speakers", {}).__setitem__(sid, {"speaker": 12}))
    damages["an added statement without offsets"] = _edit_json(
        _article_file, lambda d: d.setdefault("added", {}).__setitem__("sx", {"id": "sx", "text": "x"}))
    damages["an article record without its path"] = _edit_json(
        lambda db: db / "index.json", lambda d: next(iter(d["articles"].values())).pop("path"))
    damages["the lock file replaced by a folder"] = _replacing(lambda db: db / ".lock", "folder")
    for name, damage in damages.items():
        for command in commands:
            yield Case("database", f"{command[0]}: {name}", command, damage=damage)


# --- files planted where reader writes -------------------------------------------------------

def planted(ws: Workspace) -> Iterator[Case]:
    victim = ws.inputs / "victim.txt"
    victim.write_bytes(b"precious")

    article = ws.article.read_bytes()

    def intact() -> str | None:
        if victim.read_bytes() != b"precious":
            return f"{victim} was overwritten"
        return None if ws.article.read_bytes() == article else f"{ws.article} was overwritten"

    sid = _tagged_statement(ws)
    tag = ("tag", str(ws.article), sid, "eyewitness")

    def temp_link(pick: Callable[[Path], Path]) -> Damage:
        def damage(db: Path) -> list[Path]:
            path = pick(db)
            path.with_name(f".{path.name}.tmp").symlink_to(victim)
            return []
        return damage

    def lock_link(db: Path) -> list[Path]:
        (db / ".lock").unlink()
        (db / ".lock").symlink_to(victim)
        return []

    for name, damage in (("a link as the article file's temporary file", temp_link(_article_file)),
                         ("a link as the index's temporary file", temp_link(lambda db: db / "index.json")),
                         ("a link as the lock file", lock_link)):
        yield Case("planted", name, tag, damage=damage, harmless=intact)
    fifo = ws.inputs / "out.fifo"
    if not fifo.exists():
        os.mkfifo(fifo)
    for name, target in (("onto a pipe", fifo), ("onto a folder", ws.inputs), ("into a missing folder", ws.inputs / "no" / "x.json"),
                         ("onto /dev/null", Path("/dev/null")), ("onto the victim through a link", ws.inputs / "link.json")):
        if name.endswith("link") and not target.is_symlink():
            target.symlink_to(fifo)
        yield Case("planted", f"export -o {name}", ("export", "--all", "--format", "json", "-o", str(target)),
                   harmless=intact)
    for name, db in (("a database server address", "postgresql://alex:s3cret@db.example/tags"),
                     ("/dev/null", "/dev/null"), ("the article file", str(ws.article)), ("the victim", str(victim)),
                     ("a pipe", str(fifo))):
        yield Case("planted", f"--db is {name}", ("tags", str(ws.article)), db=db, harmless=intact)


# --- command arguments ----------------------------------------------------------------------

def arguments(ws: Workspace) -> Iterator[Case]:
    article = str(ws.article)
    sid = _tagged_statement(ws)
    texts = {"escapes": ESCAPES, "markup": MARKUP, "empty": "", "100 KB": "x" * 100_000,
             "a lone surrogate": os.fsdecode(b"\xed\xa0\x80"), "a newline": "a\nb", "a path": "../../etc/passwd"}
    for name, value in texts.items():
        yield Case("arguments", f"tag: a statement id of {name}", ("tag", article, value, "official"))
        yield Case("arguments", f"tag: a category of {name}", ("tag", article, sid, value))
        yield Case("arguments", f"tag: a note of {name}", ("tag", article, sid, "official", "--note", value))
        yield Case("arguments", f"tag: grades of {name}", ("tag", article, sid, "official", "--reliability", value,
                                                           "--credibility", value))
        yield Case("arguments", f"untag: a statement id of {name}", ("untag", article, value), removes=True)
        yield Case("arguments", f"export: a category of {name}", ("export", article, "--category", value))
        yield Case("arguments", f"export: -o named with {name}", ("export", article, "-o", str(ws.inputs / f"x{value[:50]}.json")))
    for credibility in ("0", "7", "\u0661", "1\n"):
        yield Case("arguments", f"tag: credibility {credibility!r}", ("tag", article, sid, "official", "--credibility", credibility))
    yield Case("arguments", "report of one article", ("report", article))
    yield Case("arguments", "export to an unknown ending", ("export", "--all", "-o", str(ws.inputs / "x.unknown")))


FAMILIES: dict[str, Callable[[Workspace], Iterator[Case]]] = {
    "articles": articles, "settings": settings, "imports": imports, "database": database, "planted": planted,
    "arguments": arguments,
}


def every_case(ws: Workspace) -> list[Case]:
    return [case for family in FAMILIES.values() for case in family(ws)]
