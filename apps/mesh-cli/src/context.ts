import {
  createAuthClient,
  createOrderClient,
  createUserClient,
  type AuthServiceClient,
  type OrderServiceClient,
  type UserServiceClient,
} from '@jwt-mesh/contracts';
import { createBearerTokenInterceptor } from '@jwt-mesh/jwt-interceptor';
import { randomUUID } from 'node:crypto';
import type { Invocation } from './args';
import type { CliConfig } from './config';
import { NotLoggedInError } from './errors';
import type { Output, Sink } from './output';
import { unary, type CallSettings, type Invoke } from './rpc';
import { deleteSession, readSession, writeSession, type Session } from './session';

export interface Io {
  stdout: Sink;
  stderr: Sink;
  stdin: NodeJS.ReadStream;
}

export interface MeshClients {
  auth: AuthServiceClient;
  user: UserServiceClient;
  order: OrderServiceClient;
}

/** Everything a command needs; built once per run by main.ts, closed at the end. */
export class AppContext {
  readonly requestId: string;
  readonly addrs: { auth: string; user: string; order: string };
  private current: Session | undefined;
  private loaded = false;
  private clients: MeshClients | undefined;
  private readonly extra: MeshClients[] = [];

  constructor(
    readonly config: CliConfig,
    readonly inv: Invocation,
    readonly out: Output,
    readonly io: Io,
    readonly now: () => Date = () => new Date(),
  ) {
    this.requestId = inv.requestId ?? randomUUID();
    this.addrs = {
      auth: inv.authAddr ?? config.authAddr,
      user: inv.userAddr ?? config.userAddr,
      order: inv.orderAddr ?? config.orderAddr,
    };
  }

  /** Clients that send the saved session's access token (whatever it is at call time). */
  get mesh(): MeshClients {
    return this.defaultClients();
  }

  private defaultClients(): MeshClients {
    return (this.clients ??= this.clientsWithToken(() => this.current?.access_token ?? ''));
  }

  /** Extra clients with their own token source (demo: bob, a forged token). */
  clientsWithToken(getToken: () => string): MeshClients {
    const interceptors = [createBearerTokenInterceptor(getToken)];
    const c: MeshClients = {
      auth: createAuthClient(this.addrs.auth),
      user: createUserClient(this.addrs.user, { interceptors }),
      order: createOrderClient(this.addrs.order, { interceptors }),
    };
    this.extra.push(c);
    return c;
  }

  call<Res>(service: string, invoke: Invoke<Res>, requestId = this.requestId): Promise<Res> {
    // Build the clients (which loads the protos, ~20 ms) before the deadline starts counting, so
    // a short MESH_DEADLINE_MS is spent on the call, not on our own start-up.
    this.defaultClients();
    const s: CallSettings = { service, requestId, deadlineMs: this.config.deadlineMs };
    return unary(invoke, s);
  }

  get session(): Session | undefined {
    if (!this.loaded) {
      this.current = readSession(this.config.sessionFile);
      this.loaded = true;
    }
    return this.current;
  }

  requireSession(): Session {
    const s = this.session;
    if (!s) throw new NotLoggedInError(this.config.programName);
    return s;
  }

  saveSession(s: Session): void {
    writeSession(this.config.sessionFile, s);
    this.current = s;
    this.loaded = true;
  }

  clearSession(): boolean {
    this.current = undefined;
    this.loaded = true;
    return deleteSession(this.config.sessionFile);
  }

  close(): void {
    for (const c of this.extra) for (const client of Object.values(c)) client.close();
  }
}
