-- Registers a webhook unless its id is taken: 1, else 0.
-- ARGV: prefix, id, url, events (names, comma-separated), secret, created
local P, id = ARGV[1], ARGV[2]
if redis.call('ZSCORE', P .. 'wh:hooks', id) then
  return 0
end
redis.call('HSET', P .. 'wh:hook:' .. id, 'id', id, 'url', ARGV[3], 'events', ARGV[4],
  'secret', ARGV[5], 'created', ARGV[6])
redis.call('ZADD', P .. 'wh:hooks', redis.call('INCR', P .. 'wh:hookseq'), id)
return 1
