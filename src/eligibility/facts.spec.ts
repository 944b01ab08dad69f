import { daysBetween, isIsoDate } from '../common/business-date.js';
import { ageOn } from '../common/identifiers.js';
import { mulberry32 } from '../common/seeded-random.spec-helper.js';
import { ymd, ymdDayNumber } from '../common/dates.js';
import { factsOf, type SupplierFactSource } from './facts.js';

const source = (over: Partial<SupplierFactSource> = {}): SupplierFactSource => ({
  supplierType: 'INDIVIDUAL',
  province: '内蒙古',
  herdSize: 120,
  yearsExperience: '5.50',
  deliveryMonths: 24,
  avgMonthlyDeliveryKg: '54000.5',
  avgMonthlySettlement: '180000.00',
  birthDate: '1980-06-15',
  epidemicCertNo: '(蒙)动防合字第150102号',
  epidemicCertExpiry: '2026-12-31',
  blacklisted: false,
  hasOverdueLoan: false,
  ...over,
});

describe('factsOf', () => {
  it('turns a full record into facts, keeping decimals as strings', () => {
    expect(factsOf(source(), '2025-06-15')).toEqual({
      yearsExperience: '5.50',
      herdSize: 120,
      deliveryMonths: 24,
      avgMonthlyDeliveryKg: '54000.5',
      avgMonthlySettlement: '180000.00',
      age: 45,
      epidemicCertValidDays: 564,
      supplierType: 'INDIVIDUAL',
      province: '内蒙古',
      hasEpidemicCert: true,
      blacklisted: false,
      hasOverdueLoan: false,
    });
  });

  it('passes the flags through', () => {
    const f = factsOf(source({ blacklisted: true, hasOverdueLoan: true, supplierType: 'ENTITY' }), '2025-06-15');
    expect([f.blacklisted, f.hasOverdueLoan, f.supplierType]).toEqual([true, true, 'ENTITY']);
  });

  it('gives null for every missing value', () => {
    const f = factsOf(
      source({
        province: null,
        herdSize: null,
        yearsExperience: null,
        deliveryMonths: null,
        avgMonthlyDeliveryKg: null,
        avgMonthlySettlement: null,
        birthDate: null,
        epidemicCertNo: null,
        epidemicCertExpiry: null,
      }),
      '2025-06-15',
    );
    expect(f).toEqual({
      yearsExperience: null,
      herdSize: null,
      deliveryMonths: null,
      avgMonthlyDeliveryKg: null,
      avgMonthlySettlement: null,
      age: null,
      epidemicCertValidDays: null,
      supplierType: 'INDIVIDUAL',
      province: null,
      hasEpidemicCert: false,
      blacklisted: false,
      hasOverdueLoan: false,
    });
  });

  it('reads a blank province or certificate number as missing', () => {
    const f = factsOf(source({ province: '  ', epidemicCertNo: '' }), '2025-06-15');
    expect([f.province, f.hasEpidemicCert, f.epidemicCertValidDays]).toEqual([null, false, null]);
  });

  describe('age in completed years at the evaluation date', () => {
    it.each([
      ['1980-06-15', '2025-06-14', 44],
      ['1980-06-15', '2025-06-15', 45],
      ['1980-06-15', '2025-06-16', 45],
      ['2007-06-15', '2025-06-14', 17],
      ['2007-06-15', '2025-06-15', 18],
      ['1960-01-01', '2025-12-31', 65],
      ['1960-01-01', '2026-01-01', 66],
      ['1980-12-31', '2025-01-01', 44],
    ])('born %s, on %s: %i', (birthDate, on, age) => {
      expect(factsOf(source({ birthDate }), on).age).toBe(age);
    });

    it.each([
      ['2024-02-28', 19],
      ['2024-02-29', 20],
      ['2025-02-28', 20],
      ['2025-03-01', 21],
      ['2028-02-28', 23],
      ['2028-02-29', 24],
    ])('born 29 Feb 2004, on %s: %i (turns over on 1 Mar in common years)', (on, age) => {
      expect(factsOf(source({ birthDate: '2004-02-29' }), on).age).toBe(age);
    });

    it("an ENTITY's age is its legal representative's, whose birth date the caller passes", () => {
      const f = factsOf(source({ supplierType: 'ENTITY', birthDate: '1960-06-16' }), '2025-06-15');
      expect(f.age).toBe(64);
      expect(factsOf(source({ supplierType: 'ENTITY', birthDate: '1960-06-16' }), '2025-06-16').age).toBe(65);
    });
  });

  describe('epidemicCertValidDays', () => {
    it.each([
      ['2025-06-15', 0],
      ['2025-06-14', -1],
      ['2025-06-16', 1],
      ['2025-07-15', 30],
      ['2024-06-15', -365],
      ['2028-06-15', 1096],
    ])('expiring %s, evaluated 2025-06-15: %i days', (epidemicCertExpiry, days) => {
      const f = factsOf(source({ epidemicCertExpiry }), '2025-06-15');
      expect([f.hasEpidemicCert, f.epidemicCertValidDays]).toEqual([true, days]);
    });

    it('counts calendar days across a leap day and across months', () => {
      expect(factsOf(source({ epidemicCertExpiry: '2024-03-01' }), '2024-02-28').epidemicCertValidDays).toBe(2);
      expect(factsOf(source({ epidemicCertExpiry: '2025-11-03' }), '2025-03-08').epidemicCertValidDays).toBe(240);
    });

    it('is null with no certificate, even when an expiry is on record', () => {
      const f = factsOf(source({ epidemicCertNo: null, epidemicCertExpiry: '2026-01-01' }), '2025-06-15');
      expect([f.hasEpidemicCert, f.epidemicCertValidDays]).toEqual([false, null]);
    });

    it('is null for a certificate without an expiry, which is still a certificate on record', () => {
      const f = factsOf(source({ epidemicCertExpiry: null }), '2025-06-15');
      expect([f.hasEpidemicCert, f.epidemicCertValidDays]).toEqual([true, null]);
    });
  });

  describe('refuses malformed input rather than deciding on it', () => {
    it.each([['2025-6-15'], ['2025-02-30'], [''], ['15/06/2025']])('evaluation date %p', (on) => {
      expect(() => factsOf(source(), on)).toThrow(RangeError);
    });

    it.each<[Partial<SupplierFactSource>]>([
      [{ birthDate: '1980-13-01' }],
      [{ epidemicCertExpiry: '2026/5/1' }],
      [{ yearsExperience: '3,5' }],
      [{ yearsExperience: '-1' }],
      [{ avgMonthlySettlement: '1e5' }],
      [{ avgMonthlyDeliveryKg: '' }],
      [{ herdSize: 12.5 }],
      [{ herdSize: -1 }],
      [{ deliveryMonths: Number.NaN }],
    ])('%p', (over) => {
      expect(() => factsOf(source(over), '2025-06-15')).toThrow(RangeError);
    });
  });
});

