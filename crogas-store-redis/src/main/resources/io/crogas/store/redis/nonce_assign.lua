-- Assigns the relayer's next nonce, max(floor, highest + 1), to a record ('' for a gap filler),
-- unless the record holds a nonce already, of this relayer or another (a record is sent on one
-- nonce of one key): {'held', nonce, relayer} or {'new', nonce}.
-- ARGV: prefix, relayer, record id, chain floor, fence token, fence holder
local P, relayer, record, floor = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
if fencedOut(ARGV[1], ARGV[2]) then
  return {'fenced'}
end
local lane = P .. 'nl:' .. relayer
if record ~= '' then
  local held = redis.call('HGETALL', P .. 'nl:rec:' .. record)
  if #held > 0 then
    return {'held', held[2], held[1]}
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
