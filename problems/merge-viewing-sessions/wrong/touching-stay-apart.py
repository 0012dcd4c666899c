# WRONG (edge case): uses a strict comparison, so sessions that only touch ([1, 4] and [4, 6]) are
# kept apart although the statement says they merge.
def merge_sessions(sessions):
    for start, end in sessions:
        if start < 0 or end < 0 or start > end:
            raise ValueError("corrupt session")
    merged = []
    for start, end in sorted(sessions):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
