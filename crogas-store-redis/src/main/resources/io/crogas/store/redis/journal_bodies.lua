-- The bodies of the records in an ordered index, oldest first or newest first, at most `limit`
-- (-1: all), read in one step.
-- ARGV: prefix, index (name after the prefix), newest first (0/1), limit
local P, index, newest, limit = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local stop = limit < 0 and -1 or limit - 1
local orders
if newest == '1' then
  orders = redis.call('ZREVRANGE', P .. index, 0, stop)
else
  orders = redis.call('ZRANGE', P .. index, 0, stop)
end
local bodies = {}
for _, order in ipairs(orders) do
  local body = redis.call('HGET', P .. 'journal:rec:' .. string.sub(order, 42), 'body')
  if body then
    table.insert(bodies, body)
  end
end
return bodies
