# WRONG (too slow): correct answers, but keeps every allowed timestamp forever and counts the ones in
# the window by scanning the user's whole history on every call: O(history) per call.
class PlaybackRateLimiter:
    def __init__(self, limit, window_ms):
        self.limit = limit
        self.window_ms = window_ms
        self.history = {}
        self.latest = None

    def allow(self, user_id, timestamp_ms):
        if self.latest is not None and timestamp_ms < self.latest:
            return False
        self.latest = timestamp_ms
        history = self.history.setdefault(user_id, [])
        in_window = sum(1 for t in history if t > timestamp_ms - self.window_ms)
        if in_window >= self.limit:
            return False
        history.append(timestamp_ms)
        return True
