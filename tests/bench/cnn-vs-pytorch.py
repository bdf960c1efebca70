#!/usr/bin/env python3
"""Kuajie's CNN engine against PyTorch, in one run, on the same machine.

Same model (fmnist-ref), same data (Fashion-MNIST), same batch (64), same
optimiser (SGD, lr 0.01, momentum 0.9), same number of epochs, same number
of threads. Prints both side by side with the ratios, and the GFLOP/s the
engine reaches against OpenBLAS's sgemm peak measured here and now.

Test accuracy after a few epochs varies with the seed by a few tenths of a
percent, more than the two engines differ, so both train once per seed
(1..SEEDS, default 3) and the accuracies are compared as mean ± sd.

Usage: cnn-vs-pytorch.py KUAJIE_CLI BENCH_SGEMM [EPOCHS [SEEDS]]
"""

import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

DATA = "/usr/share/datasets/fashion-mnist"
THREADS = 2
BATCH = 64
LR = 0.01
MOMENTUM = 0.9


def high_water_mib(pid):
    """The process's own peak resident memory (VmHWM), while it runs."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return 0.0


def run_child(argv):
    """Runs argv; returns (stdout, its peak RSS in MiB, wall seconds).

    The peak is VmHWM read after each line the child prints (each epoch);
    getrusage's ru_maxrss would also count the forked Python before exec."""
    start = time.monotonic()
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
    lines, peak = [], 0.0
    for line in child.stdout:
        lines.append(line)
        peak = max(peak, high_water_mib(child.pid))
    child.wait()
    if child.returncode != 0:
        sys.exit(f"{argv[0]} failed with status {child.returncode}")
    return "".join(lines), peak, time.monotonic() - start


def kuajie(cli, epochs, seed, model_path):
    out, rss, _ = run_child([
        cli, "train", "--dataset", "fashion-mnist", "--preset", "fmnist-ref",
        "--epochs", str(epochs), "--batch", str(BATCH), "--optimizer", "sgd",
        "--lr", str(LR), "--momentum", str(MOMENTUM), "--validation", "0",
        "--threads", str(THREADS), "--seed", str(seed), "--json", "--output", model_path])
    epochs_out = [json.loads(line) for line in out.splitlines() if line.strip()]
    train_ips = sum(e["images_per_second"] for e in epochs_out) / len(epochs_out)
    out, _, _ = run_child([cli, "eval", "--model", model_path, "--dataset", "fashion-mnist",
                           "--threads", str(THREADS), "--json"])
    evaluation = json.loads(out)
    return {
        "train_ips": train_ips,
        "infer_ips": evaluation["images_per_second"],
        "accuracy": evaluation["accuracy"],
        "peak_mib": rss,
    }


TORCH_CHILD = r'''
import gzip, json, sys, time
import numpy as np
import torch
from torch import nn

data, epochs, threads, batch, lr, momentum, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
torch.set_num_threads(threads)
torch.manual_seed(seed)

def idx(name, offset):
    with gzip.open(f"{data}/{name}", "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)

x_train = idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28).astype(np.float32) / 255
y_train = idx("train-labels-idx1-ubyte.gz", 8).astype(np.int64)
x_test = idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28).astype(np.float32) / 255
y_test = idx("t10k-labels-idx1-ubyte.gz", 8).astype(np.int64)
mean, std = x_train.mean(), x_train.std()
x_train = torch.from_numpy((x_train - mean) / std)
x_test = torch.from_numpy((x_test - mean) / std)
y_train, y_test = torch.from_numpy(y_train), torch.from_numpy(y_test)

model = nn.Sequential(
    nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(3136, 128), nn.ReLU(), nn.Linear(128, 10))
optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)
loss_fn = nn.CrossEntropyLoss()

seconds = 0.0
n = len(x_train)
for epoch in range(epochs):
    model.train()
    order = torch.randperm(n)
    start = time.monotonic()
    for b in range(0, n, batch):
        index = order[b:b + batch]
        optimizer.zero_grad()
        loss = loss_fn(model(x_train[index]), y_train[index])
        loss.backward()
        optimizer.step()
    seconds += time.monotonic() - start

model.eval()
correct = 0
start = time.monotonic()
with torch.no_grad():
    for b in range(0, len(x_test), 256):
        correct += (model(x_test[b:b + 256]).argmax(1) == y_test[b:b + 256]).sum().item()
infer_seconds = time.monotonic() - start
print(json.dumps({"train_ips": n * epochs / seconds, "infer_ips": len(x_test) / infer_seconds,
                  "accuracy": correct / len(x_test)}))
'''


