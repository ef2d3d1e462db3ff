import { describe, expect, it } from 'vitest';
import { budgetLines, formatStatedBudget, formatSumAmount, statedBudgets, sumBudgetLines } from '../../src/graph/budgets.js';

describe('budgets as plans state them', () => {
  it('reads one amount, an amount per year and a range, with kind and stage', () => {
    const fields = {
      budget: { belopp: 4.5, enhet: 'Mkr', slag: 'investering', år: 2024 },
      budgetar: [
        { per_år: { 2018: 5, 2016: 5, 2017: 5 }, enhet: 'Mkr', slag: 'drift', läge: 'beviljad' },
        { intervall: { från: 290, till: 370 }, enhet: 'Mkr', läge: 'begärd' },
      ],
    };
    const stated = statedBudgets(fields);
    expect(stated.map((b) => formatStatedBudget(b, 'slag ej angivet'))).toEqual([
      '4,5\u00a0Mkr (2024), investering',
      '5\u00a0Mkr om året 2016–2018, drift, beviljad',
      '290–370\u00a0Mkr, slag ej angivet, begärd',
    ]);
    expect(budgetLines(fields).map((l) => [l.year, l.low, l.high])).toEqual([
      [2024, 450_000_000, 450_000_000],
      [2016, 500_000_000, 500_000_000],
      [2017, 500_000_000, 500_000_000],
      [2018, 500_000_000, 500_000_000],
      [null, 29_000_000_000, 37_000_000_000],
    ]);
  });

  it('writes uneven years one by one', () => {
    const [b] = statedBudgets({ budget: { per_år: { 2027: 5, 2028: 10 }, enhet: 'Mkr', slag: 'drift', läge: 'begärd' } });
    expect(formatStatedBudget(b!, '')).toBe('2027: 5\u00a0Mkr, 2028: 10\u00a0Mkr, drift, begärd');
  });

  it('adds up exactly per year, stage and kind, converting kr, tkr and Mkr and never mixing them', () => {
    const lines = [
      ...budgetLines({ budget: { belopp: 4.5, enhet: 'Mkr', slag: 'investering', år: 2027, läge: 'beviljad' } }),
      ...budgetLines({ budget: { belopp: 350, enhet: 'tkr', slag: 'investering', år: 2027, läge: 'beviljad' } }),
      ...budgetLines({ budget: { belopp: 0.1, enhet: 'tkr', slag: 'investering', år: 2027, läge: 'beviljad' } }),
      ...budgetLines({ budget: { belopp: 200, enhet: 'tkr', slag: 'investering', år: 2027, läge: 'begärd' } }),
      ...budgetLines({ budget: { belopp: 200, enhet: 'tkr', slag: 'drift', år: 2027, läge: 'beviljad' } }),
      ...budgetLines({ budget: { belopp: 1, enhet: 'Mkr', slag: 'drift', år: 2028, läge: 'beviljad' } }),
      ...budgetLines({ budget: { belopp: 3, enhet: 'Mkr' } }),
    ];
    const cells = sumBudgetLines(lines);
    expect(cells.map((c) => [c.year, c.stage, c.kind, formatSumAmount(c), c.count])).toEqual([
      [2027, 'beviljad', 'investering', '4,8501\u00a0Mkr', 3],
      [2027, 'beviljad', 'drift', '200\u00a0tkr', 1],
      [2027, 'begärd', 'investering', '200\u00a0tkr', 1],
      [2028, 'beviljad', 'drift', '1\u00a0Mkr', 1],
      [null, null, null, '3\u00a0Mkr', 1],
    ]);
  });

  it('adds ranges up as ranges, never as one figure', () => {
    const cells = sumBudgetLines([
      ...budgetLines({ budget: { intervall: { från: 290, till: 370 }, enhet: 'Mkr', år: 2026 } }),
      ...budgetLines({ budget: { belopp: 5, enhet: 'Mkr', år: 2026 } }),
    ]);
    expect(cells).toHaveLength(1);
    expect(formatSumAmount(cells[0]!)).toBe('295–375\u00a0Mkr');
  });

  it('leaves out a budget in an unknown unit or without money', () => {
    expect(statedBudgets({ budget: { belopp: 5, enhet: 'MSEK' }, budgetar: [{ enhet: 'Mkr' }] })).toEqual([]);
  });
});
