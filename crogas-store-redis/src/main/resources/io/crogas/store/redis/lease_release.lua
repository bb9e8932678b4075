-- Frees a key if the lease is its current one (the token stays: the next grant's is larger).
-- ARGV: prefix, key, token, holder
local lease = ARGV[1] .. 'lease:' .. ARGV[2]
local current = redis.call('HMGET', lease, 'token', 'holder')
if current[1] == ARGV[3] and current[2] == ARGV[4] then
  redis.call('HSET', lease, 'holder', '')
end
return 1
