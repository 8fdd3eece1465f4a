#!/usr/bin/env python3
"""The SQLite fault run of Tests/load/run.sh: `rotor serve` on a data directory solves two jobs of the
ward example; the server is killed with SIGKILL mid-solve and started again, three times. After each
restart every job must be `interrupted` with a saved roster, and that roster, re-scored by `rotor
score`, must have exactly the job's recorded best score. Usage: sqlite_fault.py ROTOR [--cycles 3]"""
import argparse, json, os, random, signal, subprocess, sys, tempfile, time, urllib.request

p = argparse.ArgumentParser()
p.add_argument("rotor")
p.add_argument("--cycles", type=int, default=3)
a = p.parse_args()
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../..")
data = tempfile.mkdtemp(prefix="rotor-sqlite-fault.")
port = random.randint(20000, 40000)
api = f"http://127.0.0.1:{port}/api"


def call(method, path, body=None, content_type="application/json", raw=False):
    request = urllib.request.Request(api + path, method=method, data=body.encode() if body is not None else None,
                                     headers={"Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode()
        return text if raw else json.loads(text or "null")


def start():
    server = subprocess.Popen([a.rotor, "serve", "--port", str(port), "--data-dir", data, "--max-jobs", "2"],
                              stdout=subprocess.DEVNULL, stderr=open(os.path.join(data, "serve.log"), "a"))
    for _ in range(200):
        try:
            call("GET", "/problems")
            return server
        except Exception:
            time.sleep(0.1)
    raise SystemExit("FAIL: the server did not start")


ward = open(os.path.join(root, "examples/ward.json")).read()
server = start()
problem = call("POST", "/problems?name=ward", ward)["id"]
failures = 0
for cycle in range(1, a.cycles + 1):
    jobs = [call("POST", f"/problems/{problem}/jobs", json.dumps({"timeLimit": 120, "threads": 1, "seed": cycle * 10 + k}))["id"]
            for k in range(2)]
    time.sleep(random.uniform(4, 8))
    server.send_signal(signal.SIGKILL)
    server.wait()
    server = start()
    for j in jobs:
        record = call("GET", f"/jobs/{j}")
        csv = call("GET", f"/jobs/{j}/roster?format=csv", raw=True)
        with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
            f.write(csv)
        scored = json.loads(subprocess.run([a.rotor, "score", os.path.join(root, "examples/ward.json"), f.name, "--json"],
                                           capture_output=True, text=True).stdout)
        os.unlink(f.name)
        best = record.get("best") or {}
        same = best.get("soft") == scored["objective"] and best.get("hard") == scored["hardPenalty"]
        print(f"cycle {cycle} job {j}: {record['status']}, recorded {best.get('hard')}/{best.get('soft')}, "
              f"its roster scores {scored['hardPenalty']}/{scored['objective']}" + ("" if same else "  <- MISMATCH"))
        if record["status"] != "interrupted" or not same:
            failures += 1
server.send_signal(signal.SIGTERM)
server.wait()
print(f"sqlite fault run: {a.cycles} kills, {2 * a.cycles} jobs, {failures} failures (data in {data})")
sys.exit(1 if failures else 0)
