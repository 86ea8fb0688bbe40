import { PURPOSE_OF_USE } from '../../../src/contract/purpose-of-use.js';
import type { PersonDto } from './admin-types.js';

/** A person as the oversight tables show them: name, then institution code. */
export const person = (p: PersonDto | null) => (p ? `${p.name}${p.institution ? ` · ${p.institution}` : ''}` : '—');

/** A purpose-of-use code in words (the closed list; pure data, bundled); an unknown code as sent. */
export const purposeWords = (code: string, l: 'en' | 'zh') => (PURPOSE_OF_USE as Record<string, { en: string; zh: string } | undefined>)[code]?.[l] ?? code;
