export function DashboardSection() {
  return null;
}
