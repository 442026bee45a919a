"""Memory of a page and of its workers, read through CDP after a garbage collection.

Playwright's CDP sessions cannot address a child session, so workers are reached through
the page session's auto-attach in non-flattened mode: each command to a worker travels
inside Target.sendMessageToTarget and its answer comes back as an event."""

import itertools
import json
import time

REPLY_TIMEOUT_SECONDS = 10


class HeapReader:
    def __init__(self, page, cdp):
        self.page = page
        self.cdp = cdp
        self.workers = set()  # session ids of the workers alive now
        self.replies = {}
        self.ids = itertools.count(1)
        cdp.on("Target.attachedToTarget", self._attached)
        cdp.on("Target.detachedFromTarget", lambda event: self.workers.discard(event["sessionId"]))
        cdp.on("Target.receivedMessageFromTarget", self._received)
        cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": False, "flatten": False})

    def read(self):
        """{"page JS heap": bytes, "worker JS heap": bytes (all its workers), "workers alive": n}.
        Python's own heap is WebAssembly memory, which V8 does not count: see process_memory.py."""
        self.page.wait_for_timeout(100)  # lets the attach and detach events of a respawn arrive
        self.cdp.send("HeapProfiler.collectGarbage")
        memory = {"page JS heap": self.cdp.send("Runtime.getHeapUsage")["usedSize"], "worker JS heap": 0}
        for worker in list(self.workers):
            try:
                self._ask(worker, "HeapProfiler.collectGarbage")
            except TimeoutError:
                # A terminated worker's detach event can come late (or, on a busy machine,
                # not before this read): one that cannot answer has been ended.
                self.workers.discard(worker)
                continue
            memory["worker JS heap"] += self._ask(worker, "Runtime.getHeapUsage")["usedSize"]
        memory["workers alive"] = len(self.workers)
        return memory

    def _ask(self, worker, method, **params):
        message_id = next(self.ids)
        message = json.dumps({"id": message_id, "method": method, "params": params})
        self.cdp.send("Target.sendMessageToTarget", {"sessionId": worker, "message": message})
        deadline = time.monotonic() + REPLY_TIMEOUT_SECONDS
        while message_id not in self.replies:
            if time.monotonic() > deadline:
                raise TimeoutError(f"the worker did not answer {method}")
            self.page.wait_for_timeout(20)  # Playwright delivers CDP events while it waits
        reply = self.replies.pop(message_id)
        if "error" in reply:
            raise RuntimeError(f"{method} in the worker: {reply['error']}")
        return reply["result"]

    def _attached(self, event):
        if event["targetInfo"]["type"] == "worker":
            self.workers.add(event["sessionId"])

    def _received(self, event):
        message = json.loads(event["message"])
        if "id" in message:
            self.replies[message["id"]] = message
