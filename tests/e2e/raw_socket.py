"""A socket.io client written from the wire format, for tests that send what no library would.

A browser's socket.io client speaks Engine.IO 4 over one WebSocket: the server opens with `0{...}`,
the client joins the default namespace with `40`, and each event is `42["name", data]`. Here each
frame is written by hand, so a test can send a 900 KB frame, a null payload or a broken packet.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import websockets
from websockets.exceptions import ConnectionClosed


class RawSocket:
    def __init__(self, connection: Any) -> None:
        self._connection = connection
        self.events: list[tuple[str, Any]] = []

    @classmethod
    async def open(cls, rasa_url: str, origin: str | None = None) -> RawSocket:
        url = rasa_url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
        connection = await websockets.connect(url, origin=origin, max_size=None, open_timeout=30)
        socket = cls(connection)
        opening = await connection.recv()
        assert opening.startswith("0{"), opening
        await connection.send("40")
        await socket._until(lambda frame: frame.startswith("40"), 30)
        return socket

    async def send_frame(self, frame: str) -> None:
        await self._connection.send(frame)

    async def emit(self, event: str, data: Any) -> None:
        await self._connection.send("42" + json.dumps([event, data]))

    async def wait_for(self, event: str, timeout: float = 60) -> Any:
        """The data of the next `event` the server sends (other events are kept in self.events)."""
        for name, data in self.events:
            if name == event:
                self.events.remove((name, data))
                return data
        while True:
            name, data = await self._next_event(timeout)
            if name == event:
                return data
            self.events.append((name, data))

    async def events_for(self, seconds: float) -> list[tuple[str, Any]]:
        """Every event that arrives within `seconds`, with those already kept."""
        loop = asyncio.get_running_loop()
        end = loop.time() + seconds
        while (left := end - loop.time()) > 0:
            try:
                self.events.append(await self._next_event(left))
            except asyncio.TimeoutError:
                break
        events, self.events = self.events, []
        return events

    async def closed_by_server(self, timeout: float = 30) -> bool:
        """True if the server closes the connection within `timeout` seconds."""
        try:
            await asyncio.wait_for(self._drain(), timeout)
        except ConnectionClosed:
            return True
        except asyncio.TimeoutError:
            return False
        return True

    async def close(self) -> None:
        await self._connection.close()

    async def _drain(self) -> None:
        while True:
            await self._connection.recv()

    async def _next_event(self, timeout: float) -> tuple[str, Any]:
        frame = await self._until(lambda frame: frame.startswith("42"), timeout)
        name, *rest = json.loads(frame[2:])
        return name, (rest[0] if rest else None)

    async def _until(self, wanted: Any, timeout: float) -> str:
        loop = asyncio.get_running_loop()
        end = loop.time() + timeout
        while True:
            frame = await asyncio.wait_for(self._connection.recv(), max(end - loop.time(), 0.01))
            if frame == "2":  # the server's ping
                await self._connection.send("3")
            elif wanted(frame):
                return frame
