"""The people of bench/faults_under_load.py: signed-in readers asking for pages, and editors
changing the same few systems through the API with optimistic locking. Not a script."""

from __future__ import annotations

import http.client
import random
import threading
from collections import Counter

import httpx2
from _server import Client
from web_load import KINDS, Targets


class Readers:
    """`clients` signed-in readers asking for pages until stopped; counts answers by status."""

    def __init__(self, port: int, clients: int, targets: Targets) -> None:
        self.clients = [Client(port, "bench") for _ in range(clients)]
        self.targets = targets
        self.statuses: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = [
            threading.Thread(target=self._read, args=(n, c), daemon=True)
            for n, c in enumerate(self.clients)
        ]

    def _read(self, index: int, client: Client) -> None:
        rng, turn = random.Random(index), index
        while not self.stop.is_set():
            path = self.targets.path(KINDS[turn % len(KINDS)], rng)
            turn += 1
            try:
                status, _ = client.get(path, retry=False)
                outcome = str(status)
            except (OSError, http.client.HTTPException) as error:  # the server was killed
                outcome = type(error).__name__
                client.connection.close()
                self.stop.wait(0.2)
            with self.lock:
                self.statuses[outcome] += 1

    def __enter__(self) -> Readers:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join()


def api(port: int, token: str) -> httpx2.Client:
    return httpx2.Client(
        base_url=f"http://127.0.0.1:{port}/api/v1",
        headers={"Authorization": f"Bearer {token}"},
        timeout=120,
    )


class Writers:
    """Editors appending marks to the descriptions of HOT systems with optimistic locking."""

    def __init__(self, port: int, token: str, writers: int, hot: list[str]) -> None:
        self.port, self.token, self.hot = port, token, hot
        self.acknowledged: list[tuple[str, str]] = []  # (system, mark)
        self.outcomes: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = [
            threading.Thread(target=self._write, args=(n,), daemon=True) for n in range(writers)
        ]

    def _write(self, writer: int) -> None:
        rng, number = random.Random(1000 + writer), 0
        with api(self.port, self.token) as client:
            while not self.stop.is_set():
                system = rng.choice(self.hot)
                number += 1
                mark = f"[w{writer}-{number}]"
                outcome = self._edit(client, system, mark)
                with self.lock:
                    self.outcomes[outcome] += 1
                    if outcome == "200":
                        self.acknowledged.append((system, mark))

    @staticmethod
    def _edit(client: httpx2.Client, system: str, mark: str) -> str:
        try:
            read = client.get(f"/systems/{system}")
            if read.status_code != 200:
                return f"read {read.status_code}"
            record = read.json()
            description = (record.get("description") or "") + mark
            written = client.patch(
                f"/systems/{system}",
                params={"row_version": record["row_version"]},
                json={"description": description},
            )
            return str(written.status_code)
        except httpx2.HTTPError as error:
            return type(error).__name__

    def __enter__(self) -> Writers:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join()
