-- wrk script: POST lead-arrived with a fresh leadId per request, so every request creates a run.
local counter = 0
local thread_id = 0
function setup(thread)
  thread:set("tid", thread_id)
  thread_id = thread_id + 1
end
function init(args)
  path = args[1] or "/v1/hooks/lead-arrived"
end
function request()
  counter = counter + 1
  local body = string.format('{"leadId":"bench-%d-%d-%d","metadata":{"bench":true}}', tid, os.time(), counter)
  return wrk.format("POST", path, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer bench-key"}, body)
end
