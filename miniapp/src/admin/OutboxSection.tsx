export function OutboxSection() {
  return null;
}
