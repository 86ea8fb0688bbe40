import { useEffect, useState } from 'react';
import { useEndpoints } from '../../api/use-api.js';
import type { NormaliseMatch } from '../doctor-api.js';

const DEBOUNCE_MS = 300;

export interface Normalised {
  /** The text these matches are for (the typed name, trimmed), or '' before any answer. */
  forText: string;
  /** Drug matches only, best first, as the server ranked them. */
  drugs: NormaliseMatch[];
  /** A lookup is waiting or running for the current text. */
  pending: boolean;
  /** The lookup failed (the form still saves; nothing is then confirmed). */
  failed: boolean;
}

/**
 * Asks the normaliser what the typed name means, DEBOUNCE_MS after the doctor stops typing; an answer
 * for an older text is dropped, so the ticks shown always belong to what is in the field.
 */
export function useNormalise(text: string): Normalised {
  const ep = useEndpoints();
  const wanted = text.trim();
  const [state, setState] = useState<Omit<Normalised, 'pending'>>({ forText: '', drugs: [], failed: false });
  useEffect(() => {
    if (wanted === '') {
      setState({ forText: '', drugs: [], failed: false });
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      ep.normalise(wanted).then(
        (a) => live && setState({ forText: wanted, drugs: a.matches.filter((m) => m.kind === 'drug'), failed: false }),
        () => live && setState({ forText: wanted, drugs: [], failed: true }),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [ep, wanted]);
  return { ...state, pending: wanted !== '' && state.forText !== wanted };
}
