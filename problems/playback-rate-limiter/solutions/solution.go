package main

import "math"

// PlaybackRateLimiter keeps a sliding-window log per user.
//
// Amortised O(1) per call (each timestamp is pushed and dropped at most once); O(users × limit) memory.
// Invariant: after a call for user u at time t, the live part of u's queue (from head) holds, oldest
// first, exactly the timestamps of u's allowed requests in (t - windowMs, t].
type PlaybackRateLimiter struct {
	limit    int
	windowMs int
	users    map[string]*userLog
	latest   int
}

type userLog struct {
	times []int
	head  int
}

func Constructor(limit int, windowMs int) PlaybackRateLimiter {
	return PlaybackRateLimiter{limit: limit, windowMs: windowMs, users: map[string]*userLog{}, latest: math.MinInt64}
}

func (this *PlaybackRateLimiter) Allow(userId string, timestampMs int) bool {
	if timestampMs < this.latest {
		return false
	}
	this.latest = timestampMs
	q := this.users[userId]
	if q == nil {
		q = &userLog{}
		this.users[userId] = q
	}
	horizon := timestampMs - this.windowMs
	for q.head < len(q.times) && q.times[q.head] <= horizon {
		q.head++
	}
	// Compact now and then so dropped timestamps do not pile up.
	if q.head > 1024 && q.head*2 > len(q.times) {
		q.times = append([]int(nil), q.times[q.head:]...)
		q.head = 0
	}
	if len(q.times)-q.head >= this.limit {
		return false
	}
	q.times = append(q.times, timestampMs)
	return true
}
