from typing import Dict, List, Union


def count_sessions(events: List[List[Union[str, int]]], gap: int) -> Dict[str, int]:
    """Group by user, sort each user's timestamps, count the gaps wider than `gap`.

    Invariant: after sorting, a user's sessions are separated exactly by the neighbouring pairs
    whose difference exceeds `gap`, so sessions = 1 + that count.
    O(N log N) time, O(N) extra space.
    """
    if gap < 0:
        raise ValueError("gap must be non-negative, got %d" % gap)
    by_user: Dict[str, List[int]] = {}
    for user, ts in events:
        if ts < 0:
            raise ValueError("negative timestamp %d for user %r" % (ts, user))
        by_user.setdefault(user, []).append(ts)
    sessions: Dict[str, int] = {}
    for user, stamps in by_user.items():
        stamps.sort()
        count = 1
        for prev, cur in zip(stamps, stamps[1:]):
            if cur - prev > gap:
                count += 1
        sessions[user] = count
    return sessions
