"""Check deploy/k8s/tepat-indexed-job.yaml without a Kubernetes cluster (run by check.sh).

1. Schema: every object validates, strictly (an unknown or misspelt field is an error), against
   the Kubernetes API schema of 1.29 (the first release with backoffLimitPerIndex on by default)
   and of the newest release the kubernetes-validate package bundles. A copy with a misspelt
   field must fail, so the check can fail.
2. Consistency: completions, parallelism and SHARDS agree; the merge reads the shards of the
   same scenario file and count; both Jobs use the same image and volume claim; the pod
   failure policies name the container they are about.
3. The pods' commands, run here: each shard pod's shell command with its env and
   JOB_COMPLETION_INDEX 0..N-1, then the merge pod's, as the kubelet would start them
   (command + args, working folder the repository as in the image), with the shared volume
   /data as a temporary folder and TEPAT_K8S_RUNS replications instead of RUNS. The merged
   files must equal one `tepat run` of the same seed and replications.

What this does not test: a real cluster's scheduling, the image, the volume, pod restarts.

usage: python check.py YAML TEPAT_BIN REPO
"""

import copy
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from kubernetes_validate import utils as kv

SCHEMA_VERSIONS = ["1.29.0", kv.latest_version()]
passed = 0
failed = 0


def ok(msg):
    global passed
    passed += 1
    print(f"k8s-check: ok: {msg}", flush=True)


def bad(msg):
    global failed
    failed += 1
    print(f"k8s-check: FAILED: {msg}", file=sys.stderr, flush=True)


def schema_errors(doc, version):
    """Strict schema errors of one object against one Kubernetes version ([] when valid)."""
    try:
        kv.validate(doc, version, strict=True)
        return []
    except kv.ValidationError as e:
        return [f"{'.'.join(str(p) for p in e.path)}: {e.message}"]
    except kv.SchemaNotFoundError as e:
        return [f"no schema: {e}"]


def container(job):
    (c,) = job["spec"]["template"]["spec"]["containers"]
    return c


def env_of(c):
    return {e["name"]: e["value"] for e in c.get("env", [])}


def shell_command(c):
    """The argv the kubelet runs: command + args."""
    return list(c.get("command", [])) + list(c.get("args", []))


def comparable(path):
    data = path.read_bytes()
    if path.name != "run.json":
        return data
    import json

    v = json.loads(data)
    for k in ("threads", "elapsed_s", "replications_per_s"):
        v["manifest"].pop(k)
    return json.dumps(v, sort_keys=True).encode()


