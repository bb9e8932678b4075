-- Shared by the nonce ledger's writes (prepended to them). A fenced write passes its lease's token
-- and holder as the last two arguments ('' and '' for an unfenced ledger): it is refused, before
-- anything is written, unless that lease is the key's current one.
local function fencedOut(P, relayer)
  local token, holder = ARGV[#ARGV - 1], ARGV[#ARGV]
  if token == '' then
    return false
  end
  local lease = redis.call('HMGET', P .. 'lease:' .. relayer, 'token', 'holder')
  return lease[1] ~= token or lease[2] ~= holder
end
