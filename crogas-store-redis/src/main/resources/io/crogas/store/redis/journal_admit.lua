-- Inserts a record unless its idempotency key is taken, or an unfinished forwarder call of the
-- same user holds the same meta-transaction nonce; answers {'admitted'}, {'existing', body} or
-- {'nonce', body}.
-- ARGV: prefix, id, key, body, version, final (0/1), payer, user ('' if none), meta nonce,
--       created (Unix nanoseconds, 19 digits: sorts as it compares)
local P, id, key, body, version, final, payer, user, nonce, created =
  ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9], ARGV[10]
local existing = redis.call('GET', P .. 'journal:key:' .. key)
if existing then
  return {'existing', redis.call('HGET', P .. 'journal:rec:' .. existing, 'body')}
end
if user ~= '' then
  local holder = redis.call('HGET', P .. 'journal:user:' .. user, nonce)
  if holder then
    return {'nonce', redis.call('HGET', P .. 'journal:rec:' .. holder, 'body')}
  end
end
local seq = redis.call('INCR', P .. 'journal:seq')
local order = created .. ':' .. string.format('%020d', seq) .. ':' .. id
redis.call('HSET', P .. 'journal:rec:' .. id, 'body', body, 'version', version, 'key', key,
  'order', order, 'final', final, 'payer', payer, 'user', user, 'nonce', nonce)
redis.call('SET', P .. 'journal:key:' .. key, id)
redis.call('ZADD', P .. 'journal:all', 0, order)
redis.call('ZADD', P .. 'journal:payer:' .. payer, 0, order)
if final == '0' then
  redis.call('ZADD', P .. 'journal:inflight', 0, order)
  if user ~= '' then
    redis.call('HSET', P .. 'journal:user:' .. user, nonce, id)
  end
end
return {'admitted'}
