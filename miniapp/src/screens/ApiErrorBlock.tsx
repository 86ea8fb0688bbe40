import { ErrorBlock } from 'antd-mobile';
import { errorWords } from '../api/error-words.js';
import { useI18n } from '../i18n/i18n.js';

/** A failed load as a screen: what happened (title) and what to do (description), in the reader's language. */
export function ApiErrorBlock({ error, testId = 'error-screen' }: { error: unknown; testId?: string }) {
  const { t } = useI18n();
  const w = errorWords(error, t);
  return (
    <ErrorBlock
      status="default"
      title={<span data-testid="error-title">{w.title}</span>}
      description={<span data-testid="error-hint">{w.hint}</span>}
      data-testid={testId}
      data-code={w.code}
    />
  );
}
