import type { BotMessage } from '../dingtalk/bot-message.js';
import type { ClinicalNormaliser } from '../domain/clinical/clinical-normaliser.js';
import type { VoiceDraftsRepository } from '../domain/notes/voice-draft.js';
import type { DirectoryService } from '../domain/directory/directory-service.js';
import type { InboxRepository } from '../domain/inbox/inbox-repository.js';
import type { Logger } from '../shared/logger.js';
import { buildCommands } from './commands/index.js';
import type { BotContext } from './context.js';
import type { CommandDeps } from './commands/deps.js';
import type { CardAction, CardResponse } from '../dingtalk/inbound.js';
import { handleCardAction } from './card-actions.js';
import { compose } from './dispatcher.js';
import type { Outbound } from './outbound.js';
import { dedupe } from './steps/dedupe.js';
import { ignoreSelf } from './steps/ignore-self.js';
import { inboundPhi } from './steps/inbound-phi.js';
import { parseCommand } from './steps/parse-command.js';
import { resolveActor } from './steps/resolve-actor.js';
import { runCommand } from './steps/run-command.js';
import { voiceNote } from './steps/voice-note.js';

/** The middleware's parts, and everything the commands are built from (they send through `outbound`). */
export interface BotDeps extends Omit<CommandDeps, 'notify'> {
  inbox: InboxRepository;
  directory: DirectoryService;
  /** The one reply path: answers (`forMessage`), 1:1 messages, group posts and cards. */
  outbound: Outbound;
  logger: Logger;
  botName?: string;
  /** The HK clinical normaliser, for voice notes (loads its lexicon at the first one). */
  normaliser: Pick<ClinicalNormaliser, 'normalise'>;
  /** Where a 1:1 voice note is kept, sealed, for its sender to confirm on the mini-app page. */
  voiceDrafts: Pick<VoiceDraftsRepository, 'keep'>;
}

/** The bot: dedupe → ignore self → resolve actor → refuse PHI → voice note (never a command) → parse command → run it. */
export function createBot(deps: BotDeps) {
  const { inbox: _inbox, directory: _directory, outbound, logger: _logger, botName: _botName, normaliser, voiceDrafts, ...parts } = deps;
  const full: CommandDeps = { ...parts, notify: outbound };
  const commands = buildCommands(full);
  const handle = compose(
    [
      { name: 'dedupe', run: dedupe(deps) },
      { name: 'ignoreSelf', run: ignoreSelf },
      { name: 'resolveActor', run: resolveActor(deps.directory) },
      { name: 'inboundPhi', run: inboundPhi(deps.audit) },
      { name: 'voiceNote', run: voiceNote({ normaliser, drafts: voiceDrafts, clock: deps.clock, myCases: deps.myCases, audit: deps.audit, publicUrl: deps.publicUrl, logger: deps.logger }) },
      { name: 'parseCommand', run: parseCommand(deps.botName ?? 'ConsultBridge') },
      { name: 'runCommand', run: runCommand({ commands: () => commands.all, fallback: commands.help, audit: deps.audit, logger: deps.logger }) },
    ],
    deps.logger,
  );

  return {
    commands: commands.all,
    async handle(msg: BotMessage): Promise<void> {
      const ctx: BotContext = { msg, lang: 'en', reply: deps.outbound.forMessage(msg) };
      await handle(ctx);
    },
    /** A card button press (request access, approve, deny); answers with the card update, if any. */
    async cardAction(action: CardAction): Promise<CardResponse | null> {
      return handleCardAction(full, deps.directory, action, deps.logger);
    },
    /** A press's answer the callback could not carry (late, or taken over): as a card update, once per press. */
    async answerCardLater(action: CardAction, response: CardResponse): Promise<void> {
      await outbound.answerCard(`answer:${action.callbackId}`, action.outTrackId, action.userId, response);
    },
    /** Finishes a message that a previous run claimed and ACKed but did not complete. */
    async resume(msg: BotMessage): Promise<void> {
      await handle({ msg, resumed: true, lang: 'en', reply: deps.outbound.forMessage(msg) });
    },
  };
}

export type Bot = ReturnType<typeof createBot>;
