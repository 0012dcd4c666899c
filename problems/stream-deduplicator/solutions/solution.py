from collections import deque
from typing import Deque, Dict


class StreamDeduplicator:
    """Window of the last window_size ids plus a count of each id in it.

    O(1) per call, O(window_size) memory.
    Invariant: before each call, self.recent holds the ids of the previous min(calls, window_size)
    calls, oldest first, and self.counts[id] is how many times id occurs in self.recent (ids that do
    not occur have no entry, so the map never outgrows the window).
    """

    def __init__(self, window_size: int):
        self.window_size = window_size
        self.recent: Deque[int] = deque()
        self.counts: Dict[int, int] = {}

    def is_duplicate(self, event_id: int) -> bool:
        duplicate = event_id in self.counts
        self.recent.append(event_id)
        self.counts[event_id] = self.counts.get(event_id, 0) + 1
        if len(self.recent) > self.window_size:
            oldest = self.recent.popleft()
            left = self.counts[oldest] - 1
            if left:
                self.counts[oldest] = left
            else:
                del self.counts[oldest]  # a newer copy of the same id keeps its entry
        return duplicate
