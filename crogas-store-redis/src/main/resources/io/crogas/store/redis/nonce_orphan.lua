-- Hands a nonce to a gap filler: it serves no record any more.
-- ARGV: prefix, relayer, nonce, fence token, fence holder
local P, relayer, n = ARGV[1], ARGV[2], ARGV[3]
if fencedOut(ARGV[1], ARGV[2]) then
  return -1
end
local nonce = P .. 'nl:' .. relayer .. ':n:' .. n
local record = redis.call('HGET', nonce, 'record')
if record and record ~= '' then
  redis.call('HSET', nonce, 'record', '')
  local held = P .. 'nl:rec:' .. record
  if redis.call('HGET', held, relayer) == n then
    redis.call('HDEL', held, relayer)
  end
end
return 1
