"""RAG answers: the prompt carries the retrieved chunks, the answer cites only those."""

import re

from knowledgecloud.search.answer import DONT_KNOW
from tests.conftest import make_docx, make_pdf
from tests.documents import ERROR_CODES, REFUNDS, SHIPPING


def handbook(platform):
    document = platform.upload("handbook.pdf", make_pdf(REFUNDS, ERROR_CODES))
    platform.upload("shipping.docx", make_docx(*SHIPPING))
    platform.deliver()
    return document


def test_the_prompt_carries_the_retrieved_chunks_with_their_ids(platform):
    handbook(platform)
    question = "What does ERR-4711 mean?"
    platform.answer(question)
    (request,) = platform.llm.requests
    prompt = request["messages"][-1]["content"]
    retrieved = platform.search(question, k=4)
    for result in retrieved:
        assert f"[{result['chunk_id']}] {result['text']}" in prompt.splitlines()
    assert prompt.rstrip().endswith(question)
    assert request["messages"][0]["role"] == "system"


def test_the_answer_quotes_and_cites_the_right_page(platform):
    document = handbook(platform)
    answer = platform.answer("What does ERR-4711 mean?")
    assert "barcode scanner" in answer["answer"]
    (citation,) = answer["citations"]
    assert citation["document_id"] == document["id"] and citation["page"] == 2
    assert f"[{citation['chunk_id']}]" in answer["answer"]


def test_a_citation_the_search_did_not_return_is_not_trusted(platform):
    handbook(platform)
    invented = "00000000-0000-4000-8000-000000000000"
    platform.llm.reply(f"ERR-4711 means the office is closed. [{invented}]")
    answer = platform.answer("What does ERR-4711 mean?")
    assert answer == {"query": "What does ERR-4711 mean?", "answer": DONT_KNOW, "citations": []}


def test_no_sources_means_no_model_call(platform):
    handbook(platform)
    answer = platform.answer("What does ERR-4711 mean?", tenant="globex")
    assert answer["answer"] == DONT_KNOW and answer["citations"] == []
    assert platform.llm.requests == [], "with nothing to ground on, the model is not called"
    assert not re.search(r"\[[0-9a-f-]{36}\]", answer["answer"])
