import codecs

import pytest

from pipeline.errors import InputError
from pipeline.read import read_article


def write(tmp_path, data: bytes):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty article"),
        (b"  \n\n", "empty article"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Café in Kyiv".encode("latin-1"), "not UTF-8 text (line 1"),
        (b"ok line\nbad \x01 control\n", "control character U+0001"),
    ],
)
def test_bad_input_gives_one_line_error(tmp_path, data, message):
    with pytest.raises(InputError) as exc:
        read_article(write(tmp_path, data))
    assert message in str(exc.value)
    assert "\n" not in str(exc.value)
    assert str(tmp_path) in str(exc.value)


def test_crlf_and_boms_are_accepted(tmp_path):
    assert read_article(write(tmp_path, b"One.\r\nTwo.\r\n")) == "One.\nTwo.\n"
    assert read_article(write(tmp_path, codecs.BOM_UTF8 + "Київ.".encode())) == "Київ."
    assert read_article(write(tmp_path, "Kursk.\n".encode("utf-16"))) == "Kursk.\n"


def test_large_article_reads_and_segments(tmp_path):
    from pipeline.segment import segment_text

    paragraph = "North Korean troops moved to Kursk on Oct. 23, officials said. " * 40
    text = "\n".join([paragraph] * 2000)  # about 5 MB
    assert len(text.encode()) > 5_000_000
    doc = segment_text("big", read_article(write(tmp_path, text.encode())))
    assert doc.source_text() == text
    assert len(doc.segments) == 80_000
