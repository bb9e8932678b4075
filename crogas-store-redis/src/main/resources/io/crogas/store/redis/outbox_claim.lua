-- Claims the pending deliveries due at `now`, oldest first, at most `limit`: each is pushed to
-- `until` in the same step. Answers {delivery fields, webhook fields} per claim.
-- ARGV: prefix, now, until (nanos), limit
local P, now, till, limit = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local due = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', P .. 'wh:due', '-inf', micros(now))) do
  local d = redis.call('HMGET', P .. 'wh:d:' .. id, 'next', 'order')
  if d[1] and d[1] <= now then
    table.insert(due, d[2])
  end
end
table.sort(due)
local out = {}
for i = 1, math.min(limit, #due) do
  local id = string.sub(due[i], 42)
  local key = P .. 'wh:d:' .. id
  redis.call('HSET', key, 'next', till)
  redis.call('ZADD', P .. 'wh:due', micros(till), id)
  local delivery = redis.call('HGETALL', key)
  table.insert(delivery, 'id')
  table.insert(delivery, id)
  local hook = redis.call('HGET', key, 'webhook')
  table.insert(out, {delivery, redis.call('HGETALL', P .. 'wh:hook:' .. hook)})
end
return out
