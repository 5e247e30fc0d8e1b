"""One full SAC update (critic target, critics, actor, temperature, Polyak targets) at Pendulum
size: obs 3, act 1 in [-2, 2], actor 256-256, twin critics 256-256, batch 256, Adam. It mirrors
mixrl's Sac.update (org.mixrl.bench.SacUpdateBenchmark) for three cases:

  sg-rp    tanh-squashed Gaussian actor, reparameterization (RP)
  sgm-mrp  tanh-squashed Gaussian mixture, K=5, marginalized reparameterization (MRP):
           K critic evaluations per state in the actor step
  sgm-lr   the same mixture, likelihood ratio (LR) with the batch leave-one-out baseline
           (mixrl's default): one critic evaluation per state, no gradient through the critic

Usage: /usr/bin/python3 src/bench/python/sac_update_bench.py [threads=1,2] [reps=7] [cases]
                                                          [hidden=256,256] [batch=256]
  cases: comma list from sg-rp, sgm-mrp, sgm-lr (default all three)
  hidden, batch: as `mixrl bench sac --hidden 64,64 --batch 32`
"""
import copy
import math
import sys

import torch
from torch import nn
from torch.nn import functional as F

from common import machine_info, median_seconds

OBS, ACT, K = 3, 1, 5
HIDDEN = [int(h) for h in (sys.argv[4] if len(sys.argv) > 4 else "256,256").split(",")]
BATCH = int(sys.argv[5]) if len(sys.argv) > 5 else 256
LOW, HIGH = -2.0, 2.0                       # Pendulum's action box
CENTRE, HALF = (HIGH + LOW) / 2, (HIGH - LOW) / 2
GAMMA, TAU = 0.99, 0.005
ACTOR_LR, CRITIC_LR, ALPHA_LR = 3e-4, 1e-3, 1e-3  # SacConfig defaults
TARGET_ENTROPY = -ACT
LOG_STD_MIN, LOG_STD_MAX = -5.0, 2.0
HALF_LOG_2PI = 0.5 * math.log(2 * math.pi)


def mlp(inp, out):
    layers, width = [], inp
    for h in HIDDEN:
        layers += [nn.Linear(width, h), nn.ReLU()]
        width = h
    return nn.Sequential(*layers, nn.Linear(width, out))


def bound_log_std(raw):
    """mixrl's default LogStdBounds.tanh() (CleanRL's): smooth map of raw outputs into (-5, 2)."""
    return LOG_STD_MIN + 0.5 * (LOG_STD_MAX - LOG_STD_MIN) * (torch.tanh(raw) + 1)


def squash(u):
    """a = c + h tanh(u) onto the action box."""
    return CENTRE + HALF * torch.tanh(u)


def log_det_squash(u):
    """sum over the last axis of log|da/du| = log h + log(1 - tanh(u)^2); the softplus form
    2 (log 2 - u - softplus(-2u)) stays finite where 1 - tanh(u)^2 rounds to 0."""
    return (2 * (math.log(2) - u - F.softplus(-2 * u)) + math.log(HALF)).sum(-1)


def normal_log_density(x, mean, log_std):
    """log N(x; mean, exp(log_std)^2) elementwise, broadcasting."""
    z = (x - mean) * torch.exp(-log_std)
    return -0.5 * z * z - log_std - HALF_LOG_2PI


class SquashedGaussian:
    """Actor outputs [B, 2d]: d means, then d raw log-stds."""
    outputs = 2 * ACT

    def __init__(self, out):
        self.mean, raw = out.split(ACT, dim=-1)
        self.log_std = bound_log_std(raw)

    def rsample_latent(self):
        """One pathwise latent per state, [B, 1, d]."""
        return (self.mean + self.log_std.exp() * torch.randn_like(self.mean)).unsqueeze(1)

    def sample_latent(self):
        with torch.no_grad():
            return self.rsample_latent()

    def log_prob_latent(self, u):
        """log pi(squash(u)) for latents [B, M, d]; returns [B, M]."""
        base = normal_log_density(u, self.mean.unsqueeze(1), self.log_std.unsqueeze(1)).sum(-1)
        return base - log_det_squash(u)


