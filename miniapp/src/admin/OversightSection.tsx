export function OversightSection() {
  return null;
}
