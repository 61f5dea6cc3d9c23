export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __masarEmbedded?: { stop(): Promise<void> } }).__masarEmbedded;
  if (embedded) await embedded.stop();
}
