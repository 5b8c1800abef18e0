"""Which provider the assistant talks to, read from the environment, and the client built for it.

Every provider here speaks the OpenAI chat completions API, so one client class serves them all:
only the base URL, the model name and the key change. Settings come from the environment:

    LLM_PROVIDER          openai | mistral | ollama            (default: ollama)
    LLM_BASE_URL          overrides the provider's base URL    (a proxy, a gateway, a test server)
    LLM_MODEL             overrides the provider's default model
    LLM_API_KEY           overrides the provider's key variable (OPENAI_API_KEY, MISTRAL_API_KEY)
    LLM_TIMEOUT_SECONDS   how long one call may take           (default: 30)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import httpx
from openai import OpenAI


@dataclass(frozen=True)
class Provider:
    base_url: str
    model: str
    key_variable: str | None  # None: the provider needs no key (a local server)


PROVIDERS: dict[str, Provider] = {
    "openai": Provider("https://api.openai.com/v1", "gpt-4o-mini", "OPENAI_API_KEY"),
    "mistral": Provider("https://api.mistral.ai/v1", "mistral-small-latest", "MISTRAL_API_KEY"),
    "ollama": Provider("http://localhost:11434/v1", "llama3.2", None),
}
DEFAULT_PROVIDER = "ollama"
DEFAULT_TIMEOUT_SECONDS = 30.0
# Local servers ignore the key, but the SDK refuses an empty one.
NO_KEY = "not-needed"


class ConfigError(ValueError):
    """The environment does not describe a usable provider; the message says what to set."""


@dataclass(frozen=True)
class Settings:
    provider: str
    base_url: str
    model: str
    # repr=False: a settings object printed in a log line or a traceback must not show the key.
    api_key: str = field(repr=False)
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS
    max_attempts: int = 3
    max_output_tokens: int = 400

    def public(self) -> dict[str, str]:
        """What may be shown to a client or an operator: everything but the key."""
        return {"provider": self.provider, "base_url": self.base_url, "model": self.model}


def settings_from_env(env: Mapping[str, str]) -> Settings:
    """Settings for the provider named by LLM_PROVIDER, with the overrides described above.

    Raises ConfigError for an unknown provider (naming the known ones) and for a provider that
    needs a key when neither LLM_API_KEY nor its own key variable is set (naming that variable).
    """
    # BEGIN SOLUTION
    name = env.get("LLM_PROVIDER", DEFAULT_PROVIDER)
    if name not in PROVIDERS:
        known = ", ".join(sorted(PROVIDERS))
        raise ConfigError(f"LLM_PROVIDER={name!r} is not a known provider; use one of {known}")
    provider = PROVIDERS[name]
    key = env.get("LLM_API_KEY") or (
        env.get(provider.key_variable) if provider.key_variable else ""
    )
    if not key:
        if provider.key_variable:
            raise ConfigError(
                f"provider {name!r} needs an API key: set {provider.key_variable} (or LLM_API_KEY)"
            )
        key = NO_KEY
    try:
        timeout = float(env.get("LLM_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS))
    except ValueError as error:
        raise ConfigError("LLM_TIMEOUT_SECONDS must be a number of seconds, like 30") from error
    return Settings(
        provider=name,
        base_url=env.get("LLM_BASE_URL") or provider.base_url,
        model=env.get("LLM_MODEL") or provider.model,
        api_key=key,
        timeout_seconds=timeout,
    )
    # STARTER: raise NotImplementedError("TODO(day41): pick the provider, apply the overrides")
    # END SOLUTION


def build_client(settings: Settings, http_client: httpx.Client | None = None) -> OpenAI:
    """An OpenAI SDK client for these settings.

    The SDK's own retries are turned off (max_retries=0): the gateway retries itself, so it can
    count attempts, honour Retry-After with an injectable sleep, and give up on time. Tests pass
    an `http_client` wired to the fake LLM; in production it stays None.
    """
    # BEGIN SOLUTION
    return OpenAI(
        api_key=settings.api_key,
        base_url=settings.base_url,
        timeout=settings.timeout_seconds,
        max_retries=0,
        http_client=http_client,
    )
    # STARTER: raise NotImplementedError("TODO(day41): an OpenAI client with a timeout, no retries")
    # END SOLUTION
