class PlaybackRateLimiter:
    """Sliding-window rate limiter: at most `limit` allowed requests per user in any `window_ms`."""

    def __init__(self, limit: int, window_ms: int):
        """limit >= 1 requests per window of window_ms >= 1 milliseconds, per user."""
        raise NotImplementedError("PlaybackRateLimiter is not implemented yet")

    def allow(self, user_id: str, timestamp_ms: int) -> bool:
        """Return True if this request is allowed (and record it), False if it is rejected.

        Allowed when the user has fewer than `limit` allowed requests in (timestamp_ms - window_ms,
        timestamp_ms]. Rejected requests are not recorded. A timestamp earlier than the latest one seen
        (any user) is out of order: return False and record nothing.
        """
        raise NotImplementedError("allow is not implemented yet")