def pytorch(epochs, seed):
    out, rss, _ = run_child([sys.executable, "-c", TORCH_CHILD, DATA, str(epochs), str(THREADS),
                             str(BATCH), str(LR), str(MOMENTUM), str(seed)])
    result = json.loads(out)
    result["peak_mib"] = rss
    return result


def summarise(runs):
    """Mean throughput and accuracy over the seeds, the highest peak memory."""
    accuracies = [r["accuracy"] for r in runs]
    return {
        "train_ips": statistics.mean(r["train_ips"] for r in runs),
        "infer_ips": statistics.mean(r["infer_ips"] for r in runs),
        "accuracy": statistics.mean(accuracies),
        "accuracy_sd": statistics.stdev(accuracies) if len(accuracies) > 1 else 0.0,
        "peak_mib": max(r["peak_mib"] for r in runs),
    }


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    cli, bench_sgemm = sys.argv[1], sys.argv[2]
    epochs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    if not os.path.isdir(DATA):
        print(f"SKIP: {DATA} is missing (Debian's dataset-fashion-mnist)")
        return 77
    try:
        import torch  # noqa: F401
    except ImportError:
        print("SKIP: PyTorch is missing (Debian's python3-torch)")
        return 77

    sgemm = json.loads(run_child([bench_sgemm, str(THREADS)])[0])
    seeds = range(1, (int(sys.argv[4]) if len(sys.argv) > 4 else 3) + 1)
    our_runs, their_runs = [], []
    for seed in seeds:
        with tempfile.TemporaryDirectory() as tmp:
            our_runs.append(kuajie(cli, epochs, seed, os.path.join(tmp, "fmnist-ref.safetensors")))
        their_runs.append(pytorch(epochs, seed))
        print(f"seed {seed}: test accuracy {our_runs[-1]['accuracy']:.4f} (Kuajie) "
              f"{their_runs[-1]['accuracy']:.4f} (PyTorch)", flush=True)
    ours, theirs = summarise(our_runs), summarise(their_runs)

    # Training does the forward pass and about twice its work backwards.
    engine_gflops = ours["train_ips"] * 3 * sgemm["fmnist_ref_forward_flops"] / 1e9

    print(f"fmnist-ref on Fashion-MNIST: {epochs} epochs, batch {BATCH}, SGD lr {LR} "
          f"momentum {MOMENTUM}, {THREADS} threads, seeds 1..{len(seeds)} (means)")
    print(f"{'':28}{'Kuajie':>12}{'PyTorch':>12}{'ratio':>10}")
    rows = [
        ("training images/s", "train_ips", "{:.0f}", True),
        ("inference images/s", "infer_ips", "{:.0f}", True),
        ("test accuracy", "accuracy", "{:.4f}", True),
        ("peak memory (MiB)", "peak_mib", "{:.0f}", False),
    ]
    for label, key, fmt, _ in rows:
        ratio = ours[key] / theirs[key] if theirs[key] else float("nan")
        print(f"{label:28}{fmt.format(ours[key]):>12}{fmt.format(theirs[key]):>12}"
              f"{ratio:>9.2f}×")
        if key == "accuracy":
            print(f"{'  standard deviation':28}{ours['accuracy_sd']:>12.4f}"
                  f"{theirs['accuracy_sd']:>12.4f}")
    print(f"{'engine GFLOP/s (training)':28}{engine_gflops:>12.1f}")
    print(f"{'OpenBLAS sgemm peak GFLOP/s':28}{sgemm['gflops']:>12.1f}"
          f"{'':12}{engine_gflops / sgemm['gflops']:>9.2f}×")
    targets = [
        ("training ≥ 2× PyTorch", ours["train_ips"] >= 2 * theirs["train_ips"]),
        ("mean accuracy ≥ PyTorch's", ours["accuracy"] >= theirs["accuracy"]),
        ("peak memory < 200 MB", ours["peak_mib"] * 1.048576 < 200),
    ]
    for name, met in targets:
        print(f"target: {name}: {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
