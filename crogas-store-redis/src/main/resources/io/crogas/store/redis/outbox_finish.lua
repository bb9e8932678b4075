-- One attempt of a delivery ended: counted, its status and next time set, its error kept or
-- cleared. Nothing happens to an unknown delivery.
-- ARGV: prefix, id, status, next (nanos), error ('' with has error 0 to clear), has error (0/1)
local P, id, status, nxt, err, hasError = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local key = P .. 'wh:d:' .. id
local old = redis.call('HGET', key, 'status')
if not old then
  return 0
end
redis.call('HINCRBY', key, 'attempts', 1)
redis.call('HSET', key, 'status', status, 'next', nxt)
if hasError == '1' then
  redis.call('HSET', key, 'error', err)
else
  redis.call('HDEL', key, 'error')
end
redis.call('SMOVE', P .. 'wh:status:' .. old, P .. 'wh:status:' .. status, id)
if status == 'PENDING' then
  redis.call('ZADD', P .. 'wh:due', micros(nxt), id)
else
  redis.call('ZREM', P .. 'wh:due', id)
end
return 1
