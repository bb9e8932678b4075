-- Marks a key revoked unless there is no such key or it is revoked already: 1, else 0.
-- ARGV: prefix, id, at
local key = ARGV[1] .. 'ak:k:' .. ARGV[2]
if redis.call('HGET', key, 'revoked') ~= '' then
  return 0
end
redis.call('HSET', key, 'revoked', ARGV[3])
return 1
