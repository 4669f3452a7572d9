"""Translation services behind one small interface, each a thin HTTP client.

Every call has a timeout and a bounded number of retries (only for errors that can pass: time
outs, lost connections, 429 and 5xx), so a slow service costs the user a few seconds at most.
Any failure raises TranslationFailed; the caller then sends the English answer. Logs name the
service and the kind of error, never the text.
"""

from __future__ import annotations

import asyncio
import logging
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, Sequence

import aiohttp

from send_guide.translation.protect import LostProtectedText, protect, restore

logger = logging.getLogger(__name__)
SOURCE_LANGUAGE = "en"


class TranslationFailed(RuntimeError):
    pass


class _Retryable(Exception):
    pass


@dataclass(frozen=True)
class Settings:
    url: str
    api_key: str = ""
    region: str = ""  # Azure only: the resource's region, for multi-service and regional keys
    timeout_seconds: float = 4.0
    retries: int = 1
    retry_pause_seconds: float = 0.2


class Translator(ABC):
    name = "translator"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def translate(self, texts: Sequence[str], target: str) -> list[str]:
        """The texts in `target` (ISO 639-1), protected parts unchanged; or TranslationFailed."""
        if not texts:
            return []
        protected = [protect(text) for text in texts]
        try:
            translated = await self._with_retries([p.html for p in protected], target)
            if len(translated) != len(texts):
                raise TranslationFailed(f"{len(translated)} translations for {len(texts)} texts")
            return [restore(text, p) for text, p in zip(translated, protected, strict=True)]
        except (TranslationFailed, LostProtectedText, KeyError, IndexError, TypeError, ValueError) as error:
            logger.warning("Translation by %s to %s failed: %s", self.name, target, type(error).__name__)
            raise TranslationFailed(str(error)) from error

    async def _with_retries(self, html: list[str], target: str) -> list[str]:
        timeout = aiohttp.ClientTimeout(total=self.settings.timeout_seconds)
        last: Exception | None = None
        for attempt in range(self.settings.retries + 1):
            if attempt:
                await asyncio.sleep(self.settings.retry_pause_seconds)
            try:
                async with aiohttp.ClientSession(timeout=timeout) as session:
                    return await self._request(session, html, target)
            except (asyncio.TimeoutError, aiohttp.ClientConnectionError, _Retryable) as error:
                last = error
                logger.info("Translation by %s: attempt %d failed (%s).", self.name, attempt + 1,
                            type(error).__name__)
        raise TranslationFailed(f"{self.name} did not answer: {type(last).__name__}")

    @staticmethod
    async def _json(response: aiohttp.ClientResponse) -> Any:
        if response.status == 429 or response.status >= 500:
            raise _Retryable(f"HTTP {response.status}")
        if response.status != 200:
            raise TranslationFailed(f"HTTP {response.status}")
        return await response.json(content_type=None)

    @abstractmethod
    async def _request(self, session: aiohttp.ClientSession, html: list[str], target: str) -> list[str]:
        """One HTTP exchange: the HTML texts in, their translations out."""


class LibreTranslate(Translator):
    """Self-hosted, open source (https://github.com/LibreTranslate/LibreTranslate)."""

    name = "libretranslate"

    async def _request(self, session: aiohttp.ClientSession, html: list[str], target: str) -> list[str]:
        body: dict[str, Any] = {"q": html, "source": SOURCE_LANGUAGE, "target": target, "format": "html"}
        if self.settings.api_key:
            body["api_key"] = self.settings.api_key
        async with session.post(f"{self.settings.url.rstrip('/')}/translate", json=body) as response:
            data = await self._json(response)
        translated = data["translatedText"]
        return translated if isinstance(translated, list) else [translated]


class AzureTranslator(Translator):
    """Azure AI Translator, Text Translation REST API v3."""

    name = "azure"

    async def _request(self, session: aiohttp.ClientSession, html: list[str], target: str) -> list[str]:
        headers = {"Ocp-Apim-Subscription-Key": self.settings.api_key}
        if self.settings.region:
            headers["Ocp-Apim-Subscription-Region"] = self.settings.region
        params = {"api-version": "3.0", "from": SOURCE_LANGUAGE, "to": target, "textType": "html"}
        async with session.post(f"{self.settings.url.rstrip('/')}/translate", params=params, headers=headers,
                                json=[{"Text": text} for text in html]) as response:
            data = await self._json(response)
        return [item["translations"][0]["text"] for item in data]


class GoogleTranslator(Translator):
    """Google Cloud Translation, Basic edition (v2) REST API with an API key."""

    name = "google"

    async def _request(self, session: aiohttp.ClientSession, html: list[str], target: str) -> list[str]:
        body = {"q": html, "source": SOURCE_LANGUAGE, "target": target, "format": "html"}
        async with session.post(f"{self.settings.url.rstrip('/')}/language/translate/v2",
                                params={"key": self.settings.api_key}, json=body) as response:
            data = await self._json(response)
        return [item["translatedText"] for item in data["data"]["translations"]]
