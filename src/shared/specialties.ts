/**
 * Specialty names in both languages. The directory stores a specialty as DingTalk or the admin wrote it
 * (English, e.g. "Cardiology"); screens and chat show it in the reader's language. A specialty not in
 * this list is shown as written. No imports: the mini-app bundles this file too.
 */
export const SPECIALTY_NAMES: Record<string, { en: string; zh: string }> = {
  'anaesthesiology': { en: 'Anaesthesiology', zh: '麻醉科' },
  'cardiology': { en: 'Cardiology', zh: '心臟科' },
  'cardiothoracic surgery': { en: 'Cardiothoracic Surgery', zh: '心胸外科' },
  'clinical oncology': { en: 'Clinical Oncology', zh: '臨床腫瘤科' },
  'dermatology': { en: 'Dermatology', zh: '皮膚科' },
  'emergency medicine': { en: 'Emergency Medicine', zh: '急症科' },
  'emergency nursing': { en: 'Emergency Nursing', zh: '急症護理' },
  'endocrinology': { en: 'Endocrinology', zh: '內分泌科' },
  'family medicine': { en: 'Family Medicine', zh: '家庭醫學' },
  'gastroenterology': { en: 'Gastroenterology', zh: '腸胃科' },
  'general surgery': { en: 'General Surgery', zh: '普通外科' },
  'geriatrics': { en: 'Geriatrics', zh: '老人科' },
  'haematology': { en: 'Haematology', zh: '血液科' },
  'intensive care': { en: 'Intensive Care', zh: '深切治療科' },
  'internal medicine': { en: 'Internal Medicine', zh: '內科' },
  'nephrology': { en: 'Nephrology', zh: '腎科' },
  'neurology': { en: 'Neurology', zh: '腦神經科' },
  'neurosurgery': { en: 'Neurosurgery', zh: '腦外科' },
  'nursing': { en: 'Nursing', zh: '護理' },
  'obstetrics & gynaecology': { en: 'Obstetrics & Gynaecology', zh: '婦產科' },
  'ophthalmology': { en: 'Ophthalmology', zh: '眼科' },
  'orthopaedics': { en: 'Orthopaedics', zh: '骨科' },
  'otorhinolaryngology': { en: 'Otorhinolaryngology', zh: '耳鼻喉科' },
  'paediatrics': { en: 'Paediatrics', zh: '兒科' },
  'pathology': { en: 'Pathology', zh: '病理科' },
  'pharmacy': { en: 'Pharmacy', zh: '藥劑科' },
  'psychiatry': { en: 'Psychiatry', zh: '精神科' },
  'radiology': { en: 'Radiology', zh: '放射科' },
  'respiratory medicine': { en: 'Respiratory Medicine', zh: '呼吸系統科' },
  'surgery': { en: 'Surgery', zh: '外科' },
  'urology': { en: 'Urology', zh: '泌尿科' },
};

/** A stored specialty in the reader's language (`zh` = Traditional Chinese); unknown ones as written. */
export function specialtyName(specialty: string, lang: 'en' | 'zh'): string {
  return SPECIALTY_NAMES[specialty.trim().toLowerCase()]?.[lang] ?? specialty;
}
