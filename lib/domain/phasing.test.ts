import { describe, expect, it } from 'vitest';
import { monthValues } from '@/tests/helpers/pure/month-values';
import { checkPhasing, fromScaled, toIncrements, toScaled, validatePhasing } from './phasing';

const monthly = (values: string[]) => Object.fromEntries(values.map((v, i) => [i + 1, v]));

type FormPhasing = Parameters<typeof checkPhasing>[0];

/** The form's check of a `kind` indicator's `target` (in `unit`) split `phasing` into these parts. */
const check = (
  kind: FormPhasing['kind'],
  unit: string,
  target: string,
  phasing: FormPhasing['phasing'],
  inputs: FormPhasing['inputs'],
) => checkPhasing({ kind, unit, target, phasing, inputs });

describe('the target form’s phasing check', () => {
  it('adds monthly parts of a cumulative indicator exactly (0.1 + 0.2 is 0.3) and sends to-date values', () => {
    const result = check(
      'cumulative',
      '亿元',
      '1.2',
      'monthly',
      monthly(['0.1', '0.2', '0.1', '0.1', '0.1', '0.1', '0.1', '0.1', '0.1', '0.1', '0.1', '0']),
    );
    expect(result.ok).toBe(true);
    expect(result.message).toBe('合计 1.2亿元，等于全年目标');
    expect(result.phases?.map((p) => p.value).join(' ')).toBe('0.1 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1 1.1 1.2 1.2');
  });

  it('says how far the parts are from the target, and sends nothing', () => {
    const result = check('cumulative', '个', '1,000', 'quarterly', { 3: '200', 6: '300', 9: '200', 12: '200' });
    expect(result).toMatchObject({ ok: false, message: '合计 900个，比全年目标少 100个', phases: null });
    expect(result.running).toEqual({ 3: '200', 6: '500', 9: '700', 12: '900' });
  });

  it('counts a blank part of an additive phasing as zero', () => {
    expect(check('milestone', '件', '15', 'quarterly', { 6: '5', 12: '10' }).ok).toBe(true);
  });

  it('a level or rate phasing must end at the target in December; gaps are allowed', () => {
    expect(check('rate', '%', '5', 'quarterly', { 3: '4.5', 12: '5' })).toMatchObject({
      ok: true,
      phases: monthValues([3, '4.5'], [12, '5']),
    });
    expect(check('level', '家', '100', 'monthly', { 6: '80' }).message).toContain('请填写12月末的值');
    expect(check('level', '家', '100', 'quarterly', { 12: '90' }).message).toBe(
      '12月末的值 90家 与全年目标 100家 不一致',
    );
  });

  it('names the month of a part that is not a number, and needs a valid target first', () => {
    const result = check('cumulative', '个', '10', 'quarterly', { 3: 'abc' });
    expect(result.errors[3]).toContain('「3月」');
    expect(check('cumulative', '个', '', 'quarterly', {}).message).toBe('请先填写有效的全年目标');
    expect(check('cumulative', '个', 'x', 'none', {}).ok).toBe(true);
  });

  it('turns stored to-date values back into parts, and scales decimals both ways', () => {
    expect(toIncrements(monthValues([6, '500'], [3, '200.5'], [12, '1200']))).toEqual({
      3: '200.5',
      6: '299.5',
      12: '700',
    });
    expect(fromScaled(toScaled('-0.0001'))).toBe('-0.0001');
    expect(fromScaled(toScaled('12345678901.25'))).toBe('12345678901.25');
  });
});

describe('validatePhasing is exact', () => {
  it('refuses a December one ten-thousandth off a large target (floats within 1e-9 let it pass)', () => {
    const phasing = { kind: 'quarterly' as const, values: monthValues([6, '6000000000'], [12, '12345678901.2346']) };
    expect(validatePhasing({ kind: 'cumulative', target: '12345678901.2345', phasing })).toMatchObject({
      ok: false,
      message: '分解目标：12月的累计值 12,345,678,901.2346 与全年目标 12,345,678,901.2345 不一致',
    });
    expect(
      validatePhasing({
        kind: 'cumulative',
        target: '12345678901.2345',
        phasing: { ...phasing, values: monthValues([12, '12345678901.2345']) },
      }),
    ).toEqual({ ok: true });
  });

  it('the form applies the server’s rules: parts that sum to the target but make a running total fall are refused', () => {
    const result = check('cumulative', '个', '100', 'quarterly', { 3: '60', 6: '-20', 9: '30', 12: '30' });
    expect(result.ok).toBe(false);
    expect(result.phases).toBeNull();
    expect(result.message).toBe('分解目标：6月的累计值 40 小于3月的 60，累计值不能减少');
  });
});
