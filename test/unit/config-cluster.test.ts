import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
};

describe('config: a cluster instance', () => {
  it('INSTANCE_ID and INBOUND_LEASE_SECONDS are read; unset, the host name and a 5-minute lease stand in', () => {
    expect(loadConfig({ INSTANCE_ID: 'ward-a.1', INBOUND_LEASE_SECONDS: '10' }).cluster).toEqual({ instanceId: 'ward-a.1', inboundLeaseMs: 10_000 });
    expect(loadConfig({ INSTANCE_ID: '' }).cluster).toEqual({ instanceId: undefined, inboundLeaseMs: 300_000 });
  });

  it('an instance id with spaces or other characters, or a lease under 3 s, is refused naming the setting', () => {
    const problems = problemsOf({ INSTANCE_ID: 'ward a/1', INBOUND_LEASE_SECONDS: '1' }).join('\n');
    expect(problems).toMatch(/INSTANCE_ID: letters, digits and \. _ : - only/);
    expect(problems).toMatch(/INBOUND_LEASE_SECONDS/);
  });
});
