from typing import Dict, List, Union


def count_sessions(events: List[List[Union[str, int]]], gap: int) -> Dict[str, int]:
    """Count each user's viewing sessions.

    events: [user_id, timestamp_seconds] pairs, in any order, possibly repeated.
    gap: neighbouring events of a user at most `gap` seconds apart share a session.
    Returns {user_id: number_of_sessions} for every user with an event.
    Raises (any exception) if gap or any timestamp is negative.
    """
    raise NotImplementedError("count_sessions is not implemented yet")
