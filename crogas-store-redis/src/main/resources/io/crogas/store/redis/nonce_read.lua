-- The relayer's pending assignments lowest first (no nonce given), or the one for a nonce: each
-- {nonce, record, mined hash, {transactions...}}, read in one step.
-- ARGV: prefix, relayer, nonce (optional)
local lane = ARGV[1] .. 'nl:' .. ARGV[2]
local nonces
if ARGV[3] then
  nonces = {ARGV[3]}
else
  nonces = redis.call('ZRANGEBYSCORE', lane .. ':pending', '-inf', '+inf')
end
local out = {}
for _, n in ipairs(nonces) do
  local fields = redis.call('HMGET', lane .. ':n:' .. n, 'record', 'mined')
  if fields[2] then
    table.insert(out, {n, fields[1], fields[2], redis.call('LRANGE', lane .. ':n:' .. n .. ':tx', 0, -1)})
  end
end
return out
