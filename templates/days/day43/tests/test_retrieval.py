"""Retrieval over the real help centre with real embeddings: recall, and meaning over words."""

from __future__ import annotations

import re
import zlib

import numpy as np

from shop.corpus import load_articles
from shop.rag import HelpCentre

WORD = re.compile(r"[a-z0-9]+")
DIMENSIONS = 2**16
STOP = set("a an and are can do does for how i in is it my of on the to you your".split())


def words(text: str) -> set[str]:
    return set(WORD.findall(text.lower())) - STOP


def recall_at(centre: HelpCentre, k: int, questions: list[dict]) -> float:
    found = 0
    for item in questions:
        hits = centre.retrieve(item["question"], k)
        found += item["article"] in {hit.chunk.doc_id for hit in hits}
    return found / len(questions)


def hashing_search(centre: HelpCentre, question: str, k: int = 3) -> list[str]:
    """The keyword baseline: bag-of-words vectors by the hashing trick, cosine top k."""

    def vector(text: str) -> np.ndarray:
        v = np.zeros(DIMENSIONS)
        for word in words(text):
            v[zlib.crc32(word.encode()) % DIMENSIONS] += 1.0
        return v / (np.linalg.norm(v) or 1.0)

    chunks = centre.chunks
    scores = [float(vector(chunk.text) @ vector(question)) for chunk in chunks]
    ranked = sorted(range(len(chunks)), key=lambda i: -scores[i])
    return [chunks[i].doc_id for i in ranked[:k] if scores[i] > 0]


def test_recall_at_3_on_the_labelled_questions_is_at_least_0_9(help_centre, labelled):
    assert recall_at(help_centre(), 3, labelled["questions"]) >= 0.9


def test_a_paraphrase_is_found_though_it_shares_no_word_with_the_article(help_centre, labelled):
    item = labelled["paraphrase"]
    article = next(a for a in load_articles() if a.id == item["article"])
    assert not words(item["question"]) & words(article.text)  # a true paraphrase
    assert item["article"] not in hashing_search(
        help_centre(), item["question"]
    )  # keywords cannot find it

    hits = help_centre().retrieve(item["question"], 3)

    assert hits[0].chunk.doc_id == item["article"]


def test_off_topic_questions_score_below_every_on_topic_one(help_centre, labelled):
    centre = help_centre()
    on_topic = [centre.retrieve(q["question"], 1)[0].score for q in labelled["questions"]]
    off_topic = [centre.retrieve(q, 1)[0].score for q in labelled["off_topic"]]
    assert max(off_topic) < min(on_topic)
