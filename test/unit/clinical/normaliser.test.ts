import { describe, expect, it, vi } from 'vitest';
import { createClinicalNormaliser } from '../../../src/domain/clinical/clinical-normaliser.js';
import { readLexiconFile } from '../../../src/domain/clinical/lexicon-file.js';

const normaliser = createClinicalNormaliser();
const best = (text: string) => normaliser.normalise(text)[0];
const entries = (text: string) => normaliser.normalise(text).map((m) => m.entry);

describe('clinical normaliser: match kinds and scores', () => {
  it('When a curated variant is written (Cantonese colloquial, brand, US name), then it is an exact match scoring 1', () => {
    expect(best('薄血丸')).toMatchObject({ entry: 'drug.warfarin', canonical: 'warfarin', how: 'exact', score: 1, text: '薄血丸' });
    expect(best('必理痛')).toMatchObject({ entry: 'drug.paracetamol', how: 'exact', score: 1 });
    expect(best('acetaminophen')).toMatchObject({ entry: 'drug.paracetamol', how: 'exact' });
    expect(best('Plavix')).toMatchObject({ entry: 'drug.clopidogrel', how: 'exact' });
    for (const pd of ['柏金遜', '帕金森', '巴金森']) expect(best(pd)).toMatchObject({ entry: 'dx.parkinsons-disease', how: 'exact', score: 1 });
  });

  it('When a Simplified form of a Traditional variant (or a mix of both scripts) is written, then it is a converted match scoring 1', () => {
    expect(best('柏金逊症')).toMatchObject({ entry: 'dx.parkinsons-disease', how: 'converted', score: 1 });
    expect(best('心房顫动')).toMatchObject({ entry: 'dx.atrial-fibrillation', how: 'converted', score: 1 });
  });

  it('When a transcript has a sound-alike error, then the entry is found as sound-alike with a score below 1', () => {
    const m = best('华法令');
    expect(m).toMatchObject({ entry: 'drug.warfarin', canonical: 'warfarin', how: 'sound-alike' });
    expect(m!.score).toBeGreaterThan(0.7);
    expect(m!.score).toBeLessThan(1);
    expect(best('柏金森')).toMatchObject({ entry: 'dx.parkinsons-disease', how: 'sound-alike' });
    expect(best('柏金森')!.score).toBeLessThan(1);
  });

  it('When a two-character word is heard as a homophone, then it matches only when it is the whole text, not inside a sentence', () => {
    expect(best('哮川')).toMatchObject({ entry: 'dx.asthma', how: 'sound-alike', score: 0.95 });
    expect(entries('病人話佢有哮川')).toEqual([]);
    expect(entries('病人話佢有哮喘')).toEqual(['dx.asthma']);
  });

  it('When full-width Latin letters or upper case are typed, then they fold to the same entry', () => {
    expect(best('ＷＡＲＦＡＲＩＮ')).toMatchObject({ entry: 'drug.warfarin', how: 'exact', text: 'ＷＡＲＦＡＲＩＮ' });
    expect(best('ＰＬＡＶＩＸ ７５ｍｇ')).toMatchObject({ entry: 'drug.clopidogrel' });
    expect(best('LIPITOR')).toMatchObject({ entry: 'drug.atorvastatin' });
  });

  it('When a longer term contains a shorter one, then the longest match wins', () => {
    expect(entries('Panadol Extra')).toEqual(['drug.paracetamol-caffeine']);
    expect(entries('高血壓')).toEqual(['dx.hypertension']);
    expect(entries('co-amoxiclav')).toEqual(['drug.co-amoxiclav']);
  });

  it('When free text mentions several entries, then each is reported once, exact before sound-alike', () => {
    const found = normaliser.normalise('病人有高血壓同糖尿病，食緊薄血丸 and Lipitor；華法令又食，仲有頭暈');
    expect(found.map((m) => m.entry)).toEqual(
      expect.arrayContaining(['dx.hypertension', 'dx.diabetes-mellitus', 'drug.warfarin', 'drug.atorvastatin', 'sx.dizziness']),
    );
    expect(found.filter((m) => m.entry === 'drug.warfarin')).toHaveLength(1);
    expect(found.find((m) => m.entry === 'drug.warfarin')!.how).toBe('exact');
    const scores = found.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('When a Latin term sits inside a longer word, then it does not match; short abbreviations keep their case in running text', () => {
    expect(entries('Marevanx')).toEqual([]);
    expect(entries('AFTER DINNER')).toEqual([]);
    expect(entries('known AF on warfarin')).toEqual(['dx.atrial-fibrillation', 'drug.warfarin']);
    expect(entries('came after lunch')).toEqual([]);
    expect(entries('af')).toEqual(['dx.atrial-fibrillation']);
  });

  it('When ordinary text mentions nothing clinical, then there are no matches', () => {
    expect(normaliser.normalise('今日天氣好好，我哋去飲茶')).toEqual([]);
    expect(normaliser.normalise('我而家喺醫院門口')).toEqual([]);
    expect(normaliser.normalise('我已經同護士長講咗')).toEqual([]);
    expect(normaliser.normalise('')).toEqual([]);
  });
});

describe('clinical normaliser as the DrugResolver', () => {
  it('When a combination product is named, then its ingredients come back', () => {
    expect(normaliser.resolveDrug('Augmentin')).toEqual({
      entry: 'drug.co-amoxiclav', canonical: 'co-amoxiclav', ingredients: ['amoxicillin', 'clavulanic acid'], how: 'exact', score: 1,
    });
    expect(normaliser.resolveDrug('Septrin')?.ingredients).toEqual(['sulfamethoxazole', 'trimethoprim']);
  });

  it('When one product name names several drugs, then it is one co-formulated product with all their ingredients', () => {
    expect(normaliser.resolveDrug('ibuprofen/paracetamol 200/500mg')).toEqual({
      entry: 'drug.ibuprofen+drug.paracetamol', canonical: 'ibuprofen/paracetamol', ingredients: ['ibuprofen', 'paracetamol'], how: 'exact', score: 1,
    });
    expect(normaliser.resolveDrug('Augmentin + 甲硝唑')?.ingredients).toEqual(['amoxicillin', 'clavulanic acid', 'metronidazole']);
    expect(normaliser.resolveDrug('paracetamol + codeine')).toMatchObject({ entry: 'drug.co-codamol', ingredients: ['paracetamol', 'codeine'] });
  });

  it('When a US name or a single drug is named, then the INN is the canonical term and the one ingredient', () => {
    expect(normaliser.resolveDrug('rifampin')).toMatchObject({ entry: 'drug.rifampicin', canonical: 'rifampicin', ingredients: ['rifampicin'] });
    expect(normaliser.resolveDrug('cyclosporine')?.canonical).toBe('ciclosporin');
    expect(normaliser.resolveDrug('meperidine')?.canonical).toBe('pethidine');
    expect(normaliser.resolveDrug('albuterol')?.canonical).toBe('salbutamol');
  });

  it('When a drug name is only heard alike, then the resolution says so and scores below 1 (the checker may ask to confirm)', () => {
    const r = normaliser.resolveDrug('华法令');
    expect(r).toMatchObject({ entry: 'drug.warfarin', ingredients: ['warfarin'], how: 'sound-alike' });
    expect(r!.score).toBeLessThan(1);
  });

  it('When the name is not a drug the lexicon knows (or not a drug at all), then it is unresolved', () => {
    expect(normaliser.resolveDrug('unknownium 5mg')).toBeUndefined();
    expect(normaliser.resolveDrug('高血壓')).toBeUndefined();
  });
});

describe('clinical normaliser loading', () => {
  it('When it is created, then nothing is read until the first use, and the file is read once', () => {
    const read = vi.fn(() => readLexiconFile());
    const lazy = createClinicalNormaliser(read);
    expect(read).not.toHaveBeenCalled();
    lazy.normalise('薄血丸');
    lazy.resolveDrug('warfarin');
    expect(read).toHaveBeenCalledTimes(1);
  });
});
