-- Shared by the scripts that write webhook deliveries (prepended to them: a script cannot call
-- another). Times are Unix nanoseconds as 19-digit strings, so they compare as strings; the due
-- index is scored in microseconds, which a double holds exactly.
local function micros(nanos)
  return string.sub(nanos, 1, 16)
end

-- One pending delivery of `event` about `subject` for every webhook that wants it and has none
-- for that event and subject yet; ids are UUID-shaped, from this call's random `batch`.
local function enqueue(P, event, subject, data, at, batch)
  local written = 0
  for _, hook in ipairs(redis.call('ZRANGE', P .. 'wh:hooks', 0, -1)) do
    local events = redis.call('HGET', P .. 'wh:hook:' .. hook, 'events')
    if events and string.find(',' .. events .. ',', ',' .. event .. ',', 1, true) then
      local uniq = P .. 'wh:uniq:' .. hook
      local field = event .. '|' .. subject
      if redis.call('HEXISTS', uniq, field) == 0 then
        local h = redis.sha1hex(batch .. '|' .. hook)
        local id = string.sub(h, 1, 8) .. '-' .. string.sub(h, 9, 12) .. '-' .. string.sub(h, 13, 16)
          .. '-' .. string.sub(h, 17, 20) .. '-' .. string.sub(h, 21, 32)
        local seq = redis.call('INCR', P .. 'wh:seq')
        local order = at .. ':' .. string.format('%020d', seq) .. ':' .. id
        redis.call('HSET', uniq, field, id)
        redis.call('HSET', P .. 'wh:d:' .. id, 'webhook', hook, 'event', event, 'subject', subject,
          'data', data, 'status', 'PENDING', 'attempts', 0, 'created', at, 'next', at,
          'order', order)
        redis.call('ZADD', P .. 'wh:all', 0, order)
        redis.call('ZADD', P .. 'wh:due', micros(at), id)
        redis.call('SADD', P .. 'wh:hookd:' .. hook, id)
        redis.call('SADD', P .. 'wh:status:PENDING', id)
        written = written + 1
      end
    end
  end
  return written
end
