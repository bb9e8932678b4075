-- Grants a key to a holder under the next fencing token when it is free (never leased, released,
-- expired at `now`, or held by this holder): {'granted', token}; else {'held', holder, expires}.
-- ARGV: prefix, key, holder, now, expires (nanos, 19 digits)
local P, key, holder, now, expires = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local lease = P .. 'lease:' .. key
local held = redis.call('HMGET', lease, 'holder', 'expires')
if held[1] and held[1] ~= '' and held[1] ~= holder and held[2] > now then
  return {'held', held[1], held[2]}
end
local token = redis.call('HINCRBY', lease, 'token', 1)
redis.call('HSET', lease, 'holder', holder, 'expires', expires)
return {'granted', tostring(token)}
