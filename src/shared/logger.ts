import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Paths that must never reach a log line in clear: secrets, tokens, and patient fields.
 * Message text from chat is also redacted, since a user may type an identifier into it.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.clientSecret',
  '*.appSecret',
  '*.appsecret',
  '*.accessToken',
  '*.access_token',
  '*.token',
  '*.password',
  '*.masterKey',
  '*.hkid',
  '*.patientName',
  '*.dateOfBirth',
  '*.dob',
  '*.text',
  '*.content',
  '*.sessionWebhook',
  '*.msgParam',
  'clientSecret',
  'accessToken',
  'hkid',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'consultbridge' },
    },
    destination,
  );
}

/** A logger that drops everything; for tests that do not look at logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
