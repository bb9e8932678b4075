-- Marks an assigned nonce used on chain by a hash; an unassigned one stays unassigned.
-- ARGV: prefix, relayer, nonce, hash, fence token, fence holder
local lane = ARGV[1] .. 'nl:' .. ARGV[2]
if fencedOut(ARGV[1], ARGV[2]) then
  return -1
end
local nonce = lane .. ':n:' .. ARGV[3]
if redis.call('EXISTS', nonce) == 1 then
  redis.call('HSET', nonce, 'mined', ARGV[4])
  redis.call('ZREM', lane .. ':pending', ARGV[3])
end
return 1
