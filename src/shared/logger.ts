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

/**
 * HTTP requests are logged by their route pattern (`/api/app/cases/:code`), never the raw URL: path
 * parameters and query strings are typed text (a search for a name, a mistyped HKID) and would sit in
 * the log in clear. Fastify lets a logger instance's own `req` serializer replace its default.
 */
function requestSerializer(req: { method?: string; routeOptions?: { url?: string }; ip?: string }) {
  return { method: req.method, route: req.routeOptions?.url ?? '(no route)', remoteAddress: req.ip };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'consultbridge' },
      serializers: { req: requestSerializer },
    },
    destination,
  );
}

/** A logger that drops everything; for tests that do not look at logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
