# WRONG (boundary): starts a new session when the gap is >= `gap`, but the statement says a gap of
# exactly `gap` seconds stays in the same session (only strictly greater splits).
def count_sessions(events, gap):
    if gap < 0:
        raise ValueError("negative gap")
    by_user = {}
    for user, ts in events:
        if ts < 0:
            raise ValueError("negative timestamp")
        by_user.setdefault(user, []).append(ts)
    result = {}
    for user, stamps in by_user.items():
        stamps.sort()
        result[user] = 1 + sum(1 for a, b in zip(stamps, stamps[1:]) if b - a >= gap)
    return result