class SquashedGaussianMixture:
    """Actor outputs [B, K(1 + 2d)]: K logits, K*d means, K*d raw log-stds (component-major),
    the layout of mixrl's PolicyHead."""
    outputs = K * (1 + 2 * ACT)

    def __init__(self, out):
        b = out.shape[0]
        self.logits = out[:, :K]
        self.means = out[:, K:K + K * ACT].reshape(b, K, ACT)
        self.log_stds = bound_log_std(out[:, K + K * ACT:]).reshape(b, K, ACT)
        self.log_w = F.log_softmax(self.logits, dim=-1)

    def weights(self):
        return F.softmax(self.logits, dim=-1)

    def component_latents(self, eps):
        """u_k = mu_k + sigma_k eps_k for noise [B, M, K, d]."""
        return self.means.unsqueeze(1) + self.log_stds.exp().unsqueeze(1) * eps

    def sample_latent(self):
        """A draw of the mixture, [B, 1, d], no gradient: component k ~ Cat(w), then
        u ~ N(mu_k, sigma_k^2)."""
        with torch.no_grad():
            k = torch.multinomial(self.weights(), 1)              # [B, 1]
            idx = k.unsqueeze(-1).expand(-1, -1, ACT)              # [B, 1, d]
            mu, log_std = self.means.gather(1, idx), self.log_stds.gather(1, idx)
            return mu + log_std.exp() * torch.randn_like(mu)

    def log_prob_latent(self, u):
        """log pi(squash(u)) for latents [B, M, d], the full mixture density; returns [B, M].
        logsumexp_k(log w_k + log N(u; mu_k, sigma_k)) never leaves the log domain."""
        joint = normal_log_density(u.unsqueeze(2), self.means.unsqueeze(1),
                                   self.log_stds.unsqueeze(1)).sum(-1)      # [B, M, K]
        return torch.logsumexp(joint + self.log_w.unsqueeze(1), dim=-1) - log_det_squash(u)


# Actor-step surrogates: each returns (objective to maximise, entropy estimate per state [B],
# detached). `min_q` maps actions [B, N, d] to min(Q1, Q2) [B, N] at the batch's states.

def rp(pi, min_q, alpha):
    u = pi.rsample_latent()
    logp = pi.log_prob_latent(u)
    f = min_q(squash(u)) - alpha * logp
    return f.mean(), -logp.mean(1).detach()


def mrp(pi, min_q, alpha):
    """sum_k w_k f(u_k), one eps per component: gradient through w, through u_k into Q and
    through log pi. Costs K critic evaluations per state; entropy -sum_k w_k log pi(u_k)."""
    b = pi.logits.shape[0]
    eps = torch.randn(b, 1, K, ACT, dtype=pi.logits.dtype)
    u = pi.component_latents(eps).reshape(b, K, ACT)
    logp = pi.log_prob_latent(u)                                   # [B, K]
    f = min_q(squash(u)) - alpha * logp
    w = pi.weights()
    return (f * w).sum(-1).mean(), -(logp * w).sum(-1).detach()


def lr(pi, min_q, alpha):
    """log pi(u) * sg(f(u) - b) with u ~ pi detached and b the mean of f over the batch's other
    draws (batch leave-one-out). The critic runs without a graph."""
    u = pi.sample_latent()
    logp = pi.log_prob_latent(u)                                   # [B, 1]
    with torch.no_grad():
        f = min_q(squash(u)) - alpha * logp
        baseline = (f.sum() - f) / (f.numel() - 1)
    return (logp * (f - baseline)).mean(), -logp.mean(1).detach()


CASES = {"sg-rp": (SquashedGaussian, rp),
         "sgm-mrp": (SquashedGaussianMixture, mrp),
         "sgm-lr": (SquashedGaussianMixture, lr)}


