package main

// PlaybackRateLimiter is a sliding-window rate limiter: at most limit allowed requests per user in any windowMs.
type PlaybackRateLimiter struct {
}

// Constructor takes the allowed requests per window, per user (>= 1), and the window length in
// milliseconds (>= 1).
func Constructor(limit int, windowMs int) PlaybackRateLimiter {
	panic("PlaybackRateLimiter is not implemented yet")
}

// Allow says whether this request is allowed (and then records it). Allowed when the user has fewer than
// limit allowed requests in (timestampMs - windowMs, timestampMs]. Rejected requests are not recorded.
// A timestamp earlier than the latest one seen (any user) is out of order: false, nothing recorded.
func (this *PlaybackRateLimiter) Allow(userId string, timestampMs int) bool {
	panic("Allow is not implemented yet")
}
