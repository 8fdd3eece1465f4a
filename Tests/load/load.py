#!/usr/bin/env python3
"""The measuring half of Tests/load/run.sh: drives the API, runs wrk, kills a worker, checks the jobs."""
import argparse, json, os, re, signal, subprocess, threading, time, urllib.request
from concurrent.futures import ThreadPoolExecutor

p = argparse.ArgumentParser()
p.add_argument("--api", required=True)
p.add_argument("--logs", required=True)
p.add_argument("--kill-pid", type=int, required=True)
p.add_argument("--restart", required=True)
a = p.parse_args()


def call(method, path, body=None, content_type="application/json"):
    request = urllib.request.Request(a.api + path, method=method, data=body.encode() if body is not None else None,
                                     headers={"Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, json.loads(response.read() or b"null")


def wait_for(predicate, timeout, what):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise SystemExit(f"FAIL: {what} within {timeout} s")


def job(i):
    return call("GET", f"/jobs/{i}")[1]


def wrk(path, seconds=10, label=None):
    out = subprocess.run(["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency", a.api + path],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    print(f"{label or 'GET ' + path:<32} {rps:8.0f} req/s   p50 {lat['50']:>8}   p99 {lat['99']:>8}"
          f"   non-2xx {errors.group(1) if errors else 0}")


yaml = open(os.path.join(os.path.dirname(__file__), "../../examples/tutorial.yaml")).read()
_, problem = call("POST", "/problems?name=tutorial", yaml, "application/yaml")
pid = problem["id"]
solves = [call("POST", f"/problems/{pid}/jobs", '{"timeLimit": 60}')[1]["id"] for _ in range(2)]
wait_for(lambda: all(job(i)["status"] == "running" for i in solves), 20, "two solves running")
print("two solves running; reads (wrk -t2 -c8, 10 s each):")
wrk(f"/jobs/{solves[0]}")
wrk("/problems")

# Submissions: each queues a job; latency per request, 8 at a time.
latencies, submitted = [], []
lock = threading.Lock()


def submit(_):
    start = time.perf_counter()
    status, body = call("POST", f"/problems/{pid}/jobs", '{"timeLimit": 1}')
    with lock:
        latencies.append(time.perf_counter() - start)
        submitted.append((status, body["id"]))


start = time.perf_counter()
with ThreadPoolExecutor(8) as pool:
    list(pool.map(submit, range(200)))
elapsed = time.perf_counter() - start
latencies.sort()
print(f"{'POST /problems/{id}/jobs (200)':<32} {len(latencies) / elapsed:8.0f} req/s   p50 {latencies[100] * 1000:6.1f}ms"
      f"   p99 {latencies[197] * 1000:6.1f}ms   statuses {sorted(set(s for s, _ in submitted))}")
for _, i in submitted:
    call("POST", f"/jobs/{i}/stop")
for i in solves:
    call("POST", f"/jobs/{i}/stop")
wait_for(lambda: all(job(i)["status"] in ("stopped", "finished", "optimal") for _, i in submitted), 60, "the submitted jobs stopped")

# Fault run: 12 jobs of 3 s on two workers (one job each), reads going on, worker-a killed.
fault = [call("POST", f"/problems/{pid}/jobs", '{"timeLimit": 3}')[1]["id"] for _ in range(12)]
reads = threading.Thread(target=wrk, args=(f"/jobs/{fault[0]}", 20, "GET /jobs/{id} during the fault"))
reads.start()
time.sleep(4)
os.kill(a.kill_pid, signal.SIGKILL)
print("killed worker-a (SIGKILL) mid-run")
time.sleep(2)
replacement = subprocess.Popen(a.restart.split(), stdout=open(os.path.join(a.logs, "worker-c.log"), "w"), stderr=subprocess.STDOUT)
try:
    reads.join()
    wait_for(lambda: all(job(i)["status"] not in ("queued", "running") for i in fault), 120, "every fault-run job ended")
finally:
    replacement.terminate()
ended = [job(i) for i in fault]
_, jobs = call("GET", f"/problems/{pid}/jobs")
ids = [j["id"] for j in jobs]
lost = [j["id"] for j in ended if j["status"] not in ("finished", "optimal")]
duplicated = len(ids) != len(set(ids)) or len(ids) != 2 + 200 + 12
overran = [j["id"] for j in ended if j["elapsedSeconds"] > 3 + 1]
logs = "".join(open(os.path.join(a.logs, f)).read() for f in os.listdir(a.logs))
resumed = len(re.findall(r"continuing from the roster its previous worker saved", logs))
dropped = len(re.findall(r"re-queued or ended elsewhere", logs))
print(f"fault run: {len(ended)} jobs, {len(ended) - len(lost)} finished, lost {lost}, duplicated {duplicated}, "
      f"resumed from a saved roster {resumed}, late results dropped {dropped}, over their time limit {overran}")
if lost or duplicated or overran:
    raise SystemExit("FAIL")
print("OK")