describe('dates read as yyyymmdd', () => {
  // what factsOf computed before, through Date objects: the fast path must decide exactly as they do
  const random = mulberry32(20261130);
  const someDate = () => {
    const y = 1 + Math.floor(random() * 9998);
    const m = 1 + Math.floor(random() * 12);
    const d = 1 + Math.floor(random() * 31);
    return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };

  it('accepts exactly the real dates isIsoDate accepts', () => {
    for (let i = 0; i < 20_000; i++) {
      const v = someDate();
      expect([v, ymd(v) >= 0]).toEqual([v, isIsoDate(v)]);
    }
    for (const v of ['2025-6-15', '2025-02-30', '', '15/06/2025', '2025-06-1a', '+02025-06-1', '2024-02-29x']) expect(ymd(v)).toBe(-1);
  });

  it('counts days and completed years as Date arithmetic does', () => {
    for (let i = 0; i < 20_000; i++) {
      const [a, b] = [someDate(), someDate()];
      if (!isIsoDate(a) || !isIsoDate(b)) continue;
      expect([a, b, ymdDayNumber(ymd(b)) - ymdDayNumber(ymd(a))]).toEqual([a, b, daysBetween(a, b)]);
      expect([a, b, factsOf(source({ birthDate: a }), b).age]).toEqual([a, b, ageOn(a, b)]);
    }
    expect(factsOf(source({ birthDate: '2000-02-29' }), '2027-02-28').age).toBe(26);
    expect(factsOf(source({ birthDate: '2000-02-29' }), '2027-03-01').age).toBe(27);
  });
});
