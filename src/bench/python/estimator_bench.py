"""The estimator workload of mixrl's `bench estimator` (org.mixrl.bench.EstimatorBenchmark):
one MRP and one LR gradient, per repeat, of the same tanh-squashed Gaussian mixture (K=5,
1-D action in (-1, 1)) on the bandit reward bumps:1.0@1.0/0.3,0.8@-1.0/0.3, batch 64 identical
states, alpha = 0.2. The parameter vector theta (5 logits, 5 means of u, 5 log-stds of u) is
one leaf broadcast over the batch, as mixrl's StatelessPolicy does, and each gradient is of
the batch-mean surrogate with respect to theta.

  MRP  sum_k w_k f(u_k), one eps per component: gradient through w, through u_k into the
       reward and through log pi (the full mixture density at a_k = tanh(u_k))
  LR   log pi(u) * sg(f(u) - b), u ~ pi detached, b the batch leave-one-out mean of f

with f(u) = r(tanh(u)) - alpha log pi(u). Small tensors (64 x 5 numbers): this measures the
per-op overhead of each framework, not arithmetic throughput.

Usage: /usr/bin/python3 src/bench/python/estimator_bench.py [threads=1] [reps=7]
"""
import math
import sys

import torch
from torch.nn import functional as F

from common import machine_info, median_seconds

K, BATCH, ALPHA = 5, 64, 0.2
THETA = [0, 0.5, -0.5, 0.25, 0,        # logits
         -1, -0.5, 0, 0.5, 1,          # means of u
         -0.5, -0.7, -0.3, -0.6, -0.4]  # log-stds of u
BUMPS = [(1.0, 1.0, 0.3), (0.8, -1.0, 0.3)]  # height, centre, width
HALF_LOG_2PI = 0.5 * math.log(2 * math.pi)


def reward(a):
    r = torch.zeros_like(a)
    for h, c, w in BUMPS:
        r = r + h * torch.exp(-(a - c) ** 2 / (2 * w * w))
    return r


def log_det_tanh(u):
    """log|d tanh(u)/du| = 2 (log 2 - u - softplus(-2u)), finite for large |u|."""
    return 2 * (math.log(2) - u - F.softplus(-2 * u))


class Mixture:
    def __init__(self, theta):
        self.logits = theta[:K].expand(BATCH, K)
        self.means = theta[K:2 * K].expand(BATCH, K)
        self.log_stds = theta[2 * K:].expand(BATCH, K)
        self.log_w = F.log_softmax(self.logits, dim=-1)

    def log_prob_latent(self, u):
        """log pi(tanh(u)) for latents [B, M]; returns [B, M]."""
        z = (u.unsqueeze(2) - self.means.unsqueeze(1)) * torch.exp(-self.log_stds.unsqueeze(1))
        joint = -0.5 * z * z - self.log_stds.unsqueeze(1) - HALF_LOG_2PI      # [B, M, K]
        return torch.logsumexp(joint + self.log_w.unsqueeze(1), dim=-1) - log_det_tanh(u)


def mrp_gradient(dtype):
    theta = torch.tensor(THETA, dtype=dtype, requires_grad=True)
    pi = Mixture(theta)
    eps = torch.randn(BATCH, K, dtype=dtype)
    u = pi.means + pi.log_stds.exp() * eps                                  # [B, K]
    logp = pi.log_prob_latent(u)
    f = reward(torch.tanh(u)) - ALPHA * logp
    objective = (f * pi.log_w.exp()).sum(-1).mean()
    objective.backward()
    return theta.grad


def lr_gradient(dtype):
    theta = torch.tensor(THETA, dtype=dtype, requires_grad=True)
    pi = Mixture(theta)
    with torch.no_grad():
        k = torch.multinomial(pi.log_w.exp(), 1)                            # [B, 1]
        u = pi.means.gather(1, k) + pi.log_stds.gather(1, k).exp() * torch.randn(BATCH, 1,
                                                                                   dtype=dtype)
    logp = pi.log_prob_latent(u)                                            # [B, 1]
    with torch.no_grad():
        f = reward(torch.tanh(u)) - ALPHA * logp
        advantage = f - (f.sum() - f) / (f.numel() - 1)
    objective = (logp * advantage).mean()
    objective.backward()
    return theta.grad


def main():
    threads = [int(s) for s in (sys.argv[1] if len(sys.argv) > 1 else "1").split(",")]
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    print(machine_info())
    print(f"{'workload':>10} {'threads':>7} {'dtype':>8} {'median us':>10}")
    torch.manual_seed(0)
    for dtype in (torch.float64, torch.float32):
        def one_repeat():
            mrp_gradient(dtype)
            lr_gradient(dtype)
        for t in threads:
            torch.set_num_threads(t)
            sec = median_seconds(one_repeat, reps=reps)
            print(f"{'estimator':>10} {t:>7} {str(dtype).replace('torch.', ''):>8} "
                  f"{sec * 1e6:>10.1f}", flush=True)


if __name__ == "__main__":
    main()
