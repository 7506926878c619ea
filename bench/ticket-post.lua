-- wrk script: POST /api/v1/tickets with a distinct requester per request.
-- Usage: wrk -t2 -c16 -d15s --latency -s bench/ticket-post.lua http://host:port -- <token>
local counter = 0
local thread_id = 0
local token = ""

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

function init(args)
  token = args[1] or ""
  math.randomseed(os.time() + (tid or 0))
  prefix = tostring(math.random(1, 1000000000))
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"requester":{"name":"Load %s","email":"wrk-%s-%d@bench.test"},' ..
    '"subject":"USDT transfer pending %d","body":"我的USDT转账一直pending，交易已经过去两个小时了。My transfer is stuck, please help.",' ..
    '"channel":"api","tags":["bench"]}', prefix, prefix, counter, counter)
  return wrk.format("POST", "/api/v1/tickets",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx or errors: %d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
