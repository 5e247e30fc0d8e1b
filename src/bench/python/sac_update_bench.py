"""One full SAC update (critics, actor, temperature, Polyak target) at Pendulum size:
obs 3, act 1, actor 256-256 (tanh-squashed Gaussian), twin critics 256-256, batch 256, Adam.

Usage: /usr/bin/python3 src/bench/python/sac_update_bench.py [threads=1,2] [reps=7]
"""
import copy
import math
import sys

import torch
from torch import nn

from common import machine_info, median_seconds

OBS, ACT, HID, BATCH = 3, 1, 256, 256
GAMMA, TAU, LR = 0.99, 0.005, 3e-4


def mlp(inp, out):
    return nn.Sequential(nn.Linear(inp, HID), nn.ReLU(), nn.Linear(HID, HID), nn.ReLU(),
                         nn.Linear(HID, out))


class Actor(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = mlp(OBS, 2 * ACT)

    def sample(self, obs):
        mean, log_std = self.net(obs).chunk(2, dim=-1)
        log_std = log_std.clamp(-5, 2)
        std = log_std.exp()
        u = mean + std * torch.randn_like(mean)
        a = torch.tanh(u)
        log_prob = (-0.5 * ((u - mean) / std) ** 2 - log_std - 0.5 * math.log(2 * math.pi))
        # tanh correction in its softplus form: log(1 - tanh(u)^2) = 2(log 2 - u - softplus(-2u))
        log_prob = log_prob - 2 * (math.log(2) - u - nn.functional.softplus(-2 * u))
        return a, log_prob.sum(-1, keepdim=True)


def make(dtype):
    torch.manual_seed(0)
    actor = Actor().to(dtype)
    q1, q2 = mlp(OBS + ACT, 1).to(dtype), mlp(OBS + ACT, 1).to(dtype)
    q1t, q2t = copy.deepcopy(q1), copy.deepcopy(q2)
    log_alpha = torch.zeros(1, dtype=dtype, requires_grad=True)
    opt_q = torch.optim.Adam(list(q1.parameters()) + list(q2.parameters()), lr=LR)
    opt_pi = torch.optim.Adam(actor.parameters(), lr=LR)
    opt_alpha = torch.optim.Adam([log_alpha], lr=LR)
    batch = (torch.randn(BATCH, OBS, dtype=dtype), torch.rand(BATCH, ACT, dtype=dtype) * 2 - 1,
             torch.randn(BATCH, 1, dtype=dtype), torch.randn(BATCH, OBS, dtype=dtype),
             torch.zeros(BATCH, 1, dtype=dtype))

    def update():
        obs, act, rew, nxt, done = batch
        alpha = log_alpha.exp().detach()
        with torch.no_grad():
            a2, lp2 = actor.sample(nxt)
            x2 = torch.cat([nxt, a2], -1)
            target = rew + GAMMA * (1 - done) * (torch.min(q1t(x2), q2t(x2)) - alpha * lp2)
        x = torch.cat([obs, act], -1)
        q_loss = ((q1(x) - target) ** 2).mean() + ((q2(x) - target) ** 2).mean()
        opt_q.zero_grad()
        q_loss.backward()
        opt_q.step()
        a, lp = actor.sample(obs)
        xa = torch.cat([obs, a], -1)
        pi_loss = (alpha * lp - torch.min(q1(xa), q2(xa))).mean()
        opt_pi.zero_grad()
        pi_loss.backward()
        opt_pi.step()
        alpha_loss = -(log_alpha * (lp.detach() - ACT)).mean()  # target entropy = -|A|
        opt_alpha.zero_grad()
        alpha_loss.backward()
        opt_alpha.step()
        with torch.no_grad():
            for net, tgt in ((q1, q1t), (q2, q2t)):
                for p, pt in zip(net.parameters(), tgt.parameters()):
                    pt.mul_(1 - TAU).add_(p, alpha=TAU)

    return update


def main():
    threads = [int(s) for s in (sys.argv[1] if len(sys.argv) > 1 else "1,2").split(",")]
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    print(machine_info())
    print(f"{'threads':>7} {'dtype':>8} {'median ms':>10}")
    for dtype in (torch.float64, torch.float32):
        update = make(dtype)
        for t in threads:
            torch.set_num_threads(t)
            sec = median_seconds(update, reps=reps)
            print(f"{t:>7} {str(dtype).replace('torch.', ''):>8} {sec * 1e3:>10.3f}")


if __name__ == "__main__":
    main()
