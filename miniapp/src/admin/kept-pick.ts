import { useState } from 'react';

/**
 * The item picked stays among the options while the list follows a new search (or another case):
 * antd shows a value with no option as its raw id. The Select itself works on a readable key, not
 * the id: antd's screen-reader list renders the active option's value as text, so an id there would
 * be read out (and shown to the no-UUID walk) while the list is open.
 */
export function useKeptPick<T extends { id: string }>(items: T[], keyOf: (item: T) => string, value?: string, onChange?: (value: string) => void, initial: T | null = null) {
  const [picked, setPicked] = useState<T | null>(initial);
  const listed = picked && !items.some((i) => i.id === picked.id) ? [...items, picked] : items;
  const choose = (key: string) => {
    const item = listed.find((i) => keyOf(i) === key) ?? null;
    setPicked(item);
    if (item) onChange?.(item.id);
  };
  const current = listed.find((i) => i.id === value);
  return { listed, choose, selected: current ? keyOf(current) : undefined };
}
