import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is asking, carried through a request without threading it through every call (for audit and logs). */
export interface RequestContext {
  requestId: string;
  ip?: string;
  userAgent?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

/** Binds the context for the rest of the current asynchronous flow (used from a Fastify onRequest hook). */
export function enterRequestContext(ctx: RequestContext): void {
  storage.enterWith(ctx);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
