"""The support assistant with both memories (given: today's work is the memories themselves).

Each customer has a conversation window (short-term) and a set of remembered facts
(long-term). For every message: recall the facts relevant to it, put them in the window's
context, add the message, send the window, add the reply. The user id comes from the
authenticated session, never from anything the model or the message says.
"""

from __future__ import annotations

from openai import OpenAI

from shop.long_term import Memory, MemoryStore
from shop.short_term import ConversationWindow, LLMSummarizer, Summarize

SYSTEM_PROMPT = (
    "You are the support assistant of a small online shop. Be brief and concrete. Use what you "
    "know about the customer when it helps, and never mention it when it does not."
)


class Assistant:
    def __init__(
        self,
        client: OpenAI,
        model: str,
        store: MemoryStore,
        *,
        budget: int = 1500,
        summarize: Summarize | None = None,
        recall_k: int = 3,
        max_output_tokens: int = 300,
    ) -> None:
        self.client = client
        self.model = model
        self.store = store
        self.budget = budget
        self.summarize = summarize or LLMSummarizer(client, model)
        self.recall_k = recall_k
        self.max_output_tokens = max_output_tokens
        self.windows: dict[str, ConversationWindow] = {}
        self.recalled: list[Memory] = []  # what the last message recalled (for logs and tests)

    def window(self, user_id: str) -> ConversationWindow:
        if user_id not in self.windows:
            self.windows[user_id] = ConversationWindow(SYSTEM_PROMPT, self.budget, self.summarize)
        return self.windows[user_id]

    def remember(self, user_id: str, fact: str) -> Memory:
        """Called by the shop when the customer asks it to keep something ("remember that...")."""
        return self.store.remember(user_id, fact)

    def chat(self, user_id: str, text: str) -> str:
        window = self.window(user_id)
        self.recalled = self.store.recall(user_id, text, k=self.recall_k)
        window.set_context(" ".join(f"- {memory.text}" for memory in self.recalled))
        window.add("user", text)
        response = self.client.chat.completions.create(
            model=self.model, messages=window.messages(), max_tokens=self.max_output_tokens
        )
        reply = response.choices[0].message.content or ""
        window.add("assistant", reply)
        return reply
