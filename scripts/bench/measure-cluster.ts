/**
 * The overview page through nginx with one instance and then two (PostgreSQL): req/s of each at 8 connections,
 * their ratio (goal ≥ 1.6×), and how much CPU the machine had left while the load ran — the load generator
 * (autocannon, in this process), nginx, PostgreSQL and the instances all share the same cores.
 */
import fs from 'node:fs';
import type { RunningApp } from '@/scripts/lib/test-app';
import { signIn } from '@/scripts/lib/test-app';
import { startInstance, waitReady } from '@/scripts/lib/cluster-instance';
import { startNginx, type RunningNginx } from '@/scripts/lib/cluster-nginx';
import { measureHttpLoad, type Loaded } from './measure-api';
import type { createRecorder } from './results-table';

/** Instances on 3403 and 3404, nginx on 8402 (clear of the single-instance ports 3411/3412). */
export const CLUSTER_PORTS = { instances: [3403, 3404], nginx: 8402 };

interface CpuShare {
  /** Share of the machine's CPU time that was idle (all cores), %. */
  idle: number;
  /** This process's CPU time (the load generator) over the wall time, % of one core. */
  loadGenerator: number;
}

function procStat(): { idle: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already counted in user)
  const total = fields.slice(0, 8).reduce((s, v) => s + v, 0);
  return { idle: (fields[3] ?? 0) + (fields[4] ?? 0), total };
}

async function withCpuShare<T>(run: () => Promise<T>): Promise<{ result: T; cpu: CpuShare }> {
  const stat = procStat();
  const usage = process.cpuUsage();
  const started = performance.now();
  const result = await run();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(usage);
  const after = procStat();
  return {
    result,
    cpu: {
      idle: (100 * (after.idle - stat.idle)) / Math.max(1, after.total - stat.total),
      loadGenerator: (100 * (used.user + used.system)) / 1000 / wallMs,
    },
  };
}

export interface ClusterContext {
  env: Record<string, string>;
  leader: { username: string; password: string };
  year: number;
  seconds: number;
  record: ReturnType<typeof createRecorder>;
  log: (line: string) => void;
}

export async function measureCluster(ctx: ClusterContext): Promise<{ one: Loaded; two: Loaded; ratio: number }> {
  const { record, log, seconds } = ctx;
  const instances: RunningApp[] = [];
  let nginx: RunningNginx | undefined;
  const publicUrl = `http://127.0.0.1:${CLUSTER_PORTS.nginx}`;
  const page = `/?year=${ctx.year}`;
  const run = async (count: number) => {
    while (instances.length < count) {
      const app = await startInstance(ctx.env, CLUSTER_PORTS.instances[instances.length] ?? 0, { publicUrl });
      instances.push(app);
      await waitReady(app);
    }
    const proxy = await startNginx({ port: CLUSTER_PORTS.nginx, upstreams: CLUSTER_PORTS.instances.slice(0, count) });
    nginx = proxy;
    try {
      const cookie = await signIn(proxy.url, ctx.leader.username, ctx.leader.password);
      // Warm-up (JIT, the read model, nginx's keepalive connections), then the measurement.
      await measureHttpLoad(`${proxy.url}${page}`, cookie, 8, Math.min(3, seconds));
      const { result, cpu } = await withCpuShare(() => measureHttpLoad(`${proxy.url}${page}`, cookie, 8, seconds));
      if (result.errors)
        log(
          `cluster: ${page} with ${count} instance(s): ${JSON.stringify(result.errorKinds)}\n${proxy.output().slice(-2000)}`,
        );
      const label = `overview page through nginx, ${count} instance${count > 1 ? 's' : ''}`;
      record(`${label}: req/s at 8 connections`, result.rps, 'req/s');
      record(`${label}: p50 at 8`, result.p50, 'ms');
      record(`${label}: p99 at 8`, result.p99, 'ms');
      record(`${label}: errors under load`, result.errors, '', { op: '=', limit: 0 });
      record(`${label}: machine CPU idle during the load`, cpu.idle, '%');
      record(`${label}: load generator CPU (autocannon, % of one core)`, cpu.loadGenerator, '%');
      log(
        `cluster: ${count} instance(s): ${result.rps} req/s, p50 ${result.p50} ms, idle ${cpu.idle.toFixed(1)} %, load generator ${cpu.loadGenerator.toFixed(1)} % of a core`,
      );
      return result;
    } finally {
      nginx = undefined;
      await proxy.stop();
    }
  };
  try {
    log(`cluster: overview page (${page}) through nginx, 1 instance`);
    const one = await run(1);
    log(`cluster: overview page (${page}) through nginx, 2 instances`);
    const two = await run(2);
    const ratio = two.rps / one.rps;
    record('overview page through nginx: 2 instances ÷ 1 instance (req/s)', ratio, '×', { op: '≥', limit: 1.6 });
    return { one, two, ratio };
  } finally {
    await nginx?.stop();
    await Promise.all(instances.map((app) => app.stop()));
  }
}
