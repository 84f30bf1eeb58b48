import codecs
import os

import pytest

from reader.article import load_article
from reader.errors import ReaderError


def test_utf8_with_bom_and_crlf_is_normalised(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + "Title\r\n\r\nHe said “yes”.\rEnd\r\n".encode())
    article = load_article(path)
    assert article.text == "Title\n\nHe said “yes”.\nEnd\n"
    assert article.title == "Title" and not article.warnings


def test_title_is_first_non_empty_line_and_markdown_heading_marks_go(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("\n\n# The *headline*\n\nBody.", encoding="utf-8")
    article = load_article(path)
    assert article.title == "The *headline*"
    assert article.text.startswith("\n\n# The *headline*")  # shown as its text


def test_other_encoding_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "latin.txt"
    text = "Le ministre a déclaré que la situation était « très préoccupante » à Genève.\n" * 5
    path.write_bytes(text.encode("cp1252"))
    article = load_article(path)
    assert article.text == text
    assert article.warnings and "not UTF-8" in article.warnings[0] and str(path) in article.warnings[0]


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("Hello “world”\r\n".encode("utf-16"))
    assert load_article(path).text == "Hello “world”\n"


@pytest.mark.parametrize("make, message", [
    (lambda p: p.mkdir(), "is a folder"),
    (lambda p: None, "no such file"),
    (lambda p: p.write_bytes(bytes(range(256)) * 8), "binary"),
    (lambda p: p.symlink_to("/dev/zero"), "is a device, not an article file"),  # read without end, before
    (lambda p: p.symlink_to("/dev/urandom"), "is a device, not an article file"),
    (lambda p: os.mkfifo(p), r"is a pipe \(FIFO\), not an article file"),  # waited for a writer, before
])
def test_unreadable_inputs_are_clear_errors(tmp_path, make, message):
    path = tmp_path / "article.txt"
    make(path)
    with pytest.raises(ReaderError, match=message) as e:
        load_article(path)
    assert str(path) in str(e.value)


def test_article_id_is_the_hash_of_the_normalised_text(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(b"Same text\r\n")
    b.write_bytes(b"Same text\n")
    assert load_article(a).id == load_article(b).id


def test_mixed_line_endings_nbsp_zero_width_and_smart_quotes_keep_exact_offsets(tmp_path):
    raw = ("Headline\r\nThe mayor\u00a0said: \u201cWe will\u200b rebuild.\u201d\rShe added \u2018soon\u2019.\n"
           "\ufeffA word\u2060joined, a soft\u00adhyphen and \u202fthin space.\r\n")
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    article = load_article(path)
    # only line endings change: every other character, invisible ones included, stays where it was
    assert article.text == raw.replace("\r\n", "\n").replace("\r", "\n")
    quote = "\u201cWe will\u200b rebuild.\u201d"
    start = article.text.index(quote)
    assert article.text[start:start + len(quote)] == quote
    assert article.text.count("\n") == 4


def test_a_text_article_records_its_encoding_in_meta(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Le ministre a déclaré « non » mardi soir, à la surprise générale.\n".encode("cp1252") * 3)
    article = load_article(path)
    assert article.meta == {"encoding": "cp1252", "format": "text"}


def test_a_markdown_or_unknown_extension_that_is_not_html_stays_text(tmp_path):
    for name in ("notes.md", "notes", "notes.log"):
        path = tmp_path / name
        path.write_text("# Notes\n\nThe <b>council</b> said “no”.\n", encoding="utf-8")
        assert load_article(path).text == "# Notes\n\nThe <b>council</b> said “no”.\n"


def test_a_pdf_gets_a_hint_instead_of_binary_noise(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    with pytest.raises(ReaderError, match="is a PDF document; .*pdftotext") as e:
        load_article(path)
    assert str(e.value).startswith(f"{path}: ")


def test_a_bare_site_name_gets_a_hint(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ReaderError, match=r"^www\.example\.com/story: no such file; for a web page give "
                                          r"the whole address, https://www\.example\.com/story\.$"):
        load_article("www.example.com/story")


def test_a_file_address_opens_the_file(tmp_path):
    path = tmp_path / "my article.txt"
    path.write_text("Title\nBody text.\n", encoding="utf-8")
    assert load_article(path.as_uri()).text == "Title\nBody text.\n"


def test_an_article_over_the_limit_is_refused_while_reading(tmp_path, monkeypatch):
    from reader.article import load as load_module

    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 1000)
    monkeypatch.setattr(load_module, "MAX_BYTES", 4096)
    with pytest.raises(ReaderError, match=r"more than reader reads as an article file"):
        load_article(path)
