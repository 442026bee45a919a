"""The network side of a visit: the throttled profile, and when a page asked for which file."""

import re

# Chromium's network emulation (CDP Network.emulateNetworkConditions), applied per page; it
# covers the page's worker too. Loopback hides the cost of downloading the runtime.
THROTTLED = {"offline": False, "latency": 40, "downloadThroughput": 20e6 / 8, "uploadThroughput": 5e6 / 8}


class Requests:
    """Every request a page makes, its worker's included. Attach before navigating."""

    def __init__(self, page):
        self.requests = []
        page.on("requestfinished", lambda request: self.requests.append(request))

    def started(self, file_pattern, time_origin, last=False):
        """When the first (or `last`) request for a file matching `file_pattern` was sent, in
        ms since `time_origin` (the page's performance.timeOrigin); None if there was none."""
        matching = self._matching(file_pattern)
        request = (matching[-1] if last else matching[0]) if matching else None
        return None if request is None else request.timing["startTime"] - time_origin

    def finished(self, file_pattern, time_origin):
        """When that file's response had fully arrived, likewise."""
        matching = self._matching(file_pattern)
        return matching[0].timing["startTime"] + matching[0].timing["responseEnd"] - time_origin if matching else None

    def bytes_before(self, time_origin, moment):
        """The bytes (compressed, as received) of the responses that had fully arrived by
        `moment` (ms since `time_origin`): what the page needed to get there."""
        return sum(
            request.sizes()["responseBodySize"]
            for request in self.requests
            if request.timing["startTime"] + request.timing["responseEnd"] - time_origin <= moment
        )

    def _matching(self, file_pattern):
        return [request for request in self.requests if re.search(file_pattern, request.url.rsplit("/", 1)[-1])]
