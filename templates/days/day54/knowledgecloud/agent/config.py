"""Which model the agent talks to, from the environment.

LLM_BASE_URL   an OpenAI-compatible endpoint (default: a local Ollama, http://localhost:11434/v1)
LLM_MODEL      the model name                (default: llama3.2)
LLM_API_KEY    the key, if the provider needs one
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from openai import OpenAI


@dataclass(frozen=True)
class LLMSettings:
    base_url: str = "http://localhost:11434/v1"
    model: str = "llama3.2"
    api_key: str = field(default="not-needed", repr=False)


def settings_from_env(env: Mapping[str, str]) -> LLMSettings:
    default = LLMSettings()
    return LLMSettings(
        base_url=env.get("LLM_BASE_URL") or default.base_url,
        model=env.get("LLM_MODEL") or default.model,
        api_key=env.get("LLM_API_KEY") or default.api_key,
    )


def build_client(settings: LLMSettings) -> OpenAI:
    return OpenAI(base_url=settings.base_url, api_key=settings.api_key, timeout=60, max_retries=2)
