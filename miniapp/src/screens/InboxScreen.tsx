import { DoctorInbox } from '../doctor/DoctorInbox.js';

/** The inbox tab: the doctor's lists (src/doctor/DoctorInbox.tsx). */
export function InboxScreen() {
  return <DoctorInbox />;
}
