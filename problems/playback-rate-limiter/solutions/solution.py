from collections import deque
from typing import Deque, Dict


class PlaybackRateLimiter:
    """Sliding-window log per user.

    Amortised O(1) per call (each timestamp is appended and popped at most once);
    O(users x limit) memory.
    Invariant: after a call for user u at time t, self.allowed[u] holds, oldest first, exactly the
    timestamps of u's allowed requests in (t - window_ms, t].
    """

    def __init__(self, limit: int, window_ms: int):
        self.limit = limit
        self.window_ms = window_ms
        self.allowed: Dict[str, Deque[int]] = {}
        self.latest = None  # latest timestamp of any call, for the out-of-order rule

    def allow(self, user_id: str, timestamp_ms: int) -> bool:
        if self.latest is not None and timestamp_ms < self.latest:
            return False
        self.latest = timestamp_ms
        queue = self.allowed.get(user_id)
        if queue is None:
            queue = self.allowed[user_id] = deque()
        horizon = timestamp_ms - self.window_ms
        while queue and queue[0] <= horizon:
            queue.popleft()
        if len(queue) >= self.limit:
            return False
        queue.append(timestamp_ms)
        return True
