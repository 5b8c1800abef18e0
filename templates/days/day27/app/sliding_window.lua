-- Sliding-window rate limit over a sorted set. Redis runs the whole script atomically: no other
-- command from any client can run between its steps, so two app servers can never both take
-- the last free slot.
--
-- KEYS[1]  the client's sorted set: one member per accepted request, scored by its time in ms
-- ARGV[1]  now, in milliseconds (from the app's clock, so tests can fake it)
-- ARGV[2]  the window length, in milliseconds
-- ARGV[3]  the limit: requests allowed in any window
-- ARGV[4]  a member name unique to this request
--
-- Returns {allowed, remaining, retry_after_ms}:
--   allowed         1 if the request was accepted (and recorded), 0 if refused
--   remaining       requests still allowed in the current window after this one
--   retry_after_ms  when refused, milliseconds until the oldest request leaves the window; else 0
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local member = ARGV[4]

-- BEGIN SOLUTION
-- Forget the requests that have left the window (score <= now - window).
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local used = redis.call('ZCARD', key)
if used < limit then
  redis.call('ZADD', key, now, member)
  -- The whole set can go once its newest request leaves the window: idle clients cost nothing.
  redis.call('PEXPIRE', key, window)
  return {1, limit - used - 1, 0}
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
return {0, 0, tonumber(oldest[2]) + window - now}
-- STARTER: return redis.error_reply('TODO(day27): write the sliding window in app/sliding_window.lua')
-- END SOLUTION
