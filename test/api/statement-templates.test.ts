// A shaped read's statement is built once per shape of its arguments and filled with each read's
// values (api/src/shaped-reads/statement-template.ts). One class of behaviour: for any read, the
// text and parameters filled from a template equal the statement built afresh for that read,
// whichever read of the same shape built the template. Checked over the reads the API makes —
// every role's row rules, the list filters (equality, enums, lists of any length, text searches,
// dates, booleans, nulls), relation filters, orders, pages, nested selections with their own
// wheres, and the eligibility and scan facts (subqueries of the page, today's date) — each read
// again with other values after its shape is known.
import { randomUUID } from 'node:crypto';
import type { Actor } from '@tepei/api/auth/actor';
import { applicationsVisibleTo, blacklistVisibleTo, unitsVisibleTo } from '@tepei/api/auth/row-rules';
import { type ApplicationFilter, applicationListArguments } from '@tepei/api/modules/applications/application-filter';
import { eligibilityFacts, signedScanFacts } from '@tepei/api/modules/applications/application-reads';
import { findManyStatements, type ShapedFindManyArgs } from '@tepei/api/shaped-reads/find-many';
import { statementTemplates } from '@tepei/api/shaped-reads/statement-template';
import { afterEach, describe, expect, it } from 'vitest';
import { globalId } from '../support/workflow.ts';

type Read = { model: string; args: ShapedFindManyArgs; options: Parameters<typeof findManyStatements.statement>[0]['options'] };

const actors = (): Actor[] => {
  const base = { sessionId: 's', username: 'u', displayName: '测试' };
  return [
    { ...base, userId: randomUUID(), role: 'REGIONAL_ADMIN', unitId: null, areaId: null },
    { ...base, userId: randomUUID(), role: 'ANALYST', unitId: null, areaId: null },
    { ...base, userId: randomUUID(), role: 'PREFECTURE', unitId: null, areaId: randomUUID() },
    { ...base, userId: randomUUID(), role: 'EMPLOYER', unitId: randomUUID(), areaId: randomUUID() },
    { ...base, userId: randomUUID(), role: 'APPLICANT', unitId: null, areaId: null },
  ] as Actor[];
};

/** List filters of every kind of operand; called again, each gives the same shapes with other values. */
function filters(seed: number): (ApplicationFilter | null)[] {
  const day = new Date(Date.UTC(2026, 10, 1 + seed));
  return [
    null,
    { statuses: ['ENDORSED'] },
    { statuses: seed % 2 ? ['ENDORSED', 'RECOMMENDED'] : ['SUBMITTED', 'SELECTED'], mode: seed % 2 ? 'REMOTE' : 'LOCAL' },
    { roundYear: 2025 + seed, nameContains: `阿${seed}%_`, southernXinjiang: true },
    { specialtyContains: `专业${seed}`, trainingSpecialty: `计算机${seed}`, gender: 'FEMALE' },
    { areaId: globalId('Area', randomUUID()), unitId: globalId('EmployerUnit', randomUUID()), relaxed: seed % 2 === 0 },
    { submittedFrom: day, submittedTo: new Date(day.getTime() + 86_400_000 * seed), decidedFrom: day },
    { ethnicities: ['UYGHUR', 'KAZAKH', 'HUI'].slice(0, 1 + (seed % 3)) as ApplicationFilter['ethnicities'], educations: ['BACHELOR'], relaxedRules: ['EDUCATION_TITLE'] },
  ];
}

/** The reads of one round of values. */
function reads(seed: number): Read[] {
  const now = new Date(Date.UTC(2026, 11, 1, 2, seed));
  const list: Read[] = [];
  for (const actor of actors()) {
    for (const filter of filters(seed)) {
      const { where, orderBy } = applicationListArguments(actor, { filter, orderBy: seed % 2 ? [{ field: 'NAME', direction: 'ASC' }] : null });
      list.push({
        model: 'Application',
        args: {
          where,
          orderBy,
          take: 50,
          skip: seed % 2 ? 0 : 100,
          include: {
            unit: { include: { area: true } },
            reviews: { where: { stage: 'EMPLOYER', decidedAt: { gte: now } }, orderBy: { decidedAt: 'desc' } },
            hostPreferences: { orderBy: { rank: 'asc' } },
          },
        },
        options: { count: true, facts: { ...eligibilityFacts(now), ...signedScanFacts } },
      });
    }
    list.push({ model: 'Application', args: { where: { AND: [applicationsVisibleTo(actor), { id: randomUUID() }] }, take: 1 }, options: { facts: eligibilityFacts(now) } });
    list.push({
      model: 'EmployerUnit',
      args: { where: unitsVisibleTo(actor), select: { id: true, name: true, _count: { select: { applications: { where: { round: { year: 2025 + seed } } } } } } },
      options: {},
    });
    list.push({ model: 'BlacklistEntry', args: { where: { AND: [blacklistVisibleTo(actor), { expiresAt: { gt: now } }, { liftedAt: null }] } }, options: {} });
  }
  return list;
}

const fresh = (read: Read) => {
  statementTemplates.enabled = false;
  try {
    return findManyStatements.statement(read);
  } finally {
    statementTemplates.enabled = true;
  }
};

afterEach(() => {
  statementTemplates.enabled = true;
});

describe('statement templates', () => {
  it('fill every read with exactly the statement built afresh for it, whichever read of its shape built the template', () => {
    const before = findManyStatements.size;
    const rounds = [1, 2, 3, 4];
    let filled = 0;
    for (const seed of rounds) {
      for (const read of reads(seed)) {
        const expected = fresh(read);
        const got = findManyStatements.statement(read);
        expect(got.sql).toBe(expected.sql);
        expect(got.parameters).toEqual(expected.parameters);
        expect(got.built).toEqual(expected.built);
        filled += 1;
      }
    }
    // Two orders, two page offsets and value lists of three lengths make a few shapes per read, not one per read.
    const shapes = findManyStatements.size - before;
    expect(shapes).toBeGreaterThan(0);
    expect(shapes).toBeLessThan(filled / 2);
  });

  it('puts every value of a where among the parameters, none into the text', () => {
    const secret = `秘密${randomUUID()}`;
    const read: Read = { model: 'Application', args: { where: { name: { contains: secret }, idNumber: secret, version: 987_654 } }, options: {} };
    findManyStatements.statement(read);
    const { sql, parameters } = findManyStatements.statement(read);
    expect(sql).not.toContain(secret);
    expect(sql).not.toContain('987654');
    expect(parameters).toEqual(expect.arrayContaining([`%${secret}%`, secret, 987_654]));
  });
});
