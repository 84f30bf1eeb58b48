import codecs

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
