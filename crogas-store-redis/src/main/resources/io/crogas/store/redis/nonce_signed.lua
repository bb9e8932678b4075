-- Appends a signed transaction to an assigned, unmined nonce: 1, else 0 and nothing written.
-- ARGV: prefix, relayer, nonce, transaction (JSON), fence token, fence holder
local nonce = ARGV[1] .. 'nl:' .. ARGV[2] .. ':n:' .. ARGV[3]
if fencedOut(ARGV[1], ARGV[2]) then
  return -1
end
local mined = redis.call('HGET', nonce, 'mined')
if mined ~= '' then
  return 0
end
redis.call('RPUSH', nonce .. ':tx', ARGV[4])
return 1
