/**
 * The server's memory: the resident set (VmRSS) of every process in its process group (`next start` runs the
 * server in a child), summed, sampled every 100 ms from /proc. `mark(phase)` attributes later samples to a
 * phase so that one run yields the peak of each measurement and of the whole run.
 */
import fs from 'node:fs';

const PAGE_BYTES = 4096;
const MB = 1024 * 1024;

export interface MemorySampler {
  /** Samples from now on count for `phase` (and for the whole run). */
  mark(phase: string): void;
  /** Peak in MB of a phase, or of the whole run without one. */
  peakMB(phase?: string): number;
  /** Current total in MB. */
  currentMB(): number;
  /** Peak in MB of every phase, in the order they were marked. */
  phases(): [string, number][];
  stop(): void;
}

function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) members.push(Number(entry));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return members;
}

function rssBytes(pid: number): number {
  try {
    const statm = fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    return Number(statm[1] ?? 0) * PAGE_BYTES;
  } catch {
    return 0;
  }
}

/** Starts sampling the group `pgid` (the detached `next start` and what it spawned). */
export function sampleProcessGroup(pgid: number, intervalMs = 100): MemorySampler {
  let members = groupMembers(pgid);
  let phase = 'start';
  let current = 0;
  const peaks = new Map<string, number>();
  let ticks = 0;
  const sample = () => {
    ticks += 1;
    if (ticks % 10 === 0) members = groupMembers(pgid);
    current = members.reduce((sum, pid) => sum + rssBytes(pid), 0);
    for (const key of ['*', phase]) peaks.set(key, Math.max(peaks.get(key) ?? 0, current));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    mark(next) {
      sample();
      phase = next;
      sample();
    },
    peakMB: (name) => Math.round((peaks.get(name ?? '*') ?? 0) / MB),
    currentMB: () => Math.round(current / MB),
    phases: () => [...peaks].filter(([name]) => name !== '*').map(([name, bytes]) => [name, Math.round(bytes / MB)]),
    stop: () => clearInterval(timer),
  };
}
