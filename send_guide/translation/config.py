"""Pick the translation service from the environment (see the translation section of endpoints.yml).

TRANSLATION_BACKEND    none (default) | libretranslate | azure | google
TRANSLATION_URL        service address; Azure and Google have public defaults, LibreTranslate
                       (self-hosted) must be given
TRANSLATION_API_KEY    key, if the service needs one (Azure and Google do)
TRANSLATION_REGION     Azure resource region, for regional or multi-service keys
TRANSLATION_TIMEOUT_SECONDS  per attempt (default 4)
TRANSLATION_RETRIES    extra attempts after a timeout or server error (default 1)
"""

from __future__ import annotations

import os
from typing import Mapping

from send_guide.translation.backends import (
    AzureTranslator,
    GoogleTranslator,
    LibreTranslate,
    Settings,
    Translator,
)

BACKENDS: dict[str, type[Translator]] = {
    "libretranslate": LibreTranslate,
    "azure": AzureTranslator,
    "google": GoogleTranslator,
}
DEFAULT_URLS = {
    "azure": "https://api.cognitive.microsofttranslator.com",
    "google": "https://translation.googleapis.com",
}
NEEDS_KEY = {"azure", "google"}


class TranslationConfigError(ValueError):
    """Stops start-up with a clear message rather than failing on every answer later."""


def translator_from_environment(environ: Mapping[str, str] = os.environ) -> Translator | None:
    backend = environ.get("TRANSLATION_BACKEND", "none").strip().lower() or "none"
    if backend == "none":
        return None
    if backend not in BACKENDS:
        raise TranslationConfigError(
            f"TRANSLATION_BACKEND={backend!r}: use none, {', '.join(BACKENDS)}."
        )
    url = environ.get("TRANSLATION_URL", "").strip() or DEFAULT_URLS.get(backend, "")
    if not url:
        raise TranslationConfigError(f"TRANSLATION_URL is needed for {backend} (the address of your server).")
    key = environ.get("TRANSLATION_API_KEY", "").strip()
    if backend in NEEDS_KEY and not key:
        raise TranslationConfigError(f"TRANSLATION_API_KEY is needed for {backend}.")
    try:
        timeout = float(environ.get("TRANSLATION_TIMEOUT_SECONDS", "4"))
        retries = int(environ.get("TRANSLATION_RETRIES", "1"))
    except ValueError as error:
        raise TranslationConfigError(f"TRANSLATION_TIMEOUT_SECONDS / TRANSLATION_RETRIES: {error}") from error
    if timeout <= 0 or not 0 <= retries <= 5:
        raise TranslationConfigError("TRANSLATION_TIMEOUT_SECONDS must be > 0 and TRANSLATION_RETRIES 0 to 5.")
    settings = Settings(url=url, api_key=key, region=environ.get("TRANSLATION_REGION", "").strip(),
                        timeout_seconds=timeout, retries=retries)
    return BACKENDS[backend](settings)
