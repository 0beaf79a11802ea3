from pipeline.segment import segment_text
from tests.conftest import SAMPLE


def test_sample_rebuilds_exactly_and_marks_debris():
    text = SAMPLE.read_text(encoding="utf-8")
    doc = segment_text("kursk", text)
    assert doc.source_text() == text
    assert [s.id for s in doc.segments][:3] == ["kursk:p1:s1", "kursk:p2:s1", "kursk:p3:s1"]
    assert doc.segments[-1].source == "Most Commented" and doc.segments[-1].boilerplate
    assert not any(s.boilerplate for s in doc.segments[:-1])
    assert len(doc.segments) == 13


def test_abbreviations_numbers_and_quotes_do_not_split():
    text = 'The U.S. sent 5,000 troops on Oct. 23 to Kursk. He said, "Go now." Then he left.\n\nNew paragraph here.\n'
    doc = segment_text("t", text)
    assert [s.source for s in doc.segments] == [
        "The U.S. sent 5,000 troops on Oct. 23 to Kursk.",
        'He said, "Go now."',
        "Then he left.",
        "New paragraph here.",
    ]
    assert [s.paragraph for s in doc.segments] == [1, 1, 1, 2]
    assert doc.segments[3].before == "\n\n"
    assert doc.trailing == "\n"
    assert doc.source_text() == text


def test_ids_are_stable_when_another_paragraph_changes():
    a = segment_text("d", "First one. Second one.\nThird one.")
    b = segment_text("d", "First one. Second one changed.\nThird one.")
    assert [s.id for s in a.segments] == [s.id for s in b.segments]
    assert a.segments[2].source == b.segments[2].source
