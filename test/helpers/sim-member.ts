/**
 * One member of a "cluster" of Stream connections for the same app: a real dingtalk-stream SDK client
 * connected to the simulator that answers and records everything it gets (robot messages, events,
 * card callbacks), so a test can tell which connection DingTalk chose for each push.
 */
import { EventAck, TOPIC_CARD, type DWClientDownStream } from 'dingtalk-stream';
import { appToken, connectSdk, rawHttp, type SdkHarness, type Simulator } from './sim.js';

export interface SimMember extends SdkHarness {
  /** The simulator's id for this member's socket (frames carry it in `headers.connectionId`). */
  connectionId: string;
  events: DWClientDownStream[];
  cards: DWClientDownStream[];
  /** The frame messageIds this member received (robot, event, card), in order. */
  received(): string[];
}

/** Connects one more member; members connect one after another, so their order is stable. */
export async function connectMember(sim: Simulator): Promise<SimMember> {
  const events: DWClientDownStream[] = [];
  const cards: DWClientDownStream[] = [];
  const sdk = await connectSdk(sim, {
    setup: (client) => {
      client.registerAllEventListener((f) => {
        events.push(f);
        return { status: EventAck.SUCCESS };
      });
      client.registerCallbackListener(TOPIC_CARD, (f: DWClientDownStream) => {
        cards.push(f);
        client.socketCallBackResponse(f.headers.messageId, { cardData: { cardParamMap: { seenBy: String(cards.length) } } });
      });
    },
  });
  const connectionId = sim.events.all<{ connectionId: string }>('connection').at(-1)!.connectionId;
  const received = () => [...sdk.robotFrames, ...events, ...cards].map((f) => f.headers.messageId);
  return { ...sdk, connectionId, events, cards, received };
}

/** Creates a card whose button presses come back over Stream (callbackType STREAM) in `groupId`. */
export async function streamCard(sim: Simulator, groupId: string, outTrackId: string): Promise<void> {
  const r = await rawHttp().post(
    `${sim.apiBase}/v1.0/card/instances/createAndDeliver`,
    {
      cardTemplateId: 'tpl.schema',
      outTrackId,
      callbackType: 'STREAM',
      openSpaceId: `dtv1.card//IM_GROUP.${groupId}`,
      cardData: { cardParamMap: { title: 'cluster' } },
      imGroupOpenDeliverModel: { robotCode: sim.robotCode },
    },
    { headers: { 'x-acs-dingtalk-access-token': await appToken(sim) } },
  );
  if (r.status !== 200) throw new Error(`card create failed: ${r.status}`);
}

/** The downstream CALLBACK/EVENT frames the simulator sent (pings and other SYSTEM frames left out). */
export function pushedFrames(sim: Simulator): Array<{ type: string; headers: Record<string, string> }> {
  return sim.events.all<{ type: string; headers: Record<string, string> }>('frame').filter((f) => f.type !== 'SYSTEM');
}
