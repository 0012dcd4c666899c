# WRONG (edge case): never checks the sessions, so a corrupt session (start after end, or a negative
# timestamp) is merged into the result instead of raising.
def merge_sessions(sessions):
    merged = []
    for start, end in sorted(sessions):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
