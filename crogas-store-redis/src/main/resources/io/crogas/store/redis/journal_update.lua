-- Writes the next version of a record over the stored one (same key, version one less); a final
-- version leaves the in-flight indexes and enqueues its webhook event in the same script.
-- ARGV: prefix, id, key, expected version, version, body, final (0/1),
--       event ('' for none), at (nanos), batch
local P, id, key, expected, version, body, final, event, at, batch =
  ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9], ARGV[10]
local rec = P .. 'journal:rec:' .. id
local stored = redis.call('HMGET', rec, 'key', 'version', 'final', 'order', 'user', 'nonce')
if not stored[1] or stored[1] ~= key or stored[2] ~= expected then
  return 0
end
redis.call('HSET', rec, 'body', body, 'version', version, 'final', final)
if final == '1' and stored[3] == '0' then
  redis.call('ZREM', P .. 'journal:inflight', stored[4])
  if stored[5] ~= '' then
    local holders = P .. 'journal:user:' .. stored[5]
    if redis.call('HGET', holders, stored[6]) == id then
      redis.call('HDEL', holders, stored[6])
    end
  end
end
if event ~= '' then
  enqueue(P, event, id, '', at, batch)
end
return 1
