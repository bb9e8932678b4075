-- ARGV: prefix, event, subject, data, at, batch
return enqueue(ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6])
