# WRONG (too slow): correct, but collects each user's timestamps by scanning every event again:
# O(U * N). Times out with 25,000 users and 75,000 events.
def count_sessions(events, gap):
    if gap < 0:
        raise ValueError("negative gap")
    users = []
    for user, ts in events:
        if ts < 0:
            raise ValueError("negative timestamp")
        if user not in users:
            users.append(user)
    result = {}
    for user in users:
        stamps = sorted(ts for u, ts in events if u == user)
        result[user] = 1 + sum(1 for a, b in zip(stamps, stamps[1:]) if b - a > gap)
    return result
