-- Unregisters a webhook and drops its deliveries: 1, or 0 when there is no such webhook.
-- ARGV: prefix, id
local P, hook = ARGV[1], ARGV[2]
if not redis.call('ZSCORE', P .. 'wh:hooks', hook) then
  return 0
end
for _, id in ipairs(redis.call('SMEMBERS', P .. 'wh:hookd:' .. hook)) do
  local d = redis.call('HMGET', P .. 'wh:d:' .. id, 'status', 'order')
  if d[1] then
    redis.call('SREM', P .. 'wh:status:' .. d[1], id)
    redis.call('ZREM', P .. 'wh:all', d[2])
  end
  redis.call('ZREM', P .. 'wh:due', id)
  redis.call('DEL', P .. 'wh:d:' .. id)
end
redis.call('DEL', P .. 'wh:hookd:' .. hook, P .. 'wh:uniq:' .. hook, P .. 'wh:hook:' .. hook)
redis.call('ZREM', P .. 'wh:hooks', hook)
return 1
