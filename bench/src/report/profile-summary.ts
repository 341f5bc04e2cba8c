import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by area (jose, jwt-interceptor, grpc-js, pino, better-sqlite3, …), descending. */
  areas: Array<{ area: string; ms: number; share: number }>;
  top: Array<{ fn: string; where: string; ms: number; share: number }>;
}

function areaOf(source: string, fn: string): string {
  if (fn === '(idle)') return '(idle)';
  if (fn === '(garbage collector)') return '(gc)';
  if (fn === '(program)') return '(program: native, syscalls)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (nm) return nm[1]!;
  const ws = /(libs|apps|bench)\/([^/]+)/.exec(source);
  if (ws) return `${ws[1]}/${ws[2]}`;
  if (source.startsWith('node:')) return 'node internals';
  return source === '' ? '(native)' : source;
}

/**
 * Self time per function and per area of a V8 .cpuprofile; positions inside a bundle are mapped
 * back to their source files through the bundle's source map (node:module SourceMap).
 */
export function summarizeProfile(file: string, bundleMaps: Record<string, string>): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const maps = new Map<string, SourceMap>();
  for (const [url, mapFile] of Object.entries(bundleMaps)) {
    try {
      maps.set(url, new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))));
    } catch {
      // no map: raw bundle positions
    }
  }
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const byFn = new Map<string, { fn: string; where: string; area: string; us: number }>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (us === 0) continue;
    total += us;
    const cf = node.callFrame;
    let source = cf.url.replace(/^file:\/\//, '');
    let line = cf.lineNumber + 1;
    const map = maps.get(cf.url) ?? maps.get(source);
    if (map && cf.lineNumber >= 0) {
      const e = map.findEntry(cf.lineNumber, cf.columnNumber) as {
        originalSource?: string;
        originalLine?: number;
      };
      if (e?.originalSource) {
        source = e.originalSource;
        line = (e.originalLine ?? 0) + 1;
      }
    }
    const fn = cf.functionName || '(anonymous)';
    const short = source.replace(/^.*?(node_modules\/|libs\/|apps\/|bench\/)/, '$1');
    const key = `${fn}@${short}:${line}`;
    const entry = byFn.get(key) ?? {
      fn,
      where: `${short}:${line}`,
      area: areaOf(short, fn),
      us: 0,
    };
    entry.us += us;
    byFn.set(key, entry);
  }
  const areas = new Map<string, number>();
  for (const e of byFn.values()) areas.set(e.area, (areas.get(e.area) ?? 0) + e.us);
  const busy = total - (areas.get('(idle)') ?? 0);
  return {
    totalMs: total / 1000,
    areas: [...areas.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([area, us]) => ({
        area,
        ms: us / 1000,
        share: area === '(idle)' ? Number.NaN : us / busy,
      })),
    top: [...byFn.values()]
      .filter((e) => e.area !== '(idle)')
      .sort((a, b) => b.us - a.us)
      .slice(0, 25)
      .map((e) => ({ fn: e.fn, where: e.where, ms: e.us / 1000, share: e.us / busy })),
  };
}
