/**
 * The sandbox's Yida demo: a mapped demo form (a cardiology referral: HKID, medications, problems, a
 * note), its callback pointed at the service with a secret made at start (when YIDA_CALLBACK_SECRET is
 * unset), and the form data a demo submission carries — mapped, unmapped or malformed.
 */
import { randomBytes } from 'node:crypto';
import type { FormMapping } from '../contract/yida.js';
import type { YidaRepository } from '../domain/forms/yida-repository-port.js';
import { YIDA_CALLBACK_PATH } from '../http/yida-callback-routes.js';
import type { Simulator } from './simulator.js';

export const DEMO_FORM_UUID = 'FORM-SANDBOXREFERRAL1';
export const DEMO_UNMAPPED_FORM_UUID = 'FORM-SANDBOXNURSING02';

export const DEMO_MAPPING: Omit<FormMapping, 'updatedAt' | 'updatedBy'> = {
  formUuid: DEMO_FORM_UUID,
  name: 'Cardiology referral 心臟科轉介',
  recordType: 'cardiology_referral',
  fields: {
    patientHkid: 'textField_hkid',
    caseCode: 'textField_case',
    medications: ['textareaField_meds'],
    problems: ['textareaField_problems'],
    freeText: [{ id: 'textareaField_reason', label: 'Reason 轉介原因' }],
    flags: [],
    results: [],
  },
  documentType: 'form',
  approval: 'none',
  readCategory: 'care_team',
};

export type DemoVariant = 'mapped' | 'unmapped' | 'malformed';

/** The form data of a demo submission for a patient (by HKID), optionally naming a case. */
export function demoFormData(hkid: string, caseCode?: string): Record<string, unknown> {
  return {
    textField_hkid: hkid,
    ...(caseCode ? { textField_case: caseCode } : {}),
    textareaField_meds: 'warfarin 3mg daily\nbisoprolol 2.5mg',
    textareaField_problems: 'atrial fibrillation',
    textareaField_reason: '心悸兩星期，請評估抗凝治療 Palpitations for two weeks: please review anticoagulation',
  };
}

/** A secret for the sandbox's callback when none is configured (never printed). */
export const sandboxYidaSecret = (configured?: string): string => configured ?? randomBytes(24).toString('base64url');

/** Points the simulator's Yida callbacks at the service and maps the demo form (once; an admin's edit is kept). */
export async function seedYidaDemo(sim: Simulator, repo: Pick<YidaRepository, 'findMapping' | 'putMapping'>, target: { baseUrl: string; secret: string }, now: number): Promise<void> {
  sim.yida.target = { url: `${target.baseUrl}${YIDA_CALLBACK_PATH}`, secret: target.secret };
  if (!(await repo.findMapping(DEMO_FORM_UUID))) await repo.putMapping({ ...DEMO_MAPPING, updatedAt: now, updatedBy: 'system' });
}

/** Submits a demo form in Yida and sends its callback; answers the service's answer. */
export async function submitDemoForm(sim: Simulator, variant: DemoVariant, hkid: string, caseCode?: string) {
  const formUuid = variant === 'unmapped' ? DEMO_UNMAPPED_FORM_UUID : DEMO_FORM_UUID;
  return sim.yida.submitAndEmit({ formUuid, formData: variant === 'malformed' ? 'malformed' : demoFormData(hkid, caseCode) });
}