def main():
    yaml_path, tepat, repo = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    docs = [d for d in yaml.safe_load_all(yaml_path.read_text()) if d]
    jobs = {d["metadata"]["labels"]["step"]: d for d in docs}

    # 1. Schema.
    for version in SCHEMA_VERSIONS:
        for d in docs:
            errs = schema_errors(d, version)
            name = f"{d['kind']}/{d['metadata']['name']}"
            if errs:
                bad(f"{name} against Kubernetes {version}: {'; '.join(errs)}")
            else:
                ok(f"{name} is valid against the Kubernetes {version} schema (strict)")
    broken = copy.deepcopy(jobs["shards"])
    broken["spec"]["backofLimitPerIndex"] = broken["spec"].pop("backoffLimitPerIndex")
    if schema_errors(broken, SCHEMA_VERSIONS[-1]):
        ok("control: a misspelt field (backofLimitPerIndex) is rejected")
    else:
        bad("control: a misspelt field passed, so the schema check proves nothing")

    # 2. Consistency.
    shards, merge = jobs["shards"], jobs["merge"]
    sc, mc = container(shards), container(merge)
    env = env_of(sc)
    n = int(env["SHARDS"])
    spec = shards["spec"]
    if spec["completionMode"] == "Indexed" and spec["completions"] == n and spec["parallelism"] <= n:
        ok(f"Indexed Job of {n} completions, SHARDS={n}, parallelism {spec['parallelism']}")
    else:
        bad(f"completions {spec['completions']}, parallelism {spec['parallelism']}, SHARDS {n}")
    shard_cmd = " ".join(shell_command(sc))
    merge_cmd = " ".join(shell_command(mc))
    scenario = next(w for w in shard_cmd.split() if w.endswith(".toml"))
    stem = Path(scenario).stem
    if f"{stem}-shard-*-of-{n}" in merge_cmd:
        ok(f"the merge reads {stem}-shard-*-of-{n}, the parts the shards write")
    else:
        bad(f"the merge command does not read {stem}-shard-*-of-{n}: {merge_cmd}")
    vol = lambda j: j["spec"]["template"]["spec"]["volumes"][0]["persistentVolumeClaim"]["claimName"]
    if sc["image"] == mc["image"] and vol(shards) == vol(merge):
        ok("shards and merge use the same image and the same volume claim")
    else:
        bad("shards and merge use different images or volume claims")

    for j in (shards, merge):
        c = container(j)
        names = {
            r["onExitCodes"]["containerName"]
            for r in j["spec"].get("podFailurePolicy", {}).get("rules", [])
            if "onExitCodes" in r
        }
        if names <= {c["name"]}:
            ok(f"{j['metadata']['name']}: podFailurePolicy names its container '{c['name']}'")
        else:
            bad(f"{j['metadata']['name']}: podFailurePolicy names {names}, the container is {c['name']}")

    # 3. The pods' commands.
    runs = os.environ.get("TEPAT_K8S_RUNS", "16000")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        path = f"{tepat.parent}{os.pathsep}{os.environ['PATH']}"

        def run_pod(c, extra):
            argv = [a.replace("/data", str(data)) for a in shell_command(c)]
            e = {"PATH": path, "HOME": tmp, **env_of(c), **extra}
            return subprocess.run(argv, cwd=repo, env=e, capture_output=True, text=True)

        for i in range(n):
            r = run_pod(sc, {"JOB_COMPLETION_INDEX": str(i), "RUNS": runs})
            if r.returncode != 0:
                bad(f"shard pod {i}: exit code {r.returncode}: {r.stderr.strip()}")
                return
        parts = sorted(p.name for p in (data / "parts").iterdir())
        if parts == sorted(f"{stem}-shard-{k}-of-{n}" for k in range(1, n + 1)):
            ok(f"{n} shard pods (JOB_COMPLETION_INDEX 0..{n - 1}) wrote shards 1..{n} of {n}")
        else:
            bad(f"the shard pods wrote {parts}")
        r = run_pod(mc, {})
        if r.returncode != 0:
            bad(f"merge pod: exit code {r.returncode}: {r.stderr.strip()}")
            return
        single = Path(tmp) / "single"
        subprocess.run(
            [str(tepat), "run", scenario, "--runs", runs, "--seed", env["SEED"], "--quiet",
             "--out", str(single)],
            cwd=repo, check=True,
        )
        a, b = single / stem, data / "output" / stem
        names = sorted(p.name for p in a.iterdir())
        if names != sorted(p.name for p in b.iterdir()):
            bad("the merge pod wrote other files than a single run")
            return
        diff = [
            x for x in names
            if x.endswith((".csv", ".json")) and comparable(a / x) != comparable(b / x)
        ]
        if diff:
            bad(f"merged files differ from a single run: {diff}")
        else:
            count = sum(x.endswith((".csv", ".json")) for x in names)
            ok(f"merge pod: {count} CSV and JSON files equal a single run of {runs} replications")
        # A missing shard: the merge pod refuses.
        (data / "parts" / f"{stem}-shard-2-of-{n}" / "partial.json").unlink()
        (data / "parts" / f"{stem}-shard-2-of-{n}").rmdir()
        r = run_pod(mc, {})
        if r.returncode == 2 and f"shards missing: 2/{n}" in r.stderr:
            ok(f"merge pod with shard 2 missing refuses (exit code 2): {r.stderr.strip()}")
        else:
            bad(f"merge pod with a missing shard: exit code {r.returncode}: {r.stderr.strip()}")


if __name__ == "__main__":
    main()
    print(f"k8s-check: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
