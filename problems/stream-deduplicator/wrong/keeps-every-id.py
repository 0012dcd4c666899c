# WRONG (too much memory): correct answers, but remembers every id ever seen with the position of its
# last occurrence. Memory grows with the stream, and a million distinct ids exceed the 32 MB limit.
class StreamDeduplicator:
    def __init__(self, window_size):
        self.window_size = window_size
        self.last_seen = {}
        self.calls = 0

    def is_duplicate(self, event_id):
        position = self.calls
        self.calls += 1
        last = self.last_seen.get(event_id)
        self.last_seen[event_id] = position
        return last is not None and position - last <= self.window_size
