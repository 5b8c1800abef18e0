"""The provider is chosen by configuration, and the client is built to fail fast."""

from __future__ import annotations

import pytest
from conftest import SECRET_KEY

from fakellm import FakeLLM
from shop.config import ConfigError, Settings, build_client, settings_from_env


def test_ollama_is_the_default_and_needs_no_key():
    settings = settings_from_env({})
    assert settings.provider == "ollama"
    assert settings.base_url == "http://localhost:11434/v1"
    assert settings.model == "llama3.2"
    assert settings.api_key  # the SDK refuses an empty key, even for a local server


def test_provider_picks_base_url_model_and_key_variable():
    settings = settings_from_env({"LLM_PROVIDER": "mistral", "MISTRAL_API_KEY": "m-key"})
    assert (settings.base_url, settings.model, settings.api_key) == (
        "https://api.mistral.ai/v1",
        "mistral-small-latest",
        "m-key",
    )


def test_overrides_win_over_the_provider_defaults():
    settings = settings_from_env(
        {
            "LLM_PROVIDER": "openai",
            "OPENAI_API_KEY": "from-provider-variable",
            "LLM_API_KEY": "from-override",
            "LLM_BASE_URL": "http://gateway.internal/v1",
            "LLM_MODEL": "gpt-4o",
            "LLM_TIMEOUT_SECONDS": "8",
        }
    )
    assert settings.base_url == "http://gateway.internal/v1"
    assert settings.model == "gpt-4o"
    assert settings.api_key == "from-override"
    assert settings.timeout_seconds == 8.0


def test_missing_key_names_the_variable_to_set():
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        settings_from_env({"LLM_PROVIDER": "openai"})


def test_unknown_provider_lists_the_known_ones():
    with pytest.raises(ConfigError, match="mistral"):
        settings_from_env({"LLM_PROVIDER": "skynet"})


def test_key_is_not_in_the_settings_repr():
    settings = settings_from_env({"LLM_PROVIDER": "openai", "OPENAI_API_KEY": SECRET_KEY})
    assert SECRET_KEY not in repr(settings)
    assert SECRET_KEY not in str(settings.public())


def test_request_goes_to_the_configured_provider_with_its_key():
    llm = FakeLLM(default="ok")
    settings = settings_from_env({"LLM_PROVIDER": "mistral", "MISTRAL_API_KEY": "m-key"})
    client = build_client(settings, http_client=llm.http_client())
    client.chat.completions.create(
        model=settings.model, messages=[{"role": "user", "content": "hi"}]
    )
    assert llm.calls[0].url == "https://api.mistral.ai/v1/chat/completions"
    assert llm.calls[0].headers["authorization"] == "Bearer m-key"


def test_client_has_the_configured_timeout_and_no_hidden_retries(settings: Settings):
    llm = FakeLLM()
    llm.reply("unused")
    client = build_client(settings, http_client=llm.http_client())
    assert client.max_retries == 0
    client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
    # The timeout the request really carried, as the transport saw it.
    assert llm.calls[0].timeout["read"] == 12.5
    assert llm.calls[0].timeout["connect"] == 12.5
