"""How many messages one live-chat connection may send: a burst at once, then one a second.

Why: nginx limits how fast one client sends over HTTP, but a WebSocket is one long request, so
its messages pass nginx unseen. A person clicks through a form's buttons quickly, but nobody keeps
up one message a second; a script sends hundreds a second. The allowance is a token bucket: BURST
messages at once, then one more every REFILL_SECONDS. Time is passed in, so tests need no clock.
"""

from __future__ import annotations

from dataclasses import dataclass

# As nginx allows one client on REST (deploy/env.example CHAT_BURST): a person who clicks through a
# form's buttons quickly sent 10 messages in 5 seconds in the browser test.
BURST = 20
REFILL_SECONDS = 1.0


@dataclass
class MessageAllowance:
    burst: int = BURST
    refill_seconds: float = REFILL_SECONDS
    _tokens: float = float(BURST)
    _last: float | None = None

    def __post_init__(self) -> None:
        self._tokens = float(self.burst)

    def take(self, now: float) -> bool:
        """True if a message sent at `now` (seconds, any monotonic clock) is within the allowance."""
        if self._last is not None:
            self._tokens = min(float(self.burst), self._tokens + (now - self._last) / self.refill_seconds)
        self._last = now
        if self._tokens < 1:
            return False
        self._tokens -= 1
        return True
