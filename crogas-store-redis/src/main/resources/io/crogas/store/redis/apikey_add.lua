-- Stores a key unless its id or its secret's hash is taken: 1, else 0.
-- ARGV: prefix, id, secret hash, label, per minute ('' for the default), created, revoked ('')
local P, id, hash = ARGV[1], ARGV[2], ARGV[3]
local key = P .. 'ak:k:' .. id
if redis.call('EXISTS', key) == 1 or redis.call('EXISTS', P .. 'ak:secret:' .. hash) == 1 then
  return 0
end
redis.call('HSET', key, 'id', id, 'hash', hash, 'label', ARGV[4], 'perMinute', ARGV[5],
  'created', ARGV[6], 'revoked', ARGV[7])
redis.call('SET', P .. 'ak:secret:' .. hash, id)
redis.call('ZADD', P .. 'ak:order', redis.call('INCR', P .. 'ak:seq'), id)
return 1
