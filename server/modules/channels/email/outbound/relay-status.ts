// Whether this process sends mail at all, for the outbox to say why mail waits. Routes get no
// configuration, so the mail queue, made from the configuration when the workers start, notes it
// here (as public-url.ts does for links). Unknown (a process that starts no workers) reads as false.

let relayConfigured = false;

export function noteRelayConfigured(configured: boolean): void {
  relayConfigured = configured;
}

export function isRelayConfigured(): boolean {
  return relayConfigured;
}
