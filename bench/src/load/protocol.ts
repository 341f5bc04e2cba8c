import type { TokenTemplate } from '../common/tokens';

/** Which token each call carries. */
export type TokenPlan =
  | { kind: 'none' }
  /** One token per in-flight caller, reused on every call (a verified-token cache hits). */
  | { kind: 'per-caller' }
  /** A never-seen token on every call, minted before the window (cold path). */
  | { kind: 'fresh'; max?: number }
  /** `size` distinct tokens used round-robin (cache growth). */
  | { kind: 'pool'; size: number };

export type Method = 'GetOrder' | 'CreateOrder' | 'Login';

export interface RunSpec {
  id: number;
  /** host:port of order-service (GetOrder, CreateOrder) or auth-service (Login). */
  target: string;
  method: Method;
  request: object;
  concurrency: number;
  /** Client channels (HTTP/2 connections) the callers are spread over. */
  channels: number;
  tokens: TokenPlan;
  warmupMs: number;
  durationMs: number;
  /** Hard cap on calls in the measured window (every loop is bounded in count and time). */
  maxCalls: number;
  deadlineMs: number;
  /** Keep [startMs, endMs, code] per measured call (outage timeline). */
  timeline?: boolean;
}

export interface RunResult {
  id: number;
  calls: number;
  ok: number;
  /** Status code name → count, for calls that were not OK. */
  errors: Record<string, number>;
  elapsedMs: number;
  callsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  /** Tokens minted before the window (fresh/pool plans) and how long that took. */
  minted: number;
  mintMs: number;
  /** The fresh-token pool ran out and the window ended early. */
  exhausted: boolean;
  timeline?: Array<[number, number, number]>;
}

export type ToLoadgen =
  { type: 'init'; template: TokenTemplate } | { type: 'run'; spec: RunSpec } | { type: 'exit' };

export type FromLoadgen =
  | { type: 'ready' }
  | { type: 'mark'; id: number; phase: 'start' | 'end' }
  | { type: 'result'; result: RunResult }
  | { type: 'error'; id: number; message: string };
