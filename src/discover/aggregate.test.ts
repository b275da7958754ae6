import { describe, expect, it } from 'vitest';
import { Aggregator } from './aggregate.js';

describe('Aggregator properties', () => {
  it('keeps properties whose names are Object.prototype members (constructor, toString), first draft wins', () => {
    const agg = new Aggregator();
    const evidence = (line: number) => ({ path: 'agent.py', line, scanner: 'source-python' });
    agg.add({ components: [{ type: 'agent', name: 'agent', properties: { constructor: 'create_tool_calling_agent', toString: 'x' }, evidence: evidence(3) }] });
    agg.add({ components: [{ type: 'agent', name: 'agent', properties: { constructor: 'AgentExecutor', executor: 'AgentExecutor' }, evidence: evidence(4) }] });
    const [c] = agg.components();
    expect(c?.properties).toEqual({ constructor: 'create_tool_calling_agent', executor: 'AgentExecutor', toString: 'x' });
    expect(c?.evidence.map((e) => e.line)).toEqual([3, 4]);
  });
});
