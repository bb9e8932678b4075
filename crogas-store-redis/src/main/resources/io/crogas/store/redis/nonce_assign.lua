-- Assigns the relayer's next nonce, max(floor, highest + 1), to a record ('' for a gap filler),
-- unless the record holds one of this relayer's nonces already: {'held', nonce} or {'new', nonce}.
-- ARGV: prefix, relayer, record id, chain floor, fence token, fence holder
local P, relayer, record, floor = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
if fencedOut(ARGV[1], ARGV[2]) then
  return {'fenced'}
end
local lane = P .. 'nl:' .. relayer
if record ~= '' then
  local held = redis.call('HGET', P .. 'nl:rec:' .. record, relayer)
  if held then
    return {'held', held}
  end
end
local nonce = floor
local highest = redis.call('GET', lane .. ':highest')
if highest and tonumber(highest) + 1 > nonce then
  nonce = tonumber(highest) + 1
end
local n = string.format('%.0f', nonce)
redis.call('SET', lane .. ':highest', n)
redis.call('HSET', lane .. ':n:' .. n, 'record', record, 'mined', '')
redis.call('ZADD', lane .. ':pending', n, n)
if record ~= '' then
  redis.call('HSET', P .. 'nl:rec:' .. record, relayer, n)
end
return {'new', n}
