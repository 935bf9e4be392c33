"""search.english: Elasticsearch's `english` analyzer in Python (the people search names topics with it before
sending its query), term for term the same as Elasticsearch's own for the words of this project's documentation,
their inflections and the odd apostrophe."""

from pathlib import Path

import pytest

from search.english import analyze
from tests.conftest import elasticsearch_client

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = (  # between them, every rule of the Porter stemmer
    *("", "s", "es", "ies", "ed", "ing", "ly", "y", "er", "ness", "ful", "ation", "ational", "ization", "ement"),
    *("ity", "ive", "al", "ic", "ism", "able", "ible", "ent", "ence", "ance", "ize", "ate", "ology", "bility"),
    *("ously", "iveness", "icate", "ical", "alize", "eed", "ll"),
)


def words() -> list[str]:
    found = set()
    for path in (ROOT / "README.md", ROOT / "bench" / "README.md"):
        found.update(word.lower() for word in analyze_free_words(path.read_text()))
    return sorted({word + suffix for word in found for suffix in SUFFIXES})


def analyze_free_words(text: str) -> list[str]:
    return [word for word in text.replace("_", " ").split() if word.isalpha() and word.isascii()]


def elasticsearch_terms(texts: list[str]) -> list[list[str]]:
    """`_analyze` with the english analyzer, for each text apart (one request for many)."""
    es = elasticsearch_client()
    terms = []
    for start in range(0, len(texts), 2000):
        chunk = texts[start : start + 2000]
        tokens = es.indices.analyze(body={"analyzer": "english", "text": chunk})["tokens"]
        by_text = [[] for _ in chunk]
        offsets, position = [], 0
        for text in chunk:  # each text's characters in the joined offsets (Elasticsearch adds a gap of one)
            offsets.append((position, position + len(text)))
            position += len(text) + 1
        for token in tokens:
            index = next(n for n, (begin, end) in enumerate(offsets) if begin <= token["start_offset"] < end)
            by_text[index].append(token["token"])
        terms.extend(by_text)
    return terms


def test_the_stems_are_elasticsearchs_for_thousands_of_words():
    texts = words()
    assert len(texts) > 10_000
    mismatches = [
        (text, expected, analyze(text))
        for text, expected in zip(texts, elasticsearch_terms(texts), strict=True)
        if analyze(text) != expected
    ]
    assert mismatches == []


@pytest.mark.parametrize(
    "text",
    [
        "Who knows about facilitators' workshops?",
        "John's communities of practice, e-learning and O'Neil\u2019s after-action reviews",
        "The 10 best ways: Q&A on lessons-learned databases, e.g. U.S.A. taxonomies",
        "Naïve résumés, cafés and foo_bar",
        "",
    ],
)
def test_sentences_analyse_as_elasticsearch_does(text):
    expected = (
        [
            token["token"]
            for token in elasticsearch_client().indices.analyze(body={"analyzer": "english", "text": text})["tokens"]
        ]
        if text
        else []
    )
    assert analyze(text) == expected
