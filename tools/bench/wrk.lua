-- wrk script of tools/bench-facilitator.sh. With BENCH_BODIES (a file, one JSON body a line) it
-- POSTs those bodies in turn; without, it sends wrk's GET.
-- Every answer must contain BENCH_EXPECT (e.g. "isValid":true) or it counts as unexpected, so a
-- fast wrong answer cannot pass for a fast right one. At the end one line for the script:
-- RESULT <req/s> <p50 ms> <p99 ms> <non-2xx> <socket errors> <unexpected> <requests>
-- and, when some answer was unexpected, the first one: UNEXPECTED <status> <body, cut>

local bodies = {}
local expect = os.getenv("BENCH_EXPECT") or ""
local next_body = 0
local threads = {}
unexpected = 0
first_unexpected = ""

local file = os.getenv("BENCH_BODIES")
if file and file ~= "" then
  for line in io.lines(file) do
    if line ~= "" then
      bodies[#bodies + 1] = line
    end
  end
end

local headers = { ["Content-Type"] = "application/json" }
local authorization = os.getenv("BENCH_AUTHORIZATION")
if authorization and authorization ~= "" then
  headers["Authorization"] = authorization
end

-- Threads start evenly spread over the bodies (BENCH_THREADS of them), so that they do not send
-- the same body close together.
function setup(thread)
  local spread = math.floor(#bodies / tonumber(os.getenv("BENCH_THREADS") or "1"))
  thread:set("offset", #threads * spread)
  threads[#threads + 1] = thread
end

function init(args)
  next_body = offset or 0
end

function request()
  if #bodies == 0 then
    return wrk.format("GET", nil, headers)
  end
  next_body = next_body % #bodies + 1
  return wrk.format("POST", nil, headers, bodies[next_body])
end

function response(status, _, body)
  if expect ~= "" and not string.find(body, expect, 1, true) then
    unexpected = unexpected + 1
    if first_unexpected == "" then
      first_unexpected = status .. " " .. string.sub(body, 1, 300)
    end
  end
end

function done(summary, latency, _)
  local wrong = 0
  local example = ""
  for _, thread in ipairs(threads) do
    wrong = wrong + thread:get("unexpected")
    if example == "" then
      example = thread:get("first_unexpected")
    end
  end
  local errors = summary.errors
  print(string.format(
    "RESULT %.0f %.2f %.2f %d %d %d %d",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000,
    latency:percentile(99) / 1000,
    errors.status,
    errors.connect + errors.read + errors.write + errors.timeout,
    wrong,
    summary.requests))
  if example ~= "" then
    print("UNEXPECTED " .. string.gsub(example, "\n", " "))
  end
end