def make(case, dtype):
    """The update closure for one case, on a fixed Pendulum-shaped batch."""
    policy, estimator = CASES[case]
    torch.manual_seed(0)
    actor = mlp(OBS, policy.outputs).to(dtype)
    q1, q2 = mlp(OBS + ACT, 1).to(dtype), mlp(OBS + ACT, 1).to(dtype)
    q1t, q2t = copy.deepcopy(q1), copy.deepcopy(q2)
    critic_params = list(q1.parameters()) + list(q2.parameters())
    log_alpha = torch.zeros(1, dtype=dtype, requires_grad=True)
    opt_q = torch.optim.Adam(critic_params, lr=CRITIC_LR)
    opt_pi = torch.optim.Adam(actor.parameters(), lr=ACTOR_LR)
    opt_alpha = torch.optim.Adam([log_alpha], lr=ALPHA_LR)
    batch = (torch.randn(BATCH, OBS, dtype=dtype),
             torch.rand(BATCH, ACT, dtype=dtype) * (HIGH - LOW) + LOW,
             torch.randn(BATCH, dtype=dtype), torch.randn(BATCH, OBS, dtype=dtype),
             torch.zeros(BATCH, dtype=dtype))

    def q(net, obs, act):
        return net(torch.cat([obs, act], -1)).squeeze(-1)

    def min_q_at(obs):
        def min_q(actions):                        # [B, N, d] -> [B, N], states repeated N times
            b, n, _ = actions.shape
            states = obs.unsqueeze(1).expand(b, n, OBS).reshape(b * n, OBS)
            a = actions.reshape(b * n, ACT)
            return torch.min(q(q1, states, a), q(q2, states, a)).reshape(b, n)
        return min_q

    def update():
        obs, act, rew, nxt, term = batch
        alpha = log_alpha.exp().item()
        # 1. critic target from one fresh draw of the policy at s' (no graph)
        with torch.no_grad():
            nxt_pi = policy(actor(nxt))
            u2 = nxt_pi.sample_latent()
            lp2 = nxt_pi.log_prob_latent(u2).squeeze(1)
            a2 = squash(u2).squeeze(1)
            soft = torch.min(q(q1t, nxt, a2), q(q2t, nxt, a2)) - alpha * lp2
            y = rew + GAMMA * (1 - term) * soft
        # 2. critic step
        q_loss = ((q(q1, obs, act) - y) ** 2).mean() + ((q(q2, obs, act) - y) ** 2).mean()
        opt_q.zero_grad()
        q_loss.backward()
        opt_q.step()
        # 3. actor step; critics frozen as in mixrl, so backward goes through Q into the
        #    actions only and computes no critic weight gradients
        for p in critic_params:
            p.requires_grad_(False)
        objective, entropy = estimator(policy(actor(obs)), min_q_at(obs), alpha)
        opt_pi.zero_grad()
        (-objective).backward()
        for p in critic_params:
            p.requires_grad_(True)
        opt_pi.step()
        # 4. temperature step with the estimator's own entropy estimate
        alpha_loss = (log_alpha.exp() * (entropy - TARGET_ENTROPY)).mean()
        opt_alpha.zero_grad()
        alpha_loss.backward()
        opt_alpha.step()
        # 5. Polyak targets
        with torch.no_grad():
            for net, tgt in ((q1, q1t), (q2, q2t)):
                for p, pt in zip(net.parameters(), tgt.parameters()):
                    pt.mul_(1 - TAU).add_(p, alpha=TAU)

    return update


def main():
    threads = [int(s) for s in (sys.argv[1] if len(sys.argv) > 1 else "1,2").split(",")]
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    cases = (sys.argv[3] if len(sys.argv) > 3 else ",".join(CASES)).split(",")
    unknown = [c for c in cases if c not in CASES]
    if unknown:
        sys.exit(f"unknown case(s) {', '.join(unknown)}; allowed: {', '.join(CASES)}")
    print(machine_info())
    print(f"hidden {'x'.join(map(str, HIDDEN))}, batch {BATCH}")
    print(f"{'case':>8} {'threads':>7} {'dtype':>8} {'median ms':>10}")
    for case in cases:
        for dtype in (torch.float64, torch.float32):
            update = make(case, dtype)
            for t in threads:
                torch.set_num_threads(t)
                sec = median_seconds(update, reps=reps)
                print(f"{case:>8} {t:>7} {str(dtype).replace('torch.', ''):>8} {sec * 1e3:>10.3f}",
                      flush=True)


if __name__ == "__main__":
    main()
