class StreamDeduplicator:
    """Classifies each event of a stream as a retry of one of the previous `window_size` events."""

    def __init__(self, window_size: int):
        """window_size >= 1: how many previous calls an id is remembered for."""
        raise NotImplementedError("StreamDeduplicator is not implemented yet")

    def is_duplicate(self, event_id: int) -> bool:
        """Return True if event_id occurs among the previous window_size calls (duplicates included).

        Every call counts as an event of the stream. Memory must stay O(window_size).
        """
        raise NotImplementedError("is_duplicate is not implemented yet")
