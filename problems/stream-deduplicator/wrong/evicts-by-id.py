# WRONG (edge case): keeps the window's ids in a plain set, so when the oldest copy of an id leaves the
# window the id is forgotten even though a newer copy (a retry) is still inside it.
from collections import deque


class StreamDeduplicator:
    def __init__(self, window_size):
        self.window_size = window_size
        self.recent = deque()
        self.ids = set()

    def is_duplicate(self, event_id):
        duplicate = event_id in self.ids
        self.recent.append(event_id)
        self.ids.add(event_id)
        if len(self.recent) > self.window_size:
            self.ids.discard(self.recent.popleft())
        return duplicate
