-- Extends a lease while its token is the key's current one and it was not released: 1, else 0.
-- ARGV: prefix, key, token, holder, expires (nanos)
local lease = ARGV[1] .. 'lease:' .. ARGV[2]
local current = redis.call('HMGET', lease, 'token', 'holder')
if current[1] ~= ARGV[3] or current[2] ~= ARGV[4] then
  return 0
end
redis.call('HSET', lease, 'expires', ARGV[5])
return 1
