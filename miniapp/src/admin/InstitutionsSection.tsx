export function InstitutionsSection() {
  return null;
}
