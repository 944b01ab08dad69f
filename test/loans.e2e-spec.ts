import { randomUUID } from 'node:crypto';
import { BankSimService } from '../src/bank-sim/bank-sim.service.js';
import {
  approveOk,
  approveReq,
  cancelReq,
  counters,
  countersOf,
  fen,
  fromFen,
  getLoan,
  lending,
  LIMIT_150K,
  loanBody,
  pollUntil,
  rejectReq,
  startDisbursement,
  submitOk,
  submitReq,
  waitForBatch,
  type Lending,
} from './support/loans.js';
import { expectFieldError, expectProblem } from './support/problems.js';
import { getEligibility } from './support/eligibility.js';
import { insertSuppliers } from './support/suppliers.js';
import { createTestApp, type TestApp, type TestUser } from './support/test-app.js';

const INELIGIBLE = { yearsExperience: '1', herdSize: 5 };
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;
const actorOf = (u: TestUser) => ({ kind: 'USER', id: u.id, name: u.username, role: u.role });
/** How a core enterprise sees one of the bank's staff. */
const roleLabel = (role: string) => ({ kind: 'USER', id: null, name: role, role });

describe('loan applications', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  // ---------------------------------------------------------------- submission

  describe('submission', () => {
    let l: Lending;
    let other: Lending;
    beforeAll(async () => {
      l = await lending(t, { suppliers: [{}, {}, INELIGIBLE] });
      other = await lending(t);
    });

    it('an OFFICER submits: 201 PENDING_REVIEW, screened at once, nothing reserved', async () => {
      const res = await submitReq(
        t,
        l.officer,
        loanBody(l.programme.id, l.suppliers[0].id, { amount: '50000.00', termDays: 180, purpose: 'silage' }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        programmeId: l.programme.id,
        supplierId: l.suppliers[0].id,
        coreEnterpriseId: l.ce.id,
        amount: '50000.00',
        termDays: 180,
        purpose: 'silage',
        status: 'PENDING_REVIEW',
        annualRate: '0.0435',
        guaranteedAmount: '25000.00',
        reserved: false,
        failedRules: [],
        firstApproval: null,
        approval: null,
        submittedBy: { kind: 'USER', name: l.officer.username, role: 'OFFICER' },
      });
      expect(res.body.screening).toMatchObject({
        eligible: true,
        creditLimit: '150000.00',
        availableLimit: '150000.00',
        rulesetVersion: 1,
        failedRules: [],
      });
      expect(res.body.screening.results).toHaveLength(5);
      expect(res.body.screening.results.every((r: { passed: boolean }) => r.passed)).toBe(true);
      const c = await counters(t, countersOf(l));
      expect(c).toEqual({ outstanding: '0.00', guaranteed: '0.00', reserved: '0.00', available: '150000.00' });
    });

    it('writes null → SUBMITTED then SUBMITTED → PENDING_REVIEW, with the submitter as actor', async () => {
      const loan = await submitOk(t, l.enterprise, l.programme.id, l.suppliers[0].id, { amount: '20000.00' });
      const view = await getLoan(t, l.officer, loan.id);
      expect(view.history).toEqual([
        { from: null, to: 'SUBMITTED', actor: actorOf(l.enterprise), comment: null, reason: null, at: expect.any(String) },
        { from: 'SUBMITTED', to: 'PENDING_REVIEW', actor: actorOf(l.enterprise), comment: null, reason: null, at: expect.any(String) },
      ]);
      expect(Date.parse(view.history[0].at)).toBeLessThanOrEqual(Date.parse(view.history[1].at));
    });

    it('an ineligible supplier: 201 REJECTED_INELIGIBLE with the failed rules and the rule-by-rule screening kept', async () => {
      const res = await submitReq(t, l.officer, loanBody(l.programme.id, l.suppliers[2].id, { amount: '20000.00' }));
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('REJECTED_INELIGIBLE');
      expect(res.body.failedRules.sort()).toEqual(['experience', 'herd']);
      expect(res.body.screening.eligible).toBe(false);
      expect(res.body.screening.creditLimit).toBe('0.00');
      const failing = res.body.screening.results.filter((r: { passed: boolean }) => !r.passed).map((r: { rule: string }) => r.rule);
      expect(failing.sort()).toEqual(['experience', 'herd']);
      const exp = res.body.screening.results.find((r: { rule: string }) => r.rule === 'experience');
      expect(exp).toMatchObject({ rule: 'experience', passed: false, message: expect.any(String) });

      const view = await getLoan(t, l.officer, res.body.id);
      expect(view.status).toBe('REJECTED_INELIGIBLE');
      expect(view.failedRules.sort()).toEqual(['experience', 'herd']);
      expect(view.screening.results).toEqual(res.body.screening.results);
      expect(view.history.map((h: { from: string | null; to: string }) => [h.from, h.to])).toEqual([
        [null, 'SUBMITTED'],
        ['SUBMITTED', 'REJECTED_INELIGIBLE'],
      ]);
      expect(view.history[1].reason).toMatch(/experience/);
      expect(view.history[1].reason).toMatch(/herd/);
    });

    it("an ENTERPRISE submits for its own supplier, but another core enterprise's supplier or programme answers 404", async () => {
      const own = await submitReq(t, l.enterprise, loanBody(l.programme.id, l.suppliers[1].id, { amount: '15000.00' }));
      expect(own.status).toBe(201);
      expect(own.body.status).toBe('PENDING_REVIEW');
      expect(own.body.submittedBy).toEqual({ kind: 'USER', name: l.enterprise.username, role: 'ENTERPRISE' });

      expectProblem(await submitReq(t, l.enterprise, loanBody(l.programme.id, other.suppliers[0].id)), 404, 'NOT_FOUND');
      expectProblem(await submitReq(t, l.enterprise, loanBody(other.programme.id, other.suppliers[0].id)), 404, 'NOT_FOUND');
      expectProblem(await submitReq(t, l.enterprise, loanBody(other.programme.id, l.suppliers[0].id)), 404, 'NOT_FOUND');
    });

    it("a core enterprise's system submits with its API key (ENTERPRISE), scoped like its users", async () => {
      const key = await t.apiKey(l.ce.id, 'erp');
      const res = await submitReq(t, { auth: key.auth }, loanBody(l.programme.id, l.suppliers[1].id, { amount: '10000.5' }));
      expect(res.status).toBe(201);
      expect(res.body.amount).toBe('10000.50');
      expect(res.body.submittedBy).toEqual({ kind: 'API_KEY', name: expect.stringContaining('erp'), role: 'ENTERPRISE' });
      const view = await getLoan(t, l.officer, res.body.id);
      expect(view.history[0].actor).toEqual({ kind: 'API_KEY', id: key.id, name: expect.stringContaining('erp'), role: 'ENTERPRISE' });
      expectProblem(await submitReq(t, { auth: key.auth }, loanBody(other.programme.id, other.suppliers[0].id)), 404, 'NOT_FOUND');
      expectProblem(
        await t
          .http()
          .get(`/loan-applications/${res.body.id}`)
          .set((await t.apiKey(other.ce.id)).auth),
        404,
        'NOT_FOUND',
      );
    });

    it('an OFFICER with a supplier of another core enterprise: 422 SUPPLIER_NOT_IN_PROGRAMME', async () => {
      const before = await t.db.query(`SELECT count(*)::int AS n FROM loan_applications WHERE supplier_id = $1`, [other.suppliers[0].id]);
      expectProblem(await submitReq(t, l.officer, loanBody(l.programme.id, other.suppliers[0].id)), 422, 'SUPPLIER_NOT_IN_PROGRAMME');
      const after = await t.db.query(`SELECT count(*)::int AS n FROM loan_applications WHERE supplier_id = $1`, [other.suppliers[0].id]);
      expect(after[0].n).toBe(before[0].n);
    });

    it('unknown supplier or programme: 404', async () => {
      const refusals = [
        expectProblem(await submitReq(t, l.officer, loanBody(l.programme.id, randomUUID())), 404, 'NOT_FOUND'),
        expectProblem(await submitReq(t, l.officer, loanBody(randomUUID(), l.suppliers[0].id)), 404, 'NOT_FOUND'),
      ];
      expect(refusals.map((p) => p.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    });

    it('money as a JSON number (or any non-decimal string) is 400, never 201', async () => {
      for (const amount of [50000, 50000.5, '50000.001', '-5000.00', '1e5', '', ' 50000.00', '50,000.00', null]) {
        const res = await submitReq(t, l.officer, loanBody(l.programme.id, l.suppliers[0].id, { amount }));
        if (amount === null) expectFieldError(res, 'amount');
        else expectFieldError(res, 'amount', 'INVALID_MONEY');
        expect(res.status).toBe(400);
      }
      const missing = loanBody(l.programme.id, l.suppliers[0].id) as Record<string, unknown>;
      delete missing.amount;
      const required = expectFieldError(await submitReq(t, l.officer, missing), 'amount', 'REQUIRED');
      expect(required).toMatchObject({ field: 'amount', code: 'REQUIRED' });
    });

    it('other malformed input is 400 naming the field', async () => {
      const refused = [
        expectFieldError(await submitReq(t, l.officer, loanBody(l.programme.id, l.suppliers[0].id, { termDays: '180' })), 'termDays'),
        expectFieldError(await submitReq(t, l.officer, loanBody(l.programme.id, l.suppliers[0].id, { termDays: 180.5 })), 'termDays'),
        expectFieldError(await submitReq(t, l.officer, loanBody(l.programme.id, l.suppliers[0].id, { termDays: 0 })), 'termDays'),
        expectFieldError(await submitReq(t, l.officer, loanBody('not-a-uuid', l.suppliers[0].id)), 'programmeId', 'INVALID_UUID'),
        expectFieldError(await submitReq(t, l.officer, loanBody(l.programme.id, 'nope')), 'supplierId', 'INVALID_UUID'),
        expectFieldError(
          await submitReq(t, l.officer, loanBody(l.programme.id, l.suppliers[0].id, { status: 'APPROVED' })),
          'status',
          'UNKNOWN_FIELD',
        ),
        expectFieldError(await submitReq(t, l.officer, loanBody(l.programme.id, l.suppliers[0].id, { purpose: '' })), 'purpose'),
      ];
      expect(refused.map((e) => e.field)).toEqual(['termDays', 'termDays', 'termDays', 'programmeId', 'supplierId', 'status', 'purpose']);
      const bad = await t.http().post('/loan-applications').set(l.officer.auth).set('Content-Type', 'application/json').send('{"amount": ');
      expectProblem(bad, 400, 'MALFORMED_JSON');
      expect(bad.body).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
    });

    it('amount or term outside the product: 422 AMOUNT_OUT_OF_RANGE / TERM_OUT_OF_RANGE; the bounds themselves pass', async () => {
      const s = l.suppliers[1].id;
      const low = await submitReq(t, l.officer, loanBody(l.programme.id, s, { amount: '9999.99' }));
      expectProblem(low, 422, 'AMOUNT_OUT_OF_RANGE');
      expect(low.body.errors).toEqual([expect.objectContaining({ field: 'amount', code: 'AMOUNT_OUT_OF_RANGE' })]);
      expectProblem(await submitReq(t, l.officer, loanBody(l.programme.id, s, { amount: '0.00' })), 422, 'AMOUNT_OUT_OF_RANGE');
      expectProblem(await submitReq(t, l.officer, loanBody(l.programme.id, s, { amount: '500000.01' })), 422, 'AMOUNT_OUT_OF_RANGE');
      const short = await submitReq(t, l.officer, loanBody(l.programme.id, s, { termDays: 89 }));
      expectProblem(short, 422, 'TERM_OUT_OF_RANGE');
      expect(short.body.errors).toEqual([expect.objectContaining({ field: 'termDays', code: 'TERM_OUT_OF_RANGE' })]);
      expectProblem(await submitReq(t, l.officer, loanBody(l.programme.id, s, { termDays: 366 })), 422, 'TERM_OUT_OF_RANGE');

      expect((await submitReq(t, l.officer, loanBody(l.programme.id, s, { amount: '10000.00', termDays: 90 }))).status).toBe(201);
      expect((await submitReq(t, l.officer, loanBody(l.programme.id, s, { amount: '10000', termDays: 365 }))).status).toBe(201);
    });

    it('above the available limit: 422 AMOUNT_EXCEEDS_AVAILABLE_LIMIT; what approved loans reserve counts, pending ones do not', async () => {
      const x = await lending(t);
      const s = x.suppliers[0].id;
      const over = await submitReq(t, x.officer, loanBody(x.programme.id, s, { amount: '150000.01' }));
      expectProblem(over, 422, 'AMOUNT_EXCEEDS_AVAILABLE_LIMIT');
      expect(over.body.availableLimit).toBe('150000.00');
      expect(over.body.errors).toEqual([expect.objectContaining({ field: 'amount', code: 'AMOUNT_EXCEEDS_AVAILABLE_LIMIT' })]);

      // two pending applications may each ask for the whole limit: nothing is reserved before approval
      const a = await submitOk(t, x.officer2, x.programme.id, s, { amount: '100000.00' });
      await submitOk(t, x.officer2, x.programme.id, s, { amount: '150000.00' });
      await approveOk(t, x.officer, a.id);

      const now = await submitReq(t, x.officer, loanBody(x.programme.id, s, { amount: '50000.01' }));
      expectProblem(now, 422, 'AMOUNT_EXCEEDS_AVAILABLE_LIMIT');
      expect(now.body.availableLimit).toBe('50000.00');
      const fits = await submitReq(t, x.officer, loanBody(x.programme.id, s, { amount: '50000.00' }));
      expect(fits.status).toBe(201);
      expect(fits.body.screening.availableLimit).toBe('50000.00');
    });

    it('an inactive programme: 422 PROGRAMME_INACTIVE', async () => {
      const p = await t.programme(l.ce.id, { active: false, name: 'closed season' });
      const problem = expectProblem(await submitReq(t, l.officer, loanBody(p.id, l.suppliers[0].id)), 422, 'PROGRAMME_INACTIVE');
      expect(problem).toMatchObject({ status: 422, code: 'PROGRAMME_INACTIVE' });
    });
  });

  // ---------------------------------------------------------------- decisions

  describe('approval below the four-eyes threshold', () => {
    let l: Lending;
    beforeAll(async () => {
      l = await lending(t, { programme: { fourEyesThreshold: '100000.00' } });
    });

    it('an OFFICER approves: APPROVED, reserved against supplier, programme and guarantee at once, comment in history', async () => {
      const loan = await submitOk(t, l.enterprise, l.programme.id, l.suppliers[0].id, { amount: '40000.00' });
      const res = await approveReq(t, l.officer, loan.id, { comment: 'deliveries verified' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: loan.id,
        status: 'APPROVED',
        reserved: true,
        fourEyesRequired: false,
        firstApproval: null,
        approval: { by: l.officer.username, byId: l.officer.id, at: expect.any(String) },
      });
      expect(await counters(t, countersOf(l))).toEqual({
        outstanding: '40000.00',
        guaranteed: '20000.00',
        reserved: '40000.00',
        available: '110000.00',
      });
      const view = await getLoan(t, l.auditor, loan.id);
      expect(view.history[2]).toEqual({
        from: 'PENDING_REVIEW',
        to: 'APPROVED',
        actor: actorOf(l.officer),
        comment: 'deliveries verified',
        reason: null,
        at: expect.any(String),
      });
      expect(view.history).toHaveLength(3);
    });

    it('a SENIOR_OFFICER may approve alone too; exactly the threshold needs no second approval', async () => {
      const before = await counters(t, countersOf(l));
      const loan = await submitOk(t, l.officer, l.programme.id, l.suppliers[0].id, { amount: '100000.00' });
      const res = await approveOk(t, l.senior, loan.id, 'APPROVED');
      expect(res.fourEyesRequired).toBe(false);
      const after = await counters(t, countersOf(l));
      expect(after.outstanding).toBe('140000.00');
      expect(before.outstanding).toBe('40000.00');
      expect(after.guaranteed).toBe('70000.00');
      expect(after.reserved).toBe('140000.00');
    });

    it('one fen above the threshold needs the second approval', async () => {
      const y = await lending(t, { programme: { fourEyesThreshold: '100000.00' } });
      const loan = await submitOk(t, y.officer2, y.programme.id, y.suppliers[0].id, { amount: '100000.01' });
      const approved = await approveOk(t, y.officer, loan.id, 'PENDING_SECOND_APPROVAL');
      expect(approved.status).toBe('PENDING_SECOND_APPROVAL');
    });

    it('ENTERPRISE and AUDITOR may not approve (403); nothing changes', async () => {
      const loan = await submitOk(t, l.officer, l.programme.id, l.suppliers[0].id, { amount: '10000.00' });
      const before = await counters(t, countersOf(l));
      expectProblem(await approveReq(t, l.enterprise, loan.id), 403, 'FORBIDDEN');
      expectProblem(await approveReq(t, l.auditor, loan.id), 403, 'FORBIDDEN');
      expect((await getLoan(t, l.officer, loan.id)).status).toBe('PENDING_REVIEW');
      expect(await counters(t, countersOf(l))).toEqual(before);
    });

    it('a comment that is not a string is 400', async () => {
      const loan = await submitOk(t, l.officer, l.programme.id, l.suppliers[0].id, { amount: '10000.00' });
      expectFieldError(await approveReq(t, l.officer, loan.id, { comment: 42 }), 'comment');
      expectFieldError(await approveReq(t, l.officer, loan.id, { comment: 'ok', amount: '1.00' }), 'amount', 'UNKNOWN_FIELD');
      expect((await getLoan(t, l.officer, loan.id)).status).toBe('PENDING_REVIEW');
    });
  });

  describe('four eyes above the threshold', () => {
    let l: Lending;
    beforeAll(async () => {
      l = await lending(t, { programme: { fourEyesThreshold: '50000.00' } });
    });

    it('first approval → PENDING_SECOND_APPROVAL without reserving; each wrong second approver is refused; a different SENIOR_OFFICER completes it', async () => {
      const before = await counters(t, countersOf(l));
      const loan = await submitOk(t, l.enterprise, l.programme.id, l.suppliers[0].id, { amount: '60000.00' });
      const first = await approveReq(t, l.officer, loan.id, { comment: 'first look fine' });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        status: 'PENDING_SECOND_APPROVAL',
        reserved: false,
        fourEyesRequired: true,
        firstApproval: { by: l.officer.username, byId: l.officer.id, at: expect.any(String) },
        approval: null,
      });
      expect(await counters(t, countersOf(l))).toEqual(before);

      // the same officer again, another OFFICER, the core enterprise, an auditor: none of them may complete it
      expectProblem(await approveReq(t, l.officer, loan.id), 403, 'FOUR_EYES_SENIOR_REQUIRED');
      expectProblem(await approveReq(t, l.officer2, loan.id), 403, 'FOUR_EYES_SENIOR_REQUIRED');
      expectProblem(await approveReq(t, l.enterprise, loan.id), 403, 'FORBIDDEN');
      expectProblem(await approveReq(t, l.auditor, loan.id), 403, 'FORBIDDEN');
      expect((await getLoan(t, l.officer, loan.id)).status).toBe('PENDING_SECOND_APPROVAL');
      expect(await counters(t, countersOf(l))).toEqual(before);

      const second = await approveReq(t, l.senior, loan.id, { comment: 'checked the herd count' });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({
        status: 'APPROVED',
        reserved: true,
        fourEyesRequired: true,
        firstApproval: { byId: l.officer.id },
        approval: { by: l.senior.username, byId: l.senior.id },
      });
      const after = await counters(t, countersOf(l));
      expect(after.outstanding).toBe('60000.00');
      expect(after.guaranteed).toBe('30000.00');
      expect(after.reserved).toBe('60000.00');
      expect(after.available).toBe('90000.00');

      const view = await getLoan(t, l.enterprise, loan.id);
      // the core enterprise sees its own user, and the bank's officers by role only
      expect(view.history).toEqual([
        { from: null, to: 'SUBMITTED', actor: actorOf(l.enterprise), comment: null, reason: null, at: expect.any(String) },
        { from: 'SUBMITTED', to: 'PENDING_REVIEW', actor: actorOf(l.enterprise), comment: null, reason: null, at: expect.any(String) },
        {
          from: 'PENDING_REVIEW',
          to: 'PENDING_SECOND_APPROVAL',
          actor: roleLabel('OFFICER'),
          comment: 'first look fine',
          reason: null,
          at: expect.any(String),
        },
        {
          from: 'PENDING_SECOND_APPROVAL',
          to: 'APPROVED',
          actor: roleLabel('SENIOR_OFFICER'),
          comment: 'checked the herd count',
          reason: null,
          at: expect.any(String),
        },
      ]);
      expect((await getLoan(t, l.auditor, loan.id)).history.slice(2).map((h: { actor: unknown }) => h.actor)).toEqual([
        actorOf(l.officer),
        actorOf(l.senior),
      ]);

      // and once approved, approving again is a state conflict
      expectProblem(await approveReq(t, l.senior2, loan.id), 409, 'INVALID_TRANSITION');
    });

    it('the same SENIOR_OFFICER twice: 409 FOUR_EYES_SAME_APPROVER; then another senior completes it', async () => {
      const loan = await submitOk(t, l.officer, l.programme.id, l.suppliers[0].id, { amount: '55000.00' });
      await approveOk(t, l.senior, loan.id, 'PENDING_SECOND_APPROVAL');
      const before = await counters(t, countersOf(l));
      expectProblem(await approveReq(t, l.senior, loan.id), 409, 'FOUR_EYES_SAME_APPROVER');
      expect((await getLoan(t, l.officer, loan.id)).status).toBe('PENDING_SECOND_APPROVAL');
      expect(await counters(t, countersOf(l))).toEqual(before);
      const done = await approveOk(t, l.senior2, loan.id, 'APPROVED');
      expect(done.firstApproval.byId).toBe(l.senior.id);
      expect(done.approval.byId).toBe(l.senior2.id);
      const history = (await getLoan(t, l.officer, loan.id)).history as Array<{ from: string; to: string; actor: { id: string } }>;
      // the refused attempt left no trace in the history
      expect(history.map((h) => [h.from, h.to, h.actor.id])).toEqual([
        [null, 'SUBMITTED', l.officer.id],
        ['SUBMITTED', 'PENDING_REVIEW', l.officer.id],
        ['PENDING_REVIEW', 'PENDING_SECOND_APPROVAL', l.senior.id],
        ['PENDING_SECOND_APPROVAL', 'APPROVED', l.senior2.id],
      ]);
    });

    it('a first approval that could not be completed is refused with 409 (no room left)', async () => {
      const x = await lending(t, { programme: { fourEyesThreshold: '50000.00', programmeCap: '100000.00' }, suppliers: 2 });
      const a = await submitOk(t, x.officer2, x.programme.id, x.suppliers[0].id, { amount: '60000.00' });
      const b = await submitOk(t, x.officer2, x.programme.id, x.suppliers[1].id, { amount: '60000.00' });
      await approveOk(t, x.officer, a.id, 'PENDING_SECOND_APPROVAL');
      await approveOk(t, x.senior, a.id, 'APPROVED');
      expectProblem(await approveReq(t, x.officer, b.id), 409, 'PROGRAMME_CAP_EXCEEDED');
      expect((await getLoan(t, x.officer, b.id)).status).toBe('PENDING_REVIEW');
    });

    it('a second approval that no longer fits is refused with 409 and leaves it PENDING_SECOND_APPROVAL', async () => {
      const x = await lending(t, { programme: { fourEyesThreshold: '50000.00', programmeCap: '100000.00' }, suppliers: 2 });
      const a = await submitOk(t, x.officer2, x.programme.id, x.suppliers[0].id, { amount: '60000.00' });
      const b = await submitOk(t, x.officer2, x.programme.id, x.suppliers[1].id, { amount: '60000.00' });
      await approveOk(t, x.officer, a.id, 'PENDING_SECOND_APPROVAL');
      await approveOk(t, x.officer, b.id, 'PENDING_SECOND_APPROVAL');
      await approveOk(t, x.senior, a.id, 'APPROVED');
      expectProblem(await approveReq(t, x.senior, b.id), 409, 'PROGRAMME_CAP_EXCEEDED');
      const view = await getLoan(t, x.officer, b.id);
      expect(view.status).toBe('PENDING_SECOND_APPROVAL');
      expect(view.reserved).toBe(false);
      expect((await counters(t, { programmeId: x.programme.id, coreEnterpriseId: x.ce.id })).outstanding).toBe('60000.00');
    });
  });

  describe('the submitter never approves their own application', () => {
    let l: Lending;
    beforeAll(async () => {
      l = await lending(t, { programme: { fourEyesThreshold: '50000.00' } });
    });

    const statusOf = async (id: string) => (await getLoan(t, l.auditor, id)).status as string;

    it('below the threshold: 409 FOUR_EYES_SUBMITTER for the submitting officer; another officer approves', async () => {
      const before = await counters(t, countersOf(l));
      const loan = await submitOk(t, l.officer, l.programme.id, l.suppliers[0].id, { amount: '20000.00' });
      expectProblem(await approveReq(t, l.officer, loan.id), 409, 'FOUR_EYES_SUBMITTER');
      expect(await statusOf(loan.id)).toBe('PENDING_REVIEW');
      expect(await counters(t, countersOf(l))).toEqual(before);
      const done = await approveOk(t, l.officer2, loan.id, 'APPROVED');
      expect(done.approval.byId).toBe(l.officer2.id);
    });

    it('above the threshold: the submitter may not give the first approval either', async () => {
      const loan = await submitOk(t, l.officer, l.programme.id, l.suppliers[0].id, { amount: '60000.00' });
      expectProblem(await approveReq(t, l.officer, loan.id), 409, 'FOUR_EYES_SUBMITTER');
      const view = await getLoan(t, l.auditor, loan.id);
      expect(view).toMatchObject({ status: 'PENDING_REVIEW', firstApproval: null });
      // the refused attempt left no trace in the history
      expect(view.history).toHaveLength(2);
      await approveOk(t, l.officer2, loan.id, 'PENDING_SECOND_APPROVAL');
    });

    it('nor the second approval, once promoted to SENIOR_OFFICER', async () => {
      const submitter = await t.user('OFFICER');
      const loan = await submitOk(t, submitter, l.programme.id, l.suppliers[0].id, { amount: '60000.00' });
      await approveOk(t, l.officer2, loan.id, 'PENDING_SECOND_APPROVAL');
      await t.db.query(`UPDATE users SET role = 'SENIOR_OFFICER' WHERE id = $1`, [submitter.id]);
      const promoted = { auth: { Authorization: `Bearer ${await t.login(submitter.username, submitter.password)}` } };
      expectProblem(await approveReq(t, promoted, loan.id), 409, 'FOUR_EYES_SUBMITTER');
      expect(await statusOf(loan.id)).toBe('PENDING_SECOND_APPROVAL');
      const done = await approveOk(t, l.senior, loan.id, 'APPROVED');
      expect(done.approval.byId).toBe(l.senior.id);
    });
  });

  describe('limits checked at approval', () => {
    it('supplier limit: 409 SUPPLIER_LIMIT_EXCEEDED when approved loans already hold it', async () => {
      const x = await lending(t);
      const a = await submitOk(t, x.officer2, x.programme.id, x.suppliers[0].id, { amount: '100000.00' });
      const b = await submitOk(t, x.officer2, x.programme.id, x.suppliers[0].id, { amount: '60000.00' });
      await approveOk(t, x.officer, a.id);
      expectProblem(await approveReq(t, x.officer, b.id), 409, 'SUPPLIER_LIMIT_EXCEEDED');
      expect(await counters(t, countersOf(x))).toEqual({
        outstanding: '100000.00',
        guaranteed: '50000.00',
        reserved: '100000.00',
        available: '50000.00',
      });
    });

    it('guarantee cap: 409 GUARANTEE_CAP_EXCEEDED over amount × guaranteeRatio', async () => {
      const x = await lending(t, { ce: { guaranteeCap: '30000.00' }, programme: { guaranteeRatio: '0.6' }, suppliers: 2 });
      const a = await submitOk(t, x.officer2, x.programme.id, x.suppliers[0].id, { amount: '50000.00' });
      const b = await submitOk(t, x.officer2, x.programme.id, x.suppliers[1].id, { amount: '10000.00' });
      expect(a.guaranteedAmount).toBe('30000.00');
      await approveOk(t, x.officer, a.id);
      expectProblem(await approveReq(t, x.officer, b.id), 409, 'GUARANTEE_CAP_EXCEEDED');
      expect(await counters(t, countersOf(x, x.suppliers[1]))).toEqual({
        outstanding: '50000.00',
        guaranteed: '30000.00',
        reserved: '0.00',
        available: '150000.00',
      });
    });

    it('a supplier blacklisted after submission: 409 SUPPLIER_BLACKLISTED at approval, though the programme has no rule on it', async () => {
      const x = await lending(t);
      const a = await submitOk(t, x.officer2, x.programme.id, x.suppliers[0].id, { amount: '20000.00' });
      const bl = await t
        .http()
        .post(`/suppliers/${x.suppliers[0].id}/blacklist`)
        .set(x.officer.auth)
        .send({ reason: 'fraudulent delivery records' });
      expect(bl.status).toBe(200);
      expect(bl.body.rescreened).toEqual([{ programmeId: x.programme.id, eligible: false, creditLimit: '0.00' }]);
      expectProblem(await approveReq(t, x.officer, a.id), 409, 'SUPPLIER_BLACKLISTED');
      expect((await counters(t, countersOf(x))).outstanding).toBe('0.00');
    });
  });

  describe('the blacklist blocks lending in every programme', () => {
    let l: Lending;
    beforeAll(async () => {
      // the standard rules never look at the blacklist
      l = await lending(t, { programme: { fourEyesThreshold: '50000.00' }, suppliers: [{}, { blacklisted: true }] });
    });

    const listInDb = (supplierId: string, listed: boolean) =>
      // straight in the table: the stored screening still says eligible, as it would until a re-screen
      t.db.query(`UPDATE suppliers SET blacklisted = $2, blacklist_reason = CASE WHEN $2 THEN 'fraud' END WHERE id = $1`, [
        supplierId,
        listed,
      ]);
    const loansOf = async (supplierId: string) =>
      (await t.db.query(`SELECT count(*)::int AS n FROM loan_applications WHERE supplier_id = $1`, [supplierId]))[0].n as number;
    const statusOf = async (id: string) => (await getLoan(t, l.auditor, id)).status as string;

    it('refuses a submission for a blacklisted supplier: 409 SUPPLIER_BLACKLISTED, nothing created, singly or in bulk', async () => {
      const listed = l.suppliers[1].id;
      for (const who of [l.officer, l.enterprise]) {
        expectProblem(await submitReq(t, who, loanBody(l.programme.id, listed)), 409, 'SUPPLIER_BLACKLISTED');
      }
      const bulk = await t
        .http()
        .post(`/programmes/${l.programme.id}/loan-applications:batch`)
        .set(l.enterprise.auth)
        .send({ applications: [{ supplierId: listed, amount: '20000.00', termDays: 180 }] });
      expect(bulk.status).toBe(200);
      expect(bulk.body.results).toEqual([{ index: 0, error: expect.objectContaining({ status: 409, code: 'SUPPLIER_BLACKLISTED' }) }]);
      expect(await loansOf(listed)).toBe(0);
    });

    it('refuses the approval with 409 SUPPLIER_BLACKLISTED even when the stored screening is older than the blacklisting', async () => {
      const s = l.suppliers[0].id;
      const before = await counters(t, countersOf(l));
      const single = await submitOk(t, l.enterprise, l.programme.id, s, { amount: '20000.00' });
      const fourEyes = await submitOk(t, l.enterprise, l.programme.id, s, { amount: '60000.00' });
      const second = await submitOk(t, l.enterprise, l.programme.id, s, { amount: '55000.00' });
      await approveOk(t, l.officer, second.id, 'PENDING_SECOND_APPROVAL');

      await listInDb(s, true);
      try {
        expect((await getEligibility(t, l.officer.auth, s, l.programme.id)).body.eligible).toBe(true);
        expectProblem(await approveReq(t, l.officer, single.id), 409, 'SUPPLIER_BLACKLISTED');
        expectProblem(await approveReq(t, l.officer, fourEyes.id), 409, 'SUPPLIER_BLACKLISTED');
        expectProblem(await approveReq(t, l.senior, second.id), 409, 'SUPPLIER_BLACKLISTED');
        expect([await statusOf(single.id), await statusOf(fourEyes.id), await statusOf(second.id)]).toEqual([
          'PENDING_REVIEW',
          'PENDING_REVIEW',
          'PENDING_SECOND_APPROVAL',
        ]);
        expect(await counters(t, countersOf(l))).toEqual(before);
      } finally {
        await listInDb(s, false);
      }
      await approveOk(t, l.officer, single.id, 'APPROVED');
      await approveOk(t, l.senior, second.id, 'APPROVED');
    });
  });

  describe('rejection, cancellation and refused transitions', () => {
    let l: Lending;
    beforeAll(async () => {
      l = await lending(t, { programme: { fourEyesThreshold: '50000.00' }, suppliers: [{}, INELIGIBLE] });
    });

    it('reject needs a reason (400) and an officer (403); PENDING_REVIEW → REJECTED with the reason in history', async () => {
      const loan = await submitOk(t, l.officer, l.programme.id, l.suppliers[0].id, { amount: '20000.00' });
      expectFieldError(await rejectReq(t, l.officer, loan.id, {}), 'reason', 'REQUIRED');
      expectFieldError(await rejectReq(t, l.officer, loan.id, { reason: '' }), 'reason');
      expectFieldError(await rejectReq(t, l.officer, loan.id, { reason: 7 }), 'reason');
      expectProblem(await rejectReq(t, l.enterprise, loan.id), 403, 'FORBIDDEN');
      expectProblem(await rejectReq(t, l.auditor, loan.id), 403, 'FORBIDDEN');
      expect((await getLoan(t, l.officer, loan.id)).status).toBe('PENDING_REVIEW');

      const res = await rejectReq(t, l.senior, loan.id, { reason: 'herd count not confirmed' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('REJECTED');
      expect(res.body.reserved).toBe(false);
      const view = await getLoan(t, l.officer, loan.id);
      expect(view.history[2]).toEqual({
        from: 'PENDING_REVIEW',
        to: 'REJECTED',
        actor: actorOf(l.senior),
        comment: null,
        reason: 'herd count not confirmed',
        at: expect.any(String),
      });

      // REJECTED is final
      expectProblem(await approveReq(t, l.officer, loan.id), 409, 'INVALID_TRANSITION');
      expectProblem(await rejectReq(t, l.officer, loan.id), 409, 'INVALID_TRANSITION');
      expectProblem(await cancelReq(t, l.officer, loan.id), 409, 'INVALID_TRANSITION');
      expect((await getLoan(t, l.officer, loan.id)).history).toHaveLength(3);
    });

    it('rejecting a PENDING_SECOND_APPROVAL one: nothing was reserved, nothing is released', async () => {
      const base = await submitOk(t, l.officer2, l.programme.id, l.suppliers[0].id, { amount: '30000.00' });
      await approveOk(t, l.officer, base.id); // something reserved, so a wrong release would show
      const before = await counters(t, countersOf(l));
      expect(before.outstanding).not.toBe('0.00');
      const loan = await submitOk(t, l.officer2, l.programme.id, l.suppliers[0].id, { amount: '70000.00' });
      await approveOk(t, l.officer, loan.id, 'PENDING_SECOND_APPROVAL');
      const res = await rejectReq(t, l.senior, loan.id, { reason: 'second reviewer disagrees' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('REJECTED');
      expect(await counters(t, countersOf(l))).toEqual(before);
      const history = (await getLoan(t, l.officer, loan.id)).history;
      expect(history[3]).toMatchObject({
        from: 'PENDING_SECOND_APPROVAL',
        to: 'REJECTED',
        reason: 'second reviewer disagrees',
        actor: actorOf(l.senior),
      });
    });

    it('cancel is refused before approval (409 per the state machine) and for a REJECTED_INELIGIBLE one', async () => {
      const pending = await submitOk(t, l.enterprise, l.programme.id, l.suppliers[0].id, { amount: '20000.00' });
      expectProblem(await cancelReq(t, l.enterprise, pending.id), 409, 'INVALID_TRANSITION');
      expectProblem(await cancelReq(t, l.officer, pending.id), 409, 'INVALID_TRANSITION');
      const second = await submitOk(t, l.enterprise, l.programme.id, l.suppliers[0].id, { amount: '60000.00' });
      await approveOk(t, l.officer, second.id, 'PENDING_SECOND_APPROVAL');
      expectProblem(await cancelReq(t, l.officer, second.id), 409, 'INVALID_TRANSITION');
      const ineligible = await submitOk(t, l.officer, l.programme.id, l.suppliers[1].id, { amount: '20000.00' });
      expect(ineligible.status).toBe('REJECTED_INELIGIBLE');
      expectProblem(await cancelReq(t, l.officer, ineligible.id), 409, 'INVALID_TRANSITION');
      expectProblem(await approveReq(t, l.officer, ineligible.id), 409, 'INVALID_TRANSITION');
      expectProblem(await rejectReq(t, l.officer, ineligible.id), 409, 'INVALID_TRANSITION');
      const conflict = await approveReq(t, l.officer, ineligible.id);
      expect(conflict.body.currentStatus).toBe('REJECTED_INELIGIBLE');
    });

    it('cancel of an APPROVED loan (ENTERPRISE own, OFFICER) releases exactly its amount at once; other roles 403, no reason 400', async () => {
      const before = await counters(t, countersOf(l));
      const a = await submitOk(t, l.enterprise, l.programme.id, l.suppliers[0].id, { amount: '12345.67' });
      const b = await submitOk(t, l.enterprise, l.programme.id, l.suppliers[0].id, { amount: '10000.01' });
      await approveOk(t, l.officer, a.id);
      await approveOk(t, l.officer, b.id);
      const mid = await counters(t, countersOf(l));
      const up = (x: string, by: string) => fromFen(fen(x) + fen(by));
      expect(mid.outstanding).toBe(up(before.outstanding, '22345.68'));
      expect(mid.reserved).toBe(up(before.reserved!, '22345.68'));
      // 12345.67 x 0.5 = 6172.835 → 6172.84 and 10000.01 x 0.5 = 5000.005 → 5000.00 (half-even)
      expect(mid.guaranteed).toBe(up(before.guaranteed, '11172.84'));
      // approve/reject an APPROVED loan is a state conflict
      expectProblem(await approveReq(t, l.officer, a.id), 409, 'INVALID_TRANSITION');
      expectProblem(await rejectReq(t, l.officer, a.id), 409, 'INVALID_TRANSITION');

      expectFieldError(await cancelReq(t, l.enterprise, a.id, {}), 'reason', 'REQUIRED');
      expectProblem(await cancelReq(t, l.senior, a.id), 403, 'FORBIDDEN');
      expectProblem(await cancelReq(t, l.auditor, a.id), 403, 'FORBIDDEN');

      const ca = await cancelReq(t, l.enterprise, a.id, { reason: 'the farmer sold the herd' });
      expect(ca.status).toBe(200);
      expect(ca.body).toMatchObject({ status: 'CANCELLED', reserved: false });
      const afterA = await counters(t, countersOf(l));
      expect(afterA.outstanding).toBe(up(before.outstanding, '10000.01'));
      expect(afterA.reserved).toBe(up(before.reserved!, '10000.01'));

      const cb = await cancelReq(t, l.officer, b.id, { reason: 'duplicate' });
      expect(cb.status).toBe(200);
      expect(await counters(t, countersOf(l))).toEqual(before);

      const view = await getLoan(t, l.officer, a.id);
      expect(view.history.at(-1)).toEqual({
        from: 'APPROVED',
        to: 'CANCELLED',
        actor: actorOf(l.enterprise),
        comment: null,
        reason: 'the farmer sold the herd',
        at: expect.any(String),
      });
      // CANCELLED is final
      expectProblem(await cancelReq(t, l.officer, a.id), 409, 'INVALID_TRANSITION');
      expectProblem(await approveReq(t, l.officer, a.id), 409, 'INVALID_TRANSITION');
      expectProblem(await rejectReq(t, l.officer, a.id), 409, 'INVALID_TRANSITION');
      expect(await counters(t, countersOf(l))).toEqual(before);
    });

    it('the guaranteed share is rounded half-even to the fen and released exactly', async () => {
      const x = await lending(t, { programme: { guaranteeRatio: '0.5' } });
      const loan = await submitOk(t, x.officer2, x.programme.id, x.suppliers[0].id, { amount: '12345.67' });
      expect(loan.guaranteedAmount).toBe('6172.84'); // 6172.835 → 6172.84 (half-even: 3 is odd)
      await approveOk(t, x.officer, loan.id);
      expect((await counters(t, countersOf(x))).guaranteed).toBe('6172.84');
      await cancelReq(t, x.officer, loan.id);
      expect((await counters(t, countersOf(x))).guaranteed).toBe('0.00');
    });

    it('an APPROVED loan in an open (DRAFT) disbursement batch cannot be cancelled: 409 LOAN_IN_OPEN_BATCH', async () => {
      const x = await lending(t);
      const loan = await submitOk(t, x.officer2, x.programme.id, x.suppliers[0].id, { amount: '20000.00' });
      await approveOk(t, x.officer, loan.id);
      const batch = await t.http().post('/disbursement-batches').set(x.officer.auth).send({ programmeId: x.programme.id });
      expect(batch.status).toBe(201);
      expectProblem(await cancelReq(t, x.enterprise, loan.id), 409, 'LOAN_IN_OPEN_BATCH');
      expect((await counters(t, countersOf(x))).outstanding).toBe('20000.00');
      const discarded = await t.http().delete(`/disbursement-batches/${batch.body.id}`).set(x.officer.auth);
      expect(discarded.status).toBe(204);
      expect((await cancelReq(t, x.enterprise, loan.id)).status).toBe(200);
      expect(await counters(t, countersOf(x))).toEqual({
        outstanding: '0.00',
        guaranteed: '0.00',
        reserved: '0.00',
        available: '150000.00',
      });
    });
  });

  describe('disbursement states through the API', () => {
    afterEach(() => {
      t.app.get(BankSimService).configure({ latencyMs: 0, badAccounts: [] });
    });

    it('DISBURSING refuses approve, reject and cancel (409); DISBURSED too, and keeps its reservation', async () => {
      const x = await lending(t);
      const loan = await submitOk(t, x.officer2, x.programme.id, x.suppliers[0].id, { amount: '30000.00' });
      await approveOk(t, x.officer, loan.id);
      t.app.get(BankSimService).configure({ latencyMs: 1500 });
      const batchId = await startDisbursement(t, x.officer, x.senior, x.programme.id);
      const disbursing = await pollUntil(
        () => getLoan(t, x.officer, loan.id),
        (v) => v.status !== 'APPROVED',
      );
      expect(disbursing.status).toBe('DISBURSING');
      expectProblem(await approveReq(t, x.senior, loan.id), 409, 'INVALID_TRANSITION');
      expectProblem(await rejectReq(t, x.senior, loan.id), 409, 'INVALID_TRANSITION');
      const cancel = await cancelReq(t, x.enterprise, loan.id);
      expectProblem(cancel, 409, 'INVALID_TRANSITION');
      expect(cancel.body.currentStatus).toBe('DISBURSING');

      const batch = await waitForBatch(t, x.officer, batchId);
      expect(batch.status).toBe('COMPLETED');
      const paid = await getLoan(t, x.officer, loan.id);
      expect(paid.status).toBe('DISBURSED');
      expect(paid.disbursedAt).toEqual(expect.any(String));
      expect(paid.history.slice(-2).map((h: { from: string; to: string }) => [h.from, h.to])).toEqual([
        ['APPROVED', 'DISBURSING'],
        ['DISBURSING', 'DISBURSED'],
      ]);
      expectProblem(await approveReq(t, x.senior, loan.id), 409, 'INVALID_TRANSITION');
      expectProblem(await rejectReq(t, x.senior, loan.id), 409, 'INVALID_TRANSITION');
      expectProblem(await cancelReq(t, x.officer, loan.id), 409, 'INVALID_TRANSITION');
      // a paid loan still holds its limit (nothing is repaid yet)
      expect(await counters(t, countersOf(x))).toEqual({
        outstanding: '30000.00',
        guaranteed: '15000.00',
        reserved: '30000.00',
        available: '120000.00',
      });
    });

    it('payment failure returns the loan to APPROVED and releases its reservation; a later cancel releases nothing twice', async () => {
      const x = await lending(t, { suppliers: 2 });
      const good = await submitOk(t, x.officer2, x.programme.id, x.suppliers[0].id, { amount: '40000.00' });
      const bad = await submitOk(t, x.officer2, x.programme.id, x.suppliers[1].id, { amount: '25000.00' });
      await approveOk(t, x.officer, good.id);
      await approveOk(t, x.officer, bad.id);
      const where = { programmeId: x.programme.id, coreEnterpriseId: x.ce.id };
      expect(await counters(t, where)).toEqual({ outstanding: '65000.00', guaranteed: '32500.00' });
      expect((await counters(t, countersOf(x, x.suppliers[1]))).reserved).toBe('25000.00');

      t.app.get(BankSimService).configure({ badAccounts: [x.suppliers[1].bankAccount] });
      const batchId = await startDisbursement(t, x.officer, x.senior, x.programme.id);
      const batch = await waitForBatch(t, x.officer, batchId);
      expect(batch.status).toBe('PARTIALLY_FAILED');
      const failedItem = batch.items.find((i: { loanApplicationId: string }) => i.loanApplicationId === bad.id);
      expect(failedItem.status).toBe('FAILED');

      const back = await getLoan(t, x.officer, bad.id);
      expect(back.status).toBe('APPROVED');
      expect(back.reserved).toBe(false);
      expect(back.history.slice(-2).map((h: { from: string; to: string }) => [h.from, h.to])).toEqual([
        ['APPROVED', 'DISBURSING'],
        ['DISBURSING', 'APPROVED'],
      ]);
      expect(back.history.at(-1).reason).toMatch(/refused/);
      expect((await getLoan(t, x.officer, good.id)).status).toBe('DISBURSED');

      // only the paid loan still holds limit
      expect(await counters(t, where)).toEqual({ outstanding: '40000.00', guaranteed: '20000.00' });
      expect(await counters(t, countersOf(x, x.suppliers[1]))).toMatchObject({ reserved: '0.00', available: '150000.00' });

      // cancelling it now must not release a second time
      const cancelled = await cancelReq(t, x.officer, bad.id, { reason: 'account closed' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('CANCELLED');
      expect(await counters(t, where)).toEqual({ outstanding: '40000.00', guaranteed: '20000.00' });
      expect((await counters(t, countersOf(x, x.suppliers[1]))).reserved).toBe('0.00');
    });

    it('a loan whose payment failed reserves again when it goes into a new batch, and is then paid', async () => {
      const x = await lending(t);
      const loan = await submitOk(t, x.officer2, x.programme.id, x.suppliers[0].id, { amount: '25000.00' });
      await approveOk(t, x.officer, loan.id);
      t.app.get(BankSimService).configure({ badAccounts: [x.suppliers[0].bankAccount] });
      const failed = await waitForBatch(t, x.officer, await startDisbursement(t, x.officer, x.senior, x.programme.id));
      expect(failed.status).toBe('FAILED');
      expect(await counters(t, countersOf(x))).toEqual({
        outstanding: '0.00',
        guaranteed: '0.00',
        reserved: '0.00',
        available: '150000.00',
      });

      t.app.get(BankSimService).configure({ badAccounts: [] });
      const created = await t.http().post('/disbursement-batches').set(x.officer.auth).send({ programmeId: x.programme.id });
      expect(created.status).toBe(201);
      expect(created.body.items.map((i: { loanApplicationId: string }) => i.loanApplicationId)).toEqual([loan.id]);
      expect((await getLoan(t, x.officer, loan.id)).reserved).toBe(true);
      expect(await counters(t, countersOf(x))).toEqual({
        outstanding: '25000.00',
        guaranteed: '12500.00',
        reserved: '25000.00',
        available: '125000.00',
      });
      expect((await t.http().post(`/disbursement-batches/${created.body.id}/approve`).set(x.senior.auth).send()).status).toBe(200);
      expect((await t.http().post(`/disbursement-batches/${created.body.id}/execute`).set(x.officer.auth).send()).status).toBe(202);
      expect((await waitForBatch(t, x.officer, created.body.id)).status).toBe('COMPLETED');
      expect((await getLoan(t, x.officer, loan.id)).status).toBe('DISBURSED');
      expect(await counters(t, countersOf(x))).toEqual({
        outstanding: '25000.00',
        guaranteed: '12500.00',
        reserved: '25000.00',
        available: '125000.00',
      });
      const transfers = await t.http().get(`/bank-sim/transfers?reference=${loan.id}`).set(x.officer.auth);
      expect(transfers.body.items.map((i: { status: string }) => i.status).sort()).toEqual(['REJECTED', 'SETTLED']);
    });
  });

  // ---------------------------------------------------------------- reads, tenancy, roles

  describe('reads, tenancy and roles', () => {
    let a: Lending;
    let b: Lending;
    let loanA1: Record<string, any>;
    let loanA2: Record<string, any>;
    let loanB: Record<string, any>;
    beforeAll(async () => {
      a = await lending(t, { suppliers: 2 });
      b = await lending(t);
      loanA1 = await submitOk(t, a.enterprise, a.programme.id, a.suppliers[0].id, { amount: '11000.00' });
      loanA2 = await submitOk(t, a.officer, a.programme.id, a.suppliers[1].id, { amount: '12000.00' });
      loanB = await submitOk(t, b.enterprise, b.programme.id, b.suppliers[0].id, { amount: '13000.00' });
      await approveOk(t, a.officer2, loanA2.id);
    });

    it('the list is oldest first, with a masked supplier summary, the screening at submission and the current one', async () => {
      const res = await t.http().get(`/loan-applications?coreEnterpriseId=${a.ce.id}`).set(a.officer.auth);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ page: 1, total: 2 });
      expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([loanA1.id, loanA2.id]);
      const first = res.body.items[0];
      expect(first.supplier).toEqual({
        id: a.suppliers[0].id,
        supplierCode: a.suppliers[0].supplierCode,
        name: expect.any(String),
        supplierType: 'INDIVIDUAL',
        idNumber: masked(a.suppliers[0].idNumber),
      });
      expect(JSON.stringify(res.body)).not.toContain(a.suppliers[0].idNumber);
      expect(first.screening).toMatchObject({ eligible: true, creditLimit: '150000.00' });
      expect(first.currentScreening).toEqual({ eligible: true, creditLimit: '150000.00', availableLimit: '150000.00', rulesetVersion: 1 });
      const second = res.body.items[1];
      expect(second.status).toBe('APPROVED');
      expect(second.currentScreening.availableLimit).toBe('138000.00');
    });

    it('filters by status, programme, supplier and core enterprise, and pages', async () => {
      const q = async (qs: string) => {
        const r = await t.http().get(`/loan-applications?${qs}`).set(a.officer.auth);
        expect(r.status).toBe(200);
        return r.body;
      };
      expect((await q(`programmeId=${a.programme.id}&status=APPROVED`)).items.map((i: { id: string }) => i.id)).toEqual([loanA2.id]);
      expect((await q(`programmeId=${a.programme.id}&status=PENDING_REVIEW`)).items.map((i: { id: string }) => i.id)).toEqual([loanA1.id]);
      expect((await q(`supplierId=${a.suppliers[1].id}`)).items.map((i: { id: string }) => i.id)).toEqual([loanA2.id]);
      expect((await q(`coreEnterpriseId=${b.ce.id}`)).items.map((i: { id: string }) => i.id)).toEqual([loanB.id]);
      const p2 = await q(`coreEnterpriseId=${a.ce.id}&page=2&pageSize=1`);
      expect(p2).toMatchObject({ page: 2, pageSize: 1, total: 2 });
      expect(p2.items.map((i: { id: string }) => i.id)).toEqual([loanA2.id]);
      expectFieldError(await t.http().get('/loan-applications?status=LOST').set(a.officer.auth), 'status');
      expectFieldError(await t.http().get('/loan-applications?programmeId=nope').set(a.officer.auth), 'programmeId', 'INVALID_UUID');
      expect((await t.http().get('/loan-applications?pageSize=501').set(a.officer.auth)).status).toBe(400);
    });

    it('an ENTERPRISE sees only its own applications, whatever it asks for', async () => {
      const own = await t.http().get('/loan-applications').set(b.enterprise.auth);
      expect(own.status).toBe(200);
      expect(own.body.total).toBe(1);
      expect(own.body.items.map((i: { id: string }) => i.id)).toEqual([loanB.id]);
      const foreign = await t.http().get(`/loan-applications?coreEnterpriseId=${a.ce.id}`).set(b.enterprise.auth);
      expect(foreign.status).toBe(200);
      expect(foreign.body).toMatchObject({ total: 0, items: [] });
      const byProgramme = await t.http().get(`/loan-applications?programmeId=${a.programme.id}`).set(b.enterprise.auth);
      expect(byProgramme.body.total).toBe(0);
    });

    it("an ENTERPRISE of another core enterprise gets 404 on A's application (GET, cancel), never its data", async () => {
      const get = await t.http().get(`/loan-applications/${loanA1.id}`).set(b.enterprise.auth);
      expectProblem(get, 404, 'NOT_FOUND');
      expect(JSON.stringify(get.body)).not.toContain(a.suppliers[0].supplierCode);
      expectProblem(await cancelReq(t, b.enterprise, loanA2.id), 404, 'NOT_FOUND');
      expect((await getLoan(t, a.officer, loanA2.id)).status).toBe('APPROVED');
      // and the owner's own enterprise user reads it
      expect((await getLoan(t, a.enterprise, loanA1.id)).id).toBe(loanA1.id);
    });

    it('an AUDITOR reads but cannot submit, approve, reject, cancel or batch (403)', async () => {
      expect((await t.http().get('/loan-applications').set(a.auditor.auth)).status).toBe(200);
      const view = await getLoan(t, a.auditor, loanA1.id);
      expect(view.history).toHaveLength(2);
      expectProblem(await submitReq(t, a.auditor, loanBody(a.programme.id, a.suppliers[0].id)), 403, 'FORBIDDEN');
      expectProblem(await approveReq(t, a.auditor, loanA1.id), 403, 'FORBIDDEN');
      expectProblem(await rejectReq(t, a.auditor, loanA1.id), 403, 'FORBIDDEN');
      expectProblem(await cancelReq(t, a.auditor, loanA2.id), 403, 'FORBIDDEN');
      const batch = await t
        .http()
        .post(`/programmes/${a.programme.id}/loan-applications:batch`)
        .set(a.auditor.auth)
        .send({ applications: [{ supplierId: a.suppliers[0].id, amount: '10000.00', termDays: 90 }] });
      expectProblem(batch, 403, 'FORBIDDEN');
      expect((await getLoan(t, a.officer, loanA1.id)).status).toBe('PENDING_REVIEW');
    });

    it('ADMIN and SENIOR_OFFICER may not submit (403)', async () => {
      const refusals = [
        expectProblem(await submitReq(t, t.admin, loanBody(a.programme.id, a.suppliers[0].id)), 403, 'FORBIDDEN'),
        expectProblem(await submitReq(t, a.senior, loanBody(a.programme.id, a.suppliers[0].id)), 403, 'FORBIDDEN'),
      ];
      expect(refusals.map((p) => p.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    });

    it('anonymous callers get 401 everywhere', async () => {
      const anon = { auth: {} };
      const refusals = [
        expectProblem(await t.http().get('/loan-applications'), 401, 'UNAUTHENTICATED'),
        expectProblem(await t.http().get(`/loan-applications/${loanA1.id}`), 401, 'UNAUTHENTICATED'),
        expectProblem(await submitReq(t, anon, loanBody(a.programme.id, a.suppliers[0].id)), 401, 'UNAUTHENTICATED'),
        expectProblem(await approveReq(t, anon, loanA1.id), 401, 'UNAUTHENTICATED'),
        expectProblem(await rejectReq(t, anon, loanA1.id), 401, 'UNAUTHENTICATED'),
        expectProblem(await cancelReq(t, anon, loanA2.id), 401, 'UNAUTHENTICATED'),
        expectProblem(await t.http().get('/loan-applications').set('Authorization', 'Bearer not-a-token'), 401),
      ];
      expect(refusals.map((p) => p.status)).toEqual([401, 401, 401, 401, 401, 401, 401]);
    });

    it('a bad uuid is 400, an unknown one 404', async () => {
      const malformed = [
        expectFieldError(await t.http().get('/loan-applications/not-a-uuid').set(a.officer.auth), 'id', 'INVALID_UUID'),
        expectFieldError(await approveReq(t, a.officer, 'not-a-uuid'), 'id', 'INVALID_UUID'),
        expectFieldError(await rejectReq(t, a.officer, '1234'), 'id', 'INVALID_UUID'),
        expectFieldError(await cancelReq(t, a.officer, 'x'), 'id', 'INVALID_UUID'),
      ];
      expect(malformed.map((e) => e.code)).toEqual(['INVALID_UUID', 'INVALID_UUID', 'INVALID_UUID', 'INVALID_UUID']);
      const unknown = randomUUID();
      const missing = [
        expectProblem(await t.http().get(`/loan-applications/${unknown}`).set(a.officer.auth), 404, 'NOT_FOUND'),
        expectProblem(await approveReq(t, a.officer, unknown), 404, 'NOT_FOUND'),
        expectProblem(await rejectReq(t, a.officer, unknown), 404, 'NOT_FOUND'),
        expectProblem(await cancelReq(t, a.officer, unknown), 404, 'NOT_FOUND'),
      ];
      expect(missing.map((p) => p.code)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    });
  });

  // ---------------------------------------------------------------- idempotency

  describe('Idempotency-Key', () => {
    let l: Lending;
    beforeAll(async () => {
      l = await lending(t);
    });
    const loansOf = async (supplierId: string) =>
      (await t.db.query(`SELECT count(*)::int AS n FROM loan_applications WHERE supplier_id = $1`, [supplierId]))[0].n as number;

    it('on submission: the replay answers the same body and creates no second application', async () => {
      const [s] = await insertSuppliers(t, l.ce.id, [LIMIT_150K]);
      const body = loanBody(l.programme.id, s.id, { amount: '21000.00' });
      const key = `submit-${randomUUID()}`;
      const first = await submitReq(t, l.enterprise, body, { 'Idempotency-Key': key });
      expect(first.status).toBe(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const again = await submitReq(t, l.enterprise, body, { 'Idempotency-Key': key });
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await loansOf(s.id)).toBe(1);

      // the same key with another body is refused; another key makes another application
      expectProblem(
        await submitReq(t, l.enterprise, { ...body, amount: '22000.00' }, { 'Idempotency-Key': key }),
        422,
        'IDEMPOTENCY_KEY_REUSED',
      );
      expect(await loansOf(s.id)).toBe(1);
      const other = await submitReq(t, l.enterprise, body, { 'Idempotency-Key': `submit-${randomUUID()}` });
      expect(other.status).toBe(201);
      expect(other.body.id).not.toBe(first.body.id);
      expect(await loansOf(s.id)).toBe(2);
    });

    it('a refused submission does not burn the key: a corrected retry with the same key is a new request', async () => {
      const [s] = await insertSuppliers(t, l.ce.id, [LIMIT_150K]);
      const key = `submit-${randomUUID()}`;
      expectProblem(
        await submitReq(t, l.officer, loanBody(l.programme.id, s.id, { amount: '150000.01' }), { 'Idempotency-Key': key }),
        422,
        'AMOUNT_EXCEEDS_AVAILABLE_LIMIT',
      );
      expect(await loansOf(s.id)).toBe(0);
      const corrected = await submitReq(t, l.officer, loanBody(l.programme.id, s.id, { amount: '150000.00' }), { 'Idempotency-Key': key });
      expect(corrected.status).toBe(201);
      expect(corrected.headers['idempotent-replayed']).toBeUndefined();
      expect(await loansOf(s.id)).toBe(1);
    });

    it('on approve: the replay answers the same body and reserves only once', async () => {
      const [s] = await insertSuppliers(t, l.ce.id, [LIMIT_150K]);
      const loan = await submitOk(t, l.officer2, l.programme.id, s.id, { amount: '33000.00' });
      const before = await counters(t, { programmeId: l.programme.id, coreEnterpriseId: l.ce.id });
      const key = `approve-${randomUUID()}`;
      const first = await approveReq(t, l.officer, loan.id, { comment: 'ok' }, { 'Idempotency-Key': key });
      expect(first.status).toBe(200);
      expect(first.body.status).toBe('APPROVED');
      const again = await approveReq(t, l.officer, loan.id, { comment: 'ok' }, { 'Idempotency-Key': key });
      expect(again.status).toBe(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      const after = await counters(t, { programmeId: l.programme.id, coreEnterpriseId: l.ce.id, supplierId: s.id });
      expect(Number(after.outstanding) - Number(before.outstanding)).toBe(33000);
      expect(after.reserved).toBe('33000.00');
      expect((await getLoan(t, l.officer, loan.id)).history.filter((h: { to: string }) => h.to === 'APPROVED')).toHaveLength(1);
      // without the key, a second approval is a state conflict
      expectProblem(await approveReq(t, l.officer, loan.id, { comment: 'ok' }), 409, 'INVALID_TRANSITION');
    });

    it('on reject: the replay answers the same body; without the key a second reject is a state conflict', async () => {
      const [s] = await insertSuppliers(t, l.ce.id, [LIMIT_150K]);
      const loan = await submitOk(t, l.officer, l.programme.id, s.id, { amount: '15000.00' });
      const key = `reject-${randomUUID()}`;
      const send = () =>
        t
          .http()
          .post(`/loan-applications/${loan.id}/reject`)
          .set(l.senior.auth)
          .set('Idempotency-Key', key)
          .send({ reason: 'incomplete file' });
      const first = await send();
      expect(first.status).toBe(200);
      expect(first.body.status).toBe('REJECTED');
      const again = await send();
      expect(again.status).toBe(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect((await getLoan(t, l.officer, loan.id)).history.filter((h: { to: string }) => h.to === 'REJECTED')).toHaveLength(1);
      expectProblem(await rejectReq(t, l.senior, loan.id, { reason: 'incomplete file' }), 409, 'INVALID_TRANSITION');
    });

    it('on cancel: the replay answers the same body and releases only once', async () => {
      const [s] = await insertSuppliers(t, l.ce.id, [LIMIT_150K]);
      const loan = await submitOk(t, l.officer2, l.programme.id, s.id, { amount: '44000.00' });
      const before = await counters(t, { programmeId: l.programme.id, coreEnterpriseId: l.ce.id, supplierId: s.id });
      await approveOk(t, l.officer, loan.id);
      const key = `cancel-${randomUUID()}`;
      const first = await t
        .http()
        .post(`/loan-applications/${loan.id}/cancel`)
        .set(l.enterprise.auth)
        .set('Idempotency-Key', key)
        .send({ reason: 'changed plans' });
      expect(first.status).toBe(200);
      const again = await t
        .http()
        .post(`/loan-applications/${loan.id}/cancel`)
        .set(l.enterprise.auth)
        .set('Idempotency-Key', key)
        .send({ reason: 'changed plans' });
      expect(again.status).toBe(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await counters(t, { programmeId: l.programme.id, coreEnterpriseId: l.ce.id, supplierId: s.id })).toEqual(before);
    });
  });
});
