import { describe, expect, it } from 'vitest';
import { firstEligibleTier, routeReferral, tierOrder, type InstitutionOnCall } from '../../../src/domain/referrals/referral-routing.js';
import type { OnCallNow } from '../../../src/domain/rosters/on-call.js';

const onCall = (p: Partial<OnCallNow>): OnCallNow => ({ first: [], second: [], shift: [], escalationContactId: null, ...p });
const at = (institutionId: string, p: Partial<OnCallNow>): InstitutionOnCall => ({ institutionId, onCall: onCall(p) });
const load = (o: Record<string, number>) => new Map(Object.entries(o));

describe('referral routing (pure)', () => {
  it('When first call has someone, then first call gets it even if second call is idle', () => {
    const got = routeReferral([at('pwh', { first: ['dr-f'], second: ['dr-s'] })], load({ 'dr-f': 9 }), 'dr-req');
    expect(got).toEqual({ institutionId: 'pwh', assigneeId: 'dr-f', level: 'first' });
  });

  it('When several share a tier, then the one with the fewest open referrals; ties stable by id whatever the roster order', () => {
    expect(routeReferral([at('pwh', { first: ['dr-c', 'dr-a', 'dr-b'] })], load({ 'dr-a': 2, 'dr-b': 1, 'dr-c': 1 }), null)?.assigneeId).toBe('dr-b');
    expect(routeReferral([at('pwh', { first: ['dr-c', 'dr-b'] })], load({}), null)?.assigneeId).toBe('dr-b');
    expect(routeReferral([at('pwh', { first: ['dr-b', 'dr-c'] })], load({}), null)?.assigneeId).toBe('dr-b');
  });

  it('When the requester is the only first call, then it goes to second call, then to a colleague on shift', () => {
    expect(routeReferral([at('pwh', { first: ['dr-req'], second: ['dr-s'] })], load({}), 'dr-req')).toEqual({ institutionId: 'pwh', assigneeId: 'dr-s', level: 'second' });
    expect(routeReferral([at('pwh', { first: ['dr-req'], shift: ['dr-x', 'dr-w'] })], load({ 'dr-w': 1 }), 'dr-req')).toEqual({ institutionId: 'pwh', assigneeId: 'dr-x', level: 'shift' });
  });

  it('When the first institution of the fallback order has nobody (or only the escalation contact), then the next one', () => {
    const got = routeReferral([at('qmh', { escalationContactId: 'dr-boss' }), at('pwh', { second: ['dr-s'] })], load({}), null);
    expect(got).toEqual({ institutionId: 'pwh', assigneeId: 'dr-s', level: 'second' });
    expect(routeReferral([at('qmh', {}), at('pwh', {})], load({}), null)).toBeNull();
    expect(routeReferral([], load({}), null)).toBeNull();
  });

  it('The escalation order: each tier by load, a clinician once (at their highest tier), then the escalation contact; never the excluded', () => {
    const order = tierOrder(onCall({ first: ['dr-a', 'dr-b'], second: ['dr-c', 'dr-a'], shift: ['dr-d', 'dr-req'], escalationContactId: 'dr-boss' }), load({ 'dr-a': 3, 'dr-b': 1 }), new Set(['dr-req']));
    expect(order).toEqual([
      { id: 'dr-b', level: 'first' }, { id: 'dr-a', level: 'first' }, { id: 'dr-c', level: 'second' }, { id: 'dr-d', level: 'shift' }, { id: 'dr-boss', level: 'contact' },
    ]);
    expect(tierOrder(onCall({ first: ['dr-boss'], escalationContactId: 'dr-boss' }), load({}), new Set()).map((c) => c.id)).toEqual(['dr-boss']);
  });
});

describe('the loads routing needs', () => {
  it('are those of the first non-empty tier only (without the requester), so a full roster costs one small count', () => {
    expect(firstEligibleTier([at('qmh', { first: ['dr-req'], second: ['dr-b', 'dr-a', 'dr-b'], shift: ['dr-z'] })], 'dr-req')).toEqual(['dr-b', 'dr-a']);
    expect(firstEligibleTier([at('qmh', { escalationContactId: 'dr-boss' }), at('pwh', { shift: ['dr-s'] })], null)).toEqual(['dr-s']);
    expect(firstEligibleTier([at('qmh', {})], null)).toEqual([]);
  });
});
