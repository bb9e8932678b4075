-- Makes a delivery pending again, due now with no attempts counted: 1, or 0 when unknown.
-- ARGV: prefix, id, now (nanos)
local P, id, now = ARGV[1], ARGV[2], ARGV[3]
local key = P .. 'wh:d:' .. id
local old = redis.call('HGET', key, 'status')
if not old then
  return 0
end
redis.call('HSET', key, 'status', 'PENDING', 'attempts', 0, 'next', now)
redis.call('SMOVE', P .. 'wh:status:' .. old, P .. 'wh:status:PENDING', id)
redis.call('ZADD', P .. 'wh:due', micros(now), id)
return 1
