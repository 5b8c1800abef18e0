"""The advanced pipeline: rewrite, HyDE, hybrid retrieval, rerank, compress, answer.

    message (+ conversation) ──LLM──▶ standalone query ──LLM──▶ hypothetical passage (HyDE)
    query + passage ──BM25────┐
            passage ──vectors─┴─ RRF ─▶ 10 candidates ─▶ rerank ─▶ top 3 ─▶ compress ─▶ LLM
                                                           └ best score too low: "don't know"
                                                             (no answer call)

Three model calls per question, always in this order: rewrite, HyDE, answer. Each earlier call
feeds the next, so the recorded requests show the data flowing: the HyDE request holds the
rewritten query, and the answer request holds the compressed chunks and the rewritten query.

Query rewriting turns "and how long for that?" into "How long do card refunds take?": a search
query needs to stand alone. HyDE (Hypothetical Document Embeddings) asks the model for the
passage an answer *would* come from, then searches with that passage's embedding: the passage is
written in the help centre's vocabulary ("damaged", "refund", "gift card"), which the customer's
words ("smashed", "my money", "present voucher") are not. The hypothetical passage may be wrong
in its facts; it only has to look like the right article. Its facts never reach the customer:
the answer is made from retrieved chunks only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from shop.chunking import Chunk
from shop.compress import KEEP_SENTENCES, compress
from shop.hybrid import CANDIDATES, HybridRetriever
from shop.llm import ChatGateway
from shop.rag import DONT_KNOW, Answer, HelpCentre, K, build_messages, check_citations
from shop.rerank import SentenceReranker
from shop.store import Hit

# Below this reranker score nothing retrieved is about the question (on the help centre, the
# labelled on-topic questions score 0.6 and more, off-topic ones 0.25 and less).
MIN_RERANK_SCORE = 0.4

REWRITE_PROMPT = (
    "You turn a customer's last message into one standalone search query for an online shop's "
    "help centre. Use the conversation to resolve words like 'it' or 'that order'. Keep names, "
    "numbers and codes exactly as written. Answer with the query only."
)
HYDE_PROMPT = (
    "Write the short passage of an online shop's help centre that would answer the question, "
    "in the plain words help-centre articles use. Two to four sentences. Answer with the "
    "passage only."
)


@dataclass(frozen=True)
class AdvancedAnswer:
    query: str  # the rewritten, standalone query
    hypothetical: str  # the HyDE passage the vector search used
    candidates: list[Chunk]  # hybrid retrieval's candidates, fused order
    context: list[Hit]  # what the answer prompt held: reranked, then compressed
    answer: Answer


class AdvancedRag:
    def __init__(
        self,
        centre: HelpCentre,
        gateway: ChatGateway,
        *,
        reranker: SentenceReranker | None = None,
        k: int = K,
        candidates: int = CANDIDATES,
        keep_sentences: int | None = KEEP_SENTENCES,
        min_score: float = MIN_RERANK_SCORE,
        hyde: bool = True,
    ) -> None:
        self.gateway = gateway
        self.retriever = HybridRetriever(centre)
        self.reranker = reranker or SentenceReranker(centre.embed)
        self.embed = centre.embed
        self.k = k
        self.candidates = candidates
        self.keep_sentences = keep_sentences  # None: no compression
        self.min_score = min_score
        self.hyde = hyde  # False: no HyDE call, both rankings search the query

    def rewrite(self, message: str, history: Sequence[dict[str, str]] = ()) -> str:
        """One model call: the standalone query (the message itself if the model returns
        nothing). The user turn lists the conversation, one `role: text` line per message, then
        `Last message: <message>`."""
        # BEGIN SOLUTION
        lines = [f"{turn['role']}: {' '.join(turn['content'].split())}" for turn in history]
        conversation = "Conversation:\n" + "\n".join(lines) + "\n\n" if lines else ""
        user = f"{conversation}Last message: {message}"
        reply = self.gateway.complete(
            [{"role": "system", "content": REWRITE_PROMPT}, {"role": "user", "content": user}]
        )
        return reply.text.strip() or message
        # STARTER: raise NotImplementedError("TODO(day44): ask the model for a standalone query")
        # END SOLUTION

    def hypothetical_document(self, query: str) -> str:
        """One model call: a passage that would answer the query (HYDE_PROMPT, then the query as
        the user turn)."""
        # BEGIN SOLUTION
        reply = self.gateway.complete(
            [{"role": "system", "content": HYDE_PROMPT}, {"role": "user", "content": query}]
        )
        return reply.text.strip()
        # STARTER: raise NotImplementedError("TODO(day44): ask the model for a hypothetical passage")
        # END SOLUTION

    def answer(self, message: str, history: Sequence[dict[str, str]] = ()) -> AdvancedAnswer:
        """The whole pipeline of the module docstring. Retrieval gets the rewritten query and the
        HyDE passage (see HybridRetriever.search); the reranker, the compressor and the answer
        prompt use the rewritten query. With `hyde` off, there is no HyDE call and the passage
        is empty."""
        # BEGIN SOLUTION
        query = self.rewrite(message, history)
        passage = self.hypothetical_document(query) if self.hyde else ""
        candidates = self.retriever.search(query, hypothetical=passage or None, n=self.candidates)
        ranked = self.reranker.rerank(query, candidates, self.k)
        if not ranked or ranked[0].score < self.min_score:
            hits = [Hit(r.chunk, r.score) for r in ranked]
            return AdvancedAnswer(
                query, passage, candidates, [], Answer(DONT_KNOW, [], [], hits, False)
            )
        chunks = [r.chunk for r in ranked]
        if self.keep_sentences is not None:
            chunks = compress(query, chunks, keep=self.keep_sentences, embed=self.embed)
        context = [Hit(chunk, r.score) for chunk, r in zip(chunks, ranked, strict=True)]
        completion = self.gateway.complete(build_messages(query, context))
        text, citations, unsupported = check_citations(completion.text, context)
        answer = Answer(text, citations, unsupported, context, model_called=True)
        return AdvancedAnswer(query, passage, candidates, context, answer)
        # STARTER: raise NotImplementedError("TODO(day44): rewrite, HyDE, retrieve, rerank, answer")
        # END SOLUTION
