import type { BenchOptions } from '../args';
import type { SignResult } from '../micro/sign-micro';
import type { VerifyResult } from '../micro/verify-micro';
import type { GrowthResult } from '../scenarios/growth-scenario';
import type { LoginResult } from '../scenarios/login-scenario';
import type { MeshResult } from '../scenarios/mesh-scenario';
import type { OutageResult } from '../scenarios/outage-scenario';
import type { MachineInfo } from './machine';

/** Everything one run measured (also written as raw JSON). */
export interface BenchResults {
  command: string;
  options: Omit<BenchOptions, 'only'> & { only: number[] };
  machine: MachineInfo;
  durationS: number;
  verify?: VerifyResult;
  sign?: SignResult;
  login?: LoginResult;
  mesh?: MeshResult;
  outage?: OutageResult;
  growth?: GrowthResult;
}
