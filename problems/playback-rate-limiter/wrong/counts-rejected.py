# WRONG (edge case): records every request, rejected ones included, so a user who keeps retrying
# stays locked out long after their allowed requests have left the window.
from collections import deque


class PlaybackRateLimiter:
    def __init__(self, limit, window_ms):
        self.limit = limit
        self.window_ms = window_ms
        self.seen = {}
        self.latest = None

    def allow(self, user_id, timestamp_ms):
        if self.latest is not None and timestamp_ms < self.latest:
            return False
        self.latest = timestamp_ms
        queue = self.seen.setdefault(user_id, deque())
        while queue and queue[0] <= timestamp_ms - self.window_ms:
            queue.popleft()
        queue.append(timestamp_ms)
        return len(queue) <= self.limit
